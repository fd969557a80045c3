"""Pages are drawn in a separate process: a page that takes seconds to draw never stops the window
from answering, a placeholder shows until it arrives, moving on abandons it, and a drawing process
that dies costs one page, not the window."""

from __future__ import annotations

import os
import random
import signal
import time

import pymupdf
import pytest
from PySide6.QtCore import QTimer

from .helpers import attach_scan, seed_id

LINES = 40_000  # long stroked lines: seconds of MuPDF's time on one page


def heavy_pdf(lines: int = LINES) -> bytes:
    """One page of ``lines`` long diagonal strokes: each is cheap to store and dear to draw."""
    pdf = pymupdf.open()
    page = pdf.new_page(width=595, height=842)
    page.insert_text((20, 20), "heavy")  # gives the page a content stream to replace
    shapes = random.Random(7)
    strokes = ["0.2 w"]
    for _ in range(lines):
        x, y = shapes.uniform(0, 595), shapes.uniform(0, 842)
        strokes.append(f"{x:.1f} {y:.1f} m {x + 300:.1f} {y + 200:.1f} l S")
    pdf.update_stream(page.get_contents()[0], "\n".join(strokes).encode())
    data = pdf.tobytes(deflate=True)
    pdf.close()
    return data


class Gaps:
    """A 10 ms timer on the GUI thread, and the longest time between two of its ticks."""

    def __init__(self) -> None:
        self.ticks, self.longest, self.last = 0, 0.0, time.monotonic()
        self.timer = QTimer()
        self.timer.setInterval(10)
        self.timer.timeout.connect(self._tick)
        self.timer.start()

    def _tick(self) -> None:
        now = time.monotonic()
        self.longest = max(self.longest, now - self.last)
        self.last, self.ticks = now, self.ticks + 1


@pytest.fixture
def heavy(seeded) -> int:
    document = seed_id(seeded, "004")
    attach_scan(seeded, document, heavy_pdf(), pages=1)
    return document


@pytest.mark.slow
def test_a_page_that_takes_seconds_to_draw_leaves_the_window_answering(qtbot, window, heavy):
    window.refresh()
    scan = window.panel.scan
    window.panel.show_tab("scan")
    shown: list[int] = []
    scan.page_rendered.connect(shown.append)
    gaps = Gaps()
    started = time.monotonic()
    window.open_document(heavy)
    assert scan.image.text() == "Drawing page 1…"  # a placeholder until the page arrives
    assert scan.image.pixmap() is None or scan.image.pixmap().isNull()
    placeholders = 0  # the sentence, or the page from a smaller drawing, scaled
    while not shown and time.monotonic() - started < 120:
        qtbot.wait(20)
        placeholders += 1
    took = time.monotonic() - started
    assert shown == [0], "the page never arrived"
    assert not scan.image.pixmap().isNull() and scan.image.text() == ""
    assert took > 1.0, f"the page drew in {took:.1f} s: not heavy enough to tell"
    assert placeholders >= 10
    assert gaps.longest < 0.75, f"the window stopped for {gaps.longest:.2f} s while the page was drawn"
    assert gaps.ticks >= took / 0.01 * 0.3
    qtbot.waitUntil(lambda: not scan.busy(), timeout=120000)


@pytest.mark.slow
def test_moving_on_abandons_a_heavy_page(qtbot, window, heavy):
    window.refresh()
    scan = window.panel.scan
    window.panel.show_tab("scan")
    light = seed_id(window.archive, "001")
    from ..pdfs import make_pdf

    attach_scan(window.archive, light, make_pdf("Light"), pages=1)
    window.open_document(heavy)
    qtbot.waitUntil(lambda: scan.renderer.pid() is not None, timeout=10000)
    first = scan.renderer.pid()
    qtbot.wait(1500)  # the heavy page is being drawn, longer than RESTART_S
    assert scan.busy() and scan.renderer.pending(scan)  # still drawing the heavy page
    started = time.monotonic()
    with qtbot.waitSignal(scan.page_rendered, timeout=10000):
        window.open_document(light)
    assert time.monotonic() - started < 5  # not after the heavy page
    assert scan.renderer.pid() != first  # its drawing process was ended
    assert "Page 1 of 1" in scan.status.text()


def test_a_drawing_process_that_dies_costs_one_page(qtbot, window, heavy):
    window.refresh()
    scan = window.panel.scan
    window.panel.show_tab("scan")
    window.open_document(heavy)
    page = scan.pages[0]
    qtbot.waitUntil(lambda: scan.renderer.drawing(scan) == (page.file_id, 0, scan._effective_zoom()), timeout=10000)
    os.kill(scan.renderer.pid(), signal.SIGKILL)  # as if MuPDF crashed on the page
    qtbot.waitUntil(lambda: "could not be rendered" in scan.image.text(), timeout=10000)
    assert "drawing process stopped" in scan.image.text()
    window.open_document(seed_id(window.archive, "003"))
    light = seed_id(window.archive, "000")
    from ..pdfs import make_pdf

    attach_scan(window.archive, light, make_pdf("After"), pages=1)
    with qtbot.waitSignal(scan.page_rendered, timeout=20000):
        window.open_document(light)
    assert not scan.image.pixmap().isNull()
