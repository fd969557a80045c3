"""The document list: a table view over DocumentTableModel, built to stay quick at 100,000 rows.

Uniform row heights and fixed header sections mean Qt never asks for rows it does not draw.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QByteArray, QItemSelection, QItemSelectionModel, QModelIndex, QPoint, QSettings, Qt, Signal
from PySide6.QtGui import QPaintEvent
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QMenu, QTableView, QWidget

from . import background
from . import settings as state
from .document_model import COL_DATE, COL_LANGUAGE, COL_PARTS, COL_TITLE, COL_TYPE, HEADERS, DocumentTableModel
from .list_columns import ColumnFitter, saving
from .list_snippets import SnippetDelegate, header_column


class DocumentList(QTableView):
    """Signals: document_selected(int) when the current row changes to another document."""

    document_selected = Signal(int)

    def __init__(self, model: DocumentTableModel, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("document_list")
        self.setAccessibleName(self.tr("Document list"))
        self.setToolTip(self.tr("Documents in the archive; Up and Down open the next one"))
        self.setModel(model)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)  # curate several at once
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSortingEnabled(True)
        self.setWordWrap(False)
        self.setShowGrid(False)
        self.setAlternatingRowColors(True)
        self.setTabKeyNavigation(False)
        self.setTextElideMode(Qt.TextElideMode.ElideMiddle)  # "Ciphered Teleg…to Vyshinsky"; the tooltip is whole
        vertical = self.verticalHeader()
        vertical.setVisible(False)
        vertical.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        vertical.setDefaultSectionSize(self.fontMetrics().height() + 8)
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(COL_TITLE, QHeaderView.ResizeMode.Stretch)
        header.setHighlightSections(False)
        header.setAccessibleName(self.tr("Columns"))
        header.setToolTip(
            self.tr("Click a column to sort by it; click again to reverse; right-click to show or hide columns")
        )
        header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header.customContextMenuRequested.connect(self._header_menu)
        header.setSectionsMovable(False)
        width = self.fontMetrics().horizontalAdvance
        self.setColumnWidth(COL_DATE, width("0000-00-00") + 20)
        self.setColumnWidth(COL_TYPE, width("Ciphered") + 16)  # elided: the title needs the room
        self.setColumnWidth(COL_LANGUAGE, width("Russian") + 16)
        self.setColumnWidth(COL_PARTS, width("S T E") + 28)
        self.sortByColumn(COL_DATE, Qt.SortOrder.AscendingOrder)
        self.columns = ColumnFitter(self)  # short columns fit their content; the title keeps its share
        model.modelReset.connect(self._fit_once)
        # laid out at once: left to the first paint, the layout changed the scroll bars and asked for a second paint
        model.modelReset.connect(self.executeDelayedItemsLayout)
        model.layoutChanged.connect(self._sorted)
        self.selectionModel().currentRowChanged.connect(self._current_changed)
        self.setItemDelegateForColumn(COL_TITLE, SnippetDelegate(self))  # while searching: a snippet line
        model.searching_changed.connect(self._row_height)
        model.order_changed.connect(self._order_shown)
        model.counted.connect(self._sorted)  # the open document may lie beyond the first screen

    def _row_height(self, searching: bool) -> None:
        """Rows grow a line for the snippet while searching, and shrink back after."""
        line = self.fontMetrics().height()
        self.verticalHeader().setDefaultSectionSize(2 * line + 12 if searching else line + 8)

    def _order_shown(self, key: str, descending: bool) -> None:
        """The header shows the model's order (none of its columns for relevance); the model is
        sorted already, and the remembered columns keep the browsing order."""
        header = self.horizontalHeader()
        column = header_column(key)
        header.blockSignals(True)
        header.setSortIndicatorShown(column >= 0)
        order = Qt.SortOrder.DescendingOrder if descending else Qt.SortOrder.AscendingOrder
        header.setSortIndicator(column, order)
        header.blockSignals(False)

    # -- columns ----------------------------------------------------------------------------

    def column_menu(self) -> QMenu:
        """Every column but the title, checked when shown (the header's context menu)."""
        menu = QMenu(self)
        menu.setObjectName("list_columns_menu")
        for column, name in enumerate(HEADERS):
            if column == COL_TITLE:
                continue
            action = menu.addAction(self.model().headerData(column, Qt.Orientation.Horizontal))
            action.setObjectName(f"list_column_{name.lower()}")
            action.setCheckable(True)
            action.setChecked(not self.columns.hidden_by_person(column))
            action.toggled.connect(lambda on, c=column: self.show_column(c, on))
        return menu

    def _header_menu(self, point: QPoint) -> None:
        self.column_menu().exec(self.horizontalHeader().mapToGlobal(point))

    def show_column(self, column: int, on: bool) -> None:
        if column != COL_TITLE:  # the title always stays
            self.columns.show_column(column, on)
            self._keep_header()

    def remember(self, settings: QSettings) -> None:
        """Restore the columns (shown, widths, sort) from the settings and keep them there as they change."""
        header = self.horizontalHeader()
        saved = state.read(settings, "list/header")
        if saved and header.restoreState(QByteArray(saved)):
            header.setSectionHidden(COL_TITLE, False)
            header.setSectionResizeMode(COL_TITLE, QHeaderView.ResizeMode.Stretch)
            self.columns.take_widths()

        def keep(*_: object) -> None:
            state.write(settings, "list/header", header.saveState())

        keep = saving(self.columns, keep)  # the widths chosen, not those a narrow list makes do with
        self._keep_header = keep
        header.sectionResized.connect(keep)
        header.sortIndicatorChanged.connect(keep)

    @property
    def document_model(self) -> DocumentTableModel:
        return self.model()  # type: ignore[return-value]

    def _fit_once(self) -> None:
        """The short columns fit the first rows shown, unless widths were remembered."""
        if not self.columns.wanted and self.document_model.rowCount():
            self.columns.fit_to_content()

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        background.screen_painted("list")  # work held back for the first screen may start

    def _sorted(self, *_: object) -> None:
        """Keep the open document selected after the order changed."""
        if self._keep is not None:
            self.select_document(self._keep, emit=False)

    _keep: int | None = None
    _keep_header: Callable[[], None] = staticmethod(lambda: None)

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if not current.isValid():
            return
        document_id = self.document_model.document_id(current.row())
        if document_id is not None and document_id != self._keep:
            self._keep = document_id
            self.document_selected.emit(document_id)

    def current_document(self) -> int | None:
        return self._keep

    def select_document(self, document_id: int, *, emit: bool = True) -> bool:
        """Select and show a document's row; False when the filters hide it."""
        row = self.document_model.row_of(document_id)
        if row is None:
            if not emit:
                self.clearSelection()
            self._keep = document_id
            return False
        if not emit:
            self._keep = document_id
        index = self.document_model.index(row, COL_TITLE)
        self.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
        )
        self.scrollTo(index, QAbstractItemView.ScrollHint.EnsureVisible)
        return True

    def selected_documents(self) -> list[int]:
        """The documents selected in the list, top to bottom; the open one when none is selected."""
        model = self.document_model
        selection = self.selectionModel().selection()
        ranges = (selection.at(i) for i in range(selection.count()))  # not iterated: PySide6's stubs lack it
        rows = sorted({row for r in ranges for row in range(r.top(), r.bottom() + 1)})
        ids = [found for found in (model.document_id(row) for row in rows) if found is not None]
        return ids or ([self._keep] if self._keep is not None and model.row_of(self._keep) is not None else [])

    def select_documents(self, document_ids: list[int]) -> None:
        """Select these documents' rows (those the filters show), keeping the current row."""
        selection = QItemSelection()
        model = self.document_model
        for document_id in document_ids:
            row = model.row_of(document_id)
            if row is not None:
                selection.select(model.index(row, 0), model.index(row, model.columnCount() - 1))
        self.selectionModel().select(selection, QItemSelectionModel.SelectionFlag.Select)

    def step(self, delta: int) -> None:
        """Open the document ``delta`` rows away (Go ▸ Previous / Next)."""
        rows = self.document_model.rowCount()
        if not rows:
            return
        current = self.currentIndex().row() if self.currentIndex().isValid() else -1
        target = min(max(current + delta, 0), rows - 1) if current >= 0 else 0
        index = self.document_model.index(target, COL_TITLE)
        self.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
        )
        self.scrollTo(index)
