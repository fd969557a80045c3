"""The archive's schema, as ordered migrations applied when an archive is opened.

``PRAGMA user_version`` records how many migrations an archive has had. Opening an older archive
first copies it with SQLite's backup API (``archive.db.bak-v<N>``), then applies the missing
migrations, each in its own transaction. An archive written by a newer program is refused rather
than guessed at.

Tables for later parts (original files, pages, annotations, collections) are created from the
first migration, so adding those features needs no migration of existing data.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path

from .schema_classification import add_classification_group
from .schema_compact import compact, compress_texts, tune_search
from .schema_curation import MIGRATION_CURATION
from .schema_tallies import add_tallies
from .tally_pause import make_pausable, remake_triggers

MIGRATION_1 = """
CREATE TABLE documents (
    id INTEGER PRIMARY KEY,
    key TEXT NOT NULL UNIQUE,            -- stable short name, e.g. the source file's stem
    title TEXT NOT NULL DEFAULT '',
    date_start TEXT,                     -- ISO yyyy-mm-dd, NULL when unknown
    date_end TEXT,
    date_precision TEXT NOT NULL DEFAULT 'unknown'
        CHECK (date_precision IN ('day', 'month', 'year', 'unknown')),
    date_text TEXT NOT NULL DEFAULT '',  -- the date as the document writes it
    doc_type TEXT,
    classification TEXT,
    original_language TEXT,
    summary TEXT,
    citation TEXT,
    source TEXT,                         -- archival source, as written
    url TEXT,
    record_id TEXT,
    credits TEXT,
    rights TEXT,
    contents TEXT,                       -- JSON list: what the source page says it holds
    extra TEXT,                          -- JSON object: labelled fields we do not model
    needs_review INTEGER NOT NULL DEFAULT 0,
    review_reasons TEXT,                 -- JSON list of strings
    has_scan INTEGER NOT NULL DEFAULT 0,
    has_transcript INTEGER NOT NULL DEFAULT 0,
    has_translation INTEGER NOT NULL DEFAULT 0,
    source_name TEXT,                    -- file name the document was imported from
    source_path TEXT,                    -- full path at import time
    source_sha256 TEXT,
    imported_at TEXT,
    updated_at TEXT,
    -- sort keys that put unknown values last and can be indexed
    sort_date TEXT GENERATED ALWAYS AS (coalesce(date_start, '9999-12-31')) VIRTUAL,
    sort_type TEXT GENERATED ALWAYS AS (coalesce(doc_type, char(1114111))) VIRTUAL,
    sort_language TEXT GENERATED ALWAYS AS (coalesce(original_language, char(1114111))) VIRTUAL
);
-- The list's covering index: windows in date order (and date ranges) read nothing else.
CREATE INDEX documents_list ON documents (sort_date, id, title);
CREATE INDEX documents_by_title ON documents (title, id);
CREATE INDEX documents_by_type ON documents (sort_type, id);
CREATE INDEX documents_by_language ON documents (sort_language, id);
CREATE INDEX documents_type ON documents (doc_type);
CREATE INDEX documents_language ON documents (original_language);
CREATE INDEX documents_classification ON documents (classification);
CREATE INDEX documents_sha ON documents (source_sha256);
CREATE INDEX documents_url ON documents (url);
CREATE INDEX documents_path ON documents (source_path);

CREATE TABLE texts (
    id INTEGER PRIMARY KEY,
    document_id INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    kind TEXT NOT NULL CHECK (kind IN ('transcript', 'translation', 'notes')),
    language TEXT,                       -- ISO 639-1: ru, en, zh, ko
    body TEXT NOT NULL,
    origin TEXT NOT NULL DEFAULT 'import' CHECK (origin IN ('import', 'pdf', 'ocr', 'manual')),
    confidence REAL,                     -- OCR mean confidence 0..100, NULL for typed text
    position INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX texts_document ON texts (document_id, position);

CREATE TABLE entities (
    id INTEGER PRIMARY KEY,
    kind TEXT NOT NULL CHECK (kind IN ('person', 'place', 'organization')),
    name TEXT NOT NULL,
    note TEXT,
    UNIQUE (kind, name)
);
CREATE TABLE aliases (
    entity_id INTEGER NOT NULL REFERENCES entities (id) ON DELETE CASCADE,
    alias TEXT NOT NULL,
    kind TEXT NOT NULL DEFAULT 'variant',  -- variant, code name, transliteration, script
    PRIMARY KEY (entity_id, alias)
);
CREATE INDEX aliases_alias ON aliases (alias);
CREATE TABLE document_entities (
    document_id INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    entity_id INTEGER NOT NULL REFERENCES entities (id) ON DELETE CASCADE,
    role TEXT NOT NULL CHECK (role IN ('sender', 'recipient', 'mentioned', 'signatory', 'place')),
    as_written TEXT,
    PRIMARY KEY (document_id, entity_id, role)
);
CREATE INDEX document_entities_entity ON document_entities (entity_id, document_id, role);

CREATE TABLE reference_numbers (
    id INTEGER PRIMARY KEY,
    document_id INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    number TEXT NOT NULL,
    label TEXT NOT NULL,                 -- as written: "No. 8600", "Исход. № 8691"
    role TEXT NOT NULL DEFAULT 'own'
        CHECK (role IN ('own', 'special', 'incoming', 'reply_to', 'continues', 'mentioned'))
);
CREATE INDEX reference_numbers_number ON reference_numbers (number);
CREATE INDEX reference_numbers_document ON reference_numbers (document_id);

CREATE TABLE links (
    id INTEGER PRIMARY KEY,
    source_id INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    target_id INTEGER REFERENCES documents (id) ON DELETE SET NULL,
    relation TEXT NOT NULL CHECK (relation IN ('reply_to', 'continues', 'related')),
    target_number TEXT,                  -- a reference number to resolve, when known
    target_date TEXT,                    -- a date to resolve ("Mao's 13 May telegram")
    target_hint TEXT,                    -- a name to resolve with the date
    evidence TEXT NOT NULL               -- the words the link was derived from
);
CREATE INDEX links_source ON links (source_id);
CREATE INDEX links_target ON links (target_id);
CREATE INDEX links_unresolved_number ON links (target_number) WHERE target_id IS NULL;
CREATE INDEX links_unresolved_date ON links (target_date) WHERE target_id IS NULL;

CREATE TABLE archival_refs (
    id INTEGER PRIMARY KEY,
    document_id INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    raw TEXT NOT NULL,
    archive TEXT,
    fond TEXT,
    opis TEXT,
    delo TEXT,
    papka TEXT,
    listy TEXT
);
CREATE INDEX archival_refs_file ON archival_refs (archive, fond, opis, delo);
CREATE INDEX archival_refs_document ON archival_refs (document_id);

-- Original files (scans, PDFs) stored once by content.
CREATE TABLE files (
    id INTEGER PRIMARY KEY,
    sha256 TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    mime TEXT NOT NULL,
    size INTEGER NOT NULL,
    data BLOB NOT NULL,
    added_at TEXT NOT NULL
);
CREATE TABLE pages (
    id INTEGER PRIMARY KEY,
    document_id INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    file_id INTEGER NOT NULL REFERENCES files (id),
    file_page INTEGER NOT NULL,          -- page index inside the file
    position INTEGER NOT NULL,           -- order inside the document
    width REAL,
    height REAL,
    text TEXT,                           -- text layer or OCR text of this page
    text_origin TEXT CHECK (text_origin IN ('layer', 'ocr')),
    ocr_confidence REAL,
    needs_ocr INTEGER NOT NULL DEFAULT 0,
    UNIQUE (document_id, position)
);
CREATE INDEX pages_file ON pages (file_id);

CREATE TABLE annotations (
    id INTEGER PRIMARY KEY,
    document_id INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    part TEXT NOT NULL CHECK (part IN ('transcript', 'translation', 'notes', 'scan')),
    text_id INTEGER REFERENCES texts (id) ON DELETE SET NULL,
    page_id INTEGER REFERENCES pages (id) ON DELETE SET NULL,
    start INTEGER,                       -- character offsets into the text body
    end INTEGER,
    quote TEXT,                          -- the annotated words, to re-anchor after re-import
    prefix TEXT,
    suffix TEXT,
    shape TEXT CHECK (shape IN ('highlight', 'rect', 'pin')),
    x0 REAL, y0 REAL, x1 REAL, y1 REAL,  -- page points, for rectangles and pins
    color TEXT NOT NULL DEFAULT 'yellow',
    note TEXT,
    author TEXT,
    status TEXT NOT NULL DEFAULT 'ok' CHECK (status IN ('ok', 'needs_review')),
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX annotations_document ON annotations (document_id);

CREATE TABLE collections (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE,
    title TEXT NOT NULL,
    introduction TEXT,
    created_at TEXT NOT NULL
);
CREATE TABLE collection_items (
    collection_id INTEGER NOT NULL REFERENCES collections (id) ON DELETE CASCADE,
    document_id INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    PRIMARY KEY (collection_id, document_id)
);

-- One row per file handed to an importer: what happened to it and why.
CREATE TABLE imports (
    id INTEGER PRIMARY KEY,
    path TEXT NOT NULL,
    sha256 TEXT,
    document_id INTEGER REFERENCES documents (id) ON DELETE SET NULL,
    outcome TEXT NOT NULL CHECK (outcome IN ('imported', 'updated', 'unchanged', 'refused')),
    report TEXT,                         -- JSON: recognised fields, set-aside furniture, reason
    at TEXT NOT NULL
);

-- Full-text index over the search copy of each document (see folding.index_text); rowid is
-- documents.id. Written by the store in the same transaction as the document.
CREATE VIRTUAL TABLE search USING fts5 (
    title, summary, body, names, refs,
    tokenize = 'unicode61 remove_diacritics 2'
);
-- Every indexed word with its folded key, for transliteration and OCR-tolerant search.
CREATE TABLE terms (
    term TEXT PRIMARY KEY,
    key TEXT NOT NULL
) WITHOUT ROWID;
CREATE INDEX terms_key ON terms (key);

-- Removing a document removes its index row in the same statement.
CREATE TRIGGER documents_search_delete AFTER DELETE ON documents BEGIN
    DELETE FROM search WHERE rowid = OLD.id;
END;
"""

# (the full-text table is contentless since schema_compact, which also holds its definition)

# ``PRAGMA application_id`` of every archive ("ArVw"): it tells our files from other programs' databases.
APPLICATION_ID = int.from_bytes(b"ArVw", "big")

Migration = Callable[[sqlite3.Connection], None]
PAGE_SIZE = 16384


def _script(sql: str) -> Migration:
    def apply(conn: sqlite3.Connection) -> None:
        for statement in _split(sql):
            conn.execute(statement)

    return apply


def _split(sql: str) -> list[str]:
    """Split a script into statements, keeping trigger bodies whole (executescript would commit)."""
    statements, current = [], []
    depth = 0
    for line in sql.splitlines():
        stripped = line.split("--", 1)[0].strip()
        if not stripped:
            continue
        current.append(line)
        upper = stripped.upper()
        if upper.startswith("CREATE TRIGGER"):
            depth += 1
        if upper.startswith("END;"):
            depth -= 1
        if stripped.endswith(";") and depth == 0:
            statements.append("\n".join(current))
            current = []
    if current:
        statements.append("\n".join(current))
    return statements


def _mark(conn: sqlite3.Connection) -> None:
    """Migration 2: mark the file as ours, so any other program's database can be told apart."""
    conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")


def looks_like_ours(conn: sqlite3.Connection) -> bool:
    """Whether an unmarked file is an archive: one from before the mark (our tables, a version), or
    an SQLite file that holds nothing yet (no table, no version). Reads only."""
    version = conn.execute("PRAGMA user_version").fetchone()[0]
    tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    if not version:
        return not tables
    if not {"documents", "texts", "search", "imports"} <= tables:
        return False
    columns = {row[1] for row in conn.execute("PRAGMA table_info(documents)")}
    return {"key", "date_precision", "has_scan", "source_sha256"} <= columns


MIGRATIONS: list[Migration] = [
    _script(MIGRATION_1),
    _mark,
    _script(MIGRATION_CURATION),
    add_classification_group,  # documents.classification_group (viewer.core.classification)
    compact,  # a contentless full-text table, fewer copies of rows (issue 16)
    compress_texts,  # texts' bodies zlib-compressed (issue 16)
    add_tallies,  # documents counted by facet and month, people by facet (schema_tallies.py, issue 16)
    # the archive's last date (the timeline's whole span, as the window opens) read on an index: at a
    # million documents max(date_end) read every row, 0.27 s of the first window (issue 16)
    _script("CREATE INDEX documents_date_end ON documents (date_end)"),
    make_pausable,  # an import's group counts its documents once, at its commit (tally_pause.py, issue 16)
    remake_triggers,  # the tallies' triggers find their row on the whole index (tally_pause.py, issue 16)
    tune_search,  # the full-text index merges its segments eight at a time (schema_compact.py, issue 16)
]
SCHEMA_VERSION = len(MIGRATIONS)


class NewerArchiveError(Exception):
    """The archive was written by a newer version of the program."""


def backup_path(path: Path, version: int) -> Path:
    return path.with_name(f"{path.name}.bak-v{version}")


def migrate(conn: sqlite3.Connection, path: Path | None) -> list[int]:
    """Bring the archive to SCHEMA_VERSION; returns the migrations applied."""
    current = conn.execute("PRAGMA user_version").fetchone()[0]
    if current > SCHEMA_VERSION:
        raise NewerArchiveError(
            f"written by a newer Archive Viewer (schema {current}, this program knows {SCHEMA_VERSION})"
        )
    if current == SCHEMA_VERSION:
        return []
    if current == 0:
        # Before the first table: texts of a few kB fill 16 kB pages, where 4 kB pages were left a quarter empty.
        conn.execute(f"PRAGMA page_size = {PAGE_SIZE}")
    if current > 0 and path is not None:
        target = sqlite3.connect(backup_path(path, current))
        with target:
            conn.backup(target)
        target.close()
    applied = []
    for number in range(current, SCHEMA_VERSION):
        conn.execute("BEGIN IMMEDIATE")
        try:
            MIGRATIONS[number](conn)
            conn.execute(f"PRAGMA user_version = {number + 1}")
        except BaseException:
            if conn.in_transaction:  # SQLite rolls back by itself on a full disk: a ROLLBACK then would
                conn.execute("ROLLBACK")  # fail and hide why ("cannot rollback - no transaction is active")
            raise
        conn.execute("COMMIT")
        applied.append(number + 1)
    if current > 0 and {MIGRATIONS.index(compact) + 1, MIGRATIONS.index(compress_texts) + 1} & set(applied):
        _give_back_space(conn)
    return applied


def _give_back_space(conn: sqlite3.Connection) -> None:
    """After the index lost its copy of every text (migration 5) or the texts were compressed (6), give
    the freed pages back to the disk (an upgraded archive shrinks by about 40%, then 25%), in 16 kB
    pages. Another program holding the archive open keeps the journal in WAL, where the page size
    cannot change; new documents then reuse the free pages instead."""
    try:
        if conn.execute("PRAGMA journal_mode = DELETE").fetchone()[0] == "delete":
            conn.execute(f"PRAGMA page_size = {PAGE_SIZE}")
        conn.execute("VACUUM")
    except sqlite3.OperationalError:
        pass
    finally:
        conn.execute("PRAGMA journal_mode = WAL")
