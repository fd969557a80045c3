"""Helpers for the GUI tests: finding seeds, reading the list, making and attaching a scan."""

from __future__ import annotations

from viewer.gui.document_model import KEY_ROLE


def seed_id(archive, prefix: str) -> int:
    found = archive.resolve_id(prefix)
    assert found is not None, prefix
    return found


def listed_keys(main) -> list[str]:
    model = main.model
    return sorted(model.index(row, 0).data(KEY_ROLE)[:3]
                  for row in range(model.rowCount()))


def make_pdf(text: str, pages: int = 2) -> bytes:
    """A small PDF made here, in the test: each page says which page it is."""
    import pymupdf

    document = pymupdf.open()
    for number in range(pages):
        page = document.new_page(width=595, height=842)
        page.insert_text((72, 100), f"{text} — page {number + 1}", fontsize=24)
        page.draw_rect(pymupdf.Rect(60, 60, 535, 782), color=(0.2, 0.2, 0.6), width=3)
    data = document.tobytes()
    document.close()
    return data


def attach_scan(archive, document_id: int, pdf: bytes, pages: int) -> None:
    """Store a PDF as the document's scan with plain SQL (the PDF importer arrives with its own issue)."""
    import hashlib

    with archive.transaction():
        cursor = archive.conn.execute(
            "INSERT INTO files (sha256, name, mime, size, data, added_at) VALUES (?, ?, ?, ?, ?, ?)",
            (hashlib.sha256(pdf).hexdigest(), "scan.pdf", "application/pdf", len(pdf), pdf, "2024-01-01T00:00:00Z"))
        file_id = cursor.lastrowid
        archive.conn.executemany(
            "INSERT INTO pages (document_id, file_id, file_page, position, width, height) VALUES (?, ?, ?, ?, ?, ?)",
            [(document_id, file_id, n, n, 595, 842) for n in range(pages)])
        archive.conn.execute("UPDATE documents SET has_scan = 1 WHERE id = ?", (document_id,))
