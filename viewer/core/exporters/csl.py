"""Records for reference managers: CSL-JSON (Zotero, citeproc, pandoc) and RIS (EndNote, Zotero).

A telegram or letter becomes CSL's ``personal_communication`` (Zotero's "Letter": author,
recipient, letter type) and any other document a ``manuscript``; both carry the archive and the
location inside it, the date at its own precision, the address and the summary. The same item
feeds the formatted citations (``citations``), so what a reference manager imports and what
"Copy citation" gives agree.

RIS, tag by tag: TY (PCOMM or MANSCPT), ID (the key), TI, AU (each sender), A2 (each recipient, as
secondary author), M3 (type of work: the genre), DA (YYYY/MM/DD/ at the date's precision) and PY,
AV (location in the archive, archive last), UR, LA, AB (the summary on one line), N1 (date as
written, classification, reference numbers, citation as the source gives it), ER.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any, TextIO

from ..records import DocumentRecord
from .fields import (
    ExportItem,
    dating,
    genre,
    is_correspondence,
    languages,
    main_reference,
    names,
    reference_location,
)

RIS_TYPES = {"personal_communication": "PCOMM", "manuscript": "MANSCPT"}


def csl_item(record: DocumentRecord) -> dict[str, Any]:
    """One document as a CSL-JSON item (CSL 1.0.2 variable names)."""
    item: dict[str, Any] = {
        "id": record.key,
        "type": "personal_communication" if is_correspondence(record) else "manuscript",
        "title": record.title or record.key,
    }
    senders, recipients = names(record, "sender"), names(record, "recipient")
    if senders:
        item["author"] = [{"literal": name} for name in senders]  # names as the archive writes them,
    if recipients:  # never split: "Mao Zedong" has its family name first
        item["recipient"] = [{"literal": name} for name in recipients]
    kind = genre(record)
    if kind:
        item["genre"] = kind
    when = dating(record)
    if when.parts:
        item["issued"] = {"date-parts": [list(part) for part in when.parts]}
    ref = main_reference(record)
    if ref is not None:
        item["archive"] = ref.archive
        location = reference_location(ref)
        if location:
            item["archive_location"] = location
    elif record.source:
        item["archive"] = record.source
    if record.url:
        item["URL"] = record.url
    if record.summary:
        item["abstract"] = record.summary
    found = languages(record)
    if found:
        item["language"] = found[0]
    return item


class CslJsonWriter:
    """A CSL-JSON array, one item per document, written as it comes."""

    def __init__(self, stream: TextIO):
        self.stream = stream
        self.count = 0
        stream.write("[")

    def write(self, item: ExportItem) -> None:
        self.stream.write(",\n" if self.count else "\n")
        self.stream.write(json.dumps(csl_item(item.record), ensure_ascii=False, indent=2))
        self.count += 1

    def close(self) -> None:
        self.stream.write("\n]\n")


def ris_entry(record: DocumentRecord) -> list[tuple[str, str]]:
    """One document as RIS (tag, value) pairs, in RIS order, TY first and ER last."""
    item = csl_item(record)
    pairs = [("TY", RIS_TYPES[item["type"]]), ("ID", record.key), ("TI", item["title"])]
    pairs += [("AU", name["literal"]) for name in item.get("author", [])]
    pairs += [("A2", name["literal"]) for name in item.get("recipient", [])]
    if "genre" in item:
        pairs.append(("M3", item["genre"]))
    when = dating(record)
    if when.parts:
        first = when.parts[0]
        pairs.append(("PY", f"{first[0]:04d}"))
        pairs.append(("DA", "/".join(f"{n:02d}" for n in first) + "/" * (4 - len(first))))
    if "archive" in item:
        pairs.append(("AV", ", ".join(filter(None, (item.get("archive_location"), item["archive"])))))
    if record.url:
        pairs.append(("UR", record.url))
    if "language" in item:
        pairs.append(("LA", item["language"]))
    if record.summary:
        pairs.append(("AB", record.summary))
    notes = [
        ("Date as written", record.date_as_written if record.date_as_written != record.date else None),
        ("Classification", record.classification),
        ("Reference numbers", "; ".join(record.reference_numbers)),
        ("Citation", record.citation),
    ]
    pairs += [("N1", f"{label}: {value}") for label, value in notes if value]
    pairs.append(("ER", ""))
    return [(tag, " ".join(value.split())) for tag, value in pairs]  # RIS values are one line each


class RisWriter:
    """RIS records separated by a blank line, lines ending CR LF as the format's description asks."""

    def __init__(self, stream: TextIO):
        self.stream = stream

    def write(self, item: ExportItem) -> None:
        for tag, value in ris_entry(item.record):
            self.stream.write(f"{tag}  - {value}\r\n")
        self.stream.write("\r\n")

    def close(self) -> None:
        pass


def read_ris(text: str) -> Iterator[dict[str, list[str]]]:
    """RIS records read back as tag -> values (for tests and a later import)."""
    record: dict[str, list[str]] = {}
    for line in text.splitlines():
        if len(line) < 5 or line[2:5] != "  -":
            continue
        tag, value = line[:2], line[6:].strip() if len(line) > 6 else ""
        if tag == "ER":
            yield record
            record = {}
            continue
        record.setdefault(tag, []).append(value)
