"""File ▸ Print… and Print Preview…: the open document printed to a PDF file through Qt's print support,
read back with pdftotext (the words) and PyMuPDF (the highlight colours)."""

from __future__ import annotations

import shutil
import subprocess
import unicodedata

import pymupdf
import pytest
from PySide6.QtGui import QKeySequence
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QMenu

from viewer.core import annotations as ann

from .helpers import seed_id

INFORM = "Inform Mao Zedong that Cde. Filippov"
TREATY = "договор о дружбе , союзе"


def print_pdf(window, path) -> bool:
    printer = QPrinter(QPrinter.PrinterMode.ScreenResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(path))
    return window.printing.print_to(printer)


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler's pdftotext is not installed")
def test_printing_the_open_document_to_pdf(qtbot, window, tmp_path):
    archive = window.archive
    document = seed_id(archive, "004")
    ann.Create(
        ann.highlight_quote(archive, document, "translation", INFORM, note="Stalin's answer", color="green", author="T")
    ).redo(archive)
    ann.Create(ann.highlight_quote(archive, document, "transcript", TREATY, color="blue", author="T")).redo(archive)
    window.open_document(document)
    out = tmp_path / "printed.pdf"
    assert print_pdf(window, out)
    text = subprocess.run(["pdftotext", "-layout", str(out), "-"], capture_output=True, text=True, check=True).stdout
    flat = " ".join(unicodedata.normalize("NFKC", text).split())  # the serif's ﬁ ligature is fi
    for expected in (
        "Telegram, Filippov [Stalin] to Mao Zedong via the Soviet ambassador",
        "Date: May 16, 1950 (1950-05-16)",
        "Classification: Top Secret (СОВ. СЕКРЕТНО)",
        "Transcript (Russian)",
        "МИД СССР",
        "Translation (English)",
        INFORM,
        "Annotations (2)",
        "Stalin's answer",
        "“договор о дружбе , союзе”",
    ):
        assert expected in flat, expected
    with pymupdf.open(out) as pdf:
        fills = {tuple(round(c, 2) for c in d["fill"]) for page in pdf for d in page.get_drawings() if d.get("fill")}
    assert (0.55, 0.88, 0.45) in fills and (0.55, 0.78, 1.0) in fills  # the highlights in their colours


def test_print_and_preview_are_in_the_file_menu(qtbot, window, tmp_path):
    menus = {menu.objectName(): menu for menu in window.menuBar().findChildren(QMenu)}
    names = [action.objectName() for action in menus["menu_file"].actions()]
    assert names.index("action_print") < names.index("action_print_preview") < names.index("action_quit")
    assert QKeySequence("Ctrl+P") in window.printing.print_action.shortcuts()
    window.open_document(seed_id(window.archive, "001"))
    dialog = window.printing.preview()
    qtbot.waitExposed(dialog)
    assert dialog.isVisible()
    dialog.close()


def test_nothing_to_print_says_so(qtbot, settings, tmp_path):
    from viewer.gui.main_window import MainWindow

    empty = MainWindow(tmp_path / "empty.db", settings=settings, create=True)
    qtbot.addWidget(empty)
    assert empty.current_document() is None
    assert not print_pdf(empty, tmp_path / "none.pdf")
    assert not (tmp_path / "none.pdf").exists()
    assert "Open a document" in empty.statusBar().currentMessage()
    assert empty.printing.preview() is None
    empty.runner.wait(5000)
