"""The kiosk's document page: title, date and people, then the original, the translation or the
scan, one at a time, with previous and next.

It reuses the window's reading parts (TextView, ScanView) with everything that could write, export
or leave the app left out: no copy button, no import button, no links, no selection.
"""

from __future__ import annotations

from functools import partial
from typing import Any

import shiboken6
from PySide6.QtCore import QCoreApplication, QEasingCurve, QPropertyAnimation, Qt, Signal
from PySide6.QtWidgets import QGraphicsOpacityEffect, QHBoxLayout, QStackedWidget, QVBoxLayout, QWidget

from ...core.records import DocumentRecord, Text
from ...core.store import Archive
from ..document_parts import LANGUAGES, TAB_TITLES
from ..scan_view import PageRef, ScanView
from ..tasks import TaskRunner
from ..text_view import TextView
from .language import language_button
from .pads import big_button, plain_label
from .touch import PinchZoom, make_kinetic


class DocumentPage(QWidget):
    """One document, large: title, date and people, then one part at a time.

    Signals: start_requested(); step_requested(int) with -1 or +1.
    """

    start_requested = Signal()
    step_requested = Signal(int)

    def __init__(
        self,
        archive: Archive,
        runner: TaskRunner,
        parts: tuple[str, ...],
        point_size: float,
        transition_ms: int,
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self.setObjectName("kiosk_document")
        self.archive = archive
        self.parts = parts
        self.point_size = point_size
        self.record: DocumentRecord | None = None
        self.part: str | None = None
        back = big_button("⌂  " + self.tr("Start"), self, "kiosk_back", self.start_requested.emit)
        self.previous = big_button(
            "‹  " + self.tr("Previous"), self, "kiosk_previous", lambda: self.step_requested.emit(-1)
        )
        self.next = big_button(self.tr("Next") + "  ›", self, "kiosk_next", lambda: self.step_requested.emit(1))
        self.position = plain_label("", self, "kiosk_position", wrap=False)
        self.position.setAlignment(Qt.AlignmentFlag.AlignCenter)
        bar = QHBoxLayout()
        bar.setSpacing(16)
        bar.addWidget(back, 1)
        bar.addWidget(language_button(self), 1)  # English / Русский
        bar.addStretch(3)
        bar.addWidget(self.previous, 1)
        bar.addWidget(self.position, 1)
        bar.addWidget(self.next, 1)
        self.title = plain_label("", self, "kiosk_doc_title")
        self.meta = plain_label("", self, "kiosk_doc_meta")
        self.part_buttons: dict[str, Any] = {}
        switch = QHBoxLayout()
        switch.setSpacing(12)
        for name in parts:
            button = big_button(
                TAB_TITLES.get(name, name.capitalize()), self, f"kiosk_part_{name}", partial(self.show_part, name)
            )
            button.setCheckable(True)
            switch.addWidget(button, 1)
            self.part_buttons[name] = button
        switch.addStretch(max(0, 4 - len(parts)))

        self.views: dict[str, TextView] = {}
        self.body = QStackedWidget(self)
        self.body.setObjectName("kiosk_doc_body")
        for name in ("transcript", "translation"):
            view = TextView(self.body, point_size)
            view.setObjectName(f"kiosk_{name}")
            view.setAccessibleName(self.part_buttons[name].text() if name in self.part_buttons else TAB_TITLES[name])
            view.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
            view.setContextMenuPolicy(Qt.ContextMenuPolicy.NoContextMenu)
            make_kinetic(view)
            self.views[name] = view
            self.body.addWidget(view)
        self.scan = ScanView(runner, self.body)
        self.scan.setObjectName("kiosk_scan")
        make_kinetic(self.scan.scroll_area)
        make_kinetic(self.scan.thumbnails)
        self.pinch = PinchZoom(
            self.scan.scroll_area.viewport(), lambda factor: self.scan.set_zoom(self.scan.zoom * factor), self
        )
        self.body.addWidget(self.scan)
        self.missing = plain_label("", self.body, "kiosk_missing")
        self.missing.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.body.addWidget(self.missing)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(48, 24, 48, 12)
        layout.setSpacing(14)
        layout.addLayout(bar)
        layout.addWidget(self.title)
        layout.addWidget(self.meta)
        layout.addLayout(switch)
        layout.addWidget(self.body, 1)

        # one effect and one animation for the page's whole life: the attract loop must not pile them up
        self.fade = QGraphicsOpacityEffect(self)
        self.fade.setOpacity(1.0)
        self.fade.setEnabled(False)
        self.setGraphicsEffect(self.fade)
        self.animation = QPropertyAnimation(self.fade, b"opacity", self)
        self.animation.setDuration(transition_ms)
        self.animation.setStartValue(0.0)
        self.animation.setEndValue(1.0)
        self.animation.setEasingCurve(QEasingCurve.Type.InOutQuad)
        self.animation.finished.connect(lambda: self.fade.setEnabled(False))

    # -- content ------------------------------------------------------------------------------

    def available(self, name: str) -> bool:
        if self.record is None:
            return False
        if name == "scan":
            return bool(self.record.pages)
        return any(t.kind == name for t in self.record.texts)

    def show_document(self, document_id: int, part: str, position: tuple[int, int], animate: bool = False) -> bool:
        record = self.archive.record(document_id)
        if record is None:
            return False
        self.record = record
        self.title.setText(record.title or record.key)
        self.meta.setText(self._meta(record))
        number, total = position
        self.position.setText(self.tr("{number} of {total}").format(number=number, total=total) if number else "")
        self.previous.setEnabled(number > 1)
        self.next.setEnabled(0 < number < total)
        texts: dict[str, Text] = {}
        for text in record.texts:
            texts.setdefault(text.kind, text)
        for name, view in self.views.items():
            if name in texts:
                old = view.document()
                view.show_text(texts[name].body, texts[name].language)
                if shiboken6.isValid(old) and old is not view.document() and old.parent() is view:
                    old.deleteLater()  # TextView parents each new document to itself and never drops the last
        for name, button in self.part_buttons.items():
            button.setEnabled(self.available(name))
            button.setText(self._part_title(name, texts))
        if self.available("scan") and "scan" in self.parts:
            pages = self.archive.scan_pages(document_id)
            self.scan.set_pages(self.archive.path, [PageRef(p.file_id, p.file_page, p.width, p.height) for p in pages])
        choice = next((p for p in (part, *self.parts) if p in self.parts and self.available(p)), None)
        self.show_part(choice)
        if animate and self.animation.duration() > 0:
            self.animation.stop()
            self.fade.setEnabled(True)
            self.fade.setOpacity(0.0)
            self.animation.start()
        return True

    def show_part(self, name: str | None) -> None:
        self.part = name
        for part, button in self.part_buttons.items():
            button.setChecked(part == name)
        if name is None:
            self.missing.setText(self.tr("This document has no text or scan to show here."))
            self.body.setCurrentWidget(self.missing)
        elif name == "scan":
            self.body.setCurrentWidget(self.scan)
        else:
            self.views[name].verticalScrollBar().setValue(0)
            self.body.setCurrentWidget(self.views[name])

    @staticmethod
    def _part_title(name: str, texts: dict[str, Text]) -> str:
        if name == "scan":
            return QCoreApplication.translate("DocumentPage", "Scan")
        text = texts.get(name)
        language = (text.language if text else None) or ""
        word = LANGUAGES.get(language, language.upper())
        base = (
            QCoreApplication.translate("DocumentPage", "Original")
            if name == "transcript"
            else QCoreApplication.translate("DocumentPage", "Translation")
        )
        return f"{base} ({word})" if word else base

    @staticmethod
    def _meta(record: DocumentRecord) -> str:
        date = record.date_as_written or record.date or QCoreApplication.translate("DocumentPage", "Undated")
        parts = [date]
        if record.type:
            parts.append(record.type)
        sender, recipient = record.sender, record.recipient
        if sender and recipient:
            parts.append(
                QCoreApplication.translate("DocumentPage", "From {sender} to {recipient}").format(
                    sender=sender, recipient=recipient
                )
            )
        elif sender:
            parts.append(QCoreApplication.translate("DocumentPage", "From {sender}").format(sender=sender))
        elif recipient:
            parts.append(QCoreApplication.translate("DocumentPage", "To {recipient}").format(recipient=recipient))
        return "  ·  ".join(parts)
