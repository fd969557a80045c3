"""The list's first screen, bounded whatever a query matches, and its whole order, read by a worker.

At a million documents a word found in a third of them matches 330,000 rows: counting them,
ordering them all by date or ranking them all by relevance takes seconds, so none of it may run
between a keystroke and the first screen. ``screen`` reads at most ``PROBE`` matches (in the index's
own rowid order): when the query matches no more, they are all there, counted and ordered exactly;
when it matches more, the first screen walks the list's sort index and asks the full-text index,
row by row, whether each document matches (a word in every document needs a screen's worth of
rows), and the count is left to a worker (``order``). In relevance order under facets or dates, the
words' matches are ranked first and only the best are read with the narrowing checked, until the
screen is full; the count is then a worker's too unless every match was checked.

Relevance is bm25, weighted so that a hit in the title counts more than one in the text, for a
query that matches no more than ``PROBE`` documents. bm25's idf reads every match of each phrase,
so a query that matches more is ranked only over a bounded set of candidates: its first
``CANDIDATES`` matches, those with the hit in the title first; the rest follow in archive order. The first
screen and the worker's whole order come from the same candidates, so the rows a person already
sees never move when the count arrives.
"""

from __future__ import annotations

import json
from array import array
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from .. import folding
from ..records import ListRow
from . import rows
from .index import YEARS_IN_QUERY, year_tokens
from .selection import MATCHED, SORTABLE, Selecting, Selection

PROBE = 1000  # matches read before a query counts as dense (and is no longer counted at once)
ID_TEXT_PIECE = 65536  # characters of joined ids parsed at once (~9,000 ids, about a millisecond)
CANDIDATES = 200  # a dense query's first matches searched for a title hit (as the list's first screen)
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
        if sort == RELEVANCE and selection.narrowing()[0]:
            best = self._best_narrowed(selection, limit)
            if best is not None:
                return best
        found = self._first_matches(selection)
        if len(found) <= PROBE:  # every match is here: count and order them exactly
            ids = self._ranked(selection, found) if sort == RELEVANCE else self._sorted(found, sort, descending)
            return Screen(self.rows_by_id(ids[:limit]), len(ids), ids)
        if sort == RELEVANCE:
            return Screen(self.rows_by_id(self._candidates(selection, found)[:limit]), None)
        first = self._ordered_rows(selection, sort, descending, limit, walk=True)
        return _whole(first) if len(first) < limit else Screen(first, None)

    def order(self, selection: Selection, sort: str = "date", descending: bool = False) -> array[int]:
        """Every document id of ``selection`` in the list's order (for a worker: it reads every match)."""
        where, params = self._where(selection)
        if sort == RELEVANCE and selection.match is not None:
            found = self._first_matches(selection)
            if len(found) <= PROBE:
                return array("q", self._ranked(selection, found))
            ids = array("q", self._candidates(selection, found))
            after = f"{' AND ' if where else ' WHERE '}d.id > ?"
            rest = f"SELECT d.id FROM documents d{where}{after} ORDER BY d.id"
            ids.extend(self._id_list(rest, [*params, found[PROBE - 1]]))
            return ids
        order = order_by(sort, descending)
        return self._id_list(f"SELECT d.id FROM documents d{where} ORDER BY {order}", params)

    def _id_list(self, sql: str, params: list[Any]) -> array[int]:
        """The ids a query lists, in its order: SQLite joins them into one text without Python's lock
        (row by row, a million rows each took the lock from the window: 1 s at 650,000), and the
        text is parsed a piece at a time (each ~1 ms), so a worker never holds the lock for long."""
        joined = self._one(f"SELECT group_concat(id) FROM ({sql})", params)  # an aggregate keeps its order
        ids: array[int] = array("q")
        start, size = 0, len(joined or "")
        while start < size:
            end = joined.find(",", start + ID_TEXT_PIECE)
            end = size if end < 0 else end
            ids.extend(json.loads(f"[{joined[start:end]}]"))
            start = end + 1
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
        if self.conn.in_transaction:  # what it counts now may yet be rolled back
            return int(self._one("SELECT count(*) FROM documents"))
        stamp = self.changes_stamp()
        if self._total is None or self._total[0] != stamp:
            self._total = (stamp, int(self._one("SELECT count(*) FROM documents")))
        return self._total[1]

    _total: tuple[tuple[int, int], int] | None = None

    def changes_stamp(self) -> tuple[int, int]:
        """Changes whenever the archive does: another connection commits, or this one writes."""
        return self.data_version(), self.conn.total_changes - self._compiled.own_changes

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

    def _first_matches(self, selection: Selection) -> list[int]:
        """Up to PROBE + 1 matches in rowid order. When the query alone matches no more than PROBE
        documents they are kept in this connection's TEMP table, so the counts, facets and timeline
        that follow run no MATCH of their own."""
        match, extra, params = self._match_clause(selection)
        if match == selection.match and not self.conn.in_transaction:
            sql = "SELECT rowid FROM search WHERE search MATCH ? LIMIT ?"
            found = [row[0] for row in self.conn.execute(sql, (match, PROBE + 1))]
            if len(found) <= PROBE:
                self._keep_matched(match, found)
                if not extra:
                    return found
                kept_sql = f"SELECT d.id FROM documents d WHERE d.id IN (SELECT rowid FROM {MATCHED}){extra}"
                kept = {row[0] for row in self.conn.execute(kept_sql, params)}
                return [rowid for rowid in found if rowid in kept]
            if not extra:
                return found
        join = " CROSS JOIN documents d ON d.id = search.rowid" if extra else ""
        sql = f"SELECT search.rowid FROM search{join} WHERE search MATCH ?{extra} LIMIT ?"
        return [row[0] for row in self.conn.execute(sql, [match, *params, PROBE + 1])]

    def _ranked(self, selection: Selection, found: list[int]) -> list[int]:
        """The few matches ``found`` best first (bm25; its idf reads each phrase's every match, which
        is why a dense query is not ranked), ties in archive order."""
        if not found:
            return []
        match, _extra, _params = self._match_clause(selection)
        sql = f"SELECT rowid, bm25(search, {WEIGHTS}) FROM search WHERE search MATCH ? AND rowid BETWEEN ? AND ?"
        wanted = set(found)
        scored = [(row[0], row[1]) for row in self.conn.execute(sql, (match, found[0], found[-1])) if row[0] in wanted]
        return [rowid for rowid, _ in sorted(scored, key=_score)]

    def _best_narrowed(self, selection: Selection, limit: int) -> Screen | None:
        """The first screen in relevance order of a query narrowed by facets or dates whose words (and
        the years of a short date filter) match no more than PROBE documents; None when they match more.
        All those matches are ranked, and only the best are read with the narrowing checked, until the
        screen is full: checking every match read a row for each (at 100,000 documents a word under a
        year's filter, 600 of them, most on the disk after a while). When the screen fills before every
        match was checked, the count and the whole order are a worker's (``order``, the same order)."""
        match, _extra, _params = self._match_clause(selection)
        sql = "SELECT rowid FROM search WHERE search MATCH ? LIMIT ?"
        found = [row[0] for row in self.conn.execute(sql, (match, PROBE + 1))]
        if len(found) > PROBE:
            return None
        ranked, shown = self._ranked(selection, found), []
        for start in range(0, len(ranked), limit):
            shown += self._narrowed_rows(selection, ranked[start : start + limit])
            if len(shown) >= limit and start + limit < len(ranked):
                return Screen(shown[:limit], None)
        return Screen(shown[:limit], len(shown), [row.id for row in shown])  # every match checked

    def _narrowed_rows(self, selection: Selection, ids: list[int]) -> list[ListRow]:
        """The list rows of those of ``ids`` the selection's clauses besides its query keep, in that order."""
        clauses, params = selection.narrowing()
        sql = f"SELECT {LIST_SQL} FROM documents d WHERE d.id IN (SELECT value FROM json_each(?)) AND "
        found = {row[0]: row for row in self._tuples(sql + " AND ".join(clauses), [json.dumps(ids), *params])}
        return rows.list_rows(found[i] for i in ids if i in found)

    def _sorted(self, found: list[int], sort: str, descending: bool) -> list[int]:
        order = order_by(sort, descending)
        sql = f"SELECT d.id FROM documents d WHERE d.id IN (SELECT value FROM json_each(?)) ORDER BY {order}"
        return [row[0] for row in self.conn.execute(sql, (json.dumps(found),))]

    def _candidates(self, selection: Selection, found: list[int]) -> list[int]:
        """A dense query's first PROBE matches: of the first CANDIDATES (a screen's worth), those
        whose stored title holds a hit (found by the highlighter that marks the snippets: asking the
        index for title hits read its whole doclist) first, then the others, all in archive order:
        the same every time, so the first screen and the worker's order agree."""
        first, after = found[:CANDIDATES], found[CANDIDATES:PROBE]
        highlighter = folding.Highlighter(list(selection.terms))
        titles = self.conn.execute(
            "SELECT id, title FROM documents WHERE id IN (SELECT value FROM json_each(?))", (json.dumps(first),)
        )
        titled = {row[0] for row in titles if highlighter.first(row[1] or "") >= 0}
        return [rowid for rowid in first if rowid in titled] + [rowid for rowid in first if rowid not in titled] + after

    def _keep_matched(self, match: str, ids: list[int]) -> None:
        """Write ``ids``, every document ``match`` finds, to the TEMP table ``_materialise`` fills."""
        self._fill_matched(match, "SELECT value FROM json_each(?)", json.dumps(ids))

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
        order = order_by(sort, descending)
        sql = f"SELECT {LIST_SQL} FROM documents d{where} ORDER BY {order} LIMIT ?"
        return rows.list_rows(self._tuples(sql, [*params, limit]))


def order_by(sort: str, descending: bool) -> str:
    """The ORDER BY terms of the list's ``sort`` (over ``documents d``), one rule for every read of the list."""
    direction = "DESC" if descending else "ASC"
    return ", ".join(f"d.{c} {direction}" for c in SORTABLE.get(sort, SORTABLE["date"]))


def _whole(first: list[ListRow]) -> Screen:
    """A screen that holds the whole selection (it found fewer rows than it asked for)."""
    return Screen(first, len(first), [row.id for row in first])


def _score(found: tuple[int, float]) -> tuple[float, int]:
    """bm25 is lower for a better match; ties in archive order."""
    return found[1], found[0]
