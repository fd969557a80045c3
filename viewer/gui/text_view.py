"""Reading text: a serif at a comfortable line length, zoomable, search hits highlighted, and a
side-by-side view that sets each stretch of the original beside its translation."""

from __future__ import annotations

from collections.abc import Sequence
from functools import partial

import shiboken6
from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QPalette,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextFrameFormat,
    QTextLength,
    QTextTableCellFormat,
    QTextTableFormat,
)
from PySide6.QtWidgets import QTextBrowser, QTextEdit, QWidget

from ..core.alignment import Row, align
from .fonts import serif_font

MEASURE_CHARS = 72  # a comfortable line length for body text
MIN_POINT, MAX_POINT = 7.0, 36.0
MAX_HITS = 3000
HIT_BACKGROUND = QColor("#00e5ff")  # search hits: cyan, unlike every annotation colour (core.annotations.COLORS)
HIT_FOREGROUND = QColor("#000000")
# the hit F3 went to: deep teal with white letters, underlined, unlike the other hits and every annotation colour
CURRENT_HIT_BACKGROUND = QColor("#006d7a")
CURRENT_HIT_FOREGROUND = QColor("#ffffff")


class _Reader(QTextBrowser):
    """Shared behaviour: read-only, selectable, serif, zoom by point size, hits as extra selections.

    Signals: zoom_requested(float) when Ctrl+wheel asks for another size (the panel keeps one size);
    hits_changed() when the hits were found anew (another text or query: the current hit is reset).
    """

    zoom_requested = Signal(float)
    hits_changed = Signal()

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
        self._hits: list[QTextEdit.ExtraSelection] = []  # in document order, none overlapping
        self.current_hit = -1  # the hit F3 / Shift+F3 went to, or -1
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
        # in reading order, a hit inside another one ("Mao" in "Mao Zedong") counted once
        selections.sort(key=lambda s: (s.cursor.selectionStart(), -s.cursor.selectionEnd()))
        self._hits = []
        for selection in selections:
            if not self._hits or selection.cursor.selectionStart() >= self._hits[-1].cursor.selectionEnd():
                self._hits.append(selection)
        self.current_hit = -1
        self._show_selections()
        self.hit_count = len(self._hits)
        if self._hits:
            cursor = QTextCursor(document)
            cursor.setPosition(self._hits[0].cursor.selectionStart())
            self.setTextCursor(cursor)
            self.ensureCursorVisible()
        self.hits_changed.emit()
        return self.hit_count

    def hit_ranges(self) -> list[tuple[int, int]]:
        """(start, end) of each hit in document positions, in reading order."""
        return [(s.cursor.selectionStart(), s.cursor.selectionEnd()) for s in self._hits]

    def go_to_hit(self, index: int) -> None:
        """Make hit ``index`` the current one: drawn in its own colour, the text cursor at its start
        (so the keyboard and a screen reader are there too), scrolled towards the middle if out of sight."""
        self.current_hit = index
        self._show_selections()
        cursor = QTextCursor(self.document())
        cursor.setPosition(self._hits[index].cursor.selectionStart())
        self.setTextCursor(cursor)
        self.ensureCursorVisible()
        rect, margin = self.cursorRect(), self.viewport().height() // 5
        if not self.viewport().rect().adjusted(0, margin, 0, -margin).contains(rect):
            bar = self.verticalScrollBar()
            bar.setValue(bar.value() + rect.center().y() - self.viewport().height() // 2)

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
        hits = list(self._hits)
        if 0 <= self.current_hit < len(hits):
            current = QTextEdit.ExtraSelection()
            current.cursor = hits[self.current_hit].cursor
            current.format = QTextCharFormat()
            current.format.setBackground(CURRENT_HIT_BACKGROUND)
            current.format.setForeground(CURRENT_HIT_FOREGROUND)
            current.format.setFontUnderline(True)
            hits[self.current_hit] = current
        self.setExtraSelections(marks + hits)

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
    """One text (a transcript or a translation).

    Signals: annotations_shown(list) with the (start, end, colour) highlights it was given, so the
    side by side views draw the same ones (see share_annotations)."""

    annotations_shown = Signal(list)

    def __init__(self, parent: QWidget | None = None, point_size: float = 12.0):
        super().__init__(parent, point_size)
        self.setObjectName("text_view")

    def set_annotations(self, marks: list[tuple[int, int, str]]) -> None:
        super().set_annotations(marks)
        self.annotations_shown.emit(list(marks))

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
    """The original and the translation in two columns, each stretch of the original beside its
    translation (viewer.core.alignment), with the annotations of both texts drawn in their column.

    The cells hold the bodies' own characters, so a position in a cell is a body offset plus the
    cell's start: annotations and selections map both ways (``segments``)."""

    def __init__(self, parent: QWidget | None = None, point_size: float = 12.0):
        super().__init__(parent, point_size)
        self.setObjectName("parallel_view")
        self.left_text = ""
        self.right_text = ""
        self.rows: list[Row] = []
        # per side (0 original, 1 translation): (body start, body end, document position) of each cell
        self.segments: tuple[list[tuple[int, int, int]], list[tuple[int, int, int]]] = ([], [])
        self.side_marks: tuple[list[tuple[int, int, str]], list[tuple[int, int, str]]] = ([], [])
        self._aligned: tuple[tuple[str, str, str | None, str | None], list[Row]] | None = None

    def measure_factor(self) -> float:
        return 2.1

    def aligned_rows(self, left: str, right: str, left_language: str | None, right_language: str | None) -> list[Row]:
        """The alignment of the two texts, kept for the last pair (a re-show costs nothing)."""
        wanted = (left, right, left_language, right_language)
        if self._aligned is None or self._aligned[0] != wanted:
            self._aligned = (wanted, align(left, right, left_language, right_language))
        return self._aligned[1]

    def show_texts(
        self,
        left: str,
        left_title: str,
        right: str,
        right_title: str,
        left_language: str | None = None,
        right_language: str | None = None,
    ) -> None:
        self.left_text, self.right_text = left, right
        self.rows = self.aligned_rows(left, right, left_language, right_language)
        document = QTextDocument(self)
        document.setDefaultFont(self.font())
        document.setDocumentMargin(16)
        cursor = QTextCursor(document)
        table_format = QTextTableFormat()
        table_format.setBorderStyle(QTextFrameFormat.BorderStyle.BorderStyle_None)
        table_format.setBorder(0)
        table_format.setCellSpacing(0)
        table_format.setCellPadding(0)
        table_format.setWidth(QTextLength(QTextLength.Type.PercentageLength, 100))
        half = QTextLength(QTextLength.Type.PercentageLength, 50)
        table_format.setColumnWidthConstraints([half, half])
        table_format.setHeaderRowCount(1)
        table = cursor.insertTable(len(self.rows) + 1, 2, table_format)
        title_format = QTextCharFormat()
        title_format.setFontWeight(QFont.Weight.Bold)
        rule = self.palette().color(QPalette.ColorRole.Mid)
        for column, title in enumerate((left_title, right_title)):
            cell = table.cellAt(0, column)
            cell_format = cell.format().toTableCellFormat()
            cell_format.setBottomBorder(1)
            cell_format.setBottomBorderStyle(QTextFrameFormat.BorderStyle.BorderStyle_Solid)
            cell_format.setBottomBorderBrush(rule)
            self._pad(cell_format, bottom=8.0)
            cell.setFormat(cell_format)
            cell.firstCursorPosition().insertText(title, title_format)
        self.segments = ([], [])
        bodies = (left, right)
        for number, row in enumerate(self.rows, start=1):
            below = 12.0 if row.role == "body" or self._ends_paragraph(row) else 3.0
            for side, span in enumerate((row.left, row.right)):
                cell = table.cellAt(number, side)
                cell_format = cell.format().toTableCellFormat()
                self._pad(cell_format, bottom=below)
                cell.setFormat(cell_format)
                if span is None:
                    continue
                at = cell.firstCursorPosition()
                self.segments[side].append((span[0], span[1], at.position()))
                at.insertText(bodies[side][span[0] : span[1]], QTextCharFormat())
        self._replace_document(document)
        self._show_selections()
        self.highlight(self.terms)

    def _ends_paragraph(self, row: Row) -> bool:
        """Whether a row's stretch ends where a paragraph ends (a blank line follows), on either side."""
        for body, span in ((self.left_text, row.left), (self.right_text, row.right)):
            if span is not None and (body[span[1] : span[1] + 3].count("\n") >= 2 or span[1] >= len(body.rstrip())):
                return True
        return False

    @staticmethod
    def _pad(cell_format: QTextTableCellFormat, bottom: float) -> None:
        cell_format.setLeftPadding(0)
        cell_format.setRightPadding(14)
        cell_format.setTopPadding(0)
        cell_format.setBottomPadding(bottom)

    def set_side_annotations(self, side: int, marks: list[tuple[int, int, str]]) -> None:
        """Annotation highlights of one text (0 the original, 1 the translation) in body offsets."""
        if side == 0:
            self.side_marks = (list(marks), self.side_marks[1])
        else:
            self.side_marks = (self.side_marks[0], list(marks))
        self._show_selections()

    def _show_selections(self) -> None:
        self.annotation_marks = [mark for side in (0, 1) for mark in self.document_ranges(side, self.side_marks[side])]
        super()._show_selections()

    def document_ranges(self, side: int, marks: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
        """Body ranges of one side as document ranges, split where a range spans cells."""
        found = []
        for start, end, color in marks:
            for cell_start, cell_end, position in self.segments[side]:
                a, b = max(start, cell_start), min(end, cell_end)
                if a < b:
                    found.append((position + a - cell_start, position + b - cell_start, color))
        return found

    def body_range(self, start: int, end: int) -> tuple[int, int, int] | None:
        """(side, body start, body end) of a document range inside one cell, or None."""
        for side in (0, 1):
            for cell_start, cell_end, position in self.segments[side]:
                if position <= start and end <= position + cell_end - cell_start:
                    return side, cell_start + start - position, cell_start + end - position
        return None

    def reveal_body(self, side: int, start: int, end: int) -> None:
        """Select a body range of one side (an annotation clicked in the list) and scroll to it."""
        ranges = self.document_ranges(side, [(start, max(end, start + 1), "")])
        if ranges:
            self.reveal(ranges[0][0], ranges[-1][1])


def share_annotations(transcript: TextView, translation: TextView, parallels: Sequence[ParallelView]) -> None:
    """Every side by side view draws the highlights the transcript and translation views draw, each
    in its column: an annotation seen in the single view stays in sight side by side."""

    def forward(side: int, marks: list[tuple[int, int, str]]) -> None:
        for view in parallels:
            if shiboken6.isValid(view):
                view.set_side_annotations(side, marks)

    transcript.annotations_shown.connect(partial(forward, 0))
    translation.annotations_shown.connect(partial(forward, 1))
