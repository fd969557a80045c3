"""File ▸ Export Annotated PDF…: choose documents, parts, annotations and layout, then export on the
task runner with a cancellable progress dialog (the core's export generator does the work).

The worker opens its own archive connection; the window hands in what to offer.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QMainWindow,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from ..core.annotations import COLORS
from ..core.exporters import ExportOptions, export_pdf
from ..core.store import Archive
from . import plain
from .annotations_pane import colour_name, swatch
from .counts import counts
from .messages import shown
from .tasks import Task, TaskRunner, progress_dialog
from .widgets_common import form_dialog


def export_in_worker(archive: Archive, ids: list[int], out: Path, options: ExportOptions, task: Task) -> Path | None:
    """The export on a worker; stops between documents when cancelled (no file is left)."""
    steps = export_pdf(archive, ids, out, options)
    for step in steps:
        if task.cancelled.is_set():
            steps.close()
            return None
        task.report(step.done, step.total, shown(step.message))
        if step.path is not None:
            return step.path
    return None


class ExportDialog(QDialog):
    """What to export: this document or the listed ones, which parts, which annotations, the layout."""

    def __init__(self, parent: QWidget, listed: int):
        super().__init__(parent)
        self.setObjectName("export_dialog")
        self.setWindowTitle(self.tr("Export Annotated PDF"))
        self.current = QRadioButton(self.tr("This document"), self)
        self.current.setObjectName("export_current")
        self.current.setChecked(True)
        self.listed = QRadioButton(counts().all_listed(listed), self)
        self.listed.setObjectName("export_listed")
        self.listed.setEnabled(listed > 1)
        titles = {"scan": self.tr("Scan"), "transcript": self.tr("Transcript"), "translation": self.tr("Translation")}
        self.parts = {name: QCheckBox(title, self) for name, title in titles.items()}
        part_row = QHBoxLayout()
        for name, box in self.parts.items():
            box.setObjectName(f"export_part_{name}")
            box.setChecked(True)
            part_row.addWidget(box)
        self.with_annotations = QCheckBox(self.tr("Include annotations"), self)
        self.with_annotations.setObjectName("export_annotations")
        self.with_annotations.setChecked(True)
        self.colors = {name: QCheckBox(self) for name in COLORS}
        color_row = QHBoxLayout()
        for name, box in self.colors.items():
            box.setObjectName(f"export_color_{name}")
            box.setIcon(swatch(name))
            box.setToolTip(self.tr("Include annotations in {colour}").format(colour=colour_name(name).lower()))
            box.setAccessibleName(box.toolTip())  # a colour swatch without words: its tooltip names it
            box.setChecked(True)
            self.with_annotations.toggled.connect(box.setEnabled)
            color_row.addWidget(box)
        self.layout_choice = QComboBox(self)
        self.layout_choice.setObjectName("export_layout")
        self.layout_choice.addItem(self.tr("One part after another"), "sequential")
        self.layout_choice.addItem(self.tr("Original beside translation (landscape)"), "facing")
        form = QFormLayout()
        documents = QWidget(self)
        column = QVBoxLayout(documents)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.current)
        column.addWidget(self.listed)
        form.addRow(self.tr("Documents:"), documents)
        form.addRow(self.tr("Parts:"), part_row)
        form.addRow("", self.with_annotations)
        form.addRow(self.tr("Colours:"), color_row)
        form.addRow(self.tr("Layout:"), self.layout_choice)
        form_dialog(self, form, self.tr("Export…"))

    def options(self, author: str) -> ExportOptions:
        return ExportOptions(
            parts=tuple(name for name, box in self.parts.items() if box.isChecked()),
            annotations=self.with_annotations.isChecked(),
            colors=frozenset(name for name, box in self.colors.items() if box.isChecked()),
            layout=str(self.layout_choice.currentData()),
            author=author,
        )


class ExportCommands(QObject):
    """File ▸ Export Annotated PDF… for a window; ``archive`` is asked each time (another archive
    may have been opened)."""

    def __init__(self, window: QMainWindow, runner: TaskRunner, archive: Callable[[], Archive]):
        super().__init__(window)
        self.window, self.runner, self.archive = window, runner, archive

    def choose(self, current: int | None, listed: list[int], name: str, author: str) -> None:
        """The dialog, a file name, then the export with progress: ``current`` is the open document
        (``name`` its key), ``listed`` the documents in the list, ``author`` the PDF's author."""
        if current is None and not listed:
            plain.inform(self.window, self.tr("Export"), self.tr("There is no document to export."))
            return
        dialog = ExportDialog(self.window, len(listed))
        if current is None:
            dialog.listed.setChecked(True)
            dialog.current.setEnabled(False)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        ids = listed if dialog.listed.isChecked() or current is None else [current]
        suggested = Path.home() / (f"{name}.pdf" if len(ids) == 1 else "handout.pdf")
        path, _ = QFileDialog.getSaveFileName(
            self.window, self.tr("Export Annotated PDF"), str(suggested), self.tr("PDF (*.pdf)")
        )
        if path:
            self.start(ids, Path(path), dialog.options(author))

    def start(self, ids: list[int], out: Path, options: ExportOptions) -> Task:
        """Export on a worker with a cancellable progress dialog; the task's finished(object) has the
        written path, or None when cancelled."""
        archive_path = self.archive().path

        def work(task: Task) -> Path | None:
            with Archive(archive_path) as archive:
                return export_in_worker(archive, ids, out, options, task)

        task = self.runner.start(work)
        progress_dialog(self.window, "export_progress", self.tr("Export"), self.tr("Exporting…"), len(ids) + 1, task)

        def finished(path: Path | None) -> None:
            if path is not None:
                self.window.statusBar().showMessage(self.tr("Exported {path}").format(path=path), 8000)

        task.finished.connect(finished)
        task.failed.connect(
            lambda message: plain.critical(self.window, self.tr("Export failed"), message.splitlines()[0])
        )
        return task
