"""Search hits are painted in their own colour, far from every annotation colour."""

from __future__ import annotations

from PySide6.QtGui import QColor

from viewer.core.annotations import COLORS, color_hex
from viewer.gui.text_view import HIT_BACKGROUND

from .helpers import seed_id


def distance(a: QColor, b: QColor) -> float:
    return ((a.red() - b.red()) ** 2 + (a.green() - b.green()) ** 2 + (a.blue() - b.blue()) ** 2) ** 0.5


def test_hits_unlike_every_annotation_colour(window, qtbot):
    for name in COLORS:
        assert distance(HIT_BACKGROUND, QColor(color_hex(name))) >= 120, name
    window.filter_bar.set_query("Mao")
    window.open_document(seed_id(window.archive, "004"))
    window.panel.show_tab("transcript")
    view = window.panel.transcript.single
    qtbot.waitUntil(lambda: bool(view.extraSelections()))
    painted = {s.format.background().color().name() for s in view.extraSelections()}
    assert HIT_BACKGROUND.name() in painted
