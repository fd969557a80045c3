"""Soak: opening 1,000 scanned documents in the window keeps memory flat, in the window's process
and in the process that draws the pages (MuPDF's store of decoded images grew the window by a scan's
worth with every document). Small scans keep it quick; resident memory is read from /proc."""

from __future__ import annotations

import gc
import hashlib
import shutil
import time
from pathlib import Path

import pymupdf
import pytest
from PySide6.QtCore import QCoreApplication, QEvent, QEventLoop
from PySide6.QtWidgets import QApplication

from viewer.bench.measure import memory_kb
from viewer.core.importers.batch import import_all
from viewer.core.store import Archive
from viewer.gui.main_window import MainWindow

from ..conftest import SAMPLES

DOCUMENTS = 30  # more scans than the view caches, so every open draws
OPENS, WARMUP = 1000, 150
GROWTH_MB = 24  # the leak was about a scan's worth (here 1 MB) per document opened


def scan_pdf(number: int) -> bytes:
    """One page holding a 700×900 grey image, different for every document (a small scan)."""
    image = pymupdf.Pixmap(pymupdf.csGRAY, pymupdf.IRect(0, 0, 700, 900), False)
    image.clear_with(200)
    image.set_rect(pymupdf.IRect(50, 50 + number * 20, 650, 60 + number * 20), (20,))
    pdf = pymupdf.open()
    page = pdf.new_page(width=612, height=792)
    page.insert_image(page.rect, pixmap=image)
    data = pdf.tobytes(deflate=True)
    pdf.close()
    return data


def rss_mb(pid: int | None = None) -> float:
    if pid is None:
        return memory_kb() / 1024
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    raise AssertionError("no VmRSS")


@pytest.fixture
def scanned(tmp_path: Path) -> Path:
    folder = tmp_path / "pages"
    folder.mkdir()
    seed = (SAMPLES / "003_8eea2ab9ee4e7676.txt").read_text("utf-8")
    for number in range(DOCUMENTS):
        (folder / f"scan-{number}.txt").write_text(seed.replace("Ri Ju-yeon", f"Ri Scan{number}"), "utf-8")
    path = tmp_path / "scanned.db"
    with Archive(path) as archive:
        assert import_all(archive, [folder]).count("imported") == DOCUMENTS
        for number, document_id in enumerate(archive.ordered_ids()):
            data = scan_pdf(number)
            with archive.transaction():
                file_id = archive.store_file(hashlib.sha256(data).hexdigest(), "scan.pdf", "application/pdf", data)
                archive.save_pages(document_id, file_id, [{"file_page": 0, "width": 612, "height": 792}])
    shutil.rmtree(folder)
    return path


@pytest.mark.slow
def test_opening_a_thousand_scans_keeps_memory_flat(qtbot, scanned, settings, capsys):
    window = MainWindow(scanned, settings=settings, restore=False)
    qtbot.addWidget(window)
    window.resize(900, 650)
    window.show()
    window.panel.show_tab("scan")
    ids = window.archive.ordered_ids()
    scan = window.panel.scan

    shown: list[int] = []
    scan.page_rendered.connect(shown.append)

    def open_one(number: int) -> None:
        """Open the next document and wait for its page and its thumbnail."""
        shown.clear()
        window.open_document(ids[number % len(ids)])
        deadline = time.monotonic() + 10
        while (not shown or scan.busy()) and time.monotonic() < deadline:
            QApplication.processEvents(QEventLoop.ProcessEventsFlag.WaitForMoreEvents, 5)
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        assert shown and not scan.busy(), f"open {number}: the page did not arrive"
        assert scan.image.pixmap() is not None and not scan.image.pixmap().isNull()

    started = time.monotonic()
    for number in range(WARMUP):
        open_one(number)
    gc.collect()
    drawer = scan.renderer.pid()
    assert drawer is not None
    window_start, drawer_start = rss_mb(), rss_mb(drawer)
    for number in range(WARMUP, OPENS):
        open_one(number)
    gc.collect()
    assert scan.renderer.pid() == drawer  # the same drawing process all along
    window_end, drawer_end = rss_mb(), rss_mb(drawer)
    with capsys.disabled():
        print(
            f"\n{OPENS} scans opened in {time.monotonic() - started:.0f} s: window {window_start:.0f} -> "
            f"{window_end:.0f} MB, drawing process {drawer_start:.0f} -> {drawer_end:.0f} MB"
        )
    assert window_end - window_start < GROWTH_MB
    assert drawer_end - drawer_start < GROWTH_MB
    window.runner.wait(5000)
