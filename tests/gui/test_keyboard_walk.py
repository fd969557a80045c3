"""The whole window by keyboard alone, on the five seeds: Tab and Shift+Tab reach every control a
person can see and work, in the order the window reads, and never stick on one or on something
nobody can see; searching, moving in the list, opening a document, switching tabs, the timeline and
the menus all work from the keys."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QComboBox, QMenu, QWidget

from viewer.gui.accessibility import seen, takes_tab_focus

from .helpers import listed_keys, seed_id

SHIFT, CTRL, ALT = (
    Qt.KeyboardModifier.ShiftModifier,
    Qt.KeyboardModifier.ControlModifier,
    Qt.KeyboardModifier.AltModifier,
)


def describe(widget: QWidget | None) -> str:
    return f"{type(widget).__name__}:{widget.objectName()}" if widget is not None else "nothing"


def focused() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None, "the focus went nowhere"
    return widget


def walk(qtbot, start: QWidget, back: bool = False, limit: int = 120) -> list[QWidget]:
    """Press Tab (or Shift+Tab) from ``start`` until the focus comes back to it: the stops in order.
    Fails when a key leaves the focus where it was or the walk circles without coming back."""
    start.setFocus(Qt.FocusReason.TabFocusReason)
    assert focused() is start
    stops = [start]
    for _ in range(limit):
        qtbot.keyClick(focused(), Qt.Key.Key_Tab, SHIFT if back else Qt.KeyboardModifier.NoModifier)
        now = focused()
        assert now is not stops[-1], f"the focus is stuck on {describe(now)}"
        if now is start:
            return stops
        assert now not in stops, f"{describe(now)} again before the walk came back to {describe(start)}"
        stops.append(now)
    raise AssertionError(f"Tab never came back to {describe(start)}: {[describe(s) for s in stops]}")


def controls(window) -> list[QWidget]:
    """Every control of the window a person can see and reach with Tab now. A widget with a focus
    proxy hands the focus on (a tab widget to its tab bar), and an editable combo's line edit is the
    combo's part (the combo holds the focus)."""
    found = []
    for widget in window.findChildren(QWidget):
        parent = widget.parentWidget()
        if widget.focusProxy() is not None or (isinstance(parent, QComboBox) and parent.lineEdit() is widget):
            continue
        reachable = takes_tab_focus(widget) and widget.isVisible() and widget.isEnabled() and seen(widget)
        if reachable and widget.window() is window:
            found.append(widget)
    return found


@pytest.fixture
def reading(qtbot, window):
    """The window on seed 004's translation with the annotations pane shown, active, at 1280×800."""
    window.open_document(seed_id(window.archive, "004"))
    window.panel.show_tab("translation")
    window.annotating.pane.auto_hide.setChecked(False)
    window.activateWindow()
    qtbot.waitUntil(lambda: window.annotating.dock.isVisible() and window.isActiveWindow())
    return window


def test_tab_reaches_every_control_in_reading_order_and_comes_back(qtbot, reading):
    window = reading
    stops = walk(qtbot, window.filter_bar.search)
    names = [describe(s) for s in stops]
    part = window.panel.translation
    wanted = [
        window.filter_bar.search,
        *window.filter_bar.findChildren(QComboBox),
        window.document_list,
        window.panel.copy_button,
        window.panel.tabs.tabBar(),
        part.single,
        window.annotating.pane.list,
        window.timeline,
    ]
    missing = [describe(w) for w in wanted if w not in stops]
    assert not missing, f"Tab never reaches {missing}; it goes {names}"
    assert [w for w in controls(window) if w not in stops] == []  # nothing a person sees is left out
    assert all(stop.isVisible() and seen(stop) for stop in stops), names  # nor a stop nobody sees
    # in the order the window reads: filters, list, document, annotations, timeline
    order = [stops.index(w) for w in (window.filter_bar.search, window.document_list, window.panel.tabs.tabBar())]
    order += [stops.index(w) for w in (part.single, window.annotating.pane.list, window.timeline)]
    assert order == sorted(order), names
    assert stops.index(window.timeline_pane.buttons["fit_all"]) < stops.index(window.timeline)


def test_shift_tab_goes_the_same_way_back(qtbot, reading):
    forward = walk(qtbot, reading.filter_bar.search)
    backward = walk(qtbot, reading.filter_bar.search, back=True)
    assert [describe(s) for s in backward] == [describe(s) for s in [forward[0], *reversed(forward[1:])]]


def test_the_docks_and_the_scan_are_reached_too(qtbot, reading):
    """With History and Collections open beside the annotations, on the Scan tab's missing-scan page."""
    window = reading
    window.registry["toggle_history"].setChecked(True)
    window.registry["toggle_collections"].setChecked(True)
    window.panel.show_tab("scan")
    qtbot.waitUntil(lambda: window.curating.docks["collections"].isVisible())
    stops = walk(qtbot, window.document_list)
    assert window.panel.scan_missing.button in stops
    visible_dock = next(d for d in ("history", "collections") if window.curating.docks[d].widget().list.isVisible())
    assert getattr(window.curating, visible_dock).list in stops  # the dock on top of the two tabbed ones
    assert [describe(w) for w in controls(window) if w not in stops] == []


def go_to(qtbot, target: QWidget, limit: int = 80) -> None:
    """Press Tab until ``target`` has the focus."""
    for _ in range(limit):
        if focused() is target:
            return
        qtbot.keyClick(focused(), Qt.Key.Key_Tab)
    raise AssertionError(f"Tab never reached {describe(target)}")


def test_the_main_tasks_by_keys_alone(qtbot, reading):
    window = reading
    window.document_list.setFocus()
    # search: Ctrl+F, type, Enter
    qtbot.keyClick(focused(), Qt.Key.Key_F, CTRL)
    assert focused() is window.filter_bar.search
    qtbot.keyClicks(focused(), "reunification")
    qtbot.keyClick(focused(), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: listed_keys(window) == ["001", "004"])
    # the list: Tab to it, Up and Down open the documents
    go_to(qtbot, window.document_list)
    seen_keys = []
    for key in (Qt.Key.Key_Up, Qt.Key.Key_Down):
        qtbot.keyClick(focused(), key)
        seen_keys.append(window.panel.record.key[:3])
    assert seen_keys == ["001", "004"]  # by date: 13 and 16 May
    # back to every document: the search cleared by keys
    qtbot.keyClick(focused(), Qt.Key.Key_F, CTRL)
    qtbot.keyClick(focused(), Qt.Key.Key_A, CTRL)
    qtbot.keyClick(focused(), Qt.Key.Key_Delete)
    qtbot.keyClick(focused(), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.model.rowCount() == 5)
    # the tabs: Ctrl+1 to Ctrl+4
    for number, tab in enumerate(("scan", "transcript", "translation", "details"), start=1):
        qtbot.keyClick(focused(), getattr(Qt.Key, f"Key_{number}"), CTRL)
        assert window.panel.current_tab() == tab
    qtbot.keyClick(focused(), Qt.Key.Key_3, CTRL)
    # the timeline: zoom in and out, pan, fit, open a document with Enter
    timeline = window.timeline
    go_to(qtbot, timeline)
    timeline.fit_all()
    start, end = timeline.start, timeline.end
    qtbot.keyClick(timeline, Qt.Key.Key_Plus)
    assert timeline.end - timeline.start < end - start
    middle = timeline.start
    qtbot.keyClick(timeline, Qt.Key.Key_Right, SHIFT)
    assert timeline.start > middle  # panned, not moved to a marker
    qtbot.keyClick(timeline, Qt.Key.Key_Left, SHIFT)
    qtbot.keyClick(timeline, Qt.Key.Key_Minus)
    qtbot.keyClick(timeline, Qt.Key.Key_Home)
    assert (timeline.start, timeline.end) == (start, end)
    timeline.focus_index = None
    qtbot.keyClick(timeline, Qt.Key.Key_Right)
    with qtbot.waitSignal(timeline.document_activated):
        qtbot.keyClick(timeline, Qt.Key.Key_Return)
    assert window.panel.record.key.startswith("003")  # the first by date
    assert timeline.accessibleDescription().startswith("1950-04-10")  # a screen reader hears which
    # Go ▸ Next by keys, from anywhere
    qtbot.keyClick(focused(), Qt.Key.Key_Down, ALT)
    assert window.panel.record.key.startswith("000")


@pytest.mark.qt_log_ignore("This plugin does not support (raise|grabbing the keyboard)")  # offscreen has no WM
def test_alt_opens_the_menus(qtbot, reading):
    window = reading
    window.document_list.setFocus()
    for key, name in ((Qt.Key.Key_F, "menu_file"), (Qt.Key.Key_V, "menu_view"), (Qt.Key.Key_G, "menu_go")):
        qtbot.keyClick(focused(), key, ALT)
        menu = window.menuBar().findChild(QMenu, name)
        qtbot.waitUntil(menu.isVisible)
        qtbot.keyClick(menu, Qt.Key.Key_Escape)
        qtbot.waitUntil(lambda m=menu: not m.isVisible())
    qtbot.keyClick(focused(), Qt.Key.Key_G, ALT)  # Go ▸ Next Document, by its letters
    go = window.menuBar().findChild(QMenu, "menu_go")
    qtbot.waitUntil(go.isVisible)
    before = window.panel.record.key
    qtbot.keyClick(go, Qt.Key.Key_N)
    qtbot.waitUntil(lambda: not go.isVisible())
    assert window.panel.record.key != before
