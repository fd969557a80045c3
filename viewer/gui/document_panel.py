"""The document panel: a header with the essentials, and the Scan / Transcript / Translation /
Details tabs. A tab whose part is missing stays in place and says what can be done, so tab
positions never jump. A document opens on the tab the person chose when it has that part, else on
the first tab that has content (a document without a scan opens on its transcript, not on "No scan
is attached"); the choice is kept for the next document that has it."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QFont, QGuiApplication, QPalette, QResizeEvent
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QStackedWidget,
    QTabWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from ..core.records import DocumentRecord
from ..core.store import Archive
from .document_details import citation_of, details_html
from .document_parts import TAB_TITLES, TABS, MissingPart, TextPart
from .elided import ElidedLabel
from .find_in_text import HitFinder
from .plain import message_box, plain
from .scan_view import PageRef, ScanView
from .tasks import TaskRunner
from .text_view import share_annotations

COMPACT_BELOW = 560  # panel height in pixels below which the fields fold into one line


class DocumentPanel(QWidget):
    """Signals: document_requested(int) from a link in Details; tab_changed(str) when the person chose a tab;
    import_requested() from a missing part's button; zoom_changed(float); side_by_side_changed(bool);
    document_shown(int) once a document's parts are on screen (annotations are drawn then)."""

    document_requested = Signal(int)
    document_shown = Signal(int)
    tab_changed = Signal(str)
    import_requested = Signal()
    zoom_changed = Signal(float)
    side_by_side_changed = Signal(bool)
    citation_style: str | None = None  # Copy Citation's style (None: the source's own); see exchange_window

    def __init__(
        self,
        archive: Archive,
        runner: TaskRunner,
        parent: QWidget | None = None,
        point_size: float = 12.0,
        side_by_side: bool = False,
    ):
        super().__init__(parent)
        self.setObjectName("document_panel")
        self.archive = archive
        self.record: DocumentRecord | None = None
        self.terms: list[str] = []
        self.side_by_side = side_by_side
        self.point_size = point_size

        self.title = plain(QLabel(self))  # imported text: never markup
        self.title.setObjectName("doc_title")
        self.title.setAccessibleName(self.tr("Document title"))
        self.title.setWordWrap(True)
        self.title.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        title_font = QFont(self.font())
        title_font.setPointSizeF(title_font.pointSizeF() * 1.35)
        title_font.setBold(True)
        self.title.setFont(title_font)
        self.meta: dict[str, QLabel] = {}
        grid = QGridLayout()
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(10)
        grid.setVerticalSpacing(2)
        fields = (
            ("date", self.tr("Date")),
            ("type", self.tr("Type")),
            ("from", self.tr("From")),
            ("to", self.tr("To")),
            ("classification", self.tr("Classification")),
            ("source", self.tr("Source")),
        )
        for number, (name, label) in enumerate(fields):
            caption = QLabel(label + ":", self)  # parented again by the fields widget
            caption.setForegroundRole(QPalette.ColorRole.PlaceholderText)
            value = plain(QLabel(self))
            value.setObjectName(f"doc_{name}")
            value.setAccessibleName(label)
            value.setWordWrap(True)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            row, column = divmod(number, 2)
            grid.addWidget(caption, row, column * 2, Qt.AlignmentFlag.AlignTop)
            grid.addWidget(value, row, column * 2 + 1, Qt.AlignmentFlag.AlignTop)
            self.meta[name] = value
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(3, 1)
        self.fields = QWidget(self)  # hidden on a short screen, where the summary line stands for it
        self.fields.setObjectName("doc_fields")
        self.fields.setLayout(grid)
        self.summary = ElidedLabel(self)
        self.summary.setObjectName("doc_summary")
        self.summary.setAccessibleName(self.tr("Date, type, from, to and classification"))
        self.summary.hide()
        self.compact = False
        self.copy_button = QPushButton(self.tr("Copy citation"), self)
        self.copy_button.setObjectName("copy_citation")
        self.copy_button.setAccessibleName(self.tr("Copy citation"))
        self.copy_button.setToolTip(self.tr("Copy the full citation of this document (Ctrl+Shift+C)"))
        self.copy_button.clicked.connect(self.copy_citation)
        head = QHBoxLayout()
        head.addWidget(self.title, 1)
        head.addWidget(self.copy_button, 0, Qt.AlignmentFlag.AlignTop)

        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("document_tabs")
        self.tabs.setAccessibleName(self.tr("Document parts"))
        self.tabs.setToolTip(self.tr("Scan, transcript, translation and details (Ctrl+1 to Ctrl+4)"))
        self.tabs.setDocumentMode(True)
        self.scan_stack = QStackedWidget(self)
        self.scan_missing = MissingPart("scan", self)
        self.scan_missing.button.clicked.connect(self.import_requested)
        self.scan = ScanView(runner, self)
        self.scan_stack.addWidget(self.scan_missing)
        self.scan_stack.addWidget(self.scan)
        self.transcript = TextPart("transcript", self, point_size)
        self.translation = TextPart("translation", self, point_size)
        share_annotations(
            self.transcript.single, self.translation.single, (self.transcript.parallel, self.translation.parallel)
        )
        self.transcript.missing.button.clicked.connect(lambda: self.show_tab("translation"))
        self.translation.missing.button.clicked.connect(lambda: self.show_tab("transcript"))
        for part in (self.transcript, self.translation):
            part.zoom_requested.connect(self.zoom_changed)
            part.side_by_side_toggled.connect(self.side_by_side_changed)
        self.details = QTextBrowser(self)
        self.details.setObjectName("details")
        self.details.setAccessibleName(self.tr("Details"))
        self.details.setToolTip(self.tr("Every stored field; links open related documents"))
        self.details.setOpenLinks(False)
        self.details.anchorClicked.connect(self._link_clicked)
        self.details_page = QWidget(self)  # the Details tab: the fields, and what the window adds (the editor)
        self.details_page.setObjectName("details_page")
        details_layout = QVBoxLayout(self.details_page)
        details_layout.setContentsMargins(0, 0, 0, 0)
        details_layout.setSpacing(0)
        details_layout.addWidget(self.details, 1)
        tips = {
            "scan": self.tr("The scanned pages (Ctrl+1)"),
            "transcript": self.tr("The text in the original language (Ctrl+2)"),
            "translation": self.tr("The translation (Ctrl+3)"),
            "details": self.tr("Every stored field (Ctrl+4)"),
        }
        pages = (self.scan_stack, self.transcript, self.translation, self.details_page)
        for name, widget in zip(TABS, pages, strict=True):
            index = self.tabs.addTab(widget, TAB_TITLES[name])
            self.tabs.setTabToolTip(index, tips[name])
        self.chosen_tab: str | None = None  # the person's choice; None: the first tab with content
        self._choosing = False  # the panel itself moves to a tab that has content
        self.tabs.currentChanged.connect(self._tab_changed)
        self.finder = HitFinder(self)  # F3 / Shift+F3 through the search hits, "3 of 12" beside the tabs

        self.empty = QLabel(self.tr("Choose a document from the list or the timeline."), self)
        self.empty.setObjectName("panel_empty")
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.body = QWidget(self)
        body = QVBoxLayout(self.body)
        body.setContentsMargins(10, 8, 10, 0)
        body.setSpacing(6)
        body.addLayout(head)
        body.addWidget(self.fields)
        body.addWidget(self.summary)
        body.addWidget(self.tabs, 1)
        self.outer = QStackedWidget(self)
        self.outer.addWidget(self.empty)
        self.outer.addWidget(self.body)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.outer)

    def resizeEvent(self, event: QResizeEvent) -> None:
        """On a short screen (600 pixels) the fields fold into one line, so the text keeps at least
        half the window's height; the Details tab still has every field."""
        super().resizeEvent(event)
        self.set_compact(event.size().height() < COMPACT_BELOW)

    def set_compact(self, compact: bool) -> None:
        if compact == self.compact:
            return
        self.compact = compact
        self.fields.setVisible(not compact)
        self.summary.setVisible(compact)
        font = QFont(self.font())
        font.setPointSizeF(font.pointSizeF() * (1.1 if compact else 1.35))
        font.setBold(True)
        self.title.setFont(font)

    # -- tabs ---------------------------------------------------------------------------------

    def current_tab(self) -> str:
        return TABS[self.tabs.currentIndex()]

    def show_tab(self, name: str) -> None:
        """The person's choice (a key, a menu, a link): shown, also where this document lacks its part
        (the tab says what can be done), and kept for the next documents."""
        if name in TABS:
            self.chosen_tab = name
            if self.tabs.currentIndex() == TABS.index(name):
                self.tab_changed.emit(name)  # shown already, by the panel: now chosen
            self.tabs.setCurrentIndex(TABS.index(name))

    def remember_tab(self, name: str) -> None:
        """A choice made before (the settings): kept, and shown if this document has its part."""
        if name in TABS:
            self.chosen_tab = name
            self._open_on_content()

    def has_content(self, name: str) -> bool:
        """Whether the open document has what the tab shows (Details always has its fields)."""
        if name == "scan":
            return self.scan_stack.currentWidget() is self.scan
        if name in ("transcript", "translation"):
            part = self.transcript if name == "transcript" else self.translation
            return part.stack.currentWidget() is not part.missing
        return True

    def _open_on_content(self) -> None:
        """The chosen tab if this document has its part, else the first tab that has content."""
        if self.record is None:
            return
        chosen = self.chosen_tab
        name = chosen if chosen and self.has_content(chosen) else next(t for t in TABS if self.has_content(t))
        self._choosing = True
        try:
            self.tabs.setCurrentIndex(TABS.index(name))
        finally:
            self._choosing = False

    def _tab_changed(self, index: int) -> None:
        if not self._choosing and 0 <= index < len(TABS):  # a click on the tab bar, Ctrl+Tab: the person's
            self.chosen_tab = TABS[index]
            self.tab_changed.emit(TABS[index])

    # -- content ------------------------------------------------------------------------------

    def set_archive(self, archive: Archive) -> None:
        self.archive = archive
        self.clear()

    def clear(self) -> None:
        self.record = None
        self.outer.setCurrentWidget(self.empty)

    def show_document(self, document_id: int) -> bool:
        record = self.archive.record(document_id)
        if record is None:
            self.clear()
            return False
        self.record = record
        self.outer.setCurrentWidget(self.body)
        self.title.setText(record.title or record.key)
        date = record.date or self.tr("undated")
        written = record.date_as_written
        self.meta["date"].setText(f"{written} ({date})" if written and written != date else date)
        self.meta["type"].setText(record.type or "—")
        self.meta["from"].setText(record.sender or "—")
        self.meta["to"].setText(record.recipient or "—")
        self.meta["classification"].setText(record.classification or "—")
        self.meta["source"].setText(record.source or "—")
        arrow = " → ".join(x for x in (record.sender, record.recipient) if x)
        parts = (date, record.type, arrow, record.classification)
        self.summary.set_full_text(" · ".join(p for p in parts if p))
        self._show_scan(record)
        self._show_texts()
        self._open_on_content()
        self.details.setHtml(details_html(record, self.palette().color(QPalette.ColorRole.PlaceholderText).name()))
        self.document_shown.emit(document_id)
        return True

    def _show_scan(self, record: DocumentRecord) -> None:
        pages = self.archive.scan_pages(record.id) if record.has_scan or record.pages else []
        if pages:
            self.scan.set_pages(self.archive.path, [PageRef(p.file_id, p.file_page, p.width, p.height) for p in pages])
            self.scan_stack.setCurrentWidget(self.scan)
            return
        has_text = any(t.kind in ("transcript", "translation") for t in record.texts)
        self.scan_missing.set(
            self.tr("No scan is attached to this document.")
            + (" " + self.tr("Its text is in the Transcript and Translation tabs.") if has_text else "")
            + "\n"
            + self.tr("Attach a PDF or an image of the original (File ▸ Attach Scan…)."),
            self.tr("Attach a scan…"),
            self.tr("Attach a PDF or an image (JPEG, PNG, TIFF) as this document's scan"),
        )
        self.scan_stack.setCurrentWidget(self.scan_missing)

    def _show_texts(self) -> None:
        if self.record is None:
            return
        for part in (self.transcript, self.translation):
            part.show_record(self.record, self.side_by_side, self.terms)

    def set_terms(self, terms: list[str]) -> None:
        self.terms = terms
        self.transcript.highlight(terms)
        self.translation.highlight(terms)

    def set_point_size(self, size: float) -> None:
        self.point_size = size
        self.transcript.set_point_size(size)
        self.translation.set_point_size(size)

    def set_side_by_side(self, on: bool) -> None:
        self.side_by_side = on
        self._show_texts()

    def citation(self) -> str:
        """The open document's citation in the chosen style (``citation_style``: None is the source's own)."""
        return citation_of(self.record, self.citation_style) if self.record else ""

    def copy_citation(self) -> None:
        if self.record:
            QGuiApplication.clipboard().setText(self.citation())

    def _link_clicked(self, url: QUrl) -> None:
        if url.scheme() == "doc" and url.path().isdigit():
            self.document_requested.emit(int(url.path()))
        elif url.scheme() in ("http", "https"):
            self.ask_to_open(url)

    def ask_to_open(self, url: QUrl) -> QMessageBox:
        """The app works offline and says so: a web address opens in a browser only when the person
        agrees (Cancel is the default). The question does not block the window."""
        box = message_box(
            self,
            QMessageBox.Icon.Question,
            self.tr("Open in a web browser?"),
            f"{url.toString()}\n\n"
            + self.tr(
                "This address is on the internet. Opening it starts your web browser "
                "and connects to that site; everything else in this app stays offline."
            ),
            QMessageBox.StandardButton.Open | QMessageBox.StandardButton.Cancel,
        )
        box.setObjectName("open_address")
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

        def answered(button: int) -> None:
            if button == QMessageBox.StandardButton.Open:
                QDesktopServices.openUrl(url)

        box.finished.connect(answered)
        box.open()
        return box

    def archive_path(self) -> Path:
        return self.archive.path
