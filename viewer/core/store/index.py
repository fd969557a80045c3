"""The full-text index: what each document's search row holds, rewriting it, and the terms
table that lets a word find its transliterations, OCR slips and inflections."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Mapping
from datetime import date
from typing import Any

from .. import folding
from ..dates import years_overlapped
from ..records import ParsedDocument
from .entities import Entities
from .schema import SEARCH_TABLE

YEAR_TOKEN = "zzyear"
YEARS_IN_QUERY = 10  # a date filter spanning more years is not selective enough to help the index
ENTITY_TOKEN = "zzentity"


def year_tokens(start: date | str | None, end: date | str | None, most: int = 60) -> list[str]:
    """Index tokens for the years a date range overlaps (none for an open or a too long range)."""
    return [f"{YEAR_TOKEN}{year}" for year in years_overlapped(start, end, most)]


def entity_token(entity_id: int) -> str:
    """The index token standing for one person or place (letters only, so no tokenizer splits it)."""
    return ENTITY_TOKEN + "".join(chr(ord("a") + int(d)) for d in str(entity_id))


def _by_id_role(mention: tuple[int, str, str, str | None]) -> tuple[int, str]:
    return mention[0], mention[2]


def _columns(
    doc: Mapping[str, Any] | sqlite3.Row, bodies: list[str], names: list[tuple[int, str, str | None]], labels: list[str]
) -> list[str]:
    """A document's full-text row: title, summary, body, names, refs (folded for the index). Each
    person or place is indexed by one token; a query naming any alias of it asks for that token (see
    ``_expand``), so aliases need not be copied into every document's row."""
    people = [f"{entity_token(entity_id)} {name} {as_written or ''}" for entity_id, name, as_written in names]
    refs = [*labels, doc["source"] or "", doc["date_text"] or "", *year_tokens(doc["date_start"], doc["date_end"])]
    return [
        folding.index_text(doc["title"]),
        folding.index_text(doc["summary"]),
        folding.index_text("\n\n".join(bodies)),
        folding.index_text(" ; ".join(dict.fromkeys(filter(None, people)))),
        folding.index_text(" ; ".join(filter(None, refs))),
    ]


class Index(Entities):
    """The search (FTS5) and terms tables."""

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
        names = self.conn.execute(
            "SELECT e.id, e.name, de.as_written FROM document_entities de JOIN entities e ON e.id = de.entity_id "
            "WHERE de.document_id = ? ORDER BY e.id, de.role",
            (document_id,),
        ).fetchall()
        refs = [
            row[0]
            for row in self.conn.execute(
                "SELECT label FROM reference_numbers WHERE document_id = ? ORDER BY id", (document_id,)
            )
        ]
        return _columns(doc, bodies, [tuple(row) for row in names], refs)

    def columns_of(
        self, row: Mapping[str, Any], parsed: ParsedDocument, named: list[tuple[int, str, str, str | None]]
    ) -> list[str]:
        """What ``search_columns`` would read back for a new document just written from ``parsed`` (its
        documents ``row`` and the mentions ``named``), built from memory instead."""
        names = [(entity_id, name, as_written) for entity_id, name, _role, as_written in sorted(named, key=_by_id_role)]
        bodies = [text.body for text in parsed.texts]
        return _columns(row, bodies, names, [number.label for number in parsed.reference_numbers])

    def indexed_columns(self, document_id: int) -> list[str] | None:
        row = self.conn.execute(
            "SELECT title, summary, body, names, refs FROM search WHERE rowid = ?", (document_id,)
        ).fetchone()
        return [value or "" for value in row] if row else None

    def reindex(self, document_id: int, columns: list[str] | None = None) -> None:
        """Rewrite one document's full-text row (from ``columns`` when the caller has them, else read
        from the archive) and remember its words' folded keys."""
        self.conn.execute("DELETE FROM search WHERE rowid = ?", (document_id,))
        columns = columns if columns is not None else self.search_columns(document_id)
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
        with self.transaction():
            self.conn.execute("DROP TABLE search")  # a damaged index cannot be trusted to delete
            self.conn.execute(SEARCH_TABLE)
            self.conn.execute("DELETE FROM terms")
            self._known_terms.clear()
            ids = [row[0] for row in self.conn.execute("SELECT id FROM documents")]
            for document_id in ids:
                self.reindex(document_id)
        return len(ids)

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

    def _names_in(self, query: str) -> list[tuple[int, int]]:
        """Where ``query`` names a person or place in more than one word ("Ким Ир Сен", "Chou
        En-lai"): such a name is searched as one, so it finds its person, not its words apart."""
        return [
            (hit.start, hit.end)
            for hit in self.gazetteer().find(query)
            if len(folding.words(hit.as_written)) > 1 and not folding.is_cjk(hit.as_written[0])
        ]

    def _surface_forms(self, word: str, expand: Callable[[str], list[str]] | None = None) -> list[str]:
        """What to highlight for ``word``: its folded relatives and the names of whom it names."""
        variants = [v for v in (expand or self._expand)(word) if not v.startswith(ENTITY_TOKEN)]
        entity = self.gazetteer().named(word)
        return variants + (entity.all_names() if entity is not None else [])
