"""The main window: the document list (left), the document panel (right), the timeline (bottom).

It wires the parts together and remembers its layout; the parts do the work, and every query goes
through the Archive.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import QEvent, QSettings, Qt, QTimer
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QLabel,
    QMainWindow,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from .. import APP_NAME
from ..core.errors import ArchiveError
from ..core.store import Archive, Filters
from . import accessibility, messages, plain
from . import settings as state
from .about import show_about
from .actions import ActionRegistry
from .annotations import Annotating, author_name
from .annotations_pane import PaneFolding
from .curating import Curating
from .document_list import DocumentList
from .document_model import DocumentTableModel
from .document_panel import DocumentPanel
from .document_parts import TABS
from .exchange_window import Exchange
from .export_dialog import ExportCommands
from .filters import FilterBar
from .i18n import language_menu
from .importing import ImportCommands
from .list_snippets import OrderChoice
from .printing import Printing
from .tasks import TaskRunner
from .timeline import TimelinePane

DEFAULT_POINT_SIZE = 12.0
WRITING_ACTIONS: tuple[str, ...] = ("import", "attach_scan", "highlight", "undo", "redo")
WRITING_ACTIONS += ("edit_details", "correct_text", "tag_selected", "set_field", "delete", "mark_reviewed")


class MainWindow(QMainWindow):
    """The archive's window. Pass ``settings`` (an INI QSettings) to keep its state apart, as tests do.
    A path that holds no archive raises ArchiveMissing unless ``create`` says to make one there."""

    def __init__(
        self,
        archive_path: str | Path,
        settings: QSettings | None = None,
        runner: TaskRunner | None = None,
        restore: bool = True,
        readonly: bool = False,
        create: bool = False,
    ):
        super().__init__()
        self.setObjectName("main_window")
        self.settings = settings or state.open_settings()
        self.last_document = state.WrittenSoon(self.settings, "document/last", parent=self)
        self.runner = runner or TaskRunner(parent=self)
        self.archive = Archive(archive_path, readonly=readonly, create=create)
        self.total = self.archive.documents_total()
        self.setWindowTitle(f"{self.archive.path.name} — {APP_NAME}")
        self.registry = ActionRegistry(self)
        point_size = state.read(self.settings, "text/point_size") or DEFAULT_POINT_SIZE
        side_by_side = state.read(self.settings, "text/side_by_side")

        self.model = DocumentTableModel(self.archive, self, runner=self.runner)  # a large archive counts on a worker
        self.filter_bar = FilterBar(self.archive, self, runner=self.runner)
        self.document_list = DocumentList(self.model, self)
        self.document_list.remember(self.settings)  # columns shown, widths, sort
        left = QWidget(self)
        left.setObjectName("list_pane")
        column = QVBoxLayout(left)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        column.addWidget(self.filter_bar)
        column.addWidget(OrderChoice(self.model, self.settings, left))  # while searching: best match first, or…
        column.addWidget(self.document_list, 1)
        self.panel = DocumentPanel(self.archive, self.runner, self, point_size, side_by_side)
        self.timeline_pane = TimelinePane(self.archive, self)
        self.timeline = self.timeline_pane.timeline
        self.timeline.use_runner(self.runner)  # a large archive's figures come from a worker

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
        self.registry.build_menus(self.menuBar())
        self.statusBar().setObjectName("status_bar")
        self.imports = ImportCommands(self, self.runner, lambda: self.archive, self.current_document)
        self.exports = ExportCommands(self, self.runner, lambda: self.archive)
        self._connect()
        self.annotating = Annotating(  # the annotations list, tools, undo/redo
            self, self.panel, self.registry, self.settings, lambda: self.archive, self.current_document, self.runner
        )
        # our own writes commit on the write thread: not a change by someone else to refresh for
        self.annotating.annotations_changed.connect(lambda _id: self._own_write())
        self.annotating.document_requested.connect(self.open_document)
        self.folding = PaneFolding(  # the annotations fold away while a document has none
            self.annotating.dock, self.annotating.pane, self.registry.get("toggle_annotations"), self.settings
        )
        self.curating = Curating(self)  # edit, delete, tag, review, people, trash, collections, history
        self.exchange = Exchange(self)  # Export As… (the exchange formats), Merge Archive…, citation style
        self.printing = Printing(self)  # File ▸ Print… and Print Preview… of the open document
        language_menu(self)  # View ▸ Language, in effect from the next start
        # Tab reads the window as it is laid out: filters, list, document, docks, timeline
        docks = (self.annotating.dock, *self.curating.docks.values())
        timeline = (*self.timeline_pane.buttons.values(), self.timeline)  # the buttons sit above it
        accessibility.order((self.filter_bar, self.document_list, self.panel, *docks, *timeline))
        self.read_only_note = plain.plain(QLabel(self))  # the reason names the path
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
        a = self.registry
        a["open"].triggered.connect(self.choose_archive)
        a["new_archive"].triggered.connect(self.choose_new_archive)
        a["import"].triggered.connect(self.imports.choose_import)
        a["export"].triggered.connect(self.export)
        a["quit"].triggered.connect(self.close)
        a["copy_citation"].triggered.connect(self.copy_citation)
        a["find"].triggered.connect(self.focus_search)
        a["find_next"].triggered.connect(lambda: self.panel.finder.step(1))  # F3: the hits in the open text
        a["find_previous"].triggered.connect(lambda: self.panel.finder.step(-1))
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
        self.model.counted.connect(lambda shown: self.filter_bar.show_total(shown, self.total))  # from a worker
        self.document_list.document_selected.connect(self.open_document)
        self.timeline.document_activated.connect(self.open_document)
        self.timeline.range_selected.connect(self.filter_bar.set_date_range)
        self.panel.document_requested.connect(self.open_document)
        self.panel.import_requested.connect(self.imports.choose_attach)
        a["attach_scan"].triggered.connect(self.imports.choose_attach)
        self.imports.archive_changed.connect(self.refresh)
        self.imports.scan_attached.connect(self.show_scan)
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

    def _own_write(self) -> None:
        self._data_version = self.archive.data_version()

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
        record = self.panel.record
        key, title = (record.key, record.title) if record else ("", "")
        self.last_document.set(key)  # written a moment later: see WrittenSoon
        self.setWindowTitle(f"{title[:80]} — {self.archive.path.name} — {APP_NAME}")

    def current_document(self) -> int | None:
        return self.panel.record.id if self.panel.record else None

    def _apply_filters(self, filters: Filters) -> None:
        """One filter state for every view: the list, the timeline (its brush is the date range)
        and the highlights share the selection the store compiled once for it."""
        self.model.set_filters(filters)
        self.timeline.set_filters(filters)
        self.timeline_pane._caption()
        self.panel.set_terms(list(self.archive.select(filters).terms))  # no search is run for them
        shown = self.model.rowCount()
        if self.model.count_known:
            self.filter_bar.show_total(shown, self.total)
        else:  # a worker counts them; the first screen is already listed
            self.filter_bar.summary.setText(self.tr("Counting the documents found…"))
        current = self.current_document()
        if not shown and not self._starting:
            self.panel.clear()  # nothing found: no stale document beside an empty list
            self.annotating.refresh()
            return
        if current is not None and self.document_list.select_document(current, emit=False):
            return
        if shown and not self._starting and self.model.background():  # the list paints first, then it opens
            QTimer.singleShot(0, lambda: self.document_list.step(0))
        elif shown and not self._starting:
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
            self.statusBar().showMessage(self.tr("Citation copied"), 3000)

    # -- archive ------------------------------------------------------------------------------

    def load_archive(self, path: str | Path) -> bool:
        try:
            archive = Archive(path, create=False)
        except ArchiveError as error:
            plain.warn(self, self.tr("Cannot open archive"), messages.shown(str(error)))
            return False
        old = self.archive
        self.archive = archive
        self.total = archive.documents_total()
        self.model.set_archive(archive)
        self.panel.set_archive(archive)
        self.timeline.set_archive(archive)
        self.filter_bar.set_archive(archive)
        self.annotating.reset()
        self.curating.reset()
        old.close()
        self.setWindowTitle(f"{archive.path.name} — {APP_NAME}")
        self._data_version = archive.data_version()
        self._show_write_access()
        return True

    def _show_write_access(self) -> None:
        """On read-only media, commands that write are off and the status bar says why."""
        writable = not self.archive.readonly
        for name in WRITING_ACTIONS:
            action = self.registry.get(name)
            if action is not None:
                action.setEnabled(writable)
        self.panel.scan_missing.button.setEnabled(writable)  # "Attach a scan…"
        reason = "" if writable else self.tr("Read-only: {reason}").format(reason=self.archive.readonly_reason)
        self.read_only_note.setText(reason)
        self.read_only_note.setToolTip(reason)
        self.read_only_note.setAccessibleName(reason or self.tr("Archive is writable"))
        self.imports.indexes_back()  # writable: the indexes a killed import left out, made on the write thread

    def choose_archive(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Open Archive"),
            str(self.archive.path.parent),
            self.tr("Archives (*.db *.sqlite *.sqlite3);;All files (*)"),
        )
        if path:
            self.load_archive(path)

    def choose_new_archive(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("New Archive"), str(self.archive.path.parent / "new-archive.db"), self.tr("Archives (*.db)")
        )
        if path:
            self.new_archive(Path(path))

    def new_archive(self, path: Path) -> bool:
        """Make an empty archive at ``path`` and open it; an existing file is never replaced."""
        if path.exists():
            exists = self.tr("{path} already exists; open it with File ▸ Open Archive…").format(path=path)
            plain.warn(self, self.tr("New Archive"), exists)
            return False
        try:
            Archive(path, create=True).close()
        except ArchiveError as error:
            plain.warn(self, self.tr("Cannot make the archive"), messages.shown(str(error)))
            return False
        return self.load_archive(path)

    def show_scan(self, document_id: int) -> None:
        """Open a document on its Scan tab (after a scan was attached to it)."""
        self.open_document(document_id)
        self.panel.show_tab("scan")

    def refresh(self, fit: bool = True) -> None:
        """Re-read the archive after it changed (an import; a correction with ``fit`` False, so the
        timeline keeps its view)."""
        self.total = self.archive.documents_total()
        self.archive._gazetteer = None
        self.filter_bar.refresh_counts()
        self.timeline.invalidate()
        if fit:
            self.timeline.fit_all()
        self._apply_filters(self.filter_bar.filters())

    def export(self) -> None:
        listed = [row.id for row in self.archive.page(self.filters(), limit=-1)]
        name = self.panel.record.key if self.panel.record else "document"
        self.exports.choose(self.current_document(), listed, name, author_name(self.settings))

    def about(self) -> None:
        show_about(self, self.archive)

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
        self.registry["toggle_timeline"].setChecked(state.read(s, "window/timeline_visible"))
        self.timeline_pane.setVisible(state.read(s, "window/timeline_visible"))
        tab = state.read(s, "document/tab")
        last = state.read(s, "document/last")
        document_id = self.archive.resolve_id(last) if last else None
        if document_id:
            self.open_document(document_id)
        self.panel.remember_tab(tab)  # shown where the document has that part

    def save_state(self) -> None:
        s = self.settings
        state.write(s, "window/geometry", self.saveGeometry())
        state.write(s, "window/main_splitter", self.main_splitter.saveState())
        state.write(s, "window/vertical_splitter", self.vertical_splitter.saveState())
        state.write(s, "window/timeline_visible", self.registry["toggle_timeline"].isChecked())
        state.write(s, "document/tab", self.panel.chosen_tab or self.panel.current_tab())
        self.last_document.flush(self.panel.record.key if self.panel.record else None)
        s.sync()

    def closeEvent(self, event) -> None:
        self.save_state()
        self.runner.wait(5000)
        for dialog in self.findChildren(QDialog):  # modeless ones (import summary, people, trash) go too
            dialog.close()
        super().closeEvent(event)

    def changeEvent(self, event: QEvent) -> None:
        """Follow the system's light or dark palette: HTML built with palette colours is rebuilt."""
        if event.type() == QEvent.Type.PaletteChange and self.panel.record:
            QTimer.singleShot(0, lambda: self.panel.record and self.panel.show_document(self.panel.record.id))
        super().changeEvent(event)
