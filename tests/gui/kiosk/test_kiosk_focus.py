"""A kiosk is touched: it shows no focus frame at the start, in either language (the introduction
once wore a blue frame in English and none after the language button), nor after an idle reset;
the keyboard, when someone uses one, still reaches every control and shows where it is."""

from __future__ import annotations

import shutil
from dataclasses import replace

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget

from viewer.core.kiosk_config import load
from viewer.gui import i18n

from ...conftest import ROOT

EXAMPLE = ROOT / "resources" / "kiosk.example.toml"


def focused_inside(kiosk) -> QWidget | None:
    """The control of the kiosk that has the focus (and would wear the frame), if any."""
    widget = QApplication.focusWidget()
    return widget if widget is not None and widget is not kiosk and kiosk.isAncestorOf(widget) else None


def test_no_focus_frame_until_the_keyboard_is_used(qtbot, open_kiosk, tmp_path):
    shutil.copy(ROOT / "archive.db", tmp_path / "archive.db")
    kiosk = open_kiosk(tmp_path / "archive.db", replace(load(EXAMPLE), fullscreen=False), lambda: 1000.0)
    kiosk.activateWindow()
    qtbot.waitUntil(kiosk.isActiveWindow)
    try:
        assert focused_inside(kiosk) is None
        assert kiosk.language.switch("ru") == i18n.current()
        qtbot.wait(50)  # the old pages go, the new ones are laid out
        assert focused_inside(kiosk) is None and not kiosk.start.introduction.hasFocus()
        kiosk.language.switch(i18n.ENGLISH)
        qtbot.wait(50)
        assert focused_inside(kiosk) is None
        qtbot.keyClick(kiosk, Qt.Key.Key_Tab)  # someone uses a keyboard: the focus shows
        assert focused_inside(kiosk) is not None
        kiosk.go_to_start()  # nobody touched it for a while
        assert focused_inside(kiosk) is None
    finally:
        i18n.install(i18n.ENGLISH)
