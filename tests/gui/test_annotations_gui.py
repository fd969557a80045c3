"""Annotating in the real window: highlight selected words, the list, notes, undo/redo, the scan
tools and the export running on a worker."""

from __future__ import annotations

import pymupdf
from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QKeySequence, QTextCursor

from tests.gui.helpers import attach_scan, saved, seed_id
from tests.pdfs import make_pdf
from viewer.core import annotations as core
from viewer.core.exporters import ExportOptions
from viewer.gui.annotations import AUTHOR_KEY

AGREE = "they agree with the proposal of the Koreans to move toward reunification"


def select_words(view, words: str) -> None:
    """Select the words in a text view as a mouse drag would."""
    body = view.document().toPlainText()
    start = body.index(words)
    cursor = QTextCursor(view.document())
    cursor.setPosition(start)
    cursor.setPosition(start + len(words), QTextCursor.MoveMode.KeepAnchor)
    view.setTextCursor(cursor)


def open_translation(window, qtbot, prefix: str = "001"):
    window.open_document(seed_id(window.archive, prefix))
    window.panel.show_tab("translation")
    if window.panel.side_by_side:
        window.set_side_by_side(False)
    view = window.panel.translation.single
    qtbot.waitUntil(lambda: window.panel.translation.current_view() is view)
    return view


def test_highlight_list_note_undo_redo(window, qtbot, settings):
    settings.setValue(AUTHOR_KEY, "Ms Teacher")
    glue, pane = window.annotating, window.annotating.pane
    view = open_translation(window, qtbot)
    assert pane.list.count() == 0 and pane.empty.isVisibleTo(pane)
    select_words(view, AGREE)
    pane.color.setCurrentIndex(pane.color.findData("green"))
    window.registry["highlight"].trigger()
    saved(qtbot, window)
    assert pane.list.count() == 1
    [stored] = core.list_annotations(window.archive, window.current_document())
    assert (stored.quote, stored.color, stored.author) == (AGREE, "green", "Ms Teacher")
    assert "they agree with the proposal" in pane.list.item(0).text()
    marks = view.extraSelections()
    assert any(s.cursor.selectedText() == AGREE for s in marks)  # drawn in the text

    pane.note.setPlainText("Stalin agrees")
    qtbot.mouseClick(pane.save, Qt.MouseButton.LeftButton)
    saved(qtbot, window)
    assert core.get(window.archive, stored.id).note == "Stalin agrees"
    assert "Stalin agrees" in pane.list.item(0).text()

    assert window.registry["undo"].isEnabled()
    window.registry["undo"].trigger()  # the note
    saved(qtbot, window)
    assert core.get(window.archive, stored.id).note is None
    window.registry["undo"].trigger()  # the highlight
    saved(qtbot, window)
    assert pane.list.count() == 0 and core.get(window.archive, stored.id) is None
    assert not any(s.cursor.selectedText() == AGREE for s in view.extraSelections())
    assert not window.registry["undo"].isEnabled()
    window.registry["redo"].trigger()
    saved(qtbot, window)
    window.registry["redo"].trigger()
    saved(qtbot, window)
    assert core.get(window.archive, stored.id).note == "Stalin agrees"
    assert pane.list.count() == 1

    pane.list.setCurrentRow(0)
    qtbot.mouseClick(pane.delete, Qt.MouseButton.LeftButton)
    saved(qtbot, window)
    assert pane.list.count() == 0
    window.registry["undo"].trigger()
    saved(qtbot, window)
    assert pane.list.count() == 1 and core.get(window.archive, stored.id).note == "Stalin agrees"
    assert glue.stack.count() == 3


def test_shortcuts_are_ctrl_z_and_ctrl_shift_z(window):
    undo = [s.toString() for s in window.registry["undo"].shortcuts()]
    redo = [s.toString() for s in window.registry["redo"].shortcuts()]
    assert QKeySequence("Ctrl+Z").toString() in undo
    assert QKeySequence("Ctrl+Shift+Z").toString() in redo


def test_clicking_an_annotation_goes_to_it(window, qtbot):
    view = open_translation(window, qtbot)
    select_words(view, AGREE)
    window.registry["highlight"].trigger()
    saved(qtbot, window)
    window.panel.show_tab("details")
    view.moveCursor(QTextCursor.MoveOperation.Start)
    item = window.annotating.pane.list.item(0)
    rect = window.annotating.pane.list.visualItemRect(item)
    qtbot.mouseClick(window.annotating.pane.list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert window.panel.current_tab() == "translation"
    assert view.textCursor().selectedText() == AGREE


def test_highlight_needs_a_selection(window, qtbot):
    view = open_translation(window, qtbot)
    view.moveCursor(QTextCursor.MoveOperation.Start)
    assert window.annotating.highlight() is None
    assert "Select" in window.statusBar().currentMessage()
    assert window.annotating.pane.list.count() == 0


def test_rectangle_and_pin_on_the_scan(window, qtbot):
    document_id = seed_id(window.archive, "002")
    attach_scan(window.archive, document_id, make_pdf("Scan"), 2)
    window.open_document(document_id)
    window.panel.show_tab("scan")
    scan = window.panel.scan
    qtbot.waitUntil(lambda: scan.image.pixmap() is not None and not scan.image.pixmap().isNull(), timeout=10000)
    pane = window.annotating.pane
    pane.tools["rect"].setChecked(True)
    assert scan.tool == "rect"
    pixmap = scan.image.pixmap().deviceIndependentSize()
    left = (scan.image.width() - pixmap.width()) / 2
    top = (scan.image.height() - pixmap.height()) / 2

    def at(x: float, y: float):
        return QPointF(left + x * scan.zoom, top + y * scan.zoom).toPoint()

    qtbot.mousePress(scan.image, Qt.MouseButton.LeftButton, pos=at(100, 100))
    qtbot.mouseMove(scan.image, at(300, 200))
    qtbot.mouseRelease(scan.image, Qt.MouseButton.LeftButton, pos=at(300, 200))
    saved(qtbot, window)
    pane.tools["pin"].setChecked(True)
    assert not pane.tools["rect"].isChecked()
    qtbot.mouseClick(scan.image, Qt.MouseButton.LeftButton, pos=at(400, 500))
    saved(qtbot, window)
    found = core.list_annotations(window.archive, document_id)
    assert [a.shape for a in found] == ["rect", "pin"]
    rect = found[0]
    assert abs(rect.x0 - 100) < 3 and abs(rect.y1 - 200) < 3 and rect.page_position == 0
    assert len(scan.overlays) == 2
    window.registry["undo"].trigger()
    saved(qtbot, window)
    assert [a.shape for a in core.list_annotations(window.archive, document_id)] == ["rect"]


def test_export_runs_on_a_worker(window, qtbot, tmp_path):
    from viewer.gui.export_dialog import ExportDialog

    view = open_translation(window, qtbot)
    select_words(view, AGREE)
    window.registry["highlight"].trigger()
    saved(qtbot, window)
    dialog = ExportDialog(window, 5)
    options = dialog.options("Ms Teacher")
    assert isinstance(options, ExportOptions) and options.layout == "sequential" and options.annotations
    dialog.deleteLater()
    out = tmp_path / "window.pdf"
    run = window.exports.start([window.current_document()], out, options)
    with qtbot.waitSignal(run.finished, timeout=30000) as blocker:
        pass
    assert blocker.args == [out]
    with pymupdf.open(out) as pdf:
        assert [a.type[1] for p in pdf for a in p.annots()] == ["Highlight"]
        assert pdf.metadata["author"] == "Ms Teacher"
