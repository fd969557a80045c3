"""A write that fails in the window (another writer holds the lock, a full disk, read-only media)
says so where the person is looking, keeps what they typed and leaves the undo stack true; a busy
archive never freezes the window. Each failure is made for real, by SQLite."""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer

from viewer.core import annotations as core
from viewer.core.store import Archive
from viewer.gui import write_queue

from .helpers import saved
from .test_annotations_gui import AGREE, open_translation, select_words


class Ticks:
    """A timer on the GUI thread: if the window froze, it would stop counting."""

    def __init__(self, interval_ms: int = 20):
        self.count = 0
        self.timer = QTimer()
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self._tick)
        self.timer.start()

    def _tick(self) -> None:
        self.count += 1


def hold_write_lock(path: Path) -> sqlite3.Connection:
    """Another writer: a second connection that holds the archive's write lock."""
    other = sqlite3.connect(path, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    return other


@contextmanager
def read_only(path: Path) -> Iterator[None]:
    """The file turns read-only under the window, as on media remounted read-only: chmod for a user,
    the immutable attribute for root (whom permissions do not stop)."""
    if os.geteuid() == 0:
        if shutil.which("chattr") is None or subprocess.run(["chattr", "+i", str(path)]).returncode:
            pytest.skip("root, and the file cannot be made immutable")
        try:
            yield
        finally:
            subprocess.run(["chattr", "-i", str(path)], check=True)
        return
    path.chmod(0o444)
    try:
        yield
    finally:
        path.chmod(0o644)


def problem(window) -> str:
    pane = window.annotating.pane
    return pane.problem.text() if pane.problem.isVisibleTo(pane) else ""


def highlight_agree(window, qtbot) -> None:
    view = open_translation(window, qtbot)
    select_words(view, AGREE)
    window.registry["highlight"].trigger()


@pytest.mark.slow
def test_a_writer_holding_the_lock_neither_freezes_the_window_nor_fakes_an_undo(window, qtbot):
    stack, pane = window.annotating.stack, window.annotating.pane
    other = hold_write_lock(window.archive.path)
    try:
        ticks = Ticks()
        highlight_agree(window, qtbot)
        qtbot.waitUntil(lambda: window.statusBar().currentMessage().startswith("Saving…"), timeout=3000)
        before = ticks.count
        qtbot.wait(1000)
        assert ticks.count - before >= 20  # the window answers while the write waits for the lock
        saved(qtbot, window, timeout=30000)  # SQLite's busy timeout runs out
        assert ticks.count - before >= 200
    finally:
        other.rollback()
        other.close()
    assert "busy" in problem(window) and "another program" in problem(window)
    assert "Could not add the highlight" in window.statusBar().currentMessage()
    assert stack.count() == 0 and not stack.canUndo()  # nothing claims the highlight
    assert "highlight" not in window.registry["undo"].text().lower()
    assert pane.list.count() == 0 and core.list_annotations(window.archive, window.current_document()) == []

    window.registry["highlight"].trigger()  # the lock is free again: the same words, once
    saved(qtbot, window)
    assert stack.count() == 1 and stack.undoText() == "Add highlight"
    assert pane.list.count() == 1 and problem(window) == ""
    assert [a.quote for a in core.list_annotations(window.archive, window.current_document())] == [AGREE]


def test_a_write_that_waits_for_the_lock_goes_through_when_it_is_free(window, qtbot):
    other = hold_write_lock(window.archive.path)
    ticks = Ticks()
    highlight_agree(window, qtbot)
    qtbot.wait(600)
    assert window.annotating.stack.count() == 0 and window.annotating.writes.busy()
    assert ticks.count >= 10
    other.commit()
    other.close()
    saved(qtbot, window)
    assert window.annotating.stack.count() == 1 and window.annotating.pane.list.count() == 1
    assert problem(window) == ""


def test_a_note_on_read_only_media_is_kept_in_the_box_and_off_the_stack(window, qtbot):
    stack, pane = window.annotating.stack, window.annotating.pane
    highlight_agree(window, qtbot)
    saved(qtbot, window)
    assert stack.count() == 1
    path = window.archive.path
    typed = "Stalin agrees — typed with care"
    pane.note.setPlainText(typed)
    window.archive.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")  # all in the file, as on media unplugged cleanly
    with read_only(path):
        qtbot.mouseClick(pane.save, Qt.MouseButton.LeftButton)
        saved(qtbot, window)
        assert "read-only" in problem(window) and "still in the box" in problem(window)
        assert pane.note.toPlainText() == typed
        assert stack.count() == 1 and stack.index() == 1 and stack.undoText() == "Add highlight"
        [stored] = core.list_annotations(window.archive, window.current_document())
        assert stored.note is None

        window.registry["undo"].trigger()  # undo cannot write either: the stack stays where it is
        saved(qtbot, window)
        assert stack.index() == 1 and "Could not undo" in problem(window)
        assert pane.list.count() == 1
    qtbot.mouseClick(pane.save, Qt.MouseButton.LeftButton)
    saved(qtbot, window)
    assert core.get(window.archive, stored.id).note == typed and stack.count() == 2 and problem(window) == ""


def test_a_full_disk_says_so_and_keeps_the_note(window, qtbot, monkeypatch):
    """SQLite's max_page_count makes the archive full: the next write that needs a page fails."""

    class FullArchive(Archive):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            pages = self.conn.execute("PRAGMA page_count").fetchone()[0]
            self.conn.execute(f"PRAGMA max_page_count = {pages}")

    stack, pane = window.annotating.stack, window.annotating.pane
    highlight_agree(window, qtbot)
    saved(qtbot, window)
    monkeypatch.setattr(write_queue, "Archive", FullArchive)
    typed = "a long note " * 20000  # more than the free space of any page
    pane.note.setPlainText(typed)
    qtbot.mouseClick(pane.save, Qt.MouseButton.LeftButton)
    saved(qtbot, window)
    assert "disk is full" in problem(window) and "disk is full" in window.statusBar().currentMessage()
    assert pane.note.toPlainText() == typed
    assert stack.count() == 1 and stack.undoText() == "Add highlight"
    assert core.list_annotations(window.archive, window.current_document())[0].note is None
