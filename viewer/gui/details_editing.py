"""The Details tab with its Edit mode: a bar above the fields (the document's tags, Edit details, and
why it needs review with Mark reviewed), and the form (``editors.DetailsEditor``) in place of the
fields while editing."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QGridLayout, QLabel, QPushButton, QWidget

from ..core.curation import FIELDS
from ..core.store import Archive
from . import plain
from .changes import Changes
from .document_panel import DocumentPanel
from .editors import DetailsEditor
from .i18n import field_label
from .kept_edits import typed
from .messages import shown
from .review import mark_reviewed_step
from .widgets_common import PanelPart


class DetailsEditing(PanelPart):
    """Puts the editor into the panel's Details tab and switches between reading and editing.

    Signals: message(str) for the status bar (edits left unsaved when another document was opened).
    """

    def __init__(
        self, panel: DocumentPanel, archive: Callable[[], Archive], changes: Changes, author: Callable[[], str]
    ):
        super().__init__(panel, archive, changes, author)
        page = panel.details_page
        self.bar = QWidget(page)
        self.bar.setObjectName("details_bar")
        self.tags = plain.plain(QLabel(self.bar))
        self.tags.setObjectName("details_tags")
        self.tags.setAccessibleName(self.tr("Tags"))
        self.tags.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self.tags.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.tags.setWordWrap(True)
        self.edit_button = QPushButton(self.tr("Edit details…"), self.bar)
        self.edit_button.setObjectName("edit_details")
        self.edit_button.setAccessibleName(self.tr("Edit details"))
        self.edit_button.setToolTip(self.tr("Correct the fields of this document (F2)"))
        self.edit_button.clicked.connect(self.edit)
        self.review = plain.plain(QLabel(self.bar))
        self.review.setObjectName("details_review")
        self.review.setAccessibleName(self.tr("Why the document needs review"))
        self.review.setWordWrap(True)
        self.review.setStyleSheet("color: #8a5300")
        self.review_button = QPushButton(self.tr("Mark reviewed"), self.bar)
        self.review_button.setObjectName("details_mark_reviewed")
        self.review_button.setToolTip(self.tr("This document no longer needs review (undoable)"))
        self.review_button.clicked.connect(self.mark_reviewed)
        row = QGridLayout(self.bar)
        row.setContentsMargins(10, 6, 10, 6)
        row.setVerticalSpacing(4)
        row.addWidget(self.tags, 0, 0)
        row.addWidget(self.edit_button, 0, 1, Qt.AlignmentFlag.AlignTop)
        row.addWidget(self.review, 1, 0)
        row.addWidget(self.review_button, 1, 1, Qt.AlignmentFlag.AlignTop)
        row.setColumnStretch(0, 1)
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

    def mark_reviewed(self) -> None:
        record = self.panel.record
        if record is not None:
            self.changes.submit(mark_reviewed_step([record.id], self.author()))

    def document_shown(self, document_id: int) -> None:
        archive = self.archive()
        tags = archive.document_tags(document_id)
        names = set(archive.corrected_fields(document_id))
        corrected = [field_label(name, spec.label).lower() for name, spec in FIELDS.items() if name in names]
        text = self.tr("Tags: {tags}").format(tags=", ".join(tags)) if tags else self.tr("No tags")
        if corrected:  # discreetly: who and when are in the form and the History
            text += "  ·  ✎ " + self.tr("corrected by hand: {fields}").format(fields=", ".join(corrected))
        self.tags.setText(text)
        self.edit_button.setEnabled(not archive.readonly)
        record = self.panel.record
        needs = record is not None and record.needs_review
        reasons = [shown(reason) for reason in record.review_reasons] if record is not None else []
        because = "; ".join(reasons or [self.tr("no reason recorded")])
        self.review.setText("⚑ " + self.tr("Needs review: {reasons}").format(reasons=because) if needs else "")
        self.review.setVisible(needs)
        self.review_button.setVisible(needs)
        self.review_button.setEnabled(not archive.readonly)
        if self.editing() and document_id != self.editor.document_id:
            gone = self.editor.document_id is not None and archive.document_row(self.editor.document_id) is None
            if gone and typed(self.editor):  # deleted meanwhile: what was typed stays, with why
                self.editor.gone()
                return
            if self.editor.changed_values():
                self.message.emit(self.tr("The edits of the document you left were not saved"))
            self.leave()
