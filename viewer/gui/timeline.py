"""The timeline: a date axis from decades to days, a histogram where documents are dense and a
labelled marker per document where they are sparse, reply arcs, a brush that filters the list.

Counts come from ``Archive.date_histogram`` per view and are cached, so 100,000 documents cost one
GROUP BY per zoom step instead of 100,000 drawn ticks. Markers appear only when the visible range
holds few documents (``MARKER_LIMIT``).
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from functools import partial

from PySide6.QtCore import QEvent, QPoint, QPointF, Qt, Signal
from PySide6.QtGui import QKeyEvent, QMouseEvent, QNativeGestureEvent
from PySide6.QtWidgets import (
    QGestureEvent,
    QHBoxLayout,
    QLabel,
    QPinchGesture,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ..core.dates import DateRange, date_of_day, day_of, iso_of
from ..core.store import Archive, Filters
from . import plain
from .background import LARGE_ARCHIVE, Latest, screen_painted, timeline_figures
from .tasks import TaskRunner
from .timeline_axis import BAR_PX, MAX_SPAN_DAYS, MIN_SPAN_DAYS, Marker
from .timeline_canvas import TimelineCanvas


class Timeline(TimelineCanvas):
    """Signals: document_activated(int) when a marker is clicked or Enter pressed on it;
    range_selected(object) with the DateRange brushed, or None when cleared;
    view_changed() after zoom or pan."""

    document_activated = Signal(int)
    range_selected = Signal(object)
    view_changed = Signal()

    def __init__(self, archive: Archive, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("timeline")
        self.setAccessibleName(self.tr("Timeline"))
        self.base_tip = self.tr(
            "Documents by date. Wheel or +/− zooms, drag pans, drag along the axis (or Shift+drag) "
            "selects a date range, arrows move between documents, Enter opens one"
        )
        self.setToolTip(self.base_tip)
        self.keys_help = self.tr(  # what a screen reader says besides the name; the tooltip follows the pointer
            "Documents by date. + and − zoom, Shift+Left and Shift+Right pan, Left and Right move between "
            "documents, Enter opens one, Home shows them all, Esc clears the selected range"
        )
        self.setAccessibleDescription(self.keys_help)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setMouseTracking(True)
        self.setMinimumHeight(110)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.grabGesture(Qt.GestureType.PinchGesture)
        self.archive = archive
        self.filters = Filters()
        self._cache_key: tuple | None = None
        self._links: list[tuple[int, int, str]] | None = None
        self._titles: dict[int, str] = {}
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
        """The list's filters: their date range is the brush, the rest what the timeline shows."""
        self.filters = replace(filters, date_from=None, date_to=None)
        self.brush = filters.dates.days()
        self._cache_key = None  # the links stay: they do not depend on the filters
        self.update()
        if not self.isVisible():  # hidden: the workers need not wait for its paint
            screen_painted("timeline")

    def invalidate(self) -> None:
        self._cache_key = None
        self._links = None
        self._titles = {}
        self.update()

    def links(self) -> list[tuple[int, int, str]]:
        if self._links is None:
            self._links = self.archive.all_links()
        return self._links

    reader: Latest | None = None  # use_runner: in a large archive the figures come from a worker

    def use_runner(self, runner: TaskRunner) -> None:
        self.reader = Latest(runner, lambda: self.archive.path)  # the old figures are painted until then

    def _ensure_data(self) -> None:
        key = (self.filters, round(self.start, 3), round(self.end, 3), self.width(), self.height())
        if key == self._cache_key:
            return
        self._cache_key = key
        first, last = date_of_day(self.start), date_of_day(self.end)
        bins = max(1, int(self.plot_width() // BAR_PX))
        until, filters = date_of_day(self._hist_end()), self.filters
        if self.reader is not None and self.archive.documents_total() >= LARGE_ARCHIVE:
            selection = self.archive.select(filters)  # compiled here: the worker only reads
            read = partial(timeline_figures, first=first, last=last, until=until, bins=bins, filters=selection)
            self.reader.run(read, self._take_later)
            return
        self._take(timeline_figures(self.archive, first, last, until, bins, filters))

    def _take_later(self, figures: tuple[str, list]) -> None:
        self._take(figures)
        self.focus_index = next((n for n, m in enumerate(self.markers) if m.id == self.current_id), self.focus_index)
        self.update()

    def _take(self, figures: tuple[str, list]) -> None:
        self.mode = figures[0]
        self.markers, self.counts = [], []
        if self.mode == "markers":
            self.markers = figures[1]
            self._layout_markers()
        elif self.mode == "histogram":
            self.counts = figures[1]
            self.histogram_queries += 1
        if self.focus_index is not None and self.focus_index >= len(self.markers):
            self.focus_index = None

    # -- markers under the pointer ----------------------------------------------------------

    def marker_position(self, document_id: int) -> QPoint | None:
        self._ensure_data()
        for marker in self.markers:
            if marker.id == document_id:
                return QPoint(round(marker.x), round(marker.y))
        return None

    def marker_at(self, point: QPointF) -> Marker | None:
        self._ensure_data()
        return super().marker_at(point)

    def describe(self, document_id: int) -> str:
        """The date and title of a document, from the markers or (off screen) the archive, read only then."""
        if document_id not in self._titles and not self._marker(document_id):
            row = self.archive.document_row(document_id)
            self._titles[document_id] = self.dated(row.date_start, row.title or row.key) if row else "?"
        return super().describe(document_id) if self._marker(document_id) else self._titles[document_id]

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

    def select_range(self, dates: DateRange | None) -> None:
        self.brush = dates.days() if dates else None
        self.update()
        self.range_selected.emit(dates if self.brush else None)

    def clear_range(self) -> None:
        if self.brush is not None:
            self.brush = None
            self.update()
            self.range_selected.emit(None)

    def paintEvent(self, event) -> None:
        self._ensure_data()
        super().paintEvent(event)
        screen_painted("timeline")  # work held back for the first screen may start

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
            # a title is text, though Qt would read a tooltip that looks like HTML as HTML
            hover = self.hover_text(point)
            self.setToolTip(plain.tip(hover) if hover else self.base_tip)
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
            dates = DateRange.of_days(*self.brush)
            self.brush = dates.days()
            self.update()
            self.range_selected.emit(dates)
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
        zoom = Qt.NativeGestureType.ZoomNativeGesture
        if isinstance(event, QNativeGestureEvent) and event.gestureType() == zoom:
            self.zoom(1 + event.value(), event.position().x())
            return True
        if isinstance(event, QGestureEvent):
            pinch = event.gesture(Qt.GestureType.PinchGesture)
            if isinstance(pinch, QPinchGesture):
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
            shift = bool(event.modifiers() & Qt.KeyboardModifier.ShiftModifier)  # Shift pans among markers too
            if self.mode == "markers" and self.markers and not shift:
                if self.focus_index is None:
                    self.focus_index = 0 if step > 0 else len(self.markers) - 1
                else:
                    self.focus_index = min(max(self.focus_index + step, 0), len(self.markers) - 1)
                marker = self.markers[self.focus_index]
                self.setAccessibleDescription(f"{marker.iso} {marker.title}. {self.keys_help}")
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
        self.caption = plain.plain(QLabel(self))
        self.caption.setObjectName("timeline_caption")
        self.caption.setAccessibleName(self.tr("Visible date range"))
        bar.addWidget(QLabel("<b>" + self.tr("Timeline") + "</b>", self))
        bar.addWidget(self.caption, 1)
        self.buttons: dict[str, QToolButton] = {}
        for name, text, label, keys, slot in (
            ("zoom_out", "−", self.tr("Zoom out"), "−", lambda: self.timeline.zoom(1 / 1.5)),
            ("zoom_in", "+", self.tr("Zoom in"), "+", lambda: self.timeline.zoom(1.5)),
            ("fit_all", self.tr("Fit all"), self.tr("Show the whole archive"), "Home", self.timeline.fit_all),
            (
                "clear_range",
                self.tr("Clear range"),
                self.tr("Clear the selected date range"),
                "Esc",
                self.timeline.clear_range,
            ),
        ):
            button = QToolButton(self)
            button.setText(text)
            button.setObjectName(f"timeline_{name}")
            button.setAccessibleName(label)
            button.setToolTip(f"{label} ({keys})")
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
            text += "   ·   " + self.tr("selected {start} – {end}").format(
                start=iso_of(min(t.brush)), end=iso_of(max(t.brush) - 1)
            )
        self.caption.setText(text)
        self.buttons["clear_range"].setEnabled(t.brush is not None)
