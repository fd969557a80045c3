"""The annotations list beside the document panel: the open document's annotations with a colour
for new ones, the scan tools, a note editor and a delete button. It only shows and asks; the
window's ``Annotating`` (annotations.py) does the work."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QSettings, Qt, Signal
from PySide6.QtGui import QAction, QColor, QIcon, QKeySequence, QPixmap, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDockWidget,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ..core import annotations as core
from ..core.annotations import color_hex
from ..core.records import Annotation
from . import plain
from . import settings as state
from .roles import ID_ROLE


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


def colour_name(name: str) -> str:
    """A highlight colour's name (core.COLORS) in the interface's language."""
    names = {
        "yellow": QCoreApplication.translate("Colours", "Yellow"),
        "green": QCoreApplication.translate("Colours", "Green"),
        "blue": QCoreApplication.translate("Colours", "Blue"),
        "pink": QCoreApplication.translate("Colours", "Pink"),
        "orange": QCoreApplication.translate("Colours", "Orange"),
    }
    return names.get(name, name.capitalize())


class AnnotationsPane(QWidget):
    """The list of the open document's annotations, with a colour for new ones, the scan tools, a
    note editor and a delete button.

    Signals: activated(int) when an annotation is clicked; note_saved(int, str); delete_requested(int);
    tool_chosen(str) with "rect", "pin" or "" for the scan; listed(int) with how many are listed.
    """

    activated = Signal(int)
    note_saved = Signal(int, str)
    delete_requested = Signal(int)
    tool_chosen = Signal(str)
    listed = Signal(int)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("annotations_pane")
        self.color = QComboBox(self)
        self.color.setObjectName("annotation_color")
        self.color.setAccessibleName(self.tr("Highlight colour"))
        self.color.setToolTip(self.tr("Colour of new highlights and shapes"))
        for name in core.COLORS:
            self.color.addItem(swatch(name), colour_name(name), name)
        self.highlight_button = QToolButton(self)
        self.highlight_button.setObjectName("annotation_highlight")
        self.highlight_button.setAccessibleName(self.tr("Highlight selection"))
        self.highlight_button.setToolTip(self.tr("Highlight the selected words (Ctrl+H)"))
        self.tools: dict[str, QToolButton] = {}
        for shape, text, tip in (
            ("rect", "▭ " + self.tr("Rectangle"), self.tr("Draw a rectangle on the scan")),
            ("pin", self.tr("Pin"), self.tr("Pin a note to a point of the scan")),
        ):
            button = QToolButton(self)
            button.setText(text)
            button.setObjectName(f"annotation_tool_{shape}")
            button.setAccessibleName(tip)
            button.setToolTip(tip)
            button.setCheckable(True)
            button.toggled.connect(lambda on, s=shape: self._tool_toggled(s, on))
            self.tools[shape] = button
        # two rows, so the pane fits beside the panel on a 1024-pixel screen with nothing clipped
        bar = QGridLayout()
        bar.setContentsMargins(0, 0, 0, 0)
        bar.setHorizontalSpacing(4)
        bar.setVerticalSpacing(4)
        bar.addWidget(self.color, 0, 0, 1, 2)
        bar.addWidget(self.highlight_button, 1, 0, 1, 2)
        bar.addWidget(self.tools["rect"], 2, 0)
        bar.addWidget(self.tools["pin"], 2, 1)
        for widget in (self.color, self.highlight_button, *self.tools.values()):
            widget.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.list = QListWidget(self)
        self.list.setObjectName("annotations_list")
        self.list.setAccessibleName(self.tr("Annotations"))
        self.list.setToolTip(self.tr("Click an annotation to go to it; Delete removes it"))
        self.list.setWordWrap(True)
        self.list.setAlternatingRowColors(True)
        self.list.itemClicked.connect(lambda item: self.activated.emit(item.data(ID_ROLE)))
        self.list.currentItemChanged.connect(self._current_changed)
        delete_key = QShortcut(QKeySequence.StandardKey.Delete, self.list)
        delete_key.setContext(Qt.ShortcutContext.WidgetShortcut)
        delete_key.activated.connect(self._delete)
        self.note = QPlainTextEdit(self)
        self.note.setObjectName("annotation_note")
        self.note.setAccessibleName(self.tr("Note"))
        self.note.setPlaceholderText(self.tr("Note for the selected annotation"))
        self.note.setToolTip(self.tr("The note of the selected annotation; Save note keeps it"))
        self.note.setMaximumHeight(90)
        self.save = QPushButton(self.tr("Save note"), self)
        self.save.setObjectName("annotation_save_note")
        self.save.setAccessibleName(self.tr("Save note"))
        self.save.setToolTip(self.tr("Keep the note of the selected annotation (undo with Ctrl+Z)"))
        self.save.clicked.connect(self._save)
        self.delete = QPushButton(self.tr("Delete"), self)
        self.delete.setObjectName("annotation_delete")
        self.delete.setAccessibleName(self.tr("Delete annotation"))
        self.delete.setToolTip(self.tr("Delete the selected annotation (Delete)"))
        self.delete.clicked.connect(self._delete)
        buttons = QHBoxLayout()
        buttons.addWidget(self.save)
        buttons.addStretch(1)
        buttons.addWidget(self.delete)
        self.empty = QLabel(
            self.tr(
                "Select words in the transcript or translation and press Ctrl+H, or draw on the "
                "scan with the rectangle and pin tools."
            ),
            self,
        )
        self.empty.setObjectName("annotations_empty")
        self.empty.setWordWrap(True)
        self.problem = plain.plain(QLabel(self))  # a write that failed, said where the person is looking
        self.problem.setObjectName("annotations_problem")
        self.problem.setAccessibleName(self.tr("Not saved"))
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet("color: #b00020; font-weight: bold")
        self.problem.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addLayout(bar)
        layout.addWidget(self.empty)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.note)
        layout.addLayout(buttons)
        layout.addWidget(self.problem)
        self.auto_hide = QCheckBox(self.tr("Hide when a document has none"), self)
        self.auto_hide.setObjectName("annotations_auto_hide")
        self.auto_hide.setAccessibleName(self.tr("Hide the annotations when a document has none"))
        self.auto_hide.setToolTip(
            self.tr("Fold this pane away for documents without annotations (View ▸ Annotations shows it)")
        )
        layout.addWidget(self.auto_hide)
        self.annotations: list[Annotation] = []
        self._current_changed(None, None)

    def show_problem(self, message: str) -> None:
        self.problem.setText(message)
        self.problem.show()

    def clear_problem(self) -> None:
        self.problem.clear()
        self.problem.hide()

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

    def _part(self, part: str) -> str:
        return {"transcript": self.tr("Transcript"), "translation": self.tr("Translation")}.get(part, part.capitalize())

    def _shape(self, shape: str) -> str:
        names = {"highlight": self.tr("highlight"), "rect": self.tr("rectangle"), "pin": self.tr("pinned note")}
        return names.get(shape, shape)

    def _label(self, annotation: Annotation) -> str:
        """The quoted words, or the page and shape of a mark on the scan (Annotation.label, translated)."""
        if annotation.part != "scan":
            return annotation.label()
        position = annotation.page_position if annotation.page_position is not None else annotation.start or 0
        return self.tr("Page {page}, {shape}").format(page=position + 1, shape=self._shape(annotation.shape))

    def show_annotations(self, annotations: list[Annotation], keep: int | None = None) -> None:
        """Rebuild the list; ``keep`` (an id) stays or becomes the current row."""
        keep = keep if keep is not None else self.current_id()
        self.annotations = annotations
        self.list.blockSignals(True)
        self.list.clear()
        unknown = self.tr("unknown")
        for annotation in annotations:
            label = self._label(annotation)
            if len(label) > 160:
                label = label[:159] + "…"
            part = "" if annotation.part == "scan" else f"{self._part(annotation.part)}: "
            lines = [f"{part}“{label}”" if annotation.part != "scan" else label]
            if annotation.note:
                lines.append(f"✎ {annotation.note}")
            lines.append(
                f"{annotation.author or unknown} · {when(annotation.updated_at)}"
                + (" · " + self.tr("needs review") if annotation.status != "ok" else "")
            )
            item = QListWidgetItem(swatch(annotation.color), "\n".join(lines))
            item.setData(ID_ROLE, annotation.id)
            item.setToolTip(
                plain.tip(
                    f"{colour_name(annotation.color)}, {self._shape(annotation.shape)}"
                    + (" — " + self.tr("the text changed on re-import; check it") if annotation.status != "ok" else "")
                )
            )
            self.list.addItem(item)
            if annotation.id == keep:
                self.list.setCurrentItem(item)
        self.list.blockSignals(False)
        self.empty.setVisible(not annotations)
        self._current_changed(self.list.currentItem(), None)
        self.listed.emit(len(annotations))

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


class PaneFolding(QObject):
    """Keeps the annotations dock out of the way: folded while the open document has no annotations
    (when the pane's "Hide when a document has none" is on, the default), and hidden for good when the
    person closes it. Both choices are remembered in the settings.

    View ▸ Annotations (``toggle``) shows or hides it; showing it on a document without annotations
    turns the folding off, since the person asked to see it (to pick a tool, say)."""

    def __init__(self, dock: QDockWidget, pane: AnnotationsPane, toggle: QAction | None, settings: QSettings):
        super().__init__(dock)
        self.dock, self.pane, self.toggle, self.settings = dock, pane, toggle, settings
        self.count = 0
        pane.auto_hide.setChecked(state.read(settings, "annotations/auto_hide"))
        pane.auto_hide.toggled.connect(self._auto_hide_changed)
        pane.listed.connect(self._listed)
        if toggle is not None:
            toggle.triggered.connect(self._asked)  # the person's choice only, not setChecked
        self.dock.toggleViewAction().triggered.connect(self._asked)
        self.dock.installEventFilter(self)  # its close button
        self._listed(len(pane.annotations))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.dock and event.type() == QEvent.Type.Close and self.dock.isVisible():
            state.write(self.settings, "annotations/visible", False)
            if self.toggle is not None:
                self.toggle.setChecked(False)
        return False

    def wanted(self) -> bool:
        if not state.read(self.settings, "annotations/visible"):
            return False
        return self.count > 0 or not self.pane.auto_hide.isChecked()

    def apply(self) -> None:
        parent = self.dock.parentWidget()
        shown = self.dock.isVisibleTo(parent) if parent is not None else self.dock.isVisible()
        if shown != self.wanted():
            self.dock.setVisible(self.wanted())
        if self.toggle is not None:
            self.toggle.setChecked(self.wanted())

    def _listed(self, count: int) -> None:
        self.count = count
        self.apply()

    def _asked(self, on: bool) -> None:
        state.write(self.settings, "annotations/visible", on)
        if on and self.count == 0 and self.pane.auto_hide.isChecked():
            self.pane.auto_hide.setChecked(False)  # writes the setting and applies
        self.apply()

    def _auto_hide_changed(self, on: bool) -> None:
        state.write(self.settings, "annotations/auto_hide", on)
        self.apply()
