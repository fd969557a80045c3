"""The review queue: documents the importer (or a re-import against a correction) flagged, each with
its reasons, and Mark reviewed; and the summary after an import in the window (how many came in,
which files were refused and why, how many need review, with a button to show those)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ..core.curating import Step
from ..core.curation import ReviewEntry
from ..core.store import Archive, Filters
from . import plain
from .changes import Changes, Refusal
from .counts import counts
from .importing import ImportOutcome
from .messages import shown
from .roles import ID_ROLE
from .widgets_common import listing_layout, problem_label

SHOWN = 500  # entries listed at once; the filter shows them all in the document list


def mark_reviewed_step(document_ids: list[int], author: str) -> Step:
    text = counts().mark_reviewed(len(document_ids))
    only = document_ids[0] if len(document_ids) == 1 else None
    return Step(lambda a: a.mark_reviewed(document_ids, author), text, only, author)


class ReviewPane(QWidget):
    """The queue with reasons; Mark reviewed; Show in list turns the list's Needs review filter on.

    Signals: document_activated(int); show_in_list() when the list should show only these.
    """

    document_activated = Signal(int)
    show_in_list = Signal()

    def __init__(
        self, archive: Callable[[], Archive], changes: Changes, author: Callable[[], str], parent: QWidget | None = None
    ):
        super().__init__(parent)
        self.setObjectName("review_pane")
        self.archive, self.changes, self.author = archive, changes, author
        self.entries: list[ReviewEntry] = []
        self.summary = plain.plain(QLabel(self))
        self.summary.setObjectName("review_summary")
        self.summary.setWordWrap(True)
        self.list = QListWidget(self)
        self.list.setObjectName("review_list")
        self.list.setAccessibleName(self.tr("Documents that need review"))
        self.list.setWordWrap(True)
        self.list.setAlternatingRowColors(True)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.list.itemActivated.connect(lambda item: self.document_activated.emit(int(item.data(ID_ROLE))))
        self.list.itemSelectionChanged.connect(self._allow)
        self.mark_button = QPushButton(self.tr("Mark reviewed"), self)
        self.mark_button.setObjectName("review_mark")
        self.mark_button.setToolTip(self.tr("The chosen documents no longer need review (undoable)"))
        self.mark_button.clicked.connect(self.mark_chosen)
        self.filter_button = QPushButton(self.tr("Show in list"), self)
        self.filter_button.setObjectName("review_filter")
        self.filter_button.setToolTip(self.tr("List only the documents that need review (the Needs review filter)"))
        self.filter_button.clicked.connect(self.show_in_list)
        self.problem = problem_label(self, "review_problem")
        row = QHBoxLayout()
        row.addWidget(self.filter_button)
        row.addStretch(1)
        row.addWidget(self.mark_button)
        listing_layout(self, self.summary, self.list, self.problem, row).setContentsMargins(6, 6, 6, 6)

    def reload(self) -> None:
        archive = self.archive()
        chosen = set(self.chosen())
        self.entries = archive.review_queue(limit=SHOWN)
        count = archive.count(Filters(needs_review=True)) if len(self.entries) >= SHOWN else len(self.entries)
        muted = self.palette().color(QPalette.ColorRole.PlaceholderText).name()
        self.list.clear()
        undated = self.tr("undated")
        for entry in self.entries:
            said = [shown(reason) for reason in entry.reasons]
            reasons = "\n".join(f"  • {reason}" for reason in said) or "  • " + self.tr("(no reason recorded)")
            item = QListWidgetItem(f"{entry.date or undated}  {entry.title or entry.key}\n{reasons}")
            item.setData(ID_ROLE, entry.document_id)
            item.setToolTip(plain.tip(self.tr("Double-click to open.") + " " + "; ".join(said)))
            self.list.addItem(item)
            item.setSelected(entry.document_id in chosen)
        more = " " + counts().first_listed(SHOWN) if count > SHOWN else ""
        self.summary.setText(f"{counts().need_review(count)}{more}." if count else self.tr("Nothing needs review."))
        self.summary.setStyleSheet(f"color: {muted}" if not count else "")
        self._allow()

    def chosen(self) -> list[int]:
        return [int(item.data(ID_ROLE)) for item in self.list.selectedItems()]

    def _allow(self) -> None:
        self.mark_button.setEnabled(bool(self.chosen()) and not self.archive().readonly)

    def mark_chosen(self) -> None:
        ids = self.chosen()
        if not ids:
            return
        self.problem.hide()

        def refused(refusal: Refusal) -> None:
            self.problem.setText(self.tr("Not marked: {reason}").format(reason=refusal.reason))
            self.problem.show()

        self.changes.submit(mark_reviewed_step(ids, self.author()), None, refused)


class ImportSummary(QDialog):
    """What an import did, in numbers and reasons; "Show those needing review" when some do.

    Signals: show_review() when the person asks to see the documents that need review.
    """

    show_review = Signal()

    def __init__(self, outcome: ImportOutcome, needing_review: list[ReviewEntry], parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("import_summary")
        self.setWindowTitle(self.tr("Import Finished"))
        said = counts()
        lines = [
            said.imported(outcome.imported),
            said.unchanged(outcome.unchanged),
            said.files_refused(outcome.refused),
            said.of_those_need_review(len(needing_review)),
        ]
        self.counts = plain.plain(QLabel("\n".join(lines), self))
        self.counts.setObjectName("import_counts")
        self.details = QPlainTextEdit(self)
        self.details.setObjectName("import_details")
        self.details.setReadOnly(True)
        self.details.setAccessibleName(self.tr("Refused files and documents needing review"))
        text = []
        if outcome.reasons:
            text += [self.tr("Refused:")] + [f"  {reason}" for reason in outcome.reasons]
        if needing_review:
            text += [self.tr("Needing review:")] + [
                f"  {entry.title or entry.key}: {'; '.join(map(shown, entry.reasons))}" for entry in needing_review
            ]
        self.details.setPlainText("\n".join(text))
        self.details.setVisible(bool(text))
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.review_button = self.buttons.addButton(
            self.tr("Show those needing review"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.review_button.setObjectName("import_show_review")
        self.review_button.setVisible(bool(needing_review))
        self.review_button.clicked.connect(self._review)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.counts)
        layout.addWidget(self.details, 1)
        layout.addWidget(self.buttons)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.resize(560, 380 if text else 180)

    def _review(self) -> None:
        self.show_review.emit()
        self.accept()
