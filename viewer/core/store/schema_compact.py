"""The migration that makes archives about half as large (issue 16).

- The full-text table ``search`` becomes contentless (``content=''``). It used to keep a folded copy of
  every text beside its index, as large as the texts themselves. A contentless FTS5 table in the
  SQLite this program runs with (3.40, before ``contentless_delete``) can only forget a row when told
  the exact values it indexed, so the store notices what a document's row held before any change
  (temporary triggers, store/index.py) and hands those values to FTS5's ``'delete'`` command. Search
  reads only rowids and ranks from the table; snippets are made from the texts.
- ``terms`` is kept in (key, term) order, which is how search reads it, so its index on the key goes.

The rows of the new index are built from the documents (store/index_rows.py, as the store builds
them), not copied from the old index: a row of the old one out of step with its sources (left by a path
that forgot to reindex, or for a document gone) was harmless while FTS5 deleted by rowid, but copied
into a contentless table it could never be deleted again with the values it holds. ``check`` compares
the index with one built afresh from the sources.

Migration 6 stores the texts' bodies zlib-compressed (store/text_codec.py): the same text, so the
index, built from the text, stays as it is. It also keeps ``document_entities`` in its primary key's
order (WITHOUT ROWID), which drops the index SQLite kept beside the table for that key; the order
the rowid gave a document's mentions (as written, or as an editor set them) is kept in ``position``.
"""

from __future__ import annotations

import sqlite3

from .index_rows import search_columns
from .text_codec import pack_texts

# The full-text table on its own, so a damaged index can be dropped and made anew (``check --repair``).
SEARCH_TABLE = """CREATE VIRTUAL TABLE search USING fts5 (
    title, summary, body, names, refs,
    content = '',
    tokenize = 'unicode61 remove_diacritics 2'
)"""
SEARCH_COLUMNS = "title, summary, body, names, refs"
# FTS5 merges a level's segments into one once this many wait there (4 unless told). Into an archive of a
# million documents an import's commits cost 430 µs a document of SQL, most of it those merges; 289 in
# one built with 8 (its build 849 -> 871 docs/s): each row is rewritten at fewer levels (log 8 against
# log 4 of the segments), and a query looks through a few more segments (search p95 7.6 -> 7.5 ms).
MERGE_AT = 8


def tune_search(conn: sqlite3.Connection) -> None:
    """Migration 11, and the full-text table made anew (``check --repair``): merges as ``MERGE_AT`` says."""
    conn.execute(f"INSERT INTO search (search, rank) VALUES ('automerge', {MERGE_AT})")


TERMS = """CREATE TABLE terms (
    key TEXT NOT NULL,
    term TEXT NOT NULL,
    PRIMARY KEY (key, term)
) WITHOUT ROWID"""


def compact(conn: sqlite3.Connection) -> None:
    """Migration: a contentless full-text table, terms without rowid."""
    conn.execute("DROP TRIGGER IF EXISTS documents_search_delete")  # a delete needs the old values now
    conn.execute("DROP TABLE search")
    conn.execute(SEARCH_TABLE)
    ids = [row[0] for row in conn.execute("SELECT id FROM documents ORDER BY id")]
    conn.executemany(
        f"INSERT INTO search (rowid, {SEARCH_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?)",
        ((document_id, *(search_columns(conn, document_id) or [""] * 5)) for document_id in ids),
    )
    conn.execute("INSERT INTO search (search) VALUES ('optimize')")
    conn.execute("DROP INDEX IF EXISTS terms_key")
    conn.execute("ALTER TABLE terms RENAME TO terms_old")
    conn.execute(TERMS)
    conn.execute("INSERT INTO terms (key, term) SELECT key, term FROM terms_old")
    conn.execute("DROP TABLE terms_old")


MENTIONS = """CREATE TABLE document_entities (
    document_id INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    entity_id INTEGER NOT NULL REFERENCES entities (id) ON DELETE CASCADE,
    role TEXT NOT NULL CHECK (role IN ('sender', 'recipient', 'mentioned', 'signatory', 'place')),
    as_written TEXT,
    position INTEGER NOT NULL DEFAULT 0,  -- the order of a document's mentions
    PRIMARY KEY (document_id, entity_id, role)
) WITHOUT ROWID"""


def compress_texts(conn: sqlite3.Connection) -> None:
    """Migration: every text's body compressed where that saves (the index is left as it is), and
    the mentions without rowid, each document's in the order they had (numbered from 0)."""
    pack_texts(conn)
    conn.execute("ALTER TABLE document_entities RENAME TO document_entities_old")
    conn.execute("DROP INDEX document_entities_entity")
    conn.execute(MENTIONS)
    conn.execute(
        "INSERT INTO document_entities (document_id, entity_id, role, as_written, position) "
        "SELECT document_id, entity_id, role, as_written, "
        "row_number() OVER (PARTITION BY document_id ORDER BY rowid) - 1 FROM document_entities_old"
    )
    conn.execute("DROP TABLE document_entities_old")
    conn.execute("CREATE INDEX document_entities_entity ON document_entities (entity_id, document_id, role)")
