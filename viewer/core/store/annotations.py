"""Annotations as stored: highlights in texts, shapes on pages (the logic is in core.annotations)."""

from __future__ import annotations

import sqlite3
from typing import Any

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

    def annotation_rows(self, document_id: int) -> list[sqlite3.Row]:
        """A document's annotations: text ones in reading order, then scan ones by page."""
        return self.conn.execute(
            "SELECT a.*, p.position AS page_position FROM annotations a LEFT JOIN pages p ON p.id = a.page_id "
            "WHERE a.document_id = ? ORDER BY a.part = 'scan', a.part, coalesce(p.position, a.start), a.start, a.id",
            (document_id,),
        ).fetchall()

    def annotation_row(self, annotation_id: int) -> sqlite3.Row | None:
        return self.conn.execute(
            "SELECT a.*, p.position AS page_position FROM annotations a LEFT JOIN pages p ON p.id = a.page_id "
            "WHERE a.id = ?",
            (annotation_id,),
        ).fetchone()

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

    def annotation_text(self, document_id: int, part: str) -> sqlite3.Row | None:
        """The text a part's annotations point into: the first text of that kind, as the window shows."""
        return self.conn.execute(
            "SELECT id, body, language FROM texts WHERE document_id = ? AND kind = ? ORDER BY position LIMIT 1",
            (document_id, part),
        ).fetchone()

    def page_at(self, document_id: int, position: int) -> sqlite3.Row | None:
        return self.conn.execute(
            "SELECT id, position, width, height FROM pages WHERE document_id = ? AND position = ?",
            (document_id, position),
        ).fetchone()

    def annotation_counts(self) -> dict[int, int]:
        """Annotations per document, for listing which documents carry any."""
        return {
            row[0]: row[1]
            for row in self.conn.execute("SELECT document_id, count(*) FROM annotations GROUP BY document_id")
        }

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
        """Point a document's annotations at its current texts and pages after a re-import (see
        core.annotations.reanchor); returns how many now need review. Call inside transaction()."""
        from ..annotations import reanchor

        return reanchor(self, document_id)
