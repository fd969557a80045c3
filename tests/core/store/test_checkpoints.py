"""While an import writes, the write-ahead log is copied into the archive by a thread of its own
(store/checkpoints.py): the writer checkpoints only a long log meanwhile, as before afterwards, and
the thread's checkpoints leave the archive whole."""

from __future__ import annotations

import sqlite3
import threading
import time

from viewer.core.importers.batch import run_import
from viewer.core.store import Archive
from viewer.core.store.checkpoints import WRITER_PAGES, checkpoints_aside

from ...conftest import SAMPLES


def _threads() -> list[str]:
    return [thread.name for thread in threading.enumerate() if thread.name == "checkpoints"]


def test_an_import_checkpoints_beside_the_writer_and_leaves_things_as_they_were(tmp_path):
    with Archive(tmp_path / "archive.db") as archive:
        assert archive.conn.execute("PRAGMA wal_autocheckpoint").fetchone()[0] == 1000
        seen = []
        for progress in run_import(archive, [SAMPLES]):
            if progress.result is not None:
                seen.append((archive.conn.execute("PRAGMA wal_autocheckpoint").fetchone()[0], _threads()))
        assert seen and all(pages == WRITER_PAGES and names == ["checkpoints"] for pages, names in seen)
        assert archive.conn.execute("PRAGMA wal_autocheckpoint").fetchone()[0] == 1000
        assert _threads() == []
        assert archive.count() == 5


def test_the_threads_checkpoints_copy_the_log_while_the_writer_writes(tmp_path):
    path = tmp_path / "archive.db"
    with Archive(path) as archive:
        conn = archive.conn
        with checkpoints_aside(conn, path, every=0.02) as thread:
            assert thread is not None
            for n in range(50):
                with archive.transaction():
                    conn.execute(
                        "INSERT INTO collections (name, title, created_at) VALUES (?, ?, '2026-11-30')",
                        (f"c{n}", f"C {n}"),
                    )
                time.sleep(0.005)
            deadline = time.monotonic() + 10
            while thread.copied == 0 and time.monotonic() < deadline:
                time.sleep(0.02)
        assert thread.failure is None
        assert thread.copied > 0
        assert not thread.is_alive()
    check = sqlite3.connect(path)
    try:
        assert check.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert check.execute("SELECT count(*) FROM collections").fetchone()[0] == 50
    finally:
        check.close()


def test_a_read_only_archive_has_no_checkpoint_thread(tmp_path):
    with Archive(tmp_path / "archive.db"):
        pass
    with Archive(tmp_path / "archive.db", readonly=True) as archive, archive.checkpoints_aside() as thread:
        assert thread is None
        assert _threads() == []


def test_an_import_leaves_no_long_log_behind_while_the_archive_stays_open(tmp_path):
    path = tmp_path / "archive.db"
    with Archive(path) as archive:
        for _progress in run_import(archive, [SAMPLES]):
            pass
        log = path.with_name("archive.db-wal")
        assert not log.exists() or log.stat().st_size == 0
        assert archive.count() == 5


def test_a_connection_whose_checkpoints_are_off_keeps_them_off(tmp_path):
    path = tmp_path / "archive.db"
    with Archive(path) as archive:
        archive.conn.execute("PRAGMA wal_autocheckpoint = 0")
        with archive.checkpoints_aside() as thread:
            assert thread is None
            assert _threads() == []
        assert archive.conn.execute("PRAGMA wal_autocheckpoint").fetchone()[0] == 0
