"""The list's first screen, bounded whatever a query matches, and its whole order, read by a worker.

At a million documents a word found in a third of them matches 330,000 rows: counting them,
ordering them all by date or ranking them all by relevance takes seconds, so none of it may run
between a keystroke and the first screen. ``screen`` reads at most ``PROBE`` matches (in the index's
own rowid order): when the query matches no more, they are all there, counted and ordered exactly;
when it matches more, the first screen walks the list's sort index and asks the full-text index,
row by row, whether each document matches (a word in every document needs a screen's worth of
rows), and the count is left to a worker (``order``).

Relevance is bm25, weighted so that a hit in the title counts more than one in the text. A query
that matches more than ``PROBE`` documents is ranked only over a bounded set of candidates (its
first ``PROBE`` matches and up to ``PROBE`` with the hit in the title); the rest follow in archive
order. The first screen and the worker's whole order come from the same candidates, so the rows a
person already sees never move when the count arrives.
"""

from __future__ import annotations

import json
import sqlite3
from array import array
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from ..records import ListRow
from . import rows
from .index import YEARS_IN_QUERY, year_tokens
from .selection import MATCHED, SORTABLE, Selecting, Selection

PROBE = 1000  # matches read before a query counts as dense (and is no longer counted at once)
RELEVANCE = "relevance"  # the sort key of bm25 order
WEIGHTS = "10.0, 4.0, 1.0, 2.0, 1.0"  # bm25 weights of title, summary, body, names, refs
LIST_COLUMNS = (  # in ListRow's order
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
LIST_SQL = ", ".join("d." + column for column in LIST_COLUMNS)


@dataclass(frozen=True)
class Screen:
    """The first rows of a selection in the order asked for. ``total`` and ``ids`` (every document
    id in that order) when they are known at once; None when a worker must read them (``order``)."""

    rows: list[ListRow]
    total: int | None
    ids: list[int] | None = None


class Screens(Selecting):
    """The bounded first screen of a selection, and the whole order of its documents."""

    def screen(self, selection: Selection, sort: str = "date", descending: bool = False, limit: int = 200) -> Screen:
        """The first ``limit`` rows of ``selection`` sorted by ``sort``, bounded in what it reads."""
        if selection.match is None:
            first = self._ordered_rows(selection, sort, descending, limit)
            return _whole(first) if len(first) < limit else Screen(first, None)
        found = self._first_matches(selection, ranked=sort == RELEVANCE)
        if len(found) <= PROBE:  # every match is here: count and order them exactly
            if sort == RELEVANCE:
                ids = [rowid for rowid, _ in sorted(found, key=_score)]
            else:
                direction = "DESC" if descending else "ASC"
                order = ", ".join(f"d.{c} {direction}" for c in SORTABLE.get(sort, SORTABLE["date"]))
                sql = f"SELECT d.id FROM documents d WHERE d.id IN (SELECT value FROM json_each(?)) ORDER BY {order}"
                ids = [row[0] for row in self.conn.execute(sql, (json.dumps([rowid for rowid, _ in found]),))]
            return Screen(self.rows_by_id(ids[:limit]), len(ids), ids)
        if sort == RELEVANCE:
            return Screen(self.rows_by_id(self._candidates(selection, found)[:limit]), None)
        first = self._ordered_rows(selection, sort, descending, limit, walk=True)
        return _whole(first) if len(first) < limit else Screen(first, None)

    def order(self, selection: Selection, sort: str = "date", descending: bool = False) -> array[int]:
        """Every document id of ``selection`` in the list's order (for a worker: it reads every match)."""
        ids: array[int] = array("q")
        if sort == RELEVANCE and selection.match is not None:
            found = self._first_matches(selection, ranked=True)
            first = self._candidates(selection, found) if len(found) > PROBE else None
            if first is None:
                ids.extend(rowid for rowid, _ in sorted(found, key=_score))
                return ids
            ids.extend(first)
            where, params = self._where(selection)
            chosen = set(first)
            rest = self.conn.execute(f"SELECT d.id FROM documents d{where} ORDER BY d.id", params)
            ids.extend(row[0] for row in rest if row[0] not in chosen)
            return ids
        where, params = self._where(selection)
        direction = "DESC" if descending else "ASC"
        order = ", ".join(f"d.{c} {direction}" for c in SORTABLE.get(sort, SORTABLE["date"]))
        ids.extend(row[0] for row in self.conn.execute(f"SELECT d.id FROM documents d{where} ORDER BY {order}", params))
        return ids

    def rows_by_id(self, ids: Sequence[int]) -> list[ListRow]:
        """The list rows of ``ids``, in that order (a window of a worker's order)."""
        if not len(ids):
            return []
        found = self._tuples(
            f"SELECT {LIST_SQL} FROM documents d WHERE d.id IN (SELECT value FROM json_each(?))",
            (json.dumps(list(ids)),),
        )
        by_id = {row[0]: row for row in found}
        return rows.list_rows(by_id[i] for i in ids if i in by_id)

    def documents_total(self) -> int:
        """How many documents the archive holds, counted once per state of the archive (the
        window asks at every keystroke whether it is large)."""
        stamp = (self.data_version(), self.conn.total_changes - self._compiled.own_changes)
        if self._total is None or self._total[0] != stamp:
            self._total = (stamp, int(self._one("SELECT count(*) FROM documents")))
        return self._total[1]

    _total: tuple[tuple[int, int], int] | None = None

    def interrupt(self) -> None:
        """Stop the statement this archive's connection is running (called from another thread)."""
        self.conn.interrupt()

    # -- the pieces -----------------------------------------------------------------------------

    def _match_clause(self, selection: Selection) -> tuple[str, str, list[Any]]:
        """The MATCH expression (narrowed to the years of a short date filter, which the index
        holds as tokens) and the selection's other clauses as `` AND …`` over ``documents d``."""
        assert selection.match is not None
        match = selection.match
        years = year_tokens(selection.filters.date_from, selection.filters.date_to, most=YEARS_IN_QUERY)
        if years:  # the dates below decide exactly
            match = f"({match}) AND ({' OR '.join(years)})"
        clauses, params = selection.narrowing()
        return match, "".join(f" AND {clause}" for clause in clauses), params

    def _first_matches(self, selection: Selection, ranked: bool, column: str | None = None) -> list[tuple[int, float]]:
        """Up to PROBE + 1 matches in rowid order, with their bm25 score when ``ranked``. When the
        query alone matches no more than PROBE documents they are kept in this connection's TEMP
        table, so the counts, facets and timeline that follow run no MATCH of their own."""
        match, extra, params = self._match_clause(selection)
        score = f"bm25(search, {WEIGHTS})" if ranked else "0.0"
        if column is None and match == selection.match and not self.conn.in_transaction:
            sql = f"SELECT rowid, {score} FROM search WHERE search MATCH ? LIMIT ?"
            found = [(row[0], row[1]) for row in self.conn.execute(sql, (match, PROBE + 1))]
            if len(found) <= PROBE:
                self._keep_matched(match, [rowid for rowid, _ in found])
                if not extra:
                    return found
                kept = {
                    row[0]
                    for row in self.conn.execute(
                        f"SELECT d.id FROM documents d WHERE d.id IN (SELECT rowid FROM {MATCHED}){extra}", params
                    )
                }
                return [hit for hit in found if hit[0] in kept]
            if not extra:
                return found
        if column:
            match = f"{{{column}}} : ({match})"
        join = " CROSS JOIN documents d ON d.id = search.rowid" if extra else ""
        sql = f"SELECT search.rowid, {score} FROM search{join} WHERE search MATCH ?{extra} LIMIT ?"
        try:
            return [(row[0], row[1]) for row in self.conn.execute(sql, [match, *params, PROBE + 1])]
        except sqlite3.OperationalError:
            if column is None:
                raise
            return []  # an expression FTS5 will not filter by column: no title candidates

    def _keep_matched(self, match: str, ids: list[int]) -> None:
        """Write ``ids``, every document ``match`` finds, to the TEMP table ``_materialise`` fills."""
        self._forget_if_changed()
        state = self._compiled
        if state.matched == match:
            return
        before = self.conn.total_changes
        if state.created:
            self.conn.execute(f"DELETE FROM {MATCHED}")
        else:
            self.conn.execute(f"CREATE TEMP TABLE IF NOT EXISTS {MATCHED[5:]} (rowid INTEGER PRIMARY KEY)")
            state.created = True
        self.conn.execute(f"INSERT INTO {MATCHED} SELECT value FROM json_each(?)", (json.dumps(ids),))
        state.own_changes += self.conn.total_changes - before
        state.matched = match

    def _candidates(self, selection: Selection, found: list[tuple[int, float]]) -> list[int]:
        """A dense query's ranked candidates: its first PROBE matches and those with the hit in the
        title, best first (the same every time, so the screen and the worker's order agree)."""
        pooled = dict(found[:PROBE])
        pooled.update(self._first_matches(selection, ranked=True, column="title")[:PROBE])
        return [rowid for rowid, _ in sorted(pooled.items(), key=_score)]

    def _ordered_rows(
        self, selection: Selection, sort: str, descending: bool, limit: int, walk: bool = False
    ) -> list[ListRow]:
        """The first rows in the sort index's order; with ``walk`` each row is asked of the full-text
        index in turn (a dense query: a screen's worth of rows, never every match)."""
        clauses, params = selection.narrowing()
        if walk:
            match, _extra, _params = self._match_clause(selection)
            clauses = [*clauses, "EXISTS (SELECT 1 FROM search WHERE search MATCH ? AND search.rowid = d.id)"]
            params = [*params, match]
        where = (" WHERE " + " AND ".join(clauses)) if clauses else ""
        direction = "DESC" if descending else "ASC"
        order = ", ".join(f"d.{c} {direction}" for c in SORTABLE.get(sort, SORTABLE["date"]))
        sql = f"SELECT {LIST_SQL} FROM documents d{where} ORDER BY {order} LIMIT ?"
        return rows.list_rows(self._tuples(sql, [*params, limit]))


def _whole(first: list[ListRow]) -> Screen:
    """A screen that holds the whole selection (it found fewer rows than it asked for)."""
    return Screen(first, len(first), [row.id for row in first])


def _score(found: tuple[int, float]) -> tuple[float, int]:
    """bm25 is lower for a better match; ties in archive order."""
    return found[1], found[0]
