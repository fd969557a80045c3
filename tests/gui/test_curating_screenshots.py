"""Screenshots of curation for people to look at (issue 13): the Details editor, the people view, the
trash and the review queue, at 1280×800 and 1024×600. Never compared with anything; the assertions
check that a picture was made and that the views fit (no field cut off at the right)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtGui import QPainter, QPalette, QPixmap

from tests.gui.helpers import seed_id
from viewer.core import annotations as core
from viewer.gui.screenshot import grab

from .test_screenshots import not_blank

SIZES = ((1280, 800), (1024, 600))


def settle(window, qtbot) -> None:
    qtbot.waitUntil(lambda: not window.curating.changes.busy(), timeout=15000)


def with_dialog(window, dialog) -> QPixmap:
    """The window with a dialog of its own drawn where the desktop would put it, centred over it, in a
    plain frame with its title (offscreen there is no window manager to draw one)."""
    pixmap = grab(window)
    picture = dialog.grab()
    bar = 26
    left = (pixmap.width() - picture.width()) // 2
    top = (pixmap.height() - picture.height() + bar) // 2
    painter = QPainter(pixmap)
    palette = dialog.palette()
    frame = QRect(left - 1, top - bar - 1, picture.width() + 1, picture.height() + bar + 1)
    painter.fillRect(frame, palette.color(QPalette.ColorRole.Window).darker(125))
    painter.setPen(palette.color(QPalette.ColorRole.WindowText))
    painter.drawText(frame.adjusted(0, 0, 0, -picture.height()), Qt.AlignmentFlag.AlignCenter, dialog.windowTitle())
    painter.drawPixmap(QPoint(left, top), picture)
    painter.setPen(palette.color(QPalette.ColorRole.Shadow))
    painter.drawRect(frame)
    painter.end()
    return pixmap


def save(pixmap: QPixmap, screenshots, name: str, size: tuple[int, int]) -> None:
    assert not_blank(pixmap)
    pixmap.save(str(screenshots / f"curate-{name}-{size[0]}x{size[1]}.png"))


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_screenshots_of_curation(qtbot, window, screenshots, size):
    archive = window.archive
    window.resize(*size)
    document = seed_id(archive, "004")
    archive.correct(document, {"title": "Filippov [Stalin] to Mao Zedong, 14 May 1950"}, "alice")
    archive.tag([document], ["Korean War", "for lesson 3"], author="alice")
    window.refresh()
    window.open_document(document)
    window.curating.details.edit()
    editor = window.curating.details.editor
    editor.editors["date"].written.setText("the day after")
    editor.editors["date"].written.textEdited.emit("the day after")
    editor.save()  # refused in place: the reason shows beside the date
    assert editor.errors["date"].isVisible()
    save(grab(window), screenshots, "editor", size)
    assert not editor.scroller.horizontalScrollBar().isVisible()  # the form fits the width it has
    editor.cancel()

    people = window.curating.show_people()
    people.resize(min(860, size[0] - 80), min(560, size[1] - 80))
    people.search.setText("")
    people.reload()
    people.select("Stalin")
    save(with_dialog(window, people), screenshots, "people", size)
    people.close()

    for prefix in ("000", "002"):
        other = seed_id(archive, prefix)
        body = archive.field_values(other)["translation"]
        core.Create(core.new_highlight(archive, other, "translation", 0, body.index("\n"))).redo(archive)
        archive.delete_documents([other], "alice")
    window.refresh()
    trash = window.curating.show_trash()
    trash.resize(min(860, size[0] - 80), min(480, size[1] - 80))
    trash.table.selectRow(0)
    save(with_dialog(window, trash), screenshots, "trash", size)
    trash.close()

    (archive.path.parent / "incoming").mkdir(exist_ok=True)
    note = archive.path.parent / "incoming" / "meeting-notes.txt"
    note.write_text("Notes from a meeting\n\nSome words about the harvest, no day written.\n")
    from viewer.core.importers.batch import import_all

    import_all(archive, [note])
    window.refresh()
    window.curating.show_review()
    window.open_document(archive.review_queue()[0].document_id)
    window.curating.review.list.setCurrentRow(0)
    save(grab(window), screenshots, "review", size)
