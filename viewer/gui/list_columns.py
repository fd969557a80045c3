"""The list's short columns (Date, Type, Language, Parts) sized to what they hold, and the title
keeping most of the width.

A short column wants the width of its common values, measured once on a sample of rows when no
widths were remembered: the narrowest width that shows COMMON of the sampled rows whole (a rarer,
longer type elides in the middle, its tooltip whole), never less than its header needs (a header is
never elided) and never more than CAP_CHARS; a date is never cut. A width the person drags is what
the column wants from then on. The title keeps title_share() of the list: 40% of a wide list, up to
60% of a small one (a 1024-pixel screen), so a title reads as more than its two ends. Where the
short columns want more than the rest, first Language, then Parts fold away (they come back when
there is room, and the settings keep them shown); then Type folds too if it would be narrower than
its useful width (what a third of its values need, at most USEFUL_CHARS of their characters:
"Telegram", not "Te…m"), the panel's summary line saying the type; then the rest shrink toward
their headers' width. Only what the person chose is
remembered: the settings get the wanted widths with nothing folded.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager

import shiboken6
from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QHeaderView, QStyle, QStyleOptionHeader, QTableView

from .document_model import COL_DATE, COL_LANGUAGE, COL_PARTS, COL_TITLE, COL_TYPE, DocumentTableModel

SHORT = (COL_DATE, COL_TYPE, COL_LANGUAGE, COL_PARTS)
FOLD_ORDER = (COL_LANGUAGE, COL_PARTS)  # the first to give way when the list is narrow (the panel says both)
FOLD_WHEN_USELESS = (COL_TYPE,)  # gives way only when it could not show its useful width
TITLE_SHARE = 0.4  # of a wide list (LARGE_LIST px and more)
SMALL_TITLE_SHARE = 0.6  # of a small one (SMALL_LIST px and less); in between, in proportion
SMALL_LIST, LARGE_LIST = 400, 560
SAMPLE_ROWS = 200
ADVANCES_KEPT = 5_000  # texts whose widths are kept (titles never are: only the short columns' values)
CAP_CHARS = 28
COMMON = 0.75  # a short column shows this share of the sampled values whole
USEFUL = 1 / 3  # and is worth showing only when a third of them would be whole,
USEFUL_CHARS = 10  # or as many characters of any


def title_share(width: int) -> float:
    """The share of a list ``width`` pixels wide that the title keeps: more of a small list."""
    if width <= SMALL_LIST:
        return SMALL_TITLE_SHARE
    if width >= LARGE_LIST:
        return TITLE_SHARE
    return SMALL_TITLE_SHARE + (TITLE_SHARE - SMALL_TITLE_SHARE) * (width - SMALL_LIST) / (LARGE_LIST - SMALL_LIST)


def covering(widths: list[int], share: float) -> int:
    """The narrowest of ``widths`` that is at least as wide as ``share`` of them (0 for none)."""
    if not widths:
        return 0
    ordered = sorted(widths)
    return ordered[min(len(ordered), max(1, math.ceil(share * len(ordered) - 1e-9))) - 1]


def share(
    room: int, wanted: dict[int, int], least: dict[int, int], useful: Mapping[int, int] | None = None
) -> tuple[dict[int, int], set[int]]:
    """Widths for the short columns ``wanted`` in ``room`` pixels, and the columns folded away:
    the wanted widths (never under ``least``) when they fit; else fold in FOLD_ORDER until they do; else fold a
    column of FOLD_WHEN_USELESS that would get less than its ``useful`` width; else shrink every column toward its
    ``least`` in proportion to what it can give."""
    shown, folded = {c: max(w, least.get(c, 0)) for c, w in wanted.items()}, set()
    least = dict(least)
    for column in FOLD_ORDER:
        if sum(shown.values()) <= room:
            break
        if column in shown and len(shown) > 1:
            del shown[column]
            folded.add(column)
    for column in FOLD_WHEN_USELESS:
        if useful is None or column not in useful or column not in shown or sum(shown.values()) <= room:
            continue
        need = min(max(useful[column], least.get(column, 0)), shown[column])
        others = sum(least.get(c, shown[c]) for c in shown if c != column)
        if others + need > room:  # even shrunk, the others leave it less than it needs to say anything
            del shown[column]
            folded.add(column)
        else:
            least[column] = need  # kept: it shrinks no further than that
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
        self._samples: dict[int, list[str]] = {}  # column -> its sampled texts, until the rows change
        self._advances: dict[str, int] = {}  # text -> its width in the list's font (types, dates repeat)
        self._least: dict[tuple[int, str, bool], int] = {}  # a header's width, until the font changes
        model = view.model()
        for signal in (model.modelReset, model.rowsInserted, model.rowsRemoved, model.layoutChanged, model.dataChanged):
            signal.connect(self._forget_samples)
        view.installEventFilter(self)  # its font
        self.viewport.installEventFilter(self)  # its width

    # -- what the columns want ----------------------------------------------------------------

    def least(self, column: int) -> int:
        """The width that shows the header's text whole, with the sort mark when sorted by it."""
        text = str(self.view.model().headerData(column, Qt.Orientation.Horizontal) or "")
        marked = self.header.isSortIndicatorShown() and self.header.sortIndicatorSection() == column
        width = self._least.get((column, text, marked))
        if width is None:  # measured once: every search shows or hides the order box, and the list refits
            option = QStyleOptionHeader()
            option.initFrom(self.header)
            option.text, option.section = text, column
            style = self.header.style()
            margin = style.pixelMetric(QStyle.PixelMetric.PM_HeaderMargin, option, self.header)
            width = self.header.fontMetrics().horizontalAdvance(text) + 2 * margin + 2
            if marked:
                width += style.pixelMetric(QStyle.PixelMetric.PM_HeaderMarkSize, option, self.header) + 2 * margin
            self._least[(column, text, marked)] = width
        if column == COL_DATE:  # a date is never cut: 1950-05-16 and 1950-05-18 differ at the end
            width = max(width, self.content(COL_DATE))
        return width

    def content(self, column: int, common: float = COMMON) -> int:
        """The width that shows ``common`` of the first SAMPLE_ROWS values whole (the widest of them
        for a date: every date is as wide as any other); empty cells do not count."""
        metrics = self.view.fontMetrics()
        texts = self.sample(column)
        widths = [self.advance(text) for text in texts if text]
        widest = max([*widths, self.advance("0000-00-00")]) if column == COL_DATE else covering(widths, common)
        return min(widest + self.padding(), metrics.averageCharWidth() * CAP_CHARS)

    def useful(self, column: int) -> int:
        """Less than this and the column says nothing: a third of its values would not show whole,
        nor USEFUL_CHARS characters of the others."""
        metrics = self.view.fontMetrics()
        texts = self.sample(column)
        letters = sum(map(len, texts))
        per_letter = sum(map(self.advance, texts)) / letters if letters else metrics.averageCharWidth()
        chars = round(per_letter * USEFUL_CHARS) + self.padding()
        return min(self.content(column, USEFUL), chars, self.wanted.get(column, 0) or self.content(column))

    def sample(self, column: int) -> list[str]:
        """The first SAMPLE_ROWS values of ``column``, read once while the rows stay the same: apply()
        runs at every resize of the list and measures them several times."""
        texts = self._samples.get(column)
        if texts is None:
            model = self.view.model()
            if isinstance(model, DocumentTableModel):  # its rows read directly, not through an index each
                texts = model.column_texts(column, SAMPLE_ROWS)
            else:
                rows = range(min(model.rowCount(), SAMPLE_ROWS))
                texts = [str(model.index(row, column).data() or "") for row in rows]
            self._samples[column] = texts
        return texts

    def advance(self, text: str) -> int:
        """``text``'s width in the list's font, measured once (a sample repeats its types and dates)."""
        width = self._advances.get(text)
        if width is None:
            if len(self._advances) > ADVANCES_KEPT:
                self._advances.clear()
            width = self._advances[text] = self.view.fontMetrics().horizontalAdvance(text)
        return width

    def _forget_samples(self, *_: object) -> None:
        self._samples.clear()

    def padding(self) -> int:
        """What a cell adds around its text."""
        style = self.view.style()
        return 2 * (style.pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, self.view) + 1) + 4

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
        """Give the short columns the room the title leaves (title_share() of the list for the title)."""
        if not self.wanted or self._fitting:
            return
        width = self.view.viewport().width()
        room = int(width * (1 - title_share(width)))
        candidates = {c: w for c, w in self.wanted.items() if not self.hidden_by_person(c)}
        useful = _Measured({c for c in FOLD_WHEN_USELESS if c in candidates}, self.useful)
        widths, folded = share(room, candidates, {c: self.least(c) for c in candidates}, useful)
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
            self._samples.clear()
            self._advances.clear()
            self._least.clear()
            if self.wanted:
                self.fit_to_content()
        elif watched is self.viewport and kind == QEvent.Type.Resize and _wider_or_narrower(event):
            self.apply()
        return False


def _wider_or_narrower(event: QEvent) -> bool:
    """A resize that changes the width: the columns follow the list's width only (the order box that
    shows while searching makes the list shorter, and refitting then read and measured the new rows)."""
    return isinstance(event, QResizeEvent) and event.size().width() != event.oldSize().width()


class _Measured(Mapping[int, int]):
    """A column's useful width, measured only if the fitting comes to ask for it (it rarely does:
    most lists have room), since measuring reads and sizes a sample of rows after every search."""

    def __init__(self, columns: set[int], measure: Callable[[int], int]) -> None:
        self.columns, self.measure = columns, measure
        self.known: dict[int, int] = {}

    def __getitem__(self, column: int) -> int:
        if column not in self.columns:
            raise KeyError(column)
        if column not in self.known:
            self.known[column] = self.measure(column)
        return self.known[column]

    def __contains__(self, column: object) -> bool:  # Mapping's own would measure it (it asks for the value)
        return column in self.columns

    def __iter__(self) -> Iterator[int]:
        return iter(self.columns)

    def __len__(self) -> int:
        return len(self.columns)


def saving(fitter: ColumnFitter, save: Callable[[], None]) -> Callable[..., None]:
    """``save`` run with the header as the person chose it; skipped while the fitter resizes."""

    def run(*_: object) -> None:
        if not fitter._fitting:
            with fitter.as_chosen():
                save()

    return run
