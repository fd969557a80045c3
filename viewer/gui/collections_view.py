"""Collections in the main window: the exhibits a kiosk shows as lessons, made and arranged here.

A dock beside the annotations: choose a collection, make a new one, rename or delete it, add the
documents selected in the list, remove one, and put them in the order the kiosk shows (drag, or the
arrow buttons). Every change is a ``CollectionChange`` on the window's undo stack, written on the
write thread. The kiosk finds a collection by its name, so renaming changes the title only.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import replace

from PySide6.QtCore import QSignalBlocker, Qt, Signal
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ..core.records import Collection
from ..core.store import Archive
from . import plain
from .changes import Changes, CollectionChange, Refusal
from .counts import counts
from .roles import ID_ROLE
from .widgets_common import problem_label


def collection_name(title: str, taken: set[str]) -> str:
    """A name for kiosk.toml from a title: lower-case words joined by hyphens, unique in the archive."""
    ascii_title = unicodedata.normalize("NFKD", title).encode("ascii", "ignore").decode()
    base = re.sub(r"[^a-z0-9]+", "-", ascii_title.lower()).strip("-")[:40] or "collection"
    name, number = base, 2
    while name in taken:
        name, number = f"{base}-{number}", number + 1
    return name


class CollectionsPane(QWidget):
    """Shows one collection's documents and asks for changes; ``CollectionsPane.changes`` writes them.

    Signals: document_activated(int) when a document of the collection is double-clicked or Enter
    is pressed on it.
    """

    document_activated = Signal(int)

    def __init__(
        self,
        archive: Callable[[], Archive],
        changes: Changes,
        selected_documents: Callable[[], list[int]],
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self.setObjectName("collections_pane")
        self.archive, self.changes, self.selected_documents = archive, changes, selected_documents
        self.current: Collection | None = None
        self._select: int | None = None  # the document to choose once a move is stored
        self._filling = False
        self.chooser = QComboBox(self)
        self.chooser.setObjectName("collection_chooser")
        self.chooser.setAccessibleName(self.tr("Collection"))
        self.chooser.setToolTip(self.tr("The collection shown below (the kiosk shows each as a lesson)"))
        self.chooser.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.chooser.setMinimumContentsLength(12)
        self.chooser.currentIndexChanged.connect(lambda _i: self.show_collection(self.chooser.currentData()))
        self.new_button = self._button(self.tr("New…"), "collection_new", self.tr("Make a new collection"))
        self.rename_button = self._button(
            self.tr("Rename…"), "collection_rename", self.tr("Give the collection another title")
        )
        self.delete_button = self._button(
            self.tr("Delete"), "collection_delete", self.tr("Delete the collection (not its documents)")
        )
        self.list = QListWidget(self)
        self.list.setObjectName("collection_documents")
        self.list.setAccessibleName(self.tr("Documents of the collection"))
        self.list.setToolTip(self.tr("In the order the kiosk shows them; drag to reorder, double-click to open"))
        self.list.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.list.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)  # long titles are elided
        self.list.model().rowsMoved.connect(lambda *_: self._dragged())
        self.list.itemActivated.connect(lambda item: self.document_activated.emit(int(item.data(ID_ROLE))))
        self.empty = plain.plain(QLabel(self))
        self.empty.setObjectName("collections_empty")
        self.empty.setWordWrap(True)
        self.empty.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self.add_button = self._button(
            self.tr("Add selected"), "collection_add", self.tr("Add the documents selected in the list")
        )
        self.remove_button = self._button(
            self.tr("Remove"), "collection_remove", self.tr("Take the chosen documents out")
        )
        self.up_button = self._tool("↑", "collection_up", self.tr("Move the chosen document up"))
        self.down_button = self._tool("↓", "collection_down", self.tr("Move the chosen document down"))
        self.new_button.clicked.connect(self.ask_new)
        self.rename_button.clicked.connect(self.rename)
        self.delete_button.clicked.connect(self.delete)
        self.add_button.clicked.connect(self.add_selected)
        self.remove_button.clicked.connect(self.remove_chosen)
        self.up_button.clicked.connect(lambda: self.move_chosen(-1))
        self.down_button.clicked.connect(lambda: self.move_chosen(1))
        self.problem = problem_label(self, "collections_problem")

        top = QHBoxLayout()
        top.addWidget(self.new_button)
        top.addWidget(self.rename_button)
        top.addWidget(self.delete_button)
        top.addStretch(1)
        bottom = QHBoxLayout()
        bottom.addWidget(self.add_button)
        bottom.addWidget(self.remove_button)
        bottom.addStretch(1)
        bottom.addWidget(self.up_button)
        bottom.addWidget(self.down_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.setSpacing(6)
        layout.addWidget(self.chooser)
        layout.addLayout(top)
        layout.addWidget(self.empty)
        layout.addWidget(self.list, 1)
        layout.addLayout(bottom)
        layout.addWidget(self.problem)
        self.reload()

    def _button(self, text: str, name: str, tip: str) -> QPushButton:
        button = QPushButton(text, self)
        button.setObjectName(name)
        button.setAccessibleName(text.rstrip("…"))
        button.setToolTip(tip)
        return button

    def _tool(self, text: str, name: str, tip: str) -> QToolButton:
        button = QToolButton(self)
        button.setText(text)
        button.setObjectName(name)
        button.setAccessibleName(tip)
        button.setToolTip(tip)
        return button

    # -- showing --------------------------------------------------------------------------------

    def reload(self, name: str | None = None) -> None:
        """Re-read the collections (after a change, an undo, another archive) and show ``name``."""
        name = name if name is not None else (self.current.name if self.current else None)
        with QSignalBlocker(self.chooser):
            self.chooser.clear()
            for found, title, count in self.archive().collections():
                self.chooser.addItem(f"{title} ({count})", found)
                self.chooser.setItemData(
                    self.chooser.count() - 1,
                    plain.tip(f"{title}\n" + self.tr("Name: {name}").format(name=found)),
                    Qt.ItemDataRole.ToolTipRole,
                )
            index = self.chooser.findData(name) if name else 0
            self.chooser.setCurrentIndex(max(index, 0) if self.chooser.count() else -1)
        self.show_collection(self.chooser.currentData())

    def show_collection(self, name: str | None) -> None:
        archive = self.archive()
        chosen = self.list.currentItem()
        keep = self._select if self._select is not None else (chosen.data(ID_ROLE) if chosen else None)
        self._select = None
        self.current = archive.collection(name) if name else None
        self._filling = True  # rows put in are not a drag to store
        try:
            self.list.clear()
            undated = self.tr("undated")
            for document_id in self.current.document_ids if self.current else []:
                record = archive.record(document_id)
                if record is None:
                    continue
                item = QListWidgetItem(f"{record.date or undated}  {record.title or record.key}")
                item.setData(ID_ROLE, document_id)
                item.setToolTip(plain.tip(record.title or record.key))
                self.list.addItem(item)
                if document_id == keep:
                    self.list.setCurrentItem(item)
        finally:
            self._filling = False
        has = self.current is not None
        writable = not archive.readonly
        for button in (self.rename_button, self.delete_button, self.add_button, self.remove_button):
            button.setEnabled(has and writable)
        self.up_button.setEnabled(has and writable)
        self.down_button.setEnabled(has and writable)
        self.new_button.setEnabled(writable)
        self.list.setDragEnabled(writable)
        self.empty.setVisible(not has or not self.list.count())
        self.empty.setText(
            self.tr("No collections yet. Make one with New…, then add documents selected in the list.")
            if not has
            else self.tr("This collection is empty: select documents in the list and press Add selected.")
        )

    def ids(self) -> list[int]:
        return [int(self.list.item(row).data(ID_ROLE)) for row in range(self.list.count())]

    # -- changing -------------------------------------------------------------------------------

    def _change(self, text: str, after: Collection | None, keep: str | None = None) -> None:
        before = self.current
        self.problem.hide()

        def done() -> None:
            self.reload(keep if keep is not None else (after.name if after else ""))

        def refused(refusal: Refusal) -> None:
            self.problem.setText(self.tr("{change} was not saved: {reason}").format(change=text, reason=refusal.reason))
            self.problem.show()
            self.show_collection(before.name if before else None)  # what is stored

        self.changes.submit(CollectionChange(text, before, after), done, refused)

    def ask_new(self) -> None:
        title, given = QInputDialog.getText(self, self.tr("New Collection"), self.tr("Title of the new collection:"))
        title = " ".join(title.split())
        if given and title:
            self.create_named(title)

    def create_named(self, title: str, document_ids: list[int] | None = None) -> None:
        taken = {name for name, _title, _count in self.archive().collections()}
        after = Collection(0, collection_name(title, taken), title, "", list(document_ids or []))
        self.current = None  # the new one is made beside the shown one, not instead of it
        self._change(self.tr("Make collection “{title}”").format(title=title), after)

    def rename(self) -> None:
        if self.current is None:
            return
        title, given = QInputDialog.getText(
            self, self.tr("Rename Collection"), self.tr("New title:"), text=self.current.title
        )
        title = " ".join(title.split())
        if given and title and title != self.current.title:
            self.rename_to(title)

    def rename_to(self, title: str) -> None:
        assert self.current is not None
        self._change(self.tr("Rename collection to “{title}”").format(title=title), replace(self.current, title=title))

    def delete(self, ask: bool = True) -> None:
        if self.current is None:
            return
        if ask:
            box = plain.message_box(
                self,
                QMessageBox.Icon.Question,
                self.tr("Delete Collection"),
                self.tr(
                    "Delete the collection “{title}”? Its documents stay in the archive; "
                    "Edit ▸ Undo brings the collection back."
                ).format(title=self.current.title),
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            )
            box.setDefaultButton(QMessageBox.StandardButton.Cancel)
            if box.exec() != QMessageBox.StandardButton.Yes:
                return
        self._change(self.tr("Delete collection “{title}”").format(title=self.current.title), None, keep="")

    def add_selected(self) -> None:
        if self.current is None:
            return
        new = [i for i in self.selected_documents() if i not in self.current.document_ids]
        if not new:
            self.problem.setText(self.tr("Select documents in the list that are not in this collection yet."))
            self.problem.show()
            return
        ids = self.current.document_ids + new
        text = counts().add_to(len(new)).format(title=self.current.title)
        self._change(text, replace(self.current, document_ids=ids))

    def remove_chosen(self) -> None:
        if self.current is None:
            return
        chosen = {int(item.data(ID_ROLE)) for item in self.list.selectedItems()}
        if chosen:
            ids = [i for i in self.current.document_ids if i not in chosen]
            text = counts().remove_from(len(chosen)).format(title=self.current.title)
            self._change(text, replace(self.current, document_ids=ids))

    def move_chosen(self, delta: int) -> None:
        row = self.list.currentRow()
        if self.current is None or row < 0 or not 0 <= row + delta < self.list.count():
            return
        ids = self.ids()
        ids.insert(row + delta, ids.pop(row))
        self._select = ids[row + delta]
        self.reorder(ids)

    def _dragged(self) -> None:
        if not self._filling and self.current is not None and self.ids() != self.current.document_ids:
            self.reorder(self.ids())

    def reorder(self, ids: list[int]) -> None:
        assert self.current is not None
        self._change(
            self.tr("Reorder “{title}”").format(title=self.current.title), replace(self.current, document_ids=ids)
        )
