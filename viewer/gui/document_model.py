"""The document list's model: rows read from the store on demand, sorted and filtered in SQL.

A proxy model would sort 100,000 rows in Python; instead ``rowCount`` is ``Archive.count`` and
``data`` reads the window of rows it falls in (``Archive.page``), keeping a few windows in an LRU.
Count, windows and positions all use one compiled ``Selection`` of the filters (``Archive.select``).
``rows_fetched`` counts what was read, so a test can check the list never loads everything.
"""

from __future__ import annotations

from collections import OrderedDict
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from ..core.records import ListRow
from ..core.store import Archive, Filters
from .plain import tip
from .roles import ID_ROLE, KEY_ROLE

COL_DATE, COL_TITLE, COL_TYPE, COL_LANGUAGE, COL_PARTS = range(5)
HEADERS = ("Date", "Title", "Type", "Language", "Parts")
HEADER_TIPS = (
    "Date the document was written (ISO)",
    "Title",
    "Document type",
    "Original language",
    "Which parts exist: S scan, T transcript, E translation",
)
SORT_KEYS = ("date", "title", "type", "language", "date")
WINDOW = 200
CACHED_WINDOWS = 6

AnyIndex = QModelIndex | QPersistentModelIndex


def parts_mark(row: ListRow) -> str:
    """Three fixed slots so the marks line up: S(can) T(ranscript) E (translation, usually English)."""
    return " ".join(
        mark if getattr(row, column) else "·"
        for mark, column in (("S", "has_scan"), ("T", "has_transcript"), ("E", "has_translation"))
    )


def parts_tip(row: ListRow) -> str:
    names = [
        name
        for name, column in (("scan", "has_scan"), ("transcript", "has_transcript"), ("translation", "has_translation"))
        if getattr(row, column)
    ]
    return ("Has " + ", ".join(names)) if names else "No scan, transcript or translation"


class DocumentTableModel(QAbstractTableModel):
    """Documents of the archive as the current filters and sort order select them."""

    def __init__(self, archive: Archive, parent: Any = None):
        super().__init__(parent)
        self.archive = archive
        self.filters = Filters()
        self.sort_key = "date"
        self.descending = False
        self.sort_column = COL_DATE
        self.selection = archive.select(self.filters)
        self._count = archive.count(self.selection)
        self._windows: OrderedDict[int, list[ListRow]] = OrderedDict()
        self.rows_fetched = 0

    # -- the store ----------------------------------------------------------------------------

    def _row(self, row: int) -> ListRow | None:
        if not 0 <= row < self._count:
            return None
        number = row // WINDOW
        window = self._windows.get(number)
        if window is None:
            window = self.archive.page(self.selection, self.sort_key, self.descending, number * WINDOW, WINDOW)
            self.rows_fetched += len(window)
            self._windows[number] = window
            while len(self._windows) > CACHED_WINDOWS:
                self._windows.popitem(last=False)
        else:
            self._windows.move_to_end(number)
        offset = row - number * WINDOW
        return window[offset] if offset < len(window) else None

    def refresh(self) -> None:
        """Re-read the count and forget cached rows (after filters, sort or the archive changed)."""
        self.beginResetModel()
        self._windows.clear()
        self.selection = self.archive.select(self.filters)
        self._count = self.archive.count(self.selection)
        self.endResetModel()

    def set_filters(self, filters: Filters) -> None:
        self.filters = filters  # immutable: the caller cannot change it behind the model's back
        self.refresh()

    def set_archive(self, archive: Archive) -> None:
        self.archive = archive
        self.refresh()

    def document_id(self, row: int) -> int | None:
        found = self._row(row)
        return int(found.id) if found is not None else None

    def row_of(self, document_id: int) -> int | None:
        """Where a document is in the list as sorted and filtered, or None if filtered out."""
        if not self._count:
            return None
        position = self.archive.position_of(document_id, self.selection, self.sort_key, self.descending)
        if position is None or position >= self._count or self.document_id(position) != document_id:
            return None
        return position

    # -- Qt -----------------------------------------------------------------------------------

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else self._count

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(HEADERS):
            if role == Qt.ItemDataRole.DisplayRole:
                return HEADERS[section]
            if role == Qt.ItemDataRole.ToolTipRole:
                return HEADER_TIPS[section]
        if orientation == Qt.Orientation.Vertical and role == Qt.ItemDataRole.DisplayRole:
            return section + 1
        return None

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.column() >= len(HEADERS):
            return None
        if role not in (
            Qt.ItemDataRole.DisplayRole,
            Qt.ItemDataRole.ToolTipRole,
            ID_ROLE,
            KEY_ROLE,
            Qt.ItemDataRole.AccessibleTextRole,
        ):
            return None
        row = self._row(index.row())
        if row is None:
            return None
        if role == ID_ROLE:
            return int(row.id)
        if role == KEY_ROLE:
            return row.key
        text = self._text(row, index.column(), role)
        # a tooltip is read as HTML when it looks like HTML; a title is text
        return tip(text) if role == Qt.ItemDataRole.ToolTipRole else text

    @staticmethod
    def _text(row: ListRow, column: int, role: int) -> str:
        if column == COL_DATE:
            text = row.date_start or "undated"
            if row.date_precision == "month" and row.date_start:
                text = row.date_start[:7]
            elif row.date_precision == "year" and row.date_start:
                text = row.date_start[:4]
            return text
        if column == COL_TITLE:
            return row.title or row.key
        if column == COL_TYPE:
            return row.doc_type or ""
        if column == COL_LANGUAGE:
            return row.original_language or ""
        if role in (Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleTextRole):
            return parts_tip(row)
        return parts_mark(row)

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        descending = order == Qt.SortOrder.DescendingOrder
        if not 0 <= column < len(HEADERS) or (column, descending) == (self.sort_column, self.descending):
            return  # QTableView.sortByColumn may ask twice for the same order
        self.layoutAboutToBeChanged.emit()
        self.sort_column = column
        self.sort_key = SORT_KEYS[column]
        self.descending = descending
        self._windows.clear()
        # rows move wholesale; the view keeps no per-row state we could map, so drop persistent indexes
        old = self.persistentIndexList()
        self.changePersistentIndexList(old, [QModelIndex() for _ in old])
        self.layoutChanged.emit()
