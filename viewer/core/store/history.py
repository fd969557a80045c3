"""The history: every change with its author and time, what it changed before and after, and undo.

A change is a list of items (a field of a document, its correction record, a text, tags, the review
state, the trash, a group of people); each item knows its value before and after. Reverting a change
puts every ``before`` back in one transaction, after checking that each thing still holds what the
change left there (else ``Conflict``: someone changed it since). The revert is itself a change (an
``undo``, or a ``redo`` when it reverts an undo), so the history says who undid what, and the window's
undo stack and the command line's ``undo`` share one mechanism.

Each target has a reader ``_get_<target>(item)`` and a writer ``_set_<target>(item, value, author)``,
defined by the mixin that owns it (fields here, tags and review in tags.py, the trash in trash.py,
people in people.py); the Archive facade has them all.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from typing import Any

from ..curation import Change, ChangeItem, Conflict, NotReversible, UnknownDocument
from ..field_values import describe
from .connection import now
from .writing import Writing

# targets whose current value must equal the change's "after" before it may be reverted
CHECKED = ("field", "text", "tags", "review", "trash", "entities")
# targets whose writing changes what the search index holds
REINDEXED = ("field", "text")


def _json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True)


class History(Writing):
    """The changes, change_items and change_documents tables, and reverting changes."""

    def record_change(
        self,
        kind: str,
        label: str,
        author: str,
        items: Sequence[ChangeItem],
        *,
        reverts: int | None = None,
        reversible: bool = True,
        documents: Iterable[int] = (),
    ) -> Change:
        """Write one change (call inside the transaction that made it) and return it."""
        stamp = now()
        cursor = self.conn.execute(
            "INSERT INTO changes (kind, label, author, at, reverts, reversible) VALUES (?, ?, ?, ?, ?, ?)",
            (kind, label, author, stamp, reverts, int(reversible)),
        )
        change_id = int(cursor.lastrowid or 0)
        self.conn.executemany(
            "INSERT INTO change_items (change_id, document_id, target, name, before, after) VALUES (?, ?, ?, ?, ?, ?)",
            [(change_id, i.document_id, i.target, i.name, _json(i.before), _json(i.after)) for i in items],
        )
        touched = {i.document_id for i in items if i.document_id is not None} | set(documents)
        self.conn.executemany(
            "INSERT OR IGNORE INTO change_documents (document_id, change_id) VALUES (?, ?)",
            [(document_id, change_id) for document_id in sorted(touched)],
        )
        if reverts is not None:
            self.conn.execute("UPDATE changes SET reverted_by = ? WHERE id = ?", (change_id, reverts))
        return Change(change_id, kind, label, author, stamp, tuple(items), reverts, None, reversible, len(touched))

    # -- reading ------------------------------------------------------------------------------

    def change(self, change_id: int) -> Change | None:
        found = self._changes("WHERE c.id = ?", (change_id,))
        return found[0] if found else None

    def history(self, document_id: int) -> list[Change]:
        """Every change that touched a document, newest first (edits, tags, deletes, merges of its people)."""
        return self._changes(
            "WHERE c.id IN (SELECT change_id FROM change_documents WHERE document_id = ?) ORDER BY c.id DESC",
            (document_id,),
        )

    def recent_changes(self, limit: int = 50, author: str | None = None) -> list[Change]:
        where = "WHERE c.author = ? " if author else ""
        return self._changes(f"{where}ORDER BY c.id DESC LIMIT ?", ((author,) if author else ()) + (limit,))

    def _changes(self, where: str, params: Sequence[Any]) -> list[Change]:
        rows = self.conn.execute(
            "SELECT c.id, c.kind, c.label, c.author, c.at, c.reverts, c.reverted_by, c.reversible, "
            f"(SELECT count(*) FROM change_documents d WHERE d.change_id = c.id) FROM changes c {where}",
            params,
        ).fetchall()
        if not rows:
            return []
        items: dict[int, list[ChangeItem]] = {}
        ids = [row[0] for row in rows]
        for change_id, document_id, target, name, before, after in self.conn.execute(
            "SELECT change_id, document_id, target, name, before, after FROM change_items "
            f"WHERE change_id IN ({','.join('?' * len(ids))}) ORDER BY id",
            ids,
        ):
            items.setdefault(change_id, []).append(
                ChangeItem(document_id, target, name, json.loads(before), json.loads(after))
            )
        return [
            Change(id_, kind, label, author, at, tuple(items.get(id_, ())), reverts, reverted_by, bool(rev), count)
            for id_, kind, label, author, at, reverts, reverted_by, rev, count in rows
        ]

    # -- reverting ----------------------------------------------------------------------------

    def revert(self, change_id: int, author: str) -> Change:
        """Undo a change (or redo one, by reverting its undo) in one transaction; returns the new change."""
        change = self.change(change_id)
        if change is None:
            raise Conflict(f"no change {change_id} in the history")
        if not change.reversible:
            raise NotReversible(f"“{change.label}” cannot be undone")
        if change.reverted_by is not None:
            raise Conflict(f"“{change.label}” was undone already (change {change.reverted_by})")
        with self.transaction():
            for item in change.items:
                if item.target in CHECKED and self._current(item) != item.after:
                    raise Conflict(self._conflict_reason(change, item))
            for item in reversed(change.items):
                self._apply(item, item.before, author)
            self._after_writing(change.items)
            undoing = change.kind != "undo"
            label = f"Undo {change.label}" if undoing else f"Redo {change.label.removeprefix('Undo ')}"
            swapped = [ChangeItem(i.document_id, i.target, i.name, i.after, i.before) for i in change.items]
            return self.record_change(
                "undo" if undoing else "redo",
                label,
                author,
                swapped,
                reverts=change.id,
                documents=self._touched(change),
            )

    def undo_last(self, author: str) -> Change | None:
        """Undo the author's latest change still in effect (an edit, a delete, a redo: not an undo)."""
        found = self._one(
            "SELECT id FROM changes WHERE author = ? AND reverted_by IS NULL AND kind != 'undo' AND reversible "
            "ORDER BY id DESC LIMIT 1",
            (author,),
        )
        return self.revert(int(found), author) if found is not None else None

    def redo_last(self, author: str) -> Change | None:
        """Redo what the author undid last, unless they changed something else since (as an undo stack)."""
        found = self._one(
            "SELECT u.id FROM changes u WHERE u.author = ?1 AND u.kind = 'undo' AND u.reverted_by IS NULL "
            "AND NOT EXISTS (SELECT 1 FROM changes later WHERE later.author = ?1 AND later.id > u.id "
            "AND later.kind NOT IN ('undo', 'redo')) ORDER BY u.id DESC LIMIT 1",
            (author,),
        )
        return self.revert(int(found), author) if found is not None else None

    def _touched(self, change: Change) -> list[int]:
        return [
            row[0]
            for row in self.conn.execute("SELECT document_id FROM change_documents WHERE change_id = ?", (change.id,))
        ]

    def _conflict_reason(self, change: Change, item: ChangeItem) -> str:
        start = f"cannot undo “{change.label}”"
        if item.document_id is None:
            return f"{start}: the {item.name or item.target} has changed since"
        key = self.document_key(item.document_id)
        states = {"live": "in the archive", "trash": "in the trash", "gone": "emptied from the trash"}
        state = self.document_state(item.document_id)
        if item.target == "trash" or state != "live":
            return f"{start}: the document {key} is {states[state]}"
        if item.target == "field":
            now_value = describe(item.name, self._current(item))
            return f"{start}: the {item.name} of {key} has changed since (now {now_value})"
        return f"{start}: the {item.name or item.target} of {key} has changed since"

    def document_state(self, document_id: int) -> str:
        """ "live", "trash" (deleted, restorable) or "gone" (the trash was emptied)."""
        if self._one("SELECT 1 FROM documents WHERE id = ?", (document_id,)):
            return "live"
        return "trash" if self._one("SELECT 1 FROM trash WHERE document_id = ?", (document_id,)) else "gone"

    def _current(self, item: ChangeItem) -> Any:
        if (
            item.document_id is not None
            and item.target != "trash"
            and self._one("SELECT 1 FROM documents WHERE id = ?", (item.document_id,)) is None
        ):
            return UnknownDocument  # a document gone to the trash holds nothing a change can meet
        return getattr(self, f"_get_{item.target}")(item)

    def _apply(self, item: ChangeItem, value: Any, author: str) -> None:
        getattr(self, f"_set_{item.target}")(item, value, author)

    def _after_writing(self, items: Iterable[ChangeItem]) -> None:
        """What derived data a batch of writes needs: links resolved, the index rewritten."""
        touched = sorted({i.document_id for i in items if i.target in REINDEXED and i.document_id is not None})
        for document_id in touched:
            if self._one("SELECT 1 FROM documents WHERE id = ?", (document_id,)):
                self.resolve_links(document_id)
                self.reindex(document_id)

    # -- the targets this module owns ---------------------------------------------------------

    def _get_field(self, item: ChangeItem) -> Any:
        return self.field_value(item.document_id or 0, item.name)

    def _set_field(self, item: ChangeItem, value: Any, author: str) -> None:
        self.write_field(item.document_id or 0, item.name, value)

    def _get_provenance(self, item: ChangeItem) -> Any:
        return self.correction(item.document_id or 0, item.name)

    def _set_provenance(self, item: ChangeItem, value: Any, author: str) -> None:
        self.write_correction(item.document_id or 0, item.name, value)
