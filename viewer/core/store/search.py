"""Ranked full-text search with snippets, cheap even for a word found in nearly every document."""

from __future__ import annotations

import json
from dataclasses import dataclass, field, replace

from .. import folding
from .index import YEARS_IN_QUERY, year_tokens
from .selection import Filters, Selecting

RANK_LIMIT = 1000


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


class Search(Selecting):
    """The search and its first screen of hits."""

    def search(self, query: str, filters: Filters | None = None, limit: int = 100) -> SearchResult:
        """The first screen of hits, designed so a word found in nearly every document stays cheap.

        Up to RANK_LIMIT matches are counted exactly and ranked by relevance (bm25). Beyond that,
        ranking every match would cost more than the screen is worth: the hits come in archive
        order, ``total`` is the lower bound RANK_LIMIT and ``total_exact`` is False (``count()``
        with ``Filters(query=...)`` gives the exact figure when it is wanted).
        """
        selection = self.select(replace(filters or Filters(), query=query))  # the same compiled pieces as the list
        result = SearchResult(query=query, total=0)
        match = selection.match
        if not match:
            return result
        result.terms = list(selection.terms)
        years = year_tokens(selection.filters.date_from, selection.filters.date_to, most=YEARS_IN_QUERY)
        if years:  # the index narrows to the years first; the dates below decide exactly
            match = f"({match}) AND ({' OR '.join(years)})"
        where, params = self._where(selection, without="query")
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
                "SELECT id, key, date_start, title, summary FROM documents "
                "WHERE id IN (SELECT value FROM json_each(?))",
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
