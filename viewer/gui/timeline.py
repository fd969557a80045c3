"""The timeline: a date axis from decades to days, a histogram where documents are dense and a
labelled marker per document where they are sparse, reply arcs, a brush that filters the list.

Counts come from ``Archive.date_histogram`` per view and are cached, so 100,000 documents cost one
GROUP BY per zoom step instead of 100,000 drawn ticks. Markers appear only when the visible range
holds few documents (``MARKER_LIMIT``).
"""

from __future__ import annotations

import math
from dataclasses import dataclass, replace
from datetime import date

from PySide6.QtCore import QEvent, QPoint, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QFontMetrics, QKeyEvent, QMouseEvent, QPainter, QPainterPath, QPalette, QPen
from PySide6.QtWidgets import QHBoxLayout, QLabel, QSizePolicy, QToolButton, QVBoxLayout, QWidget

from ..core.store import Archive, Filters

MARKER_LIMIT = 200
BAR_PX = 5
MIN_SPAN_DAYS = 7.0
MAX_SPAN_DAYS = 366.0 * 600
PAD = 16
MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def day_of(iso: str | None) -> float | None:
    """A date as a day number (proleptic ordinal), or None when absent or unreadable."""
    if not iso:
        return None
    try:
        return float(date.fromisoformat(iso[:10]).toordinal())
    except ValueError:
        return None


def iso_of(day: float) -> str:
    day = min(max(math.floor(day), 1), date.max.toordinal())
    return date.fromordinal(day).isoformat()


@dataclass
class Marker:
    id: int
    key: str
    day: float
    iso: str
    title: str
    x: float = 0.0
    y: float = 0.0


def _add_months(value: date, months: int) -> date:
    total = value.year * 12 + value.month - 1 + months
    return date(total // 12, total % 12 + 1, 1)


def ticks(start: float, end: float, width: float, min_gap: float = 90.0) -> list[tuple[float, str]]:
    """Tick days and labels for the visible range; the unit adapts from decades to days."""
    span = max(end - start, 1e-6)
    per_px = span / max(width, 1.0)
    want = per_px * min_gap  # days between ticks at least
    first = date.fromordinal(min(max(int(start), 1), date.max.toordinal()))
    last_day = min(int(end) + 1, date.max.toordinal())
    result: list[tuple[float, str]] = []
    if want <= 1:
        step = 1
    elif want <= 7:
        step = 7
    else:
        step = 0
    if step:
        day = int(start)
        if step == 7:
            day -= date.fromordinal(max(day, 1)).weekday()
        while day <= last_day:
            if day >= max(start, 1):
                value = date.fromordinal(day)
                label = f"{value.day} {MONTHS[value.month - 1]}"
                if value.day <= step or not result:
                    label += f" {value.year}"
                result.append((float(day), label))
            day += step
        return result
    for months in (1, 3, 6):
        if want <= months * 30.5:
            value = date(first.year, ((first.month - 1) // months) * months + 1, 1)
            while value.toordinal() <= last_day:
                if value.toordinal() < start:
                    value = _add_months(value, months)
                    continue
                label = MONTHS[value.month - 1] + (f" {value.year}" if value.month == 1 or not result else "")
                result.append((float(value.toordinal()), label))
                if value.year >= 9999 and value.month + months > 12:
                    break
                value = _add_months(value, months)
            return result
    years = next((y for y in (1, 2, 5, 10, 20, 50, 100, 200, 500, 1000) if want <= y * 365.25), 1000)
    year = max(1, (first.year // years) * years)
    while year <= 9999 and date(year, 1, 1).toordinal() <= last_day:
        label = f"{year}s" if years >= 10 and year % 10 == 0 else str(year)
        if year >= first.year or year == 1:
            result.append((float(date(year, 1, 1).toordinal()), label))
        year += years
    return result


class Timeline(QWidget):
    """Signals: document_activated(int) when a marker is clicked or Enter pressed on it;
    range_selected(object, object) with ISO from/to after a brush, or (None, None) when cleared;
    view_changed() after zoom or pan."""

    document_activated = Signal(int)
    range_selected = Signal(object, object)
    view_changed = Signal()

    def __init__(self, archive: Archive, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("timeline")
        self.setAccessibleName("Timeline")
        self.setToolTip(
            "Documents by date. Wheel or +/− zooms, drag pans, drag along the axis (or Shift+drag) "
            "selects a date range, arrows move between documents, Enter opens one"
        )
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setMouseTracking(True)
        self.setMinimumHeight(110)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.grabGesture(Qt.GestureType.PinchGesture)
        self.archive = archive
        self.filters = Filters()
        self.start, self.end = 0.0, 1.0
        self.current_id: int | None = None
        self.current_day: float | None = None
        self.focus_index: int | None = None
        self.brush: tuple[float, float] | None = None
        self.markers: list[Marker] = []
        self.counts: list[int] = []
        self.mode = "empty"
        self._cache_key: tuple | None = None
        self._links: list[tuple[int, int, str]] | None = None
        self._press: QPointF | None = None
        self._press_kind = ""
        self._press_view = (0.0, 1.0)
        self._press_marker: Marker | None = None
        self.histogram_queries = 0
        self.fit_all()

    # -- data ---------------------------------------------------------------------------------

    def set_archive(self, archive: Archive) -> None:
        self.archive = archive
        self._links = None
        self.brush = None
        self.invalidate()
        self.fit_all()

    def set_filters(self, filters: Filters) -> None:
        """The list's filters without its date range: the timeline shows what the brush can pick from."""
        self.filters = replace(filters, date_from=None, date_to=None)
        self.invalidate()

    def invalidate(self) -> None:
        self._cache_key = None
        self._links = None
        self.update()

    def links(self) -> list[tuple[int, int, str]]:
        if self._links is None:
            self._links = self.archive.all_links()
        return self._links

    def plot_width(self) -> float:
        return max(self.width() - 2 * PAD, 10)

    def axis_y(self) -> float:
        return self.height() - self._axis_height()

    def _axis_height(self) -> int:
        return QFontMetrics(self.font()).height() + 12

    def _ensure_data(self) -> None:
        key = (repr(self.filters), round(self.start, 3), round(self.end, 3), self.width(), self.height())
        if key == self._cache_key:
            return
        self._cache_key = key
        first, last = iso_of(self.start), iso_of(self.end)
        rows = self.archive.dated_documents(first, last, self.filters, limit=MARKER_LIMIT + 1)
        if not rows:
            self.mode, self.markers, self.counts = "empty", [], []
        elif len(rows) <= MARKER_LIMIT:
            self.mode, self.counts = "markers", []
            self.markers = [
                Marker(r["id"], r["key"], day_of(r["date_start"]) or 0.0, r["date_start"], r["title"] or r["key"])
                for r in rows
            ]
            self._layout_markers()
        else:
            self.mode, self.markers = "histogram", []
            bins = max(1, int(self.plot_width() // BAR_PX))
            self.counts = self.archive.date_histogram(bins, iso_of(self.start), iso_of(self._hist_end()), self.filters)
            self.histogram_queries += 1
        if self.focus_index is not None and self.focus_index >= len(self.markers):
            self.focus_index = None

    def _hist_end(self) -> float:
        return math.ceil(self.end) - 1 if math.ceil(self.end) - 1 > self.start else self.start

    # -- geometry -----------------------------------------------------------------------------

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

    def marker_position(self, document_id: int) -> QPoint | None:
        self._ensure_data()
        for marker in self.markers:
            if marker.id == document_id:
                return QPoint(round(marker.x), round(marker.y))
        return None

    def marker_at(self, point: QPointF) -> Marker | None:
        self._ensure_data()
        best, distance = None, 7.0
        for marker in self.markers:
            d = math.hypot(marker.x - point.x(), marker.y - point.y())
            if d <= distance:
                best, distance = marker, d
        return best

    # -- the view -----------------------------------------------------------------------------

    def set_view(self, start: float, end: float) -> None:
        span = min(max(end - start, MIN_SPAN_DAYS), MAX_SPAN_DAYS)
        middle = (start + end) / 2
        start, end = middle - span / 2, middle + span / 2
        if start < 1:
            start, end = 1.0, 1.0 + span
        if end > date.max.toordinal():
            start, end = date.max.toordinal() - span, float(date.max.toordinal())
        if (start, end) != (self.start, self.end):
            self.start, self.end = start, end
            self.update()
            self.view_changed.emit()

    def fit_all(self) -> None:
        first, last = (day_of(d) for d in self.archive.date_span())
        if first is None or last is None:
            today = float(date.today().toordinal())
            self.set_view(today - 365, today + 1)
            return
        span = max(last + 1 - first, MIN_SPAN_DAYS)
        margin = span * 0.04 + 1
        self.set_view(first - margin, last + 1 + margin)

    def zoom(self, factor: float, anchor_x: float | None = None) -> None:
        """factor > 1 zooms in, around anchor_x (the middle by default)."""
        anchor = self.day_at(anchor_x) if anchor_x is not None else (self.start + self.end) / 2
        span = min(max((self.end - self.start) / factor, MIN_SPAN_DAYS), MAX_SPAN_DAYS)
        ratio = (anchor - self.start) / max(self.end - self.start, 1e-9)
        self.set_view(anchor - span * ratio, anchor - span * ratio + span)

    def pan_days(self, days: float) -> None:
        self.set_view(self.start + days, self.end + days)

    def set_current(self, document_id: int | None, iso: str | None) -> None:
        """Highlight the open document and keep it in view."""
        self.current_id = document_id
        self.current_day = day_of(iso)
        if self.current_day is not None and not (self.start <= self.current_day <= self.end):
            half = (self.end - self.start) / 2
            self.set_view(self.current_day - half, self.current_day + half)
        self._ensure_data()
        for number, marker in enumerate(self.markers):
            if marker.id == document_id:
                self.focus_index = number
        self.update()

    def select_range(self, start_iso: str | None, end_iso: str | None) -> None:
        a, b = day_of(start_iso), day_of(end_iso)
        self.brush = (a, b + 1) if a is not None and b is not None else None
        self.update()
        self.range_selected.emit(start_iso if self.brush else None, end_iso if self.brush else None)

    def clear_range(self) -> None:
        if self.brush is not None:
            self.brush = None
            self.update()
            self.range_selected.emit(None, None)

    # -- painting -----------------------------------------------------------------------------

    def paintEvent(self, _event) -> None:
        self._ensure_data()
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

    # -- mouse, wheel, pinch, keys ------------------------------------------------------------

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() != Qt.MouseButton.LeftButton:
            return
        point = event.position()
        self._press = point
        self._press_view = (self.start, self.end)
        self._press_marker = self.marker_at(point)
        shift = bool(event.modifiers() & Qt.KeyboardModifier.ShiftModifier)
        if shift or (point.y() >= self.axis_y() - 2 and self._press_marker is None):
            self._press_kind = "brush"
            day = self.day_at(point.x())
            self.brush = (day, day)
        else:
            self._press_kind = "pan"
        event.accept()

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        point = event.position()
        if self._press is None:
            marker = self.marker_at(point)
            self.setCursor(Qt.CursorShape.PointingHandCursor if marker else Qt.CursorShape.ArrowCursor)
            self.setToolTip(f"{marker.iso} — {marker.title}" if marker else self.toolTip().split("\n")[0])
            return
        if self._press_kind == "brush" and self.brush:
            self.brush = (self.brush[0], self.day_at(point.x()))
            self.update()
        elif self._press_kind == "pan" and abs(point.x() - self._press.x()) > 3:
            start, end = self._press_view
            shift = (point.x() - self._press.x()) / self.plot_width() * (end - start)
            self.set_view(start - shift, end - shift)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if self._press is None:
            return
        point = event.position()
        moved = abs(point.x() - self._press.x()) > 3
        kind, marker = self._press_kind, self._press_marker
        self._press, self._press_kind, self._press_marker = None, "", None
        if kind == "brush" and self.brush:
            if not moved:
                self.clear_range()
                return
            a, b = sorted(self.brush)
            first, last = iso_of(a), iso_of(b)
            self.brush = (day_of(first) or a, (day_of(last) or b) + 1)
            self.update()
            self.range_selected.emit(first, last)
        elif kind == "pan" and not moved and marker is not None:
            self.focus_index = self.markers.index(marker) if marker in self.markers else None
            self.document_activated.emit(marker.id)

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        if self.marker_at(event.position()) is None:
            self.zoom(2.0, event.position().x())

    def wheelEvent(self, event) -> None:
        delta = event.angleDelta().y() or event.angleDelta().x()
        if delta:
            self.zoom(1.2 ** (delta / 120), event.position().x())
        event.accept()

    def event(self, event: QEvent) -> bool:
        native = QEvent.Type.NativeGesture
        if event.type() == native and event.gestureType() == Qt.NativeGestureType.ZoomNativeGesture:
            self.zoom(1 + event.value(), event.position().x())
            return True
        if event.type() == QEvent.Type.Gesture:
            pinch = event.gesture(Qt.GestureType.PinchGesture)
            if pinch is not None:
                self.zoom(pinch.scaleFactor(), self.mapFromGlobal(pinch.centerPoint().toPoint()).x())
                return True
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        self._ensure_data()
        if key in (Qt.Key.Key_Plus, Qt.Key.Key_Equal):
            self.zoom(1.5)
        elif key in (Qt.Key.Key_Minus, Qt.Key.Key_Underscore):
            self.zoom(1 / 1.5)
        elif key in (Qt.Key.Key_Home, Qt.Key.Key_0):
            self.fit_all()
        elif key == Qt.Key.Key_Escape:
            self.clear_range()
        elif key in (Qt.Key.Key_Left, Qt.Key.Key_Right):
            step = -1 if key == Qt.Key.Key_Left else 1
            if self.mode == "markers" and self.markers:
                if self.focus_index is None:
                    self.focus_index = 0 if step > 0 else len(self.markers) - 1
                else:
                    self.focus_index = min(max(self.focus_index + step, 0), len(self.markers) - 1)
                marker = self.markers[self.focus_index]
                self.setAccessibleDescription(f"{marker.iso} {marker.title}")
                self.update()
            else:
                self.pan_days(step * (self.end - self.start) / 10)
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space):
            if self.mode == "markers" and self.focus_index is not None and self.focus_index < len(self.markers):
                self.document_activated.emit(self.markers[self.focus_index].id)
        else:
            super().keyPressEvent(event)
            return
        event.accept()

    def resizeEvent(self, event) -> None:
        self._cache_key = None
        super().resizeEvent(event)

    def focusInEvent(self, event) -> None:
        self.update()
        super().focusInEvent(event)

    def focusOutEvent(self, event) -> None:
        self.update()
        super().focusOutEvent(event)


class TimelinePane(QWidget):
    """The timeline with its controls: zoom, fit all, clear the selected range."""

    def __init__(self, archive: Archive, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("timeline_pane")
        self.timeline = Timeline(archive, self)
        bar = QHBoxLayout()
        bar.setContentsMargins(6, 2, 6, 0)
        self.caption = QLabel(self)
        self.caption.setObjectName("timeline_caption")
        self.caption.setAccessibleName("Visible date range")
        bar.addWidget(QLabel("<b>Timeline</b>", self))
        bar.addWidget(self.caption, 1)
        self.buttons: dict[str, QToolButton] = {}
        for name, text, tip, slot in (
            ("zoom_out", "−", "Zoom out (−)", lambda: self.timeline.zoom(1 / 1.5)),
            ("zoom_in", "+", "Zoom in (+)", lambda: self.timeline.zoom(1.5)),
            ("fit_all", "Fit all", "Show the whole archive (Home)", self.timeline.fit_all),
            ("clear_range", "Clear range", "Clear the selected date range (Esc)", self.timeline.clear_range),
        ):
            button = QToolButton(self)
            button.setText(text)
            button.setObjectName(f"timeline_{name}")
            button.setAccessibleName(tip.split(" (")[0])
            button.setToolTip(tip)
            button.clicked.connect(slot)
            bar.addWidget(button)
            self.buttons[name] = button
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addLayout(bar)
        layout.addWidget(self.timeline, 1)
        self.timeline.view_changed.connect(self._caption)
        self.timeline.range_selected.connect(lambda *_: self._caption())
        self._caption()

    def _caption(self) -> None:
        t = self.timeline
        text = f"{iso_of(t.start)} – {iso_of(t.end)}"
        if t.brush:
            text += f"   ·   selected {iso_of(min(t.brush))} – {iso_of(max(t.brush) - 1)}"
        self.caption.setText(text)
        self.buttons["clear_range"].setEnabled(t.brush is not None)
