"""Importing another archive's JSON export (``export --format json``): every record comes back as it
was, with its texts, people, numbers, references, links and annotations.

A document already here (the same sha256 of its source, else url, else key) is left as it is when its
record says the same, and updated from the record when it differs (corrections made here are kept, as
in any re-import); annotations and tags it lacks are added, never twice. A field corrected there
(version 2 of the export) comes with its correction: who made it, when, and what the import had said,
so it is kept through later re-imports here too; where the same field was corrected here as well, the
newer correction stays. Each document is written in its own transaction; the links between them are
written last, by key, once every document is in.

A scan comes back when the export carries its bytes (``export --with-scans``) and the document here
has none yet; otherwise the report says it was left out (``attach`` or a merge of the archive brings
it). What the export does not carry does not come back: the correction history and collections (a
merge of the archive file brings these).
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import json
import sqlite3
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..curation import FIELDS, InvalidValue
from ..errors import ImportRefused
from ..exporters.json_out import FORMAT, READS
from ..field_values import normalise, tag_name
from ..messages import say
from .decode import decode
from .json_stream import read_streamed, streamable
from .mupdf import page_count
from .records_in import Incoming, add_annotations, annotation_identity, identity_of, incoming, write_aliases
from .results import FileResult

if TYPE_CHECKING:
    from ..store import Archive

# Fields of a record that belong to the archive holding it, not to the document.
OWN_FIELDS = ("id", "imported_at")
# What the export adds to a record, compared and written apart from it.
ADDED = ("annotations", "tags", "corrections", "scans")
REVIEW = "review"  # the one correction that is no field: a document marked reviewed (store/tags.py)


def is_export(data: Any) -> bool:
    return isinstance(data, dict) and data.get("format") == FORMAT


def read_export(path: Path) -> dict[str, Any]:
    """The export's envelope and documents (a list, or for a large file an iterator reading one at a
    time: importers/json_stream.py); ImportRefused for anything else (and for a newer version)."""
    data: Any = None
    try:
        if streamable(path):
            try:
                head, documents = read_streamed(path)
                data = {**head, "documents": documents}
            except UnicodeDecodeError:
                pass  # not UTF-8 after all: read whole, as any other text
        if data is None:
            text, _encoding = decode(path.read_bytes(), str(path))
            data = json.loads(text)
    except OSError as error:
        raise ImportRefused(str(path), say("cannot_read", detail=error.strerror)) from None
    except json.JSONDecodeError as error:
        raise ImportRefused(str(path), say("json_invalid", line=error.lineno, column=error.colno)) from None
    except RecursionError:  # arrays or objects nested thousands deep: no export is
        raise ImportRefused(str(path), say("json_too_deep")) from None
    if not is_export(data):
        raise ImportRefused(str(path), say("json_not_export", format=FORMAT))
    version = data.get("version")
    if not isinstance(version, int) or version not in READS:
        raise ImportRefused(str(path), say("json_version", version=version, newest=READS[-1]))
    if not isinstance(data.get("documents"), list | Iterator):
        raise ImportRefused(str(path), say("json_no_documents"))
    envelope: dict[str, Any] = data
    return envelope


def comparable(record: dict[str, Any]) -> dict[str, Any]:
    """A record without what belongs to the archive holding it: its id, when it came in, the ids in its
    links (documents are named by key across archives), and what the export adds to it (its
    annotations, tags, corrections and scans, compared apart)."""
    data = {k: v for k, v in record.items() if k not in (*OWN_FIELDS, *ADDED)}
    data["links"] = sorted(
        (link["relation"], link["direction"], link.get("key"), link["evidence"], link.get("unresolved"))
        for link in record.get("links") or []
    )
    return data


def import_export(archive: Archive, path: Path, cancelled: Callable[[], bool] = lambda: False) -> Iterator[FileResult]:
    """Import every document of an export, yielding a result per document (the batch goes on past a
    document that cannot be written); refused as a whole only when the file is not an export."""
    try:
        data = read_export(path)
    except ImportRefused as refused:
        yield FileResult(path, "refused", None, refused.reason)
        return
    written: list[tuple[int, Incoming]] = []
    for number, record in enumerate(data["documents"], start=1):
        if cancelled():
            break
        result, item = _import_one(archive, path, number, record)
        if item is not None and result.document_id is not None:
            written.append((result.document_id, item))
        yield result
    if written:
        with archive.transaction():
            for document_id, item in written:
                for link in item.links:
                    target = archive.match_document(None, None, link["target_key"])
                    archive.add_link(document_id, target, link)


def _import_one(archive: Archive, path: Path, number: int, record: Any) -> tuple[FileResult, Incoming | None]:
    try:
        if not isinstance(record, dict) or not record.get("key"):
            raise ValueError("not a record with a key")
        item = incoming(record)
        tags, fixes, scans = _added(record)
        label = say("json_record", number=number, key=item.parsed.key)
        existing = archive.match_document(item.sha256, item.parsed.url, item.parsed.key)
        if existing is not None:
            current = archive.record(existing)
            assert current is not None
            have = {identity_of(a) for a in archive.document_annotations(existing)}
            same = comparable(current.as_json()) == comparable(record)
            if (
                same
                and all(annotation_identity(a) in have for a in item.annotations)
                and _holds(archive, existing, tags, fixes, scans)
            ):
                return FileResult(path, "unchanged", existing, say("unchanged_record", record=label)), item
        outcome = "updated" if existing is not None else "imported"
        with archive.transaction():
            document_id = archive.save_document(item.parsed, source_path=None, sha256=item.sha256, replace_id=existing)
            archive.set_import_columns(
                document_id, source_name=item.source_file, source_path=None, imported_at=item.imported_at
            )
            write_aliases(archive, item)
            if existing is None or not archive.corrected_fields(document_id):
                archive.set_review(document_id, item.needs_review, item.parsed.review_reasons)
            pages_in = _scans(archive, document_id, scans) if not archive.page_rows(document_id) else 0
            added = add_annotations(archive, document_id, item.annotations)  # after the pages scan notes sit on
            report = {"document": number, "key": item.parsed.key, "annotations_added": added}
            report["tags_added"] = archive.add_tags(document_id, tags)
            report["corrections_taken"] = _corrections(archive, document_id, fixes)
            if pages_in:
                report["scan_pages"] = pages_in
            pages = int(record.get("pages") or 0) if not archive.page_rows(document_id) else 0
            if pages:
                report["scan_left_out"] = pages
            archive.record_import(f"{path}#{number}", item.sha256, document_id, outcome, report)
    except (KeyError, TypeError, ValueError, AttributeError) as error:  # (a title that is a number: AttributeError)
        return FileResult(path, "refused", None, say("json_not_record", number=number, error=repr(error))), None
    except sqlite3.Error as error:
        return FileResult(path, "refused", None, say("json_not_written", number=number, error=error)), None
    said = say("json_scan_left_out", record=label, pages=pages) if pages else label
    return FileResult(path, outcome, document_id, said, report), item


def _added(record: dict[str, Any]) -> tuple[list[str], list[dict[str, Any]], list[dict[str, Any]]]:
    """The tags, corrections and scans of a record (none in an export of version 1). ValueError for
    what the window would not take either: a tag it refuses, a correction of no field, without its
    author or time, a review whose reasons are no list of texts."""
    tags = [_tag(tag) for tag in record.get("tags") or []]
    fixes = [dict(fix) for fix in record.get("corrections") or []]
    scans = [dict(scan) for scan in record.get("scans") or []]
    for fix in fixes:
        if not isinstance(fix.get("field"), str) or not isinstance(fix.get("at"), str):
            raise ValueError(f"a correction without its field or time: {fix!r}"[:200])
        if fix["field"] not in FIELDS and fix["field"] != REVIEW:
            raise ValueError(f"a correction of {fix['field']!r}, which is no field"[:200])
        if not isinstance(fix.get("author"), str):
            raise ValueError(f"a correction of {fix['field']} without its author")
        reasons = fix.get("imported")
        if fix["field"] == REVIEW and not (reasons is None or _texts(reasons)):
            raise ValueError("a review whose reasons are no list of texts")
    return tags, fixes, scans


def _texts(value: Any) -> bool:
    return isinstance(value, list) and all(isinstance(item, str) for item in value)


def _tag(tag: Any) -> str:
    """A tag as the window stores it (store/tags.py)."""
    if not isinstance(tag, str):
        raise ValueError(f"a tag that is no text: {tag!r}"[:200])
    try:
        return tag_name(tag)
    except InvalidValue as error:
        raise ValueError(str(error)) from None


def _valid(archive: Archive, document_id: int, name: str, value: Any) -> Any:
    """A corrected value as the window takes it (normalised, people resolved); ValueError for one it
    would refuse (a title that is a number, a date that is no date)."""
    try:
        value = normalise(name, value, archive.field_value(document_id, name))
    except InvalidValue as error:
        raise ValueError(f"the corrected {name}: {error}") from None
    return archive.resolve_people(name, value) if FIELDS[name].kind == "people" else value


def _holds(
    archive: Archive, document_id: int, tags: list[str], fixes: list[dict[str, Any]], scans: list[dict[str, Any]]
) -> bool:
    """Whether the document here already has these tags, these corrections (or newer ones) and the
    scans whose bytes the export carries."""
    held = {tag.lower() for tag in archive.document_tags(document_id)}
    if any(tag.lower() not in held for tag in tags):
        return False
    for fix in fixes:
        mine = archive.correction(document_id, fix["field"])
        if mine is None or mine["at"] < fix["at"]:
            return False
    return all(archive.has_file(document_id, scan["sha256"]) for scan in scans if scan.get("data"))


def _corrections(archive: Archive, document_id: int, fixes: list[dict[str, Any]]) -> list[str]:
    """Write the corrections made there onto the document here (inside the caller's transaction):
    each one's provenance, and its value where the record did not already set it (a note, or a
    field a re-import here kept). A field corrected here later keeps its correction. Returns the
    fields taken."""
    taken = []
    bodies = False
    for fix in fixes:
        name = fix["field"]
        mine = archive.correction(document_id, name)
        if mine is not None and mine["at"] >= fix["at"]:
            continue
        spec = FIELDS.get(name)
        value = fix.get("value")
        portable = spec is not None and spec.kind != "links" and (value is not None or spec.kind != "body")
        if portable:
            value = _valid(archive, document_id, name, value)
        if portable and archive.field_value(document_id, name) != value:
            archive.write_field(document_id, name, value)
            bodies = bodies or FIELDS[name].kind == "body"
        archive.write_correction(
            document_id, name, {"author": fix.get("author"), "at": fix["at"], "imported": fix.get("imported")}
        )
        taken.append(name)
    if bodies:
        archive.reanchor_annotations(document_id)
    if taken:
        archive.reindex(document_id)
    return taken


def _scans(archive: Archive, document_id: int, scans: list[dict[str, Any]]) -> int:
    """Store the scan files whose bytes the export carries and give the document their pages, in
    order (inside the caller's transaction); a file whose bytes are not what its sha256 says is
    refused. Returns the pages added."""
    added = 0
    for scan in scans:
        if not scan.get("data"):
            continue
        try:
            data = base64.b64decode(scan["data"], validate=True)
        except (binascii.Error, ValueError):
            raise ValueError(f"the scan {scan.get('name')!r} is not base64") from None
        sha256 = hashlib.sha256(data).hexdigest()
        if sha256 != scan.get("sha256"):
            raise ValueError(f"the scan {scan.get('name')!r} does not match its sha256")
        rows = [_page_row(row) for row in scan.get("page_rows") or []]
        if not rows:
            raise ValueError(f"the scan {scan.get('name')!r} names none of its pages")
        _within(scan, data, rows)
        file_id = archive.store_file(sha256, str(scan.get("name") or "scan"), str(scan.get("mime") or ""), data)
        archive.save_pages(document_id, file_id, rows, append=True)
        added += len(rows)
    return added


def _within(scan: dict[str, Any], data: bytes, rows: list[dict[str, Any]]) -> None:
    """ValueError for a page row past the end of its file (which the window could not draw). Refused
    rather than pinned to the last page: that would show one page's text and notes beside another
    page's image, unnoticed. A file MuPDF cannot open at all is left to the window to say so."""
    count = page_count(data, str(scan.get("mime") or ""))
    last = max(row["file_page"] for row in rows)
    if count is not None and last >= count:
        raise ValueError(
            f"the scan {scan.get('name')!r} ends at page {count}, but one of its page rows names page {last + 1}"
        )


_PAGE_PARTS: dict[str, type | tuple[type, ...]] = {"width": (int, float), "height": (int, float), "text": str}
_PAGE_PARTS["text_origin"] = str
_PAGE_PARTS |= {"ocr_confidence": (int, float), "needs_ocr": (bool, int)}


def _page_row(row: Any) -> dict[str, Any]:
    """A scan's page as stored (store/scans.py save_pages); ValueError for one that is not."""
    page = row.get("file_page") if isinstance(row, dict) else None
    if not isinstance(page, int) or isinstance(page, bool) or page < 0:
        raise ValueError(f"a scan page without its page number: {row!r}"[:200])
    for part, types in _PAGE_PARTS.items():
        if row.get(part) is not None and not isinstance(row[part], types):
            raise ValueError(f"a scan page whose {part} is {type(row[part]).__name__}")
    return dict(row)
