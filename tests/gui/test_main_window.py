"""The real window on the five seeds, driven the way a user drives it (the issue's "Done when")."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QPoint, Qt, QUrl
from PySide6.QtGui import QFontDatabase, QGuiApplication
from PySide6.QtWidgets import QAbstractButton, QAbstractItemView, QComboBox, QLineEdit, QTabWidget

from viewer.core.dates import DateRange
from viewer.gui import fonts
from viewer.gui.main_window import MainWindow

from ..pdfs import make_pdf
from .helpers import attach_scan, listed_keys, seed_id


def test_window_lists_the_seeds_and_opens_the_first(window):
    assert listed_keys(window) == ["000", "001", "002", "003", "004"]
    assert window.panel.record is not None
    assert window.filter_bar.summary.text() == "5 documents"


def test_typing_a_query_narrows_the_list_and_highlights_the_words(qtbot, window):
    search = window.filter_bar.search
    qtbot.keyClicks(search, "reunification")
    qtbot.waitUntil(lambda: listed_keys(window) == ["001", "004"])
    window.panel.show_tab("translation")
    assert window.panel.record.key.startswith(("001", "004"))
    assert window.panel.translation.single.hit_count >= 1
    search.clear()
    qtbot.waitUntil(lambda: window.model.rowCount() == 5)


def test_a_name_finds_its_aliases(qtbot, window):
    window.filter_bar.set_query("Сталин")
    assert listed_keys(window) == ["000", "001", "002", "004"]


def test_choosing_a_filter_narrows_the_list(qtbot, window):
    bar = window.filter_bar
    combo = bar.combos["type"]
    assert "Ciphered telegram (3)" in [combo.itemText(i) for i in range(combo.count())]
    combo.setCurrentIndex(combo.findData("Ciphered telegram"))
    combo.activated.emit(combo.currentIndex())
    assert listed_keys(window) == ["001", "002", "003"]
    # counts of the other facets follow the selection
    classification = bar.combos["classification"]
    assert classification.itemText(classification.findData("Top Secret")) == "Top Secret (1)"
    bar.clear()
    assert window.model.rowCount() == 5


def test_person_filter_accepts_an_alias(qtbot, window):
    person = window.filter_bar.combos["person"]
    person.lineEdit().setText("Filippov")
    person.lineEdit().editingFinished.emit()
    assert window.filter_bar.filters().person == "Stalin"
    assert listed_keys(window) == ["000", "002", "004"] or window.model.rowCount() == 4


def test_clicking_the_may_14_marker_opens_001(qtbot, window):
    timeline = window.timeline
    timeline.fit_all()
    target = seed_id(window.archive, "001")
    position = timeline.marker_position(target)
    assert position is not None
    assert abs(position.x() - timeline.x_of("1950-05-14")) <= 1
    with qtbot.waitSignal(timeline.document_activated) as blocker:
        qtbot.mouseClick(timeline, Qt.MouseButton.LeftButton, pos=position)
    assert blocker.args == [target]
    assert window.panel.record.key.startswith("001")
    assert window.document_list.current_document() == target
    assert timeline.current_id == target


def test_004_transcript_shows_its_cyrillic_text(qtbot, window):
    window.open_document(seed_id(window.archive, "004"))
    window.panel.show_tab("transcript")
    view = window.panel.transcript.current_view()
    assert view is window.panel.transcript.single
    assert "СОВ. СЕКРЕТНО" in view.toPlainText()
    assert "Russian" in window.panel.transcript.info.text()


def test_side_by_side_shows_both_texts(qtbot, window):
    window.open_document(seed_id(window.archive, "004"))
    window.panel.show_tab("translation")
    window.registry["side_by_side"].trigger()
    view = window.panel.translation.current_view()
    assert view is window.panel.translation.parallel
    text = view.toPlainText()
    assert "Шифрованная телеграмма" in text
    assert "Enciphered telegram" in text
    assert window.settings.value("text/side_by_side") in (True, "true")
    window.registry["side_by_side"].trigger()
    assert window.panel.translation.current_view() is window.panel.translation.single


def drag(qtbot, widget, start: QPoint, end: QPoint) -> None:
    qtbot.mousePress(widget, Qt.MouseButton.LeftButton, pos=start)
    for step in range(1, 6):
        qtbot.mouseMove(widget, start + (end - start) * step / 5)
    qtbot.mouseRelease(widget, Qt.MouseButton.LeftButton, pos=end)


def test_brushing_may_1950_on_the_timeline_filters_the_list(qtbot, window):
    timeline = window.timeline
    timeline.fit_all()
    y = round(timeline.axis_y() + 6)
    start = QPoint(round(timeline.x_of("1950-05-01")), y)
    end = QPoint(round(timeline.x_of("1950-05-31")), y)
    with qtbot.waitSignal(timeline.range_selected) as blocker:
        drag(qtbot, timeline, start, end)
    assert blocker.args == [DateRange(date(1950, 5, 1), date(1950, 5, 31))]
    assert listed_keys(window) == ["000", "001", "004"]
    assert window.filter_bar.date_from.text() == "1950-05-01"
    window.timeline_pane.buttons["clear_range"].click()
    assert window.model.rowCount() == 5
    assert window.filter_bar.date_from.text() == ""


def test_dragging_the_plot_pans_and_the_wheel_zooms(qtbot, window):
    timeline = window.timeline
    timeline.fit_all()
    before = (timeline.start, timeline.end)
    drag(qtbot, timeline, QPoint(600, 30), QPoint(400, 30))
    assert timeline.start > before[0]
    assert timeline.end - timeline.start == before[1] - before[0]
    span = timeline.end - timeline.start
    qtbot.keyClick(timeline, Qt.Key.Key_Plus)
    assert timeline.end - timeline.start < span
    timeline.fit_all()
    assert (timeline.start, timeline.end) == before


def test_timeline_keyboard_moves_between_documents_and_opens_one(qtbot, window):
    timeline = window.timeline
    timeline.fit_all()
    timeline.setFocus()
    timeline.focus_index = None
    qtbot.keyClick(timeline, Qt.Key.Key_Right)
    qtbot.keyClick(timeline, Qt.Key.Key_Right)
    with qtbot.waitSignal(timeline.document_activated):
        qtbot.keyClick(timeline, Qt.Key.Key_Return)
    assert window.panel.record.key.startswith("000")  # second by date: 003 (April), then 000


def test_reply_links_are_drawn_between_markers(window):
    source, target = seed_id(window.archive, "001"), seed_id(window.archive, "000")
    assert (source, target, "reply_to") in window.timeline.links()
    assert window.timeline.marker_position(source) and window.timeline.marker_position(target)


def test_up_and_down_move_through_documents(qtbot, window):
    listing = window.document_list
    listing.setFocus()
    window.open_document(seed_id(window.archive, "003"))  # first by date
    qtbot.keyClick(listing, Qt.Key.Key_Down)
    assert window.panel.record.key.startswith("000")
    qtbot.keyClick(listing, Qt.Key.Key_Down)
    assert window.panel.record.key.startswith("001")
    qtbot.keyClick(listing, Qt.Key.Key_Up)
    assert window.panel.record.key.startswith("000")
    window.registry["next"].trigger()
    assert window.panel.record.key.startswith("001")


def test_sorting_by_title_keeps_the_open_document_selected(qtbot, window):
    window.open_document(seed_id(window.archive, "004"))
    window.document_list.sortByColumn(1, Qt.SortOrder.DescendingOrder)
    row = window.document_list.currentIndex().row()
    assert window.model.document_id(row) == seed_id(window.archive, "004")
    titles = [window.model.index(r, 1).data() for r in range(5)]
    assert titles == sorted(titles, reverse=True)


def test_ctrl_f_focuses_the_search(qtbot, window):
    window.document_list.setFocus()
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert window.filter_bar.search.hasFocus()


def test_missing_parts_say_so_and_tabs_stay_put(qtbot, window):
    window.open_document(seed_id(window.archive, "000"))
    window.panel.show_tab("transcript")
    part = window.panel.transcript
    assert part.stack.currentWidget() is part.missing
    assert "no transcript" in part.missing.message.text()
    assert [window.panel.tabs.tabText(i) for i in range(4)] == ["Scan", "Transcript", "Translation", "Details"]
    part.missing.button.click()
    assert window.panel.current_tab() == "translation"
    window.panel.show_tab("scan")
    assert "No scan" in window.panel.scan_missing.message.text()
    attach_scan(window.archive, seed_id(window.archive, "004"), make_pdf("Telegram"), 1)
    window.open_document(seed_id(window.archive, "004"))
    assert window.panel.current_tab() == "scan"  # the chosen tab survives a change of document (that has it)


def test_details_lists_fields_people_and_links_a_click_away(qtbot, window):
    window.open_document(seed_id(window.archive, "001"))
    details = window.panel.details
    text = details.toPlainText()
    for expected in ("No. 8600", "Vyshinsky", "Mao Zedong", "Reply to", "Top Secret"):
        assert expected in text
    assert "doc:" in details.toHtml()
    details.anchorClicked.emit(QUrl(f"doc:{seed_id(window.archive, '000')}"))
    assert window.panel.record.key.startswith("000")
    assert "Replied by" in window.panel.details.toPlainText()


def test_copy_citation(qtbot, window):
    window.open_document(seed_id(window.archive, "004"))
    window.registry["copy_citation"].trigger()
    assert QGuiApplication.clipboard().text().startswith('"Telegram, Filippov [Stalin]')


def test_text_zoom(qtbot, window):
    size = window.panel.transcript.single.point_size
    window.registry["zoom_in"].trigger()
    assert window.panel.transcript.single.point_size == size + 1
    window.registry["zoom_reset"].trigger()
    assert window.panel.translation.single.point_size == 12.0


def test_state_is_remembered_between_runs(qtbot, seeded, settings):
    first = MainWindow(seeded.path, settings=settings)
    qtbot.addWidget(first)
    first.resize(760, 560)  # inside the offscreen screen, which clamps restored geometry to its 800×800
    first.show()
    first.open_document(seed_id(seeded, "004"))
    first.panel.show_tab("transcript")
    first.main_splitter.setSizes([300, 450])
    sizes = first.main_splitter.sizes()
    first.close()
    second = MainWindow(seeded.path, settings=settings)
    qtbot.addWidget(second)
    second.show()
    assert second.panel.record.key.startswith("004")
    assert second.panel.current_tab() == "transcript"
    assert second.main_splitter.sizes() == sizes
    assert second.size() == first.size()


def test_every_control_has_a_name_and_a_tooltip(window):
    kinds = (QAbstractButton, QLineEdit, QComboBox, QAbstractItemView, QTabWidget)
    unnamed = []
    for widget in window.findChildren(kinds[0]) + [w for k in kinds[1:] for w in window.findChildren(k)]:
        if not widget.isVisibleTo(window) or widget.parent() is None:
            continue
        if type(widget).__name__ in ("QComboBoxListView", "QCalendarView") or widget.objectName().startswith("qt_"):
            continue
        if isinstance(widget.parent(), (QComboBox, QTabWidget)):
            continue
        if not widget.accessibleName() or not widget.toolTip():
            unnamed.append(f"{type(widget).__name__} {widget.objectName()!r}")
    assert not unnamed
    for action in window.registry.actions.values():
        assert action.toolTip()


def test_fallback_font_covers_cjk_and_cyrillic():
    family = fonts.register_fallback()
    assert family
    systems = QFontDatabase.writingSystems(family)
    for system in (
        QFontDatabase.WritingSystem.SimplifiedChinese,
        QFontDatabase.WritingSystem.Korean,
        QFontDatabase.WritingSystem.Cyrillic,
    ):
        assert system in systems
    assert family in fonts.serif_font(12).families()


def test_import_from_the_window(qtbot, tmp_path, settings, samples):
    empty = MainWindow(tmp_path / "new.db", settings=settings, create=True)
    qtbot.addWidget(empty)
    empty.show()
    assert empty.model.rowCount() == 0
    with qtbot.waitSignal(empty.imports.import_finished, timeout=20000) as blocker:
        empty.imports.start_import([str(samples)])
    assert blocker.args[0][0] == 5
    assert empty.model.rowCount() == 5
    assert empty.timeline.mode == "markers"
