"""The list's short columns (Date, Type, Language, Parts) sized to what they hold, and the title
keeping its share of the width.

A short column wants the width of its content, measured once on a sample of rows when no widths
were remembered, never less than its header needs (a header is never elided) and never more than
CAP_CHARS; a width the person drags is what the column wants from then on. When the list is
narrow (a 1024-pixel screen with a dock open) the short columns give way so the title keeps
TITLE_SHARE of the width: first Language, then Parts fold away (they come back when there is room,
and the settings keep them shown), then the rest shrink toward their headers' width. Only what
the person chose is remembered: the settings get the wanted widths with nothing folded.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager

import shiboken6
from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QHeaderView, QStyle, QStyleOptionHeader, QTableView

from .document_model import COL_DATE, COL_LANGUAGE, COL_PARTS, COL_TITLE, COL_TYPE

SHORT = (COL_DATE, COL_TYPE, COL_LANGUAGE, COL_PARTS)
FOLD_ORDER = (COL_LANGUAGE, COL_PARTS)  # the first to give way when the list is narrow (the panel says both)
TITLE_SHARE = 0.4
SAMPLE_ROWS = 200
CAP_CHARS = 28


def share(room: int, wanted: dict[int, int], least: dict[int, int]) -> tuple[dict[int, int], set[int]]:
    """Widths for the short columns ``wanted`` in ``room`` pixels, and the columns folded away:
    the wanted widths (never under ``least``) when they fit; else fold in FOLD_ORDER until they do; else shrink every
    column toward its ``least`` in proportion to what it can give."""
    shown, folded = {c: max(w, least.get(c, 0)) for c, w in wanted.items()}, set()
    for column in FOLD_ORDER:
        if sum(shown.values()) <= room:
            break
        if column in shown and len(shown) > 1:
            del shown[column]
            folded.add(column)
    excess = sum(shown.values()) - room
    spare = {c: shown[c] - least.get(c, shown[c]) for c in shown if shown[c] > least.get(c, shown[c])}
    if excess > 0 and spare:
        total = sum(spare.values())
        for column, give in spare.items():
            shown[column] -= min(give, -(-excess * give // total))  # rounded up: the title's share is kept
    return shown, folded


class ColumnFitter(QObject):
    """Sizes a DocumentList's short columns (see the module's docstring). ``hidden_by_person`` and
    ``wanted`` are what the settings keep; ``folded`` only what this width of list has no room for."""

    def __init__(self, view: QTableView):
        super().__init__(view)
        self.view = view
        self.header: QHeaderView = view.horizontalHeader()
        self.wanted: dict[int, int] = {}
        self.folded: set[int] = set()
        self._fitting = False
        self.header.sectionResized.connect(self._resized)
        self.header.sortIndicatorChanged.connect(lambda *_: self.apply())
        self.viewport = view.viewport()
        self.line = view.fontMetrics().height()  # rows are sized in lines of this (one, or two with a snippet)
        view.installEventFilter(self)  # its font
        self.viewport.installEventFilter(self)  # its width

    # -- what the columns want ----------------------------------------------------------------

    def least(self, column: int) -> int:
        """The width that shows the header's text whole, with the sort mark when sorted by it."""
        option = QStyleOptionHeader()
        option.initFrom(self.header)
        option.text = str(self.view.model().headerData(column, Qt.Orientation.Horizontal) or "")
        option.section = column
        style = self.header.style()
        margin = style.pixelMetric(QStyle.PixelMetric.PM_HeaderMargin, option, self.header)
        width = self.header.fontMetrics().horizontalAdvance(option.text) + 2 * margin + 2
        if self.header.isSortIndicatorShown() and self.header.sortIndicatorSection() == column:
            width += style.pixelMetric(QStyle.PixelMetric.PM_HeaderMarkSize, option, self.header) + 2 * margin
        if column == COL_DATE:  # a date is never cut: 1950-05-16 and 1950-05-18 differ at the end
            width = max(width, self.content(COL_DATE))
        return width

    def content(self, column: int) -> int:
        """The widest of the first SAMPLE_ROWS values (a date is as wide as any other)."""
        model, metrics = self.view.model(), self.view.fontMetrics()
        style = self.view.style()
        padding = 2 * (style.pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, self.view) + 1) + 4
        texts = [str(model.index(row, column).data() or "") for row in range(min(model.rowCount(), SAMPLE_ROWS))]
        if column == COL_DATE:
            texts.append("0000-00-00")
        widest = max((metrics.horizontalAdvance(text) for text in texts), default=0) + padding
        return min(widest, metrics.averageCharWidth() * CAP_CHARS)

    def fit_to_content(self) -> None:
        """Every short column wants its content's width (once, when no widths were remembered)."""
        self.wanted = {c: max(self.content(c), self.least(c)) for c in SHORT}
        self.apply()

    def take_widths(self) -> None:
        """The widths the header has now (restored from the settings) are the wanted ones."""
        self.wanted = {c: self.header.sectionSize(c) or self.least(c) for c in SHORT}
        self.apply()

    def hidden_by_person(self, column: int) -> bool:
        return self.header.isSectionHidden(column) and column not in self.folded

    # -- what the room allows -----------------------------------------------------------------

    def apply(self) -> None:
        """Give the short columns the room the title leaves (TITLE_SHARE of the list for the title)."""
        if not self.wanted or self._fitting:
            return
        room = int(self.view.viewport().width() * (1 - TITLE_SHARE))
        candidates = {c: w for c, w in self.wanted.items() if not self.hidden_by_person(c)}
        widths, folded = share(room, candidates, {c: self.least(c) for c in candidates})
        self._fitting = True
        try:
            for column in self.folded - folded:
                self.header.setSectionHidden(column, False)
            for column in folded:
                self.header.setSectionHidden(column, True)
            self.folded = folded
            for column, width in widths.items():
                if self.header.sectionSize(column) != width:
                    self.header.resizeSection(column, width)
        finally:
            self._fitting = False

    def show_column(self, column: int, on: bool) -> None:
        """The person shows or hides a column (the header's menu)."""
        self.folded.discard(column)
        self.header.setSectionHidden(column, not on)
        self.apply()

    @contextmanager
    def as_chosen(self) -> Iterator[None]:
        """The header as the person chose it (wanted widths, nothing folded) while the block runs,
        for the settings; the view is not told, since it looks the same again afterwards."""
        shown = {c: self.header.sectionSize(c) for c in SHORT if not self.header.isSectionHidden(c)}
        blocked = self.header.blockSignals(True)
        self._fitting = True
        try:
            for column in self.folded:
                self.header.setSectionHidden(column, False)
            for column, width in self.wanted.items():
                if not self.header.isSectionHidden(column):
                    self.header.resizeSection(column, width)
            yield
        finally:
            for column in self.folded:
                self.header.setSectionHidden(column, True)
            for column, width in shown.items():
                self.header.resizeSection(column, width)
            self._fitting = False
            self.header.blockSignals(blocked)

    def _resized(self, column: int, _old: int, new: int) -> None:
        if not self._fitting and column != COL_TITLE and column in SHORT and new > 0:
            self.wanted[column] = new  # dragged by the person: what the column wants from now on

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind not in (QEvent.Type.FontChange, QEvent.Type.Resize) or not shiboken6.isValid(self.view):
            return False
        if watched is self.view and kind == QEvent.Type.FontChange:  # the system's text size changed
            rows, line = self.view.verticalHeader(), self.view.fontMetrics().height()
            rows.setDefaultSectionSize(round(rows.defaultSectionSize() * line / max(self.line, 1)))  # as many lines
            self.line = line
            if self.wanted:
                self.fit_to_content()
        elif watched is self.viewport and kind == QEvent.Type.Resize:
            self.apply()
        return False


def saving(fitter: ColumnFitter, save: Callable[[], None]) -> Callable[..., None]:
    """``save`` run with the header as the person chose it; skipped while the fitter resizes."""

    def run(*_: object) -> None:
        if not fitter._fitting:
            with fitter.as_chosen():
                save()

    return run
