"""What every exchange format reads off a record: dates with their precision, the archival
reference as parts, the people by role, and text safe to put in XML.

The CSV, TEI, CMIF, CSL and RIS writers each say the same facts in their own vocabulary; they
take them from here so that "a month-precise date" or "the first archival reference" means the
same thing in every file an archive writes.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from ..records import Annotation, ArchivalRef, DocumentRecord, Person

LIST_SEPARATOR = "; "  # between the values of one field (people, places, reference numbers)
# The parts of an archival reference, in the order archives and citations give them.
REFERENCE_PARTS = ("fond", "opis", "delo", "papka", "listy")
LANGUAGE_CODES = {
    "russian": "ru",
    "english": "en",
    "chinese": "zh",
    "korean": "ko",
    "german": "de",
    "french": "fr",
    "japanese": "ja",
    "polish": "pl",
    "czech": "cs",
    "hungarian": "hu",
    "romanian": "ro",
    "bulgarian": "bg",
    "mongolian": "mn",
    "vietnamese": "vi",
}
_NOT_XML = re.compile("[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


@dataclass(frozen=True)
class ExportItem:
    """One document as the writers receive it: its record and its annotations; for the JSON export
    also its tags, its corrections with their provenance and its scan files (``json_out.curated``)."""

    record: DocumentRecord
    annotations: list[Annotation] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)
    corrections: list[dict[str, Any]] = field(default_factory=list)
    scans: list[dict[str, Any]] = field(default_factory=list)


def xml_text(value: str | None) -> str:
    """Text that XML 1.0 can hold: a form feed (a page break in a PDF's text) becomes a line break,
    other control characters and lone surrogates become U+FFFD, so an odd byte in an imported file
    never stops an export. lxml escapes <, & and quotes itself."""
    if not value:
        return ""
    return _NOT_XML.sub("\ufffd", value.replace("\f", "\n"))


def names(record: DocumentRecord, *roles: str) -> list[str]:
    """Canonical names of the people or places a document names in these roles, each once, in order."""
    return list(dict.fromkeys(p.name for p in record.people if p.role in roles))


def persons(record: DocumentRecord, role: str) -> list[Person]:
    """The entities in one role, each once (a person who also signs is listed again as signatory)."""
    return _each_once(person for person in record.people if person.role == role)


def entities(record: DocumentRecord, kind: str) -> list[Person]:
    """Every person (or place) a document names, each once, whatever the role."""
    return _each_once(person for person in record.people if person.kind == kind)


def _each_once(people: Iterable[Person]) -> list[Person]:
    """The first of each name, in order (a document lists a person once per role and mention)."""
    seen: dict[str, Person] = {}
    for person in people:
        seen.setdefault(person.name, person)
    return list(seen.values())


def language_code(name: str | None) -> str | None:
    """An ISO 639-1 code for a language the record names ("Russian" or already "ru")."""
    if not name:
        return None
    cleaned = name.strip().lower()
    if len(cleaned) in (2, 3) and cleaned.isalpha():
        return cleaned
    return LANGUAGE_CODES.get(cleaned)


def languages(record: DocumentRecord) -> list[str]:
    """The languages of a document: its original's first, then those of its texts."""
    found = [language_code(record.original_language), *(t.language for t in record.texts)]
    return list(dict.fromkeys(code for code in found if code))


@dataclass(frozen=True)
class Dating:
    """A record's date as the exchange formats want it: ``when`` at the record's precision
    ("1950", "1950-05", "1950-05-13"), or a ``not_before``/``not_after`` range when the span is
    not one whole day, month or year; ``parts`` are CSL's date-parts."""

    when: str | None
    not_before: str | None
    not_after: str | None
    parts: tuple[tuple[int, ...], ...]
    written: str

    @property
    def known(self) -> bool:
        return bool(self.when or self.not_before)


def dating(record: DocumentRecord) -> Dating:
    """How precisely a record is dated, without claiming more than it knows."""
    start, end, precision = record.date, record.date_end or record.date, record.date_precision
    written = record.date_as_written or ""
    if not start or precision == "unknown":
        return Dating(None, None, None, (), written)
    year, month, day = (int(x) for x in start[:10].split("-"))
    whole = {
        "day": (start, start),
        "month": (f"{year:04d}-{month:02d}-01", f"{year:04d}-{month:02d}-{calendar.monthrange(year, month)[1]:02d}"),
        "year": (f"{year:04d}-01-01", f"{year:04d}-12-31"),
    }.get(precision)
    if whole == (start, end):
        when = {"day": start[:10], "month": start[:7], "year": start[:4]}[precision]
        parts = {"day": (year, month, day), "month": (year, month), "year": (year,)}[precision]
        return Dating(when, None, None, (parts,), written)
    assert end is not None
    last = tuple(int(x) for x in end[:10].split("-"))
    return Dating(None, start[:10], end[:10], ((year, month, day), last), written)


def reference_location(ref: ArchivalRef) -> str:
    """The parts of an archival reference below the archive, spelled out as historians of Soviet
    archives write them: "fond 45, opis 1, delo 335, listy 1-2" ("list 57" for one leaf)."""
    spelled = []
    for part in REFERENCE_PARTS:
        value = getattr(ref, part)
        if not value:
            continue
        label = "list" if part == "listy" and not re.search(r"[-–,]", value) else part
        spelled.append(f"{label} {value}")
    return ", ".join(spelled)


def main_reference(record: DocumentRecord) -> ArchivalRef | None:
    """The archival reference a citation names: the first that names its archive (the record lists
    the holding it was read from first)."""
    return next((ref for ref in record.archival_refs if ref.archive), None)


def genre(record: DocumentRecord) -> str | None:
    """The document's type as words inside a sentence ("ciphered telegram"); CSL and RIS expect
    genres in lower case and capitalise them where a style starts a sentence. Acronyms stay."""
    value = " ".join((record.type or "").split())
    if not value:
        return None
    return " ".join(word.lower() if word == word.capitalize() else word for word in value.split(" "))


def is_correspondence(record: DocumentRecord) -> bool:
    """Whether a document is a letter, telegram or the like: it names who sent it or to whom."""
    return any(p.role in ("sender", "recipient") for p in record.people)


def joined(values: Iterable[str | None]) -> str:
    return LIST_SEPARATOR.join(v for v in values if v)
