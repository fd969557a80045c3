"""Statements for exchange between archives: importing another archive's export, and merging one
archive into another (``core.merge``). Everything here is a plain read or a write meant to run
inside the caller's transaction: a merge is one transaction, however many documents it brings.

Documents of two archives are the same document when they share the sha256 of their source, else
their address (url), else their key; ids belong to each archive and are never compared.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from ..curation import ChangeItem
from .connection import now
from .entities import Entities

LINK_COLUMNS = ("relation", "target_number", "target_date", "target_hint", "evidence")


def _json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True)  # as the history writes its values


class Merging(Entities):
    """Matching documents across archives and writing what another archive brings."""

    def match_document(
        self, sha256: str | None, url: str | None, key: str | None, *, path: str | None = None
    ) -> int | None:
        """The document here that is ``sha256``'s, else imported from ``path``, else ``url``'s, else
        ``key``'s (the first found)."""
        for column, value in (("source_sha256", sha256), ("source_path", path), ("url", url), ("key", key)):
            if value:
                found = self._one(f"SELECT id FROM documents WHERE {column} = ? ORDER BY id LIMIT 1", (value,))
                if found is not None:
                    return int(found)
        return None

    def document_ids(self) -> list[int]:
        """Every live document's id, in id order (a merge reads the other archive in this order)."""
        return [int(row[0]) for row in self.conn.execute("SELECT id FROM documents ORDER BY id")]

    def outgoing_links(self, document_id: int) -> list[dict[str, Any]]:
        """A document's own links as stored, each with the key of the document it points to (or None)."""
        found = self.conn.execute(
            f"SELECT {', '.join('l.' + c for c in LINK_COLUMNS)}, d.key FROM links l "
            "LEFT JOIN documents d ON d.id = l.target_id WHERE l.source_id = ? ORDER BY l.id",
            (document_id,),
        )
        return [dict(zip((*LINK_COLUMNS, "target_key"), row, strict=True)) for row in found]

    def add_link(self, source_id: int, target_id: int | None, link: dict[str, Any]) -> bool:
        """Add a link (``LINK_COLUMNS`` of ``link``) unless the document has the same one; True if added."""
        values = [link.get(c) for c in LINK_COLUMNS]
        same = self._one(
            "SELECT 1 FROM links WHERE source_id = ? AND relation = ? AND evidence = ? AND target_id IS ?",
            (source_id, link["relation"], link["evidence"], target_id),
        )
        if same:
            return False
        self.conn.execute(
            f"INSERT INTO links (source_id, target_id, {', '.join(LINK_COLUMNS)}) VALUES (?, ?{', ?' * len(values)})",
            (source_id, target_id, *values),
        )
        return True

    def set_import_columns(
        self, document_id: int, *, source_name: str | None, source_path: str | None, imported_at: str | None
    ) -> None:
        """Where a document came from and when it first came in, as another archive recorded it."""
        self.conn.execute(
            "UPDATE documents SET source_name = ?, source_path = ?, imported_at = coalesce(?, imported_at) "
            "WHERE id = ?",
            (source_name, source_path, imported_at, document_id),
        )

    def set_review(self, document_id: int, needs_review: bool, reasons: Sequence[str]) -> None:
        """A document's review flag and reasons as given (a flag can stand without reasons)."""
        self.conn.execute(
            "UPDATE documents SET needs_review = ?, review_reasons = ? WHERE id = ?",
            (int(needs_review), json.dumps(list(reasons), ensure_ascii=False) if reasons else None, document_id),
        )

    def entity_aliases(self, kind: str, name: str) -> list[tuple[str, str]]:
        """(alias, alias kind) of one entity as this archive stores it."""
        return [
            (row[0], row[1])
            for row in self.conn.execute(
                "SELECT a.alias, a.kind FROM aliases a JOIN entities e ON e.id = a.entity_id "
                "WHERE e.kind = ? AND e.name = ? ORDER BY a.kind, a.alias",
                (kind, name),
            )
        ]

    def add_aliases(self, kind: str, name: str, aliases: Sequence[tuple[str, str]]) -> int:
        """Give an entity (made if missing) the aliases it lacks, with their kinds; returns how many."""
        entity_id = self._entity_id(kind, name)
        added = 0
        for alias, alias_kind in aliases:
            cursor = self.conn.execute(
                "INSERT OR IGNORE INTO aliases (entity_id, alias, kind) VALUES (?, ?, ?)",
                (entity_id, alias, alias_kind),
            )
            if cursor.rowcount:
                added += 1
                self.gazetteer().add_alias(name, alias, kind, alias_kind)
        return added

    def merge_collection(self, name: str, title: str, introduction: str, document_ids: Sequence[int]) -> int:
        """Make a collection, or add to the one of that name the documents it lacks (after its own, in
        the order given); returns how many documents were added."""
        collection_id = self._one("SELECT id FROM collections WHERE name = ?", (name,))
        if collection_id is None:
            cursor = self.conn.execute(
                "INSERT INTO collections (name, title, introduction, created_at) VALUES (?, ?, ?, ?)",
                (name, title, introduction or None, now()),
            )
            collection_id = int(cursor.lastrowid or 0)
        held = {
            row[0]
            for row in self.conn.execute(
                "SELECT document_id FROM collection_items WHERE collection_id = ?", (collection_id,)
            )
        }
        position = int(
            self._one(
                "SELECT coalesce(max(position) + 1, 0) FROM collection_items WHERE collection_id = ?", (collection_id,)
            )
        )
        added = 0
        for document_id in dict.fromkeys(document_ids):
            if document_id in held:
                continue
            self.conn.execute(
                "INSERT INTO collection_items (collection_id, document_id, position) VALUES (?, ?, ?)",
                (collection_id, document_id, position + added),
            )
            added += 1
        return added

    def add_tags(self, document_id: int, tags: Sequence[str]) -> list[str]:
        """Put tags on a document (inside the caller's transaction); returns those it did not carry yet
        (tags are compared without case, as the tags table does)."""
        held = {
            row[0].lower()
            for row in self.conn.execute("SELECT tag FROM document_tags WHERE document_id = ?", (document_id,))
        }
        added = [tag for tag in dict.fromkeys(tags) if tag.lower() not in held]
        self.conn.executemany(
            "INSERT OR IGNORE INTO document_tags (tag, document_id) VALUES (?, ?)", [(t, document_id) for t in added]
        )
        return added

    def trashed_keys(self) -> set[str]:
        """Keys of the documents in the trash (a merge does not bring back what was deleted here)."""
        return {row[0] for row in self.conn.execute("SELECT key FROM trash")}

    def insert_change(
        self,
        kind: str,
        label: str,
        author: str,
        at: str,
        items: Sequence[ChangeItem],
        *,
        reversible: bool = True,
        reverts: int | None = None,
    ) -> int:
        """Write a change of the history with its own time and author (a change another archive made,
        or one a merge decided); call inside a transaction. Returns its id here."""
        cursor = self.conn.execute(
            "INSERT INTO changes (kind, label, author, at, reverts, reversible) VALUES (?, ?, ?, ?, ?, ?)",
            (kind, label, author, at, reverts, int(reversible)),
        )
        change_id = int(cursor.lastrowid or 0)
        self.conn.executemany(
            "INSERT INTO change_items (change_id, document_id, target, name, before, after) VALUES (?, ?, ?, ?, ?, ?)",
            [(change_id, i.document_id, i.target, i.name, _json(i.before), _json(i.after)) for i in items],
        )
        self.conn.executemany(
            "INSERT OR IGNORE INTO change_documents (document_id, change_id) VALUES (?, ?)",
            [(d, change_id) for d in sorted({i.document_id for i in items if i.document_id is not None})],
        )
        return change_id

    def set_reverted_by(self, change_id: int, reverted_by: int) -> None:
        self.conn.execute("UPDATE changes SET reverted_by = ? WHERE id = ?", (reverted_by, change_id))
