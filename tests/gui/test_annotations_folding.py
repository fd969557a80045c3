"""The annotations pane folds away while the open document has none, comes back with the first
highlight, and the person's choices (closed, or always shown) are remembered."""

from __future__ import annotations

from viewer.gui import settings as state
from viewer.gui.main_window import MainWindow

from .helpers import saved, seed_id, shown
from .test_annotations_gui import AGREE, open_translation, select_words


def dock_shown(window) -> bool:
    return window.annotating.dock.isVisible()


def test_folded_until_the_first_highlight(window, qtbot):
    view = open_translation(window, qtbot)
    assert window.annotating.pane.list.count() == 0
    assert not dock_shown(window) and not window.registry["toggle_annotations"].isChecked()
    select_words(view, AGREE)
    window.registry["highlight"].trigger()  # Ctrl+H works with the pane folded
    saved(qtbot, window)
    qtbot.waitUntil(lambda: dock_shown(window))
    assert window.registry["toggle_annotations"].isChecked()
    window.open_document(seed_id(window.archive, "002"))  # none there: folded again
    assert not dock_shown(window)
    window.open_document(seed_id(window.archive, "001"))
    assert dock_shown(window)


def test_showing_it_keeps_it_and_is_remembered(window, qtbot, seeded, settings):
    window.open_document(seed_id(window.archive, "002"))
    assert not dock_shown(window)
    window.registry["toggle_annotations"].trigger()  # View ▸ Annotations on a document without any
    assert dock_shown(window) and not window.annotating.pane.auto_hide.isChecked()
    window.open_document(seed_id(window.archive, "003"))
    assert dock_shown(window)
    assert state.read(settings, "annotations/auto_hide") is False
    window.close()
    again = shown(qtbot, MainWindow(seeded.path, settings=settings))
    assert dock_shown(again) and not again.annotating.pane.auto_hide.isChecked()
    again.annotating.pane.auto_hide.setChecked(True)  # back to folding
    assert not dock_shown(again)
    again.runner.wait(5000)


def test_closing_it_is_remembered(window, qtbot, seeded, settings):
    window.annotating.pane.auto_hide.setChecked(False)
    assert dock_shown(window)
    window.annotating.dock.close()  # its close button
    assert not dock_shown(window) and not window.registry["toggle_annotations"].isChecked()
    assert state.read(settings, "annotations/visible") is False
    window.close()
    again = shown(qtbot, MainWindow(seeded.path, settings=settings))
    assert not dock_shown(again)
    again.registry["toggle_annotations"].trigger()
    assert dock_shown(again)
    again.runner.wait(5000)
