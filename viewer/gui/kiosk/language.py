"""The kiosk's language button: English / Русский, switched at once for whoever stands there.

A visitor touches it and the kiosk is built again in the other language (the pages read their texts
when they are made), on the document that was open. When the kiosk resets after nobody touched it,
it goes back to the language it started in, so the next visitor meets the usual one.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, QObject
from PySide6.QtWidgets import QPushButton

from .. import i18n

if TYPE_CHECKING:
    from .window import KioskWindow

MARGIN = 24  # px from the window's edges


class LanguageButton(QPushButton):
    """Shows the language it switches to ("Русский" while the kiosk speaks English, and back).

    Signals: clicked, as any button (it switches).
    """

    def __init__(self, kiosk: KioskWindow):
        super().__init__(kiosk)
        self.kiosk = kiosk
        self.setObjectName("kiosk_language")
        self.start_language = i18n.current()
        self.clicked.connect(lambda: self.switch())
        kiosk.idle.reset_due.connect(self._reset)
        kiosk.installEventFilter(self)
        self._label()

    def other(self) -> str:
        return "en" if i18n.current() == "ru" else "ru"

    def _label(self) -> None:
        other = self.other()
        self.setText(i18n.LANGUAGES[other])
        self.setAccessibleName(QCoreApplication.translate("LanguageButton", "Language"))
        self.setToolTip(i18n.LANGUAGES[other])
        self.adjustSize()
        self._place()

    def _place(self) -> None:
        """Top right, beside the other buttons of the pages (the document page's bar ends left of it)."""
        self.move(max(self.kiosk.width() - self.width() - MARGIN, 0), MARGIN // 2)
        self.raise_()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.kiosk and event.type() in (QEvent.Type.Resize, QEvent.Type.Show):
            self._place()
        return False

    def switch(self, language: str | None = None) -> str:
        """Speak ``language`` (the other one if None): install it and build the pages again, on the
        document that was open; returns the language in effect."""
        kiosk = self.kiosk
        wanted = language or self.other()
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
        self._label()
        return i18n.current()

    def _reset(self) -> None:
        if i18n.current() != self.start_language:
            self.switch(self.start_language)
