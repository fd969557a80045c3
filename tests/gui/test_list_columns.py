"""The document list's columns: the title takes the free width and elides in the middle with the
whole title as its tooltip; the other columns are shown, hidden and resized, and remembered."""

from __future__ import annotations

from PySide6.QtCore import Qt

from viewer.gui.document_model import COL_LANGUAGE, COL_TITLE, COL_TYPE
from viewer.gui.main_window import MainWindow
from viewer.gui.roles import ID_ROLE

from .helpers import shown


def test_title_takes_the_free_width(window):
    window.resize(1280, 800)
    listing = window.document_list
    header = listing.horizontalHeader()
    widest_other = max(header.sectionSize(c) for c in range(header.count()) if c != COL_TITLE)
    title = header.sectionSize(COL_TITLE)
    assert title >= 2 * widest_other and title >= 200
    window.main_splitter.setSizes([700, 580])
    assert header.sectionSize(COL_TITLE) > title + 150  # the room the list gains is the title's
    assert listing.textElideMode() == Qt.TextElideMode.ElideMiddle
    index = window.model.index(0, COL_TITLE)
    assert index.data(Qt.ItemDataRole.ToolTipRole) == index.data() == window.archive.record(index.data(ID_ROLE)).title


def test_columns_hidden_resized_and_remembered(qtbot, window, seeded, settings):
    listing = window.document_list
    header = listing.horizontalHeader()
    menu = listing.column_menu()
    names = [action.text() for action in menu.actions()]
    assert names == ["Date", "Type", "Language", "Parts"]  # the title cannot be hidden
    language = next(a for a in menu.actions() if a.text() == "Language")
    language.setChecked(False)
    assert header.isSectionHidden(COL_LANGUAGE)
    header.resizeSection(COL_TYPE, 150)
    title_before = header.sectionSize(COL_TITLE)
    listing.show_column(COL_TITLE, False)
    assert not header.isSectionHidden(COL_TITLE) and header.sectionSize(COL_TITLE) == title_before
    window.close()
    again = shown(qtbot, MainWindow(seeded.path, settings=settings), (1280, 800))
    restored = again.document_list.horizontalHeader()
    assert restored.isSectionHidden(COL_LANGUAGE)
    assert restored.sectionSize(COL_TYPE) == 150
    assert restored.sectionResizeMode(COL_TITLE) == restored.ResizeMode.Stretch
    assert not next(a for a in again.document_list.column_menu().actions() if a.text() == "Language").isChecked()
    again.runner.wait(5000)
