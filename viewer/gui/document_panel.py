"""The document panel: a header with the essentials, and the Scan / Transcript / Translation /
Details tabs. A tab whose part is missing stays in place and says what can be done, so tab
positions never jump and the chosen tab survives a change of document."""

from __future__ import annotations

import html
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, QUrl, Signal
from PySide6.QtGui import QFont, QGuiApplication, QPalette
from PySide6.QtWidgets import (
    QCheckBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStackedWidget,
    QTabWidget,
    QTextBrowser,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ..core.store import Archive
from .scan_view import PageRef, ScanView
from .tasks import TaskRunner
from .text_view import ParallelView, TextView

TABS = ("scan", "transcript", "translation", "details")
TAB_TITLES = {"scan": "Scan", "transcript": "Transcript", "translation": "Translation", "details": "Details"}
LANGUAGES = {"ru": "Russian", "en": "English", "zh": "Chinese", "ko": "Korean", "de": "German", "fr": "French"}


def citation_of(record: dict[str, Any]) -> str:
    """The stored citation, or one assembled from title, date and source."""
    if record.get("citation"):
        return str(record["citation"])
    parts = [f"“{record['title']}”"]
    if record.get("date_as_written") or record.get("date"):
        parts.append(record.get("date_as_written") or record["date"])
    for name in ("source", "url"):
        if record.get(name):
            parts.append(record[name])
    return ", ".join(parts) + "."


class MissingPart(QWidget):
    """What a tab shows when its part is missing: a sentence and, where possible, an action."""

    def __init__(self, name: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName(f"missing_{name}")
        self.message = QLabel(self)
        self.message.setObjectName(f"missing_{name}_message")
        self.message.setWordWrap(True)
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.button = QPushButton(self)
        self.button.setObjectName(f"missing_{name}_action")
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        layout.addWidget(self.message)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.button)
        row.addStretch(1)
        layout.addLayout(row)
        layout.addStretch(2)

    def set(self, message: str, action: str | None, tip: str = "") -> None:
        self.message.setText(message)
        self.button.setVisible(bool(action))
        self.button.setText(action or "")
        self.button.setAccessibleName(action or "")
        self.button.setToolTip(tip or action or "")


class TextPart(QWidget):
    """Transcript or Translation: the text alone, or side by side with the other one.

    Signals: zoom_requested(float), side_by_side_toggled(bool).
    """

    zoom_requested = Signal(float)
    side_by_side_toggled = Signal(bool)

    def __init__(self, kind: str, parent: QWidget | None = None, point_size: float = 12.0):
        super().__init__(parent)
        self.kind = kind
        self.setObjectName(f"{kind}_part")
        self.info = QLabel(self)
        self.info.setObjectName(f"{kind}_info")
        self.side = QCheckBox("Side by side", self)
        self.side.setObjectName(f"{kind}_side_by_side")
        self.side.setAccessibleName("Side by side")
        self.side.setToolTip("Show the original and the translation next to each other (Ctrl+Shift+S)")
        self.side.toggled.connect(self.side_by_side_toggled)
        self.zoom_buttons = []
        bar = QHBoxLayout()
        bar.setContentsMargins(8, 4, 8, 0)
        bar.addWidget(self.info, 1)
        bar.addWidget(self.side)
        for text, tip, delta in (("A−", "Smaller text (Ctrl+−)", -1.0), ("A+", "Larger text (Ctrl++)", 1.0)):
            button = QToolButton(self)
            button.setText(text)
            button.setObjectName(f"{kind}_zoom_{'in' if delta > 0 else 'out'}")
            button.setAccessibleName(tip.split(" (")[0])
            button.setToolTip(tip)
            button.clicked.connect(lambda _=False, d=delta: self.zoom_requested.emit(self.single.point_size + d))
            bar.addWidget(button)
            self.zoom_buttons.append(button)
        self.single = TextView(self, point_size)
        self.single.setAccessibleName(TAB_TITLES[kind])
        self.single.setToolTip(f"The {kind}; select text and press Ctrl+C to copy")
        self.parallel = ParallelView(self, point_size)
        self.parallel.setAccessibleName("Original and translation side by side")
        self.parallel.setToolTip("Original and translation, paragraph beside paragraph")
        for view in (self.single, self.parallel):
            view.zoom_requested.connect(self.zoom_requested)
        self.missing = MissingPart(kind, self)
        self.stack = QStackedWidget(self)
        for widget in (self.missing, self.single, self.parallel):
            self.stack.addWidget(widget)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addLayout(bar)
        layout.addWidget(self.stack, 1)
        self.texts: dict[str, dict[str, Any]] = {}

    def current_view(self) -> QTextBrowser | None:
        widget = self.stack.currentWidget()
        return widget if isinstance(widget, QTextBrowser) else None

    def set_point_size(self, size: float) -> None:
        self.single.set_point_size(size)
        self.parallel.set_point_size(size)

    def show_record(self, record: dict[str, Any], side_by_side: bool, terms: list[str]) -> None:
        self.texts = {}
        for text in record["texts"]:
            self.texts.setdefault(text["kind"], text)
        mine = self.texts.get(self.kind)
        other = self.texts.get("translation" if self.kind == "transcript" else "transcript")
        self.side.blockSignals(True)
        self.side.setChecked(side_by_side)
        self.side.setEnabled(bool(mine and other))
        self.side.blockSignals(False)
        for view in (self.single, self.parallel):
            view.terms = terms
        if mine is None:
            self.info.setText("")
            if self.kind == "transcript":
                self.missing.set(
                    "This document has no transcript in the original language. Its text is available as a translation."
                    if other
                    else "This document has no transcript.",
                    "Show the translation" if other else None,
                )
            else:
                self.missing.set(
                    "This document has no translation."
                    + (" The transcript holds its text in the original language." if other else ""),
                    "Show the transcript" if other else None,
                )
            self.stack.setCurrentWidget(self.missing)
            return
        language = LANGUAGES.get(mine["language"] or "", mine["language"] or "unknown language")
        origin = {
            "import": "typed",
            "pdf": "from the PDF's text",
            "ocr": "recognised (OCR)",
            "manual": "entered by hand",
        }
        self.info.setText(f"{TAB_TITLES[self.kind]} · {language} · {origin.get(mine['origin'], mine['origin'])}")
        if side_by_side and other:
            original, translation = (mine, other) if self.kind == "transcript" else (other, mine)
            self.parallel.show_texts(
                original["body"],
                f"Original ({LANGUAGES.get(original['language'] or '', original['language'])})",
                translation["body"],
                f"Translation ({LANGUAGES.get(translation['language'] or '', translation['language'])})",
            )
            self.stack.setCurrentWidget(self.parallel)
        else:
            self.single.show_text(mine["body"], mine["language"])
            self.stack.setCurrentWidget(self.single)

    def highlight(self, terms: list[str]) -> None:
        for view in (self.single, self.parallel):
            view.highlight(terms)


class DocumentPanel(QWidget):
    """Signals: document_requested(int) from a link in Details; tab_changed(str);
    import_requested() from a missing part's button; zoom_changed(float); side_by_side_changed(bool);
    document_shown(int) once a document's parts are on screen (annotations are drawn then)."""

    document_requested = Signal(int)
    document_shown = Signal(int)
    tab_changed = Signal(str)
    import_requested = Signal()
    zoom_changed = Signal(float)
    side_by_side_changed = Signal(bool)

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
        self.record: dict[str, Any] | None = None
        self.terms: list[str] = []
        self.side_by_side = side_by_side
        self.point_size = point_size

        self.title = QLabel(self)
        self.title.setObjectName("doc_title")
        self.title.setAccessibleName("Document title")
        self.title.setWordWrap(True)
        self.title.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        title_font = QFont(self.font())
        title_font.setPointSizeF(title_font.pointSizeF() * 1.35)
        title_font.setBold(True)
        self.title.setFont(title_font)
        self.meta: dict[str, QLabel] = {}
        grid = QGridLayout()
        grid.setHorizontalSpacing(10)
        grid.setVerticalSpacing(2)
        fields = (
            ("date", "Date"),
            ("type", "Type"),
            ("from", "From"),
            ("to", "To"),
            ("classification", "Classification"),
            ("source", "Source"),
        )
        for number, (name, label) in enumerate(fields):
            caption = QLabel(label + ":", self)
            caption.setForegroundRole(QPalette.ColorRole.PlaceholderText)
            value = QLabel(self)
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
        self.copy_button = QPushButton("Copy citation", self)
        self.copy_button.setObjectName("copy_citation")
        self.copy_button.setAccessibleName("Copy citation")
        self.copy_button.setToolTip("Copy the full citation of this document (Ctrl+Shift+C)")
        self.copy_button.clicked.connect(self.copy_citation)
        head = QHBoxLayout()
        head.addWidget(self.title, 1)
        head.addWidget(self.copy_button, 0, Qt.AlignmentFlag.AlignTop)

        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("document_tabs")
        self.tabs.setAccessibleName("Document parts")
        self.tabs.setToolTip("Scan, transcript, translation and details (Ctrl+1 to Ctrl+4)")
        self.tabs.setDocumentMode(True)
        self.scan_stack = QStackedWidget(self)
        self.scan_missing = MissingPart("scan", self)
        self.scan_missing.button.clicked.connect(self.import_requested)
        self.scan = ScanView(runner, self)
        self.scan_stack.addWidget(self.scan_missing)
        self.scan_stack.addWidget(self.scan)
        self.transcript = TextPart("transcript", self, point_size)
        self.translation = TextPart("translation", self, point_size)
        self.transcript.missing.button.clicked.connect(lambda: self.show_tab("translation"))
        self.translation.missing.button.clicked.connect(lambda: self.show_tab("transcript"))
        for part in (self.transcript, self.translation):
            part.zoom_requested.connect(self.zoom_changed)
            part.side_by_side_toggled.connect(self.side_by_side_changed)
        self.details = QTextBrowser(self)
        self.details.setObjectName("details")
        self.details.setAccessibleName("Details")
        self.details.setToolTip("Every stored field; links open related documents")
        self.details.setOpenLinks(False)
        self.details.anchorClicked.connect(self._link_clicked)
        tips = {
            "scan": "The scanned pages (Ctrl+1)",
            "transcript": "The text in the original language (Ctrl+2)",
            "translation": "The translation (Ctrl+3)",
            "details": "Every stored field (Ctrl+4)",
        }
        for name, widget in zip(TABS, (self.scan_stack, self.transcript, self.translation, self.details), strict=True):
            index = self.tabs.addTab(widget, TAB_TITLES[name])
            self.tabs.setTabToolTip(index, tips[name])
        self.tabs.currentChanged.connect(lambda index: self.tab_changed.emit(TABS[index]))

        self.empty = QLabel("Choose a document from the list or the timeline.", self)
        self.empty.setObjectName("panel_empty")
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.body = QWidget(self)
        body = QVBoxLayout(self.body)
        body.setContentsMargins(10, 8, 10, 0)
        body.setSpacing(6)
        body.addLayout(head)
        body.addLayout(grid)
        body.addWidget(self.tabs, 1)
        self.outer = QStackedWidget(self)
        self.outer.addWidget(self.empty)
        self.outer.addWidget(self.body)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.outer)

    # -- tabs ---------------------------------------------------------------------------------

    def current_tab(self) -> str:
        return TABS[self.tabs.currentIndex()]

    def show_tab(self, name: str) -> None:
        if name in TABS:
            self.tabs.setCurrentIndex(TABS.index(name))

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
        self.title.setText(record["title"] or record["key"])
        date = record["date"] or "undated"
        written = record["date_as_written"]
        self.meta["date"].setText(f"{written} ({date})" if written and written != date else date)
        self.meta["type"].setText(record["type"] or "—")
        self.meta["from"].setText(record["sender"] or "—")
        self.meta["to"].setText(record["recipient"] or "—")
        self.meta["classification"].setText(record["classification"] or "—")
        self.meta["source"].setText(record["source"] or "—")
        self._show_scan(record)
        self._show_texts()
        self.details.setHtml(self._details_html(record))
        self.document_shown.emit(document_id)
        return True

    def _show_scan(self, record: dict[str, Any]) -> None:
        pages = self.archive.scan_pages(record["id"]) if record["has_scan"] or record["pages"] else []
        if pages:
            self.scan.set_pages(
                self.archive.path, [PageRef(p["file_id"], p["file_page"], p["width"], p["height"]) for p in pages]
            )
            self.scan_stack.setCurrentWidget(self.scan)
            return
        has_text = any(t["kind"] in ("transcript", "translation") for t in record["texts"])
        self.scan_missing.set(
            "No scan is attached to this document."
            + (" Its text is in the Transcript and Translation tabs." if has_text else "")
            + "\nAttach a PDF or an image of the original (File ▸ Attach Scan…).",
            "Attach a scan…",
            "Attach a PDF or an image (JPEG, PNG, TIFF) as this document's scan",
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
        return citation_of(self.record) if self.record else ""

    def copy_citation(self) -> None:
        if self.record:
            QGuiApplication.clipboard().setText(self.citation())

    def _link_clicked(self, url: QUrl) -> None:
        if url.scheme() == "doc" and url.path().isdigit():
            self.document_requested.emit(int(url.path()))
        elif url.scheme() in ("http", "https"):
            from PySide6.QtGui import QDesktopServices

            QDesktopServices.openUrl(url)

    def _details_html(self, record: dict[str, Any]) -> str:
        e = html.escape
        muted = self.palette().color(QPalette.ColorRole.PlaceholderText).name()

        def row(label: str, value: Any) -> str:
            if value in (None, "", [], {}):
                return ""
            return (
                f'<tr><td valign="top" style="color:{muted}; padding-right:12px; white-space:nowrap">'
                f"{e(label)}</td><td>{value}</td></tr>"
            )

        def text(value: Any) -> str:
            return e(str(value)).replace("\n", "<br>") if value not in (None, "") else ""

        precision = record["date_precision"]
        date = record["date"] or "unknown"
        if record["date_end"] and record["date_end"] != record["date"]:
            date += f" – {record['date_end']}"
        rows = [
            row("Key", text(f"{record['key']} (id {record['id']})")),
            row("Date", text(f"{date} ({precision})")),
            row("Date as written", text(record["date_as_written"])),
            row("Type", text(record["type"])),
            row("Classification", text(record["classification"])),
            row("Original language", text(record["original_language"])),
            row("Reference numbers", text(", ".join(record["reference_numbers"]))),
            row("Archival source", text(record["source"])),
        ]
        for ref in record["archival_refs"]:
            parts = [f"{k} {ref[k]}" for k in ("fond", "opis", "delo", "papka", "listy") if ref.get(k)]
            if parts:
                rows.append(row(ref.get("archive") or "Archive", text(", ".join(parts))))
        if record["url"]:
            rows.append(row("Address", f'<a href="{e(record["url"])}">{e(record["url"])}</a>'))
        rows += [
            row("Record", text(record["record_id"])),
            row("Citation", text(record["citation"])),
            row("Credits", text(record["credits"])),
            row("Rights", text(record["rights"])),
        ]
        rows.append(row("Contents", text(", ".join(record["contents"]))))
        texts = [
            f"{t['kind']} ({t['language'] or '?'}, {t['origin']}, {len(t['body']):,} characters)"
            for t in record["texts"]
        ]
        rows.append(row("Texts", text("; ".join(texts))))
        rows.append(row("Scan", text(f"{record['pages']} page(s)" if record["pages"] else "none")))
        rows.append(row("Source file", text(record["source_file"])))
        rows.append(row("Imported", text(record["imported_at"])))
        if record["review_reasons"]:
            rows.append(row("Needs review", text("; ".join(record["review_reasons"]))))
        for key, value in (record["extra"] or {}).items():
            rows.append(
                row(
                    str(key),
                    text(
                        value
                        if isinstance(value, str)
                        else ", ".join(map(str, value))
                        if isinstance(value, list)
                        else str(value)
                    ),
                )
            )
        people = []
        for person in record["people"]:
            line = f"<b>{e(person['name'])}</b> — {e(person['role'])}"
            if person["kind"] != "person":
                line += f" ({e(person['kind'])})"
            if person["as_written"] and person["as_written"] != person["name"]:
                line += f", written “{e(person['as_written'])}”"
            if person["aliases"]:
                line += f'<br><span style="color:{muted}">also {e(", ".join(person["aliases"][:10]))}</span>'
            people.append(f"<li>{line}</li>")
        links = []
        for link in record["links"]:
            if link["document_id"]:
                target = (
                    f'<a href="doc:{link["document_id"]}">{e(link["title"] or link["key"])}</a>'
                    f" ({e(link['date'] or 'undated')})"
                )
            else:
                target = f"{e(str(link['unresolved'] or '?'))} — not in this archive"
            links.append(f"<li>{e(link['label'].capitalize())}: {target}</li>")
        summary = f"<h3>Summary</h3><p>{text(record['summary'])}</p>" if record["summary"] else ""
        return (
            f"{summary}<h3>Fields</h3><table cellspacing='3'>{''.join(rows)}</table>"
            + (f"<h3>People and places</h3><ul>{''.join(people)}</ul>" if people else "")
            + (f"<h3>Related documents</h3><ul>{''.join(links)}</ul>" if links else "")
        )

    def archive_path(self) -> Path:
        return self.archive.path
