"""The JSON export: every record exactly as ``show --json`` prints it, plus its annotations, inside
an envelope that names the format and its version, so an import can tell what it reads.

    {"format": "archive-viewer-export", "version": 1, "exported_at": "...", "generator": "...",
     "archive": "archive.db", "documents": [{...record..., "annotations": [...]}, ...], "count": N}

The schema is ``schemas/archive-export-1.schema.json`` (JSON Schema 2020-12), shipped beside this
module. Documents are written one at a time, so an archive of any size exports in little memory.
A later version of the format changes ``version``; an importer refuses versions it does not know.
"""

from __future__ import annotations

import json
from importlib import resources
from typing import Any, TextIO

from .fields import ExportItem

FORMAT = "archive-viewer-export"
VERSION = 1
SCHEMA = f"archive-export-{VERSION}.schema.json"


def document_json(item: ExportItem) -> dict[str, Any]:
    """One document: the ``show --json`` record with an ``annotations`` list."""
    data = item.record.as_json()
    data["annotations"] = [annotation.as_json() for annotation in item.annotations]
    return data


def schema() -> dict[str, Any]:
    """The JSON Schema of this version of the export."""
    loaded: dict[str, Any] = json.loads((resources.files(__package__) / "schemas" / SCHEMA).read_text("utf-8"))
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
