"""One settled keystroke in the real window, counted statement by statement.

The filter state is compiled once (``Archive.select``) and the documents its query matches are
written once to a TEMP table that the list, the facets, the timeline and the highlights join. Before
that, typing "Stalin" on the five seeds ran 272 statements, 11 of them a MATCH (the term lookup
ten times, a whole ranked search only to learn the words to highlight). Statements are counted as
SQLite's trace reports them, the full-text index's own inner statements (those starting "--")
included, as the 272 were.
"""

from __future__ import annotations

import threading

import pytest

from viewer.core.store import Filters
from viewer.core.store import connection as store_connection
from viewer.gui import filters as filter_bar

from .helpers import listed_keys

# the window's connection: one MATCH finds the matches (at most the first 1,000), a second ranks them
# when they are that few (bm25, over their rowid range: its idf reads every match of each phrase, too
# much to pay in the first for a query that matches more); a worker's connection counts the facets
WINDOW_MATCHES = 2
MATCH_LIMIT = 3
# measured 99 (was 272, with 11 MATCH; 63 before the list ranked its matches): the list's relevance order
# (issue 18) is a second MATCH asking FTS5 for bm25, whose own reads (the index pages of each phrase in
# each segment, a docsize row per match) are counted among the full-text index's inner statements
STATEMENT_BUDGET = 110


class Tracer:
    """Every statement of the window's connection, and of any connection opened meanwhile (a worker's)."""

    def __init__(self) -> None:
        self.window: list[str] = []
        self.others: list[str] = []
        self._lock = threading.Lock()

    def on_window(self, statement: str) -> None:
        self.window.append(statement)

    def on_other(self, statement: str) -> None:
        with self._lock:
            self.others.append(statement)

    @staticmethod
    def matches(statements: list[str]) -> int:
        return sum(1 for s in statements if " MATCH " in s and not s.startswith("--"))


@pytest.fixture
def tracer(monkeypatch, window):
    traced = Tracer()
    opened = store_connection._open_connection

    def traced_connection(*args, **kwargs):
        conn = opened(*args, **kwargs)
        conn.set_trace_callback(traced.on_other)
        return conn

    monkeypatch.setattr(store_connection, "_open_connection", traced_connection)
    window.runner.wait(5000)  # nothing left over from opening the window
    window.timeline.grab()
    window.archive.conn.set_trace_callback(traced.on_window)
    yield traced
    window.archive.conn.set_trace_callback(None)


def type_and_settle(qtbot, window, text: str, expected: list[str]) -> None:
    qtbot.keyClicks(window.filter_bar.search, text)
    qtbot.waitUntil(lambda: window.model.filters.query == text)
    assert listed_keys(window) == expected
    window.timeline.grab()  # the timeline reads its markers (or histogram) when it paints
    window.runner.wait(5000)


def test_a_settled_keystroke_runs_one_match_within_a_fixed_budget(qtbot, window, tracer):
    type_and_settle(qtbot, window, "Stalin", ["000", "001", "002", "004"])
    assert tracer.matches(tracer.window) == WINDOW_MATCHES
    assert tracer.matches(tracer.window + tracer.others) <= MATCH_LIMIT
    assert len(tracer.window) + len(tracer.others) <= STATEMENT_BUDGET, "\n".join(tracer.window)
    assert window.panel.terms and "Stalin" in window.panel.terms  # highlights without a search
    assert window.timeline.mode == "markers" and len(window.timeline.markers) == 4


def test_people_counted_on_a_worker_add_at_most_one_match(qtbot, window, tracer, monkeypatch):
    """In a large archive the facets are counted on a worker's own connection: its MATCH is the second."""
    monkeypatch.setattr(filter_bar, "LARGE_ARCHIVE", 0)
    with qtbot.waitSignal(window.filter_bar.counts_ready, timeout=10000):
        type_and_settle(qtbot, window, "Stalin", ["000", "001", "002", "004"])
    assert tracer.matches(tracer.window) == WINDOW_MATCHES
    assert tracer.matches(tracer.others) == 1
    window.archive.conn.set_trace_callback(None)
    person = window.filter_bar.combos["person"]
    listed = [person.itemText(i) for i in range(1, person.count())]
    expected = window.archive.facet_counts("person", Filters(query="Stalin"))
    assert listed == [f"{name} ({number})" for name, number in expected] and expected
