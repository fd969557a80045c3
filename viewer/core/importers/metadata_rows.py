"""The rows of a spreadsheet of metadata (see ``metadata_csv``): their columns, read whatever the
encoding and separator, and every cell checked before anything is written, each fault a ``RowError``
naming its row (as a spreadsheet numbers it: the header is row 1), its column and the reason."""

from __future__ import annotations

import calendar
import csv
import io
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from ..curation import CurationError
from ..dates import DateInfo, parse_date
from ..errors import ImportRefused
from ..exporters.csv_out import COLUMNS as EXPORT_COLUMNS
from ..exporters.fields import LIST_SEPARATOR, REFERENCE_PARTS
from ..field_values import date_value, tag_name
from ..records import ArchivalRef
from .decode import decode
from .derive import archival_refs

# Columns the export writes that an import does not read: this archive's own id, and counts and
# lists derived from the rest.
DERIVED = ("id", "languages", "annotations")
COLUMNS = ("file", *(c for c in EXPORT_COLUMNS if c not in DERIVED))
SYNONYMS = {
    "filename": "file",
    "file name": "file",
    "path": "file",
    "pdf": "file",
    "recipient": "recipients",
    "signatory": "signatories",
    "language": "original_language",
    "document type": "type",
    "doc type": "type",
    "date written": "date_as_written",
    "reference numbers": "reference_numbers",
    "record id": "record_id",
    "tag": "tags",
}
TEXT_FIELDS = {
    "title": "title",
    "type": "doc_type",
    "classification": "classification",
    "original_language": "original_language",
    "source": "source",
    "url": "url",
    "record_id": "record_id",
    "citation": "citation",
    "summary": "summary",
}
PEOPLE = {"sender": "sender", "recipients": "recipient", "signatories": "signatory", "places": "place"}
FILE_SUFFIXES = {".txt", ".md", ".markdown", ".text", ".pdf"}


@dataclass(frozen=True)
class RowError:
    """Why one cell of one row cannot be taken."""

    row: int
    column: str
    reason: str

    def __str__(self) -> str:
        return f"row {self.row}, column {self.column}: {self.reason}"


@dataclass
class Row:
    """One row: its number as a spreadsheet shows it, its known cells (non-empty) and the rest."""

    number: int
    cells: dict[str, str]
    extra: dict[str, str] = field(default_factory=dict)


def column_of(header: str) -> str | None:
    """The column a header names ("Date_as written", "Recipient" and "recipients" alike), or None."""
    name = " ".join(re.sub(r"[_\-]+", " ", header.strip().lower()).split())
    name = SYNONYMS.get(name, name).replace(" ", "_")
    return name if name in COLUMNS or name in DERIVED else None


def read_rows(path: Path) -> Iterator[Row]:
    """The rows of a spreadsheet (UTF-8 with or without BOM, UTF-16, cp1251; comma, semicolon or tab);
    ImportRefused when the file cannot be read as one."""
    try:
        text, _encoding = decode(path.read_bytes(), str(path))
    except OSError as error:
        raise ImportRefused(str(path), f"cannot be read ({error.strerror})") from None
    first = text.split("\n", 1)[0]  # the header decides the delimiter (the sniffer guesses wrong on long quoted cells)
    delimiter = max(",;\t", key=first.count)
    reader = csv.reader(io.StringIO(text), csv.excel, delimiter=delimiter)
    header = next(reader, None)
    if not header or not any(h.strip() for h in header):
        raise ImportRefused(str(path), "the spreadsheet is empty (no header row)")
    known = [column_of(h) for h in header]
    if not {"file", "title", "key", "url"} & set(known):
        raise ImportRefused(str(path), "no column names a file, a title, a key or a url (see docs/import-csv.md)")
    number = 1
    for cells in reader:
        number += 1
        row = Row(number, {})
        for column, header_name, value in zip(known, header, cells, strict=False):
            value = value.strip()
            if not value or column in DERIVED:
                continue
            if column is None:
                row.extra[header_name.strip()] = value
            else:
                row.cells[column] = value
        if row.cells or row.extra:
            yield row


def split(value: str) -> list[str]:
    return [part.strip() for part in value.split(LIST_SEPARATOR.strip()) if part.strip()]


@dataclass
class Values:
    """A row's cells as the fields of a document, checked."""

    row: Row
    file: Path | None = None
    date: DateInfo | None = None
    refs: list[ArchivalRef] | None = None
    tags: list[str] = field(default_factory=list)
    errors: list[RowError] = field(default_factory=list)

    def error(self, column: str, reason: str) -> None:
        self.errors.append(RowError(self.row.number, column, reason))


def check(row: Row, folder: Path) -> Values:
    """Every cell of a row checked; ``errors`` lists each one that cannot be taken."""
    values = Values(row)
    cells = row.cells
    if "file" in cells:
        named = Path(cells["file"].replace("\\", "/"))
        path = named if named.is_absolute() else folder / named
        if not path.is_file():
            values.error("file", f"no such file: {path}")
        elif path.suffix.lower() not in FILE_SUFFIXES:
            values.error("file", f"“{named.name}” is not a text or PDF file (.txt, .md or .pdf)")
        else:
            values.file = path
    elif "title" not in cells and not ({"key", "url"} & set(cells)):
        values.error("title", "a row without a file needs a title (or the key or url of a document here)")
    _check_date(values)
    if "source" in cells or any(part in cells for part in ("archive", *REFERENCE_PARTS)):
        values.refs = _references(cells)
    for number in split(cells.get("reference_numbers", "")):
        if not re.search(r"\d", number):
            values.error("reference_numbers", f"“{number}” holds no number")
    for tag in split(cells.get("tags", "")):
        try:
            values.tags.append(tag_name(tag))
        except CurationError as error:
            values.error("tags", error.reason)
    url = cells.get("url")
    if url and not re.match(r"^[a-z][a-z0-9+.-]*:", url, re.I):
        values.error("url", f"“{url}” is not a web address (it should start with https://)")
    return values


def _check_date(values: Values) -> None:
    cells = values.row.cells
    start, written = cells.get("date"), cells.get("date_as_written")
    if not start:
        if "date_end" in cells or "date_precision" in cells:
            values.error("date", "date_end and date_precision need a date (the first day, yyyy-mm-dd)")
        elif written:
            parsed = parse_date(written)
            values.date = parsed if parsed.known else DateInfo(None, None, "unknown", written)
        return
    month = re.match(r"^(\d{4})-(\d{2})$", start)
    if month and 1 <= int(month.group(2)) <= 12:  # ISO 8601's month, which the page parser does not read
        year, number = int(month.group(1)), int(month.group(2))
        last = calendar.monthrange(year, number)[1]
        start, cells = f"{start}-01", {**cells, "date_end": f"{start}-{last:02d}", "date_precision": "month"}
        written = written or month.group(0)
    try:
        if re.match(r"^\d{4}-\d{2}-\d{2}$", start):
            given = {"start": start, "end": cells.get("date_end"), "precision": cells.get("date_precision")}
            value = date_value({"text": written or start, **{k: v for k, v in given.items() if v}})
        else:
            value = date_value(start)
            value["text"] = written or start
    except CurationError as error:
        column = "date_end" if "end" in error.reason and "date_end" in cells else "date"
        values.error("date_precision" if "precision" in error.reason else column, error.reason)
        return
    values.date = DateInfo(value["start"], value["end"], value["precision"], value["text"])


def _references(cells: dict[str, str]) -> list[ArchivalRef]:
    """The archival references: from their parts when the row gives parts (one value per reference in
    each part column), else read from the source as written."""
    parts = {part: cells.get(part, "").split(LIST_SEPARATOR.strip()) for part in ("archive", *REFERENCE_PARTS)}
    if not any(cells.get(part) for part in parts):
        return archival_refs(cells.get("source", ""))
    count = max(len(values) for values in parts.values())
    written = split(cells.get("source", ""))
    refs = []
    for n in range(count):
        ref = ArchivalRef(raw="", **{p: (v[n].strip() or None) if n < len(v) else None for p, v in parts.items()})
        spelled = ", ".join(
            filter(None, [ref.archive, *(f"{p} {getattr(ref, p)}" for p in REFERENCE_PARTS if getattr(ref, p))])
        )
        ref.raw = written[n] if len(written) == count else spelled
        refs.append(ref)
    return refs
