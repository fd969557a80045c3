"""The document list: counts, sorted windows, positions, facets and the timeline's figures."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from datetime import date
from typing import Any

from ..dates import bin_counts, monthly_bins
from ..records import DatedDocument, ListRow
from . import rows
from .screens import LIST_COLUMNS as LIST_COLUMNS
from .screens import LIST_SQL, order_by
from .selection import FACETS, SORTABLE, Filters, Selection
from .tallies import Tallies

Selected = Filters | Selection | None  # a selection, or filters to compile (cached) into one

PEOPLE_IN_FACET = 300  # the people filter lists the most frequent; typing finds any other


class Listing(Tallies):
    """Reads of many documents at once, filtered and sorted in SQL; each takes a compiled
    ``Selection`` (or filters, compiled through the same cache)."""

    def count(self, filters: Selected = None) -> int:
        selection = self._selection(filters)
        tallied = self.tallied_count(selection)
        if tallied is not None:
            return tallied
        where, params = self._where(selection)
        return int(self._one(f"SELECT count(*) FROM documents d{where}", params))

    def page(
        self,
        filters: Selected = None,
        sort: str = "date",
        descending: bool = False,
        offset: int = 0,
        limit: int = 200,
    ) -> list[ListRow]:
        """One window of the document list, sorted and filtered in SQL."""
        where, params = self._where(self._selection(filters))
        sql = f"SELECT {LIST_SQL} FROM documents d{where} ORDER BY {order_by(sort, descending)} LIMIT ? OFFSET ?"
        return rows.list_rows(self._tuples(sql, [*params, limit, offset]))

    def position_of(
        self, document_id: int, filters: Selected = None, sort: str = "date", descending: bool = False
    ) -> int | None:
        """Row number of a document in the list as sorted and filtered (to keep it selected)."""
        columns = SORTABLE.get(sort, SORTABLE["date"])
        first = columns[0]
        value = self._one(f"SELECT {first} FROM documents WHERE id = ?", (document_id,))
        if value is None:
            return None
        where, params = self._where(self._selection(filters))
        op = ">" if descending else "<"
        if first == "id":
            before, extra = f"d.id {op} ?", [document_id]
        else:  # sort keys are never NULL
            before = f"(d.{first} {op} ? OR (d.{first} = ? AND d.id {op} ?))"
            extra = [value, value, document_id]
        connector = " AND " if where else " WHERE "
        return int(self._one(f"SELECT count(*) FROM documents d{where}{connector}{before}", [*params, *extra]))

    def facet_counts(self, facet: str, filters: Selected = None) -> list[tuple[str, int]]:
        """Values of one facet with how many documents of the current selection have each (the
        selection without that facet's own choice, so every value says what it would leave)."""
        selection = self._selection(filters)
        tallied = self._tallied_values(facet, selection, PEOPLE_IN_FACET)
        if tallied is not None:
            return tallied
        where, params = self._where(selection, without=facet)
        column = FACETS[facet].column
        if facet == "tag":  # from the tags (given by hand, few) to their documents, not a million documents to theirs
            within = f" CROSS JOIN documents d ON d.id = document_id{where}" if where else ""
            sql = f"SELECT tag, count(*) FROM document_tags{within} GROUP BY tag ORDER BY 2 DESC, 1"
            return [(r[0], r[1]) for r in self.conn.execute(sql, params)]
        if column is None:  # the people, through document_entities
            within = f" WHERE document_id IN (SELECT d.id FROM documents d{where})" if where else ""
            sql = (
                "SELECT e.name, x.n FROM (SELECT entity_id, count(DISTINCT document_id) AS n "
                f"FROM document_entities{within} GROUP BY entity_id) x JOIN entities e ON e.id = x.entity_id "
                "WHERE e.kind = 'person' ORDER BY x.n DESC, e.name LIMIT ?"
            )
            return [(r[0], r[1]) for r in self.conn.execute(sql, [*params, PEOPLE_IN_FACET])]
        sql = (
            f"SELECT d.{column}, count(*) FROM documents d{where}{' AND' if where else ' WHERE'} "
            f"d.{column} IS NOT NULL GROUP BY d.{column} ORDER BY 2 DESC, 1"
        )
        return [(r[0], r[1]) for r in self.conn.execute(sql, params)]

    def date_histogram(self, bins: int, start: date, end: date, filters: Selected = None) -> list[int]:
        """Documents per equal slice of [start, end] (by day), for the timeline: counted per date
        (or per month when a slice is a month or more) on the date index, then binned; per month of
        a selection of facets alone, from the tally."""
        selection = self._selection(filters)
        by_month = monthly_bins(start, end, bins)
        months = self._tallied_months(selection, start, end) if by_month else None
        if months is not None:
            return bin_counts(months, start, end, bins, by_month)
        where, params = self._where(selection)
        connector = " AND " if where else " WHERE "
        key = "substr(d.sort_date, 1, 7)" if by_month else "d.sort_date"
        sql = (
            f"SELECT {key}, count(*) FROM documents d{where}{connector}d.sort_date >= ? AND d.sort_date <= ? "
            f"GROUP BY {key}"
        )
        counted = self.conn.execute(sql, [*params, start.isoformat(), end.isoformat()])
        return bin_counts(counted, start, end, bins, by_month)

    def dated_count(self, start: date, end: date, filters: Selected = None) -> int | None:
        """How many documents of the selection are dated in [start, end], when the tally counts them
        (a selection of facets alone); None when only reading the documents would tell."""
        months = self._tallied_months(self._selection(filters), start, end)
        return None if months is None else sum(number for _month, number in months)

    def dated_documents(
        self, start: date, end: date, filters: Selected = None, limit: int = 2000
    ) -> list[DatedDocument]:
        where, params = self._where(self._selection(filters))
        connector = " AND " if where else " WHERE "
        found = self._tuples(
            f"SELECT d.id, d.key, d.date_start, d.title FROM documents d{where}{connector}"
            "d.sort_date >= ? AND d.sort_date <= ? ORDER BY d.sort_date, d.id LIMIT ?",
            [*params, start.isoformat(), end.isoformat(), limit],
        )
        return rows.dated_documents(found)

    def date_span(self) -> tuple[str | None, str | None]:
        """The first day any document starts on and the last any ends on, both read on an index
        (the list's date order for the first, ``date_end``'s own for the last)."""
        first = self._one("SELECT date_start FROM documents WHERE date_start IS NOT NULL ORDER BY sort_date LIMIT 1")
        return first, self._one("SELECT max(date_end) FROM documents")

    def ordered_ids(self) -> list[int]:
        """Every document id in date order (the whole archive as an exhibit), without reading rows."""
        return [
            int(r[0]) for r in self.conn.execute("SELECT id FROM documents ORDER BY sort_date, id")
        ]  # the list's index order

    def list_rows(self, ids: Sequence[int]) -> dict[int, ListRow]:
        """The list columns of a few documents, by id (a kiosk list keeps its own order)."""
        if not ids:
            return {}
        found = self._tuples(
            f"SELECT {', '.join(LIST_COLUMNS)} FROM documents WHERE id IN ({','.join('?' * len(ids))})", list(ids)
        )
        return {row.id: row for row in rows.list_rows(found)}

    def selected_ids(self, filters: Selected = None, window: int = 1000) -> Iterator[list[int]]:
        """Every id of a selection in the list's date order, a window at a time, for exports:
        keyset paging on the date index (the millionth id costs what the first did), and the
        selection's WHERE taken afresh per window, so a search run between windows cannot change
        the set read."""
        after: list[Any] = []
        while True:
            where, params = self._where(self._selection(filters))
            if after:
                where += f"{' AND ' if where else ' WHERE '}(d.sort_date, d.id) > (?, ?)"
            found = self.conn.execute(
                f"SELECT d.id, d.sort_date FROM documents d{where} ORDER BY d.sort_date, d.id LIMIT ?",
                [*params, *after, window],
            ).fetchall()
            if not found:
                return
            yield [int(row[0]) for row in found]
            after = [found[-1][1], found[-1][0]]
