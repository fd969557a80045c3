"""The trash: deleted documents waiting there whole (texts, scans, annotations, tags, links), with
Restore (an undoable step) and Empty Trash (asks first; it cannot be undone, and removes the stored
files nothing else uses)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableWidgetItem,
    QWidget,
)

from ..core.curating import Step
from ..core.curation import EmptiedTrash, TrashEntry
from ..core.store import Archive
from . import plain
from .annotations_pane import when
from .changes import Changes, Refusal
from .counts import counts
from .i18n import QT_TRANSLATE_NOOP
from .widgets_common import chosen_rows, listing_layout, problem_label, record_table
from .write_queue import Write

COLUMNS = (
    QT_TRANSLATE_NOOP("TrashView", "Title"),
    QT_TRANSLATE_NOOP("TrashView", "Date"),
    QT_TRANSLATE_NOOP("TrashView", "Deleted"),
    QT_TRANSLATE_NOOP("TrashView", "By"),
    QT_TRANSLATE_NOOP("TrashView", "Annotations"),
    QT_TRANSLATE_NOOP("TrashView", "Pages"),
)


def restore_step(document_ids: list[int], author: str) -> Step:
    text = counts().restore(len(document_ids))
    only = document_ids[0] if len(document_ids) == 1 else None
    return Step(lambda a: a.restore_documents(document_ids, author), text, only, author)


class TrashView(QDialog):
    """The deleted documents; Restore and Empty Trash. It re-reads after every change."""

    def __init__(
        self, archive: Callable[[], Archive], changes: Changes, author: Callable[[], str], parent: QWidget | None = None
    ):
        super().__init__(parent)
        self.setObjectName("trash_view")
        self.setWindowTitle(self.tr("Trash"))
        self.archive, self.changes, self.author = archive, changes, author
        self.entries: list[TrashEntry] = []
        self.intro = plain.plain(QLabel(self))
        self.intro.setObjectName("trash_intro")
        self.intro.setWordWrap(True)
        columns = tuple(self.tr(column) for column in COLUMNS)
        self.table = record_table(self, "trash_table", self.tr("Deleted documents"), columns)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in range(1, len(COLUMNS)):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.table.itemSelectionChanged.connect(self._allow)
        self.restore_button = QPushButton(self.tr("Restore"), self)
        self.restore_button.setObjectName("trash_restore")
        self.restore_button.setToolTip(self.tr("Put the chosen documents back in the archive, whole (undoable)"))
        self.restore_button.clicked.connect(self.restore_chosen)
        self.empty_button = QPushButton(self.tr("Empty Trash…"), self)
        self.empty_button.setObjectName("trash_empty")
        self.empty_button.setToolTip(
            self.tr("Delete the documents in the trash for good (asks first; cannot be undone)")
        )
        self.empty_button.clicked.connect(self.ask_to_empty)
        self.close_button = QPushButton(self.tr("Close"), self)
        self.close_button.setObjectName("trash_close")
        self.close_button.clicked.connect(self.close)
        self.problem = problem_label(self, "trash_problem")
        row = QHBoxLayout()
        row.addWidget(self.restore_button)
        row.addStretch(1)
        row.addWidget(self.empty_button)
        row.addWidget(self.close_button)
        listing_layout(self, self.intro, self.table, self.problem, row)
        self.resize(860, 480)
        changes.shown.connect(lambda _op: self.reload() if self.isVisible() else None)
        self.reload()

    def reload(self) -> None:
        self.entries = self.archive().trash()
        self.table.setRowCount(len(self.entries))
        for number, entry in enumerate(self.entries):
            cells = (
                entry.title or entry.key,
                entry.date or "undated",
                when(entry.deleted_at),
                entry.deleted_by,
                str(entry.annotations),
                str(entry.pages),
            )
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if column >= 4:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                item.setToolTip(plain.tip(f"{entry.title}\n{entry.key}"))
                self.table.setItem(number, column, item)
        count = len(self.entries)
        self.intro.setText(
            counts().deleted_documents(count)
            + " "
            + self.tr("Restore puts a document back whole, with its texts, scans, annotations, tags and links.")
            if count
            else self.tr(
                "The trash is empty. Documents deleted from the list (Delete) wait here until the trash is emptied."
            )
        )
        self.empty_button.setEnabled(bool(count) and not self.archive().readonly)
        self._allow()

    def chosen(self) -> list[int]:
        return [self.entries[row].document_id for row in chosen_rows(self.table) if row < len(self.entries)]

    def select(self, document_id: int) -> bool:
        for number, entry in enumerate(self.entries):
            if entry.document_id == document_id:
                self.table.selectRow(number)
                return True
        return False

    def _allow(self) -> None:
        self.restore_button.setEnabled(bool(self.chosen()) and not self.archive().readonly)

    def _refused(self, what: str) -> Callable[[Refusal], None]:
        def show(refusal: Refusal) -> None:
            self.problem.setText(f"{what}: {refusal.reason}")
            self.problem.show()

        return show

    def restore_chosen(self) -> None:
        ids = self.chosen()
        if ids:
            self.problem.hide()
            self.changes.submit(restore_step(ids, self.author()), None, self._refused(self.tr("Not restored")))

    def ask_to_empty(self) -> None:
        count = len(self.entries)
        box = plain.message_box(
            self,
            QMessageBox.Icon.Warning,
            self.tr("Empty Trash"),
            counts().empty_trash_question(count)
            + " "
            + self.tr("Their texts, annotations and the scans nothing else uses are removed. This cannot be undone."),
            QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
        )
        box.button(QMessageBox.StandardButton.Discard).setText(self.tr("Empty Trash"))
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        if box.exec() == QMessageBox.StandardButton.Discard:
            self.empty()

    def empty(self) -> None:
        """Empty the trash on the write thread (not undoable, so not on the stack)."""
        author = self.author()
        self.problem.hide()

        def done(result: EmptiedTrash) -> None:
            self.reload()
            self.intro.setText(
                self.tr("The trash was emptied: {documents}, {files}.").format(
                    documents=counts().deleted_for_good(result.documents),
                    files=counts().files_removed(result.files_removed),
                )
            )

        def failed(reason: str) -> None:
            self._refused(self.tr("The trash was not emptied"))(Refusal(reason))

        self.changes.annotating.writes.submit(lambda: Write(lambda a: a.empty_trash(author), done, failed))
