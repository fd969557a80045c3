"""The archive: one SQLite file, and every SQL statement the program runs against it.

Widgets, the command line and the importers call methods here; none of them writes SQL. Reads use
the plain ``sqlite3`` connection (the first window must not wait for ``sqlite_utils`` to import);
writes go through sqlite-utils inside one ``BEGIN IMMEDIATE`` transaction per document, so a
crash or a refused file never leaves half a document behind.
"""

from __future__ import annotations

import json
import os
import sqlite3
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from . import folding
from .errors import ArchiveError
from .gazetteer import Entity, Gazetteer, builtin_entities
from .records import ParsedDocument
from .schema import NewerArchiveError, migrate
from .search_query import build_match

if TYPE_CHECKING:
    import sqlite_utils

LIST_COLUMNS = (
    "id",
    "key",
    "date_start",
    "date_end",
    "date_precision",
    "title",
    "doc_type",
    "original_language",
    "classification",
    "has_scan",
    "has_transcript",
    "has_translation",
)
# Sort keys (generated columns, indexed) that put unknown values last.
SORTABLE = {
    "date": ("sort_date", "id"),
    "title": ("title", "id"),
    "type": ("sort_type", "id"),
    "language": ("sort_language", "id"),
    "id": ("id",),
}
FACETS = {
    "language": "original_language",
    "type": "doc_type",
    "classification": "classification",
}


def now() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


@dataclass
class Filters:
    """What narrows the document list; empty means the whole archive."""

    query: str = ""
    language: str | None = None
    doc_type: str | None = None
    classification: str | None = None
    person: str | None = None  # canonical name of an entity
    date_from: str | None = None  # ISO, inclusive
    date_to: str | None = None
    ids: Sequence[int] | None = None  # a fixed set (a collection, a search result)

    def is_empty(self) -> bool:
        return not (
            self.query.strip()
            or self.language
            or self.doc_type
            or self.classification
            or self.person
            or self.date_from
            or self.date_to
            or self.ids is not None
        )


@dataclass
class SearchHit:
    id: int
    key: str
    date: str | None
    title: str
    snippet: str
    score: float


@dataclass
class SearchResult:
    query: str
    total: int
    hits: list[SearchHit] = field(default_factory=list)
    ranked: bool = True  # False when the hits are too many to rank and come in archive order
    total_exact: bool = True  # False when total is only the lower bound RANK_LIMIT
    terms: list[str] = field(default_factory=list)  # the words to highlight


def _open_connection(path: Path, readonly: bool, immutable: bool = False) -> sqlite3.Connection:
    if readonly:
        uri = f"{path.resolve().as_uri()}?mode=ro" + ("&immutable=1" if immutable else "")
        conn = sqlite3.connect(uri, uri=True, isolation_level=None, check_same_thread=False)
    else:
        conn = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
    conn.row_factory = sqlite3.Row
    conn.execute("PRAGMA busy_timeout = 10000")
    conn.execute("PRAGMA foreign_keys = ON")
    return conn


def _writable(path: Path) -> bool:
    """Whether SQLite can write here: the file and its folder (for the -wal and -shm files)."""
    return os.access(path, os.W_OK) and os.access(path.parent, os.W_OK)


class Archive:
    """An open archive file. One per thread: sqlite3 connections belong to their thread."""

    def __init__(self, path: str | Path, *, readonly: bool = False, create: bool = True):
        """Open (or create) an archive. A file that cannot be written to opens read-only and
        ``readonly_reason`` says why; a damaged or foreign file raises ArchiveError before anything
        is written to it."""
        self.path = Path(path)
        self.readonly = readonly
        self.readonly_reason: str | None = "the archive was opened for reading only" if readonly else None
        if not self.path.exists():
            if readonly or not create:
                raise ArchiveError(f"{self.path}: no such archive")
            if not self.path.parent.exists():
                raise ArchiveError(f"{self.path}: the folder {self.path.parent} does not exist")
            if not os.access(self.path.parent, os.W_OK):
                raise ArchiveError(f"{self.path}: cannot create an archive in a read-only folder")
        elif self.path.is_dir():
            raise ArchiveError(f"{self.path}: is a folder, not an archive file")
        else:
            _check_header(self.path)
            if not readonly and not _writable(self.path):
                self.readonly = True
                self.readonly_reason = "the archive is on read-only media or its file is read-only"
            self._probe()
        try:
            if self.readonly:
                self.conn = _open_connection(self.path, True, immutable=not _writable(self.path))
            else:
                self.conn = _open_connection(self.path, False)
                self.conn.execute("PRAGMA journal_mode = WAL")
                # In WAL mode NORMAL stays consistent through crashes and kills; it only skips the
                # fsync per commit (a power cut may lose the last commits, never corrupt the file).
                self.conn.execute("PRAGMA synchronous = NORMAL")
                migrate(self.conn, self.path)
            self.conn.execute("SELECT count(*) FROM documents").fetchone()
        except NewerArchiveError as error:
            raise ArchiveError(f"{self.path}: {error}") from None
        except sqlite3.DatabaseError as error:
            raise ArchiveError(f"{self.path}: not a readable archive ({error})") from None
        self._db: sqlite_utils.Database | None = None
        self._gazetteer: Gazetteer | None = None
        # words this connection has already put in the terms table (a cache, so re-adding is harmless)
        self._known_terms: set[str] = set()

    def _probe(self) -> None:
        """Read an existing file without writing to it: its version, its schema, its documents."""
        from .schema import SCHEMA_VERSION

        try:
            probe = _open_connection(self.path, True, immutable=not _writable(self.path))
        except sqlite3.DatabaseError as error:
            raise ArchiveError(f"{self.path}: cannot be opened ({error})") from None
        try:
            version = probe.execute("PRAGMA user_version").fetchone()[0]
            if version > SCHEMA_VERSION:
                raise ArchiveError(
                    f"{self.path}: written by a newer Archive Viewer (schema {version}, this program knows "
                    f"{SCHEMA_VERSION}); open it with that version"
                )
            if version < SCHEMA_VERSION and self.readonly:
                raise ArchiveError(f"{self.path}: an older archive; open it once for writing to upgrade it")
            probe.execute("SELECT count(*) FROM sqlite_master").fetchone()
            if version:
                probe.execute("SELECT max(id), count(*) FROM documents").fetchone()
        except sqlite3.DatabaseError as error:
            raise ArchiveError(
                f"{self.path}: the archive is damaged ({error}); restore a backup "
                "(archive-viewer restore) or check it (archive-viewer check)"
            ) from None
        finally:
            probe.close()

    # -- plumbing -----------------------------------------------------------------------------

    @property
    def db(self) -> sqlite_utils.Database:
        """The sqlite-utils view of the connection, imported on first write."""
        if self._db is None:
            import sqlite_utils

            self._db = sqlite_utils.Database(self.conn)
        return self._db

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> Archive:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """One write transaction, taken at once so a concurrent writer waits instead of failing."""
        if self.readonly:
            raise ArchiveError(f"{self.path}: the archive is open read-only")
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            yield
        except BaseException:
            if self.conn.in_transaction:
                self.conn.execute("ROLLBACK")
            self._known_terms.clear()  # what it cached may have been rolled back
            raise
        self.conn.execute("COMMIT")

    def data_version(self) -> int:
        """Changes whenever another connection (another process, a worker) commits to the archive;
        a window polls it to notice new documents without a restart."""
        return int(self._one("PRAGMA data_version"))

    def _one(self, sql: str, params: Sequence[Any] = ()) -> Any:
        row = self.conn.execute(sql, params).fetchone()
        return row[0] if row else None

    # -- entities -----------------------------------------------------------------------------

    def gazetteer(self) -> Gazetteer:
        """Built-in people and places plus everything this archive has learned."""
        if self._gazetteer is None:
            entities = {(e.kind, e.name): e for e in builtin_entities()}
            rows = self.conn.execute(
                "SELECT e.kind, e.name, e.note, a.alias, a.kind AS alias_kind FROM entities e "
                "LEFT JOIN aliases a ON a.entity_id = e.id"
            )
            for row in rows:
                entity = entities.setdefault((row["kind"], row["name"]), Entity(row["kind"], row["name"], row["note"]))
                if row["alias"] and row["alias"] != entity.name:
                    entity.aliases.setdefault(row["alias"], row["alias_kind"])
            self._gazetteer = Gazetteer(list(entities.values()))
        return self._gazetteer

    def _entity_id(self, kind: str, name: str) -> int:
        found = self._one("SELECT id FROM entities WHERE kind = ? AND name = ?", (kind, name))
        if found:
            return int(found)
        entity = self.gazetteer().get(name, kind)
        cursor = self.conn.execute(
            "INSERT INTO entities (kind, name, note) VALUES (?, ?, ?)",
            (kind, name, entity.note if entity else None),
        )
        entity_id = int(cursor.lastrowid or 0)
        if entity:
            self.conn.executemany(
                "INSERT OR IGNORE INTO aliases (entity_id, alias, kind) VALUES (?, ?, ?)",
                [(entity_id, alias, alias_kind) for alias, alias_kind in entity.aliases.items()],
            )
        return entity_id

    # -- writing ------------------------------------------------------------------------------

    def find_existing(self, sha256: str, path: str | None, url: str | None, key: str) -> tuple[str, int | None]:
        """Whether a file is new, unchanged, or an update of a document already here."""
        same = self._one("SELECT id FROM documents WHERE source_sha256 = ?", (sha256,))
        if same:
            return "unchanged", int(same)
        for column, value in (("source_path", path), ("url", url), ("key", key)):
            if value:
                found = self._one(f"SELECT id FROM documents WHERE {column} = ?", (value,))
                if found:
                    return "updated", int(found)
        return "imported", None

    def unique_key(self, key: str, document_id: int | None = None) -> str:
        candidate, number = key, 1
        while True:
            owner = self._one("SELECT id FROM documents WHERE key = ?", (candidate,))
            if owner is None or owner == document_id:
                return candidate
            number += 1
            candidate = f"{key}-{number}"

    def save_document(
        self,
        parsed: ParsedDocument,
        *,
        source_path: str | None,
        sha256: str | None,
        replace_id: int | None = None,
    ) -> int:
        """Write a parsed document (new, or replacing ``replace_id``); call inside transaction()."""
        stamp = now()
        row = {
            "key": self.unique_key(parsed.key, replace_id),
            "title": parsed.title,
            "date_start": parsed.date.start,
            "date_end": parsed.date.end,
            "date_precision": parsed.date.precision,
            "date_text": parsed.date.text,
            "doc_type": parsed.doc_type,
            "classification": parsed.classification,
            "original_language": parsed.original_language,
            "summary": parsed.summary,
            "citation": parsed.citation,
            "source": parsed.source,
            "url": parsed.url,
            "record_id": parsed.record_id,
            "credits": parsed.credits,
            "rights": parsed.rights,
            "contents": json.dumps(parsed.contents, ensure_ascii=False) if parsed.contents else None,
            "extra": json.dumps(parsed.extra, ensure_ascii=False) if parsed.extra else None,
            "needs_review": int(parsed.needs_review),
            "review_reasons": json.dumps(parsed.review_reasons, ensure_ascii=False) if parsed.review_reasons else None,
            "has_transcript": int(any(t.kind == "transcript" for t in parsed.texts)),
            "has_translation": int(any(t.kind == "translation" for t in parsed.texts)),
            "source_name": Path(source_path).name if source_path else None,
            "source_path": source_path,
            "source_sha256": sha256,
            "updated_at": stamp,
        }
        documents = self.db["documents"]
        if replace_id is None:
            row["imported_at"] = stamp
            document_id = int(documents.insert(row).last_pk)  # type: ignore[union-attr]
        else:
            document_id = replace_id
            documents.update(document_id, row)  # type: ignore[union-attr]
            for table in ("texts", "document_entities", "reference_numbers", "archival_refs"):
                self.conn.execute(f"DELETE FROM {table} WHERE document_id = ?", (document_id,))
            self.conn.execute("DELETE FROM links WHERE source_id = ?", (document_id,))
        self.db["texts"].insert_all(  # type: ignore[union-attr]
            {
                "document_id": document_id,
                "kind": t.kind,
                "language": t.language,
                "body": t.body,
                "origin": t.origin,
                "confidence": t.confidence,
                "position": position,
            }
            for position, t in enumerate(parsed.texts)
        )
        self._save_people(document_id, parsed)
        self.conn.executemany(
            "INSERT INTO reference_numbers (document_id, number, label, role) VALUES (?, ?, ?, ?)",
            [(document_id, r.number, r.label, r.role) for r in parsed.reference_numbers],
        )
        self.conn.executemany(
            "INSERT INTO archival_refs (document_id, raw, archive, fond, opis, delo, papka, listy) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            [(document_id, a.raw, a.archive, a.fond, a.opis, a.delo, a.papka, a.listy) for a in parsed.archival_refs],
        )
        self.conn.executemany(
            "INSERT INTO links (source_id, relation, target_number, target_date, target_hint, evidence) "
            "VALUES (?, ?, ?, ?, ?, ?)",
            [(document_id, h.relation, h.number, h.date, h.hint, h.evidence) for h in parsed.link_hints],
        )
        self.resolve_links(document_id)
        self.reindex(document_id)
        if replace_id is not None:
            self.reanchor_annotations(document_id)
        return document_id

    def _save_people(self, document_id: int, parsed: ParsedDocument) -> None:
        for canonical, alias in parsed.learned_aliases:
            entity_id = self._entity_id("person", canonical)
            self.conn.execute(
                "INSERT OR IGNORE INTO aliases (entity_id, alias, kind) VALUES (?, ?, 'code name')",
                (entity_id, alias),
            )
            self.gazetteer().add_alias(canonical, alias, alias_kind="code name")
        for mention in parsed.mentions:
            entity_id = self._entity_id(mention.kind, mention.name)
            self.conn.execute(
                "INSERT OR IGNORE INTO document_entities (document_id, entity_id, role, as_written) "
                "VALUES (?, ?, ?, ?)",
                (document_id, entity_id, mention.role, mention.as_written),
            )

    def resolve_links(self, document_id: int) -> int:
        """Point links at the documents they name: this document's own links, and the links of
        others waiting for a document with this one's number or date."""
        own = [
            row[0]
            for row in self.conn.execute(
                "SELECT number FROM reference_numbers WHERE document_id = ? AND role = 'own'", (document_id,)
            )
        ]
        date = self._one("SELECT date_start FROM documents WHERE id = ?", (document_id,))
        waiting = self.conn.execute(
            f"""SELECT id, source_id, target_number, target_date, target_hint FROM links
                WHERE target_id IS NULL AND (source_id = ?
                   OR target_number IN ({",".join("?" * len(own))}) OR target_date = ?)""",
            [document_id, *own, date],
        ).fetchall()
        resolved = 0
        for link in waiting:
            if link["target_number"]:
                target = self._one(
                    "SELECT document_id FROM reference_numbers WHERE number = ? AND role = 'own' "
                    "AND document_id != ? ORDER BY document_id LIMIT 1",
                    (link["target_number"], link["source_id"]),
                )
            else:
                target = self._one(
                    "SELECT id FROM documents WHERE date_start = ? AND id != ? "
                    "ORDER BY instr(title || ' ' || coalesce(summary, ''), ?) = 0, id LIMIT 1",
                    (link["target_date"], link["source_id"], link["target_hint"] or ""),
                )
            if target:
                self.conn.execute("UPDATE links SET target_id = ? WHERE id = ?", (target, link["id"]))
                resolved += 1
        return resolved

    def search_columns(self, document_id: int) -> list[str] | None:
        """What the full-text index should hold for a document (title, summary, body, names, refs)."""
        doc = self.conn.execute(
            "SELECT title, summary, source, date_text, date_start, date_end FROM documents WHERE id = ?",
            (document_id,),
        ).fetchone()
        if doc is None:
            return None
        bodies = [
            row[0]
            for row in self.conn.execute(
                "SELECT body FROM texts WHERE document_id = ? ORDER BY position", (document_id,)
            )
        ]
        # page text not yet taken into a text of the document (a scan beside typed texts)
        bodies += [
            row[0]
            for row in self.conn.execute(
                "SELECT text FROM pages WHERE document_id = ? AND text IS NOT NULL AND NOT EXISTS "
                "(SELECT 1 FROM texts WHERE document_id = ? AND origin IN ('pdf', 'ocr')) ORDER BY position",
                (document_id, document_id),
            )
        ]
        # Each person or place is indexed by one token; a query naming any alias of it asks for
        # that token (see _expand), so aliases need not be copied into every document's row.
        names = [
            f"{entity_token(row[0])} {row[1]} {row[2] or ''}"
            for row in self.conn.execute(
                "SELECT e.id, e.name, de.as_written FROM document_entities de JOIN entities e ON e.id = de.entity_id "
                "WHERE de.document_id = ? ORDER BY e.id",
                (document_id,),
            )
        ]
        refs = [
            row[0]
            for row in self.conn.execute("SELECT label FROM reference_numbers WHERE document_id = ?", (document_id,))
        ]
        refs += [doc["source"] or "", doc["date_text"] or "", *year_tokens(doc["date_start"], doc["date_end"])]
        return [
            folding.index_text(doc["title"]),
            folding.index_text(doc["summary"]),
            folding.index_text("\n\n".join(bodies)),
            folding.index_text(" ; ".join(dict.fromkeys(filter(None, names)))),
            folding.index_text(" ; ".join(filter(None, refs))),
        ]

    def indexed_columns(self, document_id: int) -> list[str] | None:
        row = self.conn.execute(
            "SELECT title, summary, body, names, refs FROM search WHERE rowid = ?", (document_id,)
        ).fetchone()
        return [value or "" for value in row] if row else None

    def reindex(self, document_id: int) -> None:
        """Rewrite one document's full-text row and remember its words' folded keys."""
        self.conn.execute("DELETE FROM search WHERE rowid = ?", (document_id,))
        columns = self.search_columns(document_id)
        if columns is None:
            return
        self.conn.execute(
            "INSERT INTO search (rowid, title, summary, body, names, refs) VALUES (?, ?, ?, ?, ?, ?)",
            (document_id, *columns),
        )
        fresh = {w for column in columns[:3] for w in folding.words(column)} - self._known_terms
        self._known_terms |= fresh
        self.conn.executemany(
            "INSERT OR IGNORE INTO terms (term, key) VALUES (?, ?)",
            [(t, folding.key(t)) for t in fresh if folding.is_indexable_term(t)],
        )

    def rebuild_index(self) -> int:
        """Rebuild the whole full-text index from the stored texts (``check --repair``)."""
        from .schema import SEARCH_TABLE

        with self.transaction():
            self.conn.execute("DROP TABLE search")  # a damaged index cannot be trusted to delete
            self.conn.execute(SEARCH_TABLE)
            self.conn.execute("DELETE FROM terms")
            self._known_terms.clear()
            ids = [row[0] for row in self.conn.execute("SELECT id FROM documents")]
            for document_id in ids:
                self.reindex(document_id)
        return len(ids)

    def record_import(
        self, path: str, sha256: str | None, document_id: int | None, outcome: str, report: dict[str, Any]
    ) -> None:
        self.conn.execute(
            "INSERT INTO imports (path, sha256, document_id, outcome, report, at) VALUES (?, ?, ?, ?, ?, ?)",
            (path, sha256, document_id, outcome, json.dumps(report, ensure_ascii=False), now()),
        )

    def delete_document(self, document_id: int) -> None:
        with self.transaction():
            self.conn.execute("DELETE FROM documents WHERE id = ?", (document_id,))

    # -- reading one document -----------------------------------------------------------------

    def resolve_id(self, text: str) -> int | None:
        """A document id from what a user types: a key, the start of a key ("001"), or an id."""
        text = text.strip()
        exact = self._one("SELECT id FROM documents WHERE key = ?", (text,))
        if exact:
            return int(exact)
        escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        rows = self.conn.execute(
            "SELECT id FROM documents WHERE key LIKE ? ESCAPE '\\' LIMIT 2", (escaped + "%",)
        ).fetchall()
        if len(rows) == 1:
            return int(rows[0][0])
        if text.isdigit() and self._one("SELECT id FROM documents WHERE id = ?", (int(text),)):
            return int(text)
        return None

    def document_row(self, document_id: int) -> sqlite3.Row | None:
        return self.conn.execute("SELECT * FROM documents WHERE id = ?", (document_id,)).fetchone()

    def texts(self, document_id: int) -> list[sqlite3.Row]:
        return self.conn.execute(
            "SELECT id, kind, language, body, origin, confidence FROM texts WHERE document_id = ? ORDER BY position",
            (document_id,),
        ).fetchall()

    def people(self, document_id: int) -> list[dict[str, Any]]:
        rows = self.conn.execute(
            "SELECT e.id, e.kind, e.name, e.note, de.role, de.as_written FROM document_entities de "
            "JOIN entities e ON e.id = de.entity_id WHERE de.document_id = ? "
            "ORDER BY CASE de.role WHEN 'sender' THEN 0 WHEN 'recipient' THEN 1 WHEN 'signatory' THEN 2 "
            "WHEN 'mentioned' THEN 3 ELSE 4 END, e.name",
            (document_id,),
        ).fetchall()
        result = []
        for row in rows:
            aliases = [
                a[0]
                for a in self.conn.execute(
                    "SELECT alias FROM aliases WHERE entity_id = ? ORDER BY kind, alias", (row["id"],)
                )
            ]
            result.append(
                {
                    "name": row["name"],
                    "kind": row["kind"],
                    "role": row["role"],
                    "as_written": row["as_written"],
                    "note": row["note"],
                    "aliases": aliases,
                }
            )
        return result

    def reference_numbers(self, document_id: int) -> list[sqlite3.Row]:
        return self.conn.execute(
            "SELECT number, label, role FROM reference_numbers WHERE document_id = ? ORDER BY id", (document_id,)
        ).fetchall()

    def archival_refs(self, document_id: int) -> list[sqlite3.Row]:
        return self.conn.execute(
            "SELECT raw, archive, fond, opis, delo, papka, listy FROM archival_refs WHERE document_id = ? ORDER BY id",
            (document_id,),
        ).fetchall()

    def links(self, document_id: int) -> list[dict[str, Any]]:
        """Links from and to a document, each seen from this document's side."""
        rows = self.conn.execute(
            """SELECT l.relation, l.evidence, l.target_number, l.target_date, l.target_id AS other,
                      d.key AS other_key, d.title AS other_title, d.date_start AS other_date, 'out' AS direction
               FROM links l LEFT JOIN documents d ON d.id = l.target_id WHERE l.source_id = ?
               UNION ALL
               SELECT l.relation, l.evidence, l.target_number, l.target_date, l.source_id,
                      d.key, d.title, d.date_start, 'in'
               FROM links l JOIN documents d ON d.id = l.source_id WHERE l.target_id = ?""",
            (document_id, document_id),
        ).fetchall()
        names = {
            ("reply_to", "out"): "reply to",
            ("reply_to", "in"): "replied by",
            ("continues", "out"): "continues",
            ("continues", "in"): "continued by",
            ("related", "out"): "related",
            ("related", "in"): "related",
        }
        return [
            {
                "relation": row["relation"],
                "direction": row["direction"],
                "label": names[(row["relation"], row["direction"])],
                "document_id": row["other"],
                "key": row["other_key"],
                "title": row["other_title"],
                "date": row["other_date"],
                "evidence": row["evidence"],
                "unresolved": row["target_number"] or row["target_date"] if row["other"] is None else None,
            }
            for row in rows
        ]

    def record(self, document_id: int) -> dict[str, Any] | None:
        """A document with every field, named as in the seeds' EXPECTED.md (for JSON and views)."""
        row = self.document_row(document_id)
        if row is None:
            return None
        people = self.people(document_id)

        def by_role(role: str) -> str | None:
            names = [p["name"] for p in people if p["role"] == role]
            return "; ".join(names) if names else None

        return {
            "id": row["id"],
            "key": row["key"],
            "date": row["date_start"],
            "date_end": row["date_end"],
            "date_precision": row["date_precision"],
            "date_as_written": row["date_text"],
            "title": row["title"],
            "sender": by_role("sender"),
            "recipient": by_role("recipient"),
            "signatory": by_role("signatory"),
            "original_language": row["original_language"],
            "type": row["doc_type"],
            "classification": row["classification"],
            "reference_numbers": [r["label"] for r in self.reference_numbers(document_id)],
            "source": row["source"],
            "archival_refs": [dict(r) for r in self.archival_refs(document_id)],
            "url": row["url"],
            "record_id": row["record_id"],
            "summary": row["summary"],
            "citation": row["citation"],
            "credits": row["credits"],
            "rights": row["rights"],
            "contents": json.loads(row["contents"]) if row["contents"] else [],
            "texts": [
                {
                    "kind": t["kind"],
                    "language": t["language"],
                    "origin": t["origin"],
                    "confidence": t["confidence"],
                    "body": t["body"],
                }
                for t in self.texts(document_id)
            ],
            "people": people,
            "links": self.links(document_id),
            "has_scan": bool(row["has_scan"]),
            "pages": self._one("SELECT count(*) FROM pages WHERE document_id = ?", (document_id,)),
            "needs_review": bool(row["needs_review"]),
            "review_reasons": json.loads(row["review_reasons"]) if row["review_reasons"] else [],
            "extra": json.loads(row["extra"]) if row["extra"] else {},
            "source_file": row["source_name"],
            "sha256": row["source_sha256"],
            "imported_at": row["imported_at"],
        }

    # -- lists, filters, facets ---------------------------------------------------------------

    def _where(self, filters: Filters) -> tuple[str, list[Any]]:
        clauses, params = [], []
        for name, column in FACETS.items():
            value = getattr(filters, "doc_type" if name == "type" else name)
            if value:
                clauses.append(f"d.{column} = ?")
                params.append(value)
        if filters.person:
            clauses.append(
                "d.id IN (SELECT de.document_id FROM document_entities de JOIN entities e ON e.id = de.entity_id "
                "WHERE e.name = ?)"
            )
            params.append(filters.person)
        if filters.date_from:
            # overlapping the range: a start at most a year earlier (a date's widest precision)
            # lets the date index bound the scan; the end then decides
            clauses.append("d.sort_date >= ? AND d.date_end >= ?")
            params += [_year_before(filters.date_from), filters.date_from]
        if filters.date_to:
            clauses.append("d.sort_date <= ?")
            params.append(filters.date_to)
        if filters.ids is not None:
            clauses.append(f"d.id IN ({','.join('?' * len(filters.ids))})" if filters.ids else "0")
            params.extend(filters.ids)
        if filters.query.strip():
            match = build_match(filters.query, self._expand)
            if match:
                clauses.append("d.id IN (SELECT rowid FROM search WHERE search MATCH ?)")
                params.append(match)
            else:
                clauses.append("0")
        return (" WHERE " + " AND ".join(clauses)) if clauses else "", params

    def count(self, filters: Filters | None = None) -> int:
        where, params = self._where(filters or Filters())
        return int(self._one(f"SELECT count(*) FROM documents d{where}", params))

    def page(
        self,
        filters: Filters | None = None,
        sort: str = "date",
        descending: bool = False,
        offset: int = 0,
        limit: int = 200,
    ) -> list[sqlite3.Row]:
        """One window of the document list, sorted and filtered in SQL."""
        where, params = self._where(filters or Filters())
        direction = "DESC" if descending else "ASC"
        columns = SORTABLE.get(sort, SORTABLE["date"])
        order = ", ".join(f"d.{c} {direction}" for c in columns)
        columns_sql = ", ".join("d." + c for c in LIST_COLUMNS)
        sql = f"SELECT {columns_sql} FROM documents d{where} ORDER BY {order} LIMIT ? OFFSET ?"
        return self.conn.execute(sql, [*params, limit, offset]).fetchall()

    def position_of(
        self, document_id: int, filters: Filters | None = None, sort: str = "date", descending: bool = False
    ) -> int | None:
        """Row number of a document in the list as sorted and filtered (to keep it selected)."""
        columns = SORTABLE.get(sort, SORTABLE["date"])
        first = columns[0]
        value = self._one(f"SELECT {first} FROM documents WHERE id = ?", (document_id,))
        if value is None:
            return None
        where, params = self._where(filters or Filters())
        op = ">" if descending else "<"
        if first == "id":
            before, extra = f"d.id {op} ?", [document_id]
        else:  # sort keys are never NULL
            before = f"(d.{first} {op} ? OR (d.{first} = ? AND d.id {op} ?))"
            extra = [value, value, document_id]
        connector = " AND " if where else " WHERE "
        return int(self._one(f"SELECT count(*) FROM documents d{where}{connector}{before}", [*params, *extra]))

    def facet_counts(self, facet: str, filters: Filters | None = None) -> list[tuple[str, int]]:
        """Values of one facet with how many documents of the current selection have each."""
        filters = filters or Filters()
        if facet == "person":
            where, params = self._where(Filters(**{**filters.__dict__, "person": None}))
            within = f" WHERE document_id IN (SELECT d.id FROM documents d{where})" if where else ""
            sql = (
                "SELECT e.name, x.n FROM (SELECT entity_id, count(DISTINCT document_id) AS n "
                f"FROM document_entities{within} GROUP BY entity_id) x JOIN entities e ON e.id = x.entity_id "
                "WHERE e.kind = 'person' ORDER BY x.n DESC, e.name LIMIT ?"
            )
            return [(r[0], r[1]) for r in self.conn.execute(sql, [*params, PEOPLE_IN_FACET])]
        column = FACETS[facet]
        attribute = "doc_type" if facet == "type" else facet
        where, params = self._where(Filters(**{**filters.__dict__, attribute: None}))
        sql = (
            f"SELECT d.{column}, count(*) FROM documents d{where}{' AND' if where else ' WHERE'} "
            f"d.{column} IS NOT NULL GROUP BY d.{column} ORDER BY 2 DESC, 1"
        )
        return [(r[0], r[1]) for r in self.conn.execute(sql, params)]

    def date_histogram(self, bins: int, start: str, end: str, filters: Filters | None = None) -> list[int]:
        """Documents per equal slice of [start, end] (by day), for the timeline: counted per date
        (or per month when a slice is a month or more) on the date index, then binned here."""
        where, params = self._where(filters or Filters())
        connector = " AND " if where else " WHERE "
        first, last = date.fromisoformat(start[:10]), date.fromisoformat(end[:10])
        span = (last - first).days + 1
        by_month = span / max(bins, 1) >= 31
        key = "substr(d.sort_date, 1, 7)" if by_month else "d.sort_date"
        sql = (
            f"SELECT {key}, count(*) FROM documents d{where}{connector}d.sort_date >= ? AND d.sort_date <= ? "
            f"GROUP BY {key}"
        )
        counts = [0] * bins
        for when, number in self.conn.execute(sql, [*params, start, end]):
            try:
                day = date.fromisoformat(f"{when}-15" if by_month else when[:10])
            except ValueError:
                continue
            bucket = int((day - first).days * bins / span)
            counts[min(max(bucket, 0), bins - 1)] += number
        return counts

    def dated_documents(
        self, start: str, end: str, filters: Filters | None = None, limit: int = 2000
    ) -> list[sqlite3.Row]:
        where, params = self._where(filters or Filters())
        connector = " AND " if where else " WHERE "
        return self.conn.execute(
            f"SELECT d.id, d.key, d.date_start, d.title FROM documents d{where}{connector}"
            "d.sort_date >= ? AND d.sort_date <= ? ORDER BY d.sort_date, d.id LIMIT ?",
            [*params, start, end, limit],
        ).fetchall()

    def date_span(self) -> tuple[str | None, str | None]:
        row = self.conn.execute("SELECT min(date_start), max(date_end) FROM documents").fetchone()
        return row[0], row[1]

    def all_links(self) -> list[tuple[int, int, str]]:
        return [
            (r[0], r[1], r[2])
            for r in self.conn.execute("SELECT source_id, target_id, relation FROM links WHERE target_id IS NOT NULL")
        ]

    def stats(self) -> dict[str, int]:
        return {
            "documents": self._one("SELECT count(*) FROM documents"),
            "texts": self._one("SELECT count(*) FROM texts"),
            "people": self._one("SELECT count(*) FROM entities WHERE kind = 'person'"),
            "places": self._one("SELECT count(*) FROM entities WHERE kind = 'place'"),
            "pages": self._one("SELECT count(*) FROM pages"),
            "annotations": self._one("SELECT count(*) FROM annotations"),
            "needs_review": self._one("SELECT count(*) FROM documents WHERE needs_review"),
        }

    # -- search -------------------------------------------------------------------------------

    def _expand(self, word: str) -> list[str]:
        """What ``word`` also matches: indexed terms with the same folded key (transliterations,
        OCR slips, inflections) and, when it names a person or place, every alias of it."""
        variants: list[str] = []
        if " " not in word.strip():
            rows = self.conn.execute("SELECT term FROM terms WHERE key = ? LIMIT 40", (folding.key(word),))
            variants = [row[0] for row in rows]
        entity = self.gazetteer().named(word)
        if entity is not None:
            entity_id = self._one("SELECT id FROM entities WHERE kind = ? AND name = ?", (entity.kind, entity.name))
            if entity_id is not None:
                variants.append(entity_token(int(entity_id)))
        return variants

    def _surface_forms(self, word: str, expand: Callable[[str], list[str]] | None = None) -> list[str]:
        """What to highlight for ``word``: its folded relatives and the names of whom it names."""
        variants = [v for v in (expand or self._expand)(word) if not v.startswith(ENTITY_TOKEN)]
        entity = self.gazetteer().named(word)
        return variants + (entity.all_names() if entity is not None else [])

    def search(self, query: str, filters: Filters | None = None, limit: int = 100) -> SearchResult:
        """The first screen of hits, designed so a word found in nearly every document stays cheap.

        Up to RANK_LIMIT matches are counted exactly and ranked by relevance (bm25). Beyond that,
        ranking every match would cost more than the screen is worth: the hits come in archive
        order, ``total`` is the lower bound RANK_LIMIT and ``total_exact`` is False (``count()``
        with ``Filters(query=...)`` gives the exact figure when it is wanted).
        """
        expand = lru_cache(maxsize=None)(self._expand)  # build_match and the highlights ask alike
        match = build_match(query, expand)
        result = SearchResult(query=query, total=0)
        if not match:
            return result
        from .search_query import highlight_terms

        result.terms = highlight_terms(query, lambda word: self._surface_forms(word, expand))
        filters = Filters(**{**(filters or Filters()).__dict__, "query": ""})
        years = year_tokens(filters.date_from, filters.date_to, most=YEARS_IN_QUERY)
        if years:  # the index narrows to the years first; the dates below decide exactly
            match = f"({match}) AND ({' OR '.join(years)})"
        where, params = self._where(filters)
        join = " JOIN documents d ON d.id = search.rowid" if where else ""
        extra = where.replace(" WHERE ", " AND ", 1)
        probe = [
            row[0]
            for row in self.conn.execute(
                f"SELECT search.rowid FROM search{join} WHERE search MATCH ?{extra} LIMIT ?",
                [match, *params, RANK_LIMIT + 1],
            )
        ]
        if len(probe) <= RANK_LIMIT:
            result.total = len(probe)
            top = [
                (row[0], row[1])
                for row in self.conn.execute(
                    f"SELECT search.rowid, search.rank FROM search{join} WHERE search MATCH ?{extra} "
                    "ORDER BY search.rank LIMIT ?",
                    [match, *params, limit],
                )
            ]
        else:
            result.total, result.total_exact, result.ranked = RANK_LIMIT, False, False
            top = [(rowid, 0.0) for rowid in probe[:limit]]
        if not top:
            return result
        wanted = json.dumps([rowid for rowid, _ in top])
        documents = {
            row["id"]: row
            for row in self.conn.execute(
                "SELECT id, key, date_start, title, summary FROM documents WHERE id IN (SELECT value FROM json_each(?))",
                (wanted,),
            )
        }
        bodies: dict[int, list[str]] = {}
        for document_id, body in self.conn.execute(
            "SELECT document_id, body FROM texts WHERE document_id IN (SELECT value FROM json_each(?)) "
            "ORDER BY document_id, position",
            (wanted,),
        ):
            bodies.setdefault(document_id, []).append(body)
        highlighter = folding.Highlighter(result.terms)
        result.hits = []
        for rowid, score in top:
            row = documents.get(rowid)
            if row is None:
                continue
            places = [*bodies.get(rowid, []), row["summary"] or "", row["title"]]
            snippet = next((s for s in (highlighter.snippet(text) for text in places) if s), "")
            result.hits.append(
                SearchHit(
                    rowid, row["key"], row["date_start"], row["title"], snippet or folding.opening(places[0]), score
                )
            )
        return result

    # -- scans: stored files and their pages ------------------------------------------------

    def scan_pages(self, document_id: int) -> list[sqlite3.Row]:
        """A document's scanned pages in reading order, with the file each comes from."""
        return self.conn.execute(
            "SELECT p.id, p.file_id, p.file_page, p.position, p.width, p.height, f.name, f.mime "
            "FROM pages p JOIN files f ON f.id = p.file_id WHERE p.document_id = ? ORDER BY p.position",
            (document_id,),
        ).fetchall()

    def file_bytes(self, file_id: int) -> bytes | None:
        """The stored original file (a PDF, an image), for rendering its pages."""
        data = self._one("SELECT data FROM files WHERE id = ?", (file_id,))
        return bytes(data) if data is not None else None

    def document_date(self, document_id: int) -> str | None:
        """Where a document sits on the timeline (its start date), without reading its texts."""
        return self._one("SELECT date_start FROM documents WHERE id = ?", (document_id,))

    def store_file(self, sha256: str, name: str, mime: str, data: bytes) -> int:
        """The id of a file stored once by content; call inside transaction()."""
        self.conn.execute(
            "INSERT OR IGNORE INTO files (sha256, name, mime, size, data, added_at) VALUES (?, ?, ?, ?, ?, ?)",
            (sha256, name, mime, len(data), data, now()),
        )
        return int(self._one("SELECT id FROM files WHERE sha256 = ?", (sha256,)))

    def file_info(self, file_id: int) -> sqlite3.Row | None:
        return self.conn.execute(
            "SELECT id, sha256, name, mime, size, added_at FROM files WHERE id = ?", (file_id,)
        ).fetchone()

    def save_pages(
        self, document_id: int, file_id: int, pages: Sequence[dict[str, Any]], *, append: bool = False
    ) -> None:
        """Write a document's pages from one file (replacing its pages unless ``append``), mark
        it as having a scan and drop files no page uses any more; call inside transaction()."""
        if append:
            start = int(
                self._one("SELECT coalesce(max(position) + 1, 0) FROM pages WHERE document_id = ?", (document_id,))
            )
        else:
            start = 0
            self.conn.execute("DELETE FROM pages WHERE document_id = ?", (document_id,))
        self.conn.executemany(
            "INSERT INTO pages (document_id, file_id, file_page, position, width, height, text, text_origin, "
            "ocr_confidence, needs_ocr) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [
                (
                    document_id,
                    file_id,
                    p["file_page"],
                    start + n,
                    p.get("width"),
                    p.get("height"),
                    p.get("text"),
                    p.get("text_origin"),
                    p.get("ocr_confidence"),
                    int(bool(p.get("needs_ocr"))),
                )
                for n, p in enumerate(pages)
            ],
        )
        self.conn.execute("UPDATE documents SET has_scan = 1, updated_at = ? WHERE id = ?", (now(), document_id))
        self.conn.execute("DELETE FROM files WHERE id NOT IN (SELECT DISTINCT file_id FROM pages)")

    def page_rows(self, document_id: int) -> list[sqlite3.Row]:
        """Every column of a document's pages but the file bytes, in reading order."""
        return self.conn.execute(
            "SELECT id, file_id, file_page, position, width, height, text, text_origin, ocr_confidence, needs_ocr "
            "FROM pages WHERE document_id = ? ORDER BY position",
            (document_id,),
        ).fetchall()

    def documents_needing_ocr(self) -> list[int]:
        return [
            row[0]
            for row in self.conn.execute("SELECT DISTINCT document_id FROM pages WHERE needs_ocr ORDER BY document_id")
        ]

    def set_page_text(self, page_id: int, text: str, origin: str, confidence: float | None) -> None:
        self.conn.execute(
            "UPDATE pages SET text = ?, text_origin = ?, ocr_confidence = ?, needs_ocr = 0 WHERE id = ?",
            (text, origin, confidence, page_id),
        )

    def replace_machine_texts(self, document_id: int, texts: Sequence[Any], origin: str = "ocr") -> None:
        """Swap a document's texts of one origin (OCR) for new ones, keeping typed texts first."""
        self.conn.execute("DELETE FROM texts WHERE document_id = ? AND origin = ?", (document_id, origin))
        start = int(self._one("SELECT coalesce(max(position) + 1, 0) FROM texts WHERE document_id = ?", (document_id,)))
        self.conn.executemany(
            "INSERT INTO texts (document_id, kind, language, body, origin, confidence, position) "
            "VALUES (?, ?, ?, ?, ?, ?, ?)",
            [(document_id, t.kind, t.language, t.body, t.origin, t.confidence, start + n) for n, t in enumerate(texts)],
        )
        self.conn.execute(
            "UPDATE documents SET updated_at = ?, "
            "has_transcript = EXISTS (SELECT 1 FROM texts WHERE document_id = ? AND kind = 'transcript'), "
            "has_translation = EXISTS (SELECT 1 FROM texts WHERE document_id = ? AND kind = 'translation') "
            "WHERE id = ?",
            (now(), document_id, document_id, document_id),
        )

    def set_review_reasons(self, document_id: int, reasons: Sequence[str]) -> None:
        self.conn.execute(
            "UPDATE documents SET needs_review = ?, review_reasons = ? WHERE id = ?",
            (int(bool(reasons)), json.dumps(list(reasons), ensure_ascii=False) if reasons else None, document_id),
        )

    def set_title_and_date(self, document_id: int, title: str | None, date: Any = None) -> None:
        """Replace a guessed title or date (a ``DateInfo``) once better evidence arrives (OCR)."""
        if title:
            self.conn.execute("UPDATE documents SET title = ? WHERE id = ?", (title, document_id))
        if date is not None and date.known:
            self.conn.execute(
                "UPDATE documents SET date_start = ?, date_end = ?, date_precision = ?, date_text = ? WHERE id = ?",
                (date.start, date.end, date.precision, date.text, document_id),
            )

    def has_file(self, document_id: int, sha256: str) -> bool:
        """Whether a file with these bytes already gives pages to the document."""
        return bool(
            self._one(
                "SELECT 1 FROM pages p JOIN files f ON f.id = p.file_id WHERE p.document_id = ? AND f.sha256 = ? LIMIT 1",
                (document_id, sha256),
            )
        )

    def page_counts(self, document_id: int) -> tuple[int, int]:
        """(pages, pages still needing OCR) of a document."""
        row = self.conn.execute(
            "SELECT count(*), coalesce(sum(needs_ocr), 0) FROM pages WHERE document_id = ?", (document_id,)
        ).fetchone()
        return int(row[0]), int(row[1])

    # -- annotations ------------------------------------------------------------------------

    ANNOTATION_COLUMNS = (
        "document_id",
        "part",
        "text_id",
        "page_id",
        "start",
        "end",
        "quote",
        "prefix",
        "suffix",
        "shape",
        "x0",
        "y0",
        "x1",
        "y1",
        "color",
        "note",
        "author",
        "status",
        "created_at",
        "updated_at",
    )

    def annotation_rows(self, document_id: int) -> list[sqlite3.Row]:
        """A document's annotations: text ones in reading order, then scan ones by page."""
        return self.conn.execute(
            "SELECT a.*, p.position AS page_position FROM annotations a LEFT JOIN pages p ON p.id = a.page_id "
            "WHERE a.document_id = ? ORDER BY a.part = 'scan', a.part, coalesce(p.position, a.start), a.start, a.id",
            (document_id,),
        ).fetchall()

    def annotation_row(self, annotation_id: int) -> sqlite3.Row | None:
        return self.conn.execute(
            "SELECT a.*, p.position AS page_position FROM annotations a LEFT JOIN pages p ON p.id = a.page_id "
            "WHERE a.id = ?",
            (annotation_id,),
        ).fetchone()

    def insert_annotation(self, values: dict[str, Any], annotation_id: int | None = None) -> int:
        """Insert one annotation (with its old id when an undo puts it back); call inside transaction()."""
        columns = [c for c in self.ANNOTATION_COLUMNS if c in values]
        names = (["id"] if annotation_id is not None else []) + columns
        params = ([annotation_id] if annotation_id is not None else []) + [values[c] for c in columns]
        cursor = self.conn.execute(
            f"INSERT INTO annotations ({', '.join(names)}) VALUES ({', '.join('?' * len(names))})", params
        )
        return int(cursor.lastrowid or annotation_id or 0)

    def update_annotation(self, annotation_id: int, values: dict[str, Any]) -> None:
        """Change some columns of one annotation; call inside transaction()."""
        columns = [c for c in self.ANNOTATION_COLUMNS if c in values]
        if columns:
            self.conn.execute(
                f"UPDATE annotations SET {', '.join(c + ' = ?' for c in columns)} WHERE id = ?",
                [*(values[c] for c in columns), annotation_id],
            )

    def delete_annotation(self, annotation_id: int) -> None:
        self.conn.execute("DELETE FROM annotations WHERE id = ?", (annotation_id,))

    def annotation_text(self, document_id: int, part: str) -> sqlite3.Row | None:
        """The text a part's annotations point into: the first text of that kind, as the window shows."""
        return self.conn.execute(
            "SELECT id, body, language FROM texts WHERE document_id = ? AND kind = ? ORDER BY position LIMIT 1",
            (document_id, part),
        ).fetchone()

    def page_at(self, document_id: int, position: int) -> sqlite3.Row | None:
        return self.conn.execute(
            "SELECT id, position, width, height FROM pages WHERE document_id = ? AND position = ?",
            (document_id, position),
        ).fetchone()

    def annotation_counts(self) -> dict[int, int]:
        """Annotations per document, for listing which documents carry any."""
        return {
            row[0]: row[1]
            for row in self.conn.execute("SELECT document_id, count(*) FROM annotations GROUP BY document_id")
        }

    def annotations_adrift(self, document_id: int) -> bool:
        """Whether some annotation lost its text or page (a re-import replaced them) and needs re-anchoring."""
        return bool(
            self._one(
                "SELECT 1 FROM annotations WHERE document_id = ? AND ((part = 'scan' AND page_id IS NULL "
                "AND start IS NOT NULL) OR (part != 'scan' AND text_id IS NULL AND status = 'ok')) LIMIT 1",
                (document_id,),
            )
        )

    def reanchor_annotations(self, document_id: int) -> int:
        """Point a document's annotations at its current texts and pages after a re-import (see
        core.annotations.reanchor); returns how many now need review. Call inside transaction()."""
        from .annotations import reanchor

        return reanchor(self, document_id)

    # -- collections (exhibits) -------------------------------------------------------------

    def collection(self, name: str) -> dict[str, Any] | None:
        """An exhibit: its title, introduction and document ids in the order a kiosk shows them."""
        row = self.conn.execute(
            "SELECT id, name, title, introduction FROM collections WHERE name = ?", (name,)
        ).fetchone()
        if row is None:
            return None
        ids = [
            int(r[0])
            for r in self.conn.execute(
                "SELECT document_id FROM collection_items WHERE collection_id = ? ORDER BY position, document_id",
                (row["id"],),
            )
        ]
        return {
            "id": int(row["id"]),
            "name": row["name"],
            "title": row["title"],
            "introduction": row["introduction"] or "",
            "document_ids": ids,
        }

    def collections(self) -> list[tuple[str, str, int]]:
        """(name, title, number of documents) of every collection, by name."""
        rows = self.conn.execute(
            "SELECT c.name, c.title, count(i.document_id) FROM collections c "
            "LEFT JOIN collection_items i ON i.collection_id = c.id GROUP BY c.id ORDER BY c.name"
        )
        return [(r[0], r[1], int(r[2])) for r in rows]

    def ordered_ids(self) -> list[int]:
        """Every document id in date order (the whole archive as an exhibit), without reading rows."""
        return [
            int(r[0]) for r in self.conn.execute("SELECT id FROM documents ORDER BY sort_date, id")
        ]  # the list's index order

    def list_rows(self, ids: Sequence[int]) -> dict[int, sqlite3.Row]:
        """The list columns of a few documents, by id (a kiosk list keeps its own order)."""
        if not ids:
            return {}
        rows = self.conn.execute(
            f"SELECT {', '.join(LIST_COLUMNS)} FROM documents WHERE id IN ({','.join('?' * len(ids))})", list(ids)
        )
        return {int(r["id"]): r for r in rows}

    def create_collection(
        self, name: str, title: str, introduction: str, document_ids: Sequence[int], *, replace: bool = False
    ) -> int:
        """Make (or with ``replace``, remake) an exhibit in one transaction of its own; returns its id."""
        ordered = list(dict.fromkeys(document_ids))
        with self.transaction():
            missing = [i for i in ordered if self._one("SELECT 1 FROM documents WHERE id = ?", (i,)) is None]
            if missing:
                raise ArchiveError(f"no document with id {', '.join(map(str, missing))} in {self.path}")
            existing = self._one("SELECT id FROM collections WHERE name = ?", (name,))
            if existing is not None and not replace:
                raise ArchiveError(f"a collection “{name}” exists already (use --replace to remake it)")
            if existing is not None:
                self.conn.execute("DELETE FROM collections WHERE id = ?", (existing,))
            cursor = self.conn.execute(
                "INSERT INTO collections (name, title, introduction, created_at) VALUES (?, ?, ?, ?)",
                (name, title, introduction or None, now()),
            )
            collection_id = int(cursor.lastrowid or 0)
            self.conn.executemany(
                "INSERT INTO collection_items (collection_id, document_id, position) VALUES (?, ?, ?)",
                [(collection_id, document_id, position) for position, document_id in enumerate(ordered)],
            )
        return collection_id


RANK_LIMIT = 1000
PEOPLE_IN_FACET = 300  # the people filter lists the most frequent; typing finds any other


YEAR_TOKEN = "zzyear"
YEARS_IN_QUERY = 10  # a date filter spanning more years is not selective enough to help the index


def year_tokens(start: str | None, end: str | None, most: int = 60) -> list[str]:
    """Index tokens for the years a date range overlaps (none for an open or a too long range)."""
    if not start or not end:
        return []
    first, last = int(start[:4]), int(end[:4])
    if last < first or last - first >= most:
        return []
    return [f"{YEAR_TOKEN}{year}" for year in range(first, last + 1)]


def _year_before(iso: str) -> str:
    return f"{int(iso[:4]) - 1:04d}{iso[4:]}"


ENTITY_TOKEN = "zzentity"


def entity_token(entity_id: int) -> str:
    """The index token standing for one person or place (letters only, so no tokenizer splits it)."""
    return ENTITY_TOKEN + "".join(chr(ord("a") + int(d)) for d in str(entity_id))


def _check_header(path: Path) -> None:
    """Refuse, without writing to it, a file that is not an SQLite database."""
    try:
        with path.open("rb") as handle:
            header = handle.read(100)
    except OSError as error:
        raise ArchiveError(f"{path}: cannot be read ({error.strerror})") from None
    if not header:
        raise ArchiveError(f"{path}: the file is empty, not an archive")
    if not header.startswith(b"SQLite format 3\x00"):
        raise ArchiveError(f"{path}: not an archive (not an SQLite database)")
    if len(header) < 100:
        raise ArchiveError(f"{path}: the archive is truncated")
