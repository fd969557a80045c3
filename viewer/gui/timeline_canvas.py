"""The timeline's canvas: where a day is drawn, and the painting of the axis, the brush, the
histogram bars, the markers with their labels and the reply arcs.

``Timeline`` (timeline.py) fills in what is drawn (the view, markers or counts) from the archive;
this class only turns that state into pixels.
"""

from __future__ import annotations

import math
from datetime import date

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFontMetrics, QPainter, QPainterPath, QPainterPathStroker, QPalette, QPen
from PySide6.QtWidgets import QWidget

from ..core.dates import date_of_day, day_of
from . import i18n
from .counts import counts
from .timeline_axis import PAD, LabelSlot, Marker, day_month, ticks
from .timeline_labels import LABEL_TITLE_CHARS as LABEL_TITLE_CHARS  # said here too: the canvas's rule
from .timeline_labels import LabelSizes, LaidLabel, label_rect, lay_out, paint_labels
from .timeline_links import Link, LinkGraph, arc_runs, link_words, undated

MIN_ARC = 26.0  # px: a reply arc is never flatter, however close its two days
ARC_SPREAD = 28.0  # px: arcs between near markers bulge out to at least this width
LAYOUTS_KEPT = 4  # label layouts kept: a query cleared or a word deleted shows the markers of one before
ARC_RUNS_KEPT = 2000  # arcs whose stretches through the label lanes are kept (arc_spans)


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
        self.arcs: list[tuple[QPainterPath, int, int, str]] = []  # as last painted, for hovering
        self.labelled: dict[int, LabelSlot] = {}  # document id -> where its label was painted
        self._arc_runs: dict[tuple[object, ...], list[list[tuple[float, float]]]] = {}  # arc_spans, by arc shape
        self._sizes = LabelSizes()  # the labels' texts and widths, measured once
        self._laid: dict[tuple[object, ...], list[LaidLabel]] = {}  # the last label layouts, by their inputs
        self._graph = LinkGraph([])

    def links(self) -> list[Link]:
        """Reply links (source, target, relation) drawn as arcs between markers; none on a bare canvas.
        The same list until they change (the graph is kept while it is)."""
        return self._graph.links

    def link_graph(self) -> LinkGraph:
        """The links indexed by document, built again only when ``links()`` gives another list."""
        links = self.links()
        if links is not self._graph.links:
            self._graph = LinkGraph(links)
        return self._graph

    def hover_text(self, point: QPointF) -> str | None:
        """What the pointer is over, as plain text: a document with the documents linked to it, or a
        reply arc with the two documents it joins."""
        marker = self.marker_at(point)
        if marker is not None:
            lines = [self.describe(marker.id)]
            for source, target, relation in self.link_graph().touching(marker.id):
                outgoing = source == marker.id
                words = link_words(relation, outgoing)
                lines.append(f"{words}: {self.describe(target if outgoing else source)}")
            return "\n".join(lines)
        stroker = QPainterPathStroker()
        stroker.setWidth(8)
        for path, source, target, relation in reversed(self.arcs):
            if stroker.createStroke(path).contains(point):
                words = link_words(relation, True)
                return f"{self.describe(source)}\n{words}\n{self.describe(target)}"
        return None

    def marker_at(self, point: QPointF) -> Marker | None:
        """The marker under ``point`` (within 7 px), the nearest if several."""
        best, distance = None, 7.0
        for marker in self.markers:
            d = math.hypot(marker.x - point.x(), marker.y - point.y())
            if d <= distance:
                best, distance = marker, d
        return best

    def _marker(self, document_id: int) -> Marker | None:
        return next((m for m in self.markers if m.id == document_id), None)

    def describe(self, document_id: int) -> str:
        """The date and title of a document on screen (Timeline also finds those off screen)."""
        marker = self._marker(document_id)
        return self.dated(marker.iso, marker.title) if marker else "?"

    @staticmethod
    def dated(iso: str | None, title: str) -> str:
        """A document as the hover names it: its date (or that it has none) and its title."""
        return f"{iso or undated()} — {title}"

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

    def label_lanes(self) -> tuple[int, int]:
        """(number of label lanes, lane height): up to six lanes above the markers, at least two."""
        lane_height = QFontMetrics(self.font()).height() + 2
        return min(max(2, int((self.axis_y() - 40) // lane_height)), 6), lane_height

    def _layout_markers(self) -> None:
        """Markers on their day; markers of the same few pixels stacked upwards, but never into the
        label lanes (a crowded stack then overlaps at its top)."""
        lanes, lane_height = self.label_lanes()
        base = self.marker_y()  # once: it measures the font
        levels = max(1, int((base - 6 - (6 + lanes * lane_height)) // 9) + 1)
        same_day: dict[int, int] = {}
        for marker in self.markers:
            marker.x = self.x_of_day(marker.day + 0.5)
            column = int(marker.x // 3)
            stack = same_day.get(column, 0)
            same_day[column] = stack + 1
            marker.y = base - min(stack, levels - 1) * 9

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
                QRectF(0, 0, self.width(), axis_y), Qt.AlignmentFlag.AlignCenter, self.tr("No dated documents here")
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
        # the bars drawn in one call, their geometry worked out here: a fillRect and two x_of_day calls
        # per bar cost a few milliseconds of every paint after a keystroke
        step = days / len(self.counts) / max(self.end - self.start, 1e-9) * self.plot_width()
        first = self.x_of_day(self.start)
        bars = []
        for number, count in enumerate(self.counts):
            if count:
                h = max(2.0, height * math.sqrt(count / top))
                bars.append(QRectF(first + number * step, axis_y - h, max(step - 1, 1), h))
        painter.save()
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(bar)
        painter.drawRects(bars)
        painter.restore()
        painter.setPen(text)
        painter.drawText(QRectF(PAD, 2, self.width() - 2 * PAD, 16), Qt.AlignmentFlag.AlignRight, counts().per_bar(top))

    def selected_thread(self) -> set[int]:
        """The documents linked to the selected one, directly or through others (its thread)."""
        return set(self.link_graph().thread(self.current_id)) if self.current_id is not None else set()

    def label_text(self, marker: Marker, spans_years: bool | None = None) -> str:
        """Date and title; the year too when the view spans more than one year (``spans_years``,
        worked out here unless a paint, labelling every marker, did it once)."""
        if not marker.iso:
            return marker.title
        day = date.fromisoformat(marker.iso[:10])
        if spans_years is None:
            spans_years = date_of_day(self.start).year != date_of_day(max(self.end - 1, self.start)).year
        when = day_month(day.day, day.month) + (f" {day.year}" if spans_years else "")
        return f"{when}  {marker.title}"

    def label_rect(self, slot: LabelSlot) -> QRectF:
        """Where a label of ``slot`` is drawn (its lane's full height)."""
        return label_rect(slot, self.label_lanes()[1])

    def arc_spans(self) -> list[list[tuple[float, float]]]:
        """For each label lane, the stretches of x where a reply arc (as last painted) runs through it;
        kept by arc shape, since sampling an arc (pointAtPercent) was most of a paint's time."""
        lanes, lane_height = self.label_lanes()
        spans: list[list[tuple[float, float]]] = [[] for _ in range(lanes)]
        if len(self._arc_runs) > ARC_RUNS_KEPT:
            self._arc_runs.clear()
        for path, *_ in self.arcs:
            key = (tuple((e.x, e.y) for e in map(path.elementAt, range(path.elementCount()))), lanes, lane_height)
            runs = self._arc_runs.get(key)
            if runs is None:
                runs = self._arc_runs[key] = arc_runs(path, lanes, lane_height)
            for lane, found in enumerate(runs):
                spans[lane] += found
        return spans

    def arc_path(self, a: Marker, b: Marker) -> QPainterPath:
        """A reply arc from marker to marker, never flatter than MIN_ARC px however close the two
        days are: near markers get a loop wide enough to see around them."""
        left, right = (a, b) if a.x <= b.x else (b, a)
        rise = min(max((right.x - left.x) * 0.5, MIN_ARC), max(self.axis_y() - 24, MIN_ARC))
        # control points pushed outward by s widen a near-vertical loop by about 0.58 s
        spread = max(0.0, (ARC_SPREAD - (right.x - left.x)) / 0.58)
        lift = rise / 0.75  # a cubic's control points stand a third above its peak
        ends = QPointF(left.x, left.y - 5), QPointF(right.x, right.y - 5)
        arc = QPainterPath(ends[0])
        arc.cubicTo(
            QPointF(left.x - spread, ends[0].y() - lift),
            QPointF(right.x + spread, ends[1].y() - lift),
            ends[1],
        )
        return arc

    def _paint_markers(
        self, painter: QPainter, metrics: QFontMetrics, text: QColor, muted: QColor, accent: QColor
    ) -> None:
        # reply arcs first, under the markers: the selected document's thread on top, in the accent
        positions = {m.id: m for m in self.markers}
        thread = self.selected_thread()
        self.arcs = []
        painter.setBrush(Qt.BrushStyle.NoBrush)
        drawn = []
        graph = self.link_graph()
        for source, target, relation in (
            link for m in self.markers for link in graph.touching(m.id) if link[0] == m.id
        ):
            a, b = positions.get(source), positions.get(target)
            if a is not None and b is not None:
                drawn.append((source in thread and target in thread, source, target, relation, self.arc_path(a, b)))
        for in_thread, source, target, relation, path in sorted(drawn, key=lambda item: item[0]):
            painter.setPen(QPen(accent if in_thread else muted, 2.5 if in_thread else 1.5))
            painter.drawPath(path)
            self.arcs.append((path, source, target, relation))
        self._paint_labels(painter, metrics, text, muted, accent, thread)
        # the pens and brushes made once, not per marker (whose order of painting is kept)
        brushes = QBrush(self.palette().color(QPalette.ColorRole.Button)), QBrush(accent)  # by current
        pens = {  # by (linked, current)
            (False, False): QPen(text, 1),
            (False, True): QPen(text, 1),
            (True, False): QPen(accent, 1.5),
            (True, True): QPen(text, 1.5),
        }
        focus = self.focus_index if self.hasFocus() else None
        for number, marker in enumerate(self.markers):
            current = marker.id == self.current_id
            radius = 6.0 if current else 4.0
            painter.setPen(pens[marker.id in thread, current])
            painter.setBrush(brushes[current])
            painter.drawEllipse(QPointF(marker.x, marker.y), radius, radius)
            if number == focus:
                painter.setBrush(Qt.BrushStyle.NoBrush)
                painter.setPen(QPen(accent, 2, Qt.PenStyle.DashLine))
                painter.drawEllipse(QPointF(marker.x, marker.y), radius + 4, radius + 4)

    def _paint_labels(
        self, painter: QPainter, metrics: QFontMetrics, text: QColor, muted: QColor, accent: QColor, thread: set[int]
    ) -> None:
        """Labels in lanes, never overlapping, using the room there is, clear of the reply arcs; the
        selected document (always labelled: over an arc on the background if need be), the focused
        one, the selected thread, the first and the last are placed first. A marker with no room
        for a label that says something (LabelSizes.least) goes without: its title is in its tooltip.
        The layout is made again only when what it is made from changed (timeline_labels)."""
        lanes, lane_height = self.label_lanes()
        fonts = (self.font().key(), i18n.current())  # what the texts and their widths depend on
        self._sizes.use(fonts)
        spans_years = date_of_day(self.start).year != date_of_day(max(self.end - 1, self.start)).year
        must = [i for i, m in enumerate(self.markers) if m.id == self.current_id]
        if self.hasFocus() and self.focus_index is not None:
            must.append(self.focus_index)
        always = set(must)
        must += [i for i, m in enumerate(self.markers) if m.id in thread]
        must += [0, len(self.markers) - 1]
        spans = self.arc_spans()
        key = (
            tuple((m.id, m.x, m.iso, m.title) for m in self.markers),
            (fonts, spans_years, self.width(), lanes, lane_height),
            tuple(must),
            tuple(sorted(always)),
            tuple(map(tuple, spans)),
        )
        laid = self._laid.pop(key, None)  # put back last: the layouts kept are the latest used
        if laid is None:
            texts, natural, least = self._sizes.of(
                self.markers, spans_years, self.label_text, metrics, self.width() / 3
            )
            xs = [m.x for m in self.markers]
            laid = lay_out(xs, texts, natural, least, lanes, self.width(), must, always, spans, metrics)
            if len(self._laid) >= LAYOUTS_KEPT:
                del self._laid[next(iter(self._laid))]
        self._laid[key] = laid
        self.labelled = {self.markers[label.index].id: label.slot for label in laid}
        palette = text, muted, accent, self.palette().color(QPalette.ColorRole.Base)
        paint_labels(painter, laid, self.markers, self.current_id, thread, lane_height, metrics, palette)
