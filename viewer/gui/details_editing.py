"""The Details tab with its Edit mode: a bar above the fields (the document's tags, Edit details), and
the form (``editors.DetailsEditor``) in place of the fields while editing."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget

from ..core.store import Archive
from . import plain
from .changes import Changes
from .document_panel import DocumentPanel
from .editors import DetailsEditor


class DetailsEditing(QObject):
    """Puts the editor into the panel's Details tab and switches between reading and editing.

    Signals: message(str) for the status bar (edits left unsaved when another document was opened).
    """

    message = Signal(str)

    def __init__(
        self,
        panel: DocumentPanel,
        archive: Callable[[], Archive],
        changes: Changes,
        author: Callable[[], str],
    ):
        super().__init__(panel)
        self.panel, self.archive = panel, archive
        page = panel.details_page
        self.bar = QWidget(page)
        self.bar.setObjectName("details_bar")
        self.tags = plain.plain(QLabel(self.bar))
        self.tags.setObjectName("details_tags")
        self.tags.setAccessibleName("Tags")
        self.tags.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self.tags.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.tags.setWordWrap(True)
        self.edit_button = QPushButton("Edit details…", self.bar)
        self.edit_button.setObjectName("edit_details")
        self.edit_button.setAccessibleName("Edit details")
        self.edit_button.setToolTip("Correct the fields of this document (F2)")
        self.edit_button.clicked.connect(self.edit)
        row = QHBoxLayout(self.bar)
        row.setContentsMargins(10, 6, 10, 6)
        row.addWidget(self.tags, 1)
        row.addWidget(self.edit_button, 0, Qt.AlignmentFlag.AlignTop)
        self.editor = DetailsEditor(archive, changes, author, page)
        self.editor.hide()
        self.editor.closed.connect(self.leave)
        layout = page.layout()
        assert layout is not None
        layout.insertWidget(0, self.bar)  # type: ignore[attr-defined]
        layout.addWidget(self.editor)
        panel.document_shown.connect(self.document_shown)

    def editing(self) -> bool:
        return self.editor.isVisibleTo(self.panel.details_page)

    def edit(self) -> bool:
        """Open the form on the document shown (the Details tab comes to the front)."""
        record = self.panel.record
        if record is None or self.archive().readonly or not self.editor.load(record.id):
            return False
        self.panel.show_tab("details")
        self.panel.details.hide()
        self.bar.hide()
        self.editor.show()
        self.editor.editors["title"].focus()
        return True

    def leave(self, _saved: bool = False) -> None:
        self.editor.hide()
        self.panel.details.show()
        self.bar.show()

    def document_shown(self, document_id: int) -> None:
        archive = self.archive()
        tags = archive.document_tags(document_id)
        self.tags.setText("Tags: " + ", ".join(tags) if tags else "No tags")
        self.edit_button.setEnabled(not archive.readonly)
        if self.editing() and document_id != self.editor.document_id:
            if self.editor.changed_values():
                self.message.emit("The edits of the document you left were not saved")
            self.leave()
