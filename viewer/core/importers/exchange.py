"""Files that hold many documents rather than one: a spreadsheet of metadata (``metadata_csv``) and
another archive's JSON export (``json_archive``). Named directly to ``import`` (never picked up inside
folders, where a CSV or JSON file is a PDF's metadata), each yields a result per document."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from .results import FileResult

if TYPE_CHECKING:
    from ..store import Archive

SUFFIXES = (".csv", ".json")


def holds_many(path: Path) -> bool:
    """Whether a file named to ``import`` is a spreadsheet of metadata or an archive's export."""
    return path.suffix.lower() in SUFFIXES and path.is_file()


def import_many(archive: Archive, path: Path, cancelled: Callable[[], bool] = lambda: False) -> Iterator[FileResult]:
    """A result per row of a spreadsheet, or per document of an export."""
    if path.suffix.lower() == ".csv":
        from .metadata_csv import import_metadata_csv

        yield from import_metadata_csv(archive, path, cancelled)
    else:
        from .json_archive import import_export

        yield from import_export(archive, path, cancelled)
