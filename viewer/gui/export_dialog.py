"""File ▸ Export Annotated PDF…: choose documents, parts, annotations and layout, then export on a
worker thread with a cancellable progress dialog (the core's export generator does the work).

Signals are carried by ``ExportRun``; the worker opens its own archive connection.
"""

from __future__ import annotations

import threading
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QMessageBox,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from ..core.annotations import COLORS
from ..core.exporters import ExportOptions, export_pdf
from ..core.store import Archive
from .annotations import author_name, swatch
from .tasks import progress_dialog

if TYPE_CHECKING:
    from .main_window import MainWindow


class ExportRun(QObject):
    """One export in progress.

    Signals: advanced(int, int, str) with done, total and what is being set; finished(object) with
    the written path, or None when cancelled; failed(str).
    """

    advanced = Signal(int, int, str)
    finished = Signal(object)
    failed = Signal(str)


def export_in_worker(
    archive_path: Path, ids: list[int], out: Path, options: ExportOptions, run: ExportRun, cancelled: threading.Event
) -> Path | None:
    """The export on a worker thread; stops between documents when cancelled (no file is left)."""
    with Archive(archive_path) as archive:
        steps = export_pdf(archive, ids, out, options)
        for step in steps:
            if cancelled.is_set():
                steps.close()
                return None
            run.advanced.emit(step.done, step.total, step.message)
            if step.path is not None:
                return step.path
    return None


class ExportDialog(QDialog):
    """What to export: this document or the listed ones, which parts, which annotations, the layout."""

    def __init__(self, window: MainWindow, listed: int):
        super().__init__(window)
        self.setObjectName("export_dialog")
        self.setWindowTitle("Export Annotated PDF")
        self.current = QRadioButton("This document", self)
        self.current.setObjectName("export_current")
        self.current.setChecked(True)
        self.listed = QRadioButton(f"All {listed} documents in the list (a handout)", self)
        self.listed.setObjectName("export_listed")
        self.listed.setEnabled(listed > 1)
        self.parts = {name: QCheckBox(name.capitalize(), self) for name in ("scan", "transcript", "translation")}
        part_row = QHBoxLayout()
        for name, box in self.parts.items():
            box.setObjectName(f"export_part_{name}")
            box.setChecked(True)
            part_row.addWidget(box)
        self.with_annotations = QCheckBox("Include annotations", self)
        self.with_annotations.setObjectName("export_annotations")
        self.with_annotations.setChecked(True)
        self.colors = {name: QCheckBox(self) for name in COLORS}
        color_row = QHBoxLayout()
        for name, box in self.colors.items():
            box.setObjectName(f"export_color_{name}")
            box.setIcon(swatch(name))
            box.setToolTip(f"Include {name} annotations")
            box.setChecked(True)
            self.with_annotations.toggled.connect(box.setEnabled)
            color_row.addWidget(box)
        self.layout_choice = QComboBox(self)
        self.layout_choice.setObjectName("export_layout")
        self.layout_choice.addItem("One part after another", "sequential")
        self.layout_choice.addItem("Original beside translation (landscape)", "facing")
        form = QFormLayout()
        documents = QWidget(self)
        column = QVBoxLayout(documents)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.current)
        column.addWidget(self.listed)
        form.addRow("Documents:", documents)
        form.addRow("Parts:", part_row)
        form.addRow("", self.with_annotations)
        form.addRow("Colours:", color_row)
        form.addRow("Layout:", self.layout_choice)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        buttons.addButton("Export…", QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)

    def options(self, author: str) -> ExportOptions:
        return ExportOptions(
            parts=tuple(name for name, box in self.parts.items() if box.isChecked()),
            annotations=self.with_annotations.isChecked(),
            colors=frozenset(name for name, box in self.colors.items() if box.isChecked()),
            layout=str(self.layout_choice.currentData()),
            author=author,
        )


def choose_and_export(window: MainWindow) -> None:
    """The File ▸ Export action: the dialog, a file name, then the export with progress."""
    current = window.current_document()
    listed = [int(row["id"]) for row in window.archive.page(window.filters(), limit=-1)]
    if current is None and not listed:
        QMessageBox.information(window, "Export", "There is no document to export.")
        return
    dialog = ExportDialog(window, len(listed))
    if current is None:
        dialog.listed.setChecked(True)
        dialog.current.setEnabled(False)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return
    ids = listed if dialog.listed.isChecked() or current is None else [current]
    record = window.panel.record or {}
    suggested = Path.home() / (f"{record.get('key', 'document')}.pdf" if len(ids) == 1 else "handout.pdf")
    path, _ = QFileDialog.getSaveFileName(window, "Export Annotated PDF", str(suggested), "PDF (*.pdf)")
    if path:
        start_export(window, ids, Path(path), dialog.options(author_name(window.settings)))


def start_export(window: MainWindow, ids: list[int], out: Path, options: ExportOptions) -> ExportRun:
    """Export on a worker with a cancellable progress dialog; the returned run reports the end."""
    run = ExportRun(window)
    cancelled = threading.Event()
    progress = progress_dialog(window, "export_progress", "Export", "Exporting…", len(ids) + 1, cancelled)

    def advanced(done: int, total: int, message: str) -> None:
        progress.setMaximum(total)
        progress.setValue(done)
        progress.setLabelText(message)

    def finished(path: Path | None) -> None:
        progress.reset()
        progress.deleteLater()
        if path is not None:
            window.statusBar().showMessage(f"Exported {path}", 8000)
        run.finished.emit(path)

    def failed(message: str) -> None:
        progress.reset()
        progress.deleteLater()
        QMessageBox.critical(window, "Export failed", message.splitlines()[0])
        run.failed.emit(message)

    run.advanced.connect(advanced)
    archive_path = window.archive.path
    window.runner.run(lambda: export_in_worker(archive_path, ids, out, options, run, cancelled), finished, failed)
    return run
