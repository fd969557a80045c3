"""Small widget pieces that several curating windows build the same way, kept in one place so that
they look and behave alike (the red problem line, the read-only record table, the rows chosen in it, what
adds editing to the document panel)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)

from . import plain

if TYPE_CHECKING:  # only for the hints: the panel and the changes import much of the GUI
    from ..core.store import Archive
    from .changes import Changes
    from .document_panel import DocumentPanel

ERROR_COLOUR = "#b3261e"


def problem_label(parent: QWidget, name: str) -> QLabel:
    """A hidden, wrapping, plain-text red label that says why a change was refused."""
    label = plain.plain(QLabel(parent))
    label.setObjectName(name)
    label.setWordWrap(True)
    label.setStyleSheet(f"color: {ERROR_COLOUR}")
    label.hide()
    return label


def record_table(parent: QWidget, name: str, accessible: str, columns: tuple[str, ...]) -> QTableWidget:
    """A read-only table of whole rows, several of which may be chosen, one text line a row."""
    table = QTableWidget(0, len(columns), parent)
    table.setObjectName(name)
    table.setAccessibleName(accessible)
    table.setHorizontalHeaderLabels(columns)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setWordWrap(False)
    table.setAlternatingRowColors(True)
    table.verticalHeader().setVisible(False)
    table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 8)
    return table


def chosen_rows(table: QTableWidget) -> list[int]:
    """The numbers of the rows chosen in ``table``, in order, each once."""
    return sorted({index.row() for index in table.selectionModel().selectedRows()})


def listing_layout(owner: QWidget, head: QWidget, body: QWidget, problem: QLabel, buttons: QHBoxLayout) -> QVBoxLayout:
    """Lay ``owner`` out as a line over its list (which takes the height), the problem and the buttons."""
    layout = QVBoxLayout(owner)
    layout.addWidget(head)
    layout.addWidget(body, 1)
    layout.addWidget(problem)
    layout.addLayout(buttons)
    return layout


def form_dialog(dialog: QDialog, form: QFormLayout, accept: str) -> None:
    """Lay ``dialog`` out as ``form`` over Cancel and an ``accept`` button that accepts it."""
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, dialog)
    buttons.addButton(accept, QDialogButtonBox.ButtonRole.AcceptRole)
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    layout = QVBoxLayout(dialog)
    layout.addLayout(form)
    layout.addWidget(buttons)


class PanelPart(QObject):
    """Adds a way of changing the document to the document panel; changes go through ``changes``.

    Signals: message(str) for the status bar.
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
        self.panel, self.archive, self.changes, self.author = panel, archive, changes, author
