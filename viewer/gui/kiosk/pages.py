"""The kiosk's two pages: the start (exhibit title, introduction, document tiles, search) and a
document (title, original / translation / scan, previous and next).

They reuse the window's reading parts (TextView, ScanView, Timeline) with everything that could
write, export or leave the app left out: no copy button, no import button, no links, no selection.
"""

from __future__ import annotations

from typing import Any

import shiboken6
from PySide6.QtCore import QEasingCurve, QModelIndex, QPointF, QPropertyAnimation, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGraphicsOpacityEffect,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QStackedWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from ...core.store import Archive, Filters
from ..document_parts import LANGUAGES
from ..scan_view import PageRef, ScanView
from ..tasks import TaskRunner
from ..text_view import TextView
from ..timeline import Marker, Timeline
from .model import ID_ROLE, SequenceModel, TileDelegate
from .pads import OnScreenKeyboard, big_button
from .touch import PinchZoom, make_kinetic

SEARCH_LIMIT = 200
TOUCH_RADIUS = 30.0  # px around a timeline mark that still counts as touching it


def _label(text: str, parent: QWidget, name: str, wrap: bool = True) -> QLabel:
    label = QLabel(text, parent)
    label.setObjectName(name)
    label.setWordWrap(wrap)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
    return label


class KioskTimeline(Timeline):
    """The timeline with finger-sized marks, framed on the exhibit's dates rather than the archive's."""

    def __init__(self, archive: Archive, days: tuple[float, float] | None, parent: QWidget | None = None):
        self.days = days  # before Timeline's constructor, which frames the view
        super().__init__(archive, parent)
        self.setObjectName("kiosk_timeline")
        self.setToolTip("")
        self.range_selected.connect(lambda *_: self.clear_range())  # the kiosk never filters by a brush

    def marker_at(self, point: QPointF) -> Marker | None:
        self._ensure_data()
        best, distance = None, TOUCH_RADIUS
        for marker in self.markers:
            d = ((marker.x - point.x()) ** 2 + (marker.y - point.y()) ** 2) ** 0.5
            if d <= distance:
                best, distance = marker, d
        return best

    def fit_all(self) -> None:
        if self.days is None:
            super().fit_all()
            return
        first, last = self.days
        margin = max(last + 1 - first, 7.0) * 0.06 + 2
        self.set_view(first - margin, last + 1 + margin)


class StartPage(QWidget):
    """The exhibit: its title and introduction, its documents as tiles, and search.

    Signals: document_chosen(int) when a tile is tapped.
    """

    document_chosen = Signal(int)

    def __init__(
        self,
        archive: Archive,
        exhibit_ids: list[int],
        title: str,
        introduction: str,
        search_mode: str,
        layouts: tuple[str, ...],
        point_size: float,
        restrict: bool,
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self.setObjectName("kiosk_start")
        self.archive = archive
        self.exhibit_ids = exhibit_ids
        self.restrict = restrict  # search within the exhibit (a collection) or the whole archive
        self.title = _label(title, self, "kiosk_title")
        self.introduction = QTextBrowser(self)
        self.introduction.setObjectName("kiosk_introduction")
        self.introduction.setAccessibleName("Introduction")
        self.introduction.setPlainText(introduction)
        self.introduction.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
        self.introduction.setFrameShape(QTextBrowser.Shape.NoFrame)
        self.introduction.setOpenLinks(False)
        font = self.introduction.font()
        font.setPointSizeF(point_size)
        self.introduction.setFont(font)
        make_kinetic(self.introduction)
        self.hint = _label(
            "Touch a document to read it. On a document, swipe left or right for the next one.", self, "kiosk_hint"
        )
        left = QVBoxLayout()
        left.setSpacing(18)
        left.addWidget(self.title)
        left.addWidget(self.introduction, 1)
        left.addWidget(self.hint)

        self.search = QLineEdit(self)
        self.search.setObjectName("kiosk_search")
        self.search.setAccessibleName("Search the documents")
        self.search.setPlaceholderText("Search the documents…")
        self.search.setClearButtonEnabled(search_mode == "system")
        self.search.setContextMenuPolicy(Qt.ContextMenuPolicy.NoContextMenu)
        self.search.setAcceptDrops(False)
        self.search.setVisible(search_mode != "hidden")
        self.search_mode = search_mode
        self.caption = _label("", self, "kiosk_list_caption")
        self.model = SequenceModel(archive, exhibit_ids, self)
        self.list = QListView(self)
        self.list.setObjectName("kiosk_list")
        self.list.setAccessibleName("Documents")
        self.list.setModel(self.model)
        self.list.setItemDelegate(TileDelegate(self.list, point_size))
        self.list.setUniformItemSizes(True)
        self.list.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.setDragEnabled(False)
        self.list.setContextMenuPolicy(Qt.ContextMenuPolicy.NoContextMenu)
        self.list.clicked.connect(self._tapped)
        self.list.activated.connect(self._tapped)
        make_kinetic(self.list)
        self.keyboard: OnScreenKeyboard | None = None
        right = QVBoxLayout()
        right.setSpacing(12)
        right.addWidget(self.search)
        right.addWidget(self.caption)
        right.addWidget(self.list, 1)
        if search_mode == "keyboard":
            self.keyboard = OnScreenKeyboard(self.search, layouts, self)
            self.keyboard.hide()
            self.keyboard.done.connect(self.close_keyboard)
            self.search.installEventFilter(self)
            right.addWidget(self.keyboard)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(48, 36, 48, 12)
        layout.setSpacing(48)
        layout.addLayout(left, 4)
        layout.addLayout(right, 5)
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(350)
        self._debounce.timeout.connect(self.run_search)
        self.search.textChanged.connect(lambda _text: self._debounce.start())
        self._show_caption()

    def eventFilter(self, watched, event) -> bool:
        from PySide6.QtCore import QEvent

        if watched is self.search and event.type() in (QEvent.Type.FocusIn, QEvent.Type.MouseButtonPress):
            self.open_keyboard()
        return False

    def open_keyboard(self) -> None:
        if self.keyboard is not None:
            self.keyboard.show()

    def close_keyboard(self) -> None:
        if self.keyboard is not None:
            self.keyboard.hide()
        self.search.clearFocus()

    def run_search(self) -> None:
        """Hits in order of relevance; an empty field brings the exhibit back."""
        self._debounce.stop()
        query = self.search.text().strip()
        if len(query) < 2:
            self.model.set_ids(self.exhibit_ids)
        else:
            filters = Filters(ids=self.exhibit_ids) if self.restrict else None
            result = self.archive.search(query, filters, limit=SEARCH_LIMIT)
            self.model.set_ids([hit.id for hit in result.hits])
        self._show_caption()

    def _show_caption(self) -> None:
        count = self.model.rowCount()
        if self.model.ids is self.exhibit_ids or self.model.ids == self.exhibit_ids:
            text = f"{count} document{'s' * (count != 1)}"
        elif count:
            text = f"{count} document{'s' * (count != 1)} match “{self.search.text().strip()}”"
        else:
            text = f"No document matches “{self.search.text().strip()}”"
        self.caption.setText(text)

    def reset(self) -> None:
        """Back to the exhibit: empty search, keyboard away, list at the top."""
        self.search.blockSignals(True)
        self.search.clear()
        self.search.blockSignals(False)
        self._debounce.stop()
        self.model.set_ids(self.exhibit_ids)
        self._show_caption()
        self.close_keyboard()
        if self.keyboard is not None:
            self.keyboard.set_layout(self.keyboard.layouts[0])
        self.list.clearSelection()
        self.list.scrollToTop()

    def select(self, document_id: int) -> None:
        if document_id in self.model.ids:
            index = self.model.index(self.model.ids.index(document_id))
            self.list.setCurrentIndex(index)
            self.list.scrollTo(index)

    def _tapped(self, index: QModelIndex) -> None:
        document_id = index.data(ID_ROLE)
        if document_id is not None:
            self.document_chosen.emit(int(document_id))


class DocumentPage(QWidget):
    """One document, large: title, date and people, then one part at a time.

    Signals: start_requested(); step_requested(int) with -1 or +1.
    """

    start_requested = Signal()
    step_requested = Signal(int)

    def __init__(
        self,
        archive: Archive,
        runner: TaskRunner,
        parts: tuple[str, ...],
        point_size: float,
        transition_ms: int,
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self.setObjectName("kiosk_document")
        self.archive = archive
        self.parts = parts
        self.point_size = point_size
        self.record: dict[str, Any] | None = None
        self.part: str | None = None
        back = big_button("⌂  Start", self, "kiosk_back", self.start_requested.emit)
        self.previous = big_button("‹  Previous", self, "kiosk_previous", lambda: self.step_requested.emit(-1))
        self.next = big_button("Next  ›", self, "kiosk_next", lambda: self.step_requested.emit(1))
        self.position = _label("", self, "kiosk_position", wrap=False)
        self.position.setAlignment(Qt.AlignmentFlag.AlignCenter)
        bar = QHBoxLayout()
        bar.setSpacing(16)
        bar.addWidget(back, 1)
        bar.addStretch(3)
        bar.addWidget(self.previous, 1)
        bar.addWidget(self.position, 1)
        bar.addWidget(self.next, 1)
        self.title = _label("", self, "kiosk_doc_title")
        self.meta = _label("", self, "kiosk_doc_meta")
        self.part_buttons: dict[str, Any] = {}
        switch = QHBoxLayout()
        switch.setSpacing(12)
        for name in parts:
            button = big_button(name.capitalize(), self, f"kiosk_part_{name}", lambda n=name: self.show_part(n))
            button.setCheckable(True)
            switch.addWidget(button, 1)
            self.part_buttons[name] = button
        switch.addStretch(max(0, 4 - len(parts)))

        self.views: dict[str, TextView] = {}
        self.body = QStackedWidget(self)
        self.body.setObjectName("kiosk_doc_body")
        for name in ("transcript", "translation"):
            view = TextView(self.body, point_size)
            view.setObjectName(f"kiosk_{name}")
            view.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
            view.setContextMenuPolicy(Qt.ContextMenuPolicy.NoContextMenu)
            make_kinetic(view)
            self.views[name] = view
            self.body.addWidget(view)
        self.scan = ScanView(runner, self.body)
        self.scan.setObjectName("kiosk_scan")
        make_kinetic(self.scan.scroll)
        make_kinetic(self.scan.thumbnails)
        self.pinch = PinchZoom(
            self.scan.scroll.viewport(), lambda factor: self.scan.set_zoom(self.scan.zoom * factor), self
        )
        self.body.addWidget(self.scan)
        self.missing = _label("", self.body, "kiosk_missing")
        self.missing.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.body.addWidget(self.missing)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(48, 24, 48, 12)
        layout.setSpacing(14)
        layout.addLayout(bar)
        layout.addWidget(self.title)
        layout.addWidget(self.meta)
        layout.addLayout(switch)
        layout.addWidget(self.body, 1)

        # one effect and one animation for the page's whole life: the attract loop must not pile them up
        self.fade = QGraphicsOpacityEffect(self)
        self.fade.setOpacity(1.0)
        self.fade.setEnabled(False)
        self.setGraphicsEffect(self.fade)
        self.animation = QPropertyAnimation(self.fade, b"opacity", self)
        self.animation.setDuration(transition_ms)
        self.animation.setStartValue(0.0)
        self.animation.setEndValue(1.0)
        self.animation.setEasingCurve(QEasingCurve.Type.InOutQuad)
        self.animation.finished.connect(lambda: self.fade.setEnabled(False))

    # -- content ------------------------------------------------------------------------------

    def available(self, name: str) -> bool:
        if self.record is None:
            return False
        if name == "scan":
            return bool(self.record["pages"])
        return any(t["kind"] == name for t in self.record["texts"])

    def show_document(self, document_id: int, part: str, position: tuple[int, int], animate: bool = False) -> bool:
        record = self.archive.record(document_id)
        if record is None:
            return False
        self.record = record
        self.title.setText(record["title"] or record["key"])
        self.meta.setText(self._meta(record))
        number, total = position
        self.position.setText(f"{number} of {total}" if number else "")
        self.previous.setEnabled(number > 1)
        self.next.setEnabled(0 < number < total)
        texts: dict[str, dict[str, Any]] = {}
        for text in record["texts"]:
            texts.setdefault(text["kind"], text)
        for name, view in self.views.items():
            if name in texts:
                old = view.document()
                view.show_text(texts[name]["body"], texts[name]["language"])
                if shiboken6.isValid(old) and old is not view.document() and old.parent() is view:
                    old.deleteLater()  # TextView parents each new document to itself and never drops the last
        for name, button in self.part_buttons.items():
            button.setEnabled(self.available(name))
            button.setText(self._part_title(name, texts))
        if self.available("scan") and "scan" in self.parts:
            pages = self.archive.scan_pages(document_id)
            self.scan.set_pages(
                self.archive.path, [PageRef(p["file_id"], p["file_page"], p["width"], p["height"]) for p in pages]
            )
        choice = next((p for p in (part, *self.parts) if p in self.parts and self.available(p)), None)
        self.show_part(choice)
        if animate and self.animation.duration() > 0:
            self.animation.stop()
            self.fade.setEnabled(True)
            self.fade.setOpacity(0.0)
            self.animation.start()
        return True

    def show_part(self, name: str | None) -> None:
        self.part = name
        for part, button in self.part_buttons.items():
            button.setChecked(part == name)
        if name is None:
            self.missing.setText("This document has no text or scan to show here.")
            self.body.setCurrentWidget(self.missing)
        elif name == "scan":
            self.body.setCurrentWidget(self.scan)
        else:
            self.views[name].verticalScrollBar().setValue(0)
            self.body.setCurrentWidget(self.views[name])

    @staticmethod
    def _part_title(name: str, texts: dict[str, dict[str, Any]]) -> str:
        if name == "scan":
            return "Scan"
        language = (texts.get(name) or {}).get("language") or ""
        word = LANGUAGES.get(language, language.upper())
        base = "Original" if name == "transcript" else "Translation"
        return f"{base} ({word})" if word else base

    @staticmethod
    def _meta(record: dict[str, Any]) -> str:
        date = record["date_as_written"] or record["date"] or "Undated"
        parts = [date]
        if record["type"]:
            parts.append(record["type"])
        sender, recipient = record["sender"], record["recipient"]
        if sender:
            parts.append(f"From {sender}" + (f" to {recipient}" if recipient else ""))
        elif recipient:
            parts.append(f"To {recipient}")
        return "  ·  ".join(parts)
