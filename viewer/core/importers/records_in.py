"""Records that come from another archive (its JSON export, or the archive itself in a merge) turned
back into what the store writes: a ``ParsedDocument``, the links to other documents by key, the
aliases of its people, and its annotations placed on this archive's texts and pages.

A record (the form ``show --json`` prints) names the documents it links to by key, because ids belong
to each archive; links are therefore written after every document is in, pointing at whichever
document here has that key.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from ..anchoring import locate
from ..dates import DateInfo
from ..records import Annotation, ArchivalRef, LinkHint, Mention, ParsedDocument, ReferenceNumber, Text
from .derive import reference_numbers

if TYPE_CHECKING:
    from ..store import Archive

_ISO_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")


@dataclass
class Incoming:
    """One document of another archive, ready to be written here."""

    parsed: ParsedDocument
    sha256: str | None
    source_file: str | None
    imported_at: str | None
    needs_review: bool
    links: list[dict[str, Any]] = field(default_factory=list)  # resolved there: LINK_COLUMNS + target_key
    aliases: dict[tuple[str, str], list[tuple[str, str]]] = field(default_factory=dict)  # (kind, name): aliases
    annotations: list[dict[str, Any]] = field(default_factory=list)  # Annotation.as_json() forms


def reference_number(label: str) -> ReferenceNumber:
    """A reference number from its label alone ("На № 812"): the number and role the importer reads
    from such words; the label itself when it holds no number the importer recognises."""
    found = reference_numbers(label)
    if found:
        return ReferenceNumber(found[0].number, label, found[0].role)
    digits = re.search(r"\d[\w/-]*", label)
    return ReferenceNumber(digits.group(0) if digits else label, label, "own")


def incoming(
    record: Mapping[str, Any],
    *,
    numbers: Sequence[ReferenceNumber] | None = None,
    links: Sequence[dict[str, Any]] | None = None,
) -> Incoming:
    """A record as the store writes it. ``numbers`` and ``links`` are the exact rows when the other
    archive itself is at hand (a merge); from an export they are read from the record."""
    date = DateInfo(
        record.get("date"),
        record.get("date_end"),
        record.get("date_precision") or "unknown",
        record.get("date_as_written") or "",
    )
    parsed = ParsedDocument(
        key=str(record["key"]),
        title=record.get("title") or "",
        date=date,
        doc_type=record.get("type"),
        classification=record.get("classification"),
        original_language=record.get("original_language"),
        summary=record.get("summary"),
        citation=record.get("citation"),
        source=record.get("source"),
        url=record.get("url"),
        record_id=record.get("record_id"),
        credits=record.get("credits"),
        rights=record.get("rights"),
        contents=list(record.get("contents") or []),
        extra=dict(record.get("extra") or {}),
        texts=[
            Text(t["kind"], t.get("language"), t["body"], t.get("origin") or "import", t.get("confidence"), n)
            for n, t in enumerate(record.get("texts") or [])
        ],
        mentions=[
            Mention(p["name"], p["role"], p.get("as_written") or p["name"], p.get("kind") or "person")
            for p in record.get("people") or []
        ],
        archival_refs=[ArchivalRef(**ref) for ref in record.get("archival_refs") or []],
        reference_numbers=list(numbers)
        if numbers is not None
        else [reference_number(label) for label in record.get("reference_numbers") or []],
        review_reasons=list(record.get("review_reasons") or []),
    )
    result = Incoming(
        parsed,
        sha256=record.get("sha256"),
        source_file=record.get("source_file"),
        imported_at=record.get("imported_at"),
        needs_review=bool(record.get("needs_review")),
        annotations=list(record.get("annotations") or []),
    )
    for person in record.get("people") or []:
        kind = person.get("kind") or "person"
        result.aliases.setdefault((kind, person["name"]), [(a, "code name") for a in person.get("aliases") or []])
    if links is None:
        links = [_link_from_record(link) for link in record.get("links") or [] if link.get("direction") == "out"]
    for link in links:
        if link.get("target_key"):
            result.links.append(dict(link))
        else:
            parsed.link_hints.append(
                LinkHint(
                    link["relation"],
                    link["evidence"],
                    link.get("target_number"),
                    link.get("target_date"),
                    link.get("target_hint"),
                )
            )
    return result


def _link_from_record(link: Mapping[str, Any]) -> dict[str, Any]:
    """A link as ``show --json`` gives it, in the columns the store keeps: a resolved link names its
    target's key; an unresolved one the number or the date it waits for."""
    waiting = link.get("unresolved") if link.get("document_id") is None else None
    is_date = bool(waiting and _ISO_DAY.match(waiting))
    return {
        "relation": link["relation"],
        "evidence": link.get("evidence") or "",
        "target_key": link.get("key") if link.get("document_id") is not None else None,
        "target_number": waiting if waiting and not is_date else None,
        "target_date": waiting if is_date else None,
        "target_hint": None,
    }


def write_aliases(archive: Archive, item: Incoming) -> int:
    """Give this archive's people the aliases the other archive knew them by; returns how many were new."""
    added = 0
    for (kind, name), aliases in item.aliases.items():
        known = {alias for alias, _ in archive.entity_aliases(kind, name)}
        missing = [(alias, alias_kind) for alias, alias_kind in aliases if alias not in known and alias != name]
        if missing:
            added += archive.add_aliases(kind, name, missing)
    return added


# -- annotations ---------------------------------------------------------------------------------


def annotation_identity(annotation: Mapping[str, Any]) -> tuple[Any, ...]:
    """What makes two annotations (in two archives) the same one: who made it and when, on what part,
    with what shape, over which words or on which page. Offsets are left out: a re-anchored highlight
    is the same highlight."""
    where = annotation.get("quote") if annotation["part"] != "scan" else annotation.get("page")
    return (annotation["part"], annotation.get("shape"), annotation.get("author"), annotation.get("created_at"), where)


def identity_of(annotation: Annotation) -> tuple[Any, ...]:
    return annotation_identity(annotation.as_json())


def placed_annotation(archive: Archive, document_id: int, annotation: Mapping[str, Any]) -> dict[str, Any]:
    """The stored values of another archive's annotation on this document: its words found again in
    this document's text (marked for review where they moved or are gone), or its page by position."""
    values = {
        name: annotation.get(name)
        for name in (
            "part",
            "shape",
            "color",
            "note",
            "author",
            "status",
            "quote",
            "prefix",
            "suffix",
            "x0",
            "y0",
            "x1",
            "y1",
            "created_at",
            "updated_at",
        )
    }
    values["document_id"] = document_id
    values["status"] = values["status"] or "ok"
    values["color"] = values["color"] or "yellow"
    if annotation["part"] == "scan":
        position = int(annotation.get("page") or 1) - 1
        page = archive.page_at(document_id, position)
        values.update(page_id=page.id if page else None, text_id=None, start=position, end=None)
        return values
    text = archive.annotation_text(document_id, annotation["part"])
    start, end, quote = annotation.get("start"), annotation.get("end"), annotation.get("quote") or ""
    values.update(page_id=None, text_id=text.id if text else None, start=None, end=None)
    if text is None:
        values["status"] = "needs_review"
    elif start is not None and end is not None and text.body[start:end] == quote:
        values.update(start=start, end=end)
    else:
        offset, exact = locate(text.body, quote, values["prefix"] or "", values["suffix"] or "", start)
        if offset is not None:
            values.update(start=offset, end=offset + len(quote))
        if offset is None or not exact:
            values["status"] = "needs_review"
    return values


def add_annotations(archive: Archive, document_id: int, annotations: Sequence[Mapping[str, Any]]) -> int:
    """Add the annotations this document lacks (inside the caller's transaction); returns how many."""
    have = {identity_of(a) for a in archive.document_annotations(document_id)}
    added = 0
    for annotation in annotations:
        identity = annotation_identity(annotation)
        if identity in have:
            continue
        archive.insert_annotation(placed_annotation(archive, document_id, annotation))
        have.add(identity)
        added += 1
    return added
