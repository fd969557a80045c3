"""The curation migration (issue 13): corrections with who and when, the history every undo reads,
tags, the trash and the names an archivist took away from the built-in gazetteer.

Why a trash table rather than a ``deleted`` flag: every list, count, facet, timeline and search query
would have to filter the flag, and at a million documents each would read rows (or need the flag in
every index) for documents nobody sees. Deleting moves a document's rows into one JSON snapshot here,
so the live tables only hold live documents and no query changes. Document ids are never reused
(see ``Fields.next_document_id``), so a restored document comes back under its own id and its
history still names it.
"""

from __future__ import annotations

MIGRATION_CURATION = """
ALTER TABLE documents ADD COLUMN note TEXT;          -- the archivist's free note
-- the review queue in date order, without reading the documents that need none
CREATE INDEX documents_review ON documents (sort_date, id) WHERE needs_review = 1;

-- A field someone corrected (a field without a row is as imported).
CREATE TABLE corrections (
    document_id INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    field TEXT NOT NULL,                 -- curation.FIELDS
    imported TEXT,                       -- JSON: what the import said when it was first corrected
    author TEXT NOT NULL,
    at TEXT NOT NULL,
    PRIMARY KEY (document_id, field)
) WITHOUT ROWID;

CREATE TABLE document_tags (
    tag TEXT NOT NULL COLLATE NOCASE,
    document_id INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    PRIMARY KEY (tag, document_id)
) WITHOUT ROWID;
CREATE INDEX document_tags_document ON document_tags (document_id);

-- Every change, with its author and time, and what it changed before and after (to undo it).
CREATE TABLE changes (
    id INTEGER PRIMARY KEY,
    kind TEXT NOT NULL,                  -- edit, text, tag, review, delete, restore, purge, merge, ...
    label TEXT NOT NULL,                 -- what an undo menu and the history say
    author TEXT NOT NULL,
    at TEXT NOT NULL,
    reverts INTEGER REFERENCES changes (id),      -- an undo (or redo) names the change it reverted
    reverted_by INTEGER REFERENCES changes (id),  -- NULL while the change is in effect
    reversible INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX changes_author ON changes (author, id);
CREATE TABLE change_items (
    id INTEGER PRIMARY KEY,
    change_id INTEGER NOT NULL REFERENCES changes (id) ON DELETE CASCADE,
    document_id INTEGER,                 -- no foreign key: history outlives a document in the trash
    target TEXT NOT NULL,                -- field, provenance, text, tags, review, trash, entities
    name TEXT NOT NULL DEFAULT '',
    before TEXT,                         -- JSON
    after TEXT                           -- JSON
);
CREATE INDEX change_items_change ON change_items (change_id);
CREATE INDEX change_items_target ON change_items (target, change_id);  -- the last people change
-- The documents each change touched (a merge touches every document naming either person).
CREATE TABLE change_documents (
    document_id INTEGER NOT NULL,
    change_id INTEGER NOT NULL REFERENCES changes (id) ON DELETE CASCADE,
    PRIMARY KEY (document_id, change_id)
) WITHOUT ROWID;

-- Deleted documents: every row of each, as one JSON snapshot, until restored or purged.
CREATE TABLE trash (
    document_id INTEGER PRIMARY KEY,     -- the id it had, and gets back
    key TEXT NOT NULL,
    title TEXT NOT NULL,
    date_start TEXT,
    deleted_at TEXT NOT NULL,
    deleted_by TEXT NOT NULL,
    annotations INTEGER NOT NULL DEFAULT 0,
    pages INTEGER NOT NULL DEFAULT 0,
    snapshot TEXT NOT NULL
);
-- Stored files a trashed document's pages use: kept until the trash is emptied.
CREATE TABLE trash_files (
    document_id INTEGER NOT NULL REFERENCES trash (document_id) ON DELETE CASCADE,
    file_id INTEGER NOT NULL REFERENCES files (id),
    PRIMARY KEY (document_id, file_id)
) WITHOUT ROWID;
CREATE INDEX trash_files_file ON trash_files (file_id);

-- Names the built-in gazetteer gives that the archivist took away: an alias removed, or (alias '')
-- a whole built-in entry merged into another or made an organisation.
CREATE TABLE retired_names (
    kind TEXT NOT NULL,
    name TEXT NOT NULL,
    alias TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (kind, name, alias)
) WITHOUT ROWID;
"""
