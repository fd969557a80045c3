"""What a valid value of each correctable field is, from what was typed in a form, on the command line or
in a JSON file; and a few words for a value in a review reason or the history. No SQL, no store."""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date
from typing import Any

from .curation import (
    ENTITY_KINDS,
    FIELDS,
    NUMBER_ROLES,
    REF_PARTS,
    RELATIONS,
    TEXT_FIELDS,
    InvalidValue,
    field_spec,
)
from .dates import PRECISIONS, parse_date
from .importers.derive import archival_refs as parse_archival_refs
from .messages import say


def _text(name: str, value: Any) -> str | None:
    if value is None and name != "title":  # every field but the title may be cleared
        return None
    if value is None:
        raise InvalidValue(say("title_empty"), name)
    if not isinstance(value, str):
        raise InvalidValue(say("expected_text", kind=type(value).__name__), name)
    value = value.strip()
    if name == "title" and not value:
        raise InvalidValue(say("title_empty"), name)
    return value or None


def _iso(name: str, value: Any) -> str:
    try:
        if not isinstance(value, str) or len(value) != 10:
            raise ValueError
        return date.fromisoformat(value).isoformat()
    except ValueError:
        raise InvalidValue(say("not_iso_date", value=value), name) from None


def _precision_of(start: str, end: str) -> str:
    """The precision a range stands for: one day, one whole month, one whole year (else day)."""
    first, last = date.fromisoformat(start), date.fromisoformat(end)
    after = date.fromordinal(last.toordinal() + 1)
    if first != last and first.day == 1 and after.day == 1 and (first.year, first.month) == (last.year, last.month):
        return "month"
    if first.year == last.year and (first.month, first.day, last.month, last.day) == (1, 1, 12, 31):
        return "year"
    return "day"


def date_value(value: Any, current: dict[str, Any] | None = None) -> dict[str, Any]:
    """A date from what was typed: a text as written (parsed), or a dict of text/start/end/precision."""
    if isinstance(value, str):
        value = {"text": value}
    if not isinstance(value, dict):
        raise InvalidValue(say("date_expected", parts="text/start/end/precision"), "date")
    unknown = set(value) - {"text", "start", "end", "precision"}
    if unknown:
        raise InvalidValue(say("date_unknown_part", parts=", ".join(sorted(unknown))), "date")
    text = value.get("text")
    if text is not None and not isinstance(text, str):
        raise InvalidValue(say("date_written_text"), "date")
    if value.get("start") is None and value.get("end") is None and value.get("precision") in (None, "unknown"):
        text = (text or "").strip()
        if not text:
            return {"text": "", "start": None, "end": None, "precision": "unknown"}
        parsed = parse_date(text)
        if not parsed.known:
            examples = "13 May 1950, 1950-05-13, May 1950 or 1950"
            raise InvalidValue(say("date_unreadable", text=text, examples=examples), "date")
        return {"text": text, "start": parsed.start, "end": parsed.end, "precision": parsed.precision}
    if value.get("start") is None:
        raise InvalidValue(say("date_no_start"), "date")
    start = _iso("date", value["start"])
    end = _iso("date", value["end"]) if value.get("end") is not None else start
    if end < start:
        raise InvalidValue(say("date_end_before", end=end, start=start), "date")
    precision = value.get("precision") or _precision_of(start, end)
    if precision not in PRECISIONS or precision == "unknown":
        raise InvalidValue(say("date_precision", precision=repr(precision), known="day, month, year"), "date")
    if text is None:
        text = (current or {}).get("text") or start
    return {"text": text.strip(), "start": start, "end": end, "precision": precision}


def _people(name: str, value: Any) -> list[dict[str, Any]]:
    if value is None:
        return []
    if isinstance(value, str):
        value = [part for part in value.split(";")]
    if not isinstance(value, list):
        raise InvalidValue(say("names_expected"), name)
    result: dict[str, dict[str, Any]] = {}
    default_kind = "place" if name == "places" else None
    for item in value:
        if isinstance(item, str):
            item = {"name": item}
        if not isinstance(item, dict) or not isinstance(item.get("name"), str):
            raise InvalidValue(say("entry_no_name"), name)
        entry_name = " ".join(item["name"].split())
        if not entry_name:
            continue
        kind = item.get("kind") or default_kind
        if kind is not None and kind not in ENTITY_KINDS:
            raise InvalidValue(say("entity_kind", kind=repr(kind), known=", ".join(ENTITY_KINDS)), name)
        as_written = item.get("as_written")
        result.setdefault(entry_name, {"name": entry_name, "kind": kind, "as_written": as_written or entry_name})
    return list(result.values())


def _refs(value: Any) -> list[dict[str, Any]]:
    if value is None:
        return []
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list):
        raise InvalidValue(say("refs_expected"), "archival_refs")
    result = []
    for item in value:
        if isinstance(item, str):
            result += [{part: getattr(ref, part) for part in REF_PARTS} for ref in parse_archival_refs(item)]
            continue
        if not isinstance(item, dict) or set(item) - set(REF_PARTS):
            raise InvalidValue(say("ref_parts", parts=", ".join(REF_PARTS)), "archival_refs")
        ref = {part: (str(item[part]).strip() or None) if item.get(part) is not None else None for part in REF_PARTS}
        if not ref["raw"]:
            labels = (("", "archive"), ("f. ", "fond"), ("op. ", "opis"), ("d. ", "delo"), ("l. ", "listy"))
            ref["raw"] = ", ".join(f"{label}{ref[part]}" for label, part in labels if ref[part])
        if not ref["raw"]:
            raise InvalidValue(say("ref_empty"), "archival_refs")
        result.append(ref)
    return result


_NUMBER = re.compile(r"\d[\w/.-]*")


def _numbers(value: Any) -> list[dict[str, Any]]:
    if value is None:
        return []
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list):
        raise InvalidValue(say("numbers_expected"), "reference_numbers")
    result = []
    for item in value:
        if isinstance(item, str):
            item = {"label": item}
        if not isinstance(item, dict) or not str(item.get("label") or item.get("number") or "").strip():
            raise InvalidValue(say("number_empty"), "reference_numbers")
        label = " ".join(str(item.get("label") or item.get("number")).split())
        found = _NUMBER.search(label)
        number = str(item.get("number") or (found.group(0).rstrip(".") if found else label)).strip()
        role = item.get("role") or "own"
        if role not in NUMBER_ROLES:
            raise InvalidValue(say("number_role", role=repr(role), known=", ".join(NUMBER_ROLES)), "reference_numbers")
        result.append({"number": number, "label": label, "role": role})
    return result


def relation(text: str) -> str:
    """``reply-to``, ``reply to`` and ``reply_to`` are one relation."""
    name = re.sub(r"[\s-]+", "_", text.strip().lower())
    if name not in RELATIONS:
        raise InvalidValue(say("link_relation", relation=repr(text), known="reply-to, continues, related"), "links")
    return name


def _links(value: Any) -> list[dict[str, Any]]:
    """Links as typed: ``target`` is what the store resolves (an id or a key); ``target_id`` is kept."""
    if value is None:
        return []
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list):
        raise InvalidValue(say("links_expected"), "links")
    result = []
    for item in value:
        if isinstance(item, str):
            kind, colon, target = item.partition(":")
            if not colon or not target.strip():
                raise InvalidValue(say("link_form", item=item, example="reply-to:12"), "links")
            item = {"relation": kind, "target": target.strip()}
        if not isinstance(item, dict) or not isinstance(item.get("relation"), str):
            raise InvalidValue(say("link_no_relation"), "links")
        link = {
            "relation": relation(item["relation"]),
            "target_id": item.get("target_id"),
            "target_number": item.get("target_number"),
            "target_date": item.get("target_date"),
            "target_hint": item.get("target_hint"),
            "evidence": item.get("evidence") or "",
        }
        if item.get("target") is not None:
            link["target"] = str(item["target"])
        elif link["target_id"] is None and not (link["target_number"] or link["target_date"]):
            raise InvalidValue(say("link_no_target"), "links")
        result.append(link)
    return result


def normalise(name: str, value: Any, current: Any = None) -> Any:
    """The value of field ``name`` from what was typed, or InvalidValue saying why not (names of
    people and link targets are resolved by the store afterwards)."""
    spec = field_spec(name)
    if spec.kind in ("text", "long_text"):
        return _text(name, value)
    if spec.kind == "date":
        return date_value(value, current)
    if spec.kind == "people":
        return _people(name, value)
    if spec.kind == "refs":
        return _refs(value)
    if spec.kind == "numbers":
        return _numbers(value)
    if spec.kind == "links":
        return _links(value)
    if not isinstance(value, str):
        raise InvalidValue(say("body_expected"), name)
    return value


def tag_name(text: str) -> str:
    """A tag as stored: words separated by single spaces, not empty."""
    name = " ".join(str(text).split())
    if not name:
        raise InvalidValue(say("tag_empty"), "tags")
    if len(name) > 80:
        raise InvalidValue(say("tag_too_long"), "tags")
    return name


def plural_label(count: int, noun: str) -> str:
    return f"{count} {noun}{'s' * (count != 1)}"


def field_list(names: Sequence[str]) -> str:
    """'title', 'title and date', 'title, date and sender' (for change labels)."""
    labels = [FIELDS[name].label.lower() if name in FIELDS else name for name in names]
    if len(labels) <= 1:
        return "".join(labels)
    return ", ".join(labels[:-1]) + " and " + labels[-1]


def describe(name: str, value: Any) -> str:
    """A value in a few words, for review reasons and the history ("“May 13, 1950”", "Stalin; Mao")."""
    if value is None or value == [] or value == "":
        return say("nothing")
    if name == "date" and isinstance(value, dict):
        written = value.get("text") or value.get("start")
        return f"“{written}”" if written else say("date_unknown")
    if name in TEXT_FIELDS:
        return say("text_of", count=len(str(value)))
    if isinstance(value, list):
        parts = [
            str(item.get("name") or item.get("label") or item.get("raw") or item.get("target_id") or "")
            if isinstance(item, dict)
            else str(item)
            for item in value
        ]
        return "“" + "; ".join(parts) + "”"
    text = " ".join(str(value).split())
    return f"“{text if len(text) <= 80 else text[:77] + '...'}”"
