"""The document list's model: rows read from the store on demand, sorted and filtered in SQL.

A proxy model would sort 100,000 rows in Python; instead the first screen comes from
``Archive.screen`` (bounded, whatever a query matches) and the rest in windows, keeping a few in an
LRU. In a large archive the count and the whole order (``Archive.order``: every id, in the list's
order) are read on a worker after the first screen is shown, and the rows beyond it arrive with them;
a window is then read by id, so a jump to any row costs what the first did. A selection of facets
alone in date order is counted at once (the store's tallies) and its rows near the top read by
position on the date indexes; its whole order is read only once a row far down is wanted. While a
query is active the list is in relevance order unless the person chose another, and the title column
carries a snippet of each visible row, made on a worker. Count, windows and positions all use one compiled
``Selection`` of the filters (``Archive.select``). ``rows_fetched`` counts what was read, so a test
can check the list never loads everything.
"""

from __future__ import annotations

from array import array
from collections import OrderedDict
from collections.abc import Sequence
from functools import partial
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)

from ..core.records import ListRow
from ..core.store import Archive, Filters
from ..core.store.screens import RELEVANCE
from .background import LARGE_ARCHIVE, Latest, screen_changed
from .i18n import QT_TRANSLATE_NOOP
from .plain import tip
from .roles import ID_ROLE, KEY_ROLE, SNIPPET_ROLE
from .snippets import Snippets
from .tasks import TaskRunner

COL_DATE, COL_TITLE, COL_TYPE, COL_LANGUAGE, COL_PARTS = range(5)
HEADERS = (  # in English; headerData hands them out translated
    QT_TRANSLATE_NOOP("DocumentTableModel", "Date"),
    QT_TRANSLATE_NOOP("DocumentTableModel", "Title"),
    QT_TRANSLATE_NOOP("DocumentTableModel", "Type"),
    QT_TRANSLATE_NOOP("DocumentTableModel", "Language"),
    QT_TRANSLATE_NOOP("DocumentTableModel", "Parts"),
)
HEADER_TIPS = (
    QT_TRANSLATE_NOOP("DocumentTableModel", "Date the document was written (ISO)"),
    QT_TRANSLATE_NOOP("DocumentTableModel", "Title"),
    QT_TRANSLATE_NOOP("DocumentTableModel", "Document type"),
    QT_TRANSLATE_NOOP("DocumentTableModel", "Original language"),
    QT_TRANSLATE_NOOP("DocumentTableModel", "Which parts exist: S scan, T transcript, E translation"),
)
SORT_KEYS = ("date", "title", "type", "language", "date")
WINDOW = 200
CACHED_WINDOWS = 6
ORDERS_KEPT = 3  # whole orders kept (a million ids take 8 MB)
NEAR_ROWS = 10_000  # rows read by position (an index walk) while a whole order is not read yet

AnyIndex = QModelIndex | QPersistentModelIndex
ROW_FLAGS = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren  # once


def parts_mark(row: ListRow) -> str:
    """Three fixed slots so the marks line up: S(can) T(ranscript) E (translation, usually English)."""
    return " ".join(
        mark if getattr(row, column) else "·"
        for mark, column in (("S", "has_scan"), ("T", "has_transcript"), ("E", "has_translation"))
    )


def parts_tip(row: ListRow) -> str:
    names = [
        QCoreApplication.translate("DocumentTableModel", name)
        for name, column in (
            (QT_TRANSLATE_NOOP("DocumentTableModel", "scan"), "has_scan"),
            (QT_TRANSLATE_NOOP("DocumentTableModel", "transcript"), "has_transcript"),
            (QT_TRANSLATE_NOOP("DocumentTableModel", "translation"), "has_translation"),
        )
        if getattr(row, column)
    ]
    if not names:
        return QCoreApplication.translate("DocumentTableModel", "No scan, transcript or translation")
    return QCoreApplication.translate("DocumentTableModel", "Has {parts}").format(parts=", ".join(names))


class DocumentTableModel(QAbstractTableModel):
    """Documents of the archive as the current filters and sort order select them.

    Signals: counted(int) when the number of documents arrives from a worker (after the first
    screen); searching_changed(bool) when a query starts or ends (the rows grow a snippet line);
    order_changed(str, bool) when the sort key or direction changes."""

    counted = Signal(int)
    searching_changed = Signal(bool)
    order_changed = Signal(str, bool)

    def __init__(self, archive: Archive, parent: Any = None, runner: TaskRunner | None = None):
        super().__init__(parent)
        self.archive = archive
        self.runner = runner
        self.filters = Filters()
        self.sort_key = "date"
        self.descending = False
        self.sort_column = COL_DATE
        self.search_sort: tuple[str, bool] = (RELEVANCE, False)  # the order while a query is active
        self.browse_sort: tuple[str, bool] = ("date", False)  # and without one
        self.searching = False
        self.selection = archive.select(self.filters)
        self._count = 0
        self.count_known = True
        self._ids: Sequence[int] | None = None  # every id in the list's order, when known
        self._lazy = False  # counted by the tallies; the whole order is read once a row far down is wanted
        self._windows: OrderedDict[int, list[ListRow]] = OrderedDict()
        self.snippets = Snippets(lambda: self.archive, lambda: list(self.selection.terms), self._snippets_made, runner)
        self._orders: OrderedDict[tuple[Any, ...], Sequence[int]] = OrderedDict()
        self._order = Latest(runner, lambda: self.archive.path) if runner is not None else None
        self.rows_fetched = 0
        self._reload()

    # -- the store ----------------------------------------------------------------------------

    def background(self) -> bool:
        """Whether counts and orders are read on a worker (a runner, and a large archive)."""
        return self.runner is not None and self.archive.documents_total() >= LARGE_ARCHIVE

    def _row(self, row: int) -> ListRow | None:
        if not 0 <= row < self._count:
            return None
        number = row // WINDOW
        window = self._windows.get(number)
        if window is None:
            if self._ids is not None:
                window = self.archive.rows_by_id(self._ids[number * WINDOW : (number + 1) * WINDOW])
            elif number == 0:  # the first screen, bounded whatever the query matches
                screen = self.archive.screen(self.selection, self.sort_key, self.descending, WINDOW)
                window, self._ids = screen.rows, screen.ids
            elif self.count_known and self.sort_key != RELEVANCE and not (self._lazy and number * WINDOW >= NEAR_ROWS):
                window = self.archive.page(self.selection, self.sort_key, self.descending, number * WINDOW, WINDOW)
            else:
                if self._lazy:  # far from the top: the whole order makes every row a read by id away
                    self._lazy = False
                    self._read_order()
                return None  # its order is still being read
            self.rows_fetched += len(window)
            self._windows[number] = window
            while len(self._windows) > CACHED_WINDOWS:
                self._windows.popitem(last=False)
        else:
            self._windows.move_to_end(number)
        offset = row - number * WINDOW
        return window[offset] if offset < len(window) else None

    def _reload(self) -> None:
        """Read the first screen and, when it is at hand, the count; a worker reads the rest."""
        self._windows.clear()
        self._ids = None
        self._lazy = False
        if self._order is not None:
            self._order.cancel()
        self.selection = selection = self.archive.select(self.filters)
        self.count_known = True
        screen_changed()  # the workers this starts wait for the first screen to be painted
        background = self.background()
        if selection.match is None and not background:  # counted on the indexes; rows read when drawn
            self._count = self.archive.count(selection)
            return
        known = self._orders.get(self._order_key())
        if known is not None:  # read by a worker for this very state: every row is a read by id away
            self._ids, self._count = known, len(known)
            return
        screen = self.archive.screen(selection, self.sort_key, self.descending, WINDOW)
        self.rows_fetched += len(screen.rows)
        self._windows[0] = screen.rows
        if screen.ids is not None:
            self._ids, self._count = screen.ids, len(screen.ids)
        elif not background:
            if self.sort_key == RELEVANCE and selection.match is not None:
                self._ids = self.archive.order(selection, RELEVANCE)
                self._count = len(self._ids)
            else:
                self._count = self.archive.count(selection)
        else:
            tallied = self.archive.tallied_count(selection) if self.sort_key == "date" else None
            if self.filters.is_empty():
                self._count = self.archive.documents_total()  # known; the order still makes jumps cheap
            elif tallied is not None:  # facets alone: counted at once; rows near the top read on the date
                self._count, self._lazy = tallied, True  # indexes, the order only once a row far down is wanted
                return
            else:
                self._count, self.count_known = len(screen.rows), False
            self._read_order()

    def _order_key(self) -> tuple[Any, ...]:
        return self.filters, self.sort_key, self.descending, self.archive.changes_stamp()

    def _read_order(self) -> None:
        assert self._order is not None
        selection, sort, descending, key = self.selection, self.sort_key, self.descending, self._order_key()
        self._order.run(lambda archive: archive.order(selection, sort, descending), partial(self._ordered, key))

    def _ordered(self, key: tuple[Any, ...], ids: array[int]) -> None:
        """The whole order from the worker: the rows beyond the first screen, and the count."""
        self._orders[key] = ids  # kept while the archive is unchanged: a refresh need not read it again
        while len(self._orders) > ORDERS_KEPT:
            self._orders.popitem(last=False)
        first = [row.id for row in self._windows.get(0, [])]
        if list(ids[: len(first)]) != first or len(ids) < self._count:  # the archive changed meanwhile
            self.beginResetModel()
            self._windows.clear()
            self._ids, self._count = ids, len(ids)
            self.endResetModel()
        else:
            self._ids = ids
            if len(ids) > self._count:
                self.beginInsertRows(QModelIndex(), self._count, len(ids) - 1)
                self._count = len(ids)
                self.endInsertRows()
            elif self._count > WINDOW:  # rows drawn blank while their order was read
                self.dataChanged.emit(self.index(WINDOW, 0), self.index(self._count - 1, len(HEADERS) - 1))
        known, self.count_known = self.count_known, True
        if not known:
            self.counted.emit(self._count)

    def refresh(self) -> None:
        """Re-read the first screen and the count (after filters, sort or the archive changed)."""
        self.beginResetModel()
        self.snippets.clear()
        self._reload()
        self.endResetModel()

    def set_filters(self, filters: Filters) -> None:
        self.filters = filters  # immutable: the caller cannot change it behind the model's back
        searching = bool(self.archive.select(filters).terms)
        if searching != self.searching:  # a query starts or ends: its own remembered order
            self.searching = searching
            self.sort_key, self.descending = self.search_sort if searching else self.browse_sort
            self.sort_column = SORT_KEYS.index(self.sort_key) if self.sort_key in SORT_KEYS else -1
            self.refresh()
            self.searching_changed.emit(searching)
            self.order_changed.emit(self.sort_key, self.descending)
            return
        self.refresh()

    def set_archive(self, archive: Archive) -> None:
        self.archive = archive
        self.refresh()

    def document_id(self, row: int) -> int | None:
        found = self._row(row)
        return int(found.id) if found is not None else None

    def row_of(self, document_id: int) -> int | None:
        """Where a document is in the list as sorted and filtered, or None if filtered out (or,
        while a worker reads the order, not on the first screen)."""
        if not self._count:
            return None
        if self._ids is not None:
            try:
                return self._ids.index(document_id)
            except ValueError:
                return None
        if not self.count_known or self.sort_key == RELEVANCE:  # a lazy facet list is counted: found by position
            return next((n for n, row in enumerate(self._windows.get(0, [])) if row.id == document_id), None)
        position = self.archive.position_of(document_id, self.selection, self.sort_key, self.descending)
        if position is None or position >= self._count or self.document_id(position) != document_id:
            return None
        return position

    def _snippets_made(self, rows: list[int]) -> None:
        self.dataChanged.emit(self.index(min(rows), COL_TITLE), self.index(max(rows), COL_TITLE), [SNIPPET_ROLE])

    # -- Qt -----------------------------------------------------------------------------------

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else self._count

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(HEADERS):
            if role == Qt.ItemDataRole.DisplayRole:
                return self.tr(HEADERS[section])
            if role == Qt.ItemDataRole.ToolTipRole:
                return self.tr(HEADER_TIPS[section])
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
            SNIPPET_ROLE,
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
        if role == SNIPPET_ROLE:
            wanted = self.searching and index.column() == COL_TITLE
            return self.snippets.get(row.id, index.row()) if wanted else None
        text = self._text(row, index.column(), role)
        # a tooltip is read as HTML when it looks like HTML; a title is text
        return tip(text) if role == Qt.ItemDataRole.ToolTipRole else text

    def column_texts(self, column: int, count: int) -> list[str]:
        """What the first ``count`` rows show in ``column``, as data() gives it (the column fitter's sample)."""
        display = Qt.ItemDataRole.DisplayRole
        return [
            "" if (row := self._row(number)) is None else self._text(row, column, display)
            for number in range(min(count, self._count))
        ]

    @staticmethod
    def _text(row: ListRow, column: int, role: int) -> str:
        if column == COL_DATE:
            text = row.date_start or QCoreApplication.translate("DocumentTableModel", "undated")
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
        return ROW_FLAGS

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        descending = order == Qt.SortOrder.DescendingOrder
        if not 0 <= column < len(HEADERS) or (column, descending) == (self.sort_column, self.descending):
            return  # QTableView.sortByColumn may ask twice for the same order
        self.set_order(SORT_KEYS[column], descending)

    def set_order(self, key: str, descending: bool = False) -> None:
        """Sort by ``key`` (a column's, or relevance while searching), remembered for the mode the
        list is in (searching or not)."""
        if key == RELEVANCE and not self.searching:
            key, descending = "date", False
        if (key, descending) == (self.sort_key, self.descending):
            return
        if self.searching:
            self.search_sort = (key, descending)
        else:
            self.browse_sort = (key, descending)
        self.sort_column = SORT_KEYS.index(key) if key in SORT_KEYS else -1
        self.sort_key, self.descending = key, descending
        if not self.count_known:  # still counting: the rows are read afresh
            self.refresh()
            self.order_changed.emit(key, descending)
            return
        self.layoutAboutToBeChanged.emit()
        self._windows.clear()  # the same documents in another order: read when drawn
        self._ids = None
        if self._order is not None:
            self._order.cancel()
        if self.sort_key == RELEVANCE and not self.background():
            self._ids = self.archive.order(self.selection, RELEVANCE)
        elif self.background():
            self._read_order()
        # rows move wholesale; the view keeps no per-row state we could map, so drop persistent indexes
        old = self.persistentIndexList()
        self.changePersistentIndexList(old, [QModelIndex() for _ in old])
        self.layoutChanged.emit()
        self.order_changed.emit(key, descending)
