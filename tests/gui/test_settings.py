"""The window's settings file: named, from ARCHIVE_VIEWER_SETTINGS, or kept in ARCHIVE_VIEWER_HOME."""

from __future__ import annotations

from pathlib import Path

import pytest

from viewer import paths
from viewer.gui import settings as state


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv(paths.ENV_HOME, str(tmp_path / "home"))
    monkeypatch.delenv(state.ENV_SETTINGS, raising=False)
    return tmp_path / "home"


def test_the_settings_file_lives_in_the_home_folder(home: Path):
    opened = state.open_settings()
    assert Path(opened.fileName()) == home / "settings.ini"
    state.write(opened, "document/tab", "transcript")
    opened.sync()
    assert (home / "settings.ini").is_file()
    assert state.read(state.open_settings(), "document/tab") == "transcript"


def test_a_named_file_or_the_variable_comes_before_home(home: Path, tmp_path: Path, monkeypatch):
    assert Path(state.open_settings(tmp_path / "named.ini").fileName()) == tmp_path / "named.ini"
    monkeypatch.setenv(state.ENV_SETTINGS, str(tmp_path / "from-env.ini"))
    assert Path(state.open_settings().fileName()) == tmp_path / "from-env.ini"


def test_values_come_back_as_their_declared_types(home: Path):
    written = state.open_settings()
    state.write(written, "window/geometry", b"\x01\x02\xff")
    state.write(written, "window/timeline_visible", False)
    state.write(written, "text/point_size", 14.5)
    written.sync()
    read = state.open_settings()
    assert state.read(read, "window/geometry") == b"\x01\x02\xff"
    assert state.read(read, "window/timeline_visible") is False
    assert state.read(read, "text/point_size") == 14.5
    assert state.read(read, "document/last") == ""  # never written: the default
    state.write(read, "text/point_size", "large")
    assert state.read(read, "text/point_size") == 12.0  # unreadable: the default
