"""Text from imported files shown as text, never as markup.

Qt guesses rich text wherever it is allowed to: a label, a tooltip or a message box whose first line
holds a tag (or ``&lt;``) is drawn as HTML, and a title with ``<img src="/dev/zero">`` then reads
/dev/zero until the process dies. So every label that may show content is switched to plain text,
message boxes are built plain, and tooltips (which have no plain switch) are escaped whenever Qt
would take them for HTML.
"""

from __future__ import annotations

import html

from PySide6.QtCore import Qt
from PySide6.QtGui import Qt as GuiQt
from PySide6.QtWidgets import QLabel, QMessageBox, QWidget


def plain(label: QLabel) -> QLabel:
    """Make ``label`` show its text literally (no HTML, no Markdown); returns it."""
    label.setTextFormat(Qt.TextFormat.PlainText)
    return label


def tip(text: str) -> str:
    """A tooltip that Qt shows literally: unchanged unless Qt would read it as HTML, then escaped and
    wrapped so that line breaks stay."""
    if not GuiQt.mightBeRichText(text):
        return text
    return "<p style='white-space:pre-wrap'>" + html.escape(text, quote=False) + "</p>"


def message_box(
    parent: QWidget | None,
    icon: QMessageBox.Icon,
    title: str,
    text: str,
    buttons: QMessageBox.StandardButton = QMessageBox.StandardButton.Ok,
) -> QMessageBox:
    """A message box whose text is plain (QMessageBox's static helpers guess HTML)."""
    box = QMessageBox(icon, title, text, buttons, parent)
    box.setTextFormat(Qt.TextFormat.PlainText)
    return box


def inform(parent: QWidget | None, title: str, text: str) -> None:
    message_box(parent, QMessageBox.Icon.Information, title, text).exec()


def warn(parent: QWidget | None, title: str, text: str) -> None:
    message_box(parent, QMessageBox.Icon.Warning, title, text).exec()


def critical(parent: QWidget | None, title: str, text: str) -> None:
    message_box(parent, QMessageBox.Icon.Critical, title, text).exec()
