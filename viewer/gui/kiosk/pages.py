"""The kiosk's start page (exhibit title, introduction, document tiles, search) and its timeline;
the document page is in document_page.py.

The timeline is the window's, with finger-sized marks and no brush: a kiosk shows, it never filters
or writes.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPointF, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLineEdit,
    QListView,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from ...core.store import Archive, Filters
from ..counts import counts
from ..roles import ID_ROLE
from ..timeline import Marker, Timeline
from .language import language_button
from .model import SequenceModel, TileDelegate
from .pads import OnScreenKeyboard, plain_label
from .touch import make_kinetic

SEARCH_LIMIT = 200
TOUCH_RADIUS = 30.0  # px around a timeline mark that still counts as touching it


class KioskTimeline(Timeline):
    """The timeline with finger-sized marks, framed on the exhibit's dates rather than the archive's."""

    def __init__(self, archive: Archive, days: tuple[float, float] | None, parent: QWidget | None = None):
        self.days = days  # before Timeline's constructor, which frames the view
        super().__init__(archive, parent)
        self.setObjectName("kiosk_timeline")
        self.base_tip = ""
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
        self.title = plain_label(title, self, "kiosk_title")
        self.introduction = QTextBrowser(self)
        self.introduction.setObjectName("kiosk_introduction")
        self.introduction.setAccessibleName(self.tr("Introduction"))
        self.introduction.setPlainText(introduction)
        self.introduction.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
        self.introduction.setFrameShape(QTextBrowser.Shape.NoFrame)
        self.introduction.setOpenLinks(False)
        font = self.introduction.font()
        font.setPointSizeF(point_size)
        self.introduction.setFont(font)
        make_kinetic(self.introduction)
        self.hint = plain_label(
            self.tr("Touch a document to read it. On a document, swipe left or right for the next one."),
            self,
            "kiosk_hint",
        )
        left = QVBoxLayout()
        left.setSpacing(18)
        heading = QHBoxLayout()  # the title, and the button for the other language
        heading.addWidget(self.title, 1)
        heading.addWidget(language_button(self), 0, Qt.AlignmentFlag.AlignTop)
        left.addLayout(heading)
        left.addWidget(self.introduction, 1)
        left.addWidget(self.hint)

        self.search = QLineEdit(self)
        self.search.setObjectName("kiosk_search")
        self.search.setAccessibleName(self.tr("Search the documents"))
        self.search.setPlaceholderText(self.tr("Search the documents…"))
        self.search.setClearButtonEnabled(search_mode == "system")
        self.search.setContextMenuPolicy(Qt.ContextMenuPolicy.NoContextMenu)
        self.search.setAcceptDrops(False)
        self.search.setVisible(search_mode != "hidden")
        self.search_mode = search_mode
        self.caption = plain_label("", self, "kiosk_list_caption")
        self.model = SequenceModel(archive, exhibit_ids, self)
        self.list = QListView(self)
        self.list.setObjectName("kiosk_list")
        self.list.setAccessibleName(self.tr("Documents"))
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
            filters = Filters(ids=tuple(self.exhibit_ids)) if self.restrict else None
            result = self.archive.search(query, filters, limit=SEARCH_LIMIT)
            self.model.set_ids([hit.id for hit in result.hits])
        self._show_caption()

    def _show_caption(self) -> None:
        count = self.model.rowCount()
        if self.model.ids is self.exhibit_ids or self.model.ids == self.exhibit_ids:
            text = counts().documents(count)
        elif count:
            text = counts().match(count).format(query=self.search.text().strip())
        else:
            text = self.tr("No document matches “{query}”").format(query=self.search.text().strip())
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
