"""Counts of a selection of facets alone, read from the tallies (schema_tallies.py), not the documents.

A facet change at a million documents recounts the total, every facet and the timeline's months:
read from ``documents`` each was a scan of the chosen value's every row (seconds for the people),
from the tallies it is a sum over a few thousand rows. A selection with a query, a date range, a
person or tag chosen (except the facet being counted) or a fixed set of ids is counted on the
documents as before; so is an archive opened read-only before it had the tallies.
"""

from __future__ import annotations

import calendar
import json
from dataclasses import dataclass
from datetime import date
from typing import Any

from ..classification import normalise as classification_group
from .schema_tallies import MONTH_KEY
from .screens import Screens
from .selection import MATCHED, Selection

# the tally's columns over ``documents d``: the facets, the spelling and the month
MATCHED_KEY = ", ".join(
    f"{value.format(r='d')} AS {name}" for name, value in (*MONTH_KEY, ("classification", "{r}.classification"))
)

# (facet, the tally's column, the Filters attribute)
TALLIED = (("language", "language", "language"), ("type", "doc_type", "doc_type"))
MATCHED_TALLY = "temp.matched_tally"  # the documents the last materialised query matched, counted by facet and month


@dataclass(frozen=True)
class Tally:
    """Where a selection's counts are read: the tables and the conditions of its facets over them."""

    documents: str  # by facet and spelling
    months: str  # by facet and month
    people: str | None  # by person and facet (None: the people are counted on the documents)
    where: str  # `` WHERE …`` or ""
    params: list[Any]


class Tallies(Screens):
    """The tallies' answers for selections of facets alone; None where the documents must be read.
    A query's matches, kept in this connection's TEMP table, are counted into a tally of their own
    once, in one pass: the count, the facets and the timeline's months of the query then read it."""

    _has_tallies: bool | None = None

    def _tallied(self, selection: Selection, without: str | None = None, matches: bool = True) -> Tally | None:
        """The tally that can count ``selection`` (leaving out facet ``without``, as its own counts
        do): the archive's for facets alone; with ``matches``, one of the query's matches made now."""
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
        where = (" WHERE " + " AND ".join(clauses)) if clauses else ""
        if selection.match is None:
            return Tally("tally_documents", "tally_months", "tally_people", where, params)
        if not matches or not self._tally_matches(selection.match):
            return None
        return Tally(MATCHED_TALLY, MATCHED_TALLY, None, where, params)

    def _tally_matches(self, match: str) -> bool:
        """Count the documents ``match`` finds by facet and month into MATCHED_TALLY, unless they are
        there already; False inside a write transaction (see ``_materialise``)."""
        if not self._materialise(match):
            return False
        state = self._compiled
        if state.tallied == match:
            return True
        before = self.conn.total_changes
        self.conn.execute(f"DROP TABLE IF EXISTS {MATCHED_TALLY}")
        self.conn.execute(
            f"CREATE TEMP TABLE {MATCHED_TALLY[5:]} AS SELECT {MATCHED_KEY}, count(*) AS n FROM documents d "
            f"WHERE d.id IN (SELECT rowid FROM {MATCHED}) GROUP BY {', '.join(map(str, range(1, 7)))}"
        )
        state.own_changes += self.conn.total_changes - before
        state.tallied = match
        return True

    def tallied_count(self, selection: Selection) -> int | None:
        """The documents of a selection of facets alone, from the tally (at once at any size); else None."""
        return self._tallied_sum(self._tallied(selection, matches=False))

    def _tallied_count(self, selection: Selection) -> int | None:
        """The documents of ``selection``, from a tally (a query's counted once); else None."""
        return self._tallied_sum(self._tallied(selection))

    def _tallied_sum(self, tally: Tally | None) -> int | None:
        if tally is None:
            return None
        return int(self._one(f"SELECT coalesce(sum(n), 0) FROM {tally.documents}{tally.where}", tally.params))

    def _tallied_values(self, facet: str, selection: Selection, people: int) -> list[tuple[str, int]] | None:
        """A facet's values with their documents, most first (the ``people`` most frequent persons)."""
        if facet not in ("language", "type", "person"):
            return None
        tally = self._tallied(selection, without=facet)
        if tally is None:
            return None
        if facet == "person" and tally.people is None:
            return self._people_matched(selection, tally, people)
        where, params = tally.where, tally.params
        if facet == "person":
            sql = (
                f"SELECT e.name, x.n FROM (SELECT entity_id, sum(n) AS n FROM {tally.people}{where} "
                "GROUP BY entity_id) x JOIN entities e ON e.id = x.entity_id WHERE e.kind = 'person' AND x.n > 0 "
                "ORDER BY x.n DESC, e.name LIMIT ?"
            )
            return [(r[0], r[1]) for r in self.conn.execute(sql, [*params, people])]
        column = dict((name, column) for name, column, _attribute in TALLIED)[facet]
        sql = (
            f"SELECT {column}, sum(n) FROM {tally.documents}{where}{' AND' if where else ' WHERE'} "
            f"{column} IS NOT NULL GROUP BY {column} HAVING sum(n) > 0 ORDER BY 2 DESC, 1"
        )
        return [(r[0], r[1]) for r in self.conn.execute(sql, params)]

    def _people_matched(self, selection: Selection, tally: Tally, people: int) -> list[tuple[str, int]]:
        """The person facet of a query: its matches' people counted, or, when the query matches most
        of what its facets select (a word in every document), the people of the archive's tally for
        those facets less those of the few documents the query leaves out."""
        where, params = tally.where, tally.params
        matched = int(self._one(f"SELECT coalesce(sum(n), 0) FROM {tally.documents}{where}", params))
        selected = int(self._one(f"SELECT coalesce(sum(n), 0) FROM tally_documents{where}", params))
        clauses, narrowing = selection.narrowing(without="person")
        facets = "".join(f" AND {clause}" for clause in clauses)

        def people_of(within: str) -> list[tuple[int, int]]:
            return self.conn.execute(
                "SELECT de.entity_id, count(DISTINCT de.document_id) FROM documents d CROSS JOIN document_entities de "
                f"ON de.document_id = d.id WHERE d.id {within} (SELECT rowid FROM {MATCHED}){facets} GROUP BY 1",
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
            f"SELECT class_group, classification, sum(n) FROM {tally.documents}{where}"
            f"{' AND' if where else ' WHERE'} class_group IS NOT NULL GROUP BY 1, 2 HAVING sum(n) > 0"
        )
        return [(r[0], r[1], r[2]) for r in self.conn.execute(sql, tally.params)]

    def _tallied_months(self, selection: Selection, start: date, end: date) -> list[tuple[str, int]] | None:
        """Documents per month ("1950-05") dated in [start, end]: whole months from the tally, the
        two months the range cuts through counted on the documents, by day."""
        tally = self._tallied(selection)
        if tally is None:
            return None
        first, last = start.isoformat()[:7], end.isoformat()[:7]
        connector = " AND " if tally.where else " WHERE "
        counted = list(
            self.conn.execute(
                f"SELECT month, sum(n) FROM {tally.months}{tally.where}{connector}month > ? AND month < ? "
                "GROUP BY month",
                [*tally.params, first, last],
            )
        )
        month_end = date(start.year, start.month, calendar.monthrange(start.year, start.month)[1])
        edges = [(start, min(end, month_end))] + ([(date(end.year, end.month, 1), end)] if last != first else [])
        where, narrowing = self._where(selection)  # a query's matches as kept in this connection's TEMP table
        sql = (
            f"SELECT substr(d.sort_date, 1, 7), count(*) FROM documents d{where}{' AND ' if where else ' WHERE '}"
            "d.sort_date >= ? AND d.sort_date <= ? GROUP BY 1"
        )
        for low, high in edges:
            counted += self.conn.execute(sql, [*narrowing, low.isoformat(), high.isoformat()]).fetchall()
        return counted
