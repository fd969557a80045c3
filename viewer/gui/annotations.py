"""Annotating in the window: the annotations list beside the panel, the tools, undo and redo.

The core's operations (``viewer.core.annotations``) do the work; each is wrapped in a
QUndoCommand on one stack per window, so Ctrl+Z and Ctrl+Shift+Z cover highlights, rectangles,
pins, note edits and deletions alike. After every change the list and the drawn marks are rebuilt
from the archive, never patched, so what is shown is what is stored.

The author of new annotations is a preference (``preferences/author``), the system user name
until someone sets it.
"""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import QObject, QSettings, Qt, Signal
from PySide6.QtGui import QAction, QColor, QIcon, QKeySequence, QPixmap, QShortcut, QUndoCommand, QUndoStack
from PySide6.QtWidgets import (
    QComboBox,
    QDockWidget,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ..core import annotations as core
from ..core.annotations import Annotation, AnnotationError, color_hex

if TYPE_CHECKING:
    from .main_window import MainWindow

AUTHOR_KEY = "preferences/author"
ID_ROLE = Qt.ItemDataRole.UserRole + 1


def author_name(settings: QSettings) -> str:
    """The author written on new annotations: the preference, else the system user name."""
    value = settings.value(AUTHOR_KEY, "")
    return str(value).strip() if value and str(value).strip() else core.default_author()


def swatch(color: str) -> QIcon:
    pixmap = QPixmap(14, 14)
    pixmap.fill(QColor(color_hex(color)))
    return QIcon(pixmap)


def when(stamp: str) -> str:
    """A stored UTC stamp in local time, to the minute."""
    try:
        return datetime.fromisoformat(stamp.replace("Z", "+00:00")).astimezone().strftime("%Y-%m-%d %H:%M")
    except ValueError:
        return stamp


def _relabel(action: QAction, text: str) -> None:
    """Name what Undo/Redo would do; the stack also empties while the window is torn down."""
    if shiboken6.isValid(action):
        action.setText(text.strip())


class _Command(QUndoCommand):
    """A core operation on the window's undo stack."""

    def __init__(self, glue: Annotating, operation: core.Operation):
        super().__init__(operation.text)
        self.glue, self.operation = glue, operation

    def redo(self) -> None:
        self.operation.redo(self.glue.window.archive)
        self.glue.changed(self.operation.document_id)

    def undo(self) -> None:
        self.operation.undo(self.glue.window.archive)
        self.glue.changed(self.operation.document_id)


class AnnotationsPane(QWidget):
    """The list of the open document's annotations, with a colour for new ones, the scan tools, a
    note editor and a delete button.

    Signals: activated(int) when an annotation is clicked; note_saved(int, str); delete_requested(int);
    tool_chosen(str) with "rect", "pin" or "" for the scan.
    """

    activated = Signal(int)
    note_saved = Signal(int, str)
    delete_requested = Signal(int)
    tool_chosen = Signal(str)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("annotations_pane")
        self.color = QComboBox(self)
        self.color.setObjectName("annotation_color")
        self.color.setAccessibleName("Highlight colour")
        self.color.setToolTip("Colour of new highlights and shapes")
        for name in core.COLORS:
            self.color.addItem(swatch(name), name.capitalize(), name)
        self.highlight_button = QToolButton(self)
        self.highlight_button.setObjectName("annotation_highlight")
        self.highlight_button.setAccessibleName("Highlight selection")
        self.highlight_button.setToolTip("Highlight the selected words (Ctrl+H)")
        self.tools: dict[str, QToolButton] = {}
        for shape, text, tip in (
            ("rect", "▭ Rectangle", "Draw a rectangle on the scan"),
            ("pin", "📌 Pin", "Pin a note to a point of the scan"),
        ):
            button = QToolButton(self)
            button.setText(text)
            button.setObjectName(f"annotation_tool_{shape}")
            button.setAccessibleName(tip)
            button.setToolTip(tip)
            button.setCheckable(True)
            button.toggled.connect(lambda on, s=shape: self._tool_toggled(s, on))
            self.tools[shape] = button
        bar = QHBoxLayout()
        bar.setContentsMargins(0, 0, 0, 0)
        bar.addWidget(self.color, 1)
        bar.addWidget(self.highlight_button)
        bar.addWidget(self.tools["rect"])
        bar.addWidget(self.tools["pin"])
        self.list = QListWidget(self)
        self.list.setObjectName("annotations_list")
        self.list.setAccessibleName("Annotations")
        self.list.setToolTip("Click an annotation to go to it; Delete removes it")
        self.list.setWordWrap(True)
        self.list.setAlternatingRowColors(True)
        self.list.itemClicked.connect(lambda item: self.activated.emit(item.data(ID_ROLE)))
        self.list.currentItemChanged.connect(self._current_changed)
        delete_key = QShortcut(QKeySequence.StandardKey.Delete, self.list)
        delete_key.setContext(Qt.ShortcutContext.WidgetShortcut)
        delete_key.activated.connect(self._delete)
        self.note = QPlainTextEdit(self)
        self.note.setObjectName("annotation_note")
        self.note.setAccessibleName("Note")
        self.note.setPlaceholderText("Note for the selected annotation")
        self.note.setToolTip("The note of the selected annotation; Save note keeps it")
        self.note.setMaximumHeight(90)
        self.save = QPushButton("Save note", self)
        self.save.setObjectName("annotation_save_note")
        self.save.setAccessibleName("Save note")
        self.save.setToolTip("Keep the note of the selected annotation (undo with Ctrl+Z)")
        self.save.clicked.connect(self._save)
        self.delete = QPushButton("Delete", self)
        self.delete.setObjectName("annotation_delete")
        self.delete.setAccessibleName("Delete annotation")
        self.delete.setToolTip("Delete the selected annotation (Delete)")
        self.delete.clicked.connect(self._delete)
        buttons = QHBoxLayout()
        buttons.addWidget(self.save)
        buttons.addStretch(1)
        buttons.addWidget(self.delete)
        self.empty = QLabel(
            "Select words in the transcript or translation and press Ctrl+H, or draw on the "
            "scan with the rectangle and pin tools.",
            self,
        )
        self.empty.setObjectName("annotations_empty")
        self.empty.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addLayout(bar)
        layout.addWidget(self.empty)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.note)
        layout.addLayout(buttons)
        self.annotations: list[Annotation] = []
        self._current_changed(None, None)

    def chosen_color(self) -> str:
        return str(self.color.currentData())

    def _tool_toggled(self, shape: str, on: bool) -> None:
        if on:
            for other, button in self.tools.items():
                if other != shape:
                    button.setChecked(False)
            self.tool_chosen.emit(shape)
        elif not any(b.isChecked() for b in self.tools.values()):
            self.tool_chosen.emit("")

    def show_annotations(self, annotations: list[Annotation], keep: int | None = None) -> None:
        """Rebuild the list; ``keep`` (an id) stays or becomes the current row."""
        keep = keep if keep is not None else self.current_id()
        self.annotations = annotations
        self.list.blockSignals(True)
        self.list.clear()
        for annotation in annotations:
            label = annotation.label()
            if len(label) > 160:
                label = label[:159] + "…"
            part = "" if annotation.part == "scan" else f"{annotation.part.capitalize()}: "
            lines = [f"{part}“{label}”" if annotation.part != "scan" else label]
            if annotation.note:
                lines.append(f"✎ {annotation.note}")
            lines.append(
                f"{annotation.author or 'unknown'} · {when(annotation.updated_at)}"
                + (" · needs review" if annotation.status != "ok" else "")
            )
            item = QListWidgetItem(swatch(annotation.color), "\n".join(lines))
            item.setData(ID_ROLE, annotation.id)
            item.setToolTip(
                f"{annotation.color} {annotation.shape}"
                + (" — the text changed on re-import; check it" if annotation.status != "ok" else "")
            )
            self.list.addItem(item)
            if annotation.id == keep:
                self.list.setCurrentItem(item)
        self.list.blockSignals(False)
        self.empty.setVisible(not annotations)
        self._current_changed(self.list.currentItem(), None)

    def current_id(self) -> int | None:
        item = self.list.currentItem()
        return int(item.data(ID_ROLE)) if item is not None else None

    def select(self, annotation_id: int) -> None:
        for row in range(self.list.count()):
            if self.list.item(row).data(ID_ROLE) == annotation_id:
                self.list.setCurrentRow(row)
                return

    def _current_changed(self, item: QListWidgetItem | None, _previous: QListWidgetItem | None) -> None:
        annotation = next((a for a in self.annotations if item is not None and a.id == item.data(ID_ROLE)), None)
        self.note.setPlainText(annotation.note or "" if annotation else "")
        for widget in (self.note, self.save, self.delete):
            widget.setEnabled(annotation is not None)

    def _save(self) -> None:
        annotation_id = self.current_id()
        if annotation_id is not None:
            self.note_saved.emit(annotation_id, self.note.toPlainText().strip())

    def _delete(self) -> None:
        annotation_id = self.current_id()
        if annotation_id is not None:
            self.delete_requested.emit(annotation_id)


class Annotating(QObject):
    """Wires annotating into a main window: the dock with the list, the tools, undo/redo, export.

    Signals: annotations_changed(int) with the document whose annotations changed.
    """

    annotations_changed = Signal(int)

    def __init__(self, window: MainWindow):
        super().__init__(window)
        self.window = window
        self.stack = QUndoStack(self)
        self.stack.setObjectName("annotation_undo_stack")
        self.pane = AnnotationsPane(window)
        self.dock = QDockWidget("Annotations", window)
        self.dock.setObjectName("annotations_dock")
        self.dock.setWidget(self.pane)
        self.dock.setFeatures(
            QDockWidget.DockWidgetFeature.DockWidgetClosable | QDockWidget.DockWidgetFeature.DockWidgetMovable
        )
        window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.dock)
        window.resizeDocks([self.dock], [300], Qt.Orientation.Horizontal)  # a docked widget ignores resize()
        actions = window.actions
        for name, slot in (("undo", self.stack.undo), ("redo", self.stack.redo), ("highlight", self.highlight)):
            action = actions.get(name)
            if action is not None:
                action.triggered.connect(slot)
        if actions.get("undo") is not None:
            actions["undo"].setEnabled(False)
            actions["redo"].setEnabled(False)
            self.stack.canUndoChanged.connect(actions["undo"].setEnabled)
            self.stack.canRedoChanged.connect(actions["redo"].setEnabled)
            self.stack.undoTextChanged.connect(lambda text: _relabel(actions["undo"], f"&Undo {text}"))
            self.stack.redoTextChanged.connect(lambda text: _relabel(actions["redo"], f"&Redo {text}"))
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
        window.panel.document_shown.connect(self.refresh)
        window.panel.scan.shape_drawn.connect(self.add_shape)

    # -- showing --------------------------------------------------------------------------------

    def document_id(self) -> int | None:
        return self.window.current_document()

    def refresh(self, document_id: int | None = None, keep: int | None = None) -> list[Annotation]:
        """Re-read the open document's annotations into the list, the text views and the scan."""
        current = self.document_id()
        if document_id is not None and document_id != current:
            return []
        panel = self.window.panel
        found = core.list_annotations(self.window.archive, current) if current is not None else []
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
            if a.part == "scan" and a.page_position is not None
        ]
        if panel.scan.pages:
            panel.scan._refresh()
        self.pane.setEnabled(current is not None and not self.window.archive.readonly)
        return found

    def changed(self, document_id: int, keep: int | None = None) -> None:
        if document_id != self.document_id():
            self.window.open_document(document_id)  # show what an undo or redo changed
        else:
            self.refresh(keep=keep)
        self.annotations_changed.emit(document_id)

    def reveal(self, annotation_id: int) -> None:
        """Go to an annotation: its tab, its words selected and in view, or its page."""
        annotation = core.get(self.window.archive, annotation_id)
        if annotation is None:
            return
        panel = self.window.panel
        panel.show_tab(annotation.part if annotation.part != "notes" else "details")
        if annotation.part == "scan" and annotation.page_position is not None:
            panel.scan.show_page(annotation.page_position)
        elif annotation.part in ("transcript", "translation") and annotation.start is not None:
            part = panel.transcript if annotation.part == "transcript" else panel.translation
            if part.current_view() is part.single:
                part.single.reveal(annotation.start, annotation.end or annotation.start)

    # -- changing -------------------------------------------------------------------------------

    def _push(self, operation: core.Operation) -> None:
        self.stack.push(_Command(self, operation))

    def _report(self, message: str) -> None:
        self.window.statusBar().showMessage(message, 6000)

    def highlight(self) -> Annotation | None:
        """Highlight the words selected in the transcript or translation tab."""
        panel, document_id = self.window.panel, self.document_id()
        tab = panel.current_tab()
        if document_id is None or tab not in ("transcript", "translation"):
            self._report("Select words in the Transcript or Translation tab to highlight them")
            return None
        part = panel.transcript if tab == "transcript" else panel.translation
        if part.current_view() is not part.single:
            self._report("Turn off Side by side to highlight words")
            return None
        selected = part.single.selected_range()
        if selected is None:
            self._report("Select some words first")
            return None
        try:
            annotation = core.new_highlight(
                self.window.archive,
                document_id,
                tab,
                *selected,
                color=self.pane.chosen_color(),
                author=author_name(self.window.settings),
            )
        except AnnotationError as error:
            self._report(str(error))
            return None
        return self._created(annotation)

    def _created(self, annotation: Annotation) -> Annotation:
        """Record a new annotation (undoable), select it and put the cursor in its note."""
        self._push(core.Create(annotation))
        self.pane.select(annotation.id or -1)
        self.pane.note.setFocus()
        return annotation

    def add_shape(self, position: int, shape: str, rect: tuple[float, float, float, float]) -> Annotation | None:
        document_id = self.document_id()
        if document_id is None:
            return None
        try:
            annotation = core.new_shape(
                self.window.archive,
                document_id,
                position,
                shape,
                rect,
                color=self.pane.chosen_color(),
                author=author_name(self.window.settings),
            )
        except AnnotationError as error:
            self._report(str(error))
            return None
        return self._created(annotation)

    def edit_note(self, annotation_id: int, note: str) -> None:
        annotation = core.get(self.window.archive, annotation_id)
        if annotation is not None and (annotation.note or "") != note:
            self._push(core.Edit(annotation, note=note))
            self.pane.select(annotation_id)

    def delete(self, annotation_id: int) -> None:
        annotation = core.get(self.window.archive, annotation_id)
        if annotation is not None:
            self._push(core.Delete(annotation))

    def _tool(self, shape: str) -> None:
        scan = self.window.panel.scan
        scan.tool = shape or None
        scan.image.setCursor(Qt.CursorShape.CrossCursor if shape else Qt.CursorShape.ArrowCursor)
        if shape:
            self.window.panel.show_tab("scan")

    def reset(self) -> None:
        """Forget the undo history (another archive was opened)."""
        self.stack.clear()
        self.refresh()
