"""An import from the window large enough for the parse pool (importers/prepare.py): it runs on a
worker thread of the running application, ends with every file imported, and leaves no parse
worker running once it has finished."""

from __future__ import annotations

import multiprocessing
import multiprocessing.forkserver as forkserver
from pathlib import Path

from viewer.core.importers import groups, prepare
from viewer.gui.main_window import MainWindow

from ..core.test_safety_imports import FILES, _folder  # sixty files, each a document of its own
from ..processes import child_stats


def _children(parent: int) -> set[int]:
    return set(child_stats(parent))


def test_a_pool_sized_import_from_the_window(qtbot, tmp_path, settings, monkeypatch):
    monkeypatch.setattr(prepare, "PARALLEL_FROM", 2)
    monkeypatch.setattr(prepare, "CHUNK", 2)
    monkeypatch.setattr(groups, "GROUP_SECONDS", 0)
    folder = _folder(tmp_path / "files")
    window = MainWindow(tmp_path / "new.db", settings=settings, create=True)
    qtbot.addWidget(window)
    window.show()
    with qtbot.waitSignal(window.imports.import_finished, timeout=120000) as blocker:
        window.imports.start_import([str(folder)])
    assert blocker.args[0][0] == FILES
    assert window.model.rowCount() == FILES
    server = getattr(forkserver._forkserver, "_forkserver_pid", None)
    if prepare.workers() >= 2 and multiprocessing.get_start_method(allow_none=True) != "spawn":
        assert server, "the pool never started"
    if server and Path("/proc").exists():  # the import returned after its workers ended
        assert _children(server) == set()


def test_a_large_import_from_the_window_says_it_makes_the_indexes_again(qtbot, tmp_path, settings, monkeypatch):
    from viewer.core.store import index_pause

    monkeypatch.setattr(index_pause, "AT_LEAST", 1)  # the sixty files count as a large import
    folder = _folder(tmp_path / "files")
    window = MainWindow(tmp_path / "new.db", settings=settings, create=True)
    qtbot.addWidget(window)
    reported: list[tuple[int, int, str]] = []
    with qtbot.waitSignal(window.imports.import_finished, timeout=120000):
        task = window.imports.start_import([str(folder)])
        task.advanced.connect(lambda done, total, said: reported.append((done, total, said)))
    # last from the import (the dialog's own step runs the events: the others may come inside it)
    assert (0, 0, "Making the archive's indexes again…") in reported
    assert len(reported) == FILES + 2  # the start, each file, the indexes
    assert window.model.rowCount() == FILES
    assert not index_pause.left_out(window.archive.conn)


def test_the_window_makes_a_killed_imports_indexes_again_on_its_write_thread(qtbot, tmp_path, settings):
    """Not while it opens (seconds at a million documents): the status bar says so meanwhile."""
    from viewer.core.store import Archive, index_pause

    from ..core.store.test_index_pause import _indexes, _killed_import

    path = tmp_path / "a.db"
    with Archive(path) as new:
        statements = _indexes(new.conn)
    _killed_import(path)
    window = MainWindow(path, settings=settings)
    qtbot.addWidget(window)
    assert window.statusBar().currentMessage() == "Making the archive's indexes again…"
    qtbot.waitUntil(lambda: not window.runner.busy(), timeout=20000)
    assert window.statusBar().currentMessage() == ""
    assert not index_pause.left_out(window.archive.conn)
    assert _indexes(window.archive.conn) == statements
