"""Counts of a selection of facets alone, read from the tallies (schema_tallies.py), not the documents.

A facet change at a million documents recounts the total, every facet and the timeline's months:
read from ``documents`` each was a scan of the chosen value's every row (seconds for the people),
from the tallies it is a sum over a few thousand rows. A selection with a query, a date range, a
person or tag chosen (except the facet being counted) or a fixed set of ids is counted on the
documents as before (but a query's people: see ``_people_matched``); so is an archive opened
read-only before it had the tallies. (A query's matches counted into a tally of their own in one
pass read every matched row: slower than the covering indexes the separate counts walk.)
"""

from __future__ import annotations

import calendar
import json
from dataclasses import dataclass
from datetime import date
from typing import Any

from ..classification import normalise as classification_group
from .screens import Screens
from .selection import MATCHED, Selection

# (facet, the tally's column, the Filters attribute)
TALLIED = (("language", "language", "language"), ("type", "doc_type", "doc_type"))
MONTHS_KEPT = 16  # facet selections whose months a connection keeps


@dataclass(frozen=True)
class Tally:
    """The conditions of a selection's facets over the tallies' columns."""

    where: str  # `` WHERE …`` or ""
    params: list[Any]


class Tallies(Screens):
    """The tallies' answers for selections of facets alone; None where the documents must be read.
    A query's person facet uses them too when the query matches most of what its facets select."""

    _has_tallies: bool | None = None

    def _facet_tally(self, selection: Selection, without: str | None = None) -> Tally | None:
        """The tallies' conditions for the facets of ``selection`` (its query left aside), leaving out
        facet ``without`` as its own counts do; None when something else narrows it."""
        chosen = selection.filters
        if selection.nothing or chosen.date_from or chosen.date_to or chosen.ids is not None:
            return None
        if (chosen.person and without != "person") or (chosen.tag and without != "tag"):
            return None
        if self._has_tallies is None:
            self._has_tallies = bool(self._one("SELECT count(*) FROM sqlite_master WHERE name = 'tally_people'"))
        if not self._has_tallies:
            return None
        clauses: list[str] = []
        params: list[Any] = []
        for facet, column, attribute in TALLIED:
            value = getattr(chosen, attribute)
            if value and without != facet:
                clauses.append(f"{column} = ?")
                params.append(value)
        if chosen.classification and without != "classification":
            clauses.append("class_group = ?")
            params.append(classification_group(chosen.classification))
        if chosen.needs_review:
            clauses.append("review = 1")
        return Tally((" WHERE " + " AND ".join(clauses)) if clauses else "", params)

    def _tallied(self, selection: Selection, without: str | None = None) -> Tally | None:
        """The tallies' conditions when facets alone narrow ``selection`` (no query); else None."""
        return self._facet_tally(selection, without) if selection.match is None else None

    def tallied_count(self, selection: Selection) -> int | None:
        """The documents of a selection of facets alone, from the tally (at once at any size); else None."""
        tally = self._tallied(selection)
        if tally is None:
            return None
        return int(self._one(f"SELECT coalesce(sum(n), 0) FROM tally_documents{tally.where}", tally.params))

    def _tallied_values(self, facet: str, selection: Selection, people: int) -> list[tuple[str, int]] | None:
        """A facet's values with their documents, most first (the ``people`` most frequent persons)."""
        if facet not in ("language", "type", "person"):
            return None
        if selection.match is not None:
            tally = self._facet_tally(selection, without=facet) if facet == "person" else None
            if tally is None or not self._materialise(selection.match):
                return None
            return self._people_matched(selection, tally, people)
        tally = self._tallied(selection, without=facet)
        if tally is None:
            return None
        where, params = tally.where, tally.params
        if facet == "person":
            sql = (
                f"SELECT e.name, x.n FROM (SELECT entity_id, sum(n) AS n FROM tally_people{where} "
                "GROUP BY entity_id) x JOIN entities e ON e.id = x.entity_id WHERE e.kind = 'person' AND x.n > 0 "
                "ORDER BY x.n DESC, e.name LIMIT ?"
            )
            return [(r[0], r[1]) for r in self.conn.execute(sql, [*params, people])]
        column = dict((name, column) for name, column, _attribute in TALLIED)[facet]
        sql = (
            f"SELECT {column}, sum(n) FROM tally_documents{where}{' AND' if where else ' WHERE'} "
            f"{column} IS NOT NULL GROUP BY {column} HAVING sum(n) > 0 ORDER BY 2 DESC, 1"
        )
        return [(r[0], r[1]) for r in self.conn.execute(sql, params)]

    def _people_matched(self, selection: Selection, tally: Tally, people: int) -> list[tuple[str, int]]:
        """The person facet of a query: its matches' people counted, or, when the query matches most
        of what its facets select (a word in every document), the people of the archive's tally for
        those facets less those of the few documents the query leaves out."""
        where, params = tally.where, tally.params
        clauses, narrowing = selection.narrowing(without="person")
        facets = "".join(f" AND {clause}" for clause in clauses)
        within = f"SELECT count(*) FROM documents d WHERE d.id IN (SELECT rowid FROM {MATCHED}){facets}"
        matched = int(self._one(within if facets else f"SELECT count(*) FROM {MATCHED}", narrowing))
        selected = int(self._one(f"SELECT coalesce(sum(n), 0) FROM tally_documents{where}", params))

        def people_of(within: str) -> list[tuple[int, int]]:
            documents = f"documents d WHERE d.id {within} (SELECT rowid FROM {MATCHED}){facets}"
            if within == "IN" and not facets:  # the matches themselves, not their rows
                documents = f"(SELECT rowid AS id FROM {MATCHED}) d"
            return self.conn.execute(
                "SELECT de.entity_id, count(DISTINCT de.document_id) FROM document_entities de "
                f"WHERE de.document_id IN (SELECT d.id FROM {documents}) GROUP BY 1",
                narrowing,
            ).fetchall()

        if matched <= selected - matched:
            counts = dict(people_of("IN"))
        else:
            counts = dict(self.conn.execute(f"SELECT entity_id, sum(n) FROM tally_people{where} GROUP BY 1", params))
            for entity, left_out in people_of("NOT IN"):
                counts[entity] -= left_out
        named = self.conn.execute(
            "SELECT id, name FROM entities WHERE kind = 'person' AND id IN (SELECT value FROM json_each(?))",
            (json.dumps([entity for entity, number in counts.items() if number > 0]),),
        )
        ranked = sorted(((counts[entity], name) for entity, name in named), key=lambda found: (-found[0], found[1]))
        return [(name, number) for number, name in ranked[:people]]

    def _tallied_spellings(self, selection: Selection) -> list[tuple[str, str, int]] | None:
        """(group, spelling, documents) of the classification facet."""
        tally = self._tallied(selection, without="classification")
        if tally is None:
            return None
        where = tally.where
        sql = (
            f"SELECT class_group, classification, sum(n) FROM tally_documents{where}"
            f"{' AND' if where else ' WHERE'} class_group IS NOT NULL GROUP BY 1, 2 HAVING sum(n) > 0"
        )
        return [(r[0], r[1], r[2]) for r in self.conn.execute(sql, tally.params)]

    def _months(self, tally: Tally) -> dict[str, int]:
        """Every month of the tally for these facets with its documents, read once per state of the
        archive (the timeline asks for its view's count, then its bins, then again at each pan)."""
        sql = f"SELECT month, sum(n) FROM tally_months{tally.where} GROUP BY month"
        if self.conn.in_transaction:  # what it reads now may yet be rolled back
            return dict(self._tuples(sql, tally.params))
        stamp = self.changes_stamp()
        if self._months_read is None or self._months_read[0] != stamp or len(self._months_read[1]) > MONTHS_KEPT:
            self._months_read = (stamp, {})
        key = (tally.where, tuple(tally.params))
        months = self._months_read[1].get(key)
        if months is None:
            months = self._months_read[1][key] = dict(self._tuples(sql, tally.params))
        return months

    _months_read: tuple[tuple[int, int], dict[tuple[str, tuple[Any, ...]], dict[str, int]]] | None = None

    def _tallied_months(self, selection: Selection, start: date, end: date) -> list[tuple[str, int]] | None:
        """Documents per month ("1950-05") dated in [start, end]: whole months from the tally, the
        two months the range cuts through counted on the documents, by day."""
        tally = self._tallied(selection)
        if tally is None:
            return None
        if start > end:  # a range given backwards holds nothing
            return []
        first, last = start.isoformat()[:7], end.isoformat()[:7]
        counted = [(month, number) for month, number in self._months(tally).items() if first < month < last]
        month_end = date(start.year, start.month, calendar.monthrange(start.year, start.month)[1])
        edges = [(start, min(end, month_end))] + ([(date(end.year, end.month, 1), end)] if last != first else [])
        where, narrowing = self._where(selection)
        sql = (
            f"SELECT substr(d.sort_date, 1, 7), count(*) FROM documents d{where}{' AND ' if where else ' WHERE '}"
            "d.sort_date >= ? AND d.sort_date <= ? GROUP BY 1"
        )
        for low, high in edges:
            counted += self.conn.execute(sql, [*narrowing, low.isoformat(), high.isoformat()]).fetchall()
        return counted
