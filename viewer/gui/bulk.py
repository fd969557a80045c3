"""Several documents at once: add or remove a tag on the documents selected in the list, or give
one field the same value on all of them. Each is one undoable step; a refused value is said in the
dialog, which stays open with what was typed."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from ..core import field_values
from ..core.curating import Step
from ..core.curation import FIELDS, InvalidValue
from ..core.store import Archive
from . import plain
from .changes import Changes, Refusal
from .counts import counts
from .field_widgets import DateField, FieldEditor, LineField, LongField, NamesField
from .i18n import field_label
from .messages import shown
from .widgets_common import problem_label

BULK_FIELDS = (  # fields that may sensibly take one value on many documents
    "type",
    "classification",
    "language",
    "date",
    "sender",
    "recipient",
    "signatory",
    "mentioned",
    "places",
    "source",
    "citation",
    "credits",
    "rights",
    "note",
)


class _BulkDialog(QDialog):
    def __init__(
        self,
        archive: Archive,
        changes: Changes,
        author: str,
        document_ids: list[int],
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self.archive, self.changes, self.author, self.document_ids = archive, changes, author, document_ids
        self.problem = problem_label(self, "bulk_problem")
        self.count = len(document_ids)
        self.noun = (
            QCoreApplication.translate("Bulk", "the document") if self.count == 1 else counts().selected(self.count)
        )

    def _submit(self, step: Step) -> None:
        self.problem.hide()
        self.setEnabled(False)

        def done() -> None:
            self.setEnabled(True)
            self.accept()

        def refused(refusal: Refusal) -> None:
            self.setEnabled(True)
            self.show_problem(refusal.reason)

        self.changes.submit(step, done, refused)

    def show_problem(self, reason: str) -> None:
        self.problem.setText(QCoreApplication.translate("Bulk", "Not saved: {reason}").format(reason=reason))
        self.problem.show()


class TagDialog(_BulkDialog):
    """Add a tag to (or remove it from) the selected documents."""

    def __init__(self, archive, changes, author, document_ids, parent=None):
        super().__init__(archive, changes, author, document_ids, parent)
        self.setObjectName("tag_dialog")
        self.setWindowTitle(self.tr("Tag Documents"))
        self.tag = QComboBox(self)
        self.tag.setObjectName("tag_name")
        self.tag.setAccessibleName(self.tr("Tag"))
        self.tag.setEditable(True)
        self.tag.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.tag.addItems([name for name, _count in archive.tags()])
        self.tag.setCurrentText("")
        line = self.tag.lineEdit()
        if line is not None:
            line.setPlaceholderText(self.tr("a tag, e.g. Korean War"))
        intro = plain.plain(QLabel(self.tr("A tag for {documents}:").format(documents=self.noun), self))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.add_button = QPushButton(self.tr("Add tag"), self)
        self.add_button.setObjectName("tag_add")
        self.add_button.setDefault(True)
        self.remove_button = QPushButton(self.tr("Remove tag"), self)
        self.remove_button.setObjectName("tag_remove")
        buttons.addButton(self.add_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.remove_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        self.add_button.clicked.connect(lambda: self.apply(add=True))
        self.remove_button.clicked.connect(lambda: self.apply(add=False))
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.tag)
        layout.addWidget(self.problem)
        layout.addStretch(1)
        layout.addWidget(buttons)
        self.resize(420, 160)

    def apply(self, add: bool = True) -> None:
        try:
            name = field_values.tag_name(self.tag.currentText())
        except InvalidValue as error:
            self.show_problem(shown(error.reason))
            return
        ids, author = self.document_ids, self.author
        added, removed = ([name], []) if add else ([], [name])
        text = (counts().tag_on(self.count) if add else counts().untag_on(self.count)).format(tag=name)
        only = ids[0] if len(ids) == 1 else None
        self._submit(Step(lambda a: a.tag(ids, added, removed, author=author), text, only, author))


class SetFieldDialog(_BulkDialog):
    """Choose a field and a value; all selected documents get it (one step, one undo)."""

    def __init__(self, archive, changes, author, document_ids, parent=None):
        super().__init__(archive, changes, author, document_ids, parent)
        self.setObjectName("set_field_dialog")
        self.setWindowTitle(self.tr("Set a Field on Several Documents"))
        self.field = QComboBox(self)
        self.field.setObjectName("set_field_name")
        self.field.setAccessibleName(self.tr("Field"))
        self.editors: dict[str, FieldEditor] = {}
        self.stack = QStackedWidget(self)
        for name in BULK_FIELDS:
            self.field.addItem(field_label(name, FIELDS[name].label), name)
            editor = self._editor(name)
            editor.set_value(None)
            self.editors[name] = editor
            self.stack.addWidget(editor)
        self.field.currentIndexChanged.connect(self._field_chosen)
        words = self.tr("Give {documents} the same value (it replaces what each had):").format(documents=self.noun)
        intro = plain.plain(QLabel(words, self))
        intro.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        self.ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok.setText(self.tr("Set"))
        self.ok.setObjectName("set_field_apply")
        buttons.accepted.connect(self.apply)
        buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow(self.tr("&Field:"), self.field)
        form.addRow(self.tr("&Value:"), self.stack)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addStretch(1)
        layout.addWidget(buttons)
        self.resize(560, 260)

    def _editor(self, name: str) -> FieldEditor:
        kind, label = FIELDS[name].kind, field_label(name, FIELDS[name].label)
        if kind == "date":
            return DateField(name, label, self)
        if kind == "people":
            kinds = ("place",) if name == "places" else ("person", "organization")
            return NamesField(name, label, self, [e.name for e in self.archive.persons(kinds=kinds)])
        if kind == "long_text":
            return LongField(name, label, self, lines=3)
        facet = name if name in ("type", "classification", "language") else None
        choices = [value for value, _count in self.archive.facet_counts(facet)] if facet else None
        return LineField(name, label, self, choices)

    def _field_chosen(self, _index: int) -> None:
        self.stack.setCurrentWidget(self.editors[self.field.currentData()])
        self.problem.hide()

    def choose(self, name: str) -> FieldEditor:
        self.field.setCurrentIndex(self.field.findData(name))
        return self.editors[name]

    def apply(self) -> None:
        name = self.field.currentData()
        value = self.editors[name].value()
        try:
            field_values.normalise(name, value)
        except InvalidValue as error:
            self.show_problem(shown(error.reason))
            return
        ids, author = self.document_ids, self.author
        text = counts().set_on(self.count).format(field=field_label(name).lower())
        only = ids[0] if len(ids) == 1 else None
        self._submit(Step(lambda a: a.correct_many(ids, {name: value}, author), text, only, author))
