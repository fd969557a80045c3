"""Deleting an archive takes its -wal, -shm and -journal with it; only the companions when a file is
about to be renamed onto the path."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from viewer.core.archive_files import remove_archive_files, remove_companions


def open_in_wal(path: Path) -> sqlite3.Connection:
    """A connection that keeps the archive's -wal and -shm on disk while it is open."""
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA journal_mode = wal")
    conn.execute("CREATE TABLE t (x)")
    conn.execute("INSERT INTO t VALUES (1)")
    conn.commit()
    return conn


def test_an_archive_goes_with_its_companions(tmp_path: Path):
    path = tmp_path / "a.db"
    conn = open_in_wal(path)
    Path(f"{path}-journal").write_bytes(b"stale")
    assert all(Path(f"{path}{suffix}").exists() for suffix in ("", "-wal", "-shm", "-journal"))
    remove_archive_files(path)
    conn.close()
    assert sorted(tmp_path.iterdir()) == []
    remove_archive_files(path)  # nothing there: nothing to do


def test_only_the_companions_go_before_a_rename(tmp_path: Path):
    path = tmp_path / "a.db"
    open_in_wal(path).close()
    for suffix in ("-wal", "-shm", "-journal"):
        Path(f"{path}{suffix}").write_bytes(b"stale")
    remove_companions(path)
    assert [p.name for p in tmp_path.iterdir()] == ["a.db"]
    assert sqlite3.connect(path).execute("SELECT x FROM t").fetchall() == [(1,)]
