"""Reading text: a serif at a comfortable line length, zoomable, search hits highlighted, and a
side-by-side view that sets each paragraph of the original beside its translation."""

from __future__ import annotations

import html
import re

import shiboken6
from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QFontMetricsF, QPalette, QTextCharFormat, QTextCursor, QTextDocument
from PySide6.QtWidgets import QTextBrowser, QTextEdit, QWidget

from .fonts import serif_font

MEASURE_CHARS = 72  # a comfortable line length for body text
MIN_POINT, MAX_POINT = 7.0, 36.0
MAX_HITS = 3000
HIT_BACKGROUND = QColor("#ffd54a")
HIT_FOREGROUND = QColor("#000000")


def paragraphs(text: str) -> list[str]:
    """Paragraphs separated by blank lines (lines inside a paragraph keep their breaks)."""
    parts = [p.strip("\n") for p in re.split(r"\n\s*\n", text.replace("\r\n", "\n"))]
    return [p for p in parts if p.strip()]


class _Reader(QTextBrowser):
    """Shared behaviour: read-only, selectable, serif, zoom by point size, hits as extra selections.

    Signals: zoom_requested(float) when Ctrl+wheel asks for another size (the panel keeps one size).
    """

    zoom_requested = Signal(float)

    def __init__(self, parent: QWidget | None = None, point_size: float = 12.0):
        super().__init__(parent)
        self.setReadOnly(True)
        self.setOpenLinks(False)
        self.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setFrameShape(QTextEdit.Shape.NoFrame)
        # the gutters beside the text column take the page colour, in light and dark palettes alike
        self.setBackgroundRole(QPalette.ColorRole.Base)
        self.setAutoFillBackground(True)
        self.terms: list[str] = []
        self.hit_count = 0
        self.annotation_marks: list[tuple[int, int, str]] = []  # (start, end, colour) of highlights
        self._hits: list[QTextEdit.ExtraSelection] = []
        self.set_point_size(point_size)

    def set_point_size(self, size: float) -> None:
        size = min(max(size, MIN_POINT), MAX_POINT)
        self.point_size = size
        font = serif_font(size)
        self.setFont(font)
        self.document().setDefaultFont(font)
        self._fit_measure()

    def _fit_measure(self) -> None:
        """Side gutters so a line holds about MEASURE_CHARS characters, centred."""
        measure = QFontMetricsF(self.font()).averageCharWidth() * MEASURE_CHARS * self.measure_factor()
        spare = max(0, int((self.width() - measure) / 2) - 12)
        self.setViewportMargins(spare, 0, spare, 0)

    def measure_factor(self) -> float:
        return 1.0

    def resizeEvent(self, event) -> None:
        self._fit_measure()
        super().resizeEvent(event)

    def wheelEvent(self, event) -> None:
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            step = 1 if event.angleDelta().y() > 0 else -1
            self.zoom_requested.emit(self.point_size + step)
            event.accept()
            return
        super().wheelEvent(event)

    def highlight(self, terms: list[str]) -> int:
        """Mark every occurrence of the search words (case-insensitive); returns how many."""
        self.terms = [t for t in dict.fromkeys(terms) if t.strip()]
        selections: list[QTextEdit.ExtraSelection] = []
        fmt = QTextCharFormat()
        fmt.setBackground(HIT_BACKGROUND)
        fmt.setForeground(HIT_FOREGROUND)
        document = self.document()
        for term in self.terms:
            cursor = QTextCursor(document)
            while len(selections) < MAX_HITS:
                cursor = document.find(term, cursor)
                if cursor.isNull():
                    break
                selection = QTextEdit.ExtraSelection()
                selection.cursor = cursor
                selection.format = fmt
                selections.append(selection)
        self._hits = selections
        self._show_selections()
        self.hit_count = len(selections)
        if selections:
            first = min(selections, key=lambda s: s.cursor.selectionStart())
            cursor = QTextCursor(document)
            cursor.setPosition(first.cursor.selectionStart())
            self.setTextCursor(cursor)
            self.ensureCursorVisible()
        return self.hit_count

    def set_annotations(self, marks: list[tuple[int, int, str]]) -> None:
        """Annotation highlights as (start, end, colour) in body offsets; search hits stay on top."""
        self.annotation_marks = marks
        self._show_selections()

    def _show_selections(self) -> None:
        marks = []
        length = self.document().characterCount() - 1
        for start, end, color in self.annotation_marks:
            if not 0 <= start < end <= length:
                continue
            cursor = QTextCursor(self.document())
            cursor.setPosition(start)
            cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
            selection = QTextEdit.ExtraSelection()
            selection.cursor = cursor
            selection.format = QTextCharFormat()
            selection.format.setBackground(QColor(color))
            selection.format.setForeground(HIT_FOREGROUND)
            marks.append(selection)
        self.setExtraSelections(marks + self._hits)

    def reveal(self, start: int, end: int) -> None:
        """Select a range (an annotation clicked in the list) and scroll it into view."""
        cursor = QTextCursor(self.document())
        cursor.setPosition(min(start, self.document().characterCount() - 1))
        cursor.setPosition(min(end, self.document().characterCount() - 1), QTextCursor.MoveMode.KeepAnchor)
        self.setTextCursor(cursor)
        self.ensureCursorVisible()

    def selected_range(self) -> tuple[int, int] | None:
        """The selection in body offsets (plain text: one position per character and line break)."""
        cursor = self.textCursor()
        return (cursor.selectionStart(), cursor.selectionEnd()) if cursor.hasSelection() else None

    def _replace_document(self, document: QTextDocument) -> None:
        """Show a new document and free the one we made before: Qt frees only its own default
        document, so each text shown stayed alive with the view (150 MB per thousand in a kiosk)."""
        old = self.document()
        ours = old is not None and old.parent() is self
        self.setDocument(document)
        if ours and shiboken6.isValid(old):
            old.deleteLater()


class TextView(_Reader):
    """One text (a transcript or a translation)."""

    def __init__(self, parent: QWidget | None = None, point_size: float = 12.0):
        super().__init__(parent, point_size)
        self.setObjectName("text_view")

    def show_text(self, body: str, language: str | None = None) -> None:
        document = QTextDocument(self)
        document.setDefaultFont(self.font())
        document.setDocumentMargin(16)
        document.setPlainText(body)
        self._replace_document(document)
        self.setLocale_(language)
        self.highlight(self.terms)

    def setLocale_(self, language: str | None) -> None:
        from PySide6.QtCore import QLocale

        self.setLocale(QLocale(language) if language else QLocale())


class ParallelView(_Reader):
    """The original and the translation in two columns, paragraph beside paragraph."""

    def __init__(self, parent: QWidget | None = None, point_size: float = 12.0):
        super().__init__(parent, point_size)
        self.setObjectName("parallel_view")
        self.left_text = ""
        self.right_text = ""

    def measure_factor(self) -> float:
        return 2.1

    def show_texts(self, left: str, left_title: str, right: str, right_title: str) -> None:
        self.left_text, self.right_text = left, right
        mid = self.palette().color(QPalette.ColorRole.Mid).name()
        left_parts, right_parts = paragraphs(left), paragraphs(right)
        rows = []
        for number in range(max(len(left_parts), len(right_parts))):
            cells = []
            for parts in (left_parts, right_parts):
                text = parts[number] if number < len(parts) else ""
                cells.append(
                    f'<td width="50%" valign="top" style="padding: 0 12px 10px 0">'
                    f"{html.escape(text).replace(chr(10), '<br>')}</td>"
                )
            rows.append("<tr>" + "".join(cells) + "</tr>")
        head = (
            f'<tr><th align="left" style="padding: 0 12px 8px 0; border-bottom: 1px solid {mid}">'
            f"{html.escape(left_title)}</th>"
            f'<th align="left" style="padding: 0 12px 8px 0; border-bottom: 1px solid {mid}">'
            f"{html.escape(right_title)}</th></tr>"
        )
        document = QTextDocument(self)
        document.setDefaultFont(self.font())
        document.setDocumentMargin(16)
        document.setHtml(f'<table width="100%" cellspacing="0">{head}{"".join(rows)}</table>')
        self._replace_document(document)
        self.highlight(self.terms)
