"""The correctable fields of a document, read and written as the plain values ``core.curation`` defines,
and which of them someone corrected (the ``corrections`` table).

Reading a field and writing back what was read gives the same value again: the history compares a
field's value with what a change left there before it reverts the change, so the two must agree.
The writers here check nothing and record nothing; ``corrections.py`` and ``history.py`` do both.
"""

from __future__ import annotations

import json
from typing import Any

from ..classification import normalise as classification_group
from ..curation import FIELDS, PEOPLE_ROLES, REF_PARTS, TEXT_FIELDS, FieldSource, InvalidValue, UnknownDocument
from .annotations import Annotations
from .connection import now
from .documents import documents_named
from .index import Index
from .text_codec import pack

DATE_COLUMNS = ("date_text", "date_start", "date_end", "date_precision")
LINK_COLUMNS = ("relation", "target_id", "target_number", "target_date", "target_hint", "evidence")


class Fields(Index, Annotations):
    """Each field's reader and writer, by name, and the corrections table."""

    def next_document_id(self) -> int:
        """The id a new document gets. Ids are never reused: the trash and the history name documents by
        id, so a document deleted for good must not hand its id (and its history) to a newcomer."""
        return 1 + max(
            int(self._one("SELECT coalesce(max(id), 0) FROM documents")),
            int(self._one("SELECT coalesce(max(document_id), 0) FROM trash")),
            int(self._one("SELECT coalesce(max(document_id), 0) FROM change_documents")),
        )

    def require_document(self, document_id: int) -> None:
        if self._one("SELECT 1 FROM documents WHERE id = ?", (document_id,)) is None:
            where = (
                " (it is in the trash)"
                if self._one("SELECT 1 FROM trash WHERE document_id = ?", (document_id,))
                else ""
            )
            raise UnknownDocument(f"no document with id {document_id}{where}")

    def document_key(self, document_id: int) -> str:
        key = self._one("SELECT key FROM documents WHERE id = ?", (document_id,))
        if key is None:
            key = self._one("SELECT key FROM trash WHERE document_id = ?", (document_id,))
        return str(key) if key is not None else str(document_id)

    # -- reading ------------------------------------------------------------------------------

    def field_value(self, document_id: int, name: str) -> Any:
        """One field's current value (see core.curation for each field's form)."""
        spec = FIELDS[name]
        if spec.column is not None:
            return self._one(f"SELECT {spec.column} FROM documents WHERE id = ?", (document_id,))
        if name == "date":
            row = self.conn.execute(f"SELECT {', '.join(DATE_COLUMNS)} FROM documents WHERE id = ?", (document_id,))
            text, start, end, precision = row.fetchone()
            return {"text": text or "", "start": start, "end": end, "precision": precision}
        if name in PEOPLE_ROLES:
            found = self.conn.execute(
                "SELECT e.name, e.kind, de.as_written FROM document_entities de JOIN entities e ON e.id = de.entity_id "
                "WHERE de.document_id = ? AND de.role = ? ORDER BY de.position",
                (document_id, PEOPLE_ROLES[name]),
            )
            return [{"name": n, "kind": k, "as_written": w or n} for n, k, w in found]
        if name == "archival_refs":
            found = self.conn.execute(
                f"SELECT {', '.join(REF_PARTS)} FROM archival_refs WHERE document_id = ? ORDER BY id", (document_id,)
            )
            return [dict(zip(REF_PARTS, row, strict=True)) for row in found]
        if name == "reference_numbers":
            found = self.conn.execute(
                "SELECT number, label, role FROM reference_numbers WHERE document_id = ? ORDER BY id", (document_id,)
            )
            return [{"number": n, "label": label, "role": r} for n, label, r in found]
        if name == "links":
            found = self.conn.execute(
                f"SELECT {', '.join(LINK_COLUMNS)} FROM links WHERE source_id = ? ORDER BY id", (document_id,)
            )
            return [dict(zip(LINK_COLUMNS, row, strict=True)) for row in found]
        text = self.annotation_text(document_id, name)
        return text.body if text is not None else None

    def field_values(self, document_id: int) -> dict[str, Any]:
        """Every correctable field of a document, for an editor form."""
        self.require_document(document_id)
        return {name: self.field_value(document_id, name) for name in FIELDS}

    # -- writing (no checks, no history: call inside transaction()) -------------------------------

    def write_field(self, document_id: int, name: str, value: Any) -> None:
        """Store a field's value as given (already normalised and resolved); the caller reindexes."""
        spec = FIELDS[name]
        if spec.column is not None:
            self.conn.execute(f"UPDATE documents SET {spec.column} = ? WHERE id = ?", (value, document_id))
            if spec.column == "classification":  # the group the filter selects on goes with its spelling
                group = classification_group(value)
                self.conn.execute("UPDATE documents SET classification_group = ? WHERE id = ?", (group, document_id))
        elif name == "date":
            self.conn.execute(
                "UPDATE documents SET date_text = ?, date_start = ?, date_end = ?, date_precision = ? WHERE id = ?",
                (value["text"], value["start"], value["end"], value["precision"], document_id),
            )
        elif name in PEOPLE_ROLES:
            role = PEOPLE_ROLES[name]
            self.conn.execute("DELETE FROM document_entities WHERE document_id = ? AND role = ?", (document_id, role))
            after = self._one(
                "SELECT coalesce(max(position) + 1, 0) FROM document_entities WHERE document_id = ?", (document_id,)
            )  # in the order given, after the document's other mentions (as a new rowid came after them)
            for number, entry in enumerate(value):
                self.conn.execute(
                    "INSERT OR IGNORE INTO document_entities (document_id, entity_id, role, as_written, position) "
                    "VALUES (?, ?, ?, ?, ?)",
                    (
                        document_id,
                        self._entity_id(entry["kind"], entry["name"]),
                        role,
                        entry["as_written"],
                        after + number,
                    ),
                )
        elif name == "archival_refs":
            self.conn.execute("DELETE FROM archival_refs WHERE document_id = ?", (document_id,))
            self.conn.executemany(
                f"INSERT INTO archival_refs (document_id, {', '.join(REF_PARTS)}) VALUES (?{', ?' * len(REF_PARTS)})",
                [(document_id, *(ref[part] for part in REF_PARTS)) for ref in value],
            )
        elif name == "reference_numbers":
            self.conn.execute("DELETE FROM reference_numbers WHERE document_id = ?", (document_id,))
            self.conn.executemany(
                "INSERT INTO reference_numbers (document_id, number, label, role) VALUES (?, ?, ?, ?)",
                [(document_id, r["number"], r["label"], r["role"]) for r in value],
            )
        elif name == "links":
            self.conn.execute("DELETE FROM links WHERE source_id = ?", (document_id,))
            for link in value:
                target = link["target_id"]
                if target is not None and self._one("SELECT 1 FROM documents WHERE id = ?", (target,)) is None:
                    target = None  # the document it pointed to went to the trash since
                self.conn.execute(
                    f"INSERT INTO links (source_id, {', '.join(LINK_COLUMNS)}) VALUES (?{', ?' * len(LINK_COLUMNS)})",
                    (document_id, link["relation"], target, *(link[c] for c in LINK_COLUMNS[2:])),
                )
        else:
            self.write_text(document_id, name, value)
        self.conn.execute("UPDATE documents SET updated_at = ? WHERE id = ?", (now(), document_id))

    def write_text(self, document_id: int, kind: str, body: str | None) -> None:
        """Replace the body of a document's first text of ``kind`` (None removes it; a new one is typed)."""
        text = self.annotation_text(document_id, kind)
        if body is None:
            if text is not None:
                self.conn.execute("DELETE FROM texts WHERE id = ?", (text.id,))
        elif text is None:
            position = self._one(
                "SELECT coalesce(max(position) + 1, 0) FROM texts WHERE document_id = ?", (document_id,)
            )
            self.conn.execute(
                "INSERT INTO texts (document_id, kind, body, origin, position) VALUES (?, ?, ?, 'manual', ?)",
                (document_id, kind, pack(body), position),
            )
        else:
            self.conn.execute("UPDATE texts SET body = ? WHERE id = ?", (pack(body), text.id))
        self.conn.execute(
            "UPDATE documents SET "
            "has_transcript = EXISTS (SELECT 1 FROM texts WHERE document_id = ?1 AND kind = 'transcript'), "
            "has_translation = EXISTS (SELECT 1 FROM texts WHERE document_id = ?1 AND kind = 'translation') "
            "WHERE id = ?1",
            (document_id,),
        )

    # -- resolving what was typed --------------------------------------------------------------

    def resolve_people(self, field: str, entries: list[dict[str, Any]]) -> list[dict[str, Any]]:
        """Typed names as the entities they stand for: one in the archive (by name, then alias), one the
        gazetteer knows, or a new one under the name as typed."""
        resolved: dict[tuple[str, str], dict[str, Any]] = {}
        for entry in entries:
            name, kind = self._entity_named(entry["name"], entry["kind"], "place" if field == "places" else "person")
            resolved.setdefault((kind, name), {"name": name, "kind": kind, "as_written": entry["as_written"]})
        return list(resolved.values())

    def _entity_named(self, typed: str, kind: str | None, default_kind: str) -> tuple[str, str]:
        kinds = [kind] if kind else ["person", "organization", "place"]
        for wanted in kinds:
            if self._one("SELECT 1 FROM entities WHERE kind = ? AND name = ?", (wanted, typed)):
                return typed, wanted
        for wanted in kinds:
            row = self.conn.execute(
                "SELECT e.name FROM aliases a JOIN entities e ON e.id = a.entity_id WHERE a.alias = ? AND e.kind = ? "
                "ORDER BY e.id LIMIT 1",
                (typed, wanted),
            ).fetchone()
            if row:
                return row[0], wanted
        entity = self.gazetteer().named(typed)
        if entity is not None and entity.kind in kinds:
            return entity.name, entity.kind
        return typed, kind or default_kind

    def resolve_link_targets(self, document_id: int, links: list[dict[str, Any]]) -> list[dict[str, Any]]:
        """Links as typed with their targets found: an id or a key of a document here, never itself."""
        result: list[dict[str, Any]] = []
        for link in links:
            link = dict(link)
            typed = link.pop("target", None)
            if typed is not None:
                link["target_id"] = self._document_named(typed)
            if link["target_id"] is not None:
                target = int(link["target_id"])
                self.require_document(target)
                if target == document_id:
                    raise InvalidValue("a document cannot link to itself", "links")
                link["target_id"] = target
            if not any(
                (other["relation"], other["target_id"]) == (link["relation"], link["target_id"])
                and link["target_id"] is not None
                for other in result
            ):
                result.append(link)
        return result

    def _document_named(self, typed: str) -> int:
        """A document from what a user types, by the rule of ``documents_named`` (a key, the start
        of one key, or an id)."""
        found = documents_named(self.conn, typed, 2)
        if len(found) != 1:
            raise UnknownDocument(f"{'no' if not found else 'more than one'} document “{typed}” to link to", "links")
        return found[0][0]

    # -- corrections ---------------------------------------------------------------------------

    def correction(self, document_id: int, field: str) -> dict[str, Any] | None:
        """The correction record of one field (author, at, imported), or None when it is as imported."""
        row = self.conn.execute(
            "SELECT author, at, imported FROM corrections WHERE document_id = ? AND field = ?", (document_id, field)
        ).fetchone()
        if row is None:
            return None
        return {"author": row[0], "at": row[1], "imported": json.loads(row[2]) if row[2] is not None else None}

    def write_correction(self, document_id: int, field: str, record: dict[str, Any] | None) -> None:
        self.conn.execute("DELETE FROM corrections WHERE document_id = ? AND field = ?", (document_id, field))
        if record is not None:
            self.conn.execute(
                "INSERT INTO corrections (document_id, field, imported, author, at) VALUES (?, ?, ?, ?, ?)",
                (
                    document_id,
                    field,
                    json.dumps(record["imported"], ensure_ascii=False),
                    record["author"],
                    record["at"],
                ),
            )

    def provenance(self, document_id: int) -> dict[str, FieldSource]:
        """For every field: imported, or corrected by whom and when."""
        self.require_document(document_id)
        corrected = {
            row[0]: row[1:]
            for row in self.conn.execute(
                "SELECT field, author, at, imported FROM corrections WHERE document_id = ?", (document_id,)
            )
        }
        imported_at = self._one("SELECT imported_at FROM documents WHERE id = ?", (document_id,))
        result = {}
        for name in FIELDS:
            if name in corrected:
                author, at, imported = corrected[name]
                value = json.loads(imported) if imported is not None else None
                result[name] = FieldSource(name, "correction", author, at, value)
            else:
                result[name] = FieldSource(name, "import", None, imported_at)
        return result

    def corrected_fields(self, document_id: int) -> list[str]:
        return [
            row[0]
            for row in self.conn.execute(
                "SELECT field FROM corrections WHERE document_id = ? ORDER BY field", (document_id,)
            )
        ]


assert set(TEXT_FIELDS) <= set(FIELDS)
