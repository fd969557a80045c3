"""The people of the archive: persons and organisations with their aliases and how many documents
name them. Merge one entry into another ("Filippov" into Stalin: every mention, alias and search
follows), add or remove an alias (search follows at once), mark an entry as an organisation or a
person. Each is one undoable step on the window's stack."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ..core.curating import Step
from ..core.curation import PersonEntry
from ..core.store import Archive
from . import plain
from .changes import Changes, Refusal
from .counts import counts
from .i18n import QT_TRANSLATE_NOOP
from .widgets_common import chosen_rows, problem_label, record_table

COLUMNS = (
    QT_TRANSLATE_NOOP("PeopleView", "Name"),
    QT_TRANSLATE_NOOP("PeopleView", "Kind"),
    QT_TRANSLATE_NOOP("PeopleView", "Aliases"),
    QT_TRANSLATE_NOOP("PeopleView", "Documents"),
)
KINDS = {
    "person": QT_TRANSLATE_NOOP("PeopleView", "person"),
    "organization": QT_TRANSLATE_NOOP("PeopleView", "organisation"),
}


def ask(
    parent: QWidget, title: str, label: str, items: list[str] | None = None, current: int = 0, editable: bool = True
) -> str | None:
    """A name typed or chosen in a small dialog whose label (which names people) is plain text."""
    dialog = QInputDialog(parent)
    dialog.setWindowTitle(title)
    dialog.setLabelText(label)
    if items is not None:
        dialog.setComboBoxItems(items)
        dialog.setComboBoxEditable(editable)
        if 0 <= current < len(items):
            dialog.setTextValue(items[current])
    for text in dialog.findChildren(QLabel):
        plain.plain(text)
    given = dialog.exec() == QDialog.DialogCode.Accepted
    value = " ".join(dialog.textValue().split())
    dialog.deleteLater()
    return value if given and value else None


class PeopleView(QDialog):
    """A window over the people; changes go through ``changes`` and the list re-reads after each.

    Signals: show_documents(str) with a name, to list that person's documents in the window.
    """

    show_documents = Signal(str)

    def __init__(
        self, archive: Callable[[], Archive], changes: Changes, author: Callable[[], str], parent: QWidget | None = None
    ):
        super().__init__(parent)
        self.setObjectName("people_view")
        self.setWindowTitle(self.tr("People and Organisations"))
        self.archive, self.changes, self.author = archive, changes, author
        self.entries: list[PersonEntry] = []
        self.search = QLineEdit(self)
        self.search.setObjectName("people_search")
        self.search.setAccessibleName(self.tr("Find a person"))
        self.search.setPlaceholderText(self.tr("Find a name or an alias"))
        self.search.setClearButtonEnabled(True)
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(200)
        self._debounce.timeout.connect(self.reload)
        self.search.textChanged.connect(lambda _t: self._debounce.start())
        columns = tuple(self.tr(column) for column in COLUMNS)
        self.table = record_table(self, "people_table", self.tr("People"), columns)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.ResizeToContents)
        self.table.setColumnWidth(0, 200)
        self.table.itemSelectionChanged.connect(self._allow)
        self.table.itemDoubleClicked.connect(lambda _item: self._show_documents())
        self.buttons: dict[str, QPushButton] = {}
        row = QHBoxLayout()
        for name, text, tip, slot in (
            (
                "merge",
                self.tr("Merge into…"),
                self.tr("Merge the chosen entries into another: mentions and aliases follow"),
                self.merge,
            ),
            (
                "add_alias",
                self.tr("Add alias…"),
                self.tr("Another name this entry is written as (search finds it)"),
                self.add_alias,
            ),
            ("remove_alias", self.tr("Remove alias…"), self.tr("Take a name away from this entry"), self.remove_alias),
            (
                "kind",
                self.tr("Mark as organisation"),
                self.tr("An organisation, not a person (or back)"),
                self.toggle_kind,
            ),
            (
                "documents",
                self.tr("Show documents"),
                self.tr("List the documents that name this entry"),
                self._show_documents,
            ),
        ):
            button = QPushButton(text, self)
            button.setObjectName(f"people_{name}")
            button.setToolTip(tip)
            button.clicked.connect(slot)
            self.buttons[name] = button
            row.addWidget(button)
            if name == "kind":
                row.addStretch(1)
        self.problem = problem_label(self, "people_problem")
        self.count = plain.plain(QLabel(self))
        self.count.setObjectName("people_count")
        layout = QVBoxLayout(self)
        layout.addWidget(self.search)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.count)
        layout.addWidget(self.problem)
        layout.addLayout(row)
        self.resize(860, 560)
        changes.shown.connect(lambda _op: self.reload() if self.isVisible() else None)
        self.reload()

    # -- showing --------------------------------------------------------------------------------

    def reload(self) -> None:
        chosen = set(self.chosen_names())
        self.entries = self.archive().persons(self.search.text().strip())
        self.table.setRowCount(len(self.entries))
        for number, entry in enumerate(self.entries):
            aliases = ", ".join(entry.aliases)
            kind = KINDS.get(entry.kind)
            cells = (entry.name, self.tr(kind) if kind else entry.kind, aliases, str(entry.documents))
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if column == 3:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                tip = (
                    f"{entry.name}"
                    + (f" — {entry.note}" if entry.note else "")
                    + ("\n" + self.tr("Also: {aliases}").format(aliases=aliases) if aliases else "")
                )
                item.setToolTip(plain.tip(tip))
                self.table.setItem(number, column, item)
        self.table.clearSelection()
        for number, entry in enumerate(self.entries):
            if entry.name in chosen:
                self.table.selectRow(number)
        shown = len(self.entries)
        self.count.setText(counts().entries(shown))
        self._allow()

    def chosen(self) -> list[PersonEntry]:
        return [self.entries[row] for row in chosen_rows(self.table) if row < len(self.entries)]

    def chosen_names(self) -> list[str]:
        return [entry.name for entry in self.chosen()]

    def select(self, name: str) -> bool:
        for number, entry in enumerate(self.entries):
            if entry.name == name:
                self.table.selectRow(number)
                return True
        return False

    def _allow(self) -> None:
        chosen = self.chosen()
        writable = not self.archive().readonly
        one = len(chosen) == 1
        self.buttons["merge"].setEnabled(bool(chosen) and writable)
        self.buttons["add_alias"].setEnabled(one and writable)
        self.buttons["remove_alias"].setEnabled(one and writable and bool(chosen[0].aliases))
        self.buttons["kind"].setEnabled(one and writable)
        self.buttons["documents"].setEnabled(one)
        if one:
            organisation = chosen[0].kind == "organization"
            self.buttons["kind"].setText(self.tr("Mark as person") if organisation else self.tr("Mark as organisation"))

    # -- changing -------------------------------------------------------------------------------

    def _submit(self, step: Step) -> None:
        self.problem.hide()

        def refused(refusal: Refusal) -> None:
            self.problem.setText(self.tr("Not changed: {reason}").format(reason=refusal.reason))
            self.problem.show()

        self.changes.submit(step, None, refused)

    def merge_names(self, sources: list[str], target: str) -> None:
        """Merge each of ``sources`` into ``target`` (one step each)."""
        for source in sources:
            if source != target:
                self._submit(self._merge_step(source, target, self.author()))

    @staticmethod
    def _merge_step(source: str, target: str, author: str) -> Step:
        text = QCoreApplication.translate("PeopleView", "Merge {source} into {target}").format(
            source=source, target=target
        )
        return Step(lambda a: a.merge_persons(source, target, author), text, None, author)

    def merge(self) -> None:
        chosen = self.chosen_names()
        if not chosen:
            return
        names = [e.name for e in self.archive().persons() if e.name not in chosen or len(chosen) > 1]
        default = names.index(chosen[-1]) if len(chosen) > 1 and chosen[-1] in names else 0
        target = ask(
            self, self.tr("Merge"), self.tr("Merge {names} into:").format(names=", ".join(chosen)), names, default
        )
        if not target:
            return
        sources = [name for name in chosen if name != target]
        box = plain.message_box(
            self,
            QMessageBox.Icon.Question,
            self.tr("Merge"),
            self.tr(
                "Merge {names} into {target}? Every mention and alias goes to {target}; Edit ▸ Undo takes it back."
            ).format(names=", ".join(sources), target=target),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
        )
        if sources and box.exec() == QMessageBox.StandardButton.Yes:
            self.merge_names(sources, target)

    def add_alias_named(self, name: str, alias: str) -> None:
        author = self.author()
        text = self.tr("Add alias {alias} to {name}").format(alias=alias, name=name)
        self._submit(Step(lambda a: a.add_alias(name, alias, author), text, None, author))

    def remove_alias_named(self, name: str, alias: str) -> None:
        author = self.author()
        text = self.tr("Remove alias {alias} from {name}").format(alias=alias, name=name)
        self._submit(Step(lambda a: a.remove_alias(name, alias, author), text, None, author))

    def add_alias(self) -> None:
        chosen = self.chosen()
        if len(chosen) == 1:
            alias = ask(self, self.tr("Add Alias"), self.tr("Another name for {name}:").format(name=chosen[0].name))
            if alias:
                self.add_alias_named(chosen[0].name, alias)

    def remove_alias(self) -> None:
        chosen = self.chosen()
        if len(chosen) == 1 and chosen[0].aliases:
            label = self.tr("Name to take away from {name}:").format(name=chosen[0].name)
            alias = ask(self, self.tr("Remove Alias"), label, chosen[0].aliases, 0, False)
            if alias:
                self.remove_alias_named(chosen[0].name, alias)

    def set_kind(self, name: str, kind: str) -> None:
        author = self.author()
        text = (
            self.tr("Make {name} an organisation") if kind == "organization" else self.tr("Make {name} a person")
        ).format(name=name)
        self._submit(Step(lambda a: a.set_entity_kind(name, kind, author), text, None, author))

    def toggle_kind(self) -> None:
        chosen = self.chosen()
        if len(chosen) == 1:
            self.set_kind(chosen[0].name, "person" if chosen[0].kind == "organization" else "organization")

    def _show_documents(self) -> None:
        chosen = self.chosen_names()
        if len(chosen) == 1:
            self.show_documents.emit(chosen[0])
