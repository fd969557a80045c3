"""The kiosk's document list: an exhibit in its own order (or search hits), drawn as large tiles.

The model holds only ids; rows are read from the store in small chunks on demand and a few chunks
are kept, so the whole archive as an exhibit (100,000 documents) costs a list of integers and a
day of the attract loop does not grow a cache.
"""

from __future__ import annotations

from collections import OrderedDict
from typing import Any

from PySide6.QtCore import QAbstractListModel, QCoreApplication, QModelIndex, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPen
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

from ...core.records import ListRow
from ...core.store import Archive
from ..roles import DATE_ROLE, ID_ROLE

CHUNK = 100
CACHED_CHUNKS = 4
# the kiosk's own colours (see style.stylesheet): the same on every system theme
TILE, TILE_BORDER, TILE_SELECTED, TEXT, MUTED = "#fffdf8", "#ddd2bf", "#7a3b1d", "#2a2622", "#6b6257"

AnyIndex = QModelIndex | QPersistentModelIndex


def shown_date(row: ListRow) -> str:
    """The date as precisely as it is known: 1950-05-14, 1950-05 or 1950."""
    value = row.date_start
    if not value:
        return QCoreApplication.translate("DocumentPage", "Undated")
    return {"month": value[:7], "year": value[:4]}.get(row.date_precision, value)


class SequenceModel(QAbstractListModel):
    """Documents in a fixed order (an exhibit, or search hits by relevance)."""

    def __init__(self, archive: Archive, ids: list[int], parent: Any = None):
        super().__init__(parent)
        self.archive = archive
        self.ids = list(ids)
        self._chunks: OrderedDict[int, dict[int, ListRow]] = OrderedDict()

    def set_ids(self, ids: list[int]) -> None:
        if ids == self.ids:
            return
        self.beginResetModel()
        self.ids = list(ids)
        self._chunks.clear()
        self.endResetModel()

    def cached_chunks(self) -> int:
        return len(self._chunks)

    def _row(self, row: int) -> ListRow | None:
        if not 0 <= row < len(self.ids):
            return None
        number = row // CHUNK
        chunk = self._chunks.get(number)
        if chunk is None:
            chunk = self.archive.list_rows(self.ids[number * CHUNK : (number + 1) * CHUNK])
            self._chunks[number] = chunk
            while len(self._chunks) > CACHED_CHUNKS:
                self._chunks.popitem(last=False)
        else:
            self._chunks.move_to_end(number)
        return chunk.get(self.ids[row])

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self.ids)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        if role == ID_ROLE:
            return self.ids[index.row()] if index.row() < len(self.ids) else None
        if role not in (Qt.ItemDataRole.DisplayRole, DATE_ROLE, Qt.ItemDataRole.AccessibleTextRole):
            return None
        row = self._row(index.row())
        if row is None:
            return None
        if role == DATE_ROLE:
            return shown_date(row)
        title = row.title or row.key
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return f"{shown_date(row)}, {title}"
        return title

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren


class TileDelegate(QStyledItemDelegate):
    """A tile: the date small and muted above a title of up to two lines; at least 88 px tall."""

    def __init__(self, parent: Any = None, point_size: float = 20.0):
        super().__init__(parent)
        self.title_font = QFont()
        self.title_font.setPointSizeF(point_size)
        self.date_font = QFont()
        self.date_font.setPointSizeF(point_size * 0.7)

    def sizeHint(self, option: QStyleOptionViewItem, index: AnyIndex) -> QSize:
        height = QFontMetrics(self.title_font).lineSpacing() * 2 + QFontMetrics(self.date_font).lineSpacing() + 46
        return QSize(option.rect.width() or 400, max(88, height))

    def paint(self, painter, option: QStyleOptionViewItem, index: AnyIndex) -> None:
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        rect = option.rect.adjusted(6, 5, -6, -5)
        painter.setPen(QPen(QColor(TILE_SELECTED if selected else TILE_BORDER), 2))
        painter.setBrush(QColor(TILE_SELECTED if selected else TILE))
        painter.drawRoundedRect(rect, 14, 14)
        text = QColor("white" if selected else TEXT)
        muted = QColor("#f1e4d8" if selected else MUTED)
        inner = rect.adjusted(18, 10, -18, -10)
        date_height = QFontMetrics(self.date_font).lineSpacing()
        painter.setFont(self.date_font)
        painter.setPen(muted)
        painter.drawText(
            QRect(inner.x(), inner.y(), inner.width(), date_height),
            int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
            index.data(DATE_ROLE) or "",
        )
        painter.setFont(self.title_font)
        painter.setPen(text)
        title_rect = QRect(inner.x(), inner.y() + date_height + 2, inner.width(), inner.height() - date_height - 2)
        metrics = QFontMetrics(self.title_font)
        title = str(index.data() or "")
        if metrics.boundingRect(title_rect, int(Qt.TextFlag.TextWordWrap), title).height() > title_rect.height():
            title = metrics.elidedText(title, Qt.TextElideMode.ElideRight, title_rect.width() * 2 - 40)
        painter.drawText(
            title_rect, int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop | Qt.TextFlag.TextWordWrap), title
        )
        painter.restore()
