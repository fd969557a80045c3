"""Peer baselines timed in the same run: sqlite-utils on the same documents, this schema's rows
bulk-loaded, raw FTS5 queries, no product code.

This is the one bench module that talks to SQLite directly (the layering test allows it here and in
the store): a baseline measures what SQLite alone does with the work the product does.
"""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import subprocess
import sys
import time
from collections.abc import Iterable, Sequence
from functools import partial
from pathlib import Path

from .measure import remove_archive_files, samples_ms

SEARCH = "SELECT rowid, snippet({t}, -1, '[', ']', '…', 24) FROM {t} WHERE {t} MATCH ? LIMIT 100"
BARE_SEARCH = "SELECT rowid FROM {t} WHERE {t} MATCH ? LIMIT 100"


class SqliteUtilsPeer:
    """What a Datasette user would do with the same documents: ``sqlite-utils insert`` of each chunk
    as newline-delimited JSON, and ``enable-fts`` (with triggers, so later chunks are indexed too)
    after the first; each call timed end to end, the command's start included, the JSON written
    beforehand (``prepare``, not timed)."""

    def __init__(self, db: Path, work: Path):
        self.db, self.work = db, work
        remove_archive_files(db)
        beside = Path(sys.executable).with_name("sqlite-utils")
        self.command = str(beside) if beside.exists() else shutil.which("sqlite-utils")
        self.indexed = False
        self.source = work / "peer-chunk.jsonl"

    @property
    def available(self) -> bool:
        return self.command is not None

    def prepare(self, rows: Iterable[dict[str, object]]) -> int:
        """Write the next chunk's rows as JSON lines (streamed: no list of them is kept); how many."""
        count = 0
        with self.source.open("w", encoding="utf-8") as stream:
            for row in rows:
                stream.write(json.dumps(row, ensure_ascii=False) + "\n")
                count += 1
        return count

    def insert(self) -> float:
        """Seconds to insert the prepared chunk (and, the first time, to make the FTS table)."""
        assert self.command is not None
        quiet = partial(subprocess.run, stdout=subprocess.DEVNULL, check=True)
        began = time.perf_counter()
        quiet([self.command, "insert", str(self.db), "docs", str(self.source), "--nl", "--pk", "id"])
        if not self.indexed:
            quiet([self.command, "enable-fts", str(self.db), "docs", "title", "summary", "body", "--create-triggers"])
            self.indexed = True
        seconds = time.perf_counter() - began
        self.source.unlink()
        return seconds


def _floor_tables(conn: sqlite3.Connection) -> list[str]:
    """The archive's own tables (not the full-text index and its shadow tables, not SQLite's, and not
    the tallies: the schema's triggers make them as the documents go in, as for any write)."""
    index = "search"
    return [
        name
        for (name,) in conn.execute(
            "SELECT name FROM src.sqlite_master WHERE type = 'table' AND sql NOT LIKE 'CREATE VIRTUAL%' "
            "AND name NOT LIKE 'sqlite_%' AND name NOT LIKE ? AND name NOT LIKE 'tally_%' ORDER BY rootpage",
            (f"{index}_%",),
        )
    ]


def stage_index_rows(source: Path, staging: Path) -> None:
    """Write what the archive ``source`` indexes for each document (the store's own ``search_columns``)
    into a plain table of ``staging``: the full-text table may be contentless, so its values cannot
    be read back from it, and the floor must not pay for Python building them either."""
    from ..core.store import Archive

    remove_archive_files(staging)
    conn = sqlite3.connect(staging, isolation_level=None)
    with Archive(source, readonly=True) as archive:
        columns = [row[1] for row in archive.conn.execute("PRAGMA table_info(search)")]
        conn.execute(f"CREATE TABLE rows (rowid INTEGER PRIMARY KEY, {', '.join(columns)})")
        marks = ", ".join("?" * (len(columns) + 1))
        conn.execute("BEGIN")
        ids = archive.conn.execute("SELECT id FROM documents ORDER BY id")
        for (document_id,) in ids:
            values = archive.search_columns(document_id)
            if values is not None:
                conn.execute(f"INSERT INTO rows VALUES ({marks})", (document_id, *values))
        conn.execute("COMMIT")
    conn.close()


def schema_floor(source: Path, staging: Path, target: Path) -> float:
    """Seconds to bulk-load the rows of the archive ``source`` into ``target`` (an empty archive of
    the same schema) in one transaction, its full-text index made from the rows ``staging`` holds
    (``stage_index_rows``): the floor of this schema, with no Python in the loop."""
    conn = sqlite3.connect(target, isolation_level=None)
    conn.execute("PRAGMA foreign_keys = OFF")
    conn.execute("ATTACH DATABASE ? AS src", (f"file:{source}?mode=ro",))
    conn.execute("ATTACH DATABASE ? AS staged", (f"file:{staging}?mode=ro",))
    tables = _floor_tables(conn)
    columns = [row[1] for row in conn.execute("PRAGMA staged.table_info(rows)")][1:]
    began = time.perf_counter()
    conn.execute("BEGIN")
    for table in tables:
        names = ", ".join(row[1] for row in conn.execute(f"PRAGMA src.table_xinfo({table})") if row[6] == 0)
        conn.execute(f"INSERT OR REPLACE INTO main.{table} ({names}) SELECT {names} FROM src.{table}")
    names = ", ".join(columns)
    conn.execute(f"INSERT INTO main.search (rowid, {names}) SELECT rowid, {names} FROM staged.rows")
    conn.execute("COMMIT")
    seconds = time.perf_counter() - began
    conn.execute("DETACH DATABASE src")
    conn.execute("DETACH DATABASE staged")
    conn.close()
    return seconds


def checkpoint(db: Path) -> None:
    """Move the archive's write-ahead log into the file and empty it, so that its size is the
    archive's and a cold read reads the file (the importer leaves the log's last pages behind when
    its parse workers still hold the file as it closes)."""
    conn = sqlite3.connect(db)
    try:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchall()
    finally:
        conn.close()


def drop_from_page_cache(db: Path) -> bool:
    """Ask the kernel to forget the cached pages of the archive file and its WAL (after a sync), so
    the next read comes from the disk; only these files' pages go, not the libraries'. False where
    the platform cannot (no posix_fadvise)."""
    advise = getattr(os, "posix_fadvise", None)
    if advise is None:
        return False
    os.sync()
    for suffix in ("", "-wal"):
        path = Path(f"{db}{suffix}")
        if path.exists():
            fd = os.open(path, os.O_RDONLY)
            try:
                advise(fd, 0, 0, os.POSIX_FADV_DONTNEED)
            finally:
                os.close(fd)
    return True


def load_into_page_cache(db: Path, chunk: int = 1 << 20) -> None:
    """Read the archive file (and its WAL) once, so the warm figures are warm: a search after the
    cold first query met a million documents' texts on the disk, a random read each."""
    for path in (db, Path(f"{db}-wal")):
        if path.exists():
            with path.open("rb", buffering=0) as file:
                while file.read(chunk):
                    pass


def resident_share(db: Path) -> float | None:
    """The share of the archive file (and its WAL) in the page cache now, by util-linux's ``fincore``;
    None where it is not installed. It checks that a cold measurement started cold."""
    fincore = shutil.which("fincore")
    paths = [str(path) for path in (db, Path(f"{db}-wal")) if path.exists()]
    if fincore is None or not paths:
        return None
    command = [fincore, "--bytes", "--noheadings", "--raw", "--output", "RES,SIZE", *paths]
    done = subprocess.run(command, capture_output=True, text=True)
    if done.returncode != 0:
        return None
    pairs = [[int(word) for word in line.split()] for line in done.stdout.splitlines() if line.strip()]
    size = sum(pair[1] for pair in pairs)
    return sum(pair[0] for pair in pairs) / size if size else 0.0


def fts5_search_ms(db: Path, matches: Sequence[str], table: str = "search") -> tuple[list[float], bool]:
    """Milliseconds of each raw MATCH (100 rows at most, with a snippet where the table keeps its
    text) on the FTS5 ``table`` of ``db``, and whether snippets were made (a contentless table
    has no text to make them from)."""
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    (sql,) = conn.execute("SELECT sql FROM sqlite_master WHERE name = ?", (table,)).fetchone()
    snippets = "content=''" not in sql.replace(" ", "").replace('""', "''")  # a contentless table has no text
    statement = (SEARCH if snippets else BARE_SEARCH).format(t=table)
    times: list[float] = []

    def search(match: str) -> None:
        conn.execute(statement, (match,)).fetchall()

    for match in matches:
        times += samples_ms(partial(search, match), 1)
    conn.close()
    return times, snippets


def sqlite_version() -> str:
    """The SQLite library's version, for the report's machine description."""
    return sqlite3.sqlite_version


def first_rows(db: str | Path, limit: int) -> list[tuple[object, ...]]:
    """The first screen of the list as the minimal window shows it: key, date, title by date."""
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        listing = "SELECT key, date_start, title FROM documents ORDER BY sort_date, id LIMIT ?"
        return conn.execute(listing, (limit,)).fetchall()
    finally:
        conn.close()
