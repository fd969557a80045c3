"""Counts of a selection of facets alone, read from the tallies (schema_tallies.py), not the documents.

A facet change at a million documents recounts the total, every facet and the timeline's months:
read from ``documents`` each was a scan of the chosen value's every row (seconds for the people),
from the tallies it is a sum over a few thousand rows. A selection with a query, a date range, a
person or tag chosen (except the facet being counted) or a fixed set of ids is counted on the
documents as before; so is an archive opened read-only before it had the tallies.
"""

from __future__ import annotations

import calendar
from datetime import date
from typing import Any

from ..classification import normalise as classification_group
from .screens import Screens
from .selection import Selection

# (facet, the tally's column, the Filters attribute)
TALLIED = (("language", "language", "language"), ("type", "doc_type", "doc_type"))


class Tallies(Screens):
    """The tallies' answers for selections of facets alone; None where the documents must be read."""

    _has_tallies: bool | None = None

    def _tallied(self, selection: Selection, without: str | None = None) -> tuple[str, list[Any]] | None:
        """`` WHERE …`` over a tally (or "") and its parameters, when the tallies can count
        ``selection`` (leaving out facet ``without``, as its own counts do); else None."""
        chosen = selection.filters
        if selection.match is not None or selection.nothing or chosen.query.strip():
            return None
        if chosen.date_from or chosen.date_to or chosen.ids is not None:
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
        return (" WHERE " + " AND ".join(clauses)) if clauses else "", params

    def tallied_count(self, selection: Selection) -> int | None:
        """The documents of a selection of facets alone, from the tally (at once at any size); else None."""
        tallied = self._tallied(selection)
        if tallied is None:
            return None
        where, params = tallied
        return int(self._one(f"SELECT coalesce(sum(n), 0) FROM tally_documents{where}", params))

    def _tallied_values(self, facet: str, selection: Selection, people: int) -> list[tuple[str, int]] | None:
        """A facet's values with their documents, most first (the ``people`` most frequent persons)."""
        tallied = self._tallied(selection, without=facet)
        if tallied is None or facet not in ("language", "type", "person"):
            return None
        where, params = tallied
        if facet == "person":
            sql = (
                f"SELECT e.name, x.n FROM (SELECT entity_id, sum(n) AS n FROM tally_people{where} "
                "GROUP BY entity_id) x JOIN entities e ON e.id = x.entity_id WHERE e.kind = 'person' AND x.n > 0 "
                "ORDER BY x.n DESC, e.name LIMIT ?"
            )
            return [(r[0], r[1]) for r in self.conn.execute(sql, [*params, people])]
        column = dict((name, column) for name, column, _attribute in TALLIED)[facet]
        sql = (
            f"SELECT {column}, sum(n) FROM tally_documents{where}{' AND' if where else ' WHERE'} {column} IS NOT NULL "
            f"GROUP BY {column} HAVING sum(n) > 0 ORDER BY 2 DESC, 1"
        )
        return [(r[0], r[1]) for r in self.conn.execute(sql, params)]

    def _tallied_spellings(self, selection: Selection) -> list[tuple[str, str, int]] | None:
        """(group, spelling, documents) of the classification facet."""
        tallied = self._tallied(selection, without="classification")
        if tallied is None:
            return None
        where, params = tallied
        sql = (
            f"SELECT class_group, classification, sum(n) FROM tally_documents{where}"
            f"{' AND' if where else ' WHERE'} class_group IS NOT NULL GROUP BY 1, 2 HAVING sum(n) > 0"
        )
        return [(r[0], r[1], r[2]) for r in self.conn.execute(sql, params)]

    def _tallied_months(self, selection: Selection, start: date, end: date) -> list[tuple[str, int]] | None:
        """Documents per month ("1950-05") dated in [start, end]: whole months from the tally, the
        two months the range cuts through counted on the documents, by day."""
        tallied = self._tallied(selection)
        if tallied is None:
            return None
        where, params = tallied
        first, last = start.isoformat()[:7], end.isoformat()[:7]
        connector = " AND " if where else " WHERE "
        counted = list(
            self.conn.execute(
                f"SELECT month, sum(n) FROM tally_months{where}{connector}month > ? AND month < ? GROUP BY month",
                [*params, first, last],
            )
        )
        month_end = date(start.year, start.month, calendar.monthrange(start.year, start.month)[1])
        edges = [(start, min(end, month_end))] + ([(date(end.year, end.month, 1), end)] if last != first else [])
        clauses, narrowing = selection.narrowing()
        sql = (
            f"SELECT substr(d.sort_date, 1, 7), count(*) FROM documents d WHERE {' AND '.join([*clauses, ''])}"
            "d.sort_date >= ? AND d.sort_date <= ? GROUP BY 1"
        )
        for low, high in edges:
            counted += self.conn.execute(sql, [*narrowing, low.isoformat(), high.isoformat()]).fetchall()
        return counted
