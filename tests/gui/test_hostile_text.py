"""Hostile content: a document whose title, summary, people, citation and texts hold HTML is shown
literally everywhere, in the window and the kiosk, and nothing reads /dev/zero.

Qt guesses rich text in labels, tooltips and message boxes; ``<img src="/dev/zero">`` read as HTML
makes Qt read the device until the process aborts (std::bad_alloc), so on a broken build this file
dies rather than fails.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QMouseEvent, QTextDocumentFragment
from PySide6.QtGui import Qt as GuiQt
from PySide6.QtWidgets import QApplication, QComboBox, QLabel, QMessageBox

from viewer.core import annotations as core
from viewer.core.importers.batch import import_all
from viewer.core.kiosk_config import KioskConfig
from viewer.core.kiosk_pin import hash_pin
from viewer.core.store import Archive
from viewer.gui import plain
from viewer.gui.main_window import MainWindow

IMG = '<img src="/dev/zero">'
LINK = '<a href="https://evil.example/">'
PAGE = f"""


May 13, 1950

Cable {IMG} from <b>Roshchin</b> to {LINK}Stalin</a>

Citation:

“Cable {IMG} from <b>Roshchin</b>,” May 13, 1950, {LINK}Archive</a>.

Summary:

The <b>telegram</b> relays {IMG} a request from {LINK}Mao</a>, conveyed via Zhou Enlai.

From PEKING {IMG}

For immediate report to comrade Filippov <b>bold</b> {LINK}link</a>.

13/5-50. Roshchin

Associated People & Organizations:

- <b>Kim</b> {IMG}
- {LINK}Pak</a>

Type:

<b>Telegram</b> {IMG}

Original Classification:

<i>Top</i> secret {IMG}
"""
# what content holds and must never become markup (the app's own "<b>Timeline</b>" is not content)
MARKERS = ("/dev/zero", "evil.example", "<b>Roshchin", "<b>Telegram", "<b>telegram", "<i>Top", "<b>Kim", "<b>bold")


def shown(text: str, text_format: Qt.TextFormat = Qt.TextFormat.AutoText) -> str:
    """What Qt draws for ``text`` in a widget of that format: markup is read as HTML when the format
    says so or Qt's guess does (the guess that tooltips and message boxes always make)."""
    rich = text_format == Qt.TextFormat.RichText or (
        text_format == Qt.TextFormat.AutoText and GuiQt.mightBeRichText(text)
    )
    if not rich:
        return text
    return QTextDocumentFragment.fromHtml(text).toPlainText()


def from_content(text: str) -> bool:
    return any(marker in text for marker in MARKERS)


def assert_labels_literal(widget) -> int:
    """Every label that shows content shows it literally; returns how many did."""
    checked = 0
    for label in widget.findChildren(QLabel):
        if from_content(label.text()):
            assert shown(label.text(), label.textFormat()) == label.text(), label.objectName()
            checked += 1
    return checked


@pytest.fixture
def hostile(tmp_path: Path) -> Path:
    """An archive with one hostile document, a hostile note on it and a hostile exhibit."""
    page = tmp_path / "pages" / "hostile.txt"
    page.parent.mkdir()
    page.write_text(PAGE, encoding="utf-8")
    path = tmp_path / "hostile.db"
    with Archive(path) as archive:
        assert import_all(archive, [page.parent]).count("imported") == 1
        document_id = archive.ordered_ids()[0]
        body = archive.annotation_text(document_id, "translation").body
        start = body.index(IMG)
        note = core.new_highlight(archive, document_id, "translation", start, start + len(IMG), note=f"see {LINK}x</a>")
        core.Create(note).redo(archive)
        archive.create_collection("evil", f"Exhibit {IMG}", f"Intro <b>bold</b> {IMG}", [document_id])
    return path


def test_the_window_shows_hostile_content_literally(qtbot, hostile, settings):
    with Archive(hostile, readonly=True) as archive:
        key = archive.record(archive.ordered_ids()[0]).key
    settings.setValue("document/last", key)  # the window reopens it at start, as after a crash
    main = MainWindow(hostile, settings=settings)
    qtbot.addWidget(main)
    main.show()
    qtbot.waitExposed(main)
    record = main.panel.record
    assert record is not None and IMG in record.title and IMG in (record.summary or "")

    # the header, the window title
    assert main.panel.title.text() == record.title
    assert shown(main.panel.title.text(), main.panel.title.textFormat()) == record.title
    assert IMG in main.windowTitle()

    # the Details tab: every value as text, the only links the app's own
    for name in ("details", "translation", "transcript", "scan"):
        main.panel.show_tab(name)
        qtbot.wait(5)
        assert assert_labels_literal(main) >= 3
    details = main.panel.details.toPlainText()
    for value in (record.summary, record.citation, record.type, record.classification, "<b>Roshchin</b>"):
        assert value and value in details, value
    assert f"<b>Kim</b> {IMG}" in details
    hrefs = set()
    block = main.panel.details.document().begin()
    while block.isValid():
        iterator = block.begin()
        while not iterator.atEnd():
            fmt = iterator.fragment().charFormat()
            if fmt.isAnchor():
                hrefs.add(fmt.anchorHref())
            iterator += 1
        block = block.next()
    assert not any("evil.example" in href for href in hrefs if href != record.url), hrefs

    # the translation as text
    translation = main.panel.translation.single.toPlainText()
    assert IMG in translation and f"{LINK}link</a>" in translation

    # the list (drawn as plain text) and its tooltips (which Qt would read as HTML)
    model = main.model
    tips = 0
    for column in range(model.columnCount()):
        index = model.index(0, column)
        tip = index.data(Qt.ItemDataRole.ToolTipRole)
        if from_content(index.data()):
            assert shown(tip) == index.data(), tip
            tips += 1
    assert tips >= 2  # the title and the type

    # the filters: the type facet lists the hostile type (a combo box draws its items as text)
    assert any(
        f"<b>Telegram</b> {IMG}" in combo.itemText(i)
        for combo in main.filter_bar.findChildren(QComboBox)
        for i in range(combo.count())
    )

    # the timeline: hovering the mark shows the title as text
    timeline = main.timeline
    timeline._ensure_data()
    marker = next(m for m in timeline.markers if m.id == record.id)
    move = QMouseEvent(
        QMouseEvent.Type.MouseMove,
        QPointF(marker.x, marker.y),
        timeline.mapToGlobal(QPointF(marker.x, marker.y)),
        Qt.MouseButton.NoButton,
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(timeline, move)
    assert record.title in shown(timeline.toolTip())
    QApplication.sendEvent(
        timeline,
        QMouseEvent(
            QMouseEvent.Type.MouseMove,
            QPointF(1, 1),
            timeline.mapToGlobal(QPoint(1, 1)).toPointF(),
            Qt.MouseButton.NoButton,
            Qt.MouseButton.NoButton,
            Qt.KeyboardModifier.NoModifier,
        ),
    )
    assert timeline.toolTip().startswith("Documents by date")

    # the annotations list and its note
    pane = main.annotating.pane
    assert pane.list.count() == 1
    item = pane.list.item(0)
    assert IMG in item.text() and LINK in item.text()
    assert shown(item.toolTip()) == item.toolTip()
    pane.list.setCurrentRow(0)
    assert pane.note.toPlainText() == f"see {LINK}x</a>"
    main.close()


def test_the_kiosk_shows_hostile_content_literally(qtbot, hostile, tmp_path):
    from viewer.gui.kiosk.window import KioskWindow

    config = KioskConfig(fullscreen=False, collection="evil", pin_hash=hash_pin("2468"))
    kiosk = KioskWindow(hostile, config, log_file=tmp_path / "kiosk.log")
    qtbot.addWidget(kiosk)
    kiosk.resize(1280, 800)
    kiosk.show()
    qtbot.waitExposed(kiosk)
    try:
        assert not kiosk.is_out_of_order()
        assert kiosk.start.title.text() == f"Exhibit {IMG}"
        assert IMG in kiosk.start.introduction.toPlainText()
        assert kiosk.start.list.model().index(0, 0).data().startswith(f"Cable {IMG}")
        kiosk.open_document(kiosk.exhibit_ids[0])
        qtbot.wait(20)
        assert kiosk.document.title.text().startswith(f"Cable {IMG}")
        assert "<b>Telegram</b>" in kiosk.document.meta.text()
        assert assert_labels_literal(kiosk) >= 3
        assert IMG in kiosk.document.views["translation"].toPlainText()
        kiosk.timeline._ensure_data()
        kiosk.grab()  # paint every visible part: the tiles and the timeline's labels draw the title
    finally:
        kiosk.unlocked = True
        kiosk.shutdown()
        kiosk.runner.wait(5000)


def test_message_boxes_and_tooltips_are_plain():
    box = plain.message_box(None, QMessageBox.Icon.Warning, "Title", f"Refused: {IMG}")
    assert box.textFormat() == Qt.TextFormat.PlainText
    box.deleteLater()
    for text in (f"1950-05-13 — Cable {IMG}", "&lt;b&gt; stays", "a\n<b>b</b>", "plain words"):
        assert shown(plain.tip(text)) == text
    assert plain.tip("plain words") == "plain words"


def test_no_message_box_guesses_html():
    """QMessageBox's static helpers (warning, information, critical, question, about) guess rich text
    from the message; the window builds its boxes through viewer.gui.plain instead."""
    root = Path(__file__).resolve().parents[2] / "viewer" / "gui"
    found = []
    for source in root.rglob("*.py"):
        for node in ast.walk(ast.parse(source.read_text(encoding="utf-8"))):
            if (
                isinstance(node, ast.Attribute)
                and isinstance(node.value, ast.Name)
                and node.value.id == "QMessageBox"
                and node.attr in ("warning", "information", "critical", "question")
            ):
                found.append(f"{source.relative_to(root)}:{node.lineno} QMessageBox.{node.attr}")
    assert found == []
