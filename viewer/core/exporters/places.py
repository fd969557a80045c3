"""Where a letter or telegram was sent from and received at, as far as its own heading says.

CMIF and TEI's ``correspAction`` want a place for the sending and for the receipt; the archive
records which places a document names but not which of them it was sent from. Telegrams say so in
their heading ("From PEKING", "Destination: PEKING", "Received in Moscow", "Куда ПЕКИН"), so the
heading is read here, and a place is given only when the word there is one of the places the
document already names (by its name, as written, or by an alias): an unknown word is never
turned into a place.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..records import DocumentRecord, Person

HEADING_LINES = 24  # telegrams put their routing in the first lines; past that a "From" is prose
_SENT = [
    re.compile(r"^\s*(?:From|Из)\s*:?\s+(?P<place>[^\s,.;:]+(?: [^\s,.;:]+)?)", re.I),
    re.compile(r"^\s*(?:Place of (?:sending|dispatch)|Отправлена из)\s*:?\s*(?P<place>.+)$", re.I),
]
_RECEIVED = [
    re.compile(r"^\s*(?:Destination|To where|Куда)\s*:?\s*(?P<place>[^\s,.;:]*(?: [^\s,.;:]+)*)", re.I),
    re.compile(r"^\s*Received in (?P<place>[^\s,.;:]+)", re.I),
    re.compile(r"^\s*(?P<place>[^\s,.;:]+), to the\b", re.I),
]
_LABEL_ONLY = re.compile(r"^\s*(?:Куда|Destination|To where)\s*:?\s*$", re.I)


@dataclass(frozen=True)
class CorrespondencePlaces:
    sent: Person | None = None
    received: Person | None = None


def _key(text: str) -> str:
    """A place word compared without case or spacing ("П Е К И Н" is "ПЕКИН")."""
    return re.sub(r"[\s.\-]", "", text).casefold()


def _lookup(record: DocumentRecord) -> dict[str, Person]:
    found: dict[str, Person] = {}
    for person in record.people:
        if person.kind != "place":
            continue
        for name in (person.name, person.as_written, *person.aliases):
            if name:
                found.setdefault(_key(name), person)
    return found


def _heading(record: DocumentRecord) -> list[str]:
    lines: list[str] = []
    for text in record.texts:
        lines += [line for line in text.body.splitlines() if line.strip()][:HEADING_LINES]
    return lines


def correspondence_places(record: DocumentRecord) -> CorrespondencePlaces:
    """The places a document's heading names as where it left and where it arrived."""
    places = _lookup(record)
    if not places:
        return CorrespondencePlaces()
    sent: Person | None = None
    received: Person | None = None
    lines = _heading(record)
    for index, line in enumerate(lines):
        if sent is None:
            sent = _match(_SENT, line, places)
        if received is None:
            received = _match(_RECEIVED, line, places)
            if received is None and _LABEL_ONLY.match(line) and index + 1 < len(lines):
                received = places.get(_key(lines[index + 1]))  # "Куда" with the place on the next line
    return CorrespondencePlaces(sent, received)


def _match(patterns: list[re.Pattern[str]], line: str, places: dict[str, Person]) -> Person | None:
    for pattern in patterns:
        match = pattern.match(line)
        if not match:
            continue
        words = match.group("place").split()
        for size in range(len(words), 0, -1):  # "PEKING To Whom: …": the longest known start
            place = places.get(_key(" ".join(words[:size])))
            if place is not None:
                return place
    return None
