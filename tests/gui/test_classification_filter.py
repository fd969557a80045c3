"""The Classification filter offers each marking once, with its spellings as written in the tooltip,
and choosing it lists the documents of every spelling."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import QApplication, QToolTip

from .helpers import listed_keys


def _entries(combo) -> list[str]:
    return [combo.itemText(i) for i in range(combo.count())]


# a popup asks the window system to raise it and grab the keyboard; the offscreen platform has none
@pytest.mark.qt_log_ignore("does not support grabbing the keyboard", "does not support raise")
def test_top_secret_is_one_entry_with_both_spellings(qtbot, window, screenshots):
    window.resize(1024, 600)
    combo = window.filter_bar.combos["classification"]
    assert _entries(combo) == ["Any", "Top Secret (2)", "Strictly Secret (1)"]
    tip = combo.itemData(combo.findData("Top Secret"), Qt.ItemDataRole.ToolTipRole)
    assert "Top Secret (1)" in tip and "Top Secret (СОВ. СЕКРЕТНО) (1)" in tip and "2 documents" in tip
    combo.setCurrentIndex(combo.findData("Top Secret"))
    combo.activated.emit(combo.currentIndex())
    assert listed_keys(window) == ["001", "004"]
    assert _entries(combo)[combo.currentIndex()] == "Top Secret (2)"
    # the popup drawn over the window, as a person sees it
    combo.showPopup()
    popup = combo.view().window()
    qtbot.waitUntil(popup.isVisible)
    view = combo.view()
    item = view.visualRect(combo.model().index(combo.findData("Top Secret"), 0))
    QToolTip.showText(view.viewport().mapToGlobal(item.bottomRight()), tip, view)
    shown = [w for w in QApplication.topLevelWidgets() if w.inherits("QTipLabel") and w.isVisible()]
    assert shown and "СОВ. СЕКРЕТНО" in shown[0].text()
    picture = window.grab()
    painter = QPainter(picture)
    origin = window.mapToGlobal(QPoint(0, 0))
    for widget in (popup, shown[0]):
        painter.drawPixmap(widget.mapToGlobal(QPoint(0, 0)) - origin, widget.grab())
    painter.end()
    QToolTip.hideText()
    picture.save(str(screenshots / "classification-filter-1024x600.png"))
    combo.hidePopup()


def test_a_spelling_chosen_elsewhere_selects_its_group(qtbot, window):
    bar = window.filter_bar
    assert bar.choose("classification", "Top Secret (СОВ. СЕКРЕТНО)")
    assert bar.filters().classification == "Top Secret"
    assert listed_keys(window) == ["001", "004"]
    assert bar.choose("classification", "СТРОГО СЕКРЕТНО")
    assert listed_keys(window) == ["003"]
