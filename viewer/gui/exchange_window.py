"""The window's exchange commands (issue 14): File ▸ Export As… (the annotated PDF and the six exchange
formats, for the open document, the list as filtered, a collection or the whole archive), File ▸
Merge Archive…, and Edit ▸ Citation Style (what Copy Citation copies).

The export and the merge run on the task runner with their own archive connection (a merge on the
write pool, after the window's own writes); the window refreshes when a merge has brought documents.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QMenu,
    QRadioButton,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from ..core.exporters import STYLES, Chosen, ExportOptions, export_documents
from ..core.exporters.runner import SUFFIXES
from ..core.store import Archive
from . import plain
from . import settings as state
from .annotations import author_name
from .counts import counts
from .i18n import QT_TRANSLATE_NOOP
from .messages import shown
from .tasks import Task, progress_dialog
from .widgets_common import form_dialog

FORMATS = (
    ("pdf", QT_TRANSLATE_NOOP("ExchangeExportDialog", "Annotated PDF (a handout)")),
    ("csv", QT_TRANSLATE_NOOP("ExchangeExportDialog", "CSV (spreadsheets)")),
    ("json", QT_TRANSLATE_NOOP("ExchangeExportDialog", "JSON (every field; imports back)")),
    ("tei", "TEI P5 XML"),
    ("cmif", QT_TRANSLATE_NOOP("ExchangeExportDialog", "CMIF (letters, for correspSearch)")),
    ("csl-json", "CSL-JSON (Zotero)"),
    ("ris", QT_TRANSLATE_NOOP("ExchangeExportDialog", "RIS (reference managers)")),
)
# the CSL styles' names (core.exporters.STYLES), as the citation style menu shows them
STYLE_NAMES = (
    QT_TRANSLATE_NOOP("Exchange", "Chicago (note)"),
    QT_TRANSLATE_NOOP("Exchange", "Chicago (bibliography)"),
    QT_TRANSLATE_NOOP("Exchange", "APA 7th edition"),
    QT_TRANSLATE_NOOP("Exchange", "MLA 9th edition"),
)
SCOPES = ("current", "listed", "collection", "everything")


class ExchangeExportDialog(QDialog):
    """Which format, and which documents: the open one, the list as filtered, a collection, all."""

    def __init__(
        self, parent: QWidget, current: bool, listed: int, collections: list[tuple[str, str, int]], total: int
    ):
        super().__init__(parent)
        self.setObjectName("exchange_export_dialog")
        self.setWindowTitle(self.tr("Export As"))
        self.format = QComboBox(self)
        self.format.setObjectName("exchange_format")
        for name, label in FORMATS:
            self.format.addItem(self.tr(label), name)
        self.scopes = QButtonGroup(self)
        labels = (
            self.tr("The open document"),
            counts().in_the_list(listed),
            self.tr("The collection"),
            self.tr("The whole archive ({documents})").format(documents=counts().documents(total)),
        )
        column = QWidget(self)
        rows = QVBoxLayout(column)
        rows.setContentsMargins(0, 0, 0, 0)
        self.collection = QComboBox(self)
        self.collection.setObjectName("exchange_collection")
        for name, title, count in collections:
            self.collection.addItem(f"{title} ({count})", name)
        self.radios: dict[str, QRadioButton] = {}
        for scope, label in zip(SCOPES, labels, strict=True):
            radio = self.radios[scope] = QRadioButton(label, self)
            radio.setObjectName(f"exchange_scope_{scope}")
            self.scopes.addButton(radio)
            rows.addWidget(radio)
            if scope == "collection":  # the chooser sits under its own choice, in line with the radio's text
                metric = radio.style().pixelMetric
                margin = metric(QStyle.PixelMetric.PM_ExclusiveIndicatorWidth)
                indent = QHBoxLayout()
                indent.setContentsMargins(margin + metric(QStyle.PixelMetric.PM_RadioButtonLabelSpacing), 0, 0, 0)
                indent.addWidget(self.collection)
                rows.addLayout(indent)
        self.radios["current"].setEnabled(current)
        self.radios["listed"].setEnabled(listed > 0)
        self.radios["collection"].setEnabled(bool(collections))
        self.collection.setEnabled(bool(collections))
        self.radios["current" if current else "listed" if listed else "everything"].setChecked(True)
        form = QFormLayout()
        form.addRow(self.tr("Format:"), self.format)
        form.addRow(self.tr("Documents:"), column)
        form_dialog(self, form, self.tr("Export…"))

    def chosen_format(self) -> str:
        return str(self.format.currentData())

    def scope(self) -> str:
        return next(scope for scope, radio in self.radios.items() if radio.isChecked())


class Exchange(QObject):
    """Export As…, Merge Archive… and the citation style, added to a window's menus."""

    def __init__(self, window: Any):
        """``window`` is the main window, passed whole and duck-typed (``archive``, ``settings``, ``runner``,
        ``panel``, ``actions``, ``filters()``, ``current_document()``, ``refresh()``), as ``curating`` does."""
        super().__init__(window)
        self.window = window
        self.export_action = self._action(
            "exchange_export",
            self.tr("Export &As…"),
            self.tr("Export to CSV, JSON, TEI, CMIF, CSL-JSON, RIS or an annotated PDF"),
            "Ctrl+Shift+X",
        )
        self.merge_action = self._action(
            "merge_archive",
            self.tr("&Merge Archive…"),
            self.tr("Bring another archive's documents, annotations and corrections into this one"),
        )
        self.export_action.triggered.connect(self.choose_export)
        self.merge_action.triggered.connect(self.choose_merge)
        self.style_menu = QMenu(self.tr("Citation &Style"), window)
        self.style_menu.setObjectName("menu_citation_style")
        self.styles = QActionGroup(self.style_menu)
        chosen = state.read(window.settings, "citation/style")
        for name, label in (
            ("", self.tr("As the source gives it")),
            *((n, self.tr(s.label)) for n, s in STYLES.items()),
        ):
            action = self.style_menu.addAction(label)
            action.setObjectName(f"action_citation_{name or 'source'}")
            action.setCheckable(True)
            action.setChecked(name == chosen)
            action.setData(name)
            self.styles.addAction(action)
        self.styles.triggered.connect(self.set_style)
        window.panel.citation_style = chosen or None
        self._place()

    def _action(self, name: str, text: str, tip: str, shortcut: str | None = None) -> QAction:
        action = QAction(text, self.window)
        action.setObjectName(f"action_{name}")
        action.setStatusTip(tip)
        action.setToolTip(tip)
        if shortcut:
            action.setShortcut(shortcut)
        self.window.addAction(action)
        return action

    def _place(self) -> None:
        """File ▸ Export As… and Merge Archive… after Export Annotated PDF…; the style after Copy Citation."""
        menus = {menu.objectName(): menu for menu in self.window.menuBar().findChildren(QMenu)}
        file_menu, edit_menu = menus.get("menu_file"), menus.get("menu_edit")
        if file_menu is not None:
            _insert_after(file_menu, self.window.registry.get("export"), [self.export_action, self.merge_action])
        if edit_menu is not None:
            _insert_after(edit_menu, self.window.registry.get("copy_citation"), [self.style_menu.menuAction()])

    def set_style(self, action: QAction) -> None:
        name = str(action.data() or "")
        state.write(self.window.settings, "citation/style", name)
        self.window.panel.citation_style = name or None

    # -- export --------------------------------------------------------------------------------

    def choose_export(self) -> None:
        window, archive = self.window, self.window.archive
        current = window.current_document()
        listed = archive.count(window.filters())
        dialog = ExchangeExportDialog(window, current is not None, listed, archive.collections(), archive.count())
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        fmt, scope = dialog.chosen_format(), dialog.scope()
        chosen = Chosen(
            ids=(current,) if scope == "current" and current is not None else (),
            filters=window.filters() if scope == "listed" else None,
            collection=str(dialog.collection.currentData()) if scope == "collection" else None,
            everything=scope == "everything",
        )
        suffix = ".pdf" if fmt == "pdf" else SUFFIXES[fmt]
        stem = window.panel.record.key if scope == "current" and window.panel.record else "export"
        path, _ = QFileDialog.getSaveFileName(window, self.tr("Export As"), str(Path.home() / f"{stem}{suffix}"))
        if path:
            self.export(chosen, fmt, Path(path))

    def export(self, chosen: Chosen, fmt: str, out: Path) -> Task:
        """Export on a worker with a cancellable progress dialog; finished(object) has the written path."""
        archive_path = self.window.archive.path
        author = author_name(self.window.settings)

        def work(task: Task) -> Path | None:
            with Archive(archive_path, readonly=True) as archive:
                if fmt == "pdf":
                    from ..core.exporters.runner import chosen_ids
                    from .export_dialog import export_in_worker

                    ids, _total = chosen_ids(archive, chosen)
                    return export_in_worker(archive, list(ids), out, ExportOptions(author=author), task)
                steps = export_documents(archive, chosen, fmt, out, cancelled=task.cancelled.is_set)
                written = None
                for step in steps:
                    task.report(step.done, step.total, shown(step.message))
                    written = step.path or written
                return written

        task = self.window.runner.start(work)
        progress_dialog(self.window, "exchange_progress", self.tr("Export"), self.tr("Exporting…"), 0, task)
        task.finished.connect(
            lambda path: (
                path and self.window.statusBar().showMessage(self.tr("Exported {path}").format(path=path), 8000)
            )
        )
        task.failed.connect(
            lambda message: plain.critical(self.window, self.tr("Export failed"), message.splitlines()[0])
        )
        return task

    # -- merge ---------------------------------------------------------------------------------

    def choose_merge(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self.window,
            self.tr("Merge Archive"),
            str(Path.home()),
            self.tr("Archives (*.db *.sqlite *.sqlite3);;All files (*)"),
        )
        if path:
            self.merge(Path(path))

    def merge(self, other: Path) -> Task:
        """Merge on the write pool (after the window's own writes); finished(object) has the report."""
        from ..core.merge import merge_archives

        archive_path = self.window.archive.path
        author = author_name(self.window.settings)

        def work(_task: Task) -> Any:
            with Archive(archive_path) as archive:
                return merge_archives(archive, other, author)

        task = self.window.runner.start(work, write=True)

        def finished(report: Any) -> None:
            self.window.refresh()
            lines = [f"{other.name}: {shown(report.line())}."]
            lines += [f"{entry.key}: {'; '.join(map(shown, entry.details))}" for entry in report.conflicting[:5]]
            plain.inform(self.window, self.tr("Merge Archive"), "\n".join(lines))

        task.finished.connect(finished)
        task.failed.connect(
            lambda message: plain.critical(self.window, self.tr("Merge failed"), message.splitlines()[0])
        )
        return task


def _insert_after(menu: QMenu, anchor: QAction | None, actions: list[QAction]) -> None:
    listed = menu.actions()
    index = listed.index(anchor) + 1 if anchor in listed else len(listed)
    before = listed[index] if index < len(listed) else None
    for action in actions:
        if before is None:
            menu.addAction(action)
        else:
            menu.insertAction(before, action)
