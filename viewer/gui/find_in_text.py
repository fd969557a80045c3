"""Going through the search hits of the open document: Edit ▸ Find Next / Find Previous (F3 /
Shift+F3) move to the next or previous hit of the text on screen, and "3 of 12" stands at the right
of the document's tabs.

The hits are those of the current search (the text views find them: text_view.highlight). Side by
side, F3 goes through the hits of both columns in reading order: row by row, the original's stretch
before its translation, which is the order of the side by side document itself.
"""

from __future__ import annotations

from typing import Protocol

from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtWidgets import QLabel, QTabWidget

from ..core.records import DocumentRecord
from .document_parts import TextPart
from .plain import plain
from .text_view import ParallelView, TextView

SAID_MS = 2500  # how long "No matches" stays
Reader = TextView | ParallelView


class Panel(Protocol):
    """What the finder uses of the document panel (document_panel.DocumentPanel)."""

    tabs: QTabWidget
    transcript: TextPart
    translation: TextPart
    record: DocumentRecord | None

    def current_tab(self) -> str: ...

    def show_tab(self, name: str) -> None: ...


class HitFinder(QObject):
    """The current hit of the panel's shown text and the "3 of 12" label (the tab bar's corner)."""

    def __init__(self, panel: Panel):
        super().__init__(panel.tabs)
        self.panel = panel
        self.label = plain(QLabel(panel.tabs))
        self.label.setObjectName("find_status")
        self.label.setAccessibleName(self.tr("Search hits in this text"))
        self.label.setToolTip(self.tr("F3: next hit · Shift+F3: previous hit (Edit ▸ Find Next, Find Previous)"))
        self.label.setContentsMargins(8, 0, 8, 0)
        panel.tabs.setCornerWidget(self.label, Qt.Corner.TopRightCorner)
        self._said = QTimer(self)
        self._said.setSingleShot(True)
        self._said.setInterval(SAID_MS)
        self._said.timeout.connect(self.refresh)
        for part in (panel.transcript, panel.translation):
            for view in (part.single, part.parallel):
                view.hits_changed.connect(self.refresh)
            part.stack.currentChanged.connect(lambda _index: self.refresh())
        panel.tabs.currentChanged.connect(lambda _index: self.refresh())

    def view(self) -> Reader | None:
        """The text view on screen: the transcript's or the translation's, alone or side by side."""
        parts = {"transcript": self.panel.transcript, "translation": self.panel.translation}
        part = parts.get(self.panel.current_tab())
        view = part.current_view() if part is not None else None
        return view if isinstance(view, TextView | ParallelView) else None

    def step(self, direction: int) -> bool:
        """Go to the next (1) or previous (-1) hit, from the last around to the first; False when
        there is none (said for a moment). From the Scan or Details tab, to the first text with hits."""
        view = self.view()
        if view is None and self.panel.record is not None:
            view = self._text_with_hits()
        if view is None or not view.hit_count:
            self._say(self.tr("No matches"))
            return False
        total, current = view.hit_count, view.current_hit
        if current < 0:
            index, wrapped = (0 if direction > 0 else total - 1), False
        else:
            index = current + direction
            wrapped = not 0 <= index < total
            index %= total
        view.go_to_hit(index)
        self._said.stop()
        self.refresh()
        if wrapped:
            place = self.tr("wrapped to the start") if direction > 0 else self.tr("wrapped to the end")
            self.label.setText(f"{self.label.text()} ({place})")
        return True

    def _text_with_hits(self) -> Reader | None:
        for name, part in (("transcript", self.panel.transcript), ("translation", self.panel.translation)):
            view = part.current_view()
            if isinstance(view, TextView | ParallelView) and view.hit_count:
                self.panel.show_tab(name)
                return view
        return None

    def refresh(self) -> None:
        """Say where the shown text's current hit is ("3 of 12"), how many hits before F3 ("Matches:
        12"), or nothing without hits."""
        if self._said.isActive():
            return
        view = self.view()
        if view is None or not view.hit_count or self.panel.record is None:
            text = ""
        elif view.current_hit < 0:
            text = self.tr("Matches: {total}").format(total=view.hit_count)
        else:
            text = self.tr("{current} of {total}").format(current=view.current_hit + 1, total=view.hit_count)
        self.label.setText(text)

    def _say(self, text: str) -> None:
        self._said.stop()
        self.label.setText(text)
        self._said.start()
