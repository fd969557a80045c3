"""While searching, the list shows results: a snippet line under each title with its hits marked,
and a choice of order (relevance by default, remembered).

The snippet is plain text from the store's highlighter (``Archive.snippets``) with the offsets of
its hits; the delegate lays it out with ``QTextLayout`` and paints the hits in the search-hit colour
of the reading view. Nothing from a document is ever read as HTML.
"""

from __future__ import annotations

from collections import OrderedDict

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QPointF, QSettings, Qt
from PySide6.QtGui import QPainter, QTextCharFormat, QTextLayout, QTextOption
from PySide6.QtWidgets import QComboBox, QStyle, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from . import settings as state
from .document_model import SORT_KEYS, DocumentTableModel
from .roles import SNIPPET_ROLE
from .text_view import HIT_BACKGROUND, HIT_FOREGROUND

ORDERS = ("relevance", "date", "title", "type", "language")  # the choices while searching, in the box's order


LEAD = 16  # characters of context kept before a hit that the start has to give way to
LAYOUTS_KEPT = 256  # snippet lines kept laid out: a few screens of rows


def fit_snippet(text: str, spans: list[tuple[int, int]], width: int, advance) -> tuple[str, list[tuple[int, int]]]:
    """``text`` cut to ``width`` pixels (``advance`` measures a string), with its spans kept inside
    what is left: where the first hit would fall past the end, the start gives way first (a few words
    before the hit stay, after an ellipsis), so the line shows why the document matched."""
    if advance(text) <= width:
        return text, spans
    if spans:
        first, first_end = min(spans)
        if first > 0 and advance(text[:first_end] + "…") > width:
            begin = max(0, first - LEAD)
            space = text.find(" ", begin, first)
            begin = space + 1 if space >= 0 and space + 1 < first else begin
            text = "…" + text[begin:]
            spans = [(start - begin + 1, end - begin + 1) for start, end in spans if start >= begin]
            if advance(text) <= width:
                return text, spans
    low, high = 0, len(text)
    while low < high:  # the longest beginning that fits with its ellipsis
        middle = (low + high + 1) // 2
        if advance(text[:middle] + "…") <= width:
            low = middle
        else:
            high = middle - 1
    kept = text[:low] + "…"
    return kept, [(start, min(end, low)) for start, end in spans if start < low]


class SnippetDelegate(QStyledItemDelegate):
    """The title column: the title, and while searching a second line with the snippet, hits marked."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        # a snippet line cut to its width and laid out once, not at every paint (scrolling, hover)
        self._layouts: OrderedDict[tuple[object, ...], QTextLayout] = OrderedDict()

    def paint(
        self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        model = index.model()
        if not isinstance(model, DocumentTableModel) or not model.searching:
            super().paint(painter, option, index)
            return
        line = option.fontMetrics.height()
        options = QStyleOptionViewItem(option)
        self.initStyleOption(options, index)
        title_rect = options.rect.adjusted(0, 0, 0, -(options.rect.height() - line - 4))
        text = options.text
        options.text = ""
        style = options.widget.style() if options.widget else None
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, options, painter, options.widget)
        selected = bool(options.state & QStyle.StateFlag.State_Selected)
        group = options.palette.ColorGroup.Normal
        role = options.palette.ColorRole.HighlightedText if selected else options.palette.ColorRole.Text
        painter.save()
        painter.setPen(options.palette.color(group, role))
        margin = 4
        inner = title_rect.adjusted(margin, 2, -margin, 0)
        elided = options.fontMetrics.elidedText(text, Qt.TextElideMode.ElideMiddle, inner.width())
        painter.drawText(inner, int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter), elided)
        snippet = index.data(SNIPPET_ROLE)
        if snippet:
            self._paint_snippet(painter, options, snippet, inner.left(), inner.bottom() + 2, inner.width())
        painter.restore()

    def _paint_snippet(
        self,
        painter: QPainter,
        options: QStyleOptionViewItem,
        snippet: tuple[str, list[tuple[int, int]]],
        left: int,
        top: int,
        width: int,
    ) -> None:
        """The snippet's plain text on one line, each hit on the search-hit colour."""
        key = (snippet[0], tuple(snippet[1]), width, options.font.key())
        layout = self._layouts.get(key)
        if layout is None:
            layout = self._layouts[key] = self._layout(options, snippet, width)
            while len(self._layouts) > LAYOUTS_KEPT:
                self._layouts.popitem(last=False)
        else:
            self._layouts.move_to_end(key)
        layout.draw(painter, QPointF(left, top))

    @staticmethod
    def _layout(options: QStyleOptionViewItem, snippet: tuple[str, list[tuple[int, int]]], width: int) -> QTextLayout:
        text, spans = fit_snippet(*snippet, width, options.fontMetrics.horizontalAdvance)
        layout = QTextLayout(text, options.font)
        layout.setTextOption(QTextOption(Qt.AlignmentFlag.AlignLeft))
        hits = []
        for start, end in spans:
            marked = QTextLayout.FormatRange()
            marked.start, marked.length = start, end - start
            look = QTextCharFormat()
            look.setBackground(HIT_BACKGROUND)
            look.setForeground(HIT_FOREGROUND)
            marked.format = look
            hits.append(marked)
        layout.setFormats(hits)
        layout.beginLayout()
        row = layout.createLine()
        if row.isValid():
            row.setLineWidth(width * 2)  # one line: fit_snippet already cut it to the width
        layout.endLayout()
        return layout


class OrderChoice(QComboBox):
    """How the list is ordered while a query is active: by relevance (the default) or a column.
    Shown only while searching; the choice is remembered (``list/search_sort``)."""

    def __init__(self, model: DocumentTableModel, settings: QSettings, parent: QWidget | None = None):
        super().__init__(parent)
        self.documents = model
        self.settings = settings
        self.setObjectName("search_order")
        self.setAccessibleName(self.tr("Order of the documents found"))
        self.setToolTip(self.tr("While searching: the best matches first, or another order"))
        names = {
            "relevance": self.tr("Best match first"),
            "date": self.tr("Date"),
            "title": self.tr("Title"),
            "type": self.tr("Type"),
            "language": self.tr("Language"),
        }
        for key in ORDERS:
            self.addItem(names[key], key)
        saved = str(state.read(settings, "list/search_sort") or "relevance")
        key, _, direction = saved.partition(" ")
        if key in ORDERS:
            model.search_sort = (key, direction == "desc")
        self.activated.connect(lambda number: model.set_order(str(self.itemData(number))))
        model.order_changed.connect(self._shown)
        model.searching_changed.connect(lambda _on: self._shown(model.sort_key, model.descending))
        self._shown(model.sort_key, model.descending)

    def _shown(self, key: str, descending: bool) -> None:
        self.setVisible(self.documents.searching)  # browsing: the header's columns choose the order
        if not self.documents.searching:
            return
        self.setCurrentIndex(max(self.findData(key), 0))
        state.write(self.settings, "list/search_sort", f"{key}{' desc' if descending else ''}")


def header_column(key: str) -> int:
    """The column a sort key is shown on (-1 for relevance: no column's indicator)."""
    return SORT_KEYS.index(key) if key in SORT_KEYS else -1
