"""The Scan tab on a PDF made in the test: rendered off the GUI thread, cached, paged and zoomed."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from ..pdfs import make_pdf
from .helpers import attach_scan, seed_id


def test_scan_pages_render_page_by_page(qtbot, seeded, window):
    document = seed_id(seeded, "004")
    attach_scan(seeded, document, make_pdf("Telegram 8691"), pages=2)
    window.refresh()
    scan = window.panel.scan
    with qtbot.waitSignal(scan.page_rendered, timeout=10000) as blocker:
        window.open_document(document)
        window.panel.show_tab("scan")
    assert blocker.args == [0]
    assert window.panel.scan_stack.currentWidget() is scan
    assert scan.thumbnails.count() == 2
    pixmap = scan.image.pixmap()
    assert not pixmap.isNull()
    # fit width: the page fills the view's width, a white page with the dark frame drawn on it
    assert abs(pixmap.width() / pixmap.devicePixelRatio() - (scan.scroll_area.viewport().width() - 24)) <= 2
    image = pixmap.toImage()
    assert image.pixelColor(5, 5).lightness() > 240
    with qtbot.waitSignal(scan.page_rendered, timeout=10000) as blocker:
        scan.scroll_area.setFocus()
        qtbot.keyClick(scan.scroll_area, Qt.Key.Key_PageDown)
    assert blocker.args == [1]
    assert "Page 2 of 2" in scan.status.text()
    qtbot.waitUntil(lambda: not scan.busy(), timeout=10000)
    with qtbot.waitSignal(scan.page_rendered, timeout=10000):
        scan.buttons["fit_page"].click()
    fit_page = scan.zoom
    with qtbot.waitSignal(scan.page_rendered, timeout=10000):
        scan.buttons["zoom_in"].click()
    assert scan.zoom > fit_page
    rendered = len(scan.cache)
    scan.buttons["fit_page"].click()  # already rendered at this zoom: from the cache, no new render
    assert len(scan.cache) == rendered and not scan.busy()
    assert window.panel.record.pages == 2


def test_a_scan_that_cannot_be_read_says_so(qtbot, seeded, window):
    document = seed_id(seeded, "000")
    attach_scan(seeded, document, b"%PDF-1.4 this is not really a pdf", pages=1)
    window.open_document(document)
    window.panel.show_tab("scan")
    qtbot.waitUntil(lambda: not window.panel.scan.busy(), timeout=10000)
    assert "could not be rendered" in window.panel.scan.image.text()


def test_a_page_past_the_end_of_its_file_says_so(qtbot, seeded, window):
    """An archive that names page 3 of a file of one page (a JSON import before it checked): the page
    says which page is missing and how long the file is, not a Python exception's name."""
    from viewer.gui.page_renderer import Drawer, PageMissing

    document = seed_id(seeded, "000")
    attach_scan(seeded, document, make_pdf("One page only", pages=1), pages=3)
    file_id = seeded.page_rows(document)[2].file_id
    drawer = Drawer()
    try:
        with pytest.raises(PageMissing, match="page 3 is not in its file, which ends at page 1"):
            drawer.draw(seeded.path, file_id, 2, 1.0)
    finally:
        drawer.close()
    window.open_document(document)
    window.panel.show_tab("scan")
    scan = window.panel.scan
    qtbot.waitUntil(lambda: not scan.busy(), timeout=10000)
    scan.show_page(2)
    assert "Page 3 of 3" in scan.status.text()
    qtbot.waitUntil(lambda: "could not be rendered" in scan.image.text(), timeout=10000)
    said = scan.image.text()
    assert "page 3 is not in its file, which ends at page 1" in said and "Error" not in said, said
