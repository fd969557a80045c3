"""Deleting documents into the trash, restoring them whole, and emptying it.

A deleted document's rows leave the live tables for one JSON snapshot in ``trash`` (why, rather than a
``deleted`` flag: see schema_curation.py): the document row, texts, pages, annotations, people, numbers,
archival references, links both ways, tags, collection places, corrections and import records. Stored
files stay (``trash_files`` holds them) until the trash is emptied. Restoring puts every row back under
its old id where that id is free (a text or page id another document took meanwhile gets a new one, and
the annotations follow it), then resolves links and reindexes.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from ..curation import Change, ChangeItem, EmptiedTrash, InvalidValue, TrashEntry, UnknownDocument
from ..field_values import plural_label
from .connection import now
from .history import History
from .scans import Scans
from .text_codec import pack, unpack

# tables holding a document's own rows, by the column naming it; restored in this order
OWN_ROWS = (
    ("documents", "id"),
    ("texts", "document_id"),
    ("pages", "document_id"),
    ("annotations", "document_id"),
    ("reference_numbers", "document_id"),
    ("archival_refs", "document_id"),
    ("links", "source_id"),
    ("document_tags", "document_id"),
    ("corrections", "document_id"),
)
REMAPPED = ("texts", "pages", "annotations", "reference_numbers", "archival_refs", "links")  # rowid tables


class Trash(History, Scans):
    """The trash and trash_files tables."""

    def trash(self) -> list[TrashEntry]:
        """Deleted documents, the latest first."""
        found = self.conn.execute(
            "SELECT document_id, key, title, date_start, deleted_at, deleted_by, annotations, pages FROM trash "
            "ORDER BY deleted_at DESC, document_id"
        )
        return [TrashEntry(*row) for row in found]

    def delete_documents(self, document_ids: Sequence[int], author: str) -> Change:
        """Move documents to the trash in one transaction (undo restores them)."""
        ids = list(dict.fromkeys(document_ids))
        if not ids:
            raise InvalidValue("no documents chosen")
        for document_id in ids:
            self.require_document(document_id)
        with self.transaction():
            items = []
            for document_id in ids:
                self._to_trash(document_id, author)
                items.append(ChangeItem(document_id, "trash", "", "live", "trash"))
            return self.record_change("delete", self._label("Delete", ids), author, items)

    def restore_documents(self, document_ids: Sequence[int], author: str) -> Change:
        """Bring documents back from the trash, whole, under their old ids."""
        ids = list(dict.fromkeys(document_ids))
        if not ids:
            raise InvalidValue("no documents chosen")
        for document_id in ids:
            if self._one("SELECT 1 FROM trash WHERE document_id = ?", (document_id,)) is None:
                raise UnknownDocument(f"no document with id {document_id} in the trash")
        with self.transaction():
            items = []
            for document_id in ids:
                self._from_trash(document_id)
                items.append(ChangeItem(document_id, "trash", "", "trash", "live"))
            return self.record_change("restore", self._label("Restore", ids), author, items)

    def empty_trash(self, author: str, document_ids: Sequence[int] | None = None) -> EmptiedTrash:
        """Remove documents from the trash for good (all, or those given), and every stored file that
        nothing else uses. Recorded in the history; cannot be undone."""
        with self.transaction():
            if document_ids is None:
                ids = [r[0] for r in self.conn.execute("SELECT document_id FROM trash ORDER BY document_id")]
            else:
                ids = list(dict.fromkeys(document_ids))
                for document_id in ids:
                    if self._one("SELECT 1 FROM trash WHERE document_id = ?", (document_id,)) is None:
                        raise UnknownDocument(f"no document with id {document_id} in the trash")
            if not ids:
                return EmptiedTrash(0, 0)
            self.conn.executemany("DELETE FROM trash WHERE document_id = ?", [(i,) for i in ids])
            removed = self.drop_unused_files()
            items = [ChangeItem(i, "trash", "", "trash", "gone") for i in ids]
            self.record_change("purge", self._label("Empty the trash of", ids), author, items, reversible=False)
        return EmptiedTrash(len(ids), removed)

    def _label(self, verb: str, ids: Sequence[int]) -> str:
        return (
            f"{verb} {self.document_key(ids[0])}" if len(ids) == 1 else f"{verb} {plural_label(len(ids), 'document')}"
        )

    # -- the target -----------------------------------------------------------------------------

    def _get_trash(self, item: ChangeItem) -> str:
        return self.document_state(item.document_id or 0)

    def _set_trash(self, item: ChangeItem, value: Any, author: str) -> None:
        if value == "trash":
            self._to_trash(item.document_id or 0, author)
        elif value == "live":
            self._from_trash(item.document_id or 0)

    # -- moving rows ----------------------------------------------------------------------------

    def _columns(self, table: str) -> list[str]:
        """A table's stored columns (PRAGMA table_info leaves out the generated ones)."""
        return [row[1] for row in self.conn.execute(f"PRAGMA table_info({table})")]

    def _rows(self, table: str, column: str, document_id: int) -> list[dict[str, Any]]:
        columns = self._columns(table)
        order = "rowid" if table in (*REMAPPED, "documents") else ", ".join(columns)  # some have no rowid
        found = self.conn.execute(
            f"SELECT {', '.join(columns)} FROM {table} WHERE {column} = ? ORDER BY {order}", (document_id,)
        )
        rows = [dict(zip(columns, row, strict=True)) for row in found]
        if table == "texts":  # the snapshot is JSON: texts as text (packed again when restored)
            for row in rows:
                row["body"] = unpack(row["body"])
        return rows

    def _to_trash(self, document_id: int, author: str) -> None:
        snapshot: dict[str, Any] = {table: self._rows(table, column, document_id) for table, column in OWN_ROWS}
        snapshot["people"] = [
            {"kind": k, "name": n, "role": r, "as_written": w}
            for k, n, r, w in self.conn.execute(
                "SELECT e.kind, e.name, de.role, de.as_written FROM document_entities de "
                "JOIN entities e ON e.id = de.entity_id WHERE de.document_id = ? ORDER BY de.position",
                (document_id,),
            )
        ]
        snapshot["links_in"] = [
            r[0] for r in self.conn.execute("SELECT id FROM links WHERE target_id = ?", (document_id,))
        ]
        snapshot["imports"] = [
            r[0] for r in self.conn.execute("SELECT id FROM imports WHERE document_id = ?", (document_id,))
        ]
        snapshot["collections"] = [
            {"collection_id": c, "position": p}
            for c, p in self.conn.execute(
                "SELECT collection_id, position FROM collection_items WHERE document_id = ?", (document_id,)
            )
        ]
        document = snapshot["documents"][0]
        self.conn.execute(
            "INSERT INTO trash (document_id, key, title, date_start, deleted_at, deleted_by, annotations, pages, "
            "snapshot) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                document_id,
                document["key"],
                document["title"],
                document["date_start"],
                now(),
                author,
                len(snapshot["annotations"]),
                len(snapshot["pages"]),
                json.dumps(snapshot, ensure_ascii=False),
            ),
        )
        self.conn.executemany(
            "INSERT OR IGNORE INTO trash_files (document_id, file_id) VALUES (?, ?)",
            [(document_id, page["file_id"]) for page in snapshot["pages"]],
        )
        # everything else goes with the row (foreign keys cascade; the index row goes by trigger)
        self.conn.execute("DELETE FROM documents WHERE id = ?", (document_id,))

    def _insert(self, table: str, row: dict[str, Any], keep_id: bool) -> int:
        columns = [c for c in self._columns(table) if c in row and (keep_id or c != "id")]
        cursor = self.conn.execute(
            f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})",
            [row[c] for c in columns],
        )
        return int(cursor.lastrowid or 0)

    def _from_trash(self, document_id: int) -> None:
        snapshot = json.loads(self._one("SELECT snapshot FROM trash WHERE document_id = ?", (document_id,)))
        document = dict(snapshot["documents"][0])
        document["key"] = self.unique_key(document["key"])  # a newcomer may have taken the key meanwhile
        self._insert("documents", document, keep_id=True)
        new_ids: dict[str, dict[int, int]] = {table: {} for table in REMAPPED}
        for table, _ in OWN_ROWS[1:]:
            for row in snapshot.get(table, []):
                row = dict(row)
                if table == "annotations":
                    row["text_id"] = new_ids["texts"].get(row["text_id"]) if row["text_id"] is not None else None
                    row["page_id"] = new_ids["pages"].get(row["page_id"]) if row["page_id"] is not None else None
                if table == "texts":
                    row["body"] = pack(row["body"])
                if table == "links" and not self._one("SELECT 1 FROM documents WHERE id = ?", (row["target_id"],)):
                    row["target_id"] = None  # its target went to the trash too, or for good
                if table in REMAPPED:
                    free = self._one(f"SELECT 1 FROM {table} WHERE id = ?", (row["id"],)) is None
                    new_ids[table][row["id"]] = self._insert(table, row, keep_id=free)
                else:
                    self._insert(table, row, keep_id=True)
        for position, person in enumerate(snapshot["people"]):
            self.conn.execute(
                "INSERT OR IGNORE INTO document_entities (document_id, entity_id, role, as_written, position) "
                "VALUES (?, ?, ?, ?, ?)",
                (
                    document_id,
                    self._restored_entity(person["kind"], person["name"]),
                    person["role"],
                    person["as_written"],
                    position,
                ),
            )
        self.conn.executemany(
            "UPDATE links SET target_id = ? WHERE id = ? AND target_id IS NULL",
            [(document_id, link_id) for link_id in snapshot["links_in"]],
        )
        self.conn.executemany(
            "UPDATE imports SET document_id = ? WHERE id = ? AND document_id IS NULL",
            [(document_id, import_id) for import_id in snapshot["imports"]],
        )
        self.conn.executemany(
            "INSERT OR IGNORE INTO collection_items (collection_id, document_id, position) "
            "SELECT id, ?, ? FROM collections WHERE id = ?",
            [(document_id, c["position"], c["collection_id"]) for c in snapshot["collections"]],
        )
        self.conn.execute("DELETE FROM trash WHERE document_id = ?", (document_id,))
        self.resolve_links(document_id)
        self.reindex(document_id)

    def _restored_entity(self, kind: str, name: str) -> int:
        """The entity a restored mention names: the same one, or (merged away since) the one that took
        its name as an alias, or else it is made again."""
        found = self._one("SELECT id FROM entities WHERE kind = ? AND name = ?", (kind, name))
        if found is None:
            found = self._one(
                "SELECT e.id FROM aliases a JOIN entities e ON e.id = a.entity_id WHERE a.alias = ? "
                "ORDER BY e.kind = ? DESC, e.id LIMIT 1",
                (name, kind),
            )
        return int(found) if found is not None else self._entity_id(kind, name)
