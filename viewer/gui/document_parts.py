"""The parts of a document panel: the Transcript and Translation tabs (the text alone or side by side)
and what a tab shows when its part is missing."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStackedWidget,
    QTextBrowser,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ..core.records import DocumentRecord, Text
from .elided import ElidedLabel
from .i18n import QT_TRANSLATE_NOOP, Translated
from .plain import plain
from .text_view import ParallelView, TextView

TABS = ("scan", "transcript", "translation", "details")
# read through Translated: each title and language name comes back in the interface's language
TAB_TITLES = Translated(
    "Document",
    {
        "scan": QT_TRANSLATE_NOOP("Document", "Scan"),
        "transcript": QT_TRANSLATE_NOOP("Document", "Transcript"),
        "translation": QT_TRANSLATE_NOOP("Document", "Translation"),
        "details": QT_TRANSLATE_NOOP("Document", "Details"),
    },
)
LANGUAGES = Translated(
    "Languages",
    {
        "ru": QT_TRANSLATE_NOOP("Languages", "Russian"),
        "en": QT_TRANSLATE_NOOP("Languages", "English"),
        "zh": QT_TRANSLATE_NOOP("Languages", "Chinese"),
        "ko": QT_TRANSLATE_NOOP("Languages", "Korean"),
        "de": QT_TRANSLATE_NOOP("Languages", "German"),
        "fr": QT_TRANSLATE_NOOP("Languages", "French"),
    },
)


class MissingPart(QWidget):
    """What a tab shows when its part is missing: a sentence and, where possible, an action."""

    def __init__(self, name: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName(f"missing_{name}")
        self.message = plain(QLabel(self))
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
    single: TextView  # made after the zoom buttons, whose slots read it

    def __init__(self, kind: str, parent: QWidget | None = None, point_size: float = 12.0):
        super().__init__(parent)
        self.kind = kind
        self.setObjectName(f"{kind}_part")
        self.info = ElidedLabel(self)  # the language is as imported; elided, it never sets the width of the window
        self.info.setObjectName(f"{kind}_info")
        self.side = QCheckBox(self.tr("Side by side"), self)
        self.side.setObjectName(f"{kind}_side_by_side")
        self.side.setAccessibleName(self.tr("Side by side"))
        self.side.setToolTip(self.tr("Show the original and the translation next to each other (Ctrl+Shift+S)"))
        self.side.toggled.connect(self.side_by_side_toggled)
        self.zoom_buttons = []
        bar = QHBoxLayout()
        bar.setContentsMargins(8, 4, 8, 0)
        self.bar = bar  # the window adds its Correct text button here
        bar.addWidget(self.info, 1)
        bar.addWidget(self.side)
        for text, name, keys, delta in (
            ("A−", self.tr("Smaller text"), "Ctrl+−", -1.0),
            ("A+", self.tr("Larger text"), "Ctrl++", 1.0),
        ):
            button = QToolButton(self)
            button.setText(text)
            button.setObjectName(f"{kind}_zoom_{'in' if delta > 0 else 'out'}")
            button.setAccessibleName(name)
            button.setToolTip(f"{name} ({keys})")
            button.clicked.connect(lambda _=False, d=delta: self.zoom_requested.emit(self.single.point_size + d))
            bar.addWidget(button)
            self.zoom_buttons.append(button)
        self.single = TextView(self, point_size)
        self.single.setAccessibleName(TAB_TITLES[kind])
        self.single.setToolTip(
            (self.tr("The transcript") if kind == "transcript" else self.tr("The translation"))
            + "; "
            + self.tr("select text and press Ctrl+C to copy")
        )
        self.parallel = ParallelView(self, point_size)
        self.parallel.setAccessibleName(self.tr("Original and translation side by side"))
        self.parallel.setToolTip(self.tr("Original and translation, each line and paragraph beside its translation"))
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
        self.texts: dict[str, Text] = {}

    def current_view(self) -> QTextBrowser | None:
        widget = self.stack.currentWidget()
        return widget if isinstance(widget, QTextBrowser) else None

    def set_point_size(self, size: float) -> None:
        self.single.set_point_size(size)
        self.parallel.set_point_size(size)

    def show_record(self, record: DocumentRecord, side_by_side: bool, terms: list[str]) -> None:
        self.texts = {}
        for text in record.texts:
            self.texts.setdefault(text.kind, text)
        mine = self.texts.get(self.kind)
        other = self.texts.get("translation" if self.kind == "transcript" else "transcript")
        self.side.blockSignals(True)
        self.side.setChecked(side_by_side)
        self.side.setEnabled(bool(mine and other))
        self.side.blockSignals(False)
        for view in (self.single, self.parallel):
            view.terms = terms
        if mine is None:
            self.info.set_full_text("")
            if self.kind == "transcript":
                self.missing.set(
                    self.tr(
                        "This document has no transcript in the original language. "
                        "Its text is available as a translation."
                    )
                    if other
                    else self.tr("This document has no transcript."),
                    self.tr("Show the translation") if other else None,
                )
            else:
                self.missing.set(
                    self.tr("This document has no translation.")
                    + (" " + self.tr("The transcript holds its text in the original language.") if other else ""),
                    self.tr("Show the transcript") if other else None,
                )
            self.stack.setCurrentWidget(self.missing)
            return
        language = LANGUAGES.get(mine.language or "", mine.language or self.tr("unknown language"))
        origin = {
            "import": self.tr("typed"),
            "pdf": self.tr("from the PDF's text"),
            "ocr": self.tr("recognised (OCR)"),
            "manual": self.tr("entered by hand"),
        }
        self.info.set_full_text(f"{TAB_TITLES[self.kind]} · {language} · {origin.get(mine.origin, mine.origin)}")
        if side_by_side and other:
            original, translation = (mine, other) if self.kind == "transcript" else (other, mine)
            self.parallel.show_texts(
                original.body,
                self.tr("Original ({language})").format(
                    language=LANGUAGES.get(original.language or "", original.language)
                ),
                translation.body,
                self.tr("Translation ({language})").format(
                    language=LANGUAGES.get(translation.language or "", translation.language)
                ),
                original.language,
                translation.language,
            )
            self.stack.setCurrentWidget(self.parallel)
        else:
            self.single.show_text(mine.body, mine.language)
            self.stack.setCurrentWidget(self.single)

    def highlight(self, terms: list[str]) -> None:
        for view in (self.single, self.parallel):
            view.highlight(terms)
