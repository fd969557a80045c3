"""The timeline's marker labels as laid out for a paint: where each goes, what of it is shown, whether
it crosses a reply arc. Kept by the canvas with everything the layout is made from, so a repaint of the
same markers (hovering, focus, the stale paint right after a filter change) lays nothing out again:
the layout (place_labels, elidedText) was most of a paint of a crowded month."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFontMetrics, QPainter, QPen

from .timeline_axis import LabelSlot, Marker, place_labels

ARC_CLEARANCE = 8.0  # px a label keeps from a reply arc (as from another label)
LABEL_TITLE_CHARS = 12  # a label shows its date and at least this much of the title ("Ciphered Tel…"), or is left out
SIZES_KEPT = 5_000  # label texts whose widths are kept (a repaint labels the same markers again)

Spans = Sequence[Sequence[tuple[float, float]]]


@dataclass(frozen=True)
class LaidLabel:
    """A marker's label: the marker's index, its slot, the text as shown (elided to the slot), where
    the text starts, and whether it runs over a reply arc (then it is drawn on the background)."""

    index: int
    slot: LabelSlot
    shown: str
    x: float
    over_arc: bool


class LabelSizes:
    """The markers' label texts and widths in the timeline's font, each measured once: every paint of
    the same markers measured each label twice (a rare word's 135 markers: 1.6 ms of a 7 ms paint),
    and the markers of the next query are mostly the same documents."""

    def __init__(self) -> None:
        self.fonts: object = None
        self.advances: dict[str, int] = {}  # a text's width
        self.labels: dict[tuple[str, str, bool], tuple[str, int, float]] = {}  # by date, title, year shown

    def use(self, fonts: object) -> None:
        """Measure in ``fonts`` (the font and the language the dates are said in) from now on."""
        if fonts != self.fonts or len(self.advances) > SIZES_KEPT or len(self.labels) > SIZES_KEPT:
            self.fonts, self.advances, self.labels = fonts, {}, {}

    def advance(self, metrics: QFontMetrics, text: str) -> int:
        """``text``'s width in the timeline's font (``metrics``)."""
        width = self.advances.get(text)
        if width is None:
            width = self.advances[text] = metrics.horizontalAdvance(text)
        return width

    def least(self, metrics: QFontMetrics, text: str, title: str) -> float:
        """The narrowest label worth drawing: its date and LABEL_TITLE_CHARS characters of the title
        (or all of a shorter one); "28 Sep 1950  Te…" says nothing the hover would not say better."""
        head = text[: len(text) - len(title)] if title else text
        shown = title if len(title) <= LABEL_TITLE_CHARS else title[:LABEL_TITLE_CHARS].rstrip() + "…"
        return self.advance(metrics, head + shown) + 1.0

    def of(
        self,
        markers: list[Marker],
        spans_years: bool,
        text_of: Callable[[Marker, bool], str],
        metrics: QFontMetrics,
        widest: float,
    ) -> tuple[list[str], list[float], list[float]]:
        """The markers' label texts (``text_of``), their full widths and the narrowest worth drawing
        (but never over ``widest``)."""
        texts: list[str] = []
        natural: list[float] = []
        least: list[float] = []
        for marker in markers:
            key = (marker.iso, marker.title, spans_years)
            known = self.labels.get(key)
            if known is None:
                text = text_of(marker, spans_years)
                known = self.labels[key] = (
                    text,
                    self.advance(metrics, text) + 1,
                    self.least(metrics, text, marker.title),
                )
            texts.append(known[0])
            natural.append(known[1])
            least.append(min(known[2], widest))
        return texts, natural, least


def label_rect(slot: LabelSlot, lane_height: int) -> QRectF:
    """Where a label of ``slot`` is drawn: its lane's full height."""
    return QRectF(slot.left, 6 + slot.lane * lane_height, slot.width, lane_height)


def crossing(spans: Spans) -> Callable[[int, float, float], bool]:
    """Whether a label from ``left`` to ``right`` in a lane comes near a reply arc through it (``spans``,
    the arcs' stretches per lane)."""

    def crosses(lane: int, left: float, right: float) -> bool:
        return any(low <= right + ARC_CLEARANCE and high >= left - ARC_CLEARANCE for low, high in spans[lane])

    return crosses


def lay_out(
    xs: list[float],
    texts: list[str],
    natural: list[float],
    least: list[float],
    lanes: int,
    width: int,
    must: list[int],
    always: set[int],
    spans: Spans,
    metrics: QFontMetrics,
) -> list[LaidLabel]:
    """The labels of markers at ``xs`` (full ``texts``, ``natural`` and ``least`` widths) in a canvas
    ``width`` pixels wide, placed by place_labels, each elided to its slot."""
    crosses = crossing(spans)
    slots = place_labels(xs, natural, lanes, (2.0, width - 2.0), must, least, crosses=crosses, always=always)
    laid = []
    for index, slot in slots.items():
        shown = metrics.elidedText(texts[index], Qt.TextElideMode.ElideRight, round(slot.width))
        x = slot.left if slot.rightward else slot.left + slot.width - metrics.horizontalAdvance(shown)
        laid.append(LaidLabel(index, slot, shown, x, crosses(slot.lane, slot.left, slot.left + slot.width)))
    return laid


def paint_labels(
    painter: QPainter,
    laid: list[LaidLabel],
    markers: list[Marker],
    current_id: int | None,
    thread: set[int],
    lane_height: int,
    metrics: QFontMetrics,
    palette: tuple[QColor, QColor, QColor, QColor],
) -> None:
    """Draw ``laid`` labels, each with a dotted line down to its marker; those of the selected thread
    in the accent, the selected document's in bold. ``palette``: text, muted, accent, base colours."""
    text, muted, accent, base = palette
    dotted = QPen(muted, 1, Qt.PenStyle.DotLine)  # once, not per label
    for label in laid:
        marker, slot = markers[label.index], label.slot
        box = label_rect(slot, lane_height)
        y = box.top()
        if label.over_arc:  # over an arc: on the background
            painter.fillRect(box.adjusted(-2, 0, 2, 0), base)
        painter.setPen(dotted)
        painter.drawLine(QPointF(marker.x, y + lane_height - 2), QPointF(marker.x, marker.y - 5))
        current = marker.id == current_id
        painter.setPen(accent if current or marker.id in thread else text)
        if current:  # the selected document's label in bold (setting a font is dear: only this one)
            font = painter.font()
            font.setBold(True)
            painter.setFont(font)
        painter.drawText(QPointF(label.x, y + metrics.ascent()), label.shown)
        if current:
            font.setBold(False)
            painter.setFont(font)
