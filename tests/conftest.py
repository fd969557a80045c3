"""Shared fixtures: real archive files in tmp_path, the seed documents, offscreen Qt."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "resources" / "samples"
SHARED = ROOT.parent / "shared"


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Slow tests first, so that on parallel workers they overlap the many short ones instead of
    running alone at the end (a stable sort: the order is otherwise the collection's)."""
    items.sort(key=lambda item: item.get_closest_marker("slow") is None)


@pytest.fixture(autouse=True)
def private_home(tmp_path_factory, monkeypatch):
    """Settings, backups and caches of a test go to a throwaway folder, never the user's."""
    monkeypatch.setenv("ARCHIVE_VIEWER_HOME", str(tmp_path_factory.mktemp("home")))


@pytest.fixture
def samples() -> Path:
    return SAMPLES


@pytest.fixture
def archive_path(tmp_path: Path) -> Path:
    return tmp_path / "archive.db"


@pytest.fixture
def archive(archive_path: Path):
    from viewer.core.store import Archive

    with Archive(archive_path) as opened:
        yield opened


@pytest.fixture
def seeded(tmp_path: Path):
    """An archive holding the five seed documents, imported through the real importer."""
    from viewer.core.importers.batch import import_all
    from viewer.core.store import Archive

    folder = tmp_path / "seeds"
    shutil.copytree(SAMPLES, folder)
    with Archive(tmp_path / "seeded.db") as opened:
        summary = import_all(opened, [folder])
        assert summary.count("imported") == 5, summary.results
        yield opened
