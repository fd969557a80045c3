"""Ranked full-text search with snippets, cheap even for a word found in nearly every document."""

from __future__ import annotations

import json
from dataclasses import dataclass, field, replace
from functools import lru_cache
from typing import Any

from .. import folding
from .index import YEARS_IN_QUERY, year_tokens
from .selection import Filters, Selecting
from .text_codec import unpack

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
        matches = f"SELECT search.rowid FROM search{join} WHERE search MATCH ?{extra} LIMIT ?"
        # counted by SQLite: a dense query's 1,001 rowids are never made into Python rows
        counted = self._one(f"SELECT count(*) FROM ({matches})", [match, *params, RANK_LIMIT + 1])
        if counted <= RANK_LIMIT:
            result.total = counted
            top = [
                (row[0], row[1])
                for row in self._tuples(
                    f"SELECT search.rowid, search.rank FROM search{join} WHERE search MATCH ?{extra} "
                    "ORDER BY search.rank LIMIT ?",
                    [match, *params, limit],
                )
            ]
        else:
            result.total, result.total_exact, result.ranked = RANK_LIMIT, False, False
            top = [(row[0], 0.0) for row in self._tuples(matches, [match, *params, min(limit, RANK_LIMIT + 1)])]
        if not top:
            return result
        found = self._snippets_with_rows([rowid for rowid, _ in top], result.terms)
        result.hits = []
        for rowid, score in top:
            if rowid in found:
                snippet, (key, date, title) = found[rowid]
                result.hits.append(SearchHit(rowid, key, date, title, snippet, score))
        return result

    def snippets(self, ids: list[int], terms: list[str] | tuple[str, ...]) -> dict[int, str]:
        """A snippet per document (marked with folding's MARK_START/MARK_END around each hit): from
        its texts, else its summary, else its title; its opening words when the hit is elsewhere (a
        name, a reference). Made from the stored texts by the Python highlighter, never read back
        from the full-text table (which keeps no text)."""
        return {document_id: made[0] for document_id, made in self._snippets_with_rows(ids, terms).items()}

    def _snippets_with_rows(
        self, ids: list[int], terms: list[str] | tuple[str, ...]
    ) -> dict[int, tuple[str, tuple[Any, Any, Any]]]:
        """``snippets``, each paired with the document's (key, date, title) (search's hits need both)."""
        if not ids:
            return {}
        wanted = json.dumps(list(ids))
        documents = {
            row[0]: row[1:]
            for row in self._tuples(
                "SELECT id, key, date_start, title, summary FROM documents "
                "WHERE id IN (SELECT value FROM json_each(?))",
                (wanted,),
            )
        }
        bodies: dict[int, list[str | bytes]] = {}  # as stored: unpacked only when the snippet gets to them
        for document_id, body in self._tuples(
            "SELECT document_id, body FROM texts WHERE document_id IN (SELECT value FROM json_each(?)) "
            "ORDER BY document_id, position",
            (wanted,),
        ):
            bodies.setdefault(document_id, []).append(body)
        highlighter = _highlighter(tuple(terms))
        made: dict[int, tuple[str, tuple[Any, Any, Any]]] = {}
        for document_id in ids:
            row = documents.get(document_id)
            if row is None:
                continue
            key, date, title, summary = row
            made[document_id] = (_snippet(highlighter, bodies.get(document_id, []), summary, title), (key, date, title))
        return made


@lru_cache(maxsize=8)
def _highlighter(terms: tuple[str, ...]) -> folding.Highlighter:
    """One highlighter per query's terms: the list asks for a screen's snippets at a time, all with the
    same terms (a Highlighter is never changed once made)."""
    return folding.Highlighter(list(terms))


def _snippet(highlighter: folding.Highlighter, bodies: list[str | bytes], summary: str | None, title: str) -> str:
    """The first of the texts (in order), the summary and the title that holds a hit gives the snippet,
    else the opening of the first. A text after the one with the hit is never unpacked (text_codec;
    one damaged on disk unpacks to a note saying so, which a query's words rarely match)."""
    first: str | None = None
    for body in bodies:
        text = unpack(body)
        first = text if first is None else first
        if snippet := highlighter.snippet(text):
            return snippet
    for text in (summary or "", title):
        if snippet := highlighter.snippet(text):
            return snippet
    return folding.opening((summary or "") if first is None else first)
