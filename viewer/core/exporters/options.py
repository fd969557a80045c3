"""What an export is asked for (parts, layout, which annotations) and what it reports back."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from ..records import Annotation

PARTS = ("scan", "transcript", "translation")
LAYOUTS = ("sequential", "facing")


@dataclass
class ExportOptions:
    parts: Sequence[str] = PARTS
    annotations: bool = True
    colors: frozenset[str] | None = None  # None: every colour
    layout: str = "sequential"
    author: str | None = None  # the PDF's author (whoever exports)
    title: str | None = None  # the PDF's title when it holds several documents

    def wants(self, annotation: Annotation) -> bool:
        return self.annotations and annotation.anchored and (self.colors is None or annotation.color in self.colors)


@dataclass
class ExportProgress:
    done: int
    total: int
    message: str
    path: Path | None = None  # set on the last step, once the file is in place


@dataclass
class ExportSummary:
    pages: int = 0
    annotations: int = 0
    documents: int = 0
