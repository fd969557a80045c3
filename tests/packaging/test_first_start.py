"""First start: the bundled, read-only archive is copied to the user's data folder and only read."""

from __future__ import annotations

import hashlib
import os
import sqlite3
import stat
import sys
from pathlib import Path

import pytest

from viewer import first_start, paths

ROOT = Path(__file__).resolve().parent.parent.parent


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def count_documents(path: Path) -> int:
    with sqlite3.connect(path) as conn:
        count = conn.execute("SELECT count(*) FROM documents").fetchone()[0]
    conn.close()
    return count


@pytest.fixture
def bundled(tmp_path: Path) -> Path:
    """A copy of the checkout's archive.db, read-only in a read-only folder, as in an installed bundle."""
    folder = tmp_path / "bundle"
    folder.mkdir()
    path = folder / "archive.db"
    with sqlite3.connect(ROOT / "archive.db") as src, sqlite3.connect(path) as dst:
        src.backup(dst)
        dst.execute("PRAGMA journal_mode = DELETE")
    src.close()
    dst.close()
    path.chmod(0o444)
    folder.chmod(0o555)
    yield path
    folder.chmod(0o755)


def test_first_start_copies_the_bundled_archive(bundled: Path, tmp_path: Path):
    before = digest(bundled)
    target = tmp_path / "data" / "archive.db"
    assert first_start.user_archive(bundled, target) == target
    assert count_documents(target) == count_documents(bundled) == 5
    assert target.stat().st_mode & stat.S_IWUSR, "the user's copy must be writable"
    assert digest(bundled) == before
    assert not list(target.parent.glob(".*partial")), "no temporary file is left behind"


def test_later_starts_keep_the_users_archive(bundled: Path, tmp_path: Path):
    target = tmp_path / "archive.db"
    first_start.user_archive(bundled, target)
    with sqlite3.connect(target) as conn:
        conn.execute("DELETE FROM documents WHERE id = (SELECT min(id) FROM documents)")
    conn.close()
    assert first_start.user_archive(bundled, target) == target
    assert count_documents(target) == 4


def test_without_a_bundled_archive_nothing_is_copied(tmp_path: Path):
    target = tmp_path / "archive.db"
    assert first_start.user_archive(tmp_path / "missing.db", target) == target
    assert not target.exists()


@pytest.mark.skipif(
    sys.platform == "win32" or (hasattr(os, "geteuid") and os.geteuid() == 0),
    reason="root writes into read-only folders",
)
def test_a_failed_copy_opens_the_bundled_archive(bundled: Path, tmp_path: Path):
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0o555)
    try:
        assert first_start.user_archive(bundled, locked / "archive.db") == bundled
    finally:
        locked.chmod(0o755)


def test_a_failed_copy_opens_the_bundled_archive_whoever_runs_it(bundled: Path, tmp_path: Path, monkeypatch):
    def refuse(*_args):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(first_start.os, "replace", refuse)
    target = tmp_path / "archive.db"
    assert first_start.user_archive(bundled, target) == bundled
    assert not target.exists()
    assert not list(tmp_path.glob(".*partial"))


def test_frozen_default_archive_is_the_users_copy(bundled: Path, tmp_path: Path, monkeypatch):
    """In a bundle, no --db and no ARCHIVE_VIEWER_DB: the copy in the data folder (ARCHIVE_VIEWER_HOME)."""
    home = tmp_path / "home"
    monkeypatch.setenv(paths.ENV_HOME, str(home))
    monkeypatch.delenv(paths.ENV_DB, raising=False)
    monkeypatch.setattr(paths, "bundled_archive", lambda: bundled)
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    assert paths.default_archive() == home / "archive.db"
    assert count_documents(home / "archive.db") == 5


def test_a_kiosk_names_its_fixed_archive(bundled: Path, tmp_path: Path, monkeypatch):
    """ARCHIVE_VIEWER_DB wins and nothing is copied (a kiosk's read-only archive stays where it is)."""
    home = tmp_path / "home"
    monkeypatch.setenv(paths.ENV_HOME, str(home))
    monkeypatch.setenv(paths.ENV_DB, str(bundled))
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    assert paths.default_archive() == bundled
    assert not (home / "archive.db").exists()
