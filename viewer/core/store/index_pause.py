"""Indexes a large import leaves out while it writes and makes again when it ends (issue 16).

Six indexes of documents are in an order unrelated to an import's: by language, type and group in
date order, by last date, by title, and the documents to review in date order. Each new document
lands on a leaf page of each that no other document of its group touched, so in an archive of a
million documents every commit wrote five or six 16 kB pages a document for them (without five of
them its SQL took 111 µs a document, against 289). Made from the table at the end, one takes under
two seconds at a million documents. So an import of many files, against what the archive holds
(``worth_leaving_out``), drops them first, their statements kept in ``index_pause`` in the same
transaction, and makes them again when it ends, however it ends.

Nothing reads these indexes to be right: without them the same queries answer, slower. A kill
leaves the table's rows; once no live process left them out (``orphaned``), the next import, the
window (on its write thread, as it opens the archive: about 8 s at a million) and ``check --repair``
make them again, and ``check`` says they wait.
"""

from __future__ import annotations

import os
import socket
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

LEFT_OUT = (
    "documents_language_date",
    "documents_type_date",
    "documents_group_date",
    "documents_date_end",
    "documents_by_title",
    "documents_review",
)
AT_LEAST = 10_000  # files of an import: below this, the indexes' pages it touches stay few
SHARE = 4  # ... and at least a quarter of the documents already in (making them again reads them all)
TABLE = "CREATE TABLE IF NOT EXISTS index_pause (name TEXT PRIMARY KEY, sql TEXT NOT NULL, owner INTEGER, host TEXT)"

# archives (resolved paths) an import of this process is writing with indexes left out
_HELD: dict[Path, int] = {}


def worth_leaving_out(conn: sqlite3.Connection, files: int) -> bool:
    """Whether an import of ``files`` text files gains by leaving the indexes out."""
    if files < AT_LEAST:
        return False
    last = conn.execute("SELECT max(id) FROM documents").fetchone()[0] or 0  # count(*) reads them all
    return files * SHARE >= last


def left_out(conn: sqlite3.Connection) -> list[tuple[str, int | None, str | None]]:
    """The indexes left out, each with the process (id and machine) that left it out."""
    if not conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'index_pause'").fetchone():
        return []
    return [tuple(row) for row in conn.execute("SELECT name, owner, host FROM index_pause ORDER BY name")]


def leave_out(conn: sqlite3.Connection) -> None:
    """Drop the indexes, their statements kept (one transaction: a kill leaves both or neither)."""
    conn.execute("BEGIN IMMEDIATE")
    try:
        conn.execute(TABLE)
        present = conn.execute(
            f"SELECT name, sql FROM sqlite_master WHERE type = 'index' AND name IN ({','.join('?' * len(LEFT_OUT))})",
            LEFT_OUT,
        ).fetchall()
        owner = (os.getpid(), socket.gethostname())
        for name, sql in present:
            conn.execute("INSERT OR REPLACE INTO index_pause (name, sql) VALUES (?, ?)", (name, sql))
            conn.execute(f'DROP INDEX "{name}"')
        # this import's, and any a killed import left out before: this one makes them again too
        conn.execute("UPDATE index_pause SET owner = ?, host = ?", owner)
    except BaseException:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise
    conn.execute("COMMIT")


def make_again(conn: sqlite3.Connection) -> list[str]:
    """Make every index left out, each in a transaction of its own (a writer waiting on the archive
    waits for one, a couple of seconds at a million documents, not for all); the table goes with
    the last. Returns the names made."""
    made = []
    for name, _owner, _host in left_out(conn):
        conn.execute("BEGIN IMMEDIATE")
        try:
            row = conn.execute("SELECT sql FROM index_pause WHERE name = ?", (name,)).fetchone()
            if row is not None:  # else another process made it meanwhile
                conn.execute(row[0].replace("CREATE INDEX", "CREATE INDEX IF NOT EXISTS", 1))
                conn.execute("DELETE FROM index_pause WHERE name = ?", (name,))
                made.append(name)
            if not conn.execute("SELECT 1 FROM index_pause").fetchone():
                conn.execute("DROP TABLE index_pause")
        except BaseException:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise
        conn.execute("COMMIT")
    return made


def alive(path: Path, owner: int | None, host: str | None) -> bool:
    """Whether the process that left an index out may still be writing (an import of this process
    holding the archive, or a process of that id on this machine; another machine's cannot be told)."""
    if owner is None:
        return False
    if host != socket.gethostname():
        return True
    if owner == os.getpid():
        return _HELD.get(path.resolve(), 0) > 0
    try:
        os.kill(owner, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # someone else's process
        return True
    return True


def orphaned(conn: sqlite3.Connection, path: Path) -> bool:
    """Whether indexes are left out by processes all gone (a killed import): to be made again."""
    rows = left_out(conn)
    return bool(rows) and not any(alive(path, owner, host) for _name, owner, host in rows)


def make_again_orphans(conn: sqlite3.Connection, path: Path) -> list[str]:
    """Make the indexes again when every process that left them out is gone (a killed import)."""
    return make_again(conn) if orphaned(conn, path) else []


class Aside:
    """What ``indexes_aside`` yields: whether the indexes are ``out``, and ``finish`` to make them again."""

    def __init__(self, conn: sqlite3.Connection, path: Path, out: bool) -> None:
        self.conn, self.key, self.out = conn, path.resolve(), out
        if out:
            _HELD[self.key] = _HELD.get(self.key, 0) + 1

    def finish(self) -> str | None:
        """Make the indexes again (once); why they could not be (another program holding the archive,
        a full disk: they wait for the next import or repair), else None."""
        if not self.out:
            return None
        self.out = False
        _HELD[self.key] -= 1
        if not _HELD[self.key]:
            del _HELD[self.key]
        if self.conn.in_transaction:  # a group left open by an import that failed: the rows wait
            return "a write was still open"
        try:
            make_again(self.conn)
        except sqlite3.Error as error:  # make_again rolled its own transaction back
            return str(error)
        return None


@contextmanager
def indexes_aside(conn: sqlite3.Connection, path: Path, files: int) -> Iterator[Aside]:
    """While an import of ``files`` text files writes: the indexes left out when that is worth it
    (first making again any a killed import left out). The import calls ``finish`` once its files
    are written, to say why if they could not be made; the block's end makes them in any case
    (an import failed or stopped early), never hiding the import's own error."""
    make_again_orphans(conn, path)
    out = worth_leaving_out(conn, files)
    if out:
        leave_out(conn)
    aside = Aside(conn, path, out)
    try:
        yield aside
    finally:
        aside.finish()
