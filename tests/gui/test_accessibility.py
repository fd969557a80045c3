"""Accessible on the five seeds: every control has a name a screen reader reads, the painted ones say
what they show and their keys, the focus is visible on every stop, text follows the system's font
size, and the list's short columns leave the title its share at 1024×600 with a dock open."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QAccessible, QColor, QPalette
from PySide6.QtWidgets import QHeaderView, QStyle, QStyleOptionHeader, QWidget

from viewer.core.kiosk_config import KioskConfig
from viewer.gui.accessibility import FocusRing, ringed, unnamed
from viewer.gui.document_model import COL_DATE, COL_LANGUAGE, COL_PARTS, COL_TITLE, COL_TYPE
from viewer.gui.kiosk.window import KioskWindow
from viewer.gui.list_columns import share
from viewer.gui.main_window import MainWindow

from ..pdfs import make_pdf
from .helpers import attach_scan, seed_id, shown
from .test_keyboard_walk import focused, walk
from .test_screen_sizes import outside

SHORT = (COL_DATE, COL_TYPE, COL_LANGUAGE, COL_PARTS)


def description(widget: QWidget) -> str:
    interface = QAccessible.queryAccessibleInterface(widget)
    return interface.text(QAccessible.Text.Description) if interface else ""


# -- names ------------------------------------------------------------------------------------


def test_every_control_of_the_window_has_a_name(qtbot, window):
    window.open_document(seed_id(window.archive, "004"))
    for name in ("toggle_history", "toggle_collections", "toggle_review"):
        window.registry[name].setChecked(True)
    window.annotating.pane.auto_hide.setChecked(False)
    for tab in ("scan", "transcript", "translation", "details"):
        window.panel.show_tab(tab)
        assert unnamed(window) == [], tab
    window.registry["side_by_side"].setChecked(True)
    assert unnamed(window) == []
    window.registry["edit_details"].trigger()  # the Details tab turns into a form
    assert window.panel.current_tab() == "details"
    assert unnamed(window) == []
    window.registry["people"].trigger()
    window.registry["trash"].trigger()
    for dialog in (window.curating.people_view, window.curating.trash_view):
        qtbot.waitExposed(dialog)
        assert unnamed(dialog) == [], dialog.objectName()
        dialog.close()


def test_the_window_just_opened_names_every_control(qtbot, window):
    """Before any dock is opened too (the audit once saw only the window with its docks open)."""
    shown(qtbot, window)
    assert unnamed(window) == []


def test_the_dialogs_name_their_controls(qtbot, window):
    from viewer.gui.bulk import SetFieldDialog, TagDialog
    from viewer.gui.exchange_window import ExchangeExportDialog
    from viewer.gui.export_dialog import ExportDialog

    document = seed_id(window.archive, "004")
    made = [ExportDialog(window, 5), ExchangeExportDialog(window, True, 5, [("korea", "Korea", 3)], 5)]
    made += [
        kind(window.archive, window.curating.changes, "me", [document], window) for kind in (TagDialog, SetFieldDialog)
    ]
    for dialog in made:
        shown(qtbot, dialog)
        assert unnamed(dialog) == [], dialog.objectName()
        dialog.close()


def test_the_kiosk_names_its_controls(qtbot, seeded, tmp_path):
    ids = [seed_id(seeded, key) for key in ("000", "001", "004")]
    seeded.create_collection("korea-1950", "Korea, 1950", "Three telegrams.", ids)
    config = KioskConfig(fullscreen=False, collection="korea-1950", reset_after=60, attract_after=0)
    kiosk = shown(qtbot, KioskWindow(seeded.path, config, clock=lambda: 1000.0, log_file=tmp_path / "kiosk.log"))
    try:
        assert unnamed(kiosk) == []
        kiosk.open_document(ids[0])
        assert unnamed(kiosk) == []
    finally:
        kiosk.unlocked = True
        kiosk.shutdown()
        kiosk.runner.wait(5000)


def test_the_painted_views_say_what_they_show_and_their_keys(qtbot, window):
    timeline = window.timeline
    assert timeline.accessibleName() == "Timeline"
    assert all(word in description(timeline) for word in ("zoom", "pan", "Enter"))
    timeline.fit_all()
    timeline.setFocus()
    timeline.focus_index = None
    qtbot.keyClick(timeline, Qt.Key.Key_Right)  # the first by date: 003, of 10 April
    assert description(timeline).startswith("1950-04-10 ") and "zoom" in description(timeline)
    scan_area = window.panel.scan.scroll_area
    assert scan_area.accessibleName() and "Page Down" in description(scan_area)
    assert window.panel.translation.single.accessibleName() == "Translation"


# -- focus ------------------------------------------------------------------------------------


def ring_drawn(image, colour: QColor) -> bool:
    """The focus frame: the highlight colour along the left edge, a pixel in."""
    ratio = image.devicePixelRatio()
    x, y = round(1 * ratio), image.height() // 2
    return QColor(image.pixel(x, y)) == colour


def test_every_stop_shows_that_it_has_the_focus(qtbot, window, screenshots):
    window.resize(1024, 600)
    window.open_document(seed_id(window.archive, "004"))
    window.panel.show_tab("translation")
    window.annotating.pane.auto_hide.setChecked(False)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    stops = walk(qtbot, window.filter_bar.search)
    highlight = window.palette().color(QPalette.ColorRole.Highlight)
    with_focus, without = {}, {}
    previous = None
    for _ in range(len(stops) + 1):  # Tab round once more, as a person does, looking at each stop
        qtbot.keyClick(focused(), Qt.Key.Key_Tab)  # and at the one it left
        now = focused()
        with_focus.setdefault(now, now.grab().toImage())
        if previous is not None:
            without.setdefault(previous, previous.grab().toImage())
        if now is window.timeline:
            window.grab().save(str(screenshots / "focus-1024x600-timeline.png"))
        previous = now
    plain = []
    for stop in stops:
        if with_focus[stop] == without[stop]:
            plain.append(f"{type(stop).__name__}:{stop.objectName()}")
        if ringed(stop) or stop is window.timeline:  # drawn by us: the frame itself, and only with the focus
            assert ring_drawn(with_focus[stop], highlight), stop.objectName()
            assert not ring_drawn(without[stop], highlight), stop.objectName()
    assert plain == [], "no sign of the focus on these"
    assert window.timeline in stops and window.document_list in stops and window.panel.translation.single in stops


def test_the_scan_shows_its_focus(qtbot, seeded, window, screenshots):
    document = seed_id(seeded, "002")
    attach_scan(seeded, document, make_pdf("Telegram 8691"), pages=2)
    window.open_document(document)
    scan = window.panel.scan
    with qtbot.waitSignal(scan.page_rendered, timeout=10000):
        window.panel.show_tab("scan")
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    scan.scroll_area.setFocus(Qt.FocusReason.TabFocusReason)
    highlight = window.palette().color(QPalette.ColorRole.Highlight)
    focused = scan.scroll_area.grab().toImage()
    assert [r for r in scan.scroll_area.findChildren(FocusRing) if r.isVisible()]
    window.document_list.setFocus(Qt.FocusReason.TabFocusReason)
    unfocused = scan.scroll_area.grab().toImage()
    assert ring_drawn(focused, highlight) and not ring_drawn(unfocused, highlight)
    assert not [r for r in scan.scroll_area.findChildren(FocusRing) if r.isVisible()]
    focused.save(str(screenshots / "focus-scan-with.png"))
    unfocused.save(str(screenshots / "focus-scan-without.png"))


# -- the system's font size -------------------------------------------------------------------


def test_text_follows_the_system_font_size(qtbot, qapp, window, seeded, settings, screenshots):
    normal_row = window.document_list.verticalHeader().defaultSectionSize()
    normal_title = window.panel.title.font().pointSizeF()
    normal = qapp.font()
    larger = qapp.font()
    larger.setPointSizeF(normal.pointSizeF() * 1.5)  # as a person's system setting would
    qapp.setFont(larger)
    try:
        # the window open already follows
        qtbot.waitUntil(lambda: window.document_list.verticalHeader().defaultSectionSize() >= normal_row * 1.3)
        big = shown(qtbot, MainWindow(seeded.path, settings=settings), (1024, 600))
        big.open_document(seed_id(big.archive, "004"))
        qtbot.waitUntil(lambda: big.width() == 1024)
        assert big.document_list.font().pointSizeF() == pytest.approx(larger.pointSizeF())
        assert big.document_list.verticalHeader().defaultSectionSize() >= normal_row * 1.3  # rows grow with it
        assert big.panel.title.font().pointSizeF() > larger.pointSizeF() > normal_title  # larger than the text
        # the window still fits the small screen, the reading area keeps room, nothing is cut at its edge
        assert big.minimumSizeHint().width() <= 1024 and (big.width(), big.height()) == (1024, 600)
        assert big.panel.tabs.currentWidget().height() >= 200
        qtbot.waitUntil(lambda: outside(big) == [], timeout=3000)  # once the status bar is laid out
        header = big.document_list.horizontalHeader()  # the list's headers and dates are whole in the larger font
        assert [c for c in SHORT if not header.isSectionHidden(c) and header_elided(header, c)] == []
        date = big.model.index(0, COL_DATE).data()
        assert big.document_list.fontMetrics().horizontalAdvance(date) < header.sectionSize(COL_DATE) - 6
        big.grab().save(str(screenshots / "window-1024x600-font-1.5x.png"))
        big.runner.wait(5000)
    finally:
        qapp.setFont(normal)
    qtbot.waitUntil(lambda: window.document_list.verticalHeader().defaultSectionSize() == normal_row)


# -- the list's columns -----------------------------------------------------------------------


def header_elided(header: QHeaderView, column: int) -> bool:
    """Whether the style would elide the column's header text in the room the section has."""
    option = QStyleOptionHeader()
    option.initFrom(header)
    option.text = str(header.model().headerData(column, Qt.Orientation.Horizontal))
    option.rect = QRect(0, 0, header.sectionSize(column), header.height())
    option.section = column
    if header.isSortIndicatorShown() and header.sortIndicatorSection() == column:
        option.sortIndicator = (
            QStyleOptionHeader.SortIndicator.SortDown
            if header.sortIndicatorOrder() == Qt.SortOrder.AscendingOrder
            else QStyleOptionHeader.SortIndicator.SortUp
        )
    label = header.style().subElementRect(QStyle.SubElement.SE_HeaderLabel, option, header)
    return header.fontMetrics().horizontalAdvance(option.text) > label.width()


def test_the_title_keeps_its_share_at_1024_with_a_dock_open(qtbot, window, screenshots):
    window.resize(1024, 600)
    window.open_document(seed_id(window.archive, "004"))
    window.annotating.pane.auto_hide.setChecked(False)
    qtbot.waitUntil(lambda: window.width() == 1024 and window.annotating.dock.isVisible())
    listing = window.document_list
    header = listing.horizontalHeader()
    width = listing.viewport().width()
    assert header.sectionSize(COL_TITLE) >= 0.55 * width - 1, [header.sectionSize(c) for c in range(5)]
    shown_columns = [c for c in SHORT if not header.isSectionHidden(c)]
    assert COL_DATE in shown_columns  # Type shows "Telegram" whole or gives way (the panel's summary says it)
    type_width = header.sectionSize(COL_TYPE)
    assert COL_TYPE not in shown_columns or type_width >= listing.fontMetrics().horizontalAdvance("Telegram") + 6
    assert [c for c in shown_columns if header_elided(header, c)] == []
    date = listing.model().index(0, COL_DATE).data()
    assert listing.fontMetrics().horizontalAdvance(date) < header.sectionSize(COL_DATE) - 6  # a date is whole
    window.grab().save(str(screenshots / "list-1024x600-dock.png"))
    # the columns that gave way are still the person's: the menu shows them, and they come back with room
    assert all(action.isChecked() for action in listing.column_menu().actions())
    window.resize(1920, 1080)
    qtbot.waitUntil(lambda: window.width() == 1920)
    assert all(not header.isSectionHidden(c) for c in SHORT)
    assert [c for c in SHORT if header_elided(header, c)] == []
    types = {listing.model().index(row, COL_TYPE).data() for row in range(listing.model().rowCount())}
    widest = max(listing.fontMetrics().horizontalAdvance(t) for t in types)
    assert header.sectionSize(COL_TYPE) >= widest + 6  # "Ciphered telegram" whole at 1920
    assert header.sectionSize(COL_TITLE) >= 0.4 * listing.viewport().width() - 1
    window.grab().save(str(screenshots / "list-1920x1080-dock.png"))


def test_the_settings_keep_the_widths_chosen_not_the_narrow_ones(qtbot, window, seeded, settings):
    listing = window.document_list
    header = listing.horizontalHeader()
    window.resize(1920, 1080)
    qtbot.waitUntil(lambda: window.width() == 1920)
    header.resizeSection(COL_LANGUAGE, 90)  # the person's width
    window.resize(1024, 600)
    window.annotating.pane.auto_hide.setChecked(False)
    qtbot.waitUntil(lambda: window.annotating.dock.isVisible() and header.isSectionHidden(COL_LANGUAGE))
    window.close()  # closed while Language has no room
    again = shown(qtbot, MainWindow(seeded.path, settings=settings), (1920, 1080))
    restored = again.document_list.horizontalHeader()
    qtbot.waitUntil(lambda: not restored.isSectionHidden(COL_LANGUAGE))
    assert restored.sectionSize(COL_LANGUAGE) == 90
    again.runner.wait(5000)


def test_short_columns_fold_then_shrink_to_their_headers():
    wanted = {COL_DATE: 70, COL_TYPE: 110, COL_LANGUAGE: 60, COL_PARTS: 40}
    least = {COL_DATE: 70, COL_TYPE: 40, COL_LANGUAGE: 60, COL_PARTS: 40}
    assert share(400, wanted, least) == (wanted, set())
    widths, folded = share(230, wanted, least)
    assert folded == {COL_LANGUAGE} and widths == {COL_DATE: 70, COL_TYPE: 110, COL_PARTS: 40}
    widths, folded = share(160, wanted, least)
    assert folded == {COL_LANGUAGE, COL_PARTS} and widths == {COL_DATE: 70, COL_TYPE: 90}
    widths, folded = share(50, wanted, least)  # never narrower than a header, whatever the room
    assert widths == {COL_DATE: 70, COL_TYPE: 40}


def test_the_audit_finds_a_control_without_a_name(qtbot, window):
    """``unnamed`` is what the tests above rely on: it must report a control that a screen reader
    would read as nothing, else their empty lists prove nothing."""
    from PySide6.QtWidgets import QLineEdit, QToolButton

    before = unnamed(window)
    silent_button, silent_edit = QToolButton(window.filter_bar), QLineEdit(window.filter_bar)
    silent_button.setObjectName("silent_button")
    silent_edit.setObjectName("silent_edit")
    silent_edit.setPlaceholderText("only a placeholder")
    silent_button.show()
    silent_edit.show()
    found = unnamed(window)
    assert "QToolButton:silent_button" in found and "QLineEdit:silent_edit" in found, found
    silent_button.setAccessibleName("Named")
    silent_edit.setAccessibleName("Named too")
    assert unnamed(window) == before
