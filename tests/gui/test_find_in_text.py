"""F3 / Shift+F3 go through the search hits of the open text, the current one marked apart, with
"3 of 12" beside the document's tabs; on the seeds, in a real window."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QMenu

from viewer.core.annotations import COLORS, color_hex
from viewer.gui.find_in_text import SAID_MS
from viewer.gui.text_view import CURRENT_HIT_BACKGROUND, HIT_BACKGROUND

from .helpers import seed_id
from .test_hit_colour import distance


def _press(qtbot, window, key=Qt.Key.Key_F3, times: int = 1, shift: bool = False) -> None:
    modifier = Qt.KeyboardModifier.ShiftModifier if shift else Qt.KeyboardModifier.NoModifier
    for _ in range(times):
        qtbot.keyClick(window.document_list, key, modifier)  # a window shortcut, wherever the focus is


def _painted(view) -> dict[tuple[int, int], str]:
    return {
        (s.cursor.selectionStart(), s.cursor.selectionEnd()): s.format.background().color().name()
        for s in view.extraSelections()
    }


def _open(window, query: str, key: str, tab: str):
    window.filter_bar.set_query(query)
    window.open_document(seed_id(window.archive, key))
    window.panel.show_tab(tab)
    view = getattr(window.panel, tab).current_view()
    assert view is not None and view.isVisible()
    return view


def test_f3_three_times_is_the_third_hit_and_shift_f3_goes_back(qtbot, window, screenshots):
    window.resize(1024, 600)
    view = _open(window, "Kim", "003", "translation")  # Kim Il Sung's telegram names him eleven times
    label = window.panel.finder.label
    total = view.hit_count
    hits = view.hit_ranges()
    assert total == len(hits) >= 10
    assert label.text() == f"Matches: {total}"
    text = view.toPlainText()
    assert all(text[a:b].casefold() == "kim" for a, b in hits)
    _press(qtbot, window, times=3)
    assert label.isVisible() and label.text() == f"3 of {total}"
    assert view.current_hit == 2
    assert view.textCursor().position() == hits[2][0]
    assert view.viewport().rect().contains(view.cursorRect())  # scrolled into sight
    painted = _painted(view)
    assert painted[hits[2]] == CURRENT_HIT_BACKGROUND.name()
    assert {painted[h] for h in hits if h != hits[2]} == {HIT_BACKGROUND.name()}
    qtbot.wait(50)  # the tab bar's corner takes the label's new width
    assert label.width() >= label.sizeHint().width() and label.height() >= label.fontMetrics().height()
    window.grab().save(str(screenshots / "find-3-of-n-1024x600.png"))
    _press(qtbot, window, shift=True)
    assert label.text() == f"2 of {total}" and view.textCursor().position() == hits[1][0]
    assert _painted(view)[hits[1]] == CURRENT_HIT_BACKGROUND.name()


def test_the_current_hit_is_unlike_the_other_hits_and_every_annotation_colour():
    assert distance(CURRENT_HIT_BACKGROUND, HIT_BACKGROUND) >= 120
    for name in COLORS:
        assert distance(CURRENT_HIT_BACKGROUND, QColor(color_hex(name))) >= 120, name


def test_going_past_the_last_hit_wraps_and_says_so(qtbot, window):
    view = _open(window, "Filippov", "004", "translation")
    label, total = window.panel.finder.label, view.hit_count
    _press(qtbot, window, times=total)
    assert label.text() == f"{total} of {total}"
    _press(qtbot, window)
    assert label.text() == f"1 of {total} (wrapped to the start)"
    assert view.textCursor().position() == view.hit_ranges()[0][0]
    _press(qtbot, window, shift=True)
    assert label.text() == f"{total} of {total} (wrapped to the end)"
    assert view.textCursor().position() == view.hit_ranges()[-1][0]


def test_the_menu_has_find_next_and_previous(window):
    edit = window.menuBar().findChild(QMenu, "menu_edit")
    names = [a.objectName() for a in edit.actions()]
    assert names.index("action_find") + 1 == names.index("action_find_next")
    assert names.index("action_find_next") + 1 == names.index("action_find_previous")
    window.registry["find_next"].trigger()
    assert window.panel.finder.label.text() in ("No matches", "")
    view = _open(window, "Mao", "004", "translation")  # the menu's actions go through the hits as F3 does
    total = view.hit_count
    assert total >= 2
    window.registry["find_next"].trigger()
    assert window.panel.finder.label.text() == f"1 of {total}" and view.current_hit == 0
    window.registry["find_previous"].trigger()
    assert window.panel.finder.label.text() == f"{total} of {total} (wrapped to the end)"
    assert view.current_hit == total - 1


def test_the_count_resets_when_the_document_or_the_query_changes(qtbot, window):
    view = _open(window, "Mao", "004", "translation")
    label = window.panel.finder.label
    _press(qtbot, window, times=2)
    assert label.text() == f"2 of {view.hit_count}"
    window.open_document(seed_id(window.archive, "001"))
    other = window.panel.translation.current_view()
    assert other.current_hit == -1
    assert label.text() == (f"Matches: {other.hit_count}" if other.hit_count else "")
    window.open_document(seed_id(window.archive, "004"))
    _press(qtbot, window)
    assert label.text() == f"1 of {view.hit_count}"
    window.filter_bar.set_query("Filippov")  # names Stalin too, by his code name and his own
    assert view.current_hit == -1 and label.text() == f"Matches: {view.hit_count}" and view.hit_count >= 4
    _press(qtbot, window)
    assert view.toPlainText()[slice(*view.hit_ranges()[0])].casefold() in ("filippov", "stalin")


def test_no_hits_says_no_matches_for_a_moment(qtbot, window):
    window.filter_bar.set_query("")
    window.open_document(seed_id(window.archive, "004"))
    window.panel.show_tab("translation")
    label = window.panel.finder.label
    assert label.text() == ""
    _press(qtbot, window)
    assert label.text() == "No matches"
    qtbot.waitUntil(lambda: label.text() == "", timeout=SAID_MS + 2000)


def test_side_by_side_goes_through_both_columns_in_reading_order(qtbot, window):
    window.panel.set_side_by_side(True)
    view = _open(window, "Mao", "004", "transcript")
    assert view is window.panel.transcript.parallel
    label, total = window.panel.finder.label, view.hit_count
    sides = set()
    positions = []
    for number in range(1, total + 1):
        _press(qtbot, window)
        assert label.text() == f"{number} of {total}"
        positions.append(view.textCursor().position())
        place = view.body_range(positions[-1], positions[-1] + 1)
        assert place is not None
        sides.add(place[0])
    assert positions == sorted(positions) and len(set(positions)) == total
    assert sides == {0, 1}  # the original's hits and the translation's


def test_from_the_scan_tab_f3_opens_the_text_with_hits(qtbot, window):
    window.filter_bar.set_query("Mao")
    window.open_document(seed_id(window.archive, "004"))
    window.panel.show_tab("scan")
    _press(qtbot, window)
    assert window.panel.current_tab() in ("transcript", "translation")
    assert window.panel.finder.label.text().startswith("1 of ")
