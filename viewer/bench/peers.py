"""Peer baselines timed in the same run: the same texts in a bare SQLite FTS5 table, no product code.

This is the one bench module that talks to SQLite directly (the layering test allows it here and in
the store): a baseline measures what SQLite alone does with the work the product does.
"""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Sequence
from functools import partial
from pathlib import Path

from .measure import remove_archive_files, samples_ms

Texts = tuple[str, str, str]  # title, summary, body as the product's index holds them

FTS5_TABLE = "CREATE VIRTUAL TABLE s USING fts5(title, summary, body, tokenize='unicode61 remove_diacritics 2')"
INSERT = "INSERT INTO s (title, summary, body) VALUES (?, ?, ?)"
SEARCH = "SELECT rowid, snippet(s, -1, '[', ']', '…', 24) FROM s WHERE s MATCH ? LIMIT 100"


def fts5_import(raw: Path, rows: Sequence[Texts], size: int) -> tuple[list[float], float]:
    """Fill a fresh bare FTS5 file at ``raw`` in chunks of ``size`` rows, one transaction per chunk.

    Returns the rows per second of each chunk, and the rate of one transaction per row over the
    first 2,000 rows (the floor that the importer's one-transaction-per-file rule sets), or 0.
    """
    remove_archive_files(raw)
    conn = sqlite3.connect(raw, isolation_level=None)
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = NORMAL")
    conn.execute(FTS5_TABLE)
    rates: list[float] = []
    for start in range(0, len(rows), size):
        part = list(rows[start : start + size])
        began = time.perf_counter()
        conn.execute("BEGIN")
        conn.executemany(INSERT, part)
        conn.execute("COMMIT")
        rates.append(len(part) / (time.perf_counter() - began))
    sample = list(rows[: min(len(rows), 2000)])
    began = time.perf_counter()
    for row in sample:
        conn.execute("BEGIN IMMEDIATE")
        conn.execute(INSERT, row)
        conn.execute("COMMIT")
    per_transaction = len(sample) / (time.perf_counter() - began) if sample else 0.0
    conn.close()
    return rates, per_transaction


def fts5_search_ms(raw: Path, matches: Sequence[str]) -> list[float]:
    """Milliseconds of each raw MATCH (with a snippet, 100 rows at most) on the file ``fts5_import`` made."""
    conn = sqlite3.connect(raw)
    times: list[float] = []

    def search(match: str) -> None:
        conn.execute(SEARCH, (match,)).fetchall()

    for match in matches:
        times += samples_ms(partial(search, match), 1)
    conn.close()
    return times


def sqlite_version() -> str:
    """The SQLite library's version, for the report's machine description."""
    return sqlite3.sqlite_version
