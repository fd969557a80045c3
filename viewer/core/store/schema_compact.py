"""The migration that makes archives about half as large (issue 16).

- The full-text table ``search`` becomes contentless (``content=''``). It used to keep a folded copy of
  every text beside its index, as large as the texts themselves. A contentless FTS5 table in the
  SQLite this program runs with (3.40, before ``contentless_delete``) can only forget a row when told
  the exact values it indexed, so the store notices what a document's row held before any change
  (temporary triggers, store/index.py) and hands those values to FTS5's ``'delete'`` command. Search
  reads only rowids and ranks from the table; snippets are made from the texts.
- ``terms`` is kept in (key, term) order, which is how search reads it, so its index on the key goes.

The rows of the new index are those the old one held (copied, not recomputed from the texts: as
fast as FTS5 can tokenize). ``check`` compares the index with one built afresh from the sources.
"""

from __future__ import annotations

import sqlite3

# The full-text table on its own, so a damaged index can be dropped and made anew (``check --repair``).
SEARCH_TABLE = """CREATE VIRTUAL TABLE search USING fts5 (
    title, summary, body, names, refs,
    content = '',
    tokenize = 'unicode61 remove_diacritics 2'
)"""
SEARCH_COLUMNS = "title, summary, body, names, refs"

TERMS = """CREATE TABLE terms (
    key TEXT NOT NULL,
    term TEXT NOT NULL,
    PRIMARY KEY (key, term)
) WITHOUT ROWID"""


def compact(conn: sqlite3.Connection) -> None:
    """Migration: a contentless full-text table, terms without rowid."""
    conn.execute("DROP TRIGGER IF EXISTS documents_search_delete")  # a delete needs the old values now
    conn.execute("ALTER TABLE search RENAME TO search_old")
    conn.execute(SEARCH_TABLE)
    conn.execute(f"INSERT INTO search (rowid, {SEARCH_COLUMNS}) SELECT rowid, {SEARCH_COLUMNS} FROM search_old")
    conn.execute("DROP TABLE search_old")
    conn.execute("INSERT INTO search (search) VALUES ('optimize')")
    conn.execute("DROP INDEX IF EXISTS terms_key")
    conn.execute("ALTER TABLE terms RENAME TO terms_old")
    conn.execute(TERMS)
    conn.execute("INSERT INTO terms (key, term) SELECT key, term FROM terms_old")
    conn.execute("DROP TABLE terms_old")
