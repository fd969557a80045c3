"""The window on small and large screens: at 1024×600 it fits (nothing outside it, the text at least
half the height), and the screenshot command draws the whole window at the size asked for, also at a
device pixel ratio of 2."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest
from PySide6.QtCore import QRect
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QWidget

from viewer.gui.document_parts import TABS
from viewer.gui.screenshot import grab

from .helpers import seed_id


def outside(window) -> list[str]:
    """Visible widgets cut by the window's edge."""
    frame = QRect(0, 0, window.width(), window.height())
    found = []
    for widget in window.findChildren(QWidget):
        if not widget.isVisible() or widget.isWindow():
            continue
        rect = QRect(widget.mapTo(window, widget.rect().topLeft()), widget.size())
        if rect.intersects(frame) and not frame.contains(rect):  # wholly outside: parked by Qt, not drawn
            found.append(f"{widget.objectName() or type(widget).__name__} at {rect} outside {frame}")
    return found


def test_the_window_fits_1024_by_600(qtbot, window, screenshots):
    window.resize(1024, 600)
    window.open_document(seed_id(window.archive, "004"))
    qtbot.waitUntil(lambda: window.width() == 1024)
    assert window.minimumSizeHint().width() <= 1000
    assert window.width() == 1024 and window.height() == 600
    for tab in TABS:
        window.panel.show_tab(tab)
        reading = window.panel.tabs.currentWidget()
        assert reading.height() >= 300, (tab, reading.height())
        assert outside(window) == []
    window.annotating.pane.auto_hide.setChecked(False)  # the annotations pane shown too: still fits
    assert window.annotating.dock.isVisible()
    window.panel.show_tab("translation")
    assert window.minimumSizeHint().width() <= 1000 and window.width() == 1024
    assert window.panel.tabs.currentWidget().height() >= 300 and outside(window) == []
    grab(window).save(str(screenshots / "window-1024x600-annotations-pane.png"))
    # the fields fold into one line that still names them, and the title stays whole
    assert window.panel.compact
    record = window.panel.record
    assert window.panel.summary.isVisible() and not window.panel.fields.isVisible()
    assert record.type in window.panel.summary.full_text and record.sender in window.panel.summary.full_text
    assert window.panel.title.text() == window.panel.record.title


def test_the_fields_unfold_on_a_tall_screen(qtbot, window):
    window.resize(1920, 1080)
    window.open_document(seed_id(window.archive, "001"))
    qtbot.waitUntil(lambda: window.height() == 1080)
    assert not window.panel.compact
    assert window.panel.fields.isVisible() and not window.panel.summary.isVisible()
    assert outside(window) == []


@pytest.mark.parametrize("ratio", (1, 2))
def test_screenshot_command_draws_the_whole_window(seeded, tmp_path, ratio):
    out = tmp_path / "small.png"
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", QT_SCALE_FACTOR=str(ratio))
    env["ARCHIVE_VIEWER_SETTINGS"] = str(tmp_path / "settings.ini")
    command = [sys.executable, "-m", "viewer", "--db", str(seeded.path), "screenshot", str(out), "--size", "1024x600"]
    result = subprocess.run([*command, "--doc", "004"], capture_output=True, text=True, timeout=120, env=env)
    assert result.returncode == 0, result.stderr
    image = QImage(str(out))
    assert (image.width(), image.height()) == (1024 * ratio, 600 * ratio)


@pytest.mark.parametrize("dock", ["review", "collections", "history"])
def test_a_dock_in_russian_still_fits_1024(qtbot, seeded, settings, dock):
    """The Russian words are longer: a dock's buttons side by side must not push the window past 1024."""
    from viewer.gui import i18n
    from viewer.gui.main_window import MainWindow

    from .helpers import shown

    previous = i18n.current()
    i18n.install("ru")
    try:
        window = shown(qtbot, MainWindow(seeded.path, settings=settings), (1024, 600))
        window.open_document(seed_id(window.archive, "004"))
        window.curating.show_dock(dock)
        qtbot.waitUntil(lambda: window.curating.docks[dock].isVisible())
        assert window.minimumSizeHint().width() <= 1024, window.curating.docks[dock].minimumSizeHint()
        assert window.width() == 1024
        window.runner.wait(5000)
    finally:
        i18n.install(previous)
