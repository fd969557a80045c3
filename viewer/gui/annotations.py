"""Annotating in the window: the annotations list beside the panel, the tools, undo and redo.

The core's operations (``viewer.core.annotations``) do the work; each is wrapped in a
QUndoCommand on one stack per window, so Ctrl+Z and Ctrl+Shift+Z cover highlights, rectangles,
pins, note edits and deletions alike. After every change the list and the drawn marks are rebuilt
from the archive, never patched, so what is shown is what is stored.

Every write (a new annotation, a note, a deletion, an undo or a redo) runs on the write thread
(``WriteQueue``), so a busy archive never freezes the window, and the stack moves only after the
write succeeded: a write that fails says so beside the list, keeps what was typed, and leaves the
stack as it was.

The author of new annotations is a preference (``preferences/author``), the system user name
until someone sets it.
"""

from __future__ import annotations

from collections.abc import Callable

import shiboken6
from PySide6.QtCore import QObject, QSettings, Qt, Signal
from PySide6.QtGui import QAction, QUndoCommand, QUndoStack
from PySide6.QtWidgets import QDockWidget, QMainWindow

from ..core import annotations as core
from ..core.annotations import AnnotationError, color_hex
from ..core.records import Annotation
from ..core.store import Archive
from .actions import ActionRegistry
from .annotations_pane import AnnotationsPane
from .document_panel import DocumentPanel
from .i18n import operation_text
from .tasks import TaskRunner
from .write_queue import Write, WriteQueue

AUTHOR_KEY = "preferences/author"


def author_name(settings: QSettings) -> str:
    """The author written on new annotations: the preference, else the system user name."""
    value = settings.value(AUTHOR_KEY, "")
    return str(value).strip() if value and str(value).strip() else core.default_author()


def _relabel(action: QAction, text: str) -> None:
    """Name what Undo/Redo would do; the stack also empties while the window is torn down."""
    if shiboken6.isValid(action):
        action.setText(text.strip())


class _Command(QUndoCommand):
    """A core operation on the window's undo stack. The archive has already been written when the
    stack pushes, undoes or redoes it (Annotating writes first), so here it only shows the change."""

    def __init__(self, glue: Annotating, operation: core.Operation):
        super().__init__(operation_text(operation.text))
        self.glue, self.operation = glue, operation

    def redo(self) -> None:
        self.glue.changed(self.operation.document_id)

    def undo(self) -> None:
        self.glue.changed(self.operation.document_id)


class Annotating(QObject):
    """Wires annotating into a main window: the dock with the list, the tools, undo/redo.

    ``archive`` and ``current_document`` are asked each time, so another archive opened in the
    window is the one annotated.

    Signals: annotations_changed(int) with the document whose annotations changed;
    document_requested(int) when an undo or redo changed another document than the open one.
    """

    annotations_changed = Signal(int)
    document_requested = Signal(int)

    def __init__(
        self,
        window: QMainWindow,
        panel: DocumentPanel,
        actions: ActionRegistry,
        settings: QSettings,
        archive: Callable[[], Archive],
        current_document: Callable[[], int | None],
        runner: TaskRunner,
    ):
        super().__init__(window)
        self.window, self.panel, self.settings = window, panel, settings
        self.archive, self.current_document = archive, current_document
        self.stack = QUndoStack(self)
        self.stack.setObjectName("annotation_undo_stack")
        self.writes = WriteQueue(runner, lambda: self.archive().path, self)
        self.writes.waiting.connect(self._waiting)
        self._reanchoring: set[int] = set()
        self.pane = AnnotationsPane(window)
        self.dock = QDockWidget(self.tr("Annotations"), window)
        self.dock.setObjectName("annotations_dock")
        self.dock.setWidget(self.pane)
        self.dock.setFeatures(
            QDockWidget.DockWidgetFeature.DockWidgetClosable | QDockWidget.DockWidgetFeature.DockWidgetMovable
        )
        window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.dock)
        window.resizeDocks([self.dock], [300], Qt.Orientation.Horizontal)  # a docked widget ignores resize()
        for name, slot in (("undo", self.undo), ("redo", self.redo), ("highlight", self.highlight)):
            action = actions.get(name)
            if action is not None:
                action.triggered.connect(slot)
        if actions.get("undo") is not None:
            actions["undo"].setEnabled(False)
            actions["redo"].setEnabled(False)
            self.stack.canUndoChanged.connect(actions["undo"].setEnabled)
            self.stack.canRedoChanged.connect(actions["redo"].setEnabled)
            self.stack.undoTextChanged.connect(
                lambda text: _relabel(actions["undo"], self.tr("&Undo {change}").format(change=text))
            )
            self.stack.redoTextChanged.connect(
                lambda text: _relabel(actions["redo"], self.tr("&Redo {change}").format(change=text))
            )
        toggle = actions.get("toggle_annotations")
        if toggle is not None:
            toggle.setChecked(True)
            toggle.toggled.connect(self.dock.setVisible)
            self.dock.visibilityChanged.connect(
                lambda visible: (
                    toggle.setChecked(visible) if shiboken6.isValid(window) and not window.isMinimized() else None
                )
            )
        highlight = actions.get("highlight")
        if highlight is not None:
            self.pane.highlight_button.setDefaultAction(highlight)
        else:
            self.pane.highlight_button.hide()
        self.pane.activated.connect(self.reveal)
        self.pane.note_saved.connect(self.edit_note)
        self.pane.delete_requested.connect(self.delete)
        self.pane.tool_chosen.connect(self._tool)
        panel.document_shown.connect(self.refresh)
        panel.scan.shape_drawn.connect(self.add_shape)

    # -- showing --------------------------------------------------------------------------------

    def document_id(self) -> int | None:
        return self.current_document()

    def refresh(self, document_id: int | None = None, keep: int | None = None) -> list[Annotation]:
        """Re-read the open document's annotations into the list, the text views and the scan."""
        current = self.document_id()
        if document_id is not None and document_id != current:
            return []
        panel, archive = self.panel, self.archive()
        if current is not None and not archive.readonly and archive.annotations_adrift(current):
            self._reanchor(current)  # a re-import moved the text: find the words again, on the write thread
        found = archive.document_annotations(current) if current is not None else []
        self.pane.show_annotations(found, keep)
        for part in (panel.transcript, panel.translation):
            part.single.set_annotations(
                [
                    (a.start, a.end, color_hex(a.color))
                    for a in found
                    if a.part == part.kind and a.anchored and a.start is not None and a.end is not None
                ]
            )
        panel.scan.overlays = [
            (a.page_position, a.shape, (a.x0, a.y0, a.x1, a.y1), color_hex(a.color))
            for a in found
            if a.part == "scan"
            and a.page_position is not None
            and a.x0 is not None
            and a.y0 is not None
            and a.x1 is not None
            and a.y1 is not None
        ]
        if panel.scan.pages:
            panel.scan._refresh()
        self.pane.setEnabled(current is not None and not self.archive().readonly)
        return found

    def _reanchor(self, document_id: int) -> None:
        if document_id in self._reanchoring:
            return
        self._reanchoring.add(document_id)

        def work(archive: Archive) -> None:
            with archive.transaction():
                archive.reanchor_annotations(document_id)

        def done(_result: object) -> None:
            self._reanchoring.discard(document_id)
            self.refresh(document_id)
            self.annotations_changed.emit(document_id)

        def failed(reason: str) -> None:
            self._reanchoring.discard(document_id)
            self._report(
                self.tr("The annotations could not be matched to the re-imported text: {reason}").format(reason=reason)
            )

        self.writes.submit(lambda: Write(work, done, failed))

    def changed(self, document_id: int, keep: int | None = None) -> None:
        if document_id != self.document_id():
            self.document_requested.emit(document_id)  # show what an undo or redo changed
        else:
            self.refresh(keep=keep)
        self.annotations_changed.emit(document_id)

    def reveal(self, annotation_id: int) -> None:
        """Go to an annotation: its tab, its words selected and in view, or its page."""
        annotation = core.get(self.archive(), annotation_id)
        if annotation is None:
            return
        panel = self.panel
        panel.show_tab(annotation.part if annotation.part != "notes" else "details")
        if annotation.part == "scan" and annotation.page_position is not None:
            panel.scan.show_page(annotation.page_position)
        elif annotation.part in ("transcript", "translation") and annotation.start is not None:
            part = panel.transcript if annotation.part == "transcript" else panel.translation
            if part.current_view() is part.single:
                part.single.reveal(annotation.start, annotation.end or annotation.start)

    # -- changing -------------------------------------------------------------------------------

    def _save(
        self, operation: core.Operation, done: Callable[[], None], what: str, keep: Callable[[], bool] | None = None
    ) -> None:
        """Write ``operation`` on the write thread; only then put it on the stack (which shows it).
        On failure ``keep`` puts back what was typed and says whether it could."""

        def written(_result: object) -> None:
            self.stack.push(_Command(self, operation))
            self.pane.clear_problem()
            done()

        def failed(reason: str) -> None:
            self._failed(what, reason, keep() if keep else None)

        self.writes.submit(lambda: Write(operation.redo, written, failed))

    def undo(self) -> None:
        self.writes.submit(lambda: self._step(back=True))

    def redo(self) -> None:
        self.writes.submit(lambda: self._step(back=False))

    def _step(self, back: bool) -> Write | None:
        """Undo or redo the command next to the stack's index, decided when its turn to write comes."""
        index = self.stack.index() - 1 if back else self.stack.index()
        command = self.stack.command(index) if 0 <= index < self.stack.count() else None
        if not isinstance(command, _Command):
            return None
        operation = command.operation

        def done(_result: object) -> None:
            if back:
                self.stack.undo()
            else:
                self.stack.redo()
            self.pane.clear_problem()

        what = f"{'undo' if back else 'redo'} “{operation.text.lower()}”"
        work = operation.undo if back else operation.redo
        return Write(work, done, lambda reason: self._failed(what, reason))

    def _report(self, message: str) -> None:
        self.window.statusBar().showMessage(message, 6000)

    def _failed(self, what: str, reason: str, kept: bool | None = None) -> None:
        """Say where the person is looking that the change was not saved; the stack did not move."""
        message = self.tr("Could not {what}: {reason}.").format(what=what, reason=reason)
        if kept:
            message += " " + self.tr("Your note is still in the box: press Save note to try again.")
        self.window.statusBar().showMessage(message, 15000)
        self.pane.show_problem(message)

    def _waiting(self, on: bool) -> None:
        if on:
            self.window.statusBar().showMessage(
                self.tr("Saving… waiting for the archive (another program is writing to it)")
            )
        elif self.window.statusBar().currentMessage().startswith(self.tr("Saving…")):
            self.window.statusBar().clearMessage()

    def highlight(self) -> Annotation | None:
        """Highlight the words selected in the transcript or translation tab; returns the unsaved
        annotation, which is written on the write thread."""
        panel, document_id = self.panel, self.document_id()
        tab = panel.current_tab()
        if document_id is None or tab not in ("transcript", "translation"):
            self._report(self.tr("Select words in the Transcript or Translation tab to highlight them"))
            return None
        part = panel.transcript if tab == "transcript" else panel.translation
        if part.current_view() is not part.single:
            self._report(self.tr("Turn off Side by side to highlight words"))
            return None
        selected = part.single.selected_range()
        if selected is None:
            self._report(self.tr("Select some words first"))
            return None
        try:
            annotation = core.new_highlight(
                self.archive(),
                document_id,
                tab,
                *selected,
                color=self.pane.chosen_color(),
                author=author_name(self.settings),
            )
        except AnnotationError as error:
            self._report(str(error))
            return None
        return self._created(annotation)

    def _created(self, annotation: Annotation) -> Annotation:
        """Record a new annotation (undoable); once it is stored, select it and put the cursor in its note."""

        def done() -> None:
            self.pane.select(annotation.id or -1)
            self.pane.note.setFocus()

        what = {
            "highlight": self.tr("add the highlight"),
            "rect": self.tr("add the rectangle"),
            "pin": self.tr("add the pin"),
        }.get(annotation.shape, self.tr("add the {shape}").format(shape=annotation.shape))
        self._save(core.Create(annotation), done, what)
        return annotation

    def add_shape(self, position: int, shape: str, rect: tuple[float, float, float, float]) -> Annotation | None:
        document_id = self.document_id()
        if document_id is None:
            return None
        try:
            annotation = core.new_shape(
                self.archive(),
                document_id,
                position,
                shape,
                rect,
                color=self.pane.chosen_color(),
                author=author_name(self.settings),
            )
        except AnnotationError as error:
            self._report(str(error))
            return None
        return self._created(annotation)

    def edit_note(self, annotation_id: int, note: str) -> None:
        annotation = core.get(self.archive(), annotation_id)
        if annotation is None or (annotation.note or "") == note:
            return

        def keep() -> bool:  # the list may have been rebuilt meanwhile: the typed note goes back in the box
            if self.pane.current_id() != annotation_id:
                return False
            if self.pane.note.toPlainText().strip() != note:
                self.pane.note.setPlainText(note)
            return True

        self._save(
            core.Edit(annotation, note=note), lambda: self.pane.select(annotation_id), self.tr("save the note"), keep
        )

    def delete(self, annotation_id: int) -> None:
        annotation = core.get(self.archive(), annotation_id)
        if annotation is not None:
            self._save(core.Delete(annotation), lambda: None, self.tr("delete the annotation"))

    def _tool(self, shape: str) -> None:
        scan = self.panel.scan
        scan.tool = shape or None
        scan.image.setCursor(Qt.CursorShape.CrossCursor if shape else Qt.CursorShape.ArrowCursor)
        if shape:
            self.panel.show_tab("scan")

    def reset(self) -> None:
        """Forget the undo history (another archive was opened)."""
        self.stack.clear()
        self.pane.clear_problem()
        self.refresh()
