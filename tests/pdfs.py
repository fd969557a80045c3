"""PDFs made in the tests themselves (no fixture files): pages that say which page they are."""

from __future__ import annotations


def make_pdf(text: str, pages: int = 2) -> bytes:
    """A small PDF: each A4 page carries ``text, page N`` as real text and a vector frame."""
    import pymupdf

    document = pymupdf.open()
    for number in range(pages):
        page = document.new_page(width=595, height=842)
        page.insert_text((72, 100), f"{text}, page {number + 1}", fontsize=20)  # Helvetica: ASCII only
        page.draw_rect(pymupdf.Rect(60, 60, 535, 782), color=(0.2, 0.2, 0.6), width=3)
    data = document.tobytes()
    document.close()
    return data
