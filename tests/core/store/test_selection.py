"""Filters compiled once into a Selection that the list, its facets, the timeline and the highlights share."""

from __future__ import annotations

import dataclasses
import shutil
from datetime import date
from pathlib import Path

import pytest

from viewer.core.importers.batch import import_all
from viewer.core.store import FACETS, SORTABLE, Archive, Filters, Selection
from viewer.core.store.screens import RELEVANCE

from ..safety_helpers import unindex


class Statements:
    """What one connection runs, as SQLite's trace reports it (inner statements of the index left out)."""

    def __init__(self, archive: Archive):
        self.seen: list[str] = []
        archive.conn.set_trace_callback(lambda sql: None if sql.startswith("--") else self.seen.append(sql))

    def matching(self, text: str) -> int:
        return sum(1 for sql in self.seen if text in sql)


def test_filters_are_an_immutable_value():
    filters = Filters(query="Stalin", ids=[3, 1])
    assert filters.ids == (3, 1)  # a list given is kept as a tuple
    assert hash(filters) == hash(Filters(query="Stalin", ids=(3, 1)))
    with pytest.raises(dataclasses.FrozenInstanceError):
        filters.query = "Mao"  # type: ignore[misc]
    assert Filters().is_empty() and not Filters(date_to=date(1950, 1, 1)).is_empty()


def test_one_table_names_each_facet_its_attribute_column_and_sort_key():
    assert {name: (f.attribute, f.column) for name, f in FACETS.items()} == {
        "language": ("language", "original_language"),
        "type": ("doc_type", "doc_type"),
        "classification": ("classification", "classification"),
        "person": ("person", None),
        "tag": ("tag", None),
    }
    assert SORTABLE["type"] == ("sort_type", "id") and SORTABLE["language"] == ("sort_language", "id")
    assert all(hasattr(Filters(), facet.attribute) for facet in FACETS.values())


def test_a_filter_state_is_compiled_once_and_its_query_matched_once(seeded):
    filters = Filters(query="Stalin", doc_type="Ciphered telegram")
    selection = seeded.select(filters)
    assert isinstance(selection, Selection) and seeded.select(filters) is selection
    assert "Stalin" in selection.terms and "Filippov" in selection.terms  # the highlights, with no search run
    trace = Statements(seeded)
    seeded.count(filters)
    seeded.page(selection)
    seeded.facet_counts("language", filters)
    seeded.facet_counts("type", filters)
    seeded.facet_counts("person", filters)
    undated = seeded.select(dataclasses.replace(filters, date_from=date(1950, 1, 1)))
    seeded.date_histogram(10, date(1950, 1, 1), date(1950, 12, 31), undated)
    seeded.dated_documents(date(1950, 1, 1), date(1950, 12, 31), undated)
    assert trace.matching(" MATCH ") == 1
    assert trace.matching("FROM terms") == 0  # the query's words were expanded when it was compiled


def test_each_facet_counts_the_selection_without_its_own_choice(seeded):
    chosen = Filters(query="Stalin", doc_type="Ciphered telegram")
    types = dict(seeded.facet_counts("type", chosen))
    assert types == dict(seeded.facet_counts("type", Filters(query="Stalin")))
    assert sum(types.values()) == seeded.count(Filters(query="Stalin"))
    languages = dict(seeded.facet_counts("language", chosen))
    assert sum(languages.values()) <= seeded.count(chosen)


def test_a_query_with_nothing_to_search_selects_nothing(seeded):
    nothing = seeded.select(Filters(query='" "'))
    assert nothing.match is None and nothing.terms == () and seeded.count(nothing) == 0
    assert seeded.select(Filters(query="   ")).match is None and seeded.count(Filters(query="   ")) == 5


def test_what_was_compiled_is_forgotten_when_the_archive_changes(tmp_path: Path, samples: Path):
    folder, held = tmp_path / "seeds", tmp_path / "held"
    shutil.copytree(samples, folder)
    held.mkdir()
    shutil.move(next(folder.glob("004_*")), held)
    reunification = Filters(query="reunification")
    with Archive(tmp_path / "a.db") as archive:
        import_all(archive, [folder])
        compiled = archive.select(reunification)
        assert archive.count(reunification) == 1
        with Archive(tmp_path / "a.db") as other:  # another process, or a worker, imports one more
            import_all(other, [held])
        assert archive.select(reunification) is not compiled
        assert archive.count(reunification) == 2
        with archive.transaction():  # this connection writes: inside its transaction nothing is materialised
            unindex(archive, archive.conn.execute("SELECT max(id) FROM documents").fetchone()[0])
            assert archive.count(reunification) == 1
        assert archive.count(reunification) == 1


def test_search_ranks_with_the_same_compiled_pieces(seeded):
    result = seeded.search("Filippov")
    assert list(result.terms) == list(seeded.select(Filters(query="Filippov")).terms)
    assert result.total == seeded.count(Filters(query="Filippov"))


def test_a_narrowed_query_first_screen_is_the_head_of_its_whole_order(seeded):
    """A query under facets or dates: its first screen reads the best matches with the narrowing
    checked until the screen is full, and is the head of the order a worker reads; counted at
    once only when every match was checked."""
    may = Filters(query="the", date_from=date(1950, 5, 1), date_to=date(1950, 12, 31))
    for filters in (may, Filters(query="Stalin", language="Russian"), Filters(query="Kim", doc_type="Cable")):
        selection = seeded.select(filters)
        order = list(seeded.order(selection, RELEVANCE))
        for limit in range(1, len(order) + 2):
            screen = seeded.screen(selection, RELEVANCE, limit=limit)
            assert [row.id for row in screen.rows] == order[:limit], (filters, limit)
            if screen.total is not None:
                assert screen.total == len(order) and screen.ids == order
    screen = seeded.screen(seeded.select(may), RELEVANCE, limit=1)
    assert len(seeded.order(seeded.select(may), RELEVANCE)) > 2 and screen.total is None  # not every match read
