"""Timings taken inside a GUI process, run by the benchmark as a child: ``python -m viewer.bench.gui_probe``.

Modes:
- ``first-window DB``: print the wall-clock time at which the main window was painted with its list.
- ``list-window DB``: the same for a minimal PySide6 window that lists the same rows (the peer).
- ``interact DB RUNS``: typed queries by class, facet changes, list jumps (warm and cold), timeline
  paints and peak memory, as JSON.
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
import time
from datetime import date
from functools import partial
from pathlib import Path

from . import gui_typed
from .measure import elapsed_ms, memory_kb

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def _painted_at(widget) -> float:
    """Show ``widget`` and return time.time() once its first paint has been processed."""
    from PySide6.QtCore import QEvent, QObject
    from PySide6.QtWidgets import QApplication

    stamp: list[float] = []

    class Watch(QObject):
        def eventFilter(self, _obj, event) -> bool:
            if event.type() == QEvent.Type.Paint and not stamp:
                stamp.append(-1.0)
            return False

    watch = Watch()
    target = getattr(widget, "document_list", widget)
    (target.viewport() if hasattr(target, "viewport") else target).installEventFilter(watch)
    widget.show()
    while not stamp:
        QApplication.processEvents()
    QApplication.processEvents()
    return time.time()


def first_window(db: str) -> None:
    from PySide6.QtCore import QSettings

    from viewer.gui.app import create_app
    from viewer.gui.main_window import MainWindow

    create_app()
    with tempfile.TemporaryDirectory() as folder:
        settings = QSettings(str(Path(folder) / "s.ini"), QSettings.Format.IniFormat)
        window = MainWindow(db, settings=settings, restore=False)
        assert window.model.rowCount() > 0
        print(_painted_at(window))


def list_window(db: str) -> None:
    """The peer: a bare window with a table of the first screen of rows, read with plain SQLite."""
    from PySide6.QtGui import QStandardItem, QStandardItemModel
    from PySide6.QtWidgets import QApplication, QMainWindow, QTableView

    from .peers import first_rows

    app = QApplication(sys.argv[:1])
    window = QMainWindow()
    window.resize(1280, 800)
    model = QStandardItemModel()
    for row in first_rows(db, 100):
        model.appendRow([QStandardItem(str(value)) for value in row])
    view = QTableView()
    view.setModel(model)
    window.setCentralWidget(view)
    window.document_list = view  # type: ignore[attr-defined]  # what _painted_at watches
    print(_painted_at(window))
    del app


def interact(db: str, runs: int) -> None:
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from viewer.core.dates import day_of
    from viewer.core.store import Filters
    from viewer.gui.app import create_app
    from viewer.gui.main_window import MainWindow

    create_app()
    folder = tempfile.mkdtemp()
    settings = QSettings(str(Path(folder) / "s.ini"), QSettings.Format.IniFormat)
    window = MainWindow(db, settings=settings, restore=False)
    window.resize(1280, 800)
    window.show()
    QApplication.processEvents()
    view = window.document_list
    results: dict[str, list[float]] = {
        "list_scroll_ms": [],
        "filter_ms": [],
        "timeline_all_ms": [],
        "timeline_month_ms": [],
    }

    def jump(to_bottom: bool) -> None:
        view.scrollToBottom() if to_bottom else view.scrollToTop()
        view.viewport().repaint()

    for run in range(runs):
        results["list_scroll_ms"].append(elapsed_ms(partial(jump, run % 2 == 0)))
    languages: list[str | None] = [value for value, _count in window.archive.facet_counts("language")] or [None]
    changes = [
        Filters(language=languages[0]),
        Filters(),
        Filters(date_from=date(1950, 1, 1), date_to=date(1950, 12, 31)),
        Filters(),
        Filters(doc_type="Cable"),
        Filters(),
    ]

    def apply(filters: Filters) -> None:
        window._apply_filters(filters)
        view.viewport().repaint()

    for run in range(runs):
        results["filter_ms"].append(elapsed_ms(partial(apply, changes[run % len(changes)])))
    timeline = window.timeline

    def figures_in() -> None:
        """A view's figures come from a worker in a large archive: without them in, the repaints
        timed below drew the figures of the view before (a month timed as the whole archive)."""
        timeline.repaint()
        window.runner.wait(30000)
        QApplication.processEvents()

    timeline.fit_all()
    figures_in()
    for _ in range(runs):
        results["timeline_all_ms"].append(elapsed_ms(timeline.repaint))
    start = day_of("1950-05-01")
    assert start is not None
    timeline.set_view(start, start + 31)
    figures_in()
    for _ in range(runs):
        results["timeline_month_ms"].append(elapsed_ms(timeline.repaint))
    for query in ("comrade", "Вышинский", "treaty friendship"):
        window._apply_filters(Filters(query=query))
        view.scrollToBottom()
        view.viewport().repaint()
        QApplication.processEvents()
    window.runner.wait(5000)
    timings: dict[str, object] = dict(results)
    timings["typed"] = gui_typed.typed(window, runs)
    timings["facet_change_ms"] = gui_typed.facet_changes(window, runs)
    timings["list_jump_cold_ms"] = gui_typed.cold_jumps(window, runs)
    timings["timeline_first_paint_ms"] = gui_typed.timeline_first_paints(window, runs)
    print(json.dumps({**timings, "peak_rss_mb": memory_kb("VmHWM") / 1024}))


if __name__ == "__main__":
    mode = sys.argv[1]
    if mode == "first-window":
        first_window(sys.argv[2])
    elif mode == "list-window":
        list_window(sys.argv[2])
    elif mode == "interact":
        interact(sys.argv[2], int(sys.argv[3]))
    else:
        raise SystemExit(f"unknown mode {mode}")
