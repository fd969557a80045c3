"""The search field and the filters over the document list, with counts per value.

Typing searches the full text, debounced so a fast typist does not run a query per key. Facet
counts come from the store for the current selection, so each value says how many documents it
would leave. The date range is held as a ``DateRange``: set by the timeline's brush or read once
from what the person types in the boxes, never reparsed from the text the bar itself wrote.
"""

from __future__ import annotations

from PySide6.QtCore import QRegularExpression, Qt, QTimer, Signal
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QCompleter,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ..core.classification import ClassificationGroup
from ..core.classification import normalise as classification_group
from ..core.dates import DateRange, parse_bound
from ..core.store import FACETS as STORE_FACETS
from ..core.store import Archive, Filters, Selection
from .background import LARGE_ARCHIVE, Latest
from .counts import counts as counted
from .counts import grouped
from .facet_combo import FacetCombo
from .i18n import QT_TRANSLATE_NOOP
from .plain import tip as plain_tip
from .tasks import TaskRunner

DEBOUNCE_MS = 250
FACETS = (  # facet (its Filters attribute and column are the store's FACETS), label, tooltip
    (
        "language",
        QT_TRANSLATE_NOOP("FilterBar", "Language"),
        QT_TRANSLATE_NOOP("FilterBar", "Original language of the document"),
    ),
    ("type", QT_TRANSLATE_NOOP("FilterBar", "Type"), QT_TRANSLATE_NOOP("FilterBar", "Document type")),
    (
        "classification",
        QT_TRANSLATE_NOOP("FilterBar", "Classification"),
        QT_TRANSLATE_NOOP("FilterBar", "Security classification: each marking once, in every spelling"),
    ),
    (
        "person",
        QT_TRANSLATE_NOOP("FilterBar", "Person"),
        QT_TRANSLATE_NOOP("FilterBar", "A person the document is from, to, or mentions (any alias)"),
    ),
    (
        "tag",
        QT_TRANSLATE_NOOP("FilterBar", "Tag"),
        QT_TRANSLATE_NOOP("FilterBar", "A tag given to documents (Edit ▸ Tag Selected…)"),
    ),
)
ANY = QT_TRANSLATE_NOOP("FilterBar", "Any")  # in English: the box shows self.tr(ANY)


def _counted(archive: Archive, facet: str, selection: Selection) -> list:
    """A facet's values and counts (a classification's groups, with their spellings)."""
    if facet == "classification":
        return archive.classification_groups(selection)
    return archive.facet_counts(facet, selection)


class FilterBar(QWidget):
    """Signals: filters_changed(object) with the new Filters, after typing settles or a choice."""

    filters_changed = Signal(object)

    def __init__(self, archive: Archive, parent: QWidget | None = None, runner: TaskRunner | None = None):
        super().__init__(parent)
        self.archive = archive
        self.runner = runner
        self._generation = 0  # counts in flight for an older selection are dropped
        self.setObjectName("filter_bar")
        self._updating = False
        self._dates = DateRange()  # the date filter as typed in the boxes or brushed on the timeline
        self.search = QLineEdit(self)
        self.search.setObjectName("search")
        self.search.setPlaceholderText(self.tr("Search the full text (Ctrl+F)"))
        self.search.setClearButtonEnabled(True)
        self.search.setAccessibleName(self.tr("Search"))
        self.search.setToolTip(
            self.tr(
                'Words, "phrases", prefix*, OR, -excluded; names match their aliases. '
                "F3 / Shift+F3: the next or previous hit in the open document"
            )
        )
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(DEBOUNCE_MS)
        self._debounce.timeout.connect(self._emit)
        self.search.textChanged.connect(lambda _text: self._debounce.start())
        self.search.returnPressed.connect(self._emit_now)

        self.combos: dict[str, QComboBox] = {}
        grid = QGridLayout()
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(6)
        grid.setVerticalSpacing(4)
        for number, (facet, label, tip) in enumerate(FACETS):
            combo = FacetCombo(self)
            combo.setObjectName(f"filter_{facet}")
            combo.setAccessibleName(self.tr("{facet} filter").format(facet=self.tr(label)))
            combo.setToolTip(self.tr(tip))
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(4)  # the list pane fits a 1024-pixel screen
            combo.activated.connect(self._facet_chosen)
            caption = QLabel(self.tr(label) + ":", self)
            caption.setBuddy(combo)
            grid.addWidget(caption, number // 2, (number % 2) * 2)
            grid.addWidget(combo, number // 2, (number % 2) * 2 + 1)
            self.combos[facet] = combo
        self.review = QCheckBox(self.tr("Needs review"), self)
        self.review.setObjectName("filter_needs_review")
        self.review.setAccessibleName(self.tr("Needs review filter"))
        self.review.setToolTip(self.tr("Only the documents waiting for review (their reasons: View ▸ Review Queue)"))
        self.review.toggled.connect(lambda _on: self._emit_now())
        grid.addWidget(self.review, len(FACETS) // 2, (len(FACETS) % 2) * 2, 1, 2)
        person = self.combos["person"]
        person.setEditable(True)
        person.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        editor, completer = person.lineEdit(), person.completer()
        assert editor is not None and completer is not None  # an editable combo box has both
        editor.setPlaceholderText(self.tr(ANY))
        editor.editingFinished.connect(self._person_typed)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)

        validator = QRegularExpressionValidator(self)
        validator.setRegularExpression(QRegularExpression(r"^\d{0,4}(-\d{0,2}(-\d{0,2})?)?$"))
        self.date_from = QLineEdit(self)
        self.date_to = QLineEdit(self)
        for edit, name, label, tip in (
            (self.date_from, "from_date", self.tr("From date"), self.tr("Earliest date, e.g. 1950 or 1950-05-01")),
            (self.date_to, "to_date", self.tr("To date"), self.tr("Latest date, e.g. 1950-05-31")),
        ):
            edit.setObjectName(name)
            edit.setPlaceholderText(self.tr("yyyy-mm-dd"))
            edit.setValidator(validator)
            edit.setClearButtonEnabled(True)
            edit.setAccessibleName(label)
            edit.setToolTip(tip)
            edit.editingFinished.connect(self._emit_now)
            edit.textChanged.connect(self._date_typed)
        self.clear_button = QToolButton(self)
        self.clear_button.setText(self.tr("Clear filters"))
        self.clear_button.setObjectName("clear_filters")
        self.clear_button.setAccessibleName(self.tr("Clear filters"))
        self.clear_button.setToolTip(self.tr("Show the whole archive again"))
        self.clear_button.clicked.connect(self.clear)
        self.summary = QLabel(self)
        self.summary.setObjectName("list_summary")
        self.summary.setAccessibleName(self.tr("How many documents are listed"))

        dates = QHBoxLayout()
        dates.setContentsMargins(0, 0, 0, 0)
        from_label = QLabel(self.tr("From:"), self)
        from_label.setBuddy(self.date_from)
        to_label = QLabel(self.tr("to"), self)
        to_label.setBuddy(self.date_to)
        dates.addWidget(from_label)
        dates.addWidget(self.date_from, 1)
        dates.addWidget(to_label)
        dates.addWidget(self.date_to, 1)
        dates.addWidget(self.clear_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 2)
        layout.setSpacing(4)
        layout.addWidget(self.search)
        layout.addLayout(grid)
        layout.addLayout(dates)
        layout.addWidget(self.summary)
        self.refresh_counts()

    # -- reading the controls -----------------------------------------------------------------

    def filters(self) -> Filters:
        values = {STORE_FACETS[facet].attribute: self._chosen(facet) for facet, _label, _tip in FACETS}
        # mypy cannot follow keys chosen from a table: each is a facet attribute typed str | None.
        review = self.review.isChecked()
        filters = Filters(query=self.search.text().strip(), needs_review=review, **values)  # type: ignore[arg-type]
        return filters.with_dates(self._dates)

    def _chosen(self, facet: str) -> str | None:
        combo = self.combos[facet]
        value = combo.currentData()
        if facet == "person" and combo.currentText().strip() in ("", self.tr(ANY)):
            return None
        return value or None

    # -- changing them ------------------------------------------------------------------------

    def set_query(self, text: str) -> None:
        self.search.setText(text)
        self._emit_now()

    def set_date_range(self, dates: DateRange | None) -> None:
        """Set by the timeline's brush; None clears it. The boxes only show it."""
        self._dates = dates or DateRange()
        self._updating = True
        self.date_from.setText(self._dates.start.isoformat() if self._dates.start else "")
        self.date_to.setText(self._dates.end.isoformat() if self._dates.end else "")
        self._updating = False
        self._emit_now()

    def choose(self, facet: str, value: str | None) -> bool:
        combo = self.combos[facet]
        if facet == "classification" and value:  # any spelling chooses its group
            value = classification_group(value)
        index = combo.findData(value) if value else 0
        if index < 0:
            return False
        combo.setCurrentIndex(index)
        self._emit_now()
        return True

    def clear(self) -> None:
        self._updating = True
        self.search.clear()
        self.date_from.clear()
        self.date_to.clear()
        self._dates = DateRange()
        for combo in self.combos.values():
            combo.setCurrentIndex(0)
        self.review.setChecked(False)
        self._updating = False
        self._emit_now()

    def set_needs_review(self, on: bool) -> None:
        """Only the documents that need review (the review queue's Show in list), or all again."""
        if self.review.isChecked() != on:
            self.review.setChecked(on)  # emits the new filters

    def set_archive(self, archive: Archive) -> None:
        self.archive = archive
        self.clear()

    def _facet_chosen(self, _index: int) -> None:
        self._emit_now()

    def _person_typed(self) -> None:
        """A typed name or alias ("Filippov") picks its canonical person ("Stalin")."""
        combo = self.combos["person"]
        text = combo.currentText().strip()
        if not text or text == self.tr(ANY):
            combo.setCurrentIndex(0)
            self._emit_now()
            return
        index = combo.findText(text, Qt.MatchFlag.MatchStartsWith)
        if index < 0:
            entity = self.archive.gazetteer().named(text)
            if entity is not None:
                index = combo.findData(entity.name)
                if index < 0:  # someone outside the most frequent people the list shows
                    combo.addItem(entity.name, entity.name)
                    index = combo.count() - 1
        if index >= 0 and index != combo.currentIndex():
            combo.setCurrentIndex(index)
            self._emit_now()

    def _date_typed(self, text: str) -> None:
        """Read what the person typed (not what the bar wrote); an emptied box applies at once."""
        if self._updating:
            return
        self._dates = DateRange(
            parse_bound(self.date_from.text(), end=False), parse_bound(self.date_to.text(), end=True)
        )
        if not text:
            self._emit_now()

    def _emit_now(self) -> None:
        if self._updating:
            return
        self._debounce.stop()
        self._emit()

    def _emit(self) -> None:
        filters = self.filters()
        self.filters_changed.emit(filters)  # the list's first screen first; its query's matches are kept for these
        self.refresh_counts(filters)

    # -- counts -------------------------------------------------------------------------------

    def refresh_counts(self, filters: Filters | None = None) -> None:
        """Refill every facet with its values and counts for the current selection. In a large
        archive they are counted on a worker thread, all on its one connection (at a million
        documents each count takes a while), so the list answers first and the counts follow."""
        filters = filters or self.filters()
        self._generation += 1
        if self.runner is not None and self.archive.documents_total() >= LARGE_ARCHIVE:
            self._count_later(filters)
            return
        selection = self.archive.select(filters)  # compiled once for every facet (and then the list)
        for facet, _label, _tip in FACETS:
            self._fill_counted(facet, _counted(self.archive, facet, selection), filters)

    def _fill_counted(self, facet: str, found: list, filters: Filters) -> None:
        if facet == "classification":  # one entry per group, its spellings in the tooltip
            tips = {group.name: self._spellings_tip(group) for group in found}
            self._fill(facet, [(group.name, group.count) for group in found], filters, tips)
        else:
            self._fill(facet, found, filters)

    def _count_later(self, filters: Filters) -> None:
        if self._counting is None:
            assert self.runner is not None
            self._counting = Latest(self.runner, lambda: self.archive.path)
        generation = self._generation

        # compiled here (cached) and handed over: a worker need not build the gazetteer to compile it
        selection = self.archive.select(filters)

        def work(archive: Archive) -> dict[str, list]:  # its own connection: the query's MATCH runs there
            return {facet: _counted(archive, facet, selection) for facet, _label, _tip in FACETS}

        def done(every: dict[str, list]) -> None:
            if generation == self._generation:
                for facet, found in every.items():
                    self._fill_counted(facet, found, filters)
                self.counts_ready.emit()

        self._counting.run(work, done)

    _counting: Latest | None = None
    counts_ready = Signal()

    def _spellings_tip(self, group: ClassificationGroup) -> str:
        """The group, its documents, and each spelling as written with its documents, one a line."""
        written = "".join(f"\n  {spelling} ({number})" for spelling, number in group.spellings)
        return plain_tip(f"{group.name}: {counted().documents(group.count)}\n" + self.tr("Written as:") + written)

    def _fill(
        self, facet: str, counts: list[tuple[str, int]], filters: Filters, tips: dict[str, str] | None = None
    ) -> None:
        gazetteer = self.archive.gazetteer()
        combo = self.combos[facet]
        chosen = getattr(filters, STORE_FACETS[facet].attribute)
        if facet == "classification" and chosen:  # a spelling given elsewhere stands for its group
            chosen = classification_group(chosen)
        combo.blockSignals(True)
        combo.clear()
        combo.addItem(self.tr(ANY), None)
        for value, number in counts:
            combo.addItem(f"{value} ({number})", value)
            if tips and value in tips:
                combo.setItemData(combo.count() - 1, tips[value], Qt.ItemDataRole.ToolTipRole)
            if facet == "person":
                entity = gazetteer.get(value, "person")
                aliases = [a for a in (entity.all_names() if entity else []) if a != value]
                tip = f"{value}: {counted().documents(number)}"
                if aliases:
                    tip += "\n" + self.tr("Also written: {names}").format(names=", ".join(aliases[:12]))
                combo.setItemData(combo.count() - 1, plain_tip(tip), Qt.ItemDataRole.ToolTipRole)
        if chosen and combo.findData(chosen) < 0:
            combo.addItem(f"{chosen} (0)", chosen)
        combo.setCurrentIndex(max(combo.findData(chosen), 0) if chosen else 0)
        combo.blockSignals(False)  # the popup's width follows when it opens (facet_combo.py)

    def show_total(self, shown: int, total: int) -> None:
        query = self.search.text().strip()
        if not shown and total:
            self.summary.setText(
                self.tr("No documents match “{query}”").format(query=query)
                if query
                else self.tr("No documents match these filters")
            )
        elif query:
            self.summary.setText(counted().found_for(shown).format(query=query, total=grouped(total)))
        elif shown == total:
            self.summary.setText(counted().documents(total))
        else:
            self.summary.setText(counted().of_total(total).format(shown=grouped(shown)))
