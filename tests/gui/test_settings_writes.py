"""Settings are written only when they change, and the open document a moment after the last step:
QSettings rewrote its whole file on the GUI thread after every setValue (7 ms each), twice for
every query typed (the list's order while searching, then the first document opened)."""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QSettings

from viewer.gui import settings as state

from .helpers import seed_id


def _written(path: Path) -> tuple[int, int]:
    """The file's identity and time: QSettings writes a new file and renames it over the old one."""
    found = os.stat(path)
    return found.st_ino, found.st_mtime_ns


def test_an_unchanged_value_leaves_the_file_alone(tmp_path: Path):
    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    state.write(settings, "list/search_sort", "relevance")
    settings.sync()
    before = _written(tmp_path / "s.ini")
    state.write(settings, "list/search_sort", "relevance")
    settings.sync()
    assert _written(tmp_path / "s.ini") == before
    state.write(settings, "list/search_sort", "date desc")
    settings.sync()
    assert _written(tmp_path / "s.ini") != before
    assert state.read(QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat), "list/search_sort") == "date desc"


def test_the_open_document_is_remembered_a_moment_after_the_last_step_and_at_close(qtbot, window, seeded, tmp_path):
    def on_disk() -> str:
        return str(state.read(QSettings(window.settings.fileName(), QSettings.Format.IniFormat), "document/last"))

    window.last_document.flush()
    window.settings.sync()
    first, second = seeded.record(seed_id(seeded, "000")), seeded.record(seed_id(seeded, "001"))
    window.open_document(first.id)
    window.open_document(second.id)
    window.settings.sync()
    assert on_disk() != second.key  # not yet: a step through the list writes nothing
    assert window.last_document.timer.isActive()
    qtbot.waitUntil(lambda: not window.last_document.timer.isActive(), timeout=5000)
    window.settings.sync()
    assert on_disk() == second.key
    window.open_document(first.id)
    window.save_state()  # closing writes it at once
    assert not window.last_document.timer.isActive()
    assert on_disk() == first.key
