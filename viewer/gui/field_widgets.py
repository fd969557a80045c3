"""One editor widget per kind of correctable field (``curation.FIELDS[name].kind``).

Each shows a field's stored value (``Archive.field_values``) and gives back what the person typed in
the form ``Archive.correct`` accepts: the core parses and checks it, so the window and the command
line refuse the same input with the same reason. Entries that were not touched are given back as
they were stored (a person's spelling as written, a reference's parts, a link's evidence), so saving
one new name does not rewrite the others. Everything shown is plain text.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QStringListModel, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ..core.dates import PRECISIONS, parse_date
from . import plain
from .i18n import precision_name
from .roles import ID_ROLE

SEPARATOR = "; "


class FieldEditor(QWidget):
    """A field's editor: ``set_value`` with the stored value, ``value`` what to save, ``changed``.

    Signals: edited() whenever the person changes something.
    """

    edited = Signal()

    def __init__(self, name: str, label: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.name, self.label = name, label
        self.original: Any = None
        self.setObjectName(f"edit_{name}")

    def set_value(self, value: Any) -> None:
        self.original = value

    def value(self) -> Any:
        raise NotImplementedError

    def changed(self) -> bool:
        return self.value() != self._as_given(self.original)

    def _as_given(self, value: Any) -> Any:
        """The stored value in the shape ``value()`` returns, to tell whether anything changed."""
        return value

    def focus(self) -> None:
        self.setFocus(Qt.FocusReason.OtherFocusReason)

    def _hold(self, widget: QWidget) -> None:
        """Fill the editor with ``widget`` alone, which takes the focus given to the editor."""
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(widget)
        self.setFocusProxy(widget)


def _line(parent: QWidget, name: str, accessible: str) -> QLineEdit:
    edit = QLineEdit(parent)
    edit.setObjectName(name)
    edit.setAccessibleName(accessible)
    return edit


def _text(parent: FieldEditor, name: str, accessible: str, lines: int) -> QPlainTextEdit:
    """A box of ``lines`` lines whose every change is an edit of ``parent``; Tab leaves it."""
    edit = QPlainTextEdit(parent)
    edit.setObjectName(name)
    edit.setAccessibleName(accessible)
    edit.setTabChangesFocus(True)
    edit.setFixedHeight(edit.fontMetrics().lineSpacing() * lines + 14)
    edit.textChanged.connect(parent.edited)
    return edit


def _complete(edit: QLineEdit, completer: QCompleter, mode: Qt.MatchFlag) -> None:
    """Let ``edit`` complete with ``completer``, ignoring case, matching by ``mode``."""
    completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
    completer.setFilterMode(mode)
    edit.setCompleter(completer)


class LineField(FieldEditor):
    """A one-line text (title, type, classification, language, source, address)."""

    def __init__(self, name: str, label: str, parent: QWidget | None = None, choices: list[str] | None = None):
        super().__init__(name, label, parent)
        self.edit = _line(self, f"edit_{name}_text", label)
        self.edit.textEdited.connect(lambda _t: self.edited.emit())
        if choices:
            _complete(self.edit, QCompleter(choices, self.edit), Qt.MatchFlag.MatchContains)
        self._hold(self.edit)

    def set_value(self, value: Any) -> None:
        super().set_value(value)
        self.edit.setText(value or "")
        self.edit.setCursorPosition(0)

    def value(self) -> str:
        return self.edit.text().strip()  # "" clears the field (and is refused for the title)

    def _as_given(self, value: Any) -> Any:
        return (value or "").strip()


class LongField(FieldEditor):
    """Several lines (summary, citation, credits, rights, note)."""

    def __init__(self, name: str, label: str, parent: QWidget | None = None, lines: int = 3):
        super().__init__(name, label, parent)
        self.edit = _text(self, f"edit_{name}_text", label, lines)
        self._hold(self.edit)

    def set_value(self, value: Any) -> None:
        super().set_value(value)
        self.edit.blockSignals(True)
        self.edit.setPlainText(value or "")
        self.edit.blockSignals(False)

    def value(self) -> str | None:
        return self.edit.toPlainText().strip() or None

    def _as_given(self, value: Any) -> Any:
        return (value or "").strip() or None


class DateField(FieldEditor):
    """The date as written, and the range it stands for (ISO start and end, precision). Typing the
    date as written fills the range as the program reads it; the range can then be set by hand."""

    def __init__(self, name: str, label: str, parent: QWidget | None = None):
        super().__init__(name, label, parent)
        self.written = _line(self, "edit_date_written", self.tr("Date as written"))
        self.written.setPlaceholderText(self.tr("as written, e.g. 13 May 1950"))
        self.start = _line(self, "edit_date_start", self.tr("Earliest date"))
        self.end = _line(self, "edit_date_end", self.tr("Latest date"))
        for edit in (self.start, self.end):
            edit.setPlaceholderText(self.tr("yyyy-mm-dd"))
            edit.setMaxLength(10)
            edit.setFixedWidth(edit.fontMetrics().horizontalAdvance("0000-00-00") + 24)
            edit.textEdited.connect(lambda _t: self._range_edited())
        self.by_hand = False  # the range was set by hand: typing the date as written no longer clears it
        self.precision = QComboBox(self)
        self.precision.setObjectName("edit_date_precision")
        self.precision.setAccessibleName(self.tr("Precision"))
        for precision in PRECISIONS:
            self.precision.addItem(precision_name(precision), precision)
        self.precision.activated.connect(lambda _i: self._range_edited())
        self.written.textEdited.connect(self._read_written)
        self.written.setToolTip(self.tr("The date as the document writes it; the range below follows as you type"))
        self.start.setToolTip(self.tr("The earliest day the date stands for (ISO)"))
        self.end.setToolTip(self.tr("The latest day (the same as the first for a day)"))
        self.precision.setToolTip(self.tr("How precise the date is: a day, a month, a year or unknown"))
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        for text, widget in (
            (self.tr("from"), self.start),
            (self.tr("to"), self.end),
            (self.tr("precision"), self.precision),
        ):
            caption = QLabel(text, self)
            caption.setBuddy(widget)
            row.addWidget(caption)
            row.addWidget(widget)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addWidget(self.written)
        layout.addLayout(row)
        self.setFocusProxy(self.written)

    def set_value(self, value: Any) -> None:
        super().set_value(value)
        value = value or {}
        self.written.setText(value.get("text") or "")
        self.start.setText(value.get("start") or "")
        self.end.setText(value.get("end") or "")
        self.precision.setCurrentIndex(max(self.precision.findData(value.get("precision") or "unknown"), 0))
        self.by_hand = False

    def _range_edited(self) -> None:
        self.by_hand = True
        self.edited.emit()

    def _read_written(self, text: str) -> None:
        """The range as the program reads what is typed; a text it cannot read empties the range (so
        Save says why), unless the range was set by hand."""
        parsed = parse_date(text)
        if parsed.known:
            self.start.setText(parsed.start or "")
            self.end.setText(parsed.end or "")
            self.precision.setCurrentIndex(self.precision.findData(parsed.precision))
            self.by_hand = False
        elif not self.by_hand:
            self.start.clear()
            self.end.clear()
            self.precision.setCurrentIndex(self.precision.findData("unknown"))
        self.edited.emit()

    def value(self) -> dict[str, Any]:
        written = self.written.text().strip()
        start, end = self.start.text().strip(), self.end.text().strip()
        precision = self.precision.currentData()
        if not start and not end and precision == "unknown":
            return {"text": written}  # the core reads it (an empty text is an unknown date)
        return {"text": written, "start": start or None, "end": end or None, "precision": precision}

    def changed(self) -> bool:
        old = self.original or {}
        now = self.value()
        if "start" not in now:
            return now["text"] != (old.get("text") or "") or bool(old.get("start"))
        return any(now.get(key) != old.get(key) for key in ("text", "start", "end", "precision"))


class _ListCompleter(QCompleter):
    """Completes the name after the last separator of a "Name; Name" line."""

    def splitPath(self, path: str) -> list[str]:
        return [path.split(";")[-1].strip()]

    def pathFromIndex(self, index) -> str:
        widget = self.widget()
        line = widget.text() if isinstance(widget, QLineEdit) else ""
        head = line.rsplit(";", 1)[0] + SEPARATOR if ";" in line else ""
        return head + str(index.data())


class NamesField(FieldEditor):
    """People or places as "Name; Name". A name the archive knows (or an alias of it) is that entry;
    another is a new one. Entries left as they were keep how the document wrote them."""

    def __init__(self, name: str, label: str, parent: QWidget | None = None, names: list[str] | None = None):
        super().__init__(name, label, parent)
        self.edit = _line(self, f"edit_{name}_names", label)
        self.edit.setPlaceholderText(self.tr("names separated by ;"))
        self.edit.textEdited.connect(lambda _t: self.edited.emit())
        completer = _ListCompleter(self.edit)
        completer.setModel(QStringListModel(names or [], completer))
        _complete(self.edit, completer, Qt.MatchFlag.MatchStartsWith)
        self._hold(self.edit)

    def set_value(self, value: Any) -> None:
        super().set_value(value or [])
        self.edit.setText(SEPARATOR.join(entry["name"] for entry in self.original))
        self.edit.setCursorPosition(0)

    def names(self) -> list[str]:
        return [" ".join(part.split()) for part in self.edit.text().split(";") if part.strip()]

    def value(self) -> list[Any]:
        stored = {entry["name"]: entry for entry in self.original}
        return [stored.get(name, name) for name in self.names()]

    def changed(self) -> bool:
        return self.names() != [entry["name"] for entry in self.original]


class LinesField(FieldEditor):
    """Archival references, one a line; a line left as it was keeps the parts read from it."""

    def __init__(self, name: str, label: str, parent: QWidget | None = None, key: str = "raw"):
        super().__init__(name, label, parent)
        self.key = key
        self.edit = _text(self, f"edit_{name}_lines", label, 3)
        self.edit.setPlaceholderText(self.tr("one a line, e.g. APRF, f. 45, op. 1, d. 335, l. 1-2"))
        self._hold(self.edit)

    def set_value(self, value: Any) -> None:
        super().set_value(value or [])
        self.edit.blockSignals(True)
        self.edit.setPlainText("\n".join(str(item.get(self.key) or "") for item in self.original))
        self.edit.blockSignals(False)

    def lines(self) -> list[str]:
        return [" ".join(line.split()) for line in self.edit.toPlainText().splitlines() if line.strip()]

    def value(self) -> list[Any]:
        stored = {str(item.get(self.key) or ""): item for item in self.original}
        return [stored.get(line, line) for line in self.lines()]

    def changed(self) -> bool:
        return self.lines() != [" ".join(str(item.get(self.key) or "").split()) for item in self.original]


class NumbersField(NamesField):
    """Reference numbers as written ("No. 8600; Special no. 550"); the number is read from each."""

    def set_value(self, value: Any) -> None:
        FieldEditor.set_value(self, value or [])
        self.edit.setPlaceholderText(self.tr("e.g. No. 8600; Special no. 550"))
        self.edit.setText(SEPARATOR.join(item["label"] for item in self.original))

    def value(self) -> list[Any]:
        stored = {item["label"]: item for item in self.original}
        return [stored.get(label, label) for label in self.names()]

    def changed(self) -> bool:
        return self.names() != [" ".join(item["label"].split()) for item in self.original]


class LinksField(FieldEditor):
    """This document's links to others (reply to, continues, related): a list with Add and Remove.
    ``pick`` asks for a new link (a relation and a document found by search) or None."""

    def __init__(
        self,
        name: str,
        label: str,
        parent: QWidget | None = None,
        describe: Callable[[dict[str, Any]], str] = str,
        pick: Callable[[], dict[str, Any] | None] = lambda: None,
    ):
        super().__init__(name, label, parent)
        self.describe, self.pick = describe, pick
        self.links: list[dict[str, Any]] = []
        self.list = QListWidget(self)
        self.list.setObjectName("edit_links_list")
        self.list.setAccessibleName(label)
        self.list.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.list.setFixedHeight(self.list.fontMetrics().lineSpacing() * 3 + 16)
        self.add = QPushButton(self.tr("Add link…"), self)
        self.add.setObjectName("edit_links_add")
        self.add.setToolTip(self.tr("Link this document to another, found by search"))
        self.remove = QPushButton(self.tr("Remove"), self)
        self.remove.setObjectName("edit_links_remove")
        self.remove.setToolTip(self.tr("Remove the chosen link"))
        self.add.clicked.connect(self._add)
        self.remove.clicked.connect(self._remove)
        buttons = QVBoxLayout()
        buttons.setContentsMargins(0, 0, 0, 0)
        buttons.addWidget(self.add)
        buttons.addWidget(self.remove)
        buttons.addStretch(1)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.list, 1)
        layout.addLayout(buttons)
        self.setFocusProxy(self.list)

    def set_value(self, value: Any) -> None:
        super().set_value(value or [])
        self.links = [dict(link) for link in self.original]
        self._show()

    def _show(self) -> None:
        self.list.clear()
        for number, link in enumerate(self.links):
            item = QListWidgetItem(self.describe(link))
            item.setData(ID_ROLE, number)
            item.setToolTip(plain.tip(self.describe(link)))
            self.list.addItem(item)
        self.remove.setEnabled(bool(self.links))

    def add_link(self, link: dict[str, Any]) -> None:
        self.links.append(link)
        self._show()
        self.edited.emit()

    def _add(self) -> None:
        link = self.pick()
        if link is not None:
            self.add_link(link)

    def _remove(self) -> None:
        row = self.list.currentRow()
        if 0 <= row < len(self.links):
            del self.links[row]
            self._show()
            self.edited.emit()

    def value(self) -> list[dict[str, Any]]:
        return list(self.links)
