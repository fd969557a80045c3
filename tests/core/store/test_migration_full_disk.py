"""An upgrade that runs out of room (migration 6 rewrites every text and the mentions in one
transaction: at a million documents it needs gigabytes beside the archive) leaves the archive as it
was, and says the disk is full: SQLite rolls such a transaction back itself, and the ROLLBACK after it
used to fail with "cannot rollback - no transaction is active", which the window then showed as "not
a readable archive" (an archive that is fine, and upgrades once there is room)."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest

from viewer.core.errors import ArchiveError
from viewer.core.store import Archive, connection
from viewer.core.store import schema as schema_module
from viewer.core.store.connection import _open_connection
from viewer.core.store.schema import SCHEMA_VERSION, migrate

from .test_text_codec import PLAIN_VERSION, plain_archive, stored, texts_of


def _limited(conn: sqlite3.Connection, extra: int) -> None:
    """Let ``conn`` grow its file by ``extra`` pages at most (SQLite then fails as on a full disk)."""
    pages = conn.execute("PRAGMA page_count").fetchone()[0]
    conn.execute(f"PRAGMA max_page_count = {pages + extra}")


def test_an_upgrade_that_runs_out_of_room_says_so_and_leaves_the_archive_as_it_was(seeded, tmp_path: Path):
    before = texts_of(seeded)
    plain = tmp_path / "plain.db"
    plain_archive(seeded, plain)
    failures = set()
    for extra in range(0, 40, 2):  # out of room at each step of the migration in turn
        trial = tmp_path / f"trial-{extra}.db"
        shutil.copy(plain, trial)
        conn = _open_connection(trial, False)
        _limited(conn, extra)
        try:
            migrate(conn, None)
        except sqlite3.OperationalError as error:
            failures.add(str(error))
            version = conn.execute("PRAGMA user_version").fetchone()[0]
            compressed = conn.execute("SELECT count(*) FROM texts WHERE typeof(body) = 'blob'").fetchone()[0]
            assert (version > PLAIN_VERSION) == (compressed > 0)  # each migration whole or not at all
            assert conn.execute("SELECT count(*) FROM sqlite_master WHERE name LIKE '%_old'").fetchone()[0] == 0
        else:
            break
        finally:
            conn.close()
        with Archive(trial) as archive:  # with room, it upgrades
            assert archive.conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
            assert texts_of(archive) == before and stored(archive) == stored(seeded)
            assert archive.check().ok
    assert failures == {"database or disk is full"}  # was also "cannot rollback - no transaction is active"


def test_opening_an_archive_whose_upgrade_runs_out_of_room_says_the_disk_is_full(seeded, tmp_path, monkeypatch):
    plain = tmp_path / "plain.db"
    plain_archive(seeded, plain)

    def short_of_room(conn: sqlite3.Connection, path: Path | None) -> list[int]:
        _limited(conn, 8)
        return migrate(conn, path)

    monkeypatch.setattr(connection, "migrate", short_of_room)
    with pytest.raises(ArchiveError) as raised:
        Archive(plain)
    assert "disk is full" in str(raised.value) and "not a readable archive" not in str(raised.value)
    monkeypatch.undo()
    with Archive(plain) as archive:
        assert archive.conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    assert schema_module.backup_path(plain, PLAIN_VERSION).exists()
