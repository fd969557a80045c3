"""Side by side in the window: each stretch of the original on the row of its translation, and the
annotations of both texts drawn in their columns; screenshots of seed 004 for people to look at."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QTextCursor

from viewer.core import annotations as ann
from viewer.gui.screenshot import grab

from .helpers import seed_id

INFORM = "Inform Mao Zedong that Cde. Filippov"
TREATY = "договор о дружбе , союзе"


def row_of(view, text: str, occurrence: int = -1) -> int:
    """The table row holding ``text`` in the side by side view (the last occurrence by default)."""
    document = view.document()
    found = []
    cursor = QTextCursor(document)
    while True:
        cursor = document.find(text, cursor)
        if cursor.isNull():
            break
        found.append(cursor.currentTable().cellAt(cursor).row())
    assert found, text
    return found[occurrence]


def cell_text(view, row: int, column: int) -> str:
    table = QTextCursor(view.document())
    table.movePosition(QTextCursor.MoveOperation.NextBlock)
    cell = table.currentTable().cellAt(row, column)
    cursor = cell.firstCursorPosition()
    cursor.setPosition(cell.lastCursorPosition().position(), QTextCursor.MoveMode.KeepAnchor)
    return cursor.selectedText().replace("\u2029", "\n")


def side_by_side(window, prefix: str = "004", tab: str = "translation"):
    window.open_document(seed_id(window.archive, prefix))
    window.panel.show_tab(tab)
    if not window.panel.side_by_side:
        window.registry["side_by_side"].trigger()
    part = window.panel.translation if tab == "translation" else window.panel.transcript
    view = part.current_view()
    assert view is part.parallel
    return view


def test_each_line_of_004_sits_beside_its_translation(qtbot, window):
    view = side_by_side(window)
    for original, translation in (
        ("Сов.секретно", "Top Secret"),
        ("Пекин совпосол", "Peking, to the Soviet Ambassador"),
        ("Сообщите Мао Цзэдуну", INFORM),
        ("ФИЛИППОВ.", "FILIPPOV [Stalin]"),
        ('16.V.50 г."', "16 May 1950"),
        ("Тов.Молотову", "to Cde. Molotov"),
    ):
        row = row_of(view, original)
        assert row == row_of(view, translation), (original, translation)
        assert cell_text(view, row, 1).startswith(translation)
    # the scan's letterhead has no translation beside it ("МИД СССР" is not beside "Top Secret")
    assert cell_text(view, row_of(view, "МИД СССР"), 1) == ""
    assert cell_text(view, 0, 0) == "Original (Russian)" and cell_text(view, 0, 1) == "Translation (English)"


def test_annotations_of_both_texts_stay_in_sight_side_by_side(qtbot, window):
    archive = window.archive
    document = seed_id(archive, "004")
    ann.Create(ann.highlight_quote(archive, document, "translation", INFORM, color="green", author="T")).redo(archive)
    ann.Create(ann.highlight_quote(archive, document, "transcript", TREATY, color="blue", author="T")).redo(archive)
    window.open_document(document)
    window.panel.show_tab("translation")
    single = window.panel.translation.single
    assert any(s.cursor.selectedText() == INFORM for s in single.extraSelections())
    for tab in ("translation", "transcript"):
        view = side_by_side(window, tab=tab)
        marked = {s.cursor.selectedText() for s in view.extraSelections()}
        assert INFORM in marked and TREATY in marked, (tab, marked)
        # each in its own column
        for text, column in ((INFORM, 1), (TREATY, 0)):
            [mark] = [s for s in view.extraSelections() if s.cursor.selectedText() == text]
            assert mark.cursor.currentTable().cellAt(mark.cursor).column() == column
    # a document shown later brings its own annotations, not the last one's
    window.open_document(seed_id(archive, "001"))
    window.open_document(document)
    assert INFORM in {s.cursor.selectedText() for s in side_by_side(window).extraSelections()}


def test_a_cell_maps_back_to_body_offsets(qtbot, window):
    view = side_by_side(window)
    body = view.right_text
    cursor = view.document().find(INFORM)
    side, start, end = view.body_range(cursor.selectionStart(), cursor.selectionEnd())
    assert side == 1 and body[start:end] == INFORM
    view.reveal_body(0, view.left_text.rindex("Сообщите"), view.left_text.rindex("Сообщите") + 8)
    assert view.textCursor().selectedText() == "Сообщите"


@pytest.mark.parametrize("size", ((1280, 800), (1024, 600)), ids=lambda s: f"{s[0]}x{s[1]}")
def test_side_by_side_screenshots(qtbot, window, screenshots, size):
    window.resize(*size)
    view = side_by_side(window)
    # scroll to the retyped copy, where the pairs are, and show a highlight on each side
    archive = window.archive
    document = seed_id(archive, "004")
    ann.Create(ann.highlight_quote(archive, document, "translation", INFORM, color="green", author="T")).redo(archive)
    ann.Create(ann.highlight_quote(archive, document, "transcript", TREATY, color="blue", author="T")).redo(archive)
    window.refresh()
    view = side_by_side(window)
    cursor = view.document().find("Сов.секретно")
    view.verticalScrollBar().setValue(round(view.cursorRect(cursor).top() + view.verticalScrollBar().value() - 8))
    grab(window).save(str(screenshots / f"side-by-side-004-{size[0]}x{size[1]}.png"))
