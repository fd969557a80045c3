"""Editing a document's details: the Details tab's Edit mode.

Every field of ``curation.FIELDS`` (but the texts, corrected in their own tabs) has an editor, in
groups. Save sends only what changed to ``Archive.correct`` as one undoable step; what cannot be a
value of its field (a date that does not parse, an empty title, a link to the document itself) is
refused beside the field with the core's reason, nothing is written and the form keeps what was
typed. A corrected field says so discreetly under its editor (by whom, when, what the import said);
the others are as imported. Tags are edited here too, saved as a step of their own.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QFont, QGuiApplication, QKeySequence, QPalette, QShortcut
from PySide6.QtWidgets import (
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from ..core import curation, field_values
from ..core.curating import Step
from ..core.curation import FIELDS, FieldSource, InvalidValue
from ..core.store import Archive
from . import plain
from .annotations_pane import when
from .changes import Changes, Refusal
from .field_widgets import (
    DateField,
    FieldEditor,
    LineField,
    LinesField,
    LinksField,
    LongField,
    NamesField,
    NumbersField,
)
from .i18n import QT_TRANSLATE_NOOP, field_label, field_list, relation_label
from .kept_edits import typed_text
from .link_picker import LinkPicker
from .messages import shown
from .widgets_common import ERROR_COLOUR, problem_label

GROUPS = (
    (QT_TRANSLATE_NOOP("DetailsEditor", "Document"), ("title", "date", "type", "classification", "language")),
    (
        QT_TRANSLATE_NOOP("DetailsEditor", "People and places"),
        ("sender", "recipient", "signatory", "mentioned", "places"),
    ),
    (
        QT_TRANSLATE_NOOP("DetailsEditor", "Source"),
        ("source", "archival_refs", "reference_numbers", "url", "citation", "credits", "rights"),
    ),
    (QT_TRANSLATE_NOOP("DetailsEditor", "Related documents"), ("links",)),
    (QT_TRANSLATE_NOOP("DetailsEditor", "Description"), ("summary", "note", "tags")),
)
COMPLETED = {"type": "type", "classification": "classification", "language": "language"}  # field: facet


def provenance_note(source: FieldSource | None) -> str:
    """'corrected by alice, 2025-01-02 — imported: “; ;”' for a corrected field, '' for an imported one."""
    if source is None or not source.corrected:
        return ""
    note = QCoreApplication.translate("DetailsEditor", "✎ corrected by {author}, {when}").format(
        author=source.author or QCoreApplication.translate("DetailsEditor", "someone"), when=when(source.at or "")[:10]
    )
    imported = field_values.describe(source.field, source.imported)
    return note + " — " + QCoreApplication.translate("DetailsEditor", "imported: {value}").format(value=imported)


class DetailsEditor(QWidget):
    """The form. ``load(document_id)`` fills it; Save writes through ``changes``.

    Signals: closed(bool) when the form is left (True after a save), so the Details tab shows the
    fields again.
    """

    closed = Signal(bool)

    def __init__(
        self,
        archive: Callable[[], Archive],
        changes: Changes,
        author: Callable[[], str],
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self.setObjectName("details_editor")
        self.archive, self.changes, self.author = archive, changes, author
        self.document_id: int | None = None
        self.editors: dict[str, FieldEditor] = {}
        self.labels: dict[str, QLabel] = {}
        self.notes: dict[str, QLabel] = {}
        self.errors: dict[str, QLabel] = {}
        self.tags_before: list[str] = []
        self.saving = False

        self.heading = plain.plain(QLabel(self))
        self.heading.setObjectName("editor_heading")
        heading_font = QFont(self.font())
        heading_font.setBold(True)
        self.heading.setFont(heading_font)
        self.heading.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
        self.problem = problem_label(self, "editor_problem")
        self.copy_button = QPushButton(self.tr("Copy what you typed"), self)  # shown when it cannot be saved
        self.copy_button.setObjectName("editor_copy")
        self.copy_button.setToolTip(self.tr("Copy the changed fields as text, to paste them elsewhere"))
        self.copy_button.clicked.connect(lambda: QGuiApplication.clipboard().setText(typed_text(self)))
        self.copy_button.hide()
        self.cancel_button = QPushButton(self.tr("Cancel"), self)
        self.cancel_button.setObjectName("editor_cancel")
        self.cancel_button.setToolTip(self.tr("Leave without saving (Esc)"))
        self.save_button = QPushButton(self.tr("Save"), self)
        self.save_button.setObjectName("editor_save")
        self.save_button.setToolTip(self.tr("Save the changed fields (Ctrl+S); Edit ▸ Undo takes them back"))
        self.save_button.setDefault(True)
        self.cancel_button.clicked.connect(self.cancel)
        self.save_button.clicked.connect(self.save)
        for keys, slot in ((QKeySequence.StandardKey.Save, self.save), (QKeySequence("Ctrl+Return"), self.save)):
            shortcut = QShortcut(keys, self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(slot)
        escape = QShortcut(QKeySequence(Qt.Key.Key_Escape), self)
        escape.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        escape.activated.connect(self.cancel)
        top = QHBoxLayout()
        top.setContentsMargins(10, 6, 10, 6)
        top.addWidget(self.heading, 1)
        top.addWidget(self.copy_button)
        top.addWidget(self.cancel_button)
        top.addWidget(self.save_button)

        self.form = QWidget(self)
        self.form.setObjectName("editor_form")
        self.grid = QFormLayout(self.form)  # a field too wide for its row goes under its label
        self.grid.setContentsMargins(10, 4, 16, 12)
        self.grid.setHorizontalSpacing(12)
        self.grid.setVerticalSpacing(6)
        self.grid.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.grid.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.grid.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        self._build()
        scroll = QScrollArea(self)
        scroll.setObjectName("editor_scroll")
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Tab goes to the fields, and the area follows them
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(self.form)
        self.scroller = scroll
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addLayout(top)
        layout.addWidget(self.problem)
        layout.addWidget(scroll, 1)
        self.problem.setContentsMargins(10, 0, 10, 4)

    # -- building -------------------------------------------------------------------------------

    def _editor(self, name: str) -> FieldEditor:
        label = self.tr("Tags") if name == "tags" else field_label(name, FIELDS[name].label)
        kind = "tags" if name == "tags" else FIELDS[name].kind
        if kind == "text":
            return LineField(name, label, self.form, self._choices(name))
        if kind == "long_text":
            return LongField(name, label, self.form, lines=4 if name in ("summary", "rights") else 2)
        if kind == "date":
            return DateField(name, label, self.form)
        if kind == "people":
            return NamesField(name, label, self.form, self._names(name))
        if kind == "refs":
            return LinesField(name, label, self.form)
        if kind == "numbers":
            return NumbersField(name, label, self.form)
        if kind == "links":
            return LinksField(name, label, self.form, self._describe_link, self._pick_link)
        editor = NamesField(name, label, self.form, [tag for tag, _count in self.archive().tags()])
        editor.edit.setPlaceholderText(self.tr("tags separated by ;"))
        return editor

    def _build(self) -> None:
        muted = self.palette().color(QPalette.ColorRole.PlaceholderText).name()
        for row, (title, names) in enumerate(GROUPS):
            header = QLabel(self.tr(title), self.form)
            header.setObjectName(f"editor_group_{title.split()[0].lower()}")
            font = QFont(self.font())
            font.setBold(True)
            header.setFont(font)
            header.setContentsMargins(0, 10 if row else 2, 0, 2)
            self.grid.addRow(header)
            for name in names:
                editor = self._editor(name)
                label = QLabel(editor.label + ":", self.form)
                label.setObjectName(f"label_{name}")
                label.setBuddy(editor)
                note = plain.plain(QLabel(self.form))
                note.setObjectName(f"source_{name}")
                note.setStyleSheet(f"color: {muted}")
                note.setWordWrap(True)
                note.hide()
                error = plain.plain(QLabel(self.form))
                error.setObjectName(f"error_{name}")
                error.setStyleSheet(f"color: {ERROR_COLOUR}")
                error.setWordWrap(True)
                error.hide()
                cell = QVBoxLayout()
                cell.setSpacing(2)
                cell.addWidget(editor)
                cell.addWidget(error)
                cell.addWidget(note)
                self.grid.addRow(label, cell)
                self.editors[name], self.labels[name] = editor, label
                self.notes[name], self.errors[name] = note, error
                editor.edited.connect(lambda n=name: self._edited(n))

    def _choices(self, name: str) -> list[str]:
        facet = COMPLETED.get(name)
        return [value for value, _count in self.archive().facet_counts(facet)] if facet else []

    def _names(self, name: str) -> list[str]:
        return self.archive().entity_names(("place",)) if name == "places" else self.archive().entity_names()

    def _describe_link(self, link: dict[str, Any]) -> str:
        relation = relation_label(link.get("relation") or "related")
        target = link.get("target_id")
        record = self.archive().record(int(target)) if target else None
        if record is not None:
            undated = self.tr("undated")
            return f"{relation}: {record.title or record.key} ({record.date or undated})"
        hint = link.get("target_number") or link.get("target_date") or link.get("target_hint") or "?"
        return f"{relation}: {hint} — " + self.tr("not in this archive")

    def _pick_link(self) -> dict[str, Any] | None:
        if self.document_id is None:
            return None
        picker = LinkPicker(self.archive(), self.document_id, self)
        chosen = picker.link() if picker.exec() == LinkPicker.DialogCode.Accepted else None
        picker.deleteLater()
        return chosen

    # -- showing --------------------------------------------------------------------------------

    def load(self, document_id: int) -> bool:
        """Fill the form with the document's stored fields; False if it is gone."""
        archive = self.archive()
        try:
            values = archive.field_values(document_id)
        except curation.CurationError:
            return False
        sources = archive.provenance(document_id)
        self.document_id = document_id
        self.heading.setText(self.tr("Edit details"))
        for name, editor in self.editors.items():
            if name == "tags":
                self.tags_before = archive.document_tags(document_id)
                editor.set_value([{"name": tag} for tag in self.tags_before])
            else:
                editor.set_value(values.get(name))
            note = provenance_note(sources.get(name))
            self.notes[name].setText(note)
            self.notes[name].setVisible(bool(note))
            self.labels[name].setToolTip(
                plain.tip(note.lstrip("✎ ").capitalize())
                if note
                else self.tr("{field} as imported").format(field=self.labels[name].text()[:-1])
            )
        self._clear_errors()
        self.copy_button.hide()
        self.save_button.setEnabled(True)
        self.scroller.verticalScrollBar().setValue(0)
        return True

    def gone(self) -> None:
        """The document was deleted meanwhile (by another program, say): the form stays with what was
        typed, says why Save cannot write it, and offers to copy it."""
        self.copy_button.show()
        self.heading.setText(self.tr("Edits of a deleted document"))  # the panel above shows another now
        self.problem.setText(
            self.tr(
                "“{title}” was deleted while you were editing it: what you typed cannot be saved unless "
                "the document is restored from the Trash. Copy what you typed to keep it."
            ).format(title=self.editors["title"].original or "?")
        )
        self.problem.show()

    def _edited(self, name: str) -> None:
        self.errors[name].hide()

    def _clear_errors(self) -> None:
        for error in self.errors.values():
            error.hide()
        self.problem.hide()

    def show_error(self, field: str | None, reason: str) -> None:
        """Say why beside the field (and above the form), and put the cursor there."""
        if field in self.errors:
            self.errors[field].setText(f"⚠ {reason}")
            self.errors[field].show()
            self.scroller.ensureWidgetVisible(self.editors[field])
            self.editors[field].focus()
            self.problem.setText(self.tr("Not saved: see {field} below.").format(field=self.editors[field].label))
        else:
            self.problem.setText(self.tr("Not saved: {reason}").format(reason=reason))
        self.problem.show()

    # -- saving ---------------------------------------------------------------------------------

    def changed_values(self) -> dict[str, Any]:
        return {name: e.value() for name, e in self.editors.items() if name != "tags" and e.changed()}

    def check(self, values: dict[str, Any]) -> list[tuple[str, str]]:
        """What the core would refuse in the typed values alone (no archive needed): (field, reason)."""
        problems = []
        for name, value in values.items():
            try:
                field_values.normalise(name, value, self.editors[name].original)
            except InvalidValue as error:
                problems.append((error.field or name, shown(error.reason)))
        tags = self.editors["tags"]
        for tag in tags.names() if isinstance(tags, NamesField) else []:
            try:
                field_values.tag_name(tag)
            except InvalidValue as error:
                problems.append(("tags", shown(error.reason)))
        return problems

    def save(self) -> bool:
        """Write what changed as one step (and the tags as another); False if nothing was sent."""
        if self.document_id is None or self.saving or not self.isVisible():
            return False
        self._clear_errors()
        values = self.changed_values()
        problems = self.check(values)
        if problems:
            self.problem.hide()
        for field, reason in reversed(problems):
            self.show_error(field, reason)
        if problems:
            return False
        tags = self.editors["tags"]
        new_tags = tags.names() if isinstance(tags, NamesField) else []
        added = [t for t in new_tags if t not in self.tags_before]
        removed = [t for t in self.tags_before if t not in new_tags]
        if not values and not added and not removed:
            self.closed.emit(False)
            return False
        document_id, author = self.document_id, self.author()
        self.saving = True
        self.save_button.setEnabled(False)

        def tag_step() -> Step:
            return Step(
                lambda a: a.tag([document_id], added, removed, author=author), self.tr("Edit tags"), document_id, author
            )

        def finished() -> None:
            self.saving = False
            self.save_button.setEnabled(True)
            self.closed.emit(True)

        def refused(refusal: Refusal) -> None:
            self.saving = False
            self.save_button.setEnabled(True)
            self.show_error(refusal.field if refusal.field != "tags" else "tags", refusal.reason)

        def then_tags() -> None:
            if added or removed:
                self.changes.submit(tag_step(), finished, refused)
            else:
                finished()

        if values:
            text = self.tr("Edit {fields}").format(fields=field_list(list(values)))
            step = Step(lambda a: a.correct(document_id, values, author), text, document_id, author)
            self.changes.submit(step, then_tags, refused)
        else:
            then_tags()
        return True

    def cancel(self) -> None:
        if not self.saving:
            self.closed.emit(False)
