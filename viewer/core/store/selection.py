"""What narrows the document list: an immutable filters value, compiled once into a ``Selection``.

The list, its facets, the timeline and the highlights all need the same filter state as SQL.
``Archive.select(filters)`` compiles it once (each word of the query expanded once into its MATCH
expression and highlight terms) and keeps the last few selections. The documents a query matches
are written once to a TEMP table of this connection, which every count, page, facet and histogram
joins: a settled keystroke runs one MATCH, not one per question asked of it.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import date
from functools import lru_cache
from typing import Any

from ..classification import normalise as classification_group
from ..dates import DateRange, year_before
from ..search_query import CompiledQuery, compile_query
from .index import Index

SELECTIONS_KEPT = 16  # filter states compiled and kept per connection (the list, the timeline, back and forth)
QUERIES_KEPT = 32  # queries whose words were expanded, kept per connection
MATCHED = "temp.matched_documents"  # the rowids the last materialised query matched


@dataclass(frozen=True)
class Facet:
    """One way to narrow the list by a value, named once: the name the window and ``facet_counts``
    use, the ``Filters`` attribute, the documents column and the sort key of that column."""

    name: str
    attribute: str
    column: str | None  # None: a facet through another table (people, tags)
    sort_key: str | None  # an indexed generated column that puts unknown values last
    members: str | None = None  # through another table: the ids of the documents with the value ?
    group: str | None = None  # a stored normalised column: a value selects every spelling of its group


FACETS: dict[str, Facet] = {
    facet.name: facet
    for facet in (
        Facet("language", "language", "original_language", "sort_language"),
        Facet("type", "doc_type", "doc_type", "sort_type"),
        Facet("classification", "classification", "classification", None, group="classification_group"),
        Facet(
            "person",
            "person",
            None,
            None,
            "SELECT de.document_id FROM document_entities de JOIN entities e ON e.id = de.entity_id WHERE e.name = ?",
        ),
        Facet("tag", "tag", None, None, "SELECT document_id FROM document_tags WHERE tag = ?"),
    )
}
# List sort keys (generated columns, indexed) that put unknown values last.
SORTABLE: dict[str, tuple[str, ...]] = {
    "date": ("sort_date", "id"),
    "title": ("title", "id"),
    **{facet.name: (facet.sort_key, "id") for facet in FACETS.values() if facet.sort_key},
    "id": ("id",),
}


@dataclass(frozen=True)
class Filters:
    """What narrows the document list; empty means the whole archive. Immutable and hashable, so
    one filter state is compiled once and every part of the window can hold it safely."""

    query: str = ""
    language: str | None = None
    doc_type: str | None = None
    classification: str | None = None
    person: str | None = None  # canonical name of an entity
    tag: str | None = None
    needs_review: bool = False  # only the documents waiting for review
    date_from: date | None = None  # inclusive
    date_to: date | None = None  # inclusive
    ids: tuple[int, ...] | None = None  # a fixed set (a collection, a search result, an exhibit)

    def __post_init__(self) -> None:
        if self.ids is not None and not isinstance(self.ids, tuple):  # a list given by a caller
            object.__setattr__(self, "ids", tuple(self.ids))

    @property
    def dates(self) -> DateRange:
        return DateRange(self.date_from, self.date_to)

    def with_dates(self, dates: DateRange | None) -> Filters:
        return replace(self, date_from=dates.start if dates else None, date_to=dates.end if dates else None)

    def is_empty(self) -> bool:
        return not (
            self.query.strip()
            or self.language
            or self.doc_type
            or self.classification
            or self.person
            or self.tag
            or self.needs_review
            or self.date_from
            or self.date_to
            or self.ids is not None
        )


Clause = tuple[str, str, tuple[Any, ...]]  # what it narrows (a facet, "dates", "ids"), SQL over d, parameters


@dataclass(frozen=True)
class Selection:
    """Filters compiled to SQL over ``documents d``, shared by the list, its facets, the timeline
    and the highlights. Made by ``Archive.select``; the query's MATCH runs when a read needs it."""

    filters: Filters
    clauses: tuple[Clause, ...] = ()
    match: str | None = None  # the query's FTS5 expression; None without a query
    terms: tuple[str, ...] = ()  # the words a view highlights
    nothing: bool = False  # a query holding nothing to search for selects no document

    def narrowing(self, without: str | None = None) -> tuple[list[str], list[Any]]:
        """The clauses and parameters besides the query's, leaving out one facet (for its counts)."""
        sql: list[str] = []
        params: list[Any] = []
        for name, clause, values in self.clauses:
            if name != without:
                sql.append(clause)
                params.extend(values)
        if self.nothing:
            sql.append("0")
        return sql, params


def compile_filters(filters: Filters, query: CompiledQuery | None) -> Selection:
    """The clauses of ``filters`` in SQL; ``query`` is its query already compiled (or None)."""
    clauses: list[Clause] = []
    for facet in FACETS.values():
        value = getattr(filters, facet.attribute)
        if not value:
            continue
        if facet.group is not None:  # "Top Secret (СОВ. СЕКРЕТНО)" or "TOP SECRET": every "Top Secret"
            clauses.append((facet.name, f"d.{facet.group} = ?", (classification_group(value),)))
        elif facet.column is not None:
            clauses.append((facet.name, f"d.{facet.column} = ?", (value,)))
        else:
            clauses.append((facet.name, f"d.id IN ({facet.members})", (value,)))
    if filters.needs_review:
        clauses.append(("review", "d.needs_review = 1", ()))  # the partial index documents_review
    if filters.date_from:
        # overlapping the range: a start at most a year earlier (a date's widest precision)
        # lets the date index bound the scan; the end then decides
        start = filters.date_from.isoformat()
        clauses.append(
            ("dates", "d.sort_date >= ? AND d.date_end >= ?", (year_before(filters.date_from).isoformat(), start))
        )
    if filters.date_to:
        clauses.append(("dates", "d.sort_date <= ?", (filters.date_to.isoformat(),)))
    if filters.ids is not None:
        sql = f"d.id IN ({','.join('?' * len(filters.ids))})" if filters.ids else "0"
        clauses.append(("ids", sql, filters.ids))
    match = query.match if query else None
    return Selection(
        filters,
        tuple(clauses),
        match,
        query.terms if query and match else (),
        nothing=query is not None and match is None,
    )


@dataclass
class _Compiled:
    """What one connection has compiled and materialised, and the state of the archive it was for."""

    selections: OrderedDict[Filters, Selection] = field(default_factory=OrderedDict)
    queries: OrderedDict[str, CompiledQuery] = field(default_factory=OrderedDict)
    version: int | None = None  # the archive's data_version (other connections' commits) when compiled
    changes: int = 0  # rows this connection had written to the archive when compiled
    own_changes: int = 0  # rows this connection wrote to its TEMP table (not to the archive)
    matched: str | None = None  # the MATCH expression whose rowids MATCHED holds
    created: bool = False


class Selecting(Index):
    """Filters to a compiled ``Selection``, and its WHERE clause over ``documents d``."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._compiled = _Compiled()

    def select(self, filters: Filters | None = None) -> Selection:
        """The compiled selection for ``filters``: compiled on first use and kept until the archive
        changes (another connection commits, or this one writes)."""
        filters = filters or Filters()
        self._forget_if_changed(self.data_version())
        kept = self._compiled.selections
        selection = kept.get(filters)
        if selection is not None:
            kept.move_to_end(filters)
            return selection
        query = self._compile_query(filters.query) if filters.query.strip() else None
        selection = kept[filters] = compile_filters(filters, query)
        while len(kept) > SELECTIONS_KEPT:
            kept.popitem(last=False)
        return selection

    def _selection(self, wanted: Filters | Selection | None) -> Selection:
        return wanted if isinstance(wanted, Selection) else self.select(wanted)

    def _compile_query(self, query: str) -> CompiledQuery:
        kept = self._compiled.queries
        compiled = kept.get(query)
        if compiled is None:
            expand: Callable[[str], list[str]] = lru_cache(maxsize=None)(self._expand)  # each word once
            compiled = kept[query] = compile_query(
                query, expand, lambda word: self._surface_forms(word, expand), self._names_in
            )
            while len(kept) > QUERIES_KEPT:
                kept.popitem(last=False)
        else:
            kept.move_to_end(query)
        return compiled

    def _forget_if_changed(self, version: int | None = None) -> None:
        """Drop what was compiled for an archive that has changed since: this connection wrote to
        it, or (when ``version``, the archive's data_version, is given) another one committed."""
        state = self._compiled
        changes = self.conn.total_changes - state.own_changes
        if changes != state.changes or (version is not None and version != state.version):
            state.selections.clear()
            state.queries.clear()
            state.matched = None
            state.changes = changes
        if version is not None:
            state.version = version

    def _where(self, selection: Selection, without: str | None = None) -> tuple[str, list[Any]]:
        """`` WHERE …`` (or "") and its parameters; ``without`` leaves out one facet, or "query"."""
        clauses, params = selection.narrowing(without)
        if selection.match is not None and without != "query":
            if self._materialise(selection.match):
                clauses.append(f"d.id IN (SELECT rowid FROM {MATCHED})")
            else:
                clauses.append("d.id IN (SELECT rowid FROM search WHERE search MATCH ?)")
                params.append(selection.match)
        return (" WHERE " + " AND ".join(clauses)) if clauses else "", params

    def _materialise(self, match: str) -> bool:
        """Write the rowids ``match`` finds to this connection's TEMP table, unless they are there
        already; False inside a write transaction (a rollback would empty the table behind us)."""
        if self.conn.in_transaction:
            return False
        self._fill_matched(match, "SELECT rowid FROM search WHERE search MATCH ?", match)
        return True

    def _fill_matched(self, match: str, rows_sql: str, parameter: str) -> None:
        """Fill this connection's TEMP table with the rowids ``rows_sql`` gives for ``match``, unless
        it holds them already; the table's own writes are counted so they are not taken for a change.
        On a reading connection another connection's commit forgets them too: a worker's is kept between
        requests and handed selections compiled elsewhere (a writing one compiles its own in ``select``,
        which asks the data_version)."""
        self._forget_if_changed(self.data_version() if self.readonly else None)
        state = self._compiled
        if state.matched == match:
            return
        before = self.conn.total_changes
        if state.created:
            self.conn.execute(f"DELETE FROM {MATCHED}")
        else:
            self.conn.execute(f"CREATE TEMP TABLE IF NOT EXISTS {MATCHED[5:]} (rowid INTEGER PRIMARY KEY)")
            state.created = True
        self.conn.execute(f"INSERT INTO {MATCHED} {rows_sql}", (parameter,))
        state.own_changes += self.conn.total_changes - before
        state.matched = match
