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
from collections.abc import Sequence
from functools import partial
from pathlib import Path

from .measure import remove_archive_files, samples_ms

SEARCH = "SELECT rowid, snippet({t}, -1, '[', ']', '…', 24) FROM {t} WHERE {t} MATCH ? LIMIT 100"


class SqliteUtilsPeer:
    """What a Datasette user would do with the same documents: ``sqlite-utils insert`` of each chunk
    as newline-delimited JSON, and ``enable-fts`` (with triggers, so later chunks are indexed too)
    after the first; each call timed end to end, the command's start included."""

    def __init__(self, db: Path, work: Path):
        self.db, self.work = db, work
        remove_archive_files(db)
        beside = Path(sys.executable).with_name("sqlite-utils")
        self.command = str(beside) if beside.exists() else shutil.which("sqlite-utils")
        self.indexed = False

    @property
    def available(self) -> bool:
        return self.command is not None

    def insert(self, rows: Sequence[dict[str, object]]) -> float:
        """Seconds to insert ``rows`` (and, the first time, to make the FTS table)."""
        assert self.command is not None
        source = self.work / "peer-chunk.jsonl"
        source.write_text("".join(json.dumps(row, ensure_ascii=False) + "\n" for row in rows), "utf-8")
        began = time.perf_counter()
        subprocess.run([self.command, "insert", str(self.db), "docs", str(source), "--nl", "--pk", "id"], check=True)
        if not self.indexed:
            fts = [self.command, "enable-fts", str(self.db), "docs", "title", "summary", "body", "--create-triggers"]
            subprocess.run(fts, check=True)
            self.indexed = True
        seconds = time.perf_counter() - began
        source.unlink()
        return seconds


FLOOR_TABLES: tuple[str, ...] = (
    "entities",
    "aliases",
    "documents",
    "texts",
    "document_entities",
    "reference_numbers",
    "links",
    "archival_refs",
    "files",
    "pages",
    "imports",
    "terms",
)


def schema_floor(source: Path, target: Path) -> float:
    """Seconds to bulk-load the rows of the archive ``source`` into ``target`` (an empty archive of
    the same schema) in one transaction, its full-text index included: the floor of this schema."""
    conn = sqlite3.connect(target, isolation_level=None)
    conn.execute("PRAGMA foreign_keys = OFF")
    conn.execute("ATTACH DATABASE ? AS src", (f"file:{source}?mode=ro",))
    began = time.perf_counter()
    conn.execute("BEGIN")
    for table in FLOOR_TABLES:
        columns = [row[1] for row in conn.execute(f"PRAGMA src.table_xinfo({table})") if row[6] == 0]
        names = ", ".join(columns)
        conn.execute(f"INSERT OR REPLACE INTO main.{table} ({names}) SELECT {names} FROM src.{table}")
    conn.execute(
        "INSERT INTO main.search (rowid, title, summary, body, names, refs) "
        "SELECT rowid, title, summary, body, names, refs FROM src.search"
    )
    conn.execute("COMMIT")
    seconds = time.perf_counter() - began
    conn.execute("DETACH DATABASE src")
    conn.close()
    return seconds


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


def fts5_search_ms(raw: Path, matches: Sequence[str], table: str = "docs_fts") -> list[float]:
    """Milliseconds of each raw MATCH (with a snippet, 100 rows at most) on an FTS5 table of ``raw``
    (the ``docs_fts`` that sqlite-utils made)."""
    conn = sqlite3.connect(raw)
    times: list[float] = []
    statement = SEARCH.format(t=table)

    def search(match: str) -> None:
        conn.execute(statement, (match,)).fetchall()

    for match in matches:
        times += samples_ms(partial(search, match), 1)
    conn.close()
    return times


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
