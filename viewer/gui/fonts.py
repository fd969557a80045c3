"""Glyphs for every script without system fonts.

A fresh machine (or the offscreen platform) may have no font with Chinese or Korean glyphs. PyMuPDF
ships "Droid Sans Fallback" (CJK, Cyrillic, Greek) inside its library; we hand its bytes to Qt at
start-up and put it behind every family we use, so no text ever shows missing-glyph boxes.
"""

from __future__ import annotations

from PySide6.QtCore import QByteArray
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

FALLBACK_FAMILY = "Droid Sans Fallback"
SERIF_CANDIDATES = (
    "Noto Serif",
    "Source Serif Pro",
    "Georgia",
    "Cambria",
    "DejaVu Serif",
    "Liberation Serif",
    "Times New Roman",
)
_registered: str | None = None


def register_fallback() -> str | None:
    """Register PyMuPDF's fallback font once; returns its family name (None if unavailable)."""
    global _registered
    if _registered is not None:
        return _registered
    families = QFontDatabase.families()
    if FALLBACK_FAMILY in families:
        _registered = FALLBACK_FAMILY
        return _registered
    try:
        import pymupdf

        buffer = pymupdf.Font("cjk").buffer
    except Exception:  # an unusual build without the font: Qt's own fallbacks remain
        return None
    font_id = QFontDatabase.addApplicationFontFromData(QByteArray(bytes(buffer)))
    if font_id < 0:
        return None
    names = QFontDatabase.applicationFontFamilies(font_id)
    _registered = names[0] if names else FALLBACK_FAMILY
    return _registered


def with_fallback(font: QFont) -> QFont:
    """The same font with the fallback family behind it."""
    fallback = register_fallback()
    if fallback:
        primary = font.families() or [font.family()]
        font.setFamilies([*[f for f in primary if f != fallback], fallback])
    return font


def install(app: QApplication) -> None:
    """Make the fallback font stand behind the application's default font and the usual families."""
    fallback = register_fallback()
    if not fallback:
        return
    for family in {app.font().family(), "DejaVu Sans", "DejaVu Serif", *SERIF_CANDIDATES}:
        QFont.insertSubstitution(family, fallback)
    app.setFont(with_fallback(app.font()))


def serif_font(point_size: float) -> QFont:
    """A serif for reading long text: the first installed of a few good ones, with the fallback behind."""
    available = set(QFontDatabase.families())
    family = next((f for f in SERIF_CANDIDATES if f in available), None)
    font = QFont(family) if family else QFont()
    if not family:
        font.setStyleHint(QFont.StyleHint.Serif)
    font.setPointSizeF(point_size)
    return with_fallback(font)
