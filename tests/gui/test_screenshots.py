"""Screenshots of the window with each tab, at two sizes, for people to look at.

They are written to tests/screenshots/ and never compared with anything: the assertions only check
that a picture was made and that it is not blank.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication, QLabel

from viewer.gui import fonts
from viewer.gui.screenshot import grab, render

from ..pdfs import make_pdf
from .helpers import attach_scan, seed_id

SIZES = ((1024, 600), (1280, 800), (1920, 1080))


def not_blank(pixmap) -> bool:
    image = pixmap.toImage().scaled(64, 40)
    colours = {image.pixel(x, y) for x in range(64) for y in range(40)}
    return len(colours) > 20


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_window_with_each_tab(qtbot, seeded, window, screenshots, size):
    document = seed_id(seeded, "004")
    attach_scan(seeded, document, make_pdf("Telegram 8691, scan made in the test"), pages=3)
    window.refresh()
    window.resize(*size)
    window.filter_bar.set_query("Mao")
    window.open_document(document)
    for tab in ("scan", "transcript", "translation", "details"):
        window.panel.show_tab(tab)
        pixmap = grab(window)
        assert pixmap.width() == size[0]
        assert not_blank(pixmap)
        pixmap.save(str(screenshots / f"window-{size[0]}x{size[1]}-{tab}.png"))
    window.registry["side_by_side"].trigger()
    window.panel.show_tab("transcript")
    grab(window).save(str(screenshots / f"window-{size[0]}x{size[1]}-side-by-side.png"))


def test_dark_palette(qtbot, window, screenshots):
    app = QApplication.instance()
    light = app.palette()
    dark = QPalette()
    for role, colour in (
        (QPalette.ColorRole.Window, "#2b2b2b"),
        (QPalette.ColorRole.WindowText, "#e8e8e8"),
        (QPalette.ColorRole.Base, "#1e1e1e"),
        (QPalette.ColorRole.AlternateBase, "#262626"),
        (QPalette.ColorRole.Text, "#e8e8e8"),
        (QPalette.ColorRole.Button, "#3a3a3a"),
        (QPalette.ColorRole.ButtonText, "#e8e8e8"),
        (QPalette.ColorRole.Highlight, "#3d8ee6"),
        (QPalette.ColorRole.HighlightedText, "#ffffff"),
        (QPalette.ColorRole.PlaceholderText, "#9a9a9a"),
        (QPalette.ColorRole.ToolTipBase, "#333333"),
        (QPalette.ColorRole.ToolTipText, "#e8e8e8"),
    ):
        dark.setColor(role, QColor(colour))
    for role in (QPalette.ColorRole.ButtonText, QPalette.ColorRole.Text, QPalette.ColorRole.WindowText):
        dark.setColor(QPalette.ColorGroup.Disabled, role, QColor("#6e6e6e"))
    app.setPalette(dark)
    try:
        window.open_document(seed_id(window.archive, "001"))
        window.panel.show_tab("details")
        pixmap = grab(window)
        pixmap.save(str(screenshots / "window-1280x800-dark-details.png"))
        # the panel's text is light on dark
        assert window.panel.details.palette().color(QPalette.ColorRole.Text).lightness() > 200
        window.panel.show_tab("translation")
        grab(window).save(str(screenshots / "window-1280x800-dark-translation.png"))
    finally:
        app.setPalette(light)


def test_every_script_without_boxes(qtbot, screenshots):
    label = QLabel("Сталин · 斯大林 · 스탈린 · 毛泽东 · 김일성 · Шифрованная телеграмма")
    label.setFont(fonts.serif_font(20))
    label.setAlignment(Qt.AlignmentFlag.AlignCenter)
    qtbot.addWidget(label)
    label.resize(900, 80)
    pixmap = label.grab()
    pixmap.save(str(screenshots / "scripts.png"))
    assert not_blank(pixmap)


def test_screenshot_command_renders_a_png(tmp_path, seeded, screenshots):
    out = render(
        seeded.path, screenshots / "command-004-transcript.png", document="004", tab="transcript", size=(1280, 800)
    )
    assert out.stat().st_size > 10_000
