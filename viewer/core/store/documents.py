"""Reading one document: its fields, texts, people, numbers, links, and the record of it all."""

from __future__ import annotations

import json
import sqlite3
from typing import Any

from .connection import Connection


class Documents(Connection):
    """Reads of one document and a few archive-wide figures."""

    def resolve_id(self, text: str) -> int | None:
        """A document id from what a user types: a key, the start of a key ("001"), or an id."""
        text = text.strip()
        exact = self._one("SELECT id FROM documents WHERE key = ?", (text,))
        if exact:
            return int(exact)
        escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        rows = self.conn.execute(
            "SELECT id FROM documents WHERE key LIKE ? ESCAPE '\\' LIMIT 2", (escaped + "%",)
        ).fetchall()
        if len(rows) == 1:
            return int(rows[0][0])
        if text.isdigit() and self._one("SELECT id FROM documents WHERE id = ?", (int(text),)):
            return int(text)
        return None

    def document_row(self, document_id: int) -> sqlite3.Row | None:
        return self.conn.execute("SELECT * FROM documents WHERE id = ?", (document_id,)).fetchone()

    def texts(self, document_id: int) -> list[sqlite3.Row]:
        return self.conn.execute(
            "SELECT id, kind, language, body, origin, confidence FROM texts WHERE document_id = ? ORDER BY position",
            (document_id,),
        ).fetchall()

    def people(self, document_id: int) -> list[dict[str, Any]]:
        rows = self.conn.execute(
            "SELECT e.id, e.kind, e.name, e.note, de.role, de.as_written FROM document_entities de "
            "JOIN entities e ON e.id = de.entity_id WHERE de.document_id = ? "
            "ORDER BY CASE de.role WHEN 'sender' THEN 0 WHEN 'recipient' THEN 1 WHEN 'signatory' THEN 2 "
            "WHEN 'mentioned' THEN 3 ELSE 4 END, e.name",
            (document_id,),
        ).fetchall()
        result = []
        for row in rows:
            aliases = [
                a[0]
                for a in self.conn.execute(
                    "SELECT alias FROM aliases WHERE entity_id = ? ORDER BY kind, alias", (row["id"],)
                )
            ]
            result.append(
                {
                    "name": row["name"],
                    "kind": row["kind"],
                    "role": row["role"],
                    "as_written": row["as_written"],
                    "note": row["note"],
                    "aliases": aliases,
                }
            )
        return result

    def reference_numbers(self, document_id: int) -> list[sqlite3.Row]:
        return self.conn.execute(
            "SELECT number, label, role FROM reference_numbers WHERE document_id = ? ORDER BY id", (document_id,)
        ).fetchall()

    def archival_refs(self, document_id: int) -> list[sqlite3.Row]:
        return self.conn.execute(
            "SELECT raw, archive, fond, opis, delo, papka, listy FROM archival_refs WHERE document_id = ? ORDER BY id",
            (document_id,),
        ).fetchall()

    def links(self, document_id: int) -> list[dict[str, Any]]:
        """Links from and to a document, each seen from this document's side."""
        rows = self.conn.execute(
            """SELECT l.relation, l.evidence, l.target_number, l.target_date, l.target_id AS other,
                      d.key AS other_key, d.title AS other_title, d.date_start AS other_date, 'out' AS direction
               FROM links l LEFT JOIN documents d ON d.id = l.target_id WHERE l.source_id = ?
               UNION ALL
               SELECT l.relation, l.evidence, l.target_number, l.target_date, l.source_id,
                      d.key, d.title, d.date_start, 'in'
               FROM links l JOIN documents d ON d.id = l.source_id WHERE l.target_id = ?""",
            (document_id, document_id),
        ).fetchall()
        names = {
            ("reply_to", "out"): "reply to",
            ("reply_to", "in"): "replied by",
            ("continues", "out"): "continues",
            ("continues", "in"): "continued by",
            ("related", "out"): "related",
            ("related", "in"): "related",
        }
        return [
            {
                "relation": row["relation"],
                "direction": row["direction"],
                "label": names[(row["relation"], row["direction"])],
                "document_id": row["other"],
                "key": row["other_key"],
                "title": row["other_title"],
                "date": row["other_date"],
                "evidence": row["evidence"],
                "unresolved": row["target_number"] or row["target_date"] if row["other"] is None else None,
            }
            for row in rows
        ]

    def record(self, document_id: int) -> dict[str, Any] | None:
        """A document with every field, named as in the seeds' EXPECTED.md (for JSON and views)."""
        row = self.document_row(document_id)
        if row is None:
            return None
        people = self.people(document_id)

        def by_role(role: str) -> str | None:
            names = [p["name"] for p in people if p["role"] == role]
            return "; ".join(names) if names else None

        return {
            "id": row["id"],
            "key": row["key"],
            "date": row["date_start"],
            "date_end": row["date_end"],
            "date_precision": row["date_precision"],
            "date_as_written": row["date_text"],
            "title": row["title"],
            "sender": by_role("sender"),
            "recipient": by_role("recipient"),
            "signatory": by_role("signatory"),
            "original_language": row["original_language"],
            "type": row["doc_type"],
            "classification": row["classification"],
            "reference_numbers": [r["label"] for r in self.reference_numbers(document_id)],
            "source": row["source"],
            "archival_refs": [dict(r) for r in self.archival_refs(document_id)],
            "url": row["url"],
            "record_id": row["record_id"],
            "summary": row["summary"],
            "citation": row["citation"],
            "credits": row["credits"],
            "rights": row["rights"],
            "contents": json.loads(row["contents"]) if row["contents"] else [],
            "texts": [
                {
                    "kind": t["kind"],
                    "language": t["language"],
                    "origin": t["origin"],
                    "confidence": t["confidence"],
                    "body": t["body"],
                }
                for t in self.texts(document_id)
            ],
            "people": people,
            "links": self.links(document_id),
            "has_scan": bool(row["has_scan"]),
            "pages": self._one("SELECT count(*) FROM pages WHERE document_id = ?", (document_id,)),
            "needs_review": bool(row["needs_review"]),
            "review_reasons": json.loads(row["review_reasons"]) if row["review_reasons"] else [],
            "extra": json.loads(row["extra"]) if row["extra"] else {},
            "source_file": row["source_name"],
            "sha256": row["source_sha256"],
            "imported_at": row["imported_at"],
        }

    def document_date(self, document_id: int) -> str | None:
        """Where a document sits on the timeline (its start date), without reading its texts."""
        return self._one("SELECT date_start FROM documents WHERE id = ?", (document_id,))

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
