"""The document list's columns: the title takes the free width and elides in the middle with the
whole title as its tooltip; the other columns are shown, hidden and resized, and remembered."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from viewer.gui.document_model import COL_DATE, COL_LANGUAGE, COL_TITLE, COL_TYPE
from viewer.gui.list_columns import _Measured, covering, share, title_share
from viewer.gui.main_window import MainWindow
from viewer.gui.roles import ID_ROLE

from .helpers import seed_id, shown


def test_title_takes_the_free_width(window):
    window.resize(1280, 800)
    listing = window.document_list
    header = listing.horizontalHeader()
    widest_other = max(header.sectionSize(c) for c in range(header.count()) if c != COL_TITLE)
    title = header.sectionSize(COL_TITLE)
    assert title >= 2 * widest_other and title >= 200
    folded, before = {c for c in range(header.count()) if header.isSectionHidden(c)}, listing.viewport().width()
    window.main_splitter.setSizes([700, 580])
    gained = listing.viewport().width() - before
    back = sum(header.sectionSize(c) for c in folded if not header.isSectionHidden(c))  # folded for lack of room
    assert gained > 150 and header.sectionSize(COL_TITLE) >= title + gained - back - 1  # the rest is the title's
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


LONG_TYPE = "Record of a conversation with the ambassador"


def test_the_title_takes_most_of_a_small_list(qtbot, seeded, settings):
    """At 1024×600 the title keeps most of the list (it once had 44%, beside a Type column as wide
    as its rarest, longest value); Type is as wide as its common values, a rare long one elides
    with the whole type as its tooltip; with the annotations pane open too."""
    seeded.correct(seed_id(seeded, "000"), {"type": LONG_TYPE}, "test")  # one rare long type among five
    window = shown(qtbot, MainWindow(seeded.path, settings=settings), (1024, 600))
    qtbot.waitUntil(lambda: window.width() == 1024 and window.model.rowCount() == 5)
    listing, header = window.document_list, window.document_list.horizontalHeader()
    advance = listing.fontMetrics().horizontalAdvance
    width = listing.viewport().width()
    assert header.sectionSize(COL_TITLE) >= 0.55 * width, [header.sectionSize(c) for c in range(5)]
    assert not header.isSectionHidden(COL_TYPE)
    assert advance("Telegram") + 6 <= header.sectionSize(COL_TYPE) < advance(LONG_TYPE)  # common whole, rare elided
    row = next(r for r in range(5) if window.model.index(r, COL_TYPE).data() == LONG_TYPE)
    assert window.model.index(row, COL_TYPE).data(Qt.ItemDataRole.ToolTipRole) == LONG_TYPE
    window.open_document(seed_id(window.archive, "004"))
    window.annotating.pane.auto_hide.setChecked(False)
    qtbot.waitUntil(lambda: window.annotating.dock.isVisible())
    width = listing.viewport().width()
    assert header.sectionSize(COL_TITLE) >= 0.55 * width, [header.sectionSize(c) for c in range(5)]
    # Type shows its common values or gives way (the panel's summary says it); it never reads "Te…m"
    assert header.isSectionHidden(COL_TYPE) or header.sectionSize(COL_TYPE) >= advance("Telegram") + 6
    assert all(action.isChecked() for action in listing.column_menu().actions())  # still the person's columns
    window.annotating.pane.auto_hide.setChecked(True)
    window.resize(1920, 1080)
    qtbot.waitUntil(lambda: window.width() == 1920 and not header.isSectionHidden(COL_TYPE))
    assert advance("Ciphered telegram") + 6 <= header.sectionSize(COL_TYPE) < advance(LONG_TYPE)
    window.runner.wait(5000)


def test_a_remembered_type_width_comes_back_on_a_large_screen(qtbot, seeded, settings):
    """A width the person chose is kept by the settings even when a small screen folds or narrows it."""
    first = shown(qtbot, MainWindow(seeded.path, settings=settings), (1920, 1080))
    qtbot.waitUntil(lambda: first.width() == 1920)
    first.document_list.horizontalHeader().resizeSection(COL_TYPE, 170)
    first.resize(1024, 600)
    qtbot.waitUntil(lambda: first.document_list.horizontalHeader().sectionSize(COL_TYPE) < 170)
    first.close()
    again = shown(qtbot, MainWindow(seeded.path, settings=settings), (1920, 1080))
    qtbot.waitUntil(lambda: again.width() == 1920)
    assert again.document_list.horizontalHeader().sectionSize(COL_TYPE) == 170
    again.runner.wait(5000)
    first.runner.wait(5000)


def test_a_column_wants_its_common_values_and_a_small_list_gives_the_title_more():
    assert covering([30, 30, 50, 100, 100, 100, 300], 0.75) == 100  # the rare 300 is left to elide
    assert covering([30, 50, 100], 1 / 3) == 30 and covering([], 0.75) == 0
    assert title_share(300) >= 0.6 and title_share(1200) == pytest.approx(0.4)
    assert title_share(400) > title_share(480) > title_share(560)
    wanted = {COL_DATE: 70, COL_TYPE: 110}
    least = {COL_DATE: 70, COL_TYPE: 40}
    assert share(160, wanted, least, {COL_TYPE: 60}) == ({COL_DATE: 70, COL_TYPE: 90}, set())
    assert share(125, wanted, least, {COL_TYPE: 60}) == ({COL_DATE: 70}, {COL_TYPE})  # "Te…m" says nothing
    assert share(135, wanted, least, {COL_TYPE: 60}) == ({COL_DATE: 70, COL_TYPE: 65}, set())


def test_the_useful_width_is_measured_only_when_the_room_is_short():
    measured: list[int] = []
    useful = _Measured({COL_TYPE}, lambda column: measured.append(column) or 60)
    wanted = {COL_DATE: 70, COL_TYPE: 110}
    least = {COL_DATE: 70, COL_TYPE: 40}
    assert COL_TYPE in useful and COL_DATE not in useful and not measured  # asking what it holds measures nothing
    assert share(400, wanted, least, useful) == (wanted, set()) and not measured  # room enough: never asked
    assert share(125, wanted, least, useful) == ({COL_DATE: 70}, {COL_TYPE}) and measured == [COL_TYPE]
