"""Which tab a document opens on: the first that has content when no tab was chosen (a document
without a scan opens on its transcript, not on "No scan is attached"), the person's choice where
the document has that part, and the choice kept, in the settings too, while a document lacks it."""

from __future__ import annotations

from PySide6.QtCore import Qt

from viewer.gui import settings as state
from viewer.gui.main_window import MainWindow

from ..pdfs import make_pdf
from .helpers import attach_scan, seed_id, shown


def test_a_document_opens_on_the_first_tab_with_content(qtbot, seeded, settings):
    window = shown(qtbot, MainWindow(seeded.path, settings=settings, restore=False), (1280, 800))
    assert window.panel.chosen_tab is None
    window.open_document(seed_id(seeded, "004"))  # no scan: its transcript
    assert window.panel.current_tab() == "transcript"
    window.open_document(seed_id(seeded, "000"))  # neither scan nor transcript: its translation
    assert window.panel.current_tab() == "translation"
    attach_scan(seeded, seed_id(seeded, "001"), make_pdf("Telegram 8600"), pages=1)
    window.open_document(seed_id(seeded, "001"))
    assert window.panel.current_tab() == "scan"  # a scan is the first tab that has content
    assert window.panel.chosen_tab is None  # the panel's moves are no choice
    window.runner.wait(5000)


def test_the_chosen_tab_is_kept_while_a_document_lacks_it(qtbot, seeded, settings):
    attach_scan(seeded, seed_id(seeded, "001"), make_pdf("Telegram 8600"), pages=1)
    window = shown(qtbot, MainWindow(seeded.path, settings=settings, restore=False), (1280, 800))
    window.open_document(seed_id(seeded, "001"))
    tabs = window.panel.tabs
    qtbot.mouseClick(tabs.tabBar(), Qt.MouseButton.LeftButton, pos=tabs.tabBar().tabRect(1).center())
    assert window.panel.chosen_tab == "transcript"  # a click on the tab bar is a choice
    window.panel.show_tab("scan")  # Ctrl+1
    window.open_document(seed_id(seeded, "004"))  # no scan: its transcript, the choice kept
    assert window.panel.current_tab() == "transcript" and window.panel.chosen_tab == "scan"
    assert state.read(settings, "document/tab") == "scan"
    window.open_document(seed_id(seeded, "001"))  # a scan again: the chosen tab
    assert window.panel.current_tab() == "scan"
    window.panel.show_tab("transcript")
    window.open_document(seed_id(seeded, "000"))  # no transcript: its translation
    assert window.panel.current_tab() == "translation"
    window.panel.show_tab("transcript")  # chosen on a document that lacks it: shown, saying what can be done
    assert window.panel.transcript.stack.currentWidget() is window.panel.transcript.missing
    window.open_document(seed_id(seeded, "004"))
    assert window.panel.current_tab() == "transcript"
    window.runner.wait(5000)


def test_the_remembered_tab_opens_where_the_document_has_it(qtbot, seeded, settings):
    state.write(settings, "document/tab", "transcript")
    state.write(settings, "document/last", seeded.record(seed_id(seeded, "000")).key)
    window = shown(qtbot, MainWindow(seeded.path, settings=settings), (1280, 800))
    assert window.panel.record.key.startswith("000")
    assert window.panel.current_tab() == "translation"  # 000 has no transcript
    window.open_document(seed_id(seeded, "004"))
    assert window.panel.current_tab() == "transcript"
    window.close()
    assert state.read(settings, "document/tab") == "transcript"
    window.runner.wait(5000)
