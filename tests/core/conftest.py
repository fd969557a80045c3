"""Fixtures and helpers the core tests share: seed files a test may edit, in a fresh archive."""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from viewer.core.importers.batch import import_all
from viewer.core.store import Archive


@pytest.fixture
def editable(tmp_path: Path, samples: Path) -> Iterator[tuple[Archive, Path]]:
    """Seeds in a folder the test may edit, imported into a fresh archive: (archive, folder)."""
    folder = tmp_path / "files"
    shutil.copytree(samples, folder)
    with Archive(tmp_path / "archive.db") as archive:
        import_all(archive, [folder])
        yield archive, folder


def edit_source(path: Path, old: str, new: str) -> None:
    """Change a seed file as its owner would before importing it again; ``old`` must be in it."""
    content = path.read_text(encoding="utf-8")
    assert old in content
    path.write_text(content.replace(old, new, 1), encoding="utf-8")


def another_archive_of(folder: Path, change: Callable[[Archive], None]) -> Path:
    """Another archive of a copy of ``folder`` and one more telegram, ``change``d by its owner: the
    file a merge test merges (its path)."""
    other_folder = folder.parent / "other"
    shutil.copytree(folder, other_folder)
    (other_folder / "005_new.txt").write_text(
        "SECRET\n\nMay 20, 1950\n\nTelegram from Mao Zedong to Stalin\n\nWe agree.\n", encoding="utf-8"
    )
    with Archive(folder.parent / "other.db") as other:
        import_all(other, [other_folder])
        change(other)
    return folder.parent / "other.db"
