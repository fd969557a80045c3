"""Importing another archive's JSON export (``export --format json``): every record comes back as it
was, with its texts, people, numbers, references, links and annotations.

A document already here (the same sha256 of its source, else url, else key) is left as it is when its
record says the same, and updated from the record when it differs (corrections made here are kept, as
in any re-import); annotations it lacks are added, never twice. Each document is written in its own
transaction; the links between them are written last, by key, once every document is in.

What the export does not carry does not come back: the scan's pages (their images are not in the
file; the report says so, and ``attach`` or a merge of the archive brings them), the correction
history, tags and collections (a merge of the archive file brings all of these).
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..errors import ImportRefused
from ..exporters.json_out import FORMAT, VERSION
from .decode import decode
from .records_in import Incoming, add_annotations, annotation_identity, identity_of, incoming, write_aliases
from .results import FileResult

if TYPE_CHECKING:
    from ..store import Archive

# Fields of a record that belong to the archive holding it, not to the document.
OWN_FIELDS = ("id", "imported_at")


def is_export(data: Any) -> bool:
    return isinstance(data, dict) and data.get("format") == FORMAT


def read_export(path: Path) -> dict[str, Any]:
    """The export's envelope and documents; ImportRefused for anything else (and for a newer version)."""
    try:
        text, _encoding = decode(path.read_bytes(), str(path))
        data = json.loads(text)
    except OSError as error:
        raise ImportRefused(str(path), f"cannot be read ({error.strerror})") from None
    except json.JSONDecodeError as error:
        raise ImportRefused(str(path), f"not valid JSON (line {error.lineno}, column {error.colno})") from None
    if not is_export(data):
        raise ImportRefused(
            str(path),
            f'not an Archive Viewer export (no "format": "{FORMAT}"); a PDF\'s metadata file is read with its PDF',
        )
    version = data.get("version")
    if not isinstance(version, int) or version > VERSION:
        raise ImportRefused(str(path), f"an export of version {version}; this program reads version {VERSION}")
    if not isinstance(data.get("documents"), list):
        raise ImportRefused(str(path), "the export holds no list of documents")
    envelope: dict[str, Any] = data
    return envelope


def comparable(record: dict[str, Any]) -> dict[str, Any]:
    """A record without what belongs to the archive holding it: its id, when it came in, the ids in its
    links (documents are named by key across archives) and its annotations (compared apart)."""
    data = {k: v for k, v in record.items() if k not in (*OWN_FIELDS, "annotations")}
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
    where = f"document {number}"
    try:
        if not isinstance(record, dict) or not record.get("key"):
            raise ValueError("not a record with a key")
        item = incoming(record)
        label = f"{where} ({item.parsed.key})"
        existing = archive.match_document(item.sha256, item.parsed.url, item.parsed.key)
        if existing is not None:
            current = archive.record(existing)
            assert current is not None
            have = {identity_of(a) for a in archive.document_annotations(existing)}
            same = comparable(current.as_json()) == comparable(record)
            if same and all(annotation_identity(a) in have for a in item.annotations):
                return FileResult(path, "unchanged", existing, f"{label}: already in the archive, unchanged"), item
        outcome = "updated" if existing is not None else "imported"
        with archive.transaction():
            document_id = archive.save_document(item.parsed, source_path=None, sha256=item.sha256, replace_id=existing)
            archive.set_import_columns(
                document_id, source_name=item.source_file, source_path=None, imported_at=item.imported_at
            )
            write_aliases(archive, item)
            if existing is None or not archive.corrected_fields(document_id):
                archive.set_review(document_id, item.needs_review, item.parsed.review_reasons)
            added = add_annotations(archive, document_id, item.annotations)
            report = {"document": number, "key": item.parsed.key, "annotations_added": added}
            pages = int(record.get("pages") or 0)
            if pages:
                report["scan_left_out"] = pages
            archive.record_import(f"{path}#{number}", item.sha256, document_id, outcome, report)
    except (KeyError, TypeError, ValueError) as error:
        return FileResult(path, "refused", None, f"{where}: not a record of this format ({error!r})"), None
    except sqlite3.Error as error:
        return FileResult(path, "refused", None, f"{where}: could not be written ({error})"), None
    note = f"; its scan ({pages} pages) is not in a JSON export: attach it, or merge the archive" if pages else ""
    return FileResult(path, outcome, document_id, f"{label}{note}", report), item
