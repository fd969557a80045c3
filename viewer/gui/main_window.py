"""The main window: the document list (left), the document panel (right), the timeline (bottom).

It wires the parts together and remembers its layout; the parts do the work, and every query goes
through the Archive.
"""

from __future__ import annotations

import threading
from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, QSettings, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QApplication,
    QFileDialog,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMessageBox,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from .. import APP_NAME, __version__
from ..core.errors import ArchiveError
from ..core.store import Archive, Filters
from . import settings as state
from .actions import ActionRegistry
from .annotations import Annotating
from .document_list import DocumentList
from .document_model import DocumentTableModel
from .document_panel import DocumentPanel
from .document_parts import TABS
from .filters import FilterBar
from .tasks import TaskRunner, progress_dialog
from .timeline import TimelinePane

DEFAULT_POINT_SIZE = 12.0


class ImportProgress(QObject):
    """Progress of an import running on a worker thread.

    Signals: advanced(int, int, str) with done, total and the current file's name.
    """

    advanced = Signal(int, int, str)


LOCKED = ("a password is needed", "the password given does not open it")


def import_files(
    archive_path: Path,
    paths: list[str],
    progress: ImportProgress,
    cancelled: threading.Event,
    password: str | None = None,
) -> tuple[int, int, int, list[str]]:
    """Run the real importer on a worker thread with its own connection; returns the counts and
    the refusals (each "name: reason"; the locked PDFs also by path, after a tab, for a retry)."""
    from ..core.importers.batch import Summary, run_import
    from ..core.importers.pdf import pdf_options

    summary = Summary()
    with Archive(archive_path) as archive, pdf_options(password=password):
        for step in run_import(archive, paths, cancelled=cancelled.is_set):
            progress.advanced.emit(step.done, step.total, step.current.name if step.current else "")
            if step.result is not None:
                summary.results.append(step.result)
    refused = [
        f"{r.path.name}: {r.message}" + (f"\t{r.path}" if any(lock in r.message for lock in LOCKED) else "")
        for r in summary.refused()
    ]
    return (summary.count("imported") + summary.count("updated"), summary.count("unchanged"), len(refused), refused)


WRITING_ACTIONS = ("import", "attach_scan", "highlight", "undo", "redo")


class MainWindow(QMainWindow):
    """The archive's window. Pass ``settings`` (an INI QSettings) to keep its state apart, as tests do."""

    def __init__(
        self,
        archive_path: str | Path,
        settings: QSettings | None = None,
        runner: TaskRunner | None = None,
        restore: bool = True,
        readonly: bool = False,
    ):
        super().__init__()
        self.setObjectName("main_window")
        self.settings = settings or state.open_settings()
        self.runner = runner or TaskRunner(parent=self)
        self.archive = Archive(archive_path, readonly=readonly)
        self.total = self.archive.count()
        self.setWindowTitle(f"{self.archive.path.name} — {APP_NAME}")
        self.actions = ActionRegistry(self)
        point_size = state.read(self.settings, "text/point_size") or DEFAULT_POINT_SIZE
        side_by_side = state.read(self.settings, "text/side_by_side")

        self.model = DocumentTableModel(self.archive, self)
        self.filter_bar = FilterBar(self.archive, self, runner=self.runner)
        self.document_list = DocumentList(self.model, self)
        left = QWidget(self)
        left.setObjectName("list_pane")
        column = QVBoxLayout(left)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        column.addWidget(self.filter_bar)
        column.addWidget(self.document_list, 1)
        self.panel = DocumentPanel(self.archive, self.runner, self, point_size, side_by_side)
        self.timeline_pane = TimelinePane(self.archive, self)
        self.timeline = self.timeline_pane.timeline

        self.main_splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.main_splitter.setObjectName("main_splitter")
        self.main_splitter.addWidget(left)
        self.main_splitter.addWidget(self.panel)
        self.main_splitter.setStretchFactor(0, 2)
        self.main_splitter.setStretchFactor(1, 3)
        self.main_splitter.setChildrenCollapsible(False)
        self.vertical_splitter = QSplitter(Qt.Orientation.Vertical, self)
        self.vertical_splitter.setObjectName("vertical_splitter")
        self.vertical_splitter.addWidget(self.main_splitter)
        self.vertical_splitter.addWidget(self.timeline_pane)
        self.vertical_splitter.setStretchFactor(0, 4)
        self.vertical_splitter.setStretchFactor(1, 1)
        self.vertical_splitter.setChildrenCollapsible(False)
        self.setCentralWidget(self.vertical_splitter)
        self.actions.build_menus(self.menuBar())
        self.statusBar().setObjectName("status_bar")
        self._connect()
        self.annotating = Annotating(self)  # the annotations list, tools, undo/redo
        self.read_only_note = QLabel(self)
        self.read_only_note.setObjectName("read_only_note")
        self.statusBar().addPermanentWidget(self.read_only_note)
        self._show_write_access()
        self._starting = True  # the first filters must not open a document before the last one is restored
        self._apply_filters(self.filter_bar.filters())
        self._starting = False
        self.resize(1280, 800)
        self.main_splitter.setSizes([500, 780])
        self.vertical_splitter.setSizes([600, 200])
        if restore:
            self._restore()
        if self.panel.record is None and self.model.rowCount():
            self.document_list.step(0)

    # -- wiring -------------------------------------------------------------------------------

    def _connect(self) -> None:
        a = self.actions
        a["open"].triggered.connect(self.choose_archive)
        a["import"].triggered.connect(self.choose_import)
        a["export"].triggered.connect(self.export)
        a["quit"].triggered.connect(self.close)
        a["copy_citation"].triggered.connect(self.copy_citation)
        a["find"].triggered.connect(self.focus_search)
        a["zoom_in"].triggered.connect(lambda: self.set_point_size(self.panel.point_size + 1))
        a["zoom_out"].triggered.connect(lambda: self.set_point_size(self.panel.point_size - 1))
        a["zoom_reset"].triggered.connect(lambda: self.set_point_size(DEFAULT_POINT_SIZE))
        a["side_by_side"].setChecked(self.panel.side_by_side)
        a["side_by_side"].toggled.connect(self.set_side_by_side)
        a["toggle_timeline"].setChecked(True)
        a["toggle_timeline"].toggled.connect(self.timeline_pane.setVisible)
        a["previous"].triggered.connect(lambda: self.document_list.step(-1))
        a["next"].triggered.connect(lambda: self.document_list.step(1))
        for name in TABS:
            a[f"tab_{name}"].triggered.connect(lambda _=False, n=name: self.panel.show_tab(n))
        a["about"].triggered.connect(self.about)
        self.filter_bar.filters_changed.connect(self._apply_filters)
        self.document_list.document_selected.connect(self.open_document)
        self.timeline.document_activated.connect(self.open_document)
        self.timeline.range_selected.connect(self.filter_bar.set_date_range)
        self.panel.document_requested.connect(self.open_document)
        self.panel.import_requested.connect(self.choose_attach)
        a["attach_scan"].triggered.connect(self.choose_attach)
        self.panel.zoom_changed.connect(self.set_point_size)
        self.panel.side_by_side_changed.connect(a["side_by_side"].setChecked)
        self.panel.tab_changed.connect(lambda name: state.write(self.settings, "document/tab", name))
        # Another process (a command-line import) may write to the archive: notice it and refresh.
        self._data_version = self.archive.data_version()
        self.watch_timer = QTimer(self)
        self.watch_timer.setObjectName("archive_watch")
        self.watch_timer.setInterval(2000)
        self.watch_timer.timeout.connect(self.check_for_changes)
        self.watch_timer.start()

    def check_for_changes(self) -> bool:
        """Refresh when someone else committed to the archive since the last look; True if so."""
        version = self.archive.data_version()
        if version == self._data_version:
            return False
        self._data_version = version
        self.refresh()
        return True

    # -- documents and filters ----------------------------------------------------------------

    def open_document(self, document_id: int) -> None:
        """Show a document in the panel, select it in the list and on the timeline."""
        if not self.panel.show_document(document_id):
            return
        self.document_list.select_document(document_id, emit=False)
        self.timeline.set_current(document_id, self.archive.document_date(document_id))
        record = self.panel.record or {}
        state.write(self.settings, "document/last", record.get("key", ""))
        self.setWindowTitle(f"{record.get('title', '')[:80]} — {self.archive.path.name} — {APP_NAME}")

    def current_document(self) -> int | None:
        return self.panel.record["id"] if self.panel.record else None

    def _apply_filters(self, filters: Filters) -> None:
        self.model.set_filters(filters)
        self.timeline.set_filters(filters)
        if filters.date_from or filters.date_to:
            from .timeline import day_of

            a, b = day_of(filters.date_from), day_of(filters.date_to)
            if a is not None and b is not None:
                self.timeline.brush = (a, b + 1)
        else:
            self.timeline.brush = None
        self.timeline_pane._caption()
        terms: list[str] = []
        if filters.query:
            terms = self.archive.search(filters.query, limit=1).terms
        self.panel.set_terms(terms)
        shown = self.model.rowCount()
        self.filter_bar.show_total(shown, self.total)
        current = self.current_document()
        if current is not None and self.document_list.select_document(current, emit=False):
            return
        if shown and not self._starting:
            self.document_list.step(0)

    def filters(self) -> Filters:
        return replace(self.model.filters)

    def focus_search(self) -> None:
        self.filter_bar.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.filter_bar.search.selectAll()

    def set_point_size(self, size: float) -> None:
        self.panel.set_point_size(size)
        state.write(self.settings, "text/point_size", self.panel.point_size)

    def set_side_by_side(self, on: bool) -> None:
        if on != self.panel.side_by_side:
            self.panel.set_side_by_side(on)
        state.write(self.settings, "text/side_by_side", on)

    def copy_citation(self) -> None:
        self.panel.copy_citation()
        if self.panel.record:
            self.statusBar().showMessage("Citation copied", 3000)

    # -- archive ------------------------------------------------------------------------------

    def load_archive(self, path: str | Path) -> bool:
        try:
            archive = Archive(path, create=False)
        except ArchiveError as error:
            QMessageBox.warning(self, "Cannot open archive", str(error))
            return False
        old = self.archive
        self.archive = archive
        self.total = archive.count()
        self.model.set_archive(archive)
        self.panel.set_archive(archive)
        self.timeline.set_archive(archive)
        self.filter_bar.set_archive(archive)
        self.annotating.reset()
        old.close()
        self.setWindowTitle(f"{archive.path.name} — {APP_NAME}")
        self._data_version = archive.data_version()
        self._show_write_access()
        return True

    def _show_write_access(self) -> None:
        """On read-only media, commands that write are off and the status bar says why."""
        writable = not self.archive.readonly
        for name in WRITING_ACTIONS:
            action = self.actions.get(name)
            if action is not None:
                action.setEnabled(writable)
        self.panel.scan_missing.button.setEnabled(writable)  # "Attach a scan…"
        reason = "" if writable else f"Read-only: {self.archive.readonly_reason}"
        self.read_only_note.setText(reason)
        self.read_only_note.setToolTip(reason)
        self.read_only_note.setAccessibleName(reason or "Archive is writable")

    def choose_archive(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, "Open Archive", str(self.archive.path.parent), "Archives (*.db *.sqlite *.sqlite3);;All files (*)"
        )
        if path:
            self.load_archive(path)

    def choose_import(self) -> None:
        paths, _ = QFileDialog.getOpenFileNames(
            self, "Import Documents", str(Path.home()), "Documents (*.txt *.md *.text *.pdf);;All files (*)"
        )
        if paths:
            self.start_import(paths)

    def start_import(self, paths: list[str], password: str | None = None) -> None:
        """Import on a worker thread with a cancellable progress dialog, then refresh the list;
        encrypted PDFs are offered a password prompt and imported again."""
        progress = ImportProgress(self)
        cancelled = threading.Event()
        dialog = progress_dialog(self, "import_progress", "Import", "Importing…", max(len(paths), 1), cancelled)

        def advanced(done: int, total: int, name: str) -> None:
            dialog.setMaximum(max(total, 1))
            dialog.setValue(done)
            dialog.setLabelText(f"Importing {name}… ({done} of {total})")

        progress.advanced.connect(advanced)
        path = self.archive.path

        def finished(result: tuple[int, int, int, list[str]]) -> None:
            dialog.reset()
            dialog.deleteLater()
            imported, unchanged, refused, reasons = result
            self.refresh()
            message = f"{imported} imported, {unchanged} unchanged, {refused} refused"
            self.statusBar().showMessage(message, 8000)
            locked = [reason.split("\t", 1)[1] for reason in reasons if "\t" in reason]
            others = [reason for reason in reasons if "\t" not in reason]
            if others:
                QMessageBox.warning(self, "Some files were refused", message + "\n\n" + "\n".join(others[:20]))
            self.import_finished.emit(result)
            if locked:
                self.ask_password(locked)

        def failed(message: str) -> None:
            dialog.reset()
            QMessageBox.critical(self, "Import failed", message.splitlines()[0])

        self.runner.run(lambda: import_files(path, paths, progress, cancelled, password), finished, failed)

    def choose_attach(self) -> None:
        document_id = self.current_document()
        if document_id is None:
            return
        name, _ = QFileDialog.getOpenFileName(
            self, "Attach a scan", str(Path.home()), "Scans (*.pdf *.jpg *.jpeg *.png *.tif *.tiff);;All files (*)"
        )
        if name:
            self.attach(document_id, Path(name))

    def attach(self, document_id: int, path: Path, password: str | None = None) -> None:
        """Attach a scan on a worker thread; an encrypted PDF brings up a password prompt."""
        archive_path = self.archive.path

        def work() -> tuple[str, str]:
            from ..core.importers.images import attach_scan
            from ..core.importers.mupdf import PasswordRequired

            with Archive(archive_path) as archive:
                try:
                    result = attach_scan(archive, document_id, path, password=password, ask_password=True)
                except PasswordRequired as locked:
                    return "locked", locked.reason
            return result.outcome, result.message

        def done(outcome: tuple[str, str]) -> None:
            kind, message = outcome
            if kind == "locked":
                password_text = self.password_prompt(f"{path.name} is {message}.")
                if password_text:
                    self.attach(document_id, path, password_text)
                return
            if kind == "refused":
                QMessageBox.warning(self, "Scan not attached", f"{path.name}: {message}")
                return
            self.statusBar().showMessage(f"{path.name}: attached" + (f" ({message})" if message else ""), 8000)
            self.refresh()
            self.open_document(document_id)
            self.panel.show_tab("scan")
            self.scan_attached.emit(document_id)

        self.runner.run(work, done, lambda message: QMessageBox.critical(self, "Attach failed", message))

    scan_attached = Signal(int)

    def ask_password(self, locked: list[str]) -> None:
        """Ask for the password of encrypted PDFs and import them again with it."""
        names = ", ".join(Path(p).name for p in locked[:5]) + ("…" if len(locked) > 5 else "")
        password = self.password_prompt(f"{names} {'is' if len(locked) == 1 else 'are'} encrypted.")
        if password:
            self.start_import(locked, password)

    def password_prompt(self, message: str) -> str | None:
        """Ask for a password (replaceable, as tests do, by a callable with the same shape)."""
        password, given = QInputDialog.getText(
            self, "Password needed", f"{message}\nPassword:", QLineEdit.EchoMode.Password
        )
        return password if given and password else None

    import_finished = Signal(object)

    def refresh(self) -> None:
        """Re-read the archive after it changed (an import)."""
        self.total = self.archive.count()
        self.archive._gazetteer = None
        self.filter_bar.refresh_counts()
        self.timeline.invalidate()
        self.timeline.fit_all()
        self._apply_filters(self.filter_bar.filters())

    def export(self) -> None:
        from .export_dialog import choose_and_export

        choose_and_export(self)

    def about(self) -> None:
        stats = self.archive.stats()
        lines = "".join(
            f"<tr><td>{k.replace('_', ' ').capitalize()}</td><td align='right'>{v:,}</td></tr>"
            for k, v in stats.items()
        )
        QMessageBox.about(
            self,
            f"About {APP_NAME}",
            f"<h3>{APP_NAME} {__version__}</h3><p>Read, search and annotate historical documents, offline.</p>"
            f"<p>Archive: {self.archive.path}</p><table>{lines}</table>",
        )

    # -- state --------------------------------------------------------------------------------

    def _restore(self) -> None:
        s = self.settings
        geometry = state.read(s, "window/geometry")
        if geometry:
            self.restoreGeometry(geometry)
        for key, splitter in (
            ("window/main_splitter", self.main_splitter),
            ("window/vertical_splitter", self.vertical_splitter),
        ):
            saved = state.read(s, key)
            if saved:
                splitter.restoreState(saved)
        self.actions["toggle_timeline"].setChecked(state.read(s, "window/timeline_visible"))
        self.timeline_pane.setVisible(state.read(s, "window/timeline_visible"))
        tab = state.read(s, "document/tab")
        last = state.read(s, "document/last")
        document_id = self.archive.resolve_id(last) if last else None
        if document_id:
            self.open_document(document_id)
        self.panel.show_tab(tab)

    def save_state(self) -> None:
        s = self.settings
        state.write(s, "window/geometry", self.saveGeometry())
        state.write(s, "window/main_splitter", self.main_splitter.saveState())
        state.write(s, "window/vertical_splitter", self.vertical_splitter.saveState())
        state.write(s, "window/timeline_visible", self.actions["toggle_timeline"].isChecked())
        state.write(s, "document/tab", self.panel.current_tab())
        if self.panel.record:
            state.write(s, "document/last", self.panel.record["key"])
        s.sync()

    def closeEvent(self, event) -> None:
        self.save_state()
        self.runner.wait(5000)
        super().closeEvent(event)

    def changeEvent(self, event: QEvent) -> None:
        """Follow the system's light or dark palette: HTML built with palette colours is rebuilt."""
        if event.type() == QEvent.Type.PaletteChange and self.panel.record:
            QTimer.singleShot(0, lambda: self.panel.record and self.panel.show_document(self.panel.record["id"]))
        super().changeEvent(event)


def focus_chain(window: QMainWindow) -> list[QWidget]:
    """Widgets Tab reaches, in order (for the keyboard test)."""
    seen: list[QWidget] = []
    widget = window.focusWidget() or QApplication.focusWidget()
    for _ in range(200):
        if widget is None or widget in seen:
            break
        seen.append(widget)
        widget = widget.nextInFocusChain()
    return seen
