"""Touch for the kiosk: kinetic scrolling, a horizontal swipe between documents, pinch to zoom a scan.

The swipe is read by an application-wide filter that only watches (it never consumes an event), so
the views keep their own taps and the kinetic scroller keeps its drags. It accepts mouse events as
well as touch: many touch screens in libraries are driven as a mouse.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QPointF, Qt, Signal
from PySide6.QtGui import QNativeGestureEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QAbstractScrollArea,
    QApplication,
    QGestureEvent,
    QPinchGesture,
    QScroller,
    QScrollerProperties,
    QWidget,
)

SWIPE_MIN_PX = 140  # far enough that a slightly crooked tap or scroll is not a swipe
SWIPE_RATIO = 2.0  # at least twice as wide as it is tall


def make_kinetic(area: QAbstractScrollArea) -> None:
    """Flick to scroll with inertia (touch), pixel by pixel, without overshooting the ends."""
    if isinstance(area, QAbstractItemView):
        area.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        area.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
    viewport = area.viewport()
    QScroller.grabGesture(viewport, QScroller.ScrollerGestureType.TouchGesture)
    scroller = QScroller.scroller(viewport)
    properties = scroller.scrollerProperties()
    off = QScrollerProperties.OvershootPolicy.OvershootAlwaysOff
    properties.setScrollMetric(QScrollerProperties.ScrollMetric.VerticalOvershootPolicy, off)
    properties.setScrollMetric(QScrollerProperties.ScrollMetric.HorizontalOvershootPolicy, off)
    scroller.setScrollerProperties(properties)


class SwipeDetector(QObject):
    """Watches presses and releases inside ``area`` and reports a horizontal swipe.

    Signals: swiped(int) with +1 for a swipe to the left (the next document) and -1 to the right.
    """

    swiped = Signal(int)

    def __init__(self, area: QWidget, parent: QObject | None = None):
        super().__init__(parent)
        self.area = area
        self._start: QPointF | None = None

    def _inside(self, watched: QObject) -> bool:
        return (
            isinstance(watched, QWidget)
            and self.area.isVisible()
            and (watched is self.area or self.area.isAncestorOf(watched))
        )

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind in (QEvent.Type.MouseButtonPress, QEvent.Type.TouchBegin) and self._inside(watched):
            point = self._global(event)
            if point is not None:
                self._start = point
        elif kind in (QEvent.Type.MouseButtonRelease, QEvent.Type.TouchEnd) and self._start is not None:
            point = self._global(event)
            start, self._start = self._start, None
            if point is not None:
                dx, dy = point.x() - start.x(), point.y() - start.y()
                if abs(dx) >= SWIPE_MIN_PX and abs(dx) >= SWIPE_RATIO * abs(dy):
                    self.swiped.emit(1 if dx < 0 else -1)
        return False

    @staticmethod
    def _global(event: QEvent) -> QPointF | None:
        if event.type() in (QEvent.Type.TouchBegin, QEvent.Type.TouchEnd):
            points = event.points()  # type: ignore[attr-defined]
            return points[0].globalPosition() if points else None
        return event.globalPosition()  # type: ignore[attr-defined]


class PinchZoom(QObject):
    """Pinch on a scan's page zooms it (Qt's pinch gesture, or a touchpad's native zoom)."""

    def __init__(self, viewport: QWidget, zoom_by, parent: QObject | None = None):
        super().__init__(parent)
        self.zoom_by = zoom_by
        viewport.grabGesture(Qt.GestureType.PinchGesture)
        viewport.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if isinstance(event, QGestureEvent):
            pinch = event.gesture(Qt.GestureType.PinchGesture)
            if isinstance(pinch, QPinchGesture):
                self.zoom_by(pinch.scaleFactor())
                return True
        zoom = Qt.NativeGestureType.ZoomNativeGesture
        if isinstance(event, QNativeGestureEvent) and event.gestureType() == zoom:
            self.zoom_by(1 + event.value())
            return True
        return False


def install(app_filter: QObject) -> None:
    app = QApplication.instance()
    if app is not None:
        app.installEventFilter(app_filter)


def remove(app_filter: QObject) -> None:
    app = QApplication.instance()
    if app is not None:
        app.removeEventFilter(app_filter)
