"""Whole copies of an archive, all made with SQLite's backup API so they are consistent even while
the archive is in use: backups, the first start's copy of the bundled archive, and the sample
build's finishing touches and comparable dump."""

from __future__ import annotations

import os
import sqlite3
import time
from pathlib import Path
from typing import Any

from ..errors import NotAnArchive
from .connection import Connection, _open_connection, _writable
from .schema import APPLICATION_ID, looks_like_ours
from .text_codec import unpack

# How long a restore waits for another writer to finish before it gives up, in seconds.
BUSY_WAIT = 10.0

# Columns that say when and where a build ran rather than what the archive holds.
_VOLATILE = {"imported_at", "updated_at", "source_path", "added_at", "at", "created_at"}
_TABLES = [
    ("documents", "key"),
    ("texts", "document_id, position"),
    ("entities", "kind, name"),
    ("aliases", "entity_id, alias"),
    ("document_entities", "document_id, position, entity_id, role"),  # in order; the numbers are not compared
    ("reference_numbers", "document_id, id"),
    ("links", "source_id, id"),
    ("archival_refs", "document_id, id"),
    ("pages", "document_id, position"),
    ("files", "sha256"),
    ("annotations", "document_id, id"),
    ("collections", "name"),
]


def copy_connection(source: sqlite3.Connection, dest: Path, *, self_contained: bool = False) -> None:
    """Copy what ``source`` holds into the file ``dest``; ``self_contained`` leaves the copy in
    rollback-journal mode, one file with no -wal beside it. Raises sqlite3.Error."""
    target = sqlite3.connect(dest)
    try:
        with target:
            source.backup(target)
        if self_contained:
            target.execute("PRAGMA journal_mode = DELETE")
    finally:
        target.close()


def copy_file(source: Path, dest: Path) -> None:
    """Copy the archive file ``source`` into ``dest`` without ever writing to ``source`` (opened
    ``immutable`` where SQLite could not even make a lock file beside it). Raises sqlite3.Error."""
    src = _open_connection(source, True, immutable=not _writable(source))
    try:
        copy_connection(src, dest)
    finally:
        src.close()


class UnreadableTarget(Exception):
    """The file to restore onto is not one SQLite can read at all (so no one can be using it)."""


def content_dump(conn: sqlite3.Connection) -> dict[str, Any]:
    """Everything an archive holds, without build times and paths, comparable across builds (texts
    as text, however their bodies are stored)."""
    dump: dict[str, Any] = {}
    for table, order in _TABLES:
        rows = conn.execute(f"SELECT * FROM {table} ORDER BY {order}").fetchall()
        names = [d[0] for d in conn.execute(f"SELECT * FROM {table} LIMIT 0").description]
        dump[table] = [
            {name: value for name, value in zip(names, row, strict=True) if name not in _VOLATILE} for row in rows
        ]
    for text in dump["texts"]:
        text["body"] = unpack(text["body"])
    for mention in dump["document_entities"]:
        mention.pop("position", None)
    dump["search"] = index_places(conn)
    dump["terms"] = [tuple(row) for row in conn.execute("SELECT term, key FROM terms ORDER BY term")]
    dump["user_version"] = conn.execute("PRAGMA user_version").fetchone()[0]
    dump["application_id"] = conn.execute("PRAGMA application_id").fetchone()[0]
    return dump


def index_places(conn: sqlite3.Connection) -> list[tuple[str, int, str, int]]:
    """Every place the full-text index holds a word (term, document, column, offset): the index
    keeps no copy of its rows, so this is what it holds."""
    conn.execute("CREATE VIRTUAL TABLE temp.index_places USING fts5vocab(main, search, 'instance')")
    try:
        return [tuple(row) for row in conn.execute("SELECT term, doc, col, offset FROM temp.index_places")]
    finally:
        conn.execute("DROP TABLE temp.index_places")


def _give_up_when_busy() -> Any:
    """A backup progress callback that ends the copy once another writer has held the target for
    ``BUSY_WAIT`` seconds: Python's ``backup`` would otherwise retry for as long as the writer runs."""
    started = time.monotonic()

    def progress(status: int, remaining: int, total: int) -> None:
        if status in (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED) and time.monotonic() - started > BUSY_WAIT:
            raise sqlite3.OperationalError("database is locked")

    return progress


class Copies(Connection):
    """Copies of the open archive."""

    def backup_into(self, dest: Path) -> None:
        """A consistent, self-contained copy of the archive in the new file ``dest``. Raises sqlite3.Error."""
        copy_connection(self.conn, dest, self_contained=True)

    def restore_into(self, target: Path, keep: Path) -> None:
        """Put what this archive holds in place of what the archive file ``target`` holds, through
        SQLite's backup API into the live file: one write transaction, so every other connection (a
        window, an import) reads the old archive or the new one, writes on after it, and a kill at
        any moment leaves one of the two. ``target`` as it was is first copied to ``keep``.

        Raises NotAnArchive (another program's database, left unwritten), UnreadableTarget (a file
        SQLite cannot read: the caller swaps it) or sqlite3.Error."""
        dest = _open_connection(target, False)
        try:
            try:
                owner = dest.execute("PRAGMA application_id").fetchone()[0]
                if owner != APPLICATION_ID and (owner or not looks_like_ours(dest)):
                    raise NotAnArchive(
                        f"{target}: not an Archive Viewer archive (another program's SQLite database); "
                        "nothing was restored onto it"
                    )
                page_size = int(dest.execute("PRAGMA page_size").fetchone()[0])
                wal = dest.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
                partial = keep.with_name(f"{keep.name}.{os.getpid()}.partial")
                try:
                    copy_connection(dest, partial, self_contained=True)
                except BaseException:
                    partial.unlink(missing_ok=True)
                    raise
            except sqlite3.DatabaseError as error:
                if isinstance(error, sqlite3.OperationalError):  # busy, full, read-only: not the file's fault
                    raise
                raise UnreadableTarget(str(error)) from None
            os.replace(partial, keep)
            if wal and int(self._one("PRAGMA page_size")) != page_size:
                # SQLite copies into a live WAL file only between equal page sizes
                self.conn.execute("PRAGMA journal_mode = DELETE")
                self.conn.execute(f"PRAGMA page_size = {page_size}")
                self.conn.execute("VACUUM")
            try:
                self.conn.backup(dest, progress=_give_up_when_busy())  # every page in one step: one transaction
            except sqlite3.Error:
                keep.unlink()  # the target is as it was: no copy of it to keep
                raise
        finally:
            dest.close()

    def settle_sample_build(self) -> None:
        """Make a freshly built sample archive independent of where it was built: paths become file
        names, the import log goes, and the write-ahead log is folded into the file."""
        self.conn.execute("UPDATE documents SET source_path = source_name")
        self.conn.execute("DELETE FROM imports")
        self.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
