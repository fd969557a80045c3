"""Which file is an archive: a missing path is said in one line and never created by a read, another
program's SQLite database is refused unwritten, and our archives carry their mark
(``PRAGMA application_id``)."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner

from viewer.cli import main
from viewer.core.errors import ArchiveError, ArchiveMissing, NotAnArchive
from viewer.core.store import Archive
from viewer.core.store.schema import APPLICATION_ID, MIGRATION_1, SCHEMA_VERSION

from ..conftest import ROOT, SAMPLES
from .safety_helpers import damage_table

READ_COMMANDS = [
    ["search", "Stalin"],
    ["list"],
    ["show", "1"],
    ["annotations", "1"],
    ["check"],
    ["backup"],
    ["ocr"],
]


@pytest.mark.parametrize("command", READ_COMMANDS, ids=lambda c: c[0])
def test_a_missing_archive_is_one_clear_line_and_is_not_created(tmp_path, command):
    path = tmp_path / "typo.db"
    result = CliRunner().invoke(main, ["--db", str(path), *command])
    assert result.exit_code == 2, result.output
    lines = result.output.strip().splitlines()
    assert len(lines) == 1, result.output
    assert "no such archive" in lines[0] and str(path) in lines[0]
    assert not path.exists() and not Path(f"{path}-wal").exists()


def test_missing_is_a_typed_error_for_the_window(tmp_path):
    for readonly in (True, False):
        with pytest.raises(ArchiveMissing):
            Archive(tmp_path / "gone.db", readonly=readonly, create=False)
    assert issubclass(ArchiveMissing, ArchiveError)
    assert not (tmp_path / "gone.db").exists()


def test_import_into_a_new_path_says_created(tmp_path):
    path = tmp_path / "new.db"
    sample = str(next(SAMPLES.glob("000_*.txt")))
    result = CliRunner().invoke(main, ["--db", str(path), "import", sample])
    assert result.exit_code == 0, result.output
    assert f"created the archive {path}" in result.output
    again = CliRunner().invoke(main, ["--db", str(path), "import", sample])
    assert "created" not in again.output


def _browser_history(path: Path) -> None:
    """A database shaped like a browser's history: other tables, its own version number."""
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE moz_places (id INTEGER PRIMARY KEY, url TEXT, title TEXT)")
    conn.execute("INSERT INTO moz_places (url, title) VALUES ('https://example.org', 'Example')")
    conn.execute("PRAGMA user_version = 74")
    conn.commit()
    conn.close()


def _unversioned_tables(path: Path) -> None:
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT)")
    conn.commit()
    conn.close()


def _other_application(path: Path) -> None:
    """Our own tables, but another program's application id."""
    shutil.copy(ROOT / "archive.db", path)
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA journal_mode = DELETE")
    conn.execute("PRAGMA application_id = 1179602516")  # 'FOSS'
    conn.close()


@pytest.mark.parametrize("make", [_browser_history, _unversioned_tables, _other_application])
def test_another_programs_database_is_refused_unwritten(tmp_path, make):
    path = tmp_path / "places.sqlite"
    make(path)
    before = path.read_bytes()
    with pytest.raises(NotAnArchive, match="not an Archive Viewer archive"):
        Archive(path)
    with pytest.raises(NotAnArchive):
        Archive(path, readonly=True)
    for command in (["import", str(SAMPLES)], ["search", "Stalin"], ["check", "--repair"]):
        result = CliRunner().invoke(main, ["--db", str(path), *command])
        assert result.exit_code == 2, result.output
        assert len(result.output.strip().splitlines()) == 1 and "not an Archive Viewer archive" in result.output
    assert path.read_bytes() == before
    assert not Path(f"{path}-wal").exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["places.sqlite"]


def test_new_archives_carry_the_mark(tmp_path):
    with Archive(tmp_path / "new.db") as archive:
        assert archive.conn.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID


def test_an_empty_sqlite_file_becomes_an_archive(tmp_path):
    """An SQLite file that holds nothing at all (no table, no version) is no one's data: it is made
    into an archive, as a new path would be."""
    path = tmp_path / "empty.db"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE t (x)")
    conn.execute("DROP TABLE t")
    conn.close()
    assert path.read_bytes().startswith(b"SQLite format 3")
    with Archive(path) as archive:
        assert archive.count() == 0


def test_an_archive_from_before_the_mark_is_marked_when_upgraded(tmp_path):
    path = tmp_path / "old.db"
    conn = sqlite3.connect(path)
    conn.executescript(MIGRATION_1)
    conn.execute("PRAGMA user_version = 1")
    conn.commit()
    conn.close()
    with Archive(path) as archive:
        assert archive.conn.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
        assert archive.conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    kept = sqlite3.connect(tmp_path / "old.db.bak-v1")  # the copy made before the upgrade, as it was
    assert kept.execute("PRAGMA user_version").fetchone()[0] == 1
    assert kept.execute("PRAGMA application_id").fetchone()[0] == 0
    kept.close()


def test_the_bundled_archive_carries_the_mark():
    conn = sqlite3.connect(f"{(ROOT / 'archive.db').as_uri()}?mode=ro", uri=True)
    try:
        assert conn.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
    finally:
        conn.close()


def test_a_partly_damaged_archive_warns_in_one_line(tmp_path):
    """Damage the pages of the texts table only: the archive opens, a search that reads them must
    say the archive is damaged in one line (not a traceback) and point at check and restore."""
    path = tmp_path / "archive.db"
    shutil.copy(ROOT / "archive.db", path)
    damage_table(path)
    result = CliRunner().invoke(main, ["--db", str(path), "search", "Stalin"])
    assert result.exit_code == 2, result.output
    lines = result.output.strip().splitlines()
    assert len(lines) == 1 and "damaged" in lines[0] and "archive-viewer check" in lines[0], result.output
