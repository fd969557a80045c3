"""The JSON export: every record exactly as ``show --json`` prints it, plus what the archive added to
it (annotations, tags, corrections with who made them and when, the scan files), inside an envelope
that names the format and its version, so an import can tell what it reads.

    {"format": "archive-viewer-export", "version": 2, "exported_at": "...", "generator": "...",
     "archive": "archive.db", "documents": [{...record..., "annotations": [...], "tags": [...],
     "corrections": [...], "scans": [...]}, ...], "count": N}

The schema is ``schemas/archive-export-2.schema.json`` (JSON Schema 2020-12), shipped beside this
module with version 1's. Version 2 only adds ``tags``, ``corrections`` and ``scans`` to a document,
so a reader of version 1 that ignores unknown keys reads it, and the importer reads both. A scan is
named by its file (name, type, sha256, size, pages); its bytes come too, base64, only when asked
(``export --with-scans``): an archive's scans can be far larger than its text. Documents are written
one at a time, so an archive of any size exports in little memory. A later version changes
``version``; an importer refuses versions it does not know.
"""

from __future__ import annotations

import base64
import json
from dataclasses import replace
from importlib import resources
from typing import TYPE_CHECKING, Any, TextIO

from ..curation import FIELDS
from .fields import ExportItem

if TYPE_CHECKING:
    from ..store import Archive

FORMAT = "archive-viewer-export"
VERSION = 2
READS = (1, 2)  # the versions the importer reads
SCHEMA = f"archive-export-{VERSION}.schema.json"


def document_json(item: ExportItem) -> dict[str, Any]:
    """One document: the ``show --json`` record with its annotations, tags, corrections and scans."""
    data = item.record.as_json()
    data["annotations"] = [annotation.as_json() for annotation in item.annotations]
    data["tags"] = list(item.tags)
    data["corrections"] = list(item.corrections)
    data["scans"] = list(item.scans)
    return data


def curated(archive: Archive, item: ExportItem, *, with_scans: bool = False) -> ExportItem:
    """The item with what the archive added to the record: its tags, its corrections and its scans
    (with their bytes when ``with_scans``)."""
    document_id = item.record.id
    return replace(
        item,
        tags=sorted(archive.document_tags(document_id), key=str.lower),
        corrections=corrections(archive, document_id),
        scans=scan_files(archive, document_id, with_scans=with_scans),
    )


def corrections(archive: Archive, document_id: int) -> list[dict[str, Any]]:
    """Each corrected field: its value now, who corrected it and when, and what the import had said.
    A link's value is left out (it names documents by this archive's ids; the record's ``links``
    carry them by key), as is the value of a mark that is no field (the review)."""
    found = []
    for name in archive.corrected_fields(document_id):
        record = archive.correction(document_id, name)
        if record is None:
            continue
        portable = name in FIELDS and FIELDS[name].kind != "links"
        found.append(
            {
                "field": name,
                "value": archive.field_value(document_id, name) if portable else None,
                "author": record["author"],
                "at": record["at"],
                "imported": record["imported"],
            }
        )
    return found


def scan_files(archive: Archive, document_id: int, *, with_scans: bool = False) -> list[dict[str, Any]]:
    """The files a document's scan pages come from, in reading order, each once with its number of
    pages; with ``with_scans`` also the file's bytes (base64) and its pages as stored."""
    files: dict[int, dict[str, Any]] = {}
    for page in archive.page_rows(document_id):
        entry = files.get(page.file_id)
        if entry is None:
            info = archive.file_info(page.file_id)
            if info is None:
                continue
            entry = files[page.file_id] = {
                "name": info.name,
                "mime": info.mime,
                "sha256": info.sha256,
                "size": info.size,
                "pages": 0,
            }
            if with_scans:
                entry["data"] = base64.b64encode(archive.file_bytes(page.file_id) or b"").decode("ascii")
                entry["page_rows"] = []
        entry["pages"] += 1
        if with_scans:
            entry["page_rows"].append(page.stored_values())
    return list(files.values())


def schema(version: int = VERSION) -> dict[str, Any]:
    """The JSON Schema of a version of the export (this one unless asked)."""
    name = f"archive-export-{version}.schema.json"
    loaded: dict[str, Any] = json.loads((resources.files(__package__) / "schemas" / name).read_text("utf-8"))
    return loaded


class JsonWriter:
    """The envelope, then each document as it comes, then the count."""

    def __init__(self, stream: TextIO, *, archive: str, exported_at: str, generator: str):
        self.stream = stream
        self.count = 0
        head = {
            "format": FORMAT,
            "version": VERSION,
            "exported_at": exported_at,
            "generator": generator,
            "archive": archive,
        }
        opening = json.dumps(head, ensure_ascii=False, indent=2)[:-2]  # without the closing "\n}"
        stream.write(opening + ',\n  "documents": [')

    def write(self, item: ExportItem) -> None:
        text = json.dumps(document_json(item), ensure_ascii=False, indent=2)
        self.stream.write(",\n" if self.count else "\n")
        self.stream.write("\n".join("    " + line for line in text.splitlines()))  # strings hold no raw newline
        self.count += 1

    def close(self) -> None:
        self.stream.write(("\n  " if self.count else "") + f'],\n  "count": {self.count}\n}}\n')
