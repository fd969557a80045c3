"""Correcting a transcript or translation in place (OCR slips, typing errors).

The Transcript and Translation tabs get a "Correct…" button; it turns the text into an editor in
the same place. Save is one undoable step (``Archive.correct_text``): annotations on words left as
they were stay put, those on changed words are kept and marked for review, and search follows. A
refused or failed save says so above the text and keeps what was typed.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPlainTextEdit, QPushButton, QToolButton, QVBoxLayout, QWidget

from ..core.curating import Step
from ..core.store import Archive
from . import accessibility, plain
from .changes import Changes, Refusal
from .document_panel import DocumentPanel
from .document_parts import TextPart
from .widgets_common import PanelPart


class TextCorrector(QWidget):
    """The editor that takes the text's place: a note, Cancel and Save, and the text."""

    def __init__(self, kind: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.kind = kind
        self.setObjectName(f"{kind}_corrector")
        self.note = plain.plain(QLabel(self))
        self.note.setObjectName(f"{kind}_corrector_note")
        self.note.setWordWrap(True)
        self.default_note = (
            (self.tr("Correcting the transcript.") if kind == "transcript" else self.tr("Correcting the translation."))
            + " "
            + self.tr("Annotations on the words you change are kept and marked for review.")
        )
        self.note.setText(self.default_note)
        self.cancel = QPushButton(self.tr("Cancel"), self)
        self.cancel.setObjectName(f"{kind}_corrector_cancel")
        self.cancel.setToolTip(self.tr("Leave the text as it was (Esc)"))
        self.save = QPushButton(self.tr("Save correction"), self)
        self.save.setObjectName(f"{kind}_corrector_save")
        self.save.setToolTip(self.tr("Save the corrected text (Ctrl+S); Edit ▸ Undo takes it back"))
        self.save.setDefault(True)
        self.edit = QPlainTextEdit(self)
        self.edit.setObjectName(f"{kind}_corrector_text")
        self.edit.setAccessibleName(
            self.tr("Corrected transcript") if kind == "transcript" else self.tr("Corrected translation")
        )
        row = QHBoxLayout()
        row.setContentsMargins(8, 4, 8, 4)
        row.addWidget(self.note, 1)
        row.addWidget(self.cancel)
        row.addWidget(self.save)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addLayout(row)
        layout.addWidget(self.edit, 1)

    def show_problem(self, message: str | None) -> None:
        self.note.setText(message or self.default_note)
        self.note.setStyleSheet("color: #b3261e" if message else "")


class TextCorrecting(PanelPart):
    """Adds correcting to the panel's Transcript and Translation tabs.

    Signals: message(str) for the status bar.
    """

    def __init__(
        self, panel: DocumentPanel, archive: Callable[[], Archive], changes: Changes, author: Callable[[], str]
    ):
        super().__init__(panel, archive, changes, author)
        self.buttons: dict[str, QToolButton] = {}
        self.correctors: dict[str, TextCorrector] = {}
        self.document_id: int | None = None
        for part in (panel.transcript, panel.translation):
            kind = part.kind
            button = QToolButton(part)
            button.setText(self.tr("Correct…"))
            button.setObjectName(f"{kind}_correct")
            transcript = kind == "transcript"
            button.setAccessibleName(
                self.tr("Correct the transcript") if transcript else self.tr("Correct the translation")
            )
            button.setToolTip(
                (
                    self.tr("Correct the transcript in place")
                    if transcript
                    else self.tr("Correct the translation in place")
                )
                + " (Ctrl+Shift+E)"
            )
            button.clicked.connect(lambda _=False, k=kind: self.edit(k))
            part.bar.insertWidget(1, button)
            corrector = TextCorrector(kind, part)
            corrector.edit.setFont(part.single.font())
            corrector.cancel.clicked.connect(lambda _=False, k=kind: self.leave(k))
            corrector.save.clicked.connect(lambda _=False, k=kind: self.save(k))
            for keys, slot in ((QKeySequence.StandardKey.Save, self.save), (QKeySequence("Escape"), self.leave)):
                shortcut = QShortcut(keys, corrector)
                shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
                shortcut.activated.connect(lambda k=kind, s=slot: s(k))
            part.stack.addWidget(corrector)
            accessibility.order((button, part.side, *part.zoom_buttons, part.stack))  # Tab as the bar reads
            self.buttons[kind], self.correctors[kind] = button, corrector
        panel.document_shown.connect(self.document_shown)

    def part(self, kind: str) -> TextPart:
        return self.panel.transcript if kind == "transcript" else self.panel.translation

    def editing(self, kind: str) -> bool:
        return self.part(kind).stack.currentWidget() is self.correctors[kind]

    def document_shown(self, document_id: int) -> None:
        readonly = self.archive().readonly
        for kind, button in self.buttons.items():
            button.setEnabled(not readonly and kind in self.part(kind).texts)
        if document_id != self.document_id:
            self.document_id = document_id

    def edit(self, kind: str | None = None) -> bool:
        """Turn the text of ``kind`` (else the tab shown) into an editor; False if there is none."""
        kind = kind or self.panel.current_tab()
        if kind not in self.correctors or self.panel.record is None or self.archive().readonly:
            return False
        part = self.part(kind)
        text = part.texts.get(kind)
        if text is None:
            self.message.emit(
                self.tr("This document has no transcript to correct")
                if kind == "transcript"
                else self.tr("This document has no translation to correct")
            )
            return False
        corrector = self.correctors[kind]
        corrector.edit.setPlainText(text.body)
        corrector.edit.setFont(part.single.font())
        corrector.show_problem(None)
        corrector.save.setEnabled(True)
        self.panel.show_tab(kind)
        part.stack.setCurrentWidget(corrector)
        self.buttons[kind].setEnabled(False)
        corrector.edit.setFocus()
        return True

    def leave(self, kind: str) -> None:
        if self.editing(kind):
            self.buttons[kind].setEnabled(True)
            self.panel.set_side_by_side(self.panel.side_by_side)  # shows the text again, as it is stored

    def save(self, kind: str) -> bool:
        """Write the corrected text as one step; False when nothing changed (the editor closes)."""
        part, corrector = self.part(kind), self.correctors[kind]
        record, text = self.panel.record, part.texts.get(kind)
        if record is None or text is None or not self.editing(kind):
            return False
        body = corrector.edit.toPlainText()
        if body == text.body:
            self.leave(kind)
            return False
        document_id, author = record.id, self.author()
        corrector.save.setEnabled(False)

        def done() -> None:
            self.leave(kind)
            self.message.emit(
                self.tr("Transcript corrected") if kind == "transcript" else self.tr("Translation corrected")
            )

        def refused(refusal: Refusal) -> None:
            corrector.save.setEnabled(True)
            corrector.show_problem(
                self.tr("Not saved: {reason}. Your text is still here.").format(reason=refusal.reason)
            )

        label = self.tr("Correct transcript") if kind == "transcript" else self.tr("Correct translation")
        step = Step(lambda a: a.correct_text(document_id, kind, body, author), label, document_id, author)
        self.changes.submit(step, done, refused)
        return True
