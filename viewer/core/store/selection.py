"""What narrows the document list: a filters value and the SQL it becomes."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from ..search_query import build_match
from .index import Index

FACETS = {
    "language": "original_language",
    "type": "doc_type",
    "classification": "classification",
}


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


def _year_before(iso: str) -> str:
    return f"{int(iso[:4]) - 1:04d}{iso[4:]}"


class Selection(Index):
    """Turns filters into a WHERE clause over ``documents d``."""

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
