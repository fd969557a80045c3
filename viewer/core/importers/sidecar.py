"""Metadata that comes beside a PDF or a scan rather than inside it.

Three shapes, from the most to the least specific, merged in that order:

1. ``NAME.json`` beside ``NAME.pdf``: an object whose keys are the column names below.
2. ``NAME.txt`` (or ``.md``) beside ``NAME.pdf``: a page in the seed documents' shape (dateline, title,
   Citation:, Summary:, Original Language:, transcript and translation), read by the page parser.
3. A CSV spreadsheet in the same folder (any ``*.csv`` with a file-name column), one row per file.

CSV and JSON column names are matched case-insensitively, with ``_`` and ``-`` read as spaces:

=================================================  =====================
column                                             field
=================================================  =====================
file, filename, file name, path, pdf, scan         which file the row is about (name, with or without suffix)
title                                              title
date                                               date as written; parsed like any date ("13 May 1950", "1950-05-13")
type, document type, doc type                      type
language, original language                        original language (a name such as Russian)
classification                                     classification
summary, description, abstract                     summary
source, archive, archival source                   source (archive, fond, opis ... are derived from it)
citation                                           citation
url, link                                          web address
record id, record                                  record id
rights, credits                                    rights, credits
any other column                                   kept under the document's extra fields
=================================================  =====================
"""

from __future__ import annotations

import contextlib
import csv
import io
import json
import re
from dataclasses import dataclass, field
from pathlib import Path

from ..dates import parse_date
from ..errors import ImportRefused
from ..gazetteer import Gazetteer
from ..records import ParsedDocument
from .decode import decode
from .page import parse_page

COLUMNS = {
    "file": "file",
    "filename": "file",
    "file name": "file",
    "path": "file",
    "pdf": "file",
    "scan": "file",
    "title": "title",
    "date": "date",
    "type": "doc_type",
    "document type": "doc_type",
    "doc type": "doc_type",
    "language": "original_language",
    "original language": "original_language",
    "classification": "classification",
    "summary": "summary",
    "description": "summary",
    "abstract": "summary",
    "source": "source",
    "archive": "source",
    "archival source": "source",
    "citation": "citation",
    "url": "url",
    "link": "url",
    "record id": "record_id",
    "record": "record_id",
    "rights": "rights",
    "credits": "credits",
}
TEXT_SIDECARS = (".txt", ".md", ".markdown", ".text")


@dataclass
class Metadata:
    """What the sidecars say about one file."""

    fields: dict[str, str] = field(default_factory=dict)  # field name (see COLUMNS) -> value
    extra: dict[str, str] = field(default_factory=dict)
    page: ParsedDocument | None = None  # a text sidecar, parsed
    sources: list[str] = field(default_factory=list)  # which files said it, for the report


def normalise(header: str) -> str:
    return " ".join(re.sub(r"[_\-]+", " ", header.strip().lower()).split())


def split_row(row: dict[str, str]) -> tuple[dict[str, str], dict[str, str]]:
    """Known fields and the rest, from one CSV row or JSON object."""
    fields: dict[str, str] = {}
    extra: dict[str, str] = {}
    for header, value in row.items():
        if header is None or value is None or not str(value).strip():
            continue
        name = COLUMNS.get(normalise(str(header)))
        if name:
            fields[name] = str(value).strip()
        else:
            extra[str(header).strip()] = str(value).strip()
    return fields, extra


def read_csv(path: Path) -> dict[str, dict[str, str]]:
    """Rows of an archivist's spreadsheet keyed by file name and by stem (lower case)."""
    text, _encoding = decode(path.read_bytes(), str(path))
    sample = text[:4096]
    try:
        dialect: type[csv.Dialect] | csv.Dialect = csv.Sniffer().sniff(sample, delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    rows: dict[str, dict[str, str]] = {}
    for row in csv.DictReader(io.StringIO(text), dialect=dialect):
        file_column = next((h for h in row if h and COLUMNS.get(normalise(h)) == "file"), None)
        if not file_column or not (row.get(file_column) or "").strip():
            continue
        name = Path(row[file_column].strip().replace("\\", "/")).name.lower()
        rows.setdefault(name, row)
        rows.setdefault(Path(name).stem, row)
    return rows


def csv_row(path: Path, extra_csv: Path | None = None) -> tuple[dict[str, str], Path] | None:
    """The spreadsheet row for ``path``, from ``extra_csv`` or any CSV in its folder."""
    candidates = [extra_csv] if extra_csv else []
    with contextlib.suppress(OSError):
        candidates += sorted(p for p in path.parent.glob("*.csv") if p.is_file())
    for candidate in candidates:
        try:
            rows = _cached_csv(candidate)
        except (OSError, ImportRefused, csv.Error):
            continue
        row = rows.get(path.name.lower()) or rows.get(path.stem.lower())
        if row:
            return row, candidate
    return None


_CSV_CACHE: dict[tuple[str, float, int], dict[str, dict[str, str]]] = {}


def _cached_csv(path: Path) -> dict[str, dict[str, str]]:
    """A folder of hundreds of PDFs reads its spreadsheet once, and again only when it changes."""
    stat = path.stat()
    key = (str(path.resolve()), stat.st_mtime, stat.st_size)
    if key not in _CSV_CACHE:
        if len(_CSV_CACHE) > 16:
            _CSV_CACHE.clear()
        _CSV_CACHE[key] = read_csv(path)
    return _CSV_CACHE[key]


def text_sidecar(path: Path) -> Path | None:
    for suffix in TEXT_SIDECARS:
        for candidate in (path.with_suffix(suffix), path.with_suffix(suffix.upper())):
            if candidate.is_file() and candidate != path:
                return candidate
    return None


def metadata_for(path: Path, gazetteer: Gazetteer | None = None, extra_csv: Path | None = None) -> Metadata:
    """Everything the sidecars of ``path`` say; empty when there are none. Unreadable sidecars are
    noted in ``sources`` and skipped: a bad spreadsheet must not stop the PDF's import."""
    meta = Metadata()
    found = csv_row(path, extra_csv)
    if found:
        fields, extra = split_row(found[0])
        fields.pop("file", None)
        meta.fields.update(fields)
        meta.extra.update(extra)
        meta.sources.append(f"spreadsheet {found[1].name}")
    json_path = path.with_suffix(".json")
    if json_path.is_file():
        try:
            loaded = json.loads(decode(json_path.read_bytes(), str(json_path))[0])
            if not isinstance(loaded, dict):
                raise ValueError("not a JSON object")
            fields, extra = split_row({str(k): _flat(v) for k, v in loaded.items()})
            fields.pop("file", None)
            meta.fields.update(fields)
            meta.extra.update(extra)
            meta.sources.append(f"sidecar {json_path.name}")
        except (OSError, ValueError, ImportRefused) as error:
            meta.sources.append(f"sidecar {json_path.name} unreadable ({error})")
    text_path = text_sidecar(path)
    if text_path is not None:
        try:
            text, _encoding = decode(text_path.read_bytes(), str(text_path))
            meta.page = parse_page(text, path.stem, gazetteer)
            meta.sources.append(f"sidecar {text_path.name}")
        except (OSError, ImportRefused) as error:
            meta.sources.append(f"sidecar {text_path.name} unreadable ({error})")
    return meta


def _flat(value: object) -> str:
    if isinstance(value, list):
        return "; ".join(str(v) for v in value)
    return "" if value is None else str(value)


def apply(doc: ParsedDocument, fields: dict[str, str], extra: dict[str, str]) -> set[str]:
    """Set a document's fields from sidecar values; returns the names set (title, date, ...)."""
    applied: set[str] = set()
    for name, value in fields.items():
        if name == "date":
            date = parse_date(value)
            if date.known:
                doc.date = date
                applied.add("date")
            else:
                doc.extra["date as given"] = value
        elif name in {
            "title",
            "doc_type",
            "original_language",
            "classification",
            "summary",
            "source",
            "citation",
            "url",
            "record_id",
            "rights",
            "credits",
        }:
            setattr(doc, name, value)
            applied.add(name)
    doc.extra.update(extra)
    return applied
