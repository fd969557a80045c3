"""Edits given as a whole record: ``archive-viewer edit ID --json FILE`` takes what ``show --json`` prints,
changed in places, and turns the differences into field values for ``Archive.correct``.

Only what differs from the document as it stands is changed. Keys the importer owns and nobody edits
(the id, the key, the source file, page counts) must stay as printed; a changed one is refused by name,
so a typo is not silently ignored. No SQL here: everything is read through the archive's methods.
"""

from __future__ import annotations

from typing import Any

from .curation import PEOPLE_ROLES, InvalidValue, UnknownDocument
from .records import DocumentRecord
from .store import Archive

SIMPLE = {
    "title": "title",
    "type": "type",
    "classification": "classification",
    "original_language": "language",
    "summary": "summary",
    "citation": "citation",
    "credits": "credits",
    "rights": "rights",
    "source": "source",
    "url": "url",
    "note": "note",
}
READ_ONLY = (
    "id",
    "key",
    "record_id",
    "contents",
    "has_scan",
    "pages",
    "needs_review",
    "review_reasons",
    "extra",
    "source_file",
    "sha256",
    "imported_at",
)
DATE_KEYS = {"date": "start", "date_end": "end", "date_precision": "precision", "date_as_written": "text"}
ROLE_KEYS = ("sender", "recipient", "signatory")  # fields and keys of show --json alike


def values_from_record(archive: Archive, document_id: int, data: Any) -> dict[str, Any]:
    """The field values a changed record asks for (only those that differ from the document now)."""
    if not isinstance(data, dict):
        raise InvalidValue("the JSON must be one record, as show --json prints it")
    record = archive.record(document_id)
    if record is None:
        raise UnknownDocument(f"no document with id {document_id}")
    current = record.as_json()
    unknown = set(data) - set(current) - {"note"}
    if unknown:
        raise InvalidValue(f"unknown key {', '.join(sorted(unknown))} (the keys of show --json)")
    changed = [key for key in READ_ONLY if key in data and data[key] != current[key]]
    if changed:
        raise InvalidValue(f"{', '.join(changed)} cannot be edited (the import sets them)")
    values: dict[str, Any] = {}
    for key, field in SIMPLE.items():
        if key in data and data[key] != (current[key] if key in current else archive.field_value(document_id, "note")):
            values[field] = data[key]
    date_changes = {DATE_KEYS[k]: data[k] for k in DATE_KEYS if k in data and data[k] != current[k]}
    if date_changes:
        date = archive.field_value(document_id, "date")
        wanted = {**date, **date_changes}
        values["date"] = wanted["text"] if set(date_changes) == {"text"} else wanted
    values |= _people(archive, document_id, record, data)
    if "archival_refs" in data and data["archival_refs"] != current["archival_refs"]:
        values["archival_refs"] = data["archival_refs"]
    if "reference_numbers" in data and data["reference_numbers"] != current["reference_numbers"]:
        roles = {r.label: r.role for r in archive.reference_numbers(document_id)}
        labels = data["reference_numbers"]
        if not isinstance(labels, list):
            raise InvalidValue("expected a list of labels", "reference_numbers")
        values["reference_numbers"] = [{"label": label, "role": roles.get(label, "own")} for label in labels]
    if "links" in data and data["links"] != current["links"]:
        values["links"] = _links(archive, document_id, data["links"])
    if "texts" in data and data["texts"] != current["texts"]:
        values |= _texts(record, data["texts"])
    return values


def _people(archive: Archive, document_id: int, record: DocumentRecord, data: dict[str, Any]) -> dict[str, Any]:
    """Senders, recipients and signatories from their "; "-joined strings when given (what a person edits
    by hand), else from the ``people`` list; mentioned people and places from the list. Compared as sets,
    so the same file applied twice changes nothing."""
    values: dict[str, Any] = {}
    listed = data.get("people")
    if listed is not None and (not isinstance(listed, list) or not all(isinstance(p, dict) for p in listed)):
        raise InvalidValue("expected a list of people", "people")
    for field, role in PEOPLE_ROLES.items():
        current = archive.field_value(document_id, field)
        if field in ROLE_KEYS and field in data:
            text = data[field] or ""
            if not isinstance(text, str):
                raise InvalidValue("expected names separated by “;”", field)
            names = [name for name in (n.strip() for n in text.split(";")) if name]
            if set(names) != {p["name"] for p in current}:
                values[field] = names
        elif listed is not None:
            wanted = [
                {"name": p.get("name", ""), "kind": p.get("kind"), "as_written": p.get("as_written")}
                for p in listed
                if p.get("role") == role
            ]
            if {(p["name"], p["kind"]) for p in wanted} != {(p["name"], p["kind"]) for p in current}:
                values[field] = wanted
    return values


def _links(archive: Archive, document_id: int, links: Any) -> list[dict[str, Any]]:
    """The outgoing links asked for (incoming ones belong to the other documents and are left alone)."""
    if not isinstance(links, list) or not all(isinstance(link, dict) for link in links):
        raise InvalidValue("expected a list of links", "links")
    stored = archive.field_value(document_id, "links")
    result = []
    for link in links:
        if link.get("direction", "out") != "out":
            continue
        relation = str(link.get("relation", "")).replace("-", "_")
        if link.get("document_id") is not None:
            result.append({"relation": relation, "target": str(link["document_id"]), "evidence": link.get("evidence")})
            continue
        waiting = [s for s in stored if s["target_id"] is None and s["evidence"] == link.get("evidence")]
        if not waiting:
            raise InvalidValue("a new link needs the document_id it points to", "links")
        result.append(waiting[0])
    return result


def _texts(record: DocumentRecord, texts: Any) -> dict[str, Any]:
    """Corrected bodies, by kind: only the first text of a kind can be corrected (the one annotations
    and the window's text view use); adding or removing texts is not an edit of this kind."""
    if not isinstance(texts, list) or len(texts) != len(record.texts):
        raise InvalidValue("texts can be corrected, not added or removed", "texts")
    values: dict[str, Any] = {}
    seen: set[str] = set()
    for given, text in zip(texts, record.texts, strict=True):
        if not isinstance(given, dict) or given.get("kind", text.kind) != text.kind:
            raise InvalidValue("a text's kind cannot change", "texts")
        body = given.get("body", text.body)
        if body != text.body:
            if text.kind in seen:
                raise InvalidValue(f"only the first {text.kind} can be corrected", "texts")
            values[text.kind] = body
        seen.add(text.kind)
    return values
