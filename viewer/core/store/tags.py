"""Tags on documents, and the review queue: marking documents reviewed and listing those that are not."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from ..curation import Change, ChangeItem, InvalidValue, ReviewEntry
from ..field_values import plural_label, tag_name
from .connection import now
from .history import History


class Tags(History):
    """The document_tags table, and the review flags of the documents table."""

    def tags(self) -> list[tuple[str, int]]:
        """Every tag with how many documents carry it, by name."""
        return [
            (r[0], r[1]) for r in self.conn.execute("SELECT tag, count(*) FROM document_tags GROUP BY tag ORDER BY tag")
        ]

    def document_tags(self, document_id: int) -> list[str]:
        return [
            r[0]
            for r in self.conn.execute(
                "SELECT tag FROM document_tags WHERE document_id = ? ORDER BY tag", (document_id,)
            )
        ]

    def tag(
        self, document_ids: Sequence[int], add: Iterable[str] = (), remove: Iterable[str] = (), *, author: str
    ) -> Change:
        """Add and remove tags on documents in one transaction (one change, one undo)."""
        adding = list(dict.fromkeys(tag_name(t) for t in add))
        removing = [t.lower() for t in dict.fromkeys(tag_name(t) for t in remove)]
        if not adding and not removing:
            raise InvalidValue("no tag to add or remove", "tags")
        ids = list(dict.fromkeys(document_ids))
        for document_id in ids:
            self.require_document(document_id)
        plan = []
        for document_id in ids:
            before = self.document_tags(document_id)
            kept = [t for t in before if t.lower() not in removing]
            after = sorted(kept + [t for t in adding if t.lower() not in {k.lower() for k in kept}], key=str.lower)
            if after != before:
                plan.append((document_id, before, after))
        if not plan:
            raise InvalidValue("nothing to change: the documents already carry these tags", "tags")
        with self.transaction():
            items = []
            for document_id, before, after in plan:
                self._write_tags(document_id, after)
                items.append(ChangeItem(document_id, "tags", "", before, after))
            what = " ".join([*(f"+{t}" for t in adding), *(f"-{t}" for t in dict.fromkeys(remove))])
            label = f"Tag {what}" + (f" on {plural_label(len(plan), 'document')}" if len(ids) > 1 else "")
            return self.record_change("tag", label, author, items)

    def _write_tags(self, document_id: int, tags: Sequence[str]) -> None:
        self.conn.execute("DELETE FROM document_tags WHERE document_id = ?", (document_id,))
        self.conn.executemany(
            "INSERT OR IGNORE INTO document_tags (tag, document_id) VALUES (?, ?)", [(t, document_id) for t in tags]
        )

    def _get_tags(self, item: ChangeItem) -> Any:
        return sorted(self.document_tags(item.document_id or 0), key=str.lower)

    def _set_tags(self, item: ChangeItem, value: Any, author: str) -> None:
        self._write_tags(item.document_id or 0, value)

    # -- review -------------------------------------------------------------------------------

    def review_queue(self, limit: int | None = None) -> list[ReviewEntry]:
        """The documents that need review, in date order, each with its reasons."""
        found = self.conn.execute(
            "SELECT id, key, title, date_start, review_reasons FROM documents WHERE needs_review = 1 "
            "ORDER BY sort_date, id LIMIT ?",
            (-1 if limit is None else limit,),
        )
        return [ReviewEntry(row[0], row[1], row[2], row[3], self.review_state(row[0])["reasons"]) for row in found]

    def review_reasons(self, document_id: int) -> list[str]:
        self.require_document(document_id)
        return list(self.review_state(document_id)["reasons"])

    def mark_reviewed(self, document_ids: Sequence[int], author: str) -> Change:
        """Accept documents as they stand: they leave the review queue, and a re-import that brings
        the same reasons again does not put them back."""
        ids = list(dict.fromkeys(document_ids))
        for document_id in ids:
            self.require_document(document_id)
        plan = [(d, self.review_state(d)) for d in ids]
        plan = [(d, state) for d, state in plan if state["needs_review"] or state["reasons"]]
        if not plan:
            raise InvalidValue("nothing to review: no chosen document needs review")
        stamp = now()
        with self.transaction():
            items = []
            for document_id, state in plan:
                cleared = {"needs_review": False, "reasons": []}
                self.write_review_state(document_id, cleared)
                record = self.correction(document_id, "review")
                seen = sorted(set((record["imported"] or []) if record else []) | set(state["reasons"]))
                reviewed = {"author": author, "at": stamp, "imported": seen}
                self.write_correction(document_id, "review", reviewed)
                items += [
                    ChangeItem(document_id, "review", "", state, cleared),
                    ChangeItem(document_id, "provenance", "review", record, reviewed),
                ]
            label = "Mark reviewed" + (f" ({plural_label(len(plan), 'document')})" if len(plan) > 1 else "")
            return self.record_change("review", label, author, items)

    def _get_review(self, item: ChangeItem) -> Any:
        return self.review_state(item.document_id or 0)

    def _set_review(self, item: ChangeItem, value: Any, author: str) -> None:
        self.write_review_state(item.document_id or 0, value)
