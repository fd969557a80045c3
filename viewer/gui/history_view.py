"""The open document's history: every recorded change that touched it, newest first, with who made
it and when, what each field was before and after, and a button to revert one change (itself a
change, undoable like any other)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QHBoxLayout, QLabel, QListWidget, QListWidgetItem, QPushButton, QWidget

from ..core import curation, field_values
from ..core.curating import Step
from ..core.curation import Change, ChangeItem
from ..core.store import Archive
from . import plain
from .annotations_pane import when
from .changes import Changes, Refusal
from .i18n import field_label
from .messages import shown
from .roles import ID_ROLE
from .widgets_common import listing_layout, problem_label

TARGETS = {"tags": "Tags", "review": "Review", "trash": "Trash"}


def describe_item(item: ChangeItem) -> str | None:
    """One line of what a change did to a document ("Title: “a” → “b”"), None for the bookkeeping."""
    if item.target == "field":
        english = curation.FIELDS[item.name].label if item.name in curation.FIELDS else item.name
        label = field_label(item.name, english)
        before = shown(field_values.describe(item.name, item.before))
        after = shown(field_values.describe(item.name, item.after))
        return f"{label}: {before} → {after}"
    if item.target == "text":
        return QCoreApplication.translate("History", "{part} corrected").format(
            part=field_label(item.name, item.name.capitalize())
        )
    if item.target == "tags":
        before, after = (
            ", ".join(item.before or []) or QCoreApplication.translate("History", "none"),
            ", ".join(item.after or []) or QCoreApplication.translate("History", "none"),
        )
        return QCoreApplication.translate("History", "Tags: {before} → {after}").format(before=before, after=after)
    if item.target == "trash":
        return (
            QCoreApplication.translate("History", "Moved to the trash")
            if item.after == "trash"
            else QCoreApplication.translate("History", "Restored from the trash")
        )
    if item.target == "review":
        return (
            QCoreApplication.translate("History", "Marked reviewed")
            if not item.after
            else QCoreApplication.translate("History", "Needs review again")
        )
    return None


def describe_change(change: Change, document_id: int | None) -> str:
    lines = [
        shown(change.label),
        QCoreApplication.translate("History", "by {author}, {when}").format(author=change.author, when=when(change.at)),
    ]
    details = [describe_item(i) for i in change.items if document_id is None or i.document_id in (None, document_id)]
    lines += [f"  • {d}" for d in dict.fromkeys(details) if d]
    if not change.in_effect:
        lines.append(QCoreApplication.translate("History", "(undone since)"))
    return "\n".join(lines)


class HistoryPane(QWidget):
    """The history list of one document and a Revert button."""

    def __init__(
        self, archive: Callable[[], Archive], changes: Changes, author: Callable[[], str], parent: QWidget | None = None
    ):
        super().__init__(parent)
        self.setObjectName("history_pane")
        self.archive, self.changes, self.author = archive, changes, author
        self.document_id: int | None = None
        self.changes_shown: list[Change] = []
        self.list = QListWidget(self)
        self.list.setObjectName("history_list")
        self.list.setAccessibleName(self.tr("History of the document"))
        self.list.setWordWrap(True)
        self.list.setAlternatingRowColors(True)
        self.list.setSpacing(3)
        self.list.currentRowChanged.connect(lambda _row: self._allow())
        self.empty = plain.plain(QLabel(self))
        self.empty.setObjectName("history_empty")
        self.empty.setWordWrap(True)
        self.empty.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self.empty.setText(self.tr("No change recorded: every field is as imported."))
        self.revert_button = QPushButton(self.tr("Revert this change"), self)
        self.revert_button.setObjectName("history_revert")
        self.revert_button.setToolTip(
            self.tr("Put back what the chosen change replaced (refused if it was changed again since); undoable")
        )
        self.revert_button.clicked.connect(self.revert_chosen)
        self.problem = problem_label(self, "history_problem")
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.revert_button)
        listing_layout(self, self.empty, self.list, self.problem, row).setContentsMargins(6, 6, 6, 6)
        self._allow()

    def show_document(self, document_id: int | None) -> None:
        if document_id != self.document_id:
            self.problem.hide()
        self.document_id = document_id
        archive = self.archive()
        self.changes_shown = archive.history(document_id) if document_id is not None else []
        muted = self.palette().color(QPalette.ColorRole.PlaceholderText)
        self.list.clear()
        for change in self.changes_shown:
            item = QListWidgetItem(describe_change(change, document_id))
            item.setData(ID_ROLE, change.id)
            if not change.in_effect or change.kind in ("undo", "redo"):
                item.setForeground(muted)
            self.list.addItem(item)
        self.empty.setVisible(not self.changes_shown)
        self.list.setVisible(bool(self.changes_shown))
        self._allow()

    def chosen(self) -> Change | None:
        row = self.list.currentRow()
        return self.changes_shown[row] if 0 <= row < len(self.changes_shown) else None

    def _allow(self) -> None:
        change = self.chosen()
        self.revert_button.setEnabled(
            change is not None and change.in_effect and change.reversible and not self.archive().readonly
        )

    def revert_chosen(self) -> None:
        change = self.chosen()
        if change is None:
            return
        self.problem.hide()
        author = self.author()
        text = self.tr("Revert “{change}”").format(change=shown(change.label))
        step = Step(lambda a: a.revert(change.id, author), text, self.document_id, author)

        def refused(refusal: Refusal) -> None:
            self.problem.setText(self.tr("Not reverted: {reason}").format(reason=refusal.reason))
            self.problem.show()

        self.changes.submit(step, None, refused)

    def select_change(self, change_id: int) -> bool:
        for row in range(self.list.count()):
            if self.list.item(row).data(ID_ROLE) == change_id:
                self.list.setCurrentRow(row)
                return True
        return False
