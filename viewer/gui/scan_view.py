"""Scanned pages: drawn with PyMuPDF in a separate process, cached, shown with fit and zoom.

The drawing process (render_service.py, page_renderer.py) sends raw RGB pixels that go straight into
a QImage (encoding a PNG costs 45-100 ms a page); the window neither waits for PyMuPDF, which holds
the interpreter lock while it draws, nor keeps MuPDF's store. Until a page arrives the view shows it
from another zoom, or says that it is being drawn.
"""

from __future__ import annotations

from collections import OrderedDict
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QIcon, QImage, QKeySequence, QMouseEvent, QPainter, QPen, QPixmap, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QScrollArea,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from .plain import plain
from .render_service import RenderService, render_service
from .tasks import TaskRunner

THUMB_ZOOM = 0.2
CACHE_SIZE = 24
MIN_ZOOM, MAX_ZOOM = 0.1, 6.0


@dataclass(frozen=True)
class PageRef:
    file_id: int
    file_page: int
    width: float | None  # points, when the importer recorded them
    height: float | None


def key_of(page: PageRef) -> tuple[int, int]:
    return page.file_id, page.file_page


class ScanView(QWidget):
    """Pages of one document's scan with thumbnails, fit width / fit page and zoom.

    Signals: page_rendered(int) after the shown page is on screen (the page's position);
    shape_drawn(int, str, object) when the rectangle or pin tool marked a page: the page's
    position, "rect" or "pin", and (x0, y0, x1, y1) in the page's points.
    """

    page_rendered = Signal(int)
    shape_drawn = Signal(int, str, object)

    def __init__(self, runner: TaskRunner, parent: QWidget | None = None, renderer: RenderService | None = None):
        super().__init__(parent)
        self.setObjectName("scan_view")
        self.runner = runner
        self.renderer = renderer or render_service()
        self.archive_path: Path | None = None
        self.pages: list[PageRef] = []
        self.current = 0
        self.zoom = 1.0
        self.fit: str | None = "width"  # width, page, or None for a chosen zoom
        self.cache: OrderedDict[tuple[int, int, float], QImage] = OrderedDict()
        self._pending: set[tuple[int, int, float]] = set()
        self._failures: dict[tuple[int, int], str] = {}  # pages that could not be drawn, and why
        self.last_error = ""
        blank = QPixmap(96, 128)
        blank.fill(Qt.GlobalColor.white)
        self._blank = QIcon(blank)

        self.thumbnails = QListWidget(self)
        self.thumbnails.setObjectName("scan_thumbnails")
        self.thumbnails.setAccessibleName(self.tr("Page thumbnails"))
        self.thumbnails.setToolTip(self.tr("Pages of the scan"))
        self.thumbnails.setViewMode(QListWidget.ViewMode.IconMode)
        self.thumbnails.setFlow(QListWidget.Flow.TopToBottom)
        self.thumbnails.setWrapping(False)
        self.thumbnails.setIconSize(QSize(96, 128))
        self.thumbnails.setGridSize(QSize(112, 156))
        self.thumbnails.setUniformItemSizes(True)
        self.thumbnails.setMovement(QListWidget.Movement.Static)
        self.thumbnails.setResizeMode(QListWidget.ResizeMode.Adjust)
        self.thumbnails.setFixedWidth(112 + self.thumbnails.verticalScrollBar().sizeHint().width() + 6)
        self.thumbnails.currentRowChanged.connect(self.show_page)

        self.image = plain(QLabel(self))  # may say why a page failed, in the file's words
        self.image.setObjectName("scan_image")
        self.image.setAccessibleName(self.tr("Scanned page"))
        self.image.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.image.installEventFilter(self)
        self.tool: str | None = None  # "rect" or "pin" while the annotation tools draw
        # annotations drawn over pages: (page position, shape, (x0, y0, x1, y1) in points, colour)
        self.overlays: list[tuple[int, str, tuple[float, float, float, float], str]] = []
        self._drag: tuple[QPointF, QPointF] | None = None
        self.scroll_area = QScrollArea(self)
        self.scroll_area.setObjectName("scan_scroll")
        self.scroll_area.setAccessibleName(self.tr("Scanned page area"))
        self.scroll_area.setWidget(self.image)
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.scroll_area.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.scroll_area.setAccessibleDescription(self.tr("Page Up, Page Down: pages; + and −: zoom; W, F: fit"))

        bar = QHBoxLayout()
        bar.setContentsMargins(4, 2, 4, 2)
        self.buttons: dict[str, QToolButton] = {}
        page, fit_width = self.tr("Page"), self.tr("Scale the page to the width of the view (W)")
        for name, text, tip, slot in (
            ("previous", f"◀ {page}", self.tr("Previous page (Page Up)"), lambda: self.show_page(self.current - 1)),
            ("next", f"{page} ▶", self.tr("Next page (Page Down)"), lambda: self.show_page(self.current + 1)),
            ("fit_width", self.tr("Fit width"), fit_width, lambda: self.set_fit("width")),
            ("fit_page", self.tr("Fit page"), self.tr("Show the whole page (F)"), lambda: self.set_fit("page")),
            ("zoom_out", "−", self.tr("Zoom out (-)"), lambda: self.set_zoom(self.zoom / 1.25)),
            ("zoom_in", "+", self.tr("Zoom in (+)"), lambda: self.set_zoom(self.zoom * 1.25)),
        ):
            button = QToolButton(self)
            button.setText(text)
            button.setObjectName(f"scan_{name}")
            button.setAccessibleName(tip.split(" (")[0])
            button.setToolTip(tip)
            button.clicked.connect(slot)
            bar.addWidget(button)
            self.buttons[name] = button
        self.status = QLabel(self)
        self.status.setObjectName("scan_status")
        self.status.setAccessibleName(self.tr("Page number and zoom"))
        bar.addStretch(1)
        bar.addWidget(self.status)
        for keys, slot in (
            (("PgDown", "Space"), lambda: self.show_page(self.current + 1)),
            (("PgUp", "Shift+Space"), lambda: self.show_page(self.current - 1)),
            (("Home",), lambda: self.show_page(0)),
            (("End",), lambda: self.show_page(len(self.pages) - 1)),
            (("+", "="), lambda: self.set_zoom(self.zoom * 1.25)),
            (("-",), lambda: self.set_zoom(self.zoom / 1.25)),
            (("W",), lambda: self.set_fit("width")),
            (("F",), lambda: self.set_fit("page")),
        ):
            for key in keys:
                shortcut = QShortcut(QKeySequence(key), self)
                shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
                shortcut.activated.connect(slot)

        right = QWidget(self)
        column = QVBoxLayout(right)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        column.addLayout(bar)
        column.addWidget(self.scroll_area, 1)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addWidget(self.thumbnails)
        layout.addWidget(right, 1)

    # -- content ------------------------------------------------------------------------------

    def set_pages(self, archive_path: Path, pages: list[PageRef]) -> None:
        self.renderer.cancel(self)  # the pages of the document before are not wanted any more
        self._pending.clear()
        self._failures.clear()  # opened again, a page is tried again
        self.archive_path = archive_path
        self.pages = pages
        self.current = 0
        self.thumbnails.blockSignals(True)
        self.thumbnails.clear()
        for number in range(len(pages)):
            item = QListWidgetItem(f"{number + 1}")
            item.setToolTip(self.tr("Page {number}").format(number=number + 1))
            item.setTextAlignment(Qt.AlignmentFlag.AlignHCenter)
            item.setIcon(self._blank)
            self.thumbnails.addItem(item)
        self.thumbnails.setCurrentRow(0)
        self.thumbnails.blockSignals(False)
        self.image.clear()
        self.show_page(0)  # the page first, then the thumbnails
        self._show_thumbnails()

    def _show_thumbnails(self) -> None:
        """Thumbnails from the cache, the others asked for; nothing is drawn for a hidden view."""
        if not self.isVisible():
            return
        for number, page in enumerate(self.pages):
            image = self.cache.get((*key_of(page), THUMB_ZOOM))
            if image is not None:
                self.thumbnails.item(number).setIcon(QIcon(QPixmap.fromImage(image)))
            else:
                self._request(page, THUMB_ZOOM)

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if self.pages:
            self._refresh()
            self._show_thumbnails()

    def busy(self) -> bool:
        return bool(self._pending)

    def show_page(self, number: int) -> None:
        if not self.pages:
            return
        number = min(max(number, 0), len(self.pages) - 1)
        self.current = number
        if self.thumbnails.currentRow() != number:
            self.thumbnails.blockSignals(True)
            self.thumbnails.setCurrentRow(number)
            self.thumbnails.blockSignals(False)
        self._refresh()

    def set_fit(self, fit: str) -> None:
        self.fit = fit
        self._refresh()

    def set_zoom(self, zoom: float) -> None:
        self.fit = None
        self.zoom = min(max(zoom, MIN_ZOOM), MAX_ZOOM)
        self._refresh()

    def _effective_zoom(self) -> float:
        page = self.pages[self.current]
        width, height = page.width or 612.0, page.height or 792.0
        viewport = self.scroll_area.viewport().size()
        ratio = self.devicePixelRatioF()
        if self.fit == "width":
            zoom = (viewport.width() - 24) / width
        elif self.fit == "page":
            zoom = min((viewport.width() - 24) / width, (viewport.height() - 24) / height)
        else:
            zoom = self.zoom
        self.zoom = min(max(zoom, MIN_ZOOM), MAX_ZOOM)
        return round(self.zoom * ratio, 2)

    def _refresh(self) -> None:
        if not self.pages:
            return
        page = self.pages[self.current]
        zoom = self._effective_zoom()
        of = self.tr("Page {number} of {count}").format(number=self.current + 1, count=len(self.pages))
        self.status.setText(f"{of} · {round(self.zoom * 100)}%")
        key = (page.file_id, page.file_page, zoom)
        image = self.cache.get(key)
        if image is not None:
            self.cache.move_to_end(key)
            pixmap = self._decorate(QPixmap.fromImage(image), zoom)
            pixmap.setDevicePixelRatio(self.devicePixelRatioF())
            self.image.setPixmap(pixmap)
            self.image.setAccessibleDescription(of)
            self.page_rendered.emit(self.current)
        elif key_of(page) in self._failures:  # said once, not drawn again at every resize
            self.image.setText(self.tr("This page could not be rendered:") + "\n" + self._failures[key_of(page)])
        else:
            self._placeholder(page, zoom)
            if self.isVisible():  # a hidden view draws when it is shown, at the size it then has
                self._request(page, zoom)

    def _placeholder(self, page: PageRef, zoom: float) -> None:
        """While the page is drawn: the same page at another zoom, scaled, or a sentence."""
        near = [(abs(z - zoom), z) for (file_id, file_page, z) in self.cache if (file_id, file_page) == key_of(page)]
        if not near:
            self.image.setText(self.tr("Drawing page {number}…").format(number=self.current + 1))
            self.image.setAccessibleDescription(self.tr("Page {number} is being drawn").format(number=self.current + 1))
            return
        other = min(near)[1]
        image = self.cache[(*key_of(page), other)]
        width = max(round(image.width() * zoom / other), 1)
        pixmap = QPixmap.fromImage(image).scaledToWidth(width, Qt.TransformationMode.FastTransformation)
        pixmap.setDevicePixelRatio(self.devicePixelRatioF())
        self.image.setPixmap(pixmap)

    def _request(self, page: PageRef, zoom: float) -> None:
        key = (page.file_id, page.file_page, zoom)
        if key in self._pending or key in self.cache or self.archive_path is None:
            return
        self._pending.add(key)
        self.renderer.request(
            self,
            self.archive_path,
            page.file_id,
            page.file_page,
            zoom,
            lambda image, width, height: self._rendered(key, (image, width, height)),
            lambda message: self._failed(key, message),
            urgent=zoom != THUMB_ZOOM,
        )

    def _rendered(self, key: tuple[int, int, float], result: tuple[QImage, float, float]) -> None:
        self._pending.discard(key)
        image, _width, _height = result
        self.cache[key] = image
        while len(self.cache) > CACHE_SIZE:
            self.cache.popitem(last=False)
        if key[2] == THUMB_ZOOM:
            for number, page in enumerate(self.pages):
                if (page.file_id, page.file_page) == key[:2] and number < self.thumbnails.count():
                    self.thumbnails.item(number).setIcon(QIcon(QPixmap.fromImage(image)))
        if self.pages:
            page = self.pages[self.current]
            if (page.file_id, page.file_page) == key[:2]:
                self._refresh()

    def _failed(self, key: tuple[int, int, float], message: str) -> None:
        """Say it where the page would be; a thumbnail that failed says it in its tooltip."""
        self._pending.discard(key)
        self.last_error = message
        reason = message.splitlines()[0] if message else self.tr("unknown reason")
        for number, page in enumerate(self.pages):
            if key_of(page) != key[:2]:
                continue
            if key[2] == THUMB_ZOOM and number < self.thumbnails.count():
                self.thumbnails.item(number).setToolTip(
                    self.tr("Page {number} could not be drawn: {reason}").format(number=number + 1, reason=reason)
                )
            else:
                self._failures[key_of(page)] = reason
                if number == self.current:
                    self.image.setText(self.tr("This page could not be rendered:") + "\n" + reason)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        if self.fit and self.pages:
            self._refresh()

    # -- annotations on pages -----------------------------------------------------------------

    def set_overlays(self, overlays: list[tuple[int, str, tuple[float, float, float, float], str]]) -> None:
        self.overlays = overlays
        self._refresh()

    def _decorate(self, pixmap: QPixmap, scale: float) -> QPixmap:
        """The page with its rectangles, pins and the rectangle being drawn (scale: pixels per point)."""
        shapes = [(shape, rect, color) for position, shape, rect, color in self.overlays if position == self.current]
        if self._drag is not None:
            a, b = self._drag
            shapes.append(("rect", (a.x(), a.y(), b.x(), b.y()), "#3060ff"))
        if not shapes:
            return pixmap
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        for shape, (x0, y0, x1, y1), color in shapes:
            pen = QPen(QColor(color).darker(130), max(2.0, 1.5 * scale))
            painter.setPen(pen)
            if shape == "rect":
                fill = QColor(color)
                fill.setAlpha(50)
                painter.setBrush(fill)
                painter.drawRect(QRectF(QPointF(x0 * scale, y0 * scale), QPointF(x1 * scale, y1 * scale)).normalized())
            else:
                painter.setBrush(QColor(color))
                size = 9 * scale
                painter.drawEllipse(QPointF(x0 * scale, y0 * scale), size, size)
        painter.end()
        return pixmap

    def page_point(self, position: QPointF) -> QPointF | None:
        """A point on the image label in the shown page's points (None outside the page)."""
        pixmap = self.image.pixmap()
        if pixmap is None or pixmap.isNull() or not self.pages:
            return None
        size = pixmap.deviceIndependentSize()
        left = (self.image.width() - size.width()) / 2
        top = (self.image.height() - size.height()) / 2
        x, y = (position.x() - left) / self.zoom, (position.y() - top) / self.zoom
        if not (0 <= x <= size.width() / self.zoom and 0 <= y <= size.height() / self.zoom):
            return None
        return QPointF(x, y)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is not self.image or self.tool is None or not isinstance(event, QMouseEvent):
            return super().eventFilter(watched, event)
        kind = event.type()
        if kind == QEvent.Type.MouseButtonPress and event.button() == Qt.MouseButton.LeftButton:
            point = self.page_point(event.position())
            if point is None:
                return True
            if self.tool == "pin":
                self.shape_drawn.emit(self.current, "pin", (point.x(), point.y(), point.x(), point.y()))
            else:
                self._drag = (point, point)
            return True
        if kind == QEvent.Type.MouseMove and self._drag is not None:
            point = self.page_point(event.position())
            if point is not None:
                self._drag = (self._drag[0], point)
                self._refresh()
            return True
        if kind == QEvent.Type.MouseButtonRelease and self._drag is not None:
            a, b = self._drag
            self._drag = None
            if abs(a.x() - b.x()) > 3 and abs(a.y() - b.y()) > 3:
                self.shape_drawn.emit(self.current, "rect", (a.x(), a.y(), b.x(), b.y()))
            self._refresh()
            return True
        return super().eventFilter(watched, event)
