"""File ▸ Print… and Print Preview… for the open document: its fields, its texts with their highlights,
and its annotations with their notes, through Qt's print support (QtPrintSupport).

The page is a QTextDocument built with a cursor, so everything from the archive goes in as plain text
(never HTML), and QTextDocument.print_ lays it out on the printer's pages with page numbers.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Qt
from PySide6.QtGui import QAction, QColor, QFont, QKeySequence, QTextCharFormat, QTextCursor, QTextDocument
from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import QMenu

from ..core.annotations import color_hex
from ..core.records import Annotation, DocumentRecord
from ..core.store import Archive
from .annotations_pane import colour_name
from .document_parts import LANGUAGES, TAB_TITLES
from .fonts import serif_font

PARTS = ("transcript", "translation")


def _language(code: str | None) -> str:
    return LANGUAGES.get(code or "", code or "")


def _fields(record: DocumentRecord) -> list[tuple[str, str]]:
    """The fields worth a line on paper, as the Details tab names them; empty ones left out."""
    date = record.date or QCoreApplication.translate("Printing", "undated")
    if record.date_as_written and record.date_as_written != date:
        date = f"{record.date_as_written} ({date})"
    found = [
        (QCoreApplication.translate("Printing", "Date"), date),
        (QCoreApplication.translate("Printing", "Type"), record.type or ""),
        (QCoreApplication.translate("Printing", "From"), record.sender or ""),
        (QCoreApplication.translate("Printing", "To"), record.recipient or ""),
        (QCoreApplication.translate("Printing", "Classification"), record.classification or ""),
        (QCoreApplication.translate("Printing", "Original language"), _language(record.original_language)),
        (QCoreApplication.translate("Printing", "Reference numbers"), ", ".join(record.reference_numbers or [])),
        (QCoreApplication.translate("Printing", "Archival source"), record.source or ""),
        (QCoreApplication.translate("Printing", "Citation"), record.citation or ""),
        (QCoreApplication.translate("Printing", "Address"), record.url or ""),
        (QCoreApplication.translate("Printing", "Summary"), record.summary or ""),
    ]
    return [(label, value) for label, value in found if value]


def _where(annotation: Annotation) -> str:
    if annotation.part == "scan":
        shape = (
            QCoreApplication.translate("Printing", "pinned note")
            if annotation.shape == "pin"
            else QCoreApplication.translate("Printing", "area")
        )
        if annotation.page_position is None:
            return QCoreApplication.translate("Printing", "Scan ({shape})").format(shape=shape)
        return QCoreApplication.translate("Printing", "Scan page {page} ({shape})").format(
            page=annotation.page_position + 1, shape=shape
        )
    return TAB_TITLES.get(annotation.part, annotation.part.capitalize())


def print_document(record: DocumentRecord, annotations: list[Annotation], point_size: float = 11.0) -> QTextDocument:
    """The open document as it goes on paper: title, fields, texts (highlights in their colours),
    annotations. Plain text throughout."""
    document = QTextDocument()
    document.setDefaultFont(serif_font(point_size))
    cursor = QTextCursor(document)
    plain = QTextCharFormat()
    bold = QTextCharFormat()
    bold.setFontWeight(QFont.Weight.Bold)
    title = QTextCharFormat(bold)
    title.setFontPointSize(point_size * 1.5)
    heading = QTextCharFormat(bold)
    heading.setFontPointSize(point_size * 1.2)
    grey = QTextCharFormat()
    grey.setForeground(QColor("#555555"))

    cursor.insertText(record.title or record.key, title)
    cursor.insertBlock()
    cursor.insertText(record.key, grey)
    for label, value in _fields(record):
        cursor.insertBlock()
        cursor.insertText(f"{label}: ", bold)
        cursor.insertText(value, plain)

    marks: dict[str, list[Annotation]] = {}
    for annotation in annotations:
        marks.setdefault(annotation.part, []).append(annotation)
    texts = {text.kind: text for text in reversed(record.texts)}  # the first of each kind
    for kind in PARTS:
        text = texts.get(kind)
        if text is None:
            continue
        cursor.insertBlock()
        cursor.insertBlock()
        language = _language(text.language)
        cursor.insertText(f"{TAB_TITLES[kind]}{f' ({language})' if language else ''}", heading)
        cursor.insertBlock()
        start = cursor.position()
        cursor.insertText(text.body, plain)
        for annotation in marks.get(kind, []):
            if annotation.start is None or annotation.end is None or not annotation.anchored:
                continue
            if not 0 <= annotation.start < annotation.end <= len(text.body):
                continue
            marked = QTextCursor(document)
            marked.setPosition(start + annotation.start)
            marked.setPosition(start + annotation.end, QTextCursor.MoveMode.KeepAnchor)
            colour = QTextCharFormat()
            colour.setBackground(QColor(color_hex(annotation.color)))
            marked.mergeCharFormat(colour)
        cursor.movePosition(QTextCursor.MoveOperation.End)

    if annotations:
        cursor.insertBlock()
        cursor.insertBlock()
        cursor.insertText(
            QCoreApplication.translate("Printing", "Annotations ({count})").format(count=len(annotations)), heading
        )
        for number, annotation in enumerate(annotations, start=1):
            cursor.insertBlock()
            cursor.insertText(f"{number}. {_where(annotation)}, {colour_name(annotation.color).lower()}", bold)
            if annotation.quote:
                cursor.insertText(f": “{annotation.quote}”", plain)
            if annotation.note:
                cursor.insertBlock()
                cursor.insertText(annotation.note, plain)
            who = ", ".join(filter(None, (annotation.author, annotation.created_at[:10])))
            if who:
                cursor.insertBlock()
                cursor.insertText(who, grey)
    return document


class Printing(QObject):
    """File ▸ Print… (Ctrl+P) and File ▸ Print Preview…, added before Quit.

    ``window`` is the main window, duck-typed (``archive``, ``current_document()``, ``menuBar()``,
    ``statusBar()``) as ``curating`` and ``exchange`` take it."""

    def __init__(self, window: Any):
        super().__init__(window)
        self.window = window
        self.print_action = self._action(
            "print", self.tr("&Print…"), self.tr("Print the open document: fields, texts, annotations")
        )
        keys = [QKeySequence(QKeySequence.StandardKey.Print), QKeySequence("Ctrl+P")]
        self.print_action.setShortcuts(list({k.toString(): k for k in keys if not k.isEmpty()}.values()))
        self.preview_action = self._action(
            "print_preview", self.tr("Print Pre&view…"), self.tr("See the open document's pages as they will print")
        )
        self.print_action.triggered.connect(self.choose_print)
        self.preview_action.triggered.connect(self.preview)
        self.dialog: QPrintPreviewDialog | None = None
        menus = {menu.objectName(): menu for menu in window.menuBar().findChildren(QMenu)}
        file_menu = menus.get("menu_file")
        if file_menu is not None:
            quit_action = window.registry.get("quit")
            before = quit_action if quit_action in file_menu.actions() else None
            for action in (self.print_action, self.preview_action):
                file_menu.insertAction(before, action)
            file_menu.insertSeparator(before)

    def _action(self, name: str, text: str, tip: str) -> QAction:
        action = QAction(text, self.window)
        action.setObjectName(f"action_{name}")
        action.setStatusTip(tip)
        action.setToolTip(tip)
        self.window.addAction(action)
        return action

    def document(self) -> QTextDocument | None:
        """The open document, ready to print, or None when none is open."""
        archive: Archive = self.window.archive
        document_id = self.window.current_document()
        record = archive.record(document_id) if document_id is not None else None
        if record is None:
            return None
        return print_document(record, archive.document_annotations(record.id))

    def print_to(self, printer: QPrinter) -> bool:
        """Print the open document on ``printer``; False when no document is open."""
        document = self.document()
        if document is None:
            self.window.statusBar().showMessage(self.tr("Open a document to print it"), 5000)
            return False
        document.setParent(self)
        printer.setDocName(self.window.windowTitle())
        document.print_(printer)
        document.deleteLater()
        return True

    def choose_print(self) -> None:
        if self.window.current_document() is None:
            self.window.statusBar().showMessage(self.tr("Open a document to print it"), 5000)
            return
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        dialog = QPrintDialog(printer, self.window)
        dialog.setWindowTitle(self.tr("Print Document"))
        if dialog.exec() == QPrintDialog.DialogCode.Accepted:
            self.print_to(printer)

    def preview(self) -> QPrintPreviewDialog | None:
        """Show the pages in Qt's preview (not blocking the window); it prints from there too."""
        if self.window.current_document() is None:
            self.window.statusBar().showMessage(self.tr("Open a document to see how it prints"), 5000)
            return None
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        dialog = QPrintPreviewDialog(printer, self.window)
        dialog.setObjectName("print_preview")
        dialog.setWindowTitle(self.tr("Print Preview"))
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.paintRequested.connect(self.print_to)
        dialog.resize(900, 700)
        dialog.open()
        self.dialog = dialog
        return dialog
