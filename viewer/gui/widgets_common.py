"""Small widget pieces that several curating windows build the same way, kept in one place so that
they look and behave alike (the red problem line, the read-only record table, the rows chosen in it)."""

from __future__ import annotations

from PySide6.QtWidgets import QAbstractItemView, QLabel, QTableWidget, QWidget

from . import plain

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
