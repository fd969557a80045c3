"""Where things live: one folder with ARCHIVE_VIEWER_HOME, resources and the bundled archive from a
checkout and from a frozen bundle, and none beside an installed wheel (as viewer/paths.py says)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from viewer import APP_NAME, ORG_NAME, paths

from .conftest import ROOT


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "home"
    monkeypatch.setenv(paths.ENV_HOME, str(folder))
    monkeypatch.delenv(paths.ENV_DB, raising=False)
    return folder


def test_home_holds_data_cache_logs_and_settings(home: Path):
    assert paths.data_dir() == home
    assert paths.cache_dir() == home / "cache"
    assert paths.log_dir() == home / "logs"
    assert paths.settings_file() == home / "settings.ini"


def test_without_home_the_platform_folders_are_used(monkeypatch: pytest.MonkeyPatch):
    monkeypatch.delenv(paths.ENV_HOME)
    assert paths.settings_file() is None  # Qt's own place for settings
    import platformdirs

    assert paths.data_dir() == Path(platformdirs.user_data_dir(APP_NAME, ORG_NAME))
    assert paths.cache_dir() != paths.data_dir() != paths.log_dir()


def test_a_checkout_finds_its_resources_and_archive():
    assert paths.project_root() == ROOT
    resources = paths.resources_dir()
    assert len(list((resources / "samples").glob("*.txt"))) == 5
    assert (resources / "icons" / "archive-viewer.png").is_file()
    assert (resources / "kiosk.example.toml").is_file()
    assert paths.bundled_archive() == ROOT / "archive.db" and paths.bundled_archive().is_file()


def test_a_frozen_bundle_finds_them_in_its_own_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path / "_internal"), raising=False)
    assert paths.resources_dir() == tmp_path / "_internal" / "resources"
    assert paths.bundled_archive() == tmp_path / "_internal" / "archive.db"


def test_an_installed_wheel_starts_on_the_users_own_archive(home: Path, tmp_path: Path, monkeypatch):
    """Installed in site-packages there is no bundled archive beside the package: nothing is copied,
    and the archive is the user's own in the data folder."""
    installed = tmp_path / "site-packages" / "viewer"
    installed.mkdir(parents=True)
    monkeypatch.setattr(paths, "__file__", str(installed / "paths.py"))
    assert not paths.bundled_archive().exists()
    assert paths.default_archive() == home / "archive.db"
    assert not (home / "archive.db").exists()
