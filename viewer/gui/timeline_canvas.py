"""The timeline's canvas: where a day is drawn, and the painting of the axis, the brush, the
histogram bars, the markers with their labels and the reply arcs.

``Timeline`` (timeline.py) fills in what is drawn (the view, markers or counts) from the archive;
this class only turns that state into pixels.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFontMetrics, QPainter, QPainterPath, QPalette, QPen
from PySide6.QtWidgets import QWidget

from ..core.dates import day_of
from .timeline_axis import PAD, Marker, ticks


class TimelineCanvas(QWidget):
    """The geometry and painting of a timeline; the state it draws is set by a subclass."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.start, self.end = 0.0, 1.0
        self.current_id: int | None = None
        self.current_day: float | None = None
        self.focus_index: int | None = None
        self.brush: tuple[float, float] | None = None
        self.markers: list[Marker] = []
        self.counts: list[int] = []
        self.mode = "empty"

    def links(self) -> list[tuple[int, int, str]]:
        """Reply links (source, target, relation) drawn as arcs between markers; none on a bare canvas."""
        return []

    # -- geometry -----------------------------------------------------------------------------

    def plot_width(self) -> float:
        return max(self.width() - 2 * PAD, 10)

    def axis_y(self) -> float:
        return self.height() - self._axis_height()

    def _axis_height(self) -> int:
        return QFontMetrics(self.font()).height() + 12

    def _hist_end(self) -> float:
        return math.ceil(self.end) - 1 if math.ceil(self.end) - 1 > self.start else self.start

    def x_of_day(self, day: float) -> float:
        return PAD + (day - self.start) / max(self.end - self.start, 1e-9) * self.plot_width()

    def x_of(self, iso: str) -> float:
        """Where a date's day is drawn (its middle), for tests and the brush."""
        found = day_of(iso)
        return self.x_of_day((found or 0.0) + 0.5)

    def day_at(self, x: float) -> float:
        return self.start + (x - PAD) / self.plot_width() * (self.end - self.start)

    def marker_y(self) -> float:
        return self.axis_y() - 10

    def _layout_markers(self) -> None:
        same_day: dict[int, int] = {}
        for marker in self.markers:
            marker.x = self.x_of_day(marker.day + 0.5)
            column = int(marker.x // 3)
            stack = same_day.get(column, 0)
            same_day[column] = stack + 1
            marker.y = self.marker_y() - stack * 9

    # -- painting -----------------------------------------------------------------------------

    def paintEvent(self, _event) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        palette = self.palette()
        base = palette.color(QPalette.ColorRole.Base)
        text = palette.color(QPalette.ColorRole.Text)
        muted = palette.color(QPalette.ColorRole.PlaceholderText)
        accent = palette.color(QPalette.ColorRole.Highlight)
        painter.fillRect(self.rect(), base)
        axis_y = self.axis_y()
        metrics = QFontMetrics(self.font())

        if self.brush:
            left, right = self.x_of_day(min(self.brush)), self.x_of_day(max(self.brush))
            band = QColor(accent)
            band.setAlpha(50)
            painter.fillRect(QRectF(left, 0, max(right - left, 1), self.height()), band)
            painter.setPen(QPen(accent, 1))
            painter.drawLine(QPointF(left, 0), QPointF(left, self.height()))
            painter.drawLine(QPointF(right, 0), QPointF(right, self.height()))

        # axis and ticks
        painter.setPen(QPen(muted, 1))
        painter.drawLine(QPointF(PAD, axis_y), QPointF(self.width() - PAD, axis_y))
        for day, label in ticks(self.start, self.end, self.plot_width()):
            x = self.x_of_day(day)
            if x < PAD - 1 or x > self.width() - PAD + 1:
                continue
            painter.setPen(QPen(muted, 1))
            painter.drawLine(QPointF(x, axis_y), QPointF(x, axis_y + 4))
            painter.setPen(text)
            painter.drawText(QPointF(x + 2, axis_y + 4 + metrics.ascent()), label)

        if self.mode == "histogram":
            self._paint_histogram(painter, axis_y, accent, text)
        elif self.mode == "markers":
            self._paint_markers(painter, metrics, text, muted, accent)
        else:
            painter.setPen(muted)
            painter.drawText(
                QRectF(0, 0, self.width(), axis_y), Qt.AlignmentFlag.AlignCenter, "No dated documents here"
            )

        if self.current_day is not None and self.mode != "markers":
            x = self.x_of_day(self.current_day + 0.5)
            painter.setPen(QPen(accent, 2))
            painter.drawLine(QPointF(x, 4), QPointF(x, axis_y))

        if self.hasFocus():
            pen = QPen(accent, 2)
            painter.setPen(pen)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRect(QRectF(self.rect()).adjusted(1, 1, -1, -1))
        painter.end()

    def _paint_histogram(self, painter: QPainter, axis_y: float, accent: QColor, text: QColor) -> None:
        if not self.counts:
            return
        top = max(self.counts) or 1
        height = axis_y - 18
        days = self._hist_end() + 1 - self.start
        # an opaque colour, mixed here: alpha-blended fills cost ten times more to paint
        base = self.palette().color(QPalette.ColorRole.Base)
        mix = 170 / 255
        bar = QColor(
            round(accent.red() * mix + base.red() * (1 - mix)),
            round(accent.green() * mix + base.green() * (1 - mix)),
            round(accent.blue() * mix + base.blue() * (1 - mix)),
        )
        bins = len(self.counts)
        for number, count in enumerate(self.counts):
            if not count:
                continue
            left = self.x_of_day(self.start + number * days / bins)
            right = self.x_of_day(self.start + (number + 1) * days / bins)
            h = max(2.0, height * math.sqrt(count / top))
            painter.fillRect(QRectF(left, axis_y - h, max(right - left - 1, 1), h), bar)
        painter.setPen(text)
        painter.drawText(
            QRectF(PAD, 2, self.width() - 2 * PAD, 16), Qt.AlignmentFlag.AlignRight, f"up to {top:,} documents per bar"
        )

    def _paint_markers(
        self, painter: QPainter, metrics: QFontMetrics, text: QColor, muted: QColor, accent: QColor
    ) -> None:
        # reply arcs first, under the markers
        positions = {m.id: m for m in self.markers}
        arc = QColor(muted)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        for source, target, _relation in self.links():
            a, b = positions.get(source), positions.get(target)
            if a is None or b is None:
                continue
            left, right = (a, b) if a.x <= b.x else (b, a)
            rise = min(max((right.x - left.x) * 0.5, 14), self.axis_y() - 20)
            path = QPainterPath(QPointF(left.x, left.y - 4))
            path.cubicTo(
                QPointF(left.x, left.y - rise), QPointF(right.x, right.y - rise), QPointF(right.x, right.y - 4)
            )
            painter.setPen(QPen(accent if self.current_id in (source, target) else arc, 1.5))
            painter.drawPath(path)
        # labels in lanes, never overlapping: the first lane with room, else none
        lane_height = metrics.height() + 2
        lanes = max(1, int((self.axis_y() - 24) // lane_height))
        lanes = min(lanes, 6)
        lane_end = [-1e9] * lanes
        for marker in sorted(self.markers, key=lambda m: m.x):
            label = f"{marker.iso[5:10] if marker.iso else ''} {marker.title}"
            label = metrics.elidedText(label, Qt.TextElideMode.ElideRight, 170)
            width = metrics.horizontalAdvance(label)
            for lane in range(lanes):
                if lane_end[lane] < marker.x - 2 and marker.x + width < self.width():
                    y = 6 + lane * lane_height
                    lane_end[lane] = marker.x + width + 8
                    painter.setPen(QPen(muted, 1, Qt.PenStyle.DotLine))
                    painter.drawLine(QPointF(marker.x, y + lane_height - 2), QPointF(marker.x, marker.y - 5))
                    painter.setPen(accent if marker.id == self.current_id else text)
                    painter.drawText(QPointF(marker.x + 3, y + metrics.ascent()), label)
                    break
        for number, marker in enumerate(self.markers):
            current = marker.id == self.current_id
            radius = 6.0 if current else 4.0
            painter.setPen(QPen(text, 1))
            painter.setBrush(accent if current else self.palette().color(QPalette.ColorRole.Button))
            painter.drawEllipse(QPointF(marker.x, marker.y), radius, radius)
            if self.hasFocus() and number == self.focus_index:
                painter.setBrush(Qt.BrushStyle.NoBrush)
                painter.setPen(QPen(accent, 2, Qt.PenStyle.DashLine))
                painter.drawEllipse(QPointF(marker.x, marker.y), radius + 4, radius + 4)
