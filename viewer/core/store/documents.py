"""Reading one document: its fields, texts, people, numbers, links, and the record of it all."""

from __future__ import annotations

import sqlite3

from ..records import ArchivalRef, Document, DocumentRecord, Link, Person, ReferenceNumber, Text
from . import rows
from .connection import Connection

LINK_LABELS = {
    ("reply_to", "out"): "reply to",
    ("reply_to", "in"): "replied by",
    ("continues", "out"): "continues",
    ("continues", "in"): "continued by",
    ("related", "out"): "related",
    ("related", "in"): "related",
}


def documents_named(conn: sqlite3.Connection, typed: str, most: int = 5) -> list[tuple[int, str]]:
    """The documents (id, key) a typed name may mean, by one rule for every command:

    - a whole key is its document; ``id:7`` the document whose id is 7 (``list`` prints ids first);
    - otherwise every key that starts with the text fits ("001_56bc"), and a number fits every
      key whose number is the same ("1" and "001" both fit 001_…);
    - a number is also an id: "1" fits id 1 as well; written with leading zeros ("001") it is a
      key first, and an id only when no key fits.

    One fit is the document; several make the text ambiguous, and the whole key or ``id:N`` picks
    one. So on the seeds, whose keys number from 000, ``001`` is 001_… and ``1`` is ambiguous
    (001_… or id 1, which is 000_…). At most ``most`` fits are returned."""
    text = typed.strip()
    by_id = "SELECT id, key FROM documents WHERE id = ?"
    if text[:3].lower() == "id:":
        number = text[3:].strip()
        row = conn.execute(by_id, (int(number),)).fetchone() if number.isdigit() else None
        return [(int(row[0]), str(row[1]))] if row else []
    exact = conn.execute("SELECT id, key FROM documents WHERE key = ?", (text,)).fetchone()
    if exact:
        return [(int(exact[0]), str(exact[1]))]
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    sql = "SELECT id, key FROM documents WHERE key LIKE ? ESCAPE '\\'"
    params: list[object] = [escaped + "%"]
    if text.isdigit():  # the key's own number: its leading digits ("001_56bc" is 1)
        sql += " OR (key GLOB '[0-9]*' AND CAST(key AS INTEGER) = ?)"
        params.append(int(text))
    found = {int(row[0]): str(row[1]) for row in conn.execute(sql + " ORDER BY key LIMIT ?", (*params, most))}
    if text.isdigit() and (not found or not text.startswith("0")):
        row = conn.execute(by_id, (int(text),)).fetchone()
        if row:
            found = {int(row[0]): str(row[1]), **found}  # the id first
    return list(found.items())


class Documents(Connection):
    """Reads of one document and a few archive-wide figures."""

    def documents_named(self, typed: str, most: int = 5) -> list[tuple[int, str]]:
        """Every document (id, key) what a user types may mean; one means it is known, several
        that it is ambiguous. The rule is :func:`documents_named`'s."""
        return documents_named(self.conn, typed, most)

    def resolve_id(self, text: str) -> int | None:
        """A document id from what a user types (see :func:`documents_named`); None when no
        document or more than one fits."""
        found = documents_named(self.conn, text, 2)
        return found[0][0] if len(found) == 1 else None

    def document_row(self, document_id: int) -> Document | None:
        """A document's own fields (no texts, people or links)."""
        row = self.conn.execute(
            f"SELECT {rows.DOCUMENT_COLUMNS} FROM documents WHERE id = ?", (document_id,)
        ).fetchone()
        return rows.document(row) if row else None

    def texts(self, document_id: int) -> list[Text]:
        """A document's texts in reading order."""
        return [
            rows.text(row)
            for row in self.conn.execute(
                f"SELECT {rows.TEXT_COLUMNS} FROM texts WHERE document_id = ? ORDER BY position", (document_id,)
            )
        ]

    def people(self, document_id: int) -> list[Person]:
        """Who a document names, senders first, each with every alias the archive knows."""
        found = self.conn.execute(
            "SELECT e.id, e.kind, e.name, e.note, de.role, de.as_written FROM document_entities de "
            "JOIN entities e ON e.id = de.entity_id WHERE de.document_id = ? "
            "ORDER BY CASE de.role WHEN 'sender' THEN 0 WHEN 'recipient' THEN 1 WHEN 'signatory' THEN 2 "
            "WHEN 'mentioned' THEN 3 ELSE 4 END, e.name",
            (document_id,),
        ).fetchall()
        aliases: dict[int, list[str]] = {}  # every named entity's aliases in one query, not one per person
        for entity_id, alias in self.conn.execute(
            "SELECT entity_id, alias FROM aliases WHERE entity_id IN "
            "(SELECT entity_id FROM document_entities WHERE document_id = ?) ORDER BY entity_id, kind, alias",
            (document_id,),
        ):
            aliases.setdefault(entity_id, []).append(alias)
        return [
            Person(name, kind, role, as_written, note, list(aliases.get(entity_id, [])))
            for entity_id, kind, name, note, role, as_written in found
        ]

    def reference_numbers(self, document_id: int) -> list[ReferenceNumber]:
        return [
            ReferenceNumber(*row)
            for row in self.conn.execute(
                "SELECT number, label, role FROM reference_numbers WHERE document_id = ? ORDER BY id", (document_id,)
            )
        ]

    def archival_refs(self, document_id: int) -> list[ArchivalRef]:
        return [
            ArchivalRef(*row)
            for row in self.conn.execute(
                "SELECT raw, archive, fond, opis, delo, papka, listy FROM archival_refs "
                "WHERE document_id = ? ORDER BY id",
                (document_id,),
            )
        ]

    def links(self, document_id: int) -> list[Link]:
        """Links from and to a document, each seen from this document's side."""
        found = self.conn.execute(
            """SELECT l.relation, l.evidence, l.target_number, l.target_date, l.target_id AS other,
                      d.key AS other_key, d.title AS other_title, d.date_start AS other_date, 'out' AS direction
               FROM links l LEFT JOIN documents d ON d.id = l.target_id WHERE l.source_id = ?
               UNION ALL
               SELECT l.relation, l.evidence, l.target_number, l.target_date, l.source_id,
                      d.key, d.title, d.date_start, 'in'
               FROM links l JOIN documents d ON d.id = l.source_id WHERE l.target_id = ?""",
            (document_id, document_id),
        ).fetchall()
        result = []
        for relation, evidence, target_number, target_date, other, key, title, date, direction in found:
            unresolved = target_number or target_date if other is None else None
            label = LINK_LABELS[(relation, direction)]
            result.append(Link(relation, direction, label, other, key, title, date, evidence, unresolved))
        return result

    def record(self, document_id: int) -> DocumentRecord | None:
        """A document with every field, named as in the seeds' EXPECTED.md (for JSON and views)."""
        row = self.document_row(document_id)
        if row is None:
            return None
        people = self.people(document_id)

        def by_role(role: str) -> str | None:
            names = [p.name for p in people if p.role == role]
            return "; ".join(names) if names else None

        return DocumentRecord(
            id=row.id,
            key=row.key,
            date=row.date_start,
            date_end=row.date_end,
            date_precision=row.date_precision,
            date_as_written=row.date_text,
            title=row.title,
            sender=by_role("sender"),
            recipient=by_role("recipient"),
            signatory=by_role("signatory"),
            original_language=row.original_language,
            type=row.doc_type,
            classification=row.classification,
            reference_numbers=[r.label for r in self.reference_numbers(document_id)],
            source=row.source,
            archival_refs=self.archival_refs(document_id),
            url=row.url,
            record_id=row.record_id,
            summary=row.summary,
            citation=row.citation,
            credits=row.credits,
            rights=row.rights,
            contents=row.contents,
            texts=self.texts(document_id),
            people=people,
            links=self.links(document_id),
            has_scan=row.has_scan,
            pages=int(self._one("SELECT count(*) FROM pages WHERE document_id = ?", (document_id,))),
            needs_review=row.needs_review,
            review_reasons=row.review_reasons,
            extra=row.extra,
            source_file=row.source_name,
            sha256=row.source_sha256,
            imported_at=row.imported_at,
        )

    def document_date(self, document_id: int) -> str | None:
        """Where a document sits on the timeline (its start date), without reading its texts."""
        found = self._one("SELECT date_start FROM documents WHERE id = ?", (document_id,))
        return str(found) if found is not None else None

    def all_links(self) -> list[tuple[int, int, str]]:
        return [
            (r[0], r[1], r[2])
            for r in self.conn.execute("SELECT source_id, target_id, relation FROM links WHERE target_id IS NOT NULL")
        ]

    def stats(self) -> dict[str, int]:
        return {
            "documents": self._one("SELECT count(*) FROM documents"),
            "texts": self._one("SELECT count(*) FROM texts"),
            "people": self._one("SELECT count(*) FROM entities WHERE kind = 'person'"),
            "places": self._one("SELECT count(*) FROM entities WHERE kind = 'place'"),
            "pages": self._one("SELECT count(*) FROM pages"),
            "annotations": self._one("SELECT count(*) FROM annotations"),
            "needs_review": self._one("SELECT count(*) FROM documents WHERE needs_review"),
        }
