"""Whole copies of an archive, all made with SQLite's backup API so they are consistent even while
the archive is in use: backups, the first start's copy of the bundled archive, and the sample
build's finishing touches and comparable dump."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

from .connection import Connection, _open_connection, _writable

# Columns that say when and where a build ran rather than what the archive holds.
_VOLATILE = {"imported_at", "updated_at", "source_path", "added_at", "at", "created_at"}
_TABLES = [
    ("documents", "key"),
    ("texts", "document_id, position"),
    ("entities", "kind, name"),
    ("aliases", "entity_id, alias"),
    ("document_entities", "document_id, entity_id, role"),
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


def content_dump(conn: sqlite3.Connection) -> dict[str, Any]:
    """Everything an archive holds, without build times and paths, comparable across builds."""
    dump: dict[str, Any] = {}
    for table, order in _TABLES:
        rows = conn.execute(f"SELECT * FROM {table} ORDER BY {order}").fetchall()
        names = [d[0] for d in conn.execute(f"SELECT * FROM {table} LIMIT 0").description]
        dump[table] = [
            {name: value for name, value in zip(names, row, strict=True) if name not in _VOLATILE} for row in rows
        ]
    dump["search"] = [tuple(row) for row in conn.execute("SELECT rowid, * FROM search ORDER BY rowid")]
    dump["terms"] = [tuple(row) for row in conn.execute("SELECT term, key FROM terms ORDER BY term")]
    dump["user_version"] = conn.execute("PRAGMA user_version").fetchone()[0]
    dump["application_id"] = conn.execute("PRAGMA application_id").fetchone()[0]
    return dump


class Copies(Connection):
    """Copies of the open archive."""

    def backup_into(self, dest: Path) -> None:
        """A consistent, self-contained copy of the archive in the new file ``dest``. Raises sqlite3.Error."""
        copy_connection(self.conn, dest, self_contained=True)

    def settle_sample_build(self) -> None:
        """Make a freshly built sample archive independent of where it was built: paths become file
        names, the import log goes, and the write-ahead log is folded into the file."""
        self.conn.execute("UPDATE documents SET source_path = source_name")
        self.conn.execute("DELETE FROM imports")
        self.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
