"""Correcting documents: fields of one document or of many at once, and texts, each edit checked in
full before one transaction writes it with its history and each field's correction record."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from ..curation import FIELDS, TEXT_FIELDS, Change, ChangeItem, InvalidValue, field_spec
from ..field_values import field_list, normalise, plural_label
from ..text_edits import edits, follow
from .connection import now
from .history import History

Plan = list[tuple[int, str, Any, Any]]  # (document, field, before, after)
ANCHOR_COLUMNS = ("text_id", "start", "end", "quote", "prefix", "suffix", "status")
CONTEXT = 32  # characters of context kept around a quote (as core.annotations keeps them)


class Corrections(History):
    """``correct``, ``correct_many`` and ``correct_text``, and the text and annotation targets."""

    def correct(self, document_id: int, values: Mapping[str, Any], author: str) -> Change:
        """Correct fields of one document (see core.curation for each field's value); one transaction.
        Raises InvalidValue, UnknownDocument or UnknownEntity before anything is written."""
        return self.correct_many([document_id], values, author)

    def correct_many(self, document_ids: Sequence[int], values: Mapping[str, Any], author: str) -> Change:
        """Set the same fields on several documents in one transaction (one change, one undo)."""
        ids = list(dict.fromkeys(document_ids))
        if not ids:
            raise InvalidValue("no documents chosen")
        if not values:
            raise InvalidValue("nothing to change: no field given")
        for name in values:
            field_spec(name)
        for document_id in ids:
            self.require_document(document_id)
        plan = self._plan(ids, values)
        if not plan:
            raise InvalidValue("nothing to change: every value is as it was")
        with self.transaction():
            items = self._write_plan(plan, author)
            self._after_writing(items)
            names = sorted({name for _, name, _, _ in plan}, key=list(FIELDS).index)  # in the form's order
            label = f"Edit {field_list(names)}"
            if len(ids) > 1:
                label += f" of {plural_label(len({d for d, _, _, _ in plan}), 'document')}"
            kind = "text" if set(names) <= set(TEXT_FIELDS) else "edit"
            return self.record_change(kind, label, author, items)

    def correct_text(self, document_id: int, kind: str, body: str, author: str) -> Change:
        """Correct a transcript, translation or notes. Annotations on words the edit left alone move with
        them; those on changed words are kept over the new words and marked for review. Reindexed."""
        if kind not in TEXT_FIELDS:
            raise InvalidValue(f"no such text (texts: {', '.join(TEXT_FIELDS)})", kind)
        return self.correct(document_id, {kind: body}, author)

    def _plan(self, ids: Sequence[int], values: Mapping[str, Any]) -> Plan:
        plan: Plan = []
        for document_id in ids:
            for name, typed in values.items():
                current = self.field_value(document_id, name)
                value = normalise(name, typed, current)
                kind = FIELDS[name].kind
                if kind == "people":
                    value = self.resolve_people(name, value)
                elif kind == "links":
                    value = self.resolve_link_targets(document_id, value)
                elif name in TEXT_FIELDS and current is None and not value.strip():
                    continue
                if value != current:
                    plan.append((document_id, name, current, value))
        return plan

    def _write_plan(self, plan: Plan, author: str) -> list[ChangeItem]:
        items: list[ChangeItem] = []
        stamp = now()
        for document_id, name, before, after in plan:
            if name in TEXT_FIELDS:
                items += self._write_text_edit(document_id, name, before, after)
            else:
                self.write_field(document_id, name, after)
                items.append(ChangeItem(document_id, "field", name, before, after))
            record = self.correction(document_id, name)
            kept = {"author": author, "at": stamp, "imported": record["imported"] if record else before}
            self.write_correction(document_id, name, kept)
            items.append(ChangeItem(document_id, "provenance", name, record, kept))
        return items

    # -- texts and the annotations on them -----------------------------------------------------

    def _write_text_edit(self, document_id: int, kind: str, before: str | None, after: str) -> list[ChangeItem]:
        anchors = self._get_annotations(ChangeItem(document_id, "annotations", kind, None, None))
        self.write_text(document_id, kind, after)
        text = self.annotation_text(document_id, kind)
        if before is not None and text is not None:
            codes = edits(before, after)
            for values in anchors:
                start, end = values["start"], values["end"]
                if values["text_id"] != text.id or start is None or end is None:
                    continue
                new_start, new_end, touched = follow(codes, start, end)
                moved: dict[str, Any] = {"start": new_start, "end": new_end}
                if touched:
                    quote = after[new_start:new_end]
                    moved["status"] = "needs_review"
                    if quote.strip():
                        moved |= {
                            "quote": quote,
                            "prefix": after[max(0, new_start - CONTEXT) : new_start],
                            "suffix": after[new_end : new_end + CONTEXT],
                        }
                    else:  # the words are gone: kept, unanchored, for review
                        moved |= {"start": None, "end": None}
                if any(values[c] != v for c, v in moved.items()):
                    self.update_annotation(values["id"], moved | {"updated_at": now()})
        after_anchors = self._get_annotations(ChangeItem(document_id, "annotations", kind, None, None))
        return [
            ChangeItem(document_id, "text", kind, before, after),
            ChangeItem(document_id, "annotations", kind, anchors, after_anchors),
        ]

    def _get_text(self, item: ChangeItem) -> Any:
        return self.field_value(item.document_id or 0, item.name)

    def _set_text(self, item: ChangeItem, value: Any, author: str) -> None:
        self.write_text(item.document_id or 0, item.name, value)

    def _get_annotations(self, item: ChangeItem) -> list[dict[str, Any]]:
        """Where a text's annotations are anchored (not their notes or colours, which have their own undo)."""
        return [
            {"id": a.id, **{c: getattr(a, c) for c in ANCHOR_COLUMNS}}
            for a in self.document_annotations(item.document_id or 0)
            if a.part == item.name
        ]

    def _set_annotations(self, item: ChangeItem, value: Any, author: str) -> None:
        for anchor in value:
            if self.annotation(anchor["id"]) is not None:  # one deleted since stays deleted
                text_id = anchor["text_id"]
                if text_id is not None and self._one("SELECT 1 FROM texts WHERE id = ?", (text_id,)) is None:
                    text_id = None
                self.update_annotation(anchor["id"], {c: anchor[c] for c in ANCHOR_COLUMNS} | {"text_id": text_id})
