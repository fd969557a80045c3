"""The Details "Address" link: the app promises no network, so it asks before a web browser opens."""

from __future__ import annotations

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QApplication, QMessageBox

from .helpers import seed_id


def asking() -> list[QMessageBox]:
    return [w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible()]


def test_the_address_link_asks_before_it_opens_a_browser(qtbot, window, monkeypatch):
    opened: list[str] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url.toString()) or True)
    window.open_document(seed_id(window.archive, "000"))
    url = window.panel.record.url
    assert url and url.startswith("http")
    assert f'href="{url}"' in window.panel.details.toHtml()

    window.panel.details.anchorClicked.emit(QUrl(url))
    qtbot.waitUntil(lambda: len(asking()) == 1)
    assert opened == []  # nothing leaves the machine before the person says so
    box = asking()[0]
    assert url in box.text() and "internet" in box.text().lower()
    assert box.textFormat().name == "PlainText"
    assert box.defaultButton() is box.button(QMessageBox.StandardButton.Cancel)
    box.button(QMessageBox.StandardButton.Cancel).click()
    qtbot.waitUntil(lambda: not asking())
    assert opened == []

    window.panel.details.anchorClicked.emit(QUrl(url))
    qtbot.waitUntil(lambda: len(asking()) == 1)
    asking()[0].button(QMessageBox.StandardButton.Open).click()
    qtbot.waitUntil(lambda: opened == [url])


def test_other_schemes_never_open(qtbot, window, monkeypatch):
    opened: list[str] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url.toString()) or True)
    window.open_document(seed_id(window.archive, "000"))
    for url in ("file:///etc/passwd", "javascript:alert(1)", "mailto:a@example.org"):
        window.panel.details.anchorClicked.emit(QUrl(url))
    qtbot.wait(20)
    assert opened == [] and not asking()
