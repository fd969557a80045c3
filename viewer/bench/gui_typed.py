"""The window timed the way a user drives it (run in the GUI child, ``gui_probe typed DB RUNS``).

Every figure goes through the main window's own objects: the search box's settled text goes out by
the filter bar's emit (the debounce's timeout and Enter run the same ``_emit``), which recounts the
facets and hands the filters to the window (``Archive.select`` → the document model → the
timeline); the clock stops once the list's first screen, the count and facets and the timeline are
painted (``first``) and once the counts a worker makes in a large archive have arrived too
(``settled``). Nothing here reimplements the window.
"""

from __future__ import annotations

import random
import time
from typing import Any

from ..core.dates import DateRange
from .queries import TYPED_CLASSES, typed_queries, year_range


def _paint(window: Any) -> None:
    """Paint what a keystroke changes: the list's visible rows, the filter bar and the timeline."""
    window.document_list.viewport().repaint()
    window.filter_bar.repaint()
    window.timeline.repaint()


def _settle(window: Any) -> float:
    """Let the workers finish and their results reach the window; the longest the GUI thread was
    then busy taking them in (ms): what an answer arriving late costs the typing."""
    from PySide6.QtWidgets import QApplication

    longest = 0.0
    for _ in range(2):  # a result may start another worker (the counts after the first screen)
        window.runner.wait(30000)
        began = time.perf_counter()
        QApplication.processEvents()
        longest = max(longest, (time.perf_counter() - began) * 1000)
    return longest


def typed(window: Any, runs: int) -> dict[str, dict[str, list[float]]]:
    """For each query class, ``runs`` different queries typed from an unfiltered window: ms to the
    first screen and ms until settled, the longest the GUI thread was busy at a time (the typing
    blocked), and the documents each matched."""
    bar = window.filter_bar
    results: dict[str, dict[str, list[float]]] = {}
    for name, queries in typed_queries(runs).items():
        first, settled, busy, matched = [], [], [], []
        for text, year in queries:
            bar.clear()
            _settle(window)
            if year is not None:
                bar.set_date_range(DateRange(*year_range(year)))  # chosen before typing, not timed
                _settle(window)
            bar.search.setText(text)  # starts the debounce; its timeout is what is timed below
            bar._debounce.stop()
            began = time.perf_counter()
            bar.search.returnPressed.emit()  # the same _emit the debounce's timeout runs
            _paint(window)
            first.append((time.perf_counter() - began) * 1000)
            late = _settle(window)
            _paint(window)
            settled.append((time.perf_counter() - began) * 1000)
            busy.append(max(first[-1], late))
            matched.append(float(window.model.rowCount()))
        results[name] = {"first_ms": first, "settled_ms": settled, "busy_ms": busy, "matched": matched}
    bar.clear()
    _settle(window)
    assert set(results) == set(TYPED_CLASSES)
    return results


def facet_changes(window: Any, runs: int) -> list[float]:
    """A facet chosen and then set back to Any, each with its recount of every facet, painted."""
    bar = window.filter_bar
    times = []
    for run in range(runs):
        facet = ("language", "type", "classification")[run % 3]
        values = [bar.combos[facet].itemData(i) for i in range(1, bar.combos[facet].count())]
        for value in (values[run % len(values)] if values else None, None):
            began = time.perf_counter()
            bar.choose(facet, value)
            _paint(window)
            _settle(window)
            times.append((time.perf_counter() - began) * 1000)
    return times


def cold_jumps(window: Any, runs: int) -> list[float]:
    """A jump to a far row right after the model forgot its rows (as after any filter change)."""
    rng = random.Random(5)
    view, model = window.document_list, window.model
    times = []
    for _ in range(runs):
        model.refresh()  # empties the model's row windows (not timed)
        row = rng.randrange(model.rowCount() // 2, model.rowCount())
        began = time.perf_counter()
        view.scrollTo(model.index(row, 1))
        view.viewport().repaint()
        times.append((time.perf_counter() - began) * 1000)
    return times


def timeline_first_paints(window: Any, runs: int) -> list[float]:
    """The timeline's first paint after a filter change (its data read afresh for the new selection)."""
    bar = window.filter_bar
    times = []
    for text, _year in typed_queries(runs, seed=99)["third"]:
        bar.search.setText(text)
        bar._debounce.stop()
        bar.search.returnPressed.emit()  # no events processed after it: the timeline has not painted yet
        began = time.perf_counter()
        window.timeline.repaint()
        times.append((time.perf_counter() - began) * 1000)
        _settle(window)
    bar.clear()
    _settle(window)
    return times
