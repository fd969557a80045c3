"""The kiosk's look: large type and finger-sized targets on a warm paper background, the same on
every system theme."""

from __future__ import annotations

from PySide6.QtGui import QColor, QFont, QPalette
from PySide6.QtWidgets import QWidget


def stylesheet(point: float) -> str:
    """Large type and finger-sized targets on a warm paper background, whatever the system theme."""
    return f"""
    #kiosk, #kiosk_content, #kiosk_start, #kiosk_document, #kiosk_out_of_order {{ background: #f5f0e6; }}
    #kiosk QLabel {{ font-size: {point}pt; color: #2a2622; }}
    #kiosk #kiosk_title {{ font-size: {point * 2:.0f}pt; font-weight: 600; color: #5a2a14; }}
    #kiosk #kiosk_doc_title {{ font-size: {point * 1.5:.0f}pt; font-weight: 600; color: #5a2a14; }}
    #kiosk #kiosk_doc_meta, #kiosk #kiosk_hint, #kiosk #kiosk_list_caption, #kiosk #kiosk_timeline_caption
        {{ font-size: {point * 0.8:.0f}pt; color: #6b6257; }}
    #kiosk #kiosk_out_of_order_title {{ font-size: {point * 2:.0f}pt; color: #5a2a14; }}
    #kiosk #kiosk_out_of_order_reason {{ font-size: {point * 0.6:.0f}pt; color: #6b5d4f; }}
    #kiosk #kiosk_attract {{ font-size: {point * 1.2:.0f}pt; color: white; background: #7a3b1d;
        border-radius: 18px; padding: 14px 36px; }}
    #kiosk QPushButton {{ font-size: {point}pt; min-height: 64px; min-width: 64px; padding: 4px 20px;
        border-radius: 14px; border: 2px solid #b9ab94; background: #fffdf8; color: #2a2622; }}
    #kiosk QPushButton:pressed {{ background: #eadfcc; }}
    #kiosk QPushButton:checked {{ background: #7a3b1d; border-color: #7a3b1d; color: white; }}
    #kiosk QPushButton:disabled {{ color: #bdb4a6; border-color: #e0d8ca; }}
    #kiosk QToolButton {{ font-size: {point * 0.8:.0f}pt; min-height: 48px; min-width: 56px; }}
    #kiosk QLineEdit {{ font-size: {point}pt; min-height: 64px; padding: 0 18px; border-radius: 14px;
        border: 2px solid #b9ab94; background: white; }}
    #kiosk QListView, #kiosk #kiosk_introduction {{ background: transparent; border: none; }}
    #kiosk QScrollBar:vertical {{ width: 18px; background: transparent; margin: 0; }}
    #kiosk QScrollBar::handle:vertical {{ background: #cfc3ae; border-radius: 9px; min-height: 64px; }}
    #kiosk QScrollBar::add-line:vertical, #kiosk QScrollBar::sub-line:vertical {{ height: 0; }}
    #kiosk QScrollBar::add-page:vertical, #kiosk QScrollBar::sub-page:vertical {{ background: none; }}
    #kiosk #kiosk_pin_card {{ background: #fffdf8; border-radius: 20px; }}
    #kiosk #kiosk_pin_display {{ font-size: {point * 1.6:.0f}pt; min-height: 56px; }}
    """


def on_paper(widget: QWidget, point_size: float) -> None:
    """A widget that paints with its palette (the timeline) in the kiosk's type size and paper colours."""
    font = QFont(widget.font())
    font.setPointSizeF(point_size)
    widget.setFont(font)
    palette = widget.palette()
    for role, colour in (
        (QPalette.ColorRole.Base, "#fbf8f1"),
        (QPalette.ColorRole.Window, "#fbf8f1"),
        (QPalette.ColorRole.Text, "#2a2622"),
        (QPalette.ColorRole.WindowText, "#2a2622"),
    ):
        palette.setColor(role, QColor(colour))
    widget.setPalette(palette)
