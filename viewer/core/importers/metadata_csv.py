"""Importing a spreadsheet of metadata for many documents (``archive-viewer import letters.csv``).

One row per document, with the columns of the CSV export (``exporters/csv_out.py``) and a ``file``
column naming the document's text or PDF, relative to the CSV's folder. The full description, with
an example, is docs/import-csv.md. In short:

- A row with a ``file`` imports that file as usual (text page or PDF, pages, OCR), then the row's
  non-empty cells replace what the importer read from the file. A row without one is a catalogue
  entry: a document made of its cells alone (it needs a ``title``), or, when its ``key`` or ``url``
  names a document already here, new values for that document.
- A row is written in its own transaction. A row that cannot be taken is refused with its row
  number (as a spreadsheet numbers it: the header is row 1), its column and the reason, and the batch
  goes on; nothing of a refused row is written.
- Importing the same spreadsheet again changes nothing (each row is remembered by a fingerprint of
  its cells and its file); a changed row updates its document, keeping what people corrected.
"""

from __future__ import annotations

import hashlib
import json
import re
import sqlite3
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..errors import ImportRefused
from ..exporters.fields import LIST_SEPARATOR
from ..gazetteer import Gazetteer
from ..records import Mention, ParsedDocument
from .derive import link_hints
from .metadata_rows import PEOPLE, TEXT_FIELDS, Row, RowError, Values, check, read_rows, split
from .records_in import incoming, reference_number
from .results import FileResult

if TYPE_CHECKING:
    from ..store import Archive


def apply(doc: ParsedDocument, values: Values, gazetteer: Gazetteer) -> None:
    """Replace what the file said by the row's cells (an empty cell leaves the file's value)."""
    cells = values.row.cells
    if "key" in cells:
        doc.key = cells["key"]
    for column, attribute in TEXT_FIELDS.items():
        if column in cells:
            setattr(doc, attribute, cells[column])
    if values.date is not None:
        doc.date = values.date
    if values.refs is not None:
        doc.archival_refs = values.refs
        if "source" not in cells:
            doc.source = LIST_SEPARATOR.join(ref.raw for ref in values.refs)
    if "reference_numbers" in cells:
        doc.reference_numbers = [reference_number(label) for label in split(cells["reference_numbers"])]
    if "reference_numbers" in cells or "summary" in cells:
        doc.link_hints = link_hints(doc)
    named = {role: split(cells[column]) for column, role in PEOPLE.items() if column in cells}
    if "people" in cells:
        said = {name for role in ("sender", "recipient", "signatory") for name in named.get(role, [])}
        said |= {m.as_written for m in doc.mentions if m.role in ("sender", "recipient", "signatory")}
        said |= {m.name for m in doc.mentions if m.role in ("sender", "recipient", "signatory")}
        named["mentioned"] = [name for name in split(cells["people"]) if name not in said]
    for role, names in named.items():
        doc.mentions = [m for m in doc.mentions if m.role != role] + [_mention(n, role, gazetteer) for n in names]
    doc.extra.update(values.row.extra)
    doc.review_reasons = [r for r in doc.review_reasons if not _settled_by(r, cells)]


def _mention(name: str, role: str, gazetteer: Gazetteer) -> Mention:
    """A name as the row writes it, resolved to the person or place the archive knows by it."""
    kinds = ("place",) if role == "place" else ("person", "organization")
    entity = gazetteer.named(name)
    if entity is not None and entity.kind in kinds:
        return Mention(entity.name, role, name, entity.kind)
    return Mention(name, role, name, kinds[0])


def _settled_by(reason: str, cells: dict[str, str]) -> bool:
    """Whether a guess the importer flagged is answered by the row (a title, a date)."""
    return ("title" in cells and reason.startswith(("title guessed", "no title found"))) or (
        "date" in cells and reason.startswith(("date guessed", "no date found"))
    )


def fingerprint(values: Values, file_sha256: str | None) -> str:
    """What identifies a row's import: its cells and its file's bytes (a changed row is a new version)."""
    cells = {**values.row.cells, **{f"extra:{k}": v for k, v in values.row.extra.items()}}
    cells.pop("file", None)
    text = json.dumps([cells, file_sha256], ensure_ascii=False, sort_keys=True)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


# -- the importer --------------------------------------------------------------------------------


def import_metadata_csv(
    archive: Archive, path: Path, cancelled: Callable[[], bool] = lambda: False
) -> Iterator[FileResult]:
    """Import every row of a spreadsheet, yielding a result per row; a refused row never stops the rest."""
    try:
        rows = list(read_rows(path))
    except ImportRefused as refused:
        yield FileResult(path, "refused", None, refused.reason)
        return
    folder = path.resolve().parent
    for row in rows:
        if cancelled():
            return
        yield import_row(archive, path, row, folder)


def import_row(archive: Archive, path: Path, row: Row, folder: Path) -> FileResult:
    values = check(row, folder)
    shown = values.file or path
    if values.errors:
        return _refused(archive, path, shown, values.errors)
    try:
        return _write_row(archive, path, values)
    except ImportRefused as refused:
        return _refused(archive, path, shown, [RowError(row.number, "file", refused.reason)])
    except sqlite3.Error as error:
        return _refused(archive, path, shown, [RowError(row.number, "file", f"could not be written ({error})")])


def _refused(archive: Archive, path: Path, shown: Path, errors: list[RowError]) -> FileResult:
    message = f"row {errors[0].row}: " + "; ".join(f"column {e.column}: {e.reason}" for e in errors)
    report = {"row": errors[0].row, "errors": [{"column": e.column, "reason": e.reason} for e in errors]}
    try:
        with archive.transaction():
            archive.record_import(f"{path}#row{errors[0].row}", None, None, "refused", report)
    except (sqlite3.Error, OSError):
        pass  # a full or read-only disk: the result still says why
    return FileResult(shown, "refused", None, message, report)


def _write_row(archive: Archive, path: Path, values: Values) -> FileResult:
    cells, number = values.row.cells, values.row.number
    data = values.file.read_bytes() if values.file else None
    file_sha = hashlib.sha256(data).hexdigest() if data is not None else None
    sha = fingerprint(values, file_sha)
    resolved = str(values.file.resolve()) if values.file else None
    existing = archive.match_document(sha, None, None)
    if existing is not None:
        return FileResult(values.file or path, "unchanged", existing, f"row {number}: unchanged", {"row": number})
    existing = archive.match_document(file_sha, cells.get("url"), cells.get("key"), path=resolved)
    if existing is None and values.file is None and "title" not in cells:
        error = RowError(number, "title", "no document here has this key or url, and a new one needs a title")
        return _refused(archive, path, path, [error])
    gazetteer = archive.gazetteer()
    extracted = None
    kept_links: list[dict[str, Any]] = []
    if values.file is not None and data is not None and values.file.suffix.lower() == ".pdf":
        from .mupdf import extract
        from .pdf import build_document, pdf_options

        with pdf_options(metadata_csv=path) as options:
            extracted = extract(data, values.file.name, "pdf", options)  # slow: before the transaction
            doc = build_document(extracted, values.file, gazetteer, options)
        for header in [*cells, *values.row.extra, "date as given"]:  # what the spreadsheet sidecar copied
            doc.extra.pop(header, None)
    elif values.file is not None and data is not None:
        from .text import parse_text_file

        doc = parse_text_file(data, values.file, gazetteer)
    elif existing is not None:  # a catalogue row for a document here: its record, with the row's cells over it
        record = archive.record(existing)
        assert record is not None
        item = incoming(
            record.as_json(), numbers=archive.reference_numbers(existing), links=archive.outgoing_links(existing)
        )
        doc, kept_links = item.parsed, item.links
    else:
        doc = ParsedDocument(key=cells.get("key") or _key_from(cells.get("title", "")))
    apply(doc, values, gazetteer)
    outcome = "updated" if existing is not None else "imported"
    report = {"row": number, **doc.report.as_dict()}
    with archive.transaction():
        document_id = archive.save_document(doc, source_path=resolved, sha256=sha, replace_id=existing)
        for link in kept_links:
            archive.add_link(document_id, archive.match_document(None, None, link["target_key"]), link)
        if values.file is None:
            archive.set_import_columns(document_id, source_name=path.name, source_path=None, imported_at=None)
        if extracted is not None:
            stored = extracted.stored or data
            assert stored is not None
            digest = hashlib.sha256(stored).hexdigest()
            file_id = archive.store_file(digest, values.file.name if values.file else path.name, extracted.mime, stored)
            archive.save_pages(document_id, file_id, [page.as_row() for page in extracted.pages])
            archive.reindex(document_id)
        if values.tags:
            archive.add_tags(document_id, values.tags)
        archive.record_import(f"{path}#row{number}", sha, document_id, outcome, report)
    message = f"row {number}" + (f": {'; '.join(doc.review_reasons)}" if doc.review_reasons else "")
    return FileResult(values.file or path, outcome, document_id, message, report)


def _key_from(title: str) -> str:
    """A key for a catalogue entry without one: the title's first words, as a file stem would be."""
    words = re.findall(r"\w+", title.lower())[:6]
    return "-".join(words) or "document"
