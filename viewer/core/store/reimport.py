"""Re-importing a file keeps what people corrected: a corrected field keeps its correction; where the
file now says something else than both the correction and what it said when the field was corrected,
the document is flagged for review with both values, so the archivist decides."""

from __future__ import annotations

import json
from typing import Any

from ..curation import FIELDS
from ..field_values import describe
from .fields import Fields

Kept = dict[str, tuple[Any, dict[str, Any]]]  # field: (its corrected value, its correction record)


class Reimport(Fields):
    """The corrections a re-import reads before it writes, and puts back after."""

    def review_state(self, document_id: int) -> dict[str, Any]:
        row = self.conn.execute("SELECT needs_review, review_reasons FROM documents WHERE id = ?", (document_id,))
        needs_review, reasons = row.fetchone()
        return {"needs_review": bool(needs_review), "reasons": json.loads(reasons) if reasons else []}

    def write_review_state(self, document_id: int, state: dict[str, Any]) -> None:
        reasons = state["reasons"]
        self.conn.execute(
            "UPDATE documents SET needs_review = ?, review_reasons = ? WHERE id = ?",
            (int(state["needs_review"]), json.dumps(reasons, ensure_ascii=False) if reasons else None, document_id),
        )

    def corrected_values(self, document_id: int | None) -> Kept:
        """Every corrected field of a document with its value, read before a re-import replaces them."""
        if document_id is None:
            return {}
        kept: Kept = {}
        for field in self.corrected_fields(document_id):
            record = self.correction(document_id, field)
            assert record is not None
            value = self.field_value(document_id, field) if field in FIELDS else None
            kept[field] = (value, record)
        return kept

    def keep_corrections(self, document_id: int, kept: Kept) -> None:
        """Put the corrections back over what a re-import just wrote (inside its transaction), and flag
        the document where the file now disagrees with a correction."""
        if not kept:
            return
        state = self.review_state(document_id)
        reasons = list(state["reasons"])
        for field, (value, record) in kept.items():
            if field not in FIELDS:
                continue
            fresh = self.field_value(document_id, field)
            if fresh == value:
                continue
            self.write_field(document_id, field, value)
            if fresh != record["imported"]:
                reasons.append(
                    f"{FIELDS[field].label}: the file now says {describe(field, fresh)}; kept the correction "
                    f"{describe(field, value)} ({record['author']}, {str(record['at'])[:10]})"
                )
        reviewed = kept.get("review")
        if reviewed is not None and set(reasons) <= set(reviewed[1]["imported"] or []):
            self.write_review_state(document_id, {"needs_review": False, "reasons": []})  # seen and accepted
        else:
            self.write_review_state(document_id, {"needs_review": bool(reasons), "reasons": reasons})
