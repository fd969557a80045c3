"""The kiosk's language button: English / Русский, switched at once for whoever stands there.

Each page carries a button naming the other language; a touch builds the kiosk again in it (the
pages read their texts when they are made), on the document that was open. When the kiosk resets
after nobody touched it, it goes back to the language it started in, so the next visitor meets the
usual one.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, QTimer
from PySide6.QtWidgets import QPushButton, QWidget

from .. import i18n
from .pads import big_button


def other_language() -> str:
    return "en" if i18n.current() == "ru" else "ru"


def language_button(parent: QWidget) -> QPushButton:
    """A page's button naming the other language; a touch switches the kiosk it sits in."""
    other = i18n.LANGUAGES[other_language()]
    button = big_button(other, parent, "kiosk_language", None)
    button.setAccessibleName(QCoreApplication.translate("LanguageButton", "Language"))
    button.setAccessibleDescription(other)

    def switch() -> None:
        language = getattr(button.window(), "language", None)
        if isinstance(language, LanguageSwitch):
            QTimer.singleShot(0, language.switch)  # the button goes with its page

    button.clicked.connect(switch)
    return button


class LanguageSwitch(QObject):
    """Switches a kiosk between English and Russian, and back to the first after an idle reset."""

    def __init__(self, kiosk: Any):
        """``kiosk`` is the KioskWindow (duck-typed: it imports this module)."""
        super().__init__(kiosk)
        self.kiosk = kiosk
        self.start_language = i18n.current()
        kiosk.idle.reset_due.connect(self._reset)

    def switch(self, language: str | None = None) -> str:
        """Speak ``language`` (the other one if None): install it and build the pages again, on the
        document that was open; returns the language in effect."""
        kiosk = self.kiosk
        wanted = language or other_language()
        if wanted == i18n.current():
            return wanted
        i18n.install(wanted)
        kiosk.attract_banner.setText(
            QCoreApplication.translate("KioskWindow", "Touch the screen to explore the documents")
        )
        if not kiosk.is_out_of_order():
            document_id = kiosk.current_document()
            part = kiosk.document.part if document_id is not None else None
            kiosk._drop_content()
            if kiosk.try_open() and document_id is not None:
                kiosk.open_document(document_id, part)
        return i18n.current()

    def _reset(self) -> None:
        if i18n.current() != self.start_language:
            self.switch(self.start_language)
