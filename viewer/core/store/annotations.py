"""Annotations as stored: highlights in texts, shapes on pages, and re-anchoring them after a
re-import replaced the texts and pages they point into (making and editing them is core.annotations)."""

from __future__ import annotations

from typing import Any

from ..anchoring import locate
from ..records import TEXT_KINDS, Annotation, ScanPage, Text
from . import rows
from .connection import Connection


class Annotations(Connection):
    """The annotations table and the texts and pages it points into."""

    ANNOTATION_COLUMNS = (
        "document_id",
        "part",
        "text_id",
        "page_id",
        "start",
        "end",
        "quote",
        "prefix",
        "suffix",
        "shape",
        "x0",
        "y0",
        "x1",
        "y1",
        "color",
        "note",
        "author",
        "status",
        "created_at",
        "updated_at",
    )

    def document_annotations(self, document_id: int) -> list[Annotation]:
        """A document's annotations as stored: text ones in reading order, then scan ones by page."""
        rows = self.conn.execute(
            "SELECT a.*, p.position AS page_position FROM annotations a LEFT JOIN pages p ON p.id = a.page_id "
            "WHERE a.document_id = ? ORDER BY a.part = 'scan', a.part, coalesce(p.position, a.start), a.start, a.id",
            (document_id,),
        )
        return [Annotation.from_row(row) for row in rows]

    def annotation(self, annotation_id: int) -> Annotation | None:
        row = self.conn.execute(
            "SELECT a.*, p.position AS page_position FROM annotations a LEFT JOIN pages p ON p.id = a.page_id "
            "WHERE a.id = ?",
            (annotation_id,),
        ).fetchone()
        return Annotation.from_row(row) if row else None

    def insert_annotation(self, values: dict[str, Any], annotation_id: int | None = None) -> int:
        """Insert one annotation (with its old id when an undo puts it back); call inside transaction()."""
        columns = [c for c in self.ANNOTATION_COLUMNS if c in values]
        names = (["id"] if annotation_id is not None else []) + columns
        params = ([annotation_id] if annotation_id is not None else []) + [values[c] for c in columns]
        cursor = self.conn.execute(
            f"INSERT INTO annotations ({', '.join(names)}) VALUES ({', '.join('?' * len(names))})", params
        )
        return int(cursor.lastrowid or annotation_id or 0)

    def update_annotation(self, annotation_id: int, values: dict[str, Any]) -> None:
        """Change some columns of one annotation; call inside transaction()."""
        columns = [c for c in self.ANNOTATION_COLUMNS if c in values]
        if columns:
            self.conn.execute(
                f"UPDATE annotations SET {', '.join(c + ' = ?' for c in columns)} WHERE id = ?",
                [*(values[c] for c in columns), annotation_id],
            )

    def delete_annotation(self, annotation_id: int) -> None:
        self.conn.execute("DELETE FROM annotations WHERE id = ?", (annotation_id,))

    def annotation_text(self, document_id: int, part: str) -> Text | None:
        """The text a part's annotations point into: the first text of that kind, as the window shows."""
        row = self.conn.execute(
            f"SELECT {rows.TEXT_COLUMNS} FROM texts WHERE document_id = ? AND kind = ? ORDER BY position LIMIT 1",
            (document_id, part),
        ).fetchone()
        return rows.text(row) if row else None

    def page_at(self, document_id: int, position: int) -> ScanPage | None:
        """The scan's page at ``position`` (0 is the first), with the file it comes from."""
        row = self.conn.execute(
            f"{rows.SCAN_PAGE_SELECT} WHERE p.document_id = ? AND p.position = ?", (document_id, position)
        ).fetchone()
        return ScanPage(*row) if row else None

    def annotations_adrift(self, document_id: int) -> bool:
        """Whether some annotation lost its text or page (a re-import replaced them) and needs re-anchoring."""
        return bool(
            self._one(
                "SELECT 1 FROM annotations WHERE document_id = ? AND ((part = 'scan' AND page_id IS NULL "
                "AND start IS NOT NULL) OR (part != 'scan' AND text_id IS NULL AND status = 'ok')) LIMIT 1",
                (document_id,),
            )
        )

    def reanchor_annotations(self, document_id: int) -> int:
        """Re-attach a document's annotations to its current texts and pages after a re-import (call
        inside a transaction); returns the number of annotations that now need review.

        Unchanged words keep their annotation as it was. Changed surroundings, or a replaced file under
        a scan annotation, keep the annotation but mark it ``needs_review``; words that are gone leave it
        unanchored (no offsets) and marked, so nothing is put on the wrong words."""
        review = 0
        texts = {part: self.annotation_text(document_id, part) for part in TEXT_KINDS}
        for annotation in self.document_annotations(document_id):
            assert annotation.id is not None
            if annotation.part == "scan":
                if annotation.page_id is not None or annotation.start is None:
                    continue
                page = self.page_at(document_id, annotation.start)
                # the page rows were replaced: the file changed, so the spot on the page may have moved
                self.update_annotation(annotation.id, {"page_id": page.id if page else None, "status": "needs_review"})
                review += 1
                continue
            text = texts.get(annotation.part)
            if text is None:
                self.update_annotation(
                    annotation.id, {"text_id": None, "start": None, "end": None, "status": "needs_review"}
                )
                review += 1
                continue
            if (
                annotation.text_id == text.id
                and annotation.start is not None
                and annotation.end is not None
                and text.body[annotation.start : annotation.end] == annotation.quote
            ):
                continue
            offset, exact = locate(
                text.body, annotation.quote or "", annotation.prefix or "", annotation.suffix or "", annotation.start
            )
            if offset is None:
                values: dict[str, Any] = {"text_id": text.id, "start": None, "end": None, "status": "needs_review"}
            else:
                values = {
                    "text_id": text.id,
                    "start": offset,
                    "end": offset + len(annotation.quote or ""),
                    "status": "ok" if exact and annotation.status == "ok" else "needs_review",
                }
            self.update_annotation(annotation.id, values)
            review += values["status"] == "needs_review"
        return review
