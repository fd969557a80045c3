"""Writing documents: saving what an importer parsed, their links, and later corrections (OCR)."""

from __future__ import annotations

import json
import os
from collections.abc import Mapping, Sequence
from typing import Any

from ..classification import normalise as classification_group
from ..names import printable, printable_values
from ..records import ParsedDocument
from .connection import now
from .import_reports import without_copies
from .index import Terms
from .reimport import Reimport
from .tally_pause import hold as hold_tallies
from .text_codec import pack


class Writing(Reimport):
    """Statements that change a document and everything derived from it, in one transaction."""

    _group_next: tuple[object, int] | None = None  # (the import group, the id its next document gets)
    _saved: tuple[int, dict[str, Any]] | None = None  # the new document save_document wrote last

    def find_existing(self, sha256: str, path: str | None, url: str | None, key: str) -> tuple[str, int | None]:
        """Whether a file is new, unchanged, or an update of a document already here."""
        path, key = (printable(path) if path else path), printable(key)  # a file name that is not UTF-8
        same = self._one("SELECT id FROM documents WHERE source_sha256 = ?", (sha256,))
        if same:
            return "unchanged", int(same)
        for column, value in (("source_path", path), ("url", url), ("key", key)):
            if value:
                found = self._one(f"SELECT id FROM documents WHERE {column} = ?", (value,))
                if found:
                    return "updated", int(found)
        return "imported", None

    def match_existing(
        self, sha256: str, path: str | None, stem: str, url: str | None, key: str
    ) -> tuple[str, int | None, bool]:
        """What ``find_existing`` answers for a text file, asked once: the same bytes, else the same
        ``path`` or file name (``stem``), else, when it has a web address, the same ``url`` or ``key``.
        One query instead of up to seven (an import asks for every file). Also whether no document
        holds ``key``, so ``save_document`` need not ask again (``free_key``)."""
        asked = (
            sha256,
            printable(path) if path else None,
            printable(stem) or None,
            url or None,
            printable(key) or None,
        )
        # each column's lowest id, as "SELECT id ... WHERE column = ?" on its index finds first
        first: list[int | None] = [None] * 5
        for row in self._tuples(
            "SELECT id, source_sha256 = ?1, source_path = ?2, key = ?3, url = ?4, key = ?5 FROM documents "
            "WHERE source_sha256 = ?1 OR source_path = ?2 OR key = ?3 OR url = ?4 OR key = ?5",
            asked,
        ):
            for n, same in enumerate(row[1:]):
                if same and (first[n] is None or row[0] < first[n]):
                    first[n] = row[0]
        free = first[4] is None
        if first[0] is not None:
            return "unchanged", first[0], free
        for n in (1, 2, 3, 4) if url else (1, 2):
            if first[n] is not None:
                return "updated", first[n], free
        return "imported", None, free

    def unique_key(self, key: str, document_id: int | None = None) -> str:
        candidate, number = key, 1
        while True:
            owner = self._one("SELECT id FROM documents WHERE key = ?", (candidate,))
            if owner is None or owner == document_id:
                return candidate
            number += 1
            candidate = f"{key}-{number}"

    def save_document(
        self,
        parsed: ParsedDocument,
        *,
        source_path: str | None,
        sha256: str | None,
        replace_id: int | None = None,
        free_key: bool = False,
        terms: Terms | None = None,
        packed: Sequence[str | bytes] | None = None,
    ) -> int:
        """Write a parsed document (new, or replacing ``replace_id``); call inside transaction(). A
        replaced document keeps the fields someone corrected (see reimport.py). ``free_key``: the
        caller knows no document holds the parsed key (``match_existing``); ``terms``: its indexed
        words and keys, when a parse worker found them (``Index.reindex``); ``packed``: the texts'
        bodies as stored (``pack``), when a parse worker compressed them."""
        if replace_id is not None and self._entity_ids is not None:  # rewritten in an import's group
            hold_tallies(self.conn, replace_id)
        stamp = now()
        kept = self.corrected_values(replace_id)
        key = printable(parsed.key)
        row = {
            "key": key if free_key else self.unique_key(key, replace_id),
            "title": parsed.title,
            "date_start": parsed.date.start,
            "date_end": parsed.date.end,
            "date_precision": parsed.date.precision,
            "date_text": parsed.date.text,
            "doc_type": parsed.doc_type,
            "classification": parsed.classification,
            "original_language": parsed.original_language,
            "summary": parsed.summary,
            "citation": parsed.citation,
            "source": parsed.source,
            "url": parsed.url,
            "record_id": parsed.record_id,
            "credits": parsed.credits,
            "rights": parsed.rights,
            "contents": json.dumps(parsed.contents, ensure_ascii=False) if parsed.contents else None,
            "extra": json.dumps(parsed.extra, ensure_ascii=False) if parsed.extra else None,
            "needs_review": int(parsed.needs_review),
            "review_reasons": json.dumps(parsed.review_reasons, ensure_ascii=False) if parsed.review_reasons else None,
            "has_transcript": int(any(t.kind == "transcript" for t in parsed.texts)),
            "has_translation": int(any(t.kind == "translation" for t in parsed.texts)),
            "source_name": os.path.basename(source_path) if source_path else None,
            "source_path": source_path,
            "source_sha256": sha256,
            "updated_at": stamp,
        }
        row = {name: printable(value) if isinstance(value, str) else value for name, value in row.items()}
        # the group the classification filter selects on (viewer.core.classification)
        row["classification_group"] = classification_group(printable(parsed.classification or ""))
        # plain statements: sqlite-utils inspects the table on every call, a third of an import's time
        if replace_id is None:
            row["imported_at"] = stamp
            row["id"] = document_id = self._new_document_id()
            self.conn.execute(
                f"INSERT INTO documents ({', '.join(row)}) VALUES ({', '.join('?' * len(row))})", list(row.values())
            )
        else:
            document_id = replace_id
            self.conn.execute(
                f"UPDATE documents SET {', '.join(f'{name} = ?' for name in row)} WHERE id = ?",
                [*row.values(), document_id],
            )
            for table in ("texts", "document_entities", "reference_numbers", "archival_refs"):
                self.conn.execute(f"DELETE FROM {table} WHERE document_id = ?", (document_id,))
            self.conn.execute("DELETE FROM links WHERE source_id = ?", (document_id,))
        bodies = [pack(t.body) for t in parsed.texts] if packed is None else packed
        self.conn.executemany(
            "INSERT INTO texts (document_id, kind, language, body, origin, confidence, position) "
            "VALUES (?, ?, ?, ?, ?, ?, ?)",
            [
                (document_id, t.kind, t.language, bodies[position], t.origin, t.confidence, position)
                for position, t in enumerate(parsed.texts)
            ],
        )
        named = self._save_people(document_id, parsed)
        self.conn.executemany(
            "INSERT INTO reference_numbers (document_id, number, label, role) VALUES (?, ?, ?, ?)",
            [(document_id, r.number, r.label, r.role) for r in parsed.reference_numbers],
        )
        self.conn.executemany(
            "INSERT INTO archival_refs (document_id, raw, archive, fond, opis, delo, papka, listy) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            [(document_id, a.raw, a.archive, a.fond, a.opis, a.delo, a.papka, a.listy) for a in parsed.archival_refs],
        )
        self.conn.executemany(
            "INSERT INTO links (source_id, relation, target_number, target_date, target_hint, evidence) "
            "VALUES (?, ?, ?, ?, ?, ?)",
            [(document_id, h.relation, h.number, h.date, h.hint, h.evidence) for h in parsed.link_hints],
        )
        own = [r.number for r in parsed.reference_numbers if r.role == "own"]
        date = row["date_start"]
        self.resolve_links(document_id, (own, date if isinstance(date, str) else None))  # as written, not read back
        self.keep_corrections(document_id, kept)
        # a new document's index row is built from what was just written, not read back
        fresh = replace_id is None and not kept
        if fresh:
            self.reindex(document_id, self.columns_of(row, parsed, named, terms), terms)
        else:  # read back; a worker's terms still count for an update that kept no correction (Index.reindex)
            self.reindex(document_id, None, None if kept else terms)
        self._saved = (document_id, row) if fresh else None
        if replace_id is not None:
            self.reanchor_annotations(document_id)
        return document_id

    def _new_document_id(self) -> int:
        """``next_document_id``, asked once per group of an import (``begin_write(group=True)``):
        nothing but the import writes documents in its transaction, so the next is one more."""
        group = self._entity_ids  # the group's own cache, made anew for each group
        if group is None:
            return self.next_document_id()
        if self._group_next is None or self._group_next[0] is not group:
            self._group_next = (group, self.next_document_id())
        document_id = self._group_next[1]
        self._group_next = (group, document_id + 1)
        return document_id

    def saved_row(self, document_id: int) -> dict[str, Any] | None:
        """The documents row ``save_document`` just wrote for a new document, as written (no
        correction put back over it), for ``record_import``; None for any other document."""
        saved, self._saved = self._saved, None
        return saved[1] if saved is not None and saved[0] == document_id else None

    def _save_people(self, document_id: int, parsed: ParsedDocument) -> list[tuple[int, str, str, str | None]]:
        """Write a document's mentions; returns the rows written (entity id, name, role, as written)."""
        written: dict[tuple[int, str], tuple[int, str, str, str | None]] = {}
        for canonical, alias in parsed.learned_aliases:
            entity_id = self._entity_id("person", canonical)
            self.conn.execute(
                "INSERT OR IGNORE INTO aliases (entity_id, alias, kind) VALUES (?, ?, 'code name')",
                (entity_id, alias),
            )
            self.gazetteer().add_alias(canonical, alias, alias_kind="code name")
        rows = [
            (document_id, self._entity_id(m.kind, m.name), m.role, m.as_written, position)
            for position, m in enumerate(parsed.mentions)
        ]
        self.conn.executemany(
            "INSERT OR IGNORE INTO document_entities (document_id, entity_id, role, as_written, position) "
            "VALUES (?, ?, ?, ?, ?)",
            rows,
        )
        for (_, entity_id, role, as_written, _), mention in zip(rows, parsed.mentions, strict=True):
            written.setdefault((entity_id, role), (entity_id, mention.name, role, as_written))
        return list(written.values())

    def resolve_links(self, document_id: int, written: tuple[list[str], str | None] | None = None) -> int:
        """Point links at the documents they name: this document's own links, and the links of
        others waiting for a document with this one's number or date. ``written``: its own numbers
        and date, when the caller has just written them (else they are read)."""
        if written is None:
            own = [
                row[0]
                for row in self.conn.execute(
                    "SELECT number FROM reference_numbers WHERE document_id = ? AND role = 'own'", (document_id,)
                )
            ]
            date = self._one("SELECT date_start FROM documents WHERE id = ?", (document_id,))
        else:
            own, date = written
        waiting = self.conn.execute(
            f"""SELECT id, source_id, target_number, target_date, target_hint FROM links
                WHERE target_id IS NULL AND (source_id = ?
                   OR target_number IN ({",".join("?" * len(own))}) OR target_date = ?)""",
            [document_id, *own, date],
        ).fetchall()
        resolved = 0
        for link in waiting:
            if link["target_number"]:
                target = self._one(
                    "SELECT document_id FROM reference_numbers WHERE number = ? AND role = 'own' "
                    "AND document_id != ? ORDER BY document_id LIMIT 1",
                    (link["target_number"], link["source_id"]),
                )
            else:
                # sort_date is date_start where there is one: read on the list's index, not every row
                # (a link waiting for a date read all the documents, a second each at a million)
                target = self._one(
                    "SELECT id FROM documents WHERE sort_date = ?1 AND date_start = ?1 AND id != ?2 "
                    "ORDER BY instr(title || ' ' || coalesce(summary, ''), ?3) = 0, id LIMIT 1",
                    (link["target_date"], link["source_id"], link["target_hint"] or ""),
                )
            if target:
                self.conn.execute("UPDATE links SET target_id = ? WHERE id = ?", (target, link["id"]))
                resolved += 1
        return resolved

    def record_import(
        self,
        path: str,
        sha256: str | None,
        document_id: int | None,
        outcome: str,
        report: dict[str, Any],
        stored: Mapping[str, Any] | None = None,
    ) -> None:
        """Keep what importing a file came to. ``stored``: the document's row when the caller has it
        as written (``saved_row``), else it is read."""
        if stored is None and document_id is not None:  # a refused file has no row to compare with
            found = self.conn.execute("SELECT * FROM documents WHERE id = ?", (document_id,)).fetchone()
            stored = dict(found) if found is not None else None
        if stored is not None:  # what the document row holds is not kept twice (store/import_reports.py)
            report = without_copies(report, stored)
        text = json.dumps(report, ensure_ascii=False)
        try:
            text.encode("utf-8")
        except UnicodeEncodeError:  # a file name that is not UTF-8 somewhere in it
            text = json.dumps(printable_values(report), ensure_ascii=False)
        self.conn.execute(
            "INSERT INTO imports (path, sha256, document_id, outcome, report, at) VALUES (?, ?, ?, ?, ?, ?)",
            (printable(path), sha256, document_id, outcome, text, now()),
        )

    def delete_document(self, document_id: int) -> None:
        with self.transaction():
            self.conn.execute("DELETE FROM documents WHERE id = ?", (document_id,))

    def replace_machine_texts(self, document_id: int, texts: Sequence[Any], origin: str = "ocr") -> None:
        """Swap a document's texts of one origin (OCR) for new ones, keeping typed texts first."""
        self.conn.execute("DELETE FROM texts WHERE document_id = ? AND origin = ?", (document_id, origin))
        start = int(self._one("SELECT coalesce(max(position) + 1, 0) FROM texts WHERE document_id = ?", (document_id,)))
        self.conn.executemany(
            "INSERT INTO texts (document_id, kind, language, body, origin, confidence, position) "
            "VALUES (?, ?, ?, ?, ?, ?, ?)",
            [
                (document_id, t.kind, t.language, pack(t.body), t.origin, t.confidence, start + n)
                for n, t in enumerate(texts)
            ],
        )
        self.conn.execute(
            "UPDATE documents SET updated_at = ?, "
            "has_transcript = EXISTS (SELECT 1 FROM texts WHERE document_id = ? AND kind = 'transcript'), "
            "has_translation = EXISTS (SELECT 1 FROM texts WHERE document_id = ? AND kind = 'translation') "
            "WHERE id = ?",
            (now(), document_id, document_id, document_id),
        )

    def set_review_reasons(self, document_id: int, reasons: Sequence[str]) -> None:
        self.conn.execute(
            "UPDATE documents SET needs_review = ?, review_reasons = ? WHERE id = ?",
            (int(bool(reasons)), json.dumps(list(reasons), ensure_ascii=False) if reasons else None, document_id),
        )

    def set_title_and_date(self, document_id: int, title: str | None, date: Any = None) -> None:
        """Replace a guessed title or date (a ``DateInfo``) once better evidence arrives (OCR), unless
        someone corrected it."""
        corrected = self.corrected_fields(document_id)
        if title and "title" not in corrected:
            self.conn.execute("UPDATE documents SET title = ? WHERE id = ?", (title, document_id))
        if date is not None and date.known and "date" not in corrected:
            self.conn.execute(
                "UPDATE documents SET date_start = ?, date_end = ?, date_precision = ?, date_text = ? WHERE id = ?",
                (date.start, date.end, date.precision, date.text, document_id),
            )
