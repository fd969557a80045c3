"""The CSV export: one row per document, for spreadsheets, OpenRefine, pandas and a later import.

Columns, in order (``COLUMNS``; several values in one cell are joined by "; "):

- ``id``, ``key``: the document's id in this archive and its stable key.
- ``title``; ``date``, ``date_end`` (ISO, the first and last day the date can mean),
  ``date_precision`` (day, month, year, unknown), ``date_as_written``.
- ``type``, ``classification``.
- ``sender``, ``recipients``, ``signatories``, ``people`` (everyone named, senders first),
  ``places``: canonical names.
- ``original_language`` as the source names it; ``languages``: ISO codes of the original and the texts.
- ``source``: the archival source as written; ``archive``, ``fond``, ``opis``, ``delo``,
  ``papka``, ``listy``: its parts. A document held in two places has two references: each part
  column then lists both, in the same order, an empty value where a reference lacks that part
  (``APRF; AVP RF`` and ``; 059a``).
- ``reference_numbers`` as written, ``url``, ``record_id``, ``citation`` (the source's own),
  ``summary``.
- ``annotations``: how many; ``tags``: empty until the archive has tags.

UTF-8, with RFC 4180 quoting (a value holding a comma, a quote or a line break is quoted).
``spreadsheet=True`` starts the file with a byte-order mark, which Excel needs to read UTF-8, and
puts an apostrophe before a value that a spreadsheet would run as a formula (one starting with
``=``, ``+``, ``-``, ``@``, a tab or a carriage return): text from imported files stays text.
"""

from __future__ import annotations

import csv
from typing import TextIO

from ..records import DocumentRecord
from .fields import LIST_SEPARATOR, REFERENCE_PARTS, ExportItem, joined, languages, names

COLUMNS = (
    "id",
    "key",
    "title",
    "date",
    "date_end",
    "date_precision",
    "date_as_written",
    "type",
    "classification",
    "sender",
    "recipients",
    "signatories",
    "people",
    "places",
    "original_language",
    "languages",
    "source",
    "archive",
    *REFERENCE_PARTS,
    "reference_numbers",
    "url",
    "record_id",
    "citation",
    "summary",
    "annotations",
    "tags",
)
BOM = "\ufeff"
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def row(item: ExportItem) -> dict[str, str]:
    """One document's cells, by column name."""
    record = item.record
    cells = {
        "id": str(record.id),
        "key": record.key,
        "title": record.title,
        "date": record.date or "",
        "date_end": record.date_end or "",
        "date_precision": record.date_precision,
        "date_as_written": record.date_as_written,
        "type": record.type or "",
        "classification": record.classification or "",
        "sender": joined(names(record, "sender")),
        "recipients": joined(names(record, "recipient")),
        "signatories": joined(names(record, "signatory")),
        "people": joined(dict.fromkeys(p.name for p in record.people if p.kind != "place")),
        "places": joined(names(record, "place")),
        "original_language": record.original_language or "",
        "languages": joined(languages(record)),
        "source": record.source or "",
        "reference_numbers": joined(record.reference_numbers),
        "url": record.url or "",
        "record_id": record.record_id or "",
        "citation": record.citation or "",
        "summary": record.summary or "",
        "annotations": str(len(item.annotations)),
        "tags": "",
    }
    cells.update(_reference_parts(record))
    return cells


def _reference_parts(record: DocumentRecord) -> dict[str, str]:
    refs = record.archival_refs
    parts = {}
    for part in ("archive", *REFERENCE_PARTS):
        values = [getattr(ref, part) or "" for ref in refs]
        parts[part] = LIST_SEPARATOR.join(values) if any(values) else ""
    return parts


def _defused(value: str) -> str:
    return "'" + value if value.startswith(_FORMULA_STARTS) else value


class CsvWriter:
    """A header row, then one row per document as it comes."""

    def __init__(self, stream: TextIO, *, spreadsheet: bool = False):
        """``stream`` is opened with ``newline=""`` (the csv module writes its own line ends)."""
        self.spreadsheet = spreadsheet
        if spreadsheet:
            stream.write(BOM)
        self.writer = csv.DictWriter(stream, fieldnames=COLUMNS, lineterminator="\r\n")
        self.writer.writeheader()

    def write(self, item: ExportItem) -> None:
        cells = row(item)
        if self.spreadsheet:
            cells = {name: _defused(value) for name, value in cells.items()}
        self.writer.writerow(cells)

    def close(self) -> None:
        pass
