"""Scans: original files stored once by content, and the pages a document takes from them."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from ..names import printable
from ..records import FileInfo, ScanPage, StoredPage
from . import rows
from .connection import Connection, now


class Scans(Connection):
    """The files and pages tables."""

    def scan_pages(self, document_id: int) -> list[ScanPage]:
        """A document's scanned pages in reading order, with the file each comes from."""
        found = self.conn.execute(
            f"{rows.SCAN_PAGE_SELECT} WHERE p.document_id = ? ORDER BY p.position", (document_id,)
        )
        return [ScanPage(*row) for row in found]

    def file_bytes(self, file_id: int) -> bytes | None:
        """The stored original file (a PDF, an image), for rendering its pages."""
        data = self._one("SELECT data FROM files WHERE id = ?", (file_id,))
        return bytes(data) if data is not None else None

    def store_file(self, sha256: str, name: str, mime: str, data: bytes) -> int:
        """The id of a file stored once by content; call inside transaction()."""
        self.conn.execute(
            "INSERT OR IGNORE INTO files (sha256, name, mime, size, data, added_at) VALUES (?, ?, ?, ?, ?, ?)",
            (sha256, printable(name), mime, len(data), data, now()),
        )
        return int(self._one("SELECT id FROM files WHERE sha256 = ?", (sha256,)))

    def file_info(self, file_id: int) -> FileInfo | None:
        row = self.conn.execute(
            "SELECT id, sha256, name, mime, size, added_at FROM files WHERE id = ?", (file_id,)
        ).fetchone()
        return FileInfo(*row) if row else None

    def save_pages(
        self, document_id: int, file_id: int, pages: Sequence[dict[str, Any]], *, append: bool = False
    ) -> None:
        """Write a document's pages from one file (replacing its pages unless ``append``), mark
        it as having a scan and drop files no page uses any more; call inside transaction()."""
        if append:
            start = int(
                self._one("SELECT coalesce(max(position) + 1, 0) FROM pages WHERE document_id = ?", (document_id,))
            )
        else:
            start = 0
            self.conn.execute("DELETE FROM pages WHERE document_id = ?", (document_id,))
        self.conn.executemany(
            "INSERT INTO pages (document_id, file_id, file_page, position, width, height, text, text_origin, "
            "ocr_confidence, needs_ocr) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [
                (
                    document_id,
                    file_id,
                    p["file_page"],
                    start + n,
                    p.get("width"),
                    p.get("height"),
                    p.get("text"),
                    p.get("text_origin"),
                    p.get("ocr_confidence"),
                    int(bool(p.get("needs_ocr"))),
                )
                for n, p in enumerate(pages)
            ],
        )
        self.conn.execute("UPDATE documents SET has_scan = 1, updated_at = ? WHERE id = ?", (now(), document_id))
        self.drop_unused_files()

    def drop_unused_files(self) -> int:
        """Remove stored files no page uses, neither a live document's nor one in the trash."""
        cursor = self.conn.execute(
            "DELETE FROM files WHERE id NOT IN (SELECT DISTINCT file_id FROM pages) "
            "AND id NOT IN (SELECT file_id FROM trash_files)"
        )
        return cursor.rowcount

    def page_rows(self, document_id: int) -> list[StoredPage]:
        """Every column of a document's pages but the file bytes, in reading order."""
        found = self.conn.execute(
            f"SELECT {rows.STORED_PAGE_COLUMNS} FROM pages WHERE document_id = ? ORDER BY position", (document_id,)
        )
        return [rows.stored_page(row) for row in found]

    def documents_needing_ocr(self) -> list[int]:
        return [
            row[0]
            for row in self.conn.execute("SELECT DISTINCT document_id FROM pages WHERE needs_ocr ORDER BY document_id")
        ]

    def set_page_text(self, page_id: int, text: str, origin: str, confidence: float | None) -> None:
        self.conn.execute(
            "UPDATE pages SET text = ?, text_origin = ?, ocr_confidence = ?, needs_ocr = 0 WHERE id = ?",
            (text, origin, confidence, page_id),
        )

    def has_file(self, document_id: int, sha256: str) -> bool:
        """Whether a file with these bytes already gives pages to the document."""
        return bool(
            self._one(
                "SELECT 1 FROM pages p JOIN files f ON f.id = p.file_id "
                "WHERE p.document_id = ? AND f.sha256 = ? LIMIT 1",
                (document_id, sha256),
            )
        )

    def page_counts(self, document_id: int) -> tuple[int, int]:
        """(pages, pages still needing OCR) of a document."""
        row = self.conn.execute(
            "SELECT count(*), coalesce(sum(needs_ocr), 0) FROM pages WHERE document_id = ?", (document_id,)
        ).fetchone()
        return int(row[0]), int(row[1])
