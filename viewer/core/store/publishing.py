"""Publishing the archive read-only with Datasette (``core.publish``): a copy fit to be shown, and the
metadata that tells Datasette what the tables are, which facets help, where the full-text index is and
which questions to offer as canned queries. The queries are SQL over this schema, so they live here.

The full-text table ``search`` is not an external-content table of ``documents`` (a contentless index
of a folded copy of each document's words, see ``index``), so Datasette cannot find it by itself: its rowid is
the document's id, which the metadata says with ``fts_table: search`` and ``fts_pk: id``. Datasette's
search box on ``documents`` then runs ``id IN (SELECT rowid FROM search WHERE search MATCH …)``.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from .connection import Connection, _open_connection
from .copies import copy_connection
from .text_codec import plain_texts

# Tables a reader does not need: the search index's word list and what the trash keeps.
HIDDEN = ("terms", "trash", "trash_files", "retired_names", "change_documents", "imports")

QUERIES: dict[str, dict[str, Any]] = {
    "documents_by_person": {
        "title": "Documents by person",
        "description": "Every document that names a person (by name or any alias: Filippov is Stalin), "
        "with the role they play in it and how the document writes the name.",
        "params": ["name"],
        "sql": "SELECT d.key, d.date_start AS date, d.title, de.role, de.as_written, e.name AS person\n"
        "FROM document_entities de\nJOIN entities e ON e.id = de.entity_id\nJOIN documents d ON d.id = de.document_id\n"
        "WHERE e.kind != 'place' AND (e.name = :name COLLATE NOCASE\n"
        "  OR e.id IN (SELECT entity_id FROM aliases WHERE alias = :name COLLATE NOCASE))\n"
        "ORDER BY d.sort_date, d.id, de.role",
    },
    "replies_to_document": {
        "title": "Replies to a document",
        "description": "The documents that answer a document, given by its key (or the start of it: 000).",
        "params": ["key"],
        "sql": "SELECT r.key, r.date_start AS date, r.title, l.evidence, t.key AS replies_to\n"
        "FROM links l\nJOIN documents t ON t.id = l.target_id\nJOIN documents r ON r.id = l.source_id\n"
        "WHERE l.relation = 'reply_to' AND (t.key = :key OR t.key LIKE :key || '%')\n"
        "ORDER BY r.sort_date, r.id",
    },
    "document_texts": {
        "title": "A document's texts",
        "description": "The transcript, translation and notes of a document, given by its key.",
        "params": ["key"],
        "sql": "SELECT d.key, d.title, t.kind, t.language, t.origin, t.body\nFROM texts t JOIN documents d ON d.id = "
        "t.document_id\nWHERE d.key = :key OR d.key LIKE :key || '%'\nORDER BY d.id, t.position",
    },
    "annotations_of_document": {
        "title": "Annotations of a document",
        "description": "Highlights and notes on a document (given by its key), with who made them.",
        "params": ["key"],
        "sql": "SELECT d.key, a.part, a.quote, a.note, a.color, a.author, a.created_at\n"
        "FROM annotations a JOIN documents d ON d.id = a.document_id\n"
        "WHERE d.key = :key OR d.key LIKE :key || '%'\nORDER BY d.id, a.part, a.start, a.id",
    },
    "people": {
        "title": "People and how many documents name them",
        "description": "Every person and organisation, with their aliases.",
        "sql": "SELECT e.name, e.kind, count(DISTINCT de.document_id) AS documents,\n"
        "  (SELECT group_concat(alias, '; ') FROM aliases WHERE entity_id = e.id) AS aliases\n"
        "FROM entities e LEFT JOIN document_entities de ON de.entity_id = e.id\n"
        "WHERE e.kind != 'place' GROUP BY e.id ORDER BY documents DESC, e.name",
    },
}

TABLES: dict[str, dict[str, Any]] = {
    "documents": {
        "description": "One row per document: its fields as imported or corrected. The search box searches "
        "titles, summaries, texts, names (with every alias) and references.",
        "fts_table": "search",
        "fts_pk": "id",
        "facets": ["doc_type", "original_language", "classification_group", "date_precision"],
        "sort": "date_start",
        "label_column": "title",
        "columns": {
            "key": "A stable short name (the source file's name).",
            "date_start": "First day the date can mean (ISO); date_end the last; date_text as written.",
            "source": "The archival source as written.",
            "classification_group": "The classification's meaning (Top Secret), the same for every spelling of it.",
            "needs_review": "1 when something about the document waits for an archivist's check.",
        },
    },
    "texts": {
        "description": "Transcripts, translations and notes, in reading order per document.",
        "facets": ["kind", "language", "origin"],
    },
    "entities": {"description": "People, organisations and places.", "label_column": "name", "facets": ["kind"]},
    "aliases": {"description": "Other names of each entity (code names, spellings, scripts)."},
    "document_entities": {"description": "Who and where each document names, and in what role.", "facets": ["role"]},
    "links": {"description": "Links between documents (a reply, a continuation).", "facets": ["relation"]},
    "reference_numbers": {"description": "Reference numbers as written.", "facets": ["role"]},
    "archival_refs": {
        "description": "Archival references in parts: archive, fond, opis, delo, listy.",
        "facets": ["archive"],
    },
    "files": {"description": "Original files (PDFs, images), stored once; download one from its row."},
    "pages": {"description": "The pages of each document's scan, with their text."},
    "annotations": {"description": "Highlights and notes, with who made them.", "facets": ["author", "color"]},
    "collections": {
        "description": "Collections (exhibits), each an ordered list of documents.",
        "label_column": "title",
    },
    "document_tags": {"description": "Tags on documents.", "facets": ["tag"]},
    "corrections": {"description": "Fields someone corrected, by whom and when.", "facets": ["field", "author"]},
    "changes": {"description": "The history of changes: who did what, when.", "facets": ["kind", "author"]},
}


def datasette_metadata(database: str, title: str, description: str) -> dict[str, Any]:
    """Datasette's metadata for an archive served under the name ``database`` (its file's stem)."""
    tables: dict[str, dict[str, Any]] = {name: dict(table) for name, table in TABLES.items()}
    tables.update({name: {"hidden": True} for name in HIDDEN})
    return {
        "title": title,
        "description": description,
        "databases": {
            database: {
                "title": title,
                "description": description,
                "tables": tables,
                "queries": {name: dict(query) for name, query in QUERIES.items()},
            }
        },
    }


class Publishing(Connection):
    """A copy of the archive fit for publishing."""

    def publishable_copy(self, dest: Path) -> None:
        """Copy the archive into ``dest`` (a new file) as one self-contained file, less what is not for
        readers: documents in the trash (deleted is deleted), the import log, and the folders files
        were imported from on someone's machine (their names stay). Texts are plain text there
        (Datasette shows the column as stored), not compressed as in the archive."""
        copy_connection(self.conn, dest, self_contained=True)
        copy = _open_connection(dest, False)
        try:
            copy.execute("BEGIN IMMEDIATE")
            copy.execute("DELETE FROM trash_files")
            copy.execute("DELETE FROM trash")
            copy.execute("DELETE FROM imports")
            copy.execute("UPDATE documents SET source_path = source_name")
            copy.execute("DELETE FROM files WHERE id NOT IN (SELECT file_id FROM pages)")
            plain_texts(copy)
            copy.execute("COMMIT")
            copy.execute("VACUUM")
            copy.execute("PRAGMA journal_mode = DELETE")
        finally:
            copy.close()
