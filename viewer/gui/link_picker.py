"""Pick the document a link points to: a relation, and a document found by search (words of its text
or title, its key, or its id)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ..core.curation import RELATIONS
from ..core.store import Archive, Filters
from . import plain
from .i18n import relation_label
from .roles import ID_ROLE

RESULTS = 50


class LinkPicker(QDialog):
    """A dialog: choose a relation and a document; ``link()`` gives the link to add, or None."""

    def __init__(self, archive: Archive, document_id: int, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("link_picker")
        self.setWindowTitle(self.tr("Link to Another Document"))
        self.archive, self.document_id = archive, document_id
        self.relation = QComboBox(self)
        self.relation.setObjectName("link_relation")
        self.relation.setAccessibleName(self.tr("Relation"))
        for relation in RELATIONS:
            self.relation.addItem(relation_label(relation), relation)
        self.search = QLineEdit(self)
        self.search.setObjectName("link_search")
        self.search.setAccessibleName(self.tr("Find the document"))
        self.search.setPlaceholderText(self.tr("words, a key or an id"))
        self.search.setClearButtonEnabled(True)
        self.results = QListWidget(self)
        self.results.setObjectName("link_results")
        self.results.setAccessibleName(self.tr("Documents found"))
        self.results.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.results.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)  # long titles are elided
        self.results.itemActivated.connect(lambda _item: self.accept())
        self.results.currentRowChanged.connect(lambda _row: self._allow())
        self.count = plain.plain(QLabel(self))
        self.count.setObjectName("link_count")
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Link"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(200)
        self._debounce.timeout.connect(self.search_for)
        self.search.textChanged.connect(lambda _t: self._debounce.start())
        form = QFormLayout()
        form.addRow(self.tr("&Relation:"), self.relation)
        form.addRow(self.tr("&Find:"), self.search)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.results, 1)
        layout.addWidget(self.count)
        layout.addWidget(self.buttons)
        self.resize(560, 420)
        self.search_for()

    def search_for(self, text: str | None = None) -> int:
        """List the documents the search finds (a key or an id first); returns how many."""
        if text is not None:
            self.search.blockSignals(True)
            self.search.setText(text)
            self.search.blockSignals(False)
        query = self.search.text().strip()
        found: list[tuple[int, str, str]] = []
        exact = self.archive.resolve_id(query) if query else None
        if exact is not None:
            record = self.archive.record(exact)
            if record is not None:
                found.append((record.id, record.date or self.tr("undated"), record.title or record.key))
        try:
            rows = self.archive.page(Filters(query=query), limit=RESULTS)
        except Exception:  # a half-typed query ("Mao AND") lists nothing until it reads
            rows = []
        undated = self.tr("undated")
        found += [(int(r.id), r.date_start or undated, r.title or r.key) for r in rows if int(r.id) != exact]
        self.results.clear()
        for document_id, date, title in found:
            mine = " " + self.tr("(this document)") if document_id == self.document_id else ""
            item = QListWidgetItem(f"{date}  {title}{mine}")
            item.setData(ID_ROLE, document_id)
            item.setToolTip(plain.tip(title))
            self.results.addItem(item)
        if found:
            self.results.setCurrentRow(0)
        count = self.tr("%n found", "", len(found))
        self.count.setText(count + (" " + self.tr("(the first ones)") if len(rows) >= RESULTS else ""))
        self._allow()
        return len(found)

    def _allow(self) -> None:
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(self.results.currentItem() is not None)

    def choose(self, relation: str, row: int = 0) -> None:
        self.relation.setCurrentIndex(self.relation.findData(relation))
        self.results.setCurrentRow(row)

    def link(self) -> dict[str, Any] | None:
        item = self.results.currentItem()
        if item is None:
            return None
        target = int(item.data(ID_ROLE))
        return {"relation": self.relation.currentData(), "target_id": target}  # checked by the archive
