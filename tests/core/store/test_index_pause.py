"""A large import leaves out the indexes in an order unrelated to it and makes them again when it
ends, however it ends; a killed one's are made again by the next open for writing once no live
process left them out, and ``check`` says so until then (store/index_pause.py)."""

from __future__ import annotations

import signal
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from viewer.core.importers.batch import import_all, run_import
from viewer.core.store import Archive, index_pause

from ...conftest import ROOT


def _indexes(conn: sqlite3.Connection) -> dict[str, str]:
    return dict(conn.execute("SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL"))


def _has_table(conn: sqlite3.Connection) -> bool:
    return bool(conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'index_pause'").fetchone())


@pytest.fixture
def every_import_large(monkeypatch):
    """Imports of a few files treated as large ones (the seeds are five)."""
    monkeypatch.setattr(index_pause, "AT_LEAST", 1)


@pytest.fixture
def statements(tmp_path) -> dict[str, str]:
    """Every index of a new archive, with its statement."""
    with Archive(tmp_path / "new.db") as archive:
        return _indexes(archive.conn)


def test_the_indexes_left_out_are_the_archives(statements):
    assert set(index_pause.LEFT_OUT) <= set(statements)


def test_a_large_import_writes_without_them_and_makes_them_again(tmp_path, samples, statements, every_import_large):
    with Archive(tmp_path / "a.db") as archive:
        during, stages = [], []
        for progress in run_import(archive, [samples]):
            stages.append(progress.stage)
            if progress.stage == "indexes":  # said before they are made: still out
                assert progress.done == progress.total == 5 and index_pause.left_out(archive.conn)
            if progress.result is not None:
                during.append(set(_indexes(archive.conn)))
                assert [name for name, _owner, _host in index_pause.left_out(archive.conn)] == sorted(
                    index_pause.LEFT_OUT
                )
        assert len(during) == 5 and stages[-1] == "indexes" and stages.count("indexes") == 1
        assert all(names == set(statements) - set(index_pause.LEFT_OUT) for names in during)
        assert _indexes(archive.conn) == statements  # the same statements, made again
        assert not _has_table(archive.conn)
        assert archive.count() == 5
        assert [row.title for row in archive.page(sort="title")] == sorted(row.title for row in archive.page())
        assert archive.check().ok


def test_without_them_the_list_answers_the_same(tmp_path, samples, every_import_large):
    with Archive(tmp_path / "a.db") as archive:
        import_all(archive, [samples])
        sorts = {sort: archive.page(sort=sort, descending=True) for sort in ("title", "date", "type", "language")}
        span = archive.date_span()
        index_pause.leave_out(archive.conn)
        assert not set(index_pause.LEFT_OUT) & set(_indexes(archive.conn))
        assert {sort: archive.page(sort=sort, descending=True) for sort in sorts} == sorts
        assert archive.date_span() == span


def test_a_small_import_into_a_larger_archive_keeps_them(tmp_path, samples, monkeypatch):
    with Archive(tmp_path / "a.db") as archive:
        assert not index_pause.worth_leaving_out(archive.conn, index_pause.AT_LEAST - 1)
        assert index_pause.worth_leaving_out(archive.conn, index_pause.AT_LEAST)
        monkeypatch.setattr(index_pause, "AT_LEAST", 1)
        import_all(archive, [samples])  # ids 1 to 5: a quarter of them or more is worth it
        assert not index_pause.worth_leaving_out(archive.conn, 1)
        assert index_pause.worth_leaving_out(archive.conn, 2)
        monkeypatch.setattr(index_pause, "AT_LEAST", 6)
        assert not [p.stage for p in run_import(archive, [samples]) if p.stage]  # nothing left out, nothing said


@pytest.mark.parametrize("ending", ["stopped", "failed", "cancelled"])
def test_an_import_that_ends_early_makes_them_again(tmp_path, samples, statements, every_import_large, ending):
    calls = 0

    def cancelled() -> bool:
        nonlocal calls
        calls += 1
        if ending == "failed" and calls == 3:
            raise RuntimeError("the window closed")
        return ending == "cancelled" and calls >= 3

    with Archive(tmp_path / "a.db") as archive:
        imports = run_import(archive, [samples], cancelled)
        try:
            for progress in imports:
                if progress.result is not None and ending == "stopped":
                    assert index_pause.left_out(archive.conn)
                    imports.close()  # the caller stops reading: GeneratorExit inside the import
                    break
        except RuntimeError as error:
            assert ending == "failed" and str(error) == "the window closed"  # its own error, not the indexes'
        else:
            assert ending != "failed"
        assert archive.count() >= (ending != "failed")  # a failed group is rolled back whole
    with Archive(tmp_path / "a.db", readonly=True) as archive:
        assert _indexes(archive.conn) == statements
        assert not _has_table(archive.conn)


KILLED = (
    "import os, signal, sys\n"
    "from viewer.core.store import Archive, index_pause\n"
    "archive = Archive(sys.argv[1])\n"
    "index_pause.leave_out(archive.conn)\n"
    "os.kill(os.getpid(), signal.SIGKILL)\n"
)


def _killed_import(path: Path) -> None:
    """A process that leaves the indexes out, as a large import does, and is killed."""
    done = subprocess.run([sys.executable, "-c", KILLED, str(path)], cwd=ROOT, capture_output=True, text=True)
    assert done.returncode == -signal.SIGKILL, done.stderr


def test_a_killed_imports_indexes_wait_and_are_made_again_by_the_next_import(tmp_path, samples, statements):
    """Opening does not make them (seconds at a million: the window asks its write thread, see
    tests/gui/test_pool_import_window.py); ``check`` says they wait; the next import makes them."""
    path = tmp_path / "a.db"
    Archive(path).close()
    _killed_import(path)
    with Archive(path, readonly=True) as archive:  # reading only: said, not made
        assert len(index_pause.left_out(archive.conn)) == len(index_pause.LEFT_OUT)
        assert not archive.indexes_waiting()  # nothing a reader could do about them
        problems = archive.check().problems
        assert any("indexes an import that did not end left out" in problem for problem in problems), problems
    with Archive(path) as archive:
        assert archive.indexes_waiting()
        assert len(index_pause.left_out(archive.conn)) == len(index_pause.LEFT_OUT)  # not on opening
        stages = [progress.stage for progress in run_import(archive, [samples])]  # a small import
        assert "indexes" not in stages  # it left nothing out itself, yet made them first
        assert _indexes(archive.conn) == statements
        assert not _has_table(archive.conn) and not archive.indexes_waiting()
        assert archive.check().ok


def test_a_killed_imports_indexes_are_made_again_when_asked(tmp_path, statements):
    path = tmp_path / "a.db"
    Archive(path).close()
    _killed_import(path)
    with Archive(path) as archive:
        assert sorted(archive.make_indexes_again()) == sorted(index_pause.LEFT_OUT)
        assert _indexes(archive.conn) == statements
        assert not archive.indexes_waiting() and archive.make_indexes_again() == []


def test_a_live_imports_indexes_are_left_to_it_but_repair_makes_them(tmp_path, statements):
    path = tmp_path / "a.db"
    Archive(path).close()
    _killed_import(path)
    importer = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    try:
        owner = sqlite3.connect(path)
        owner.execute("UPDATE index_pause SET owner = ?", (importer.pid,))  # as if it were importing
        owner.commit()
        owner.close()
        with Archive(path) as archive:
            assert len(index_pause.left_out(archive.conn)) == len(index_pause.LEFT_OUT)
            assert archive.check().ok  # an import running is not a problem
            report = archive.repair()
            assert any("made again the indexes" in repair for repair in report.repairs)
            assert _indexes(archive.conn) == statements
            assert not _has_table(archive.conn)
    finally:
        importer.kill()
        importer.wait()


def test_another_import_of_this_process_keeps_them_out(tmp_path, samples, statements, every_import_large):
    """The window's own connections (its list, its edits) open the archive while its import runs."""
    path = tmp_path / "a.db"
    with Archive(path) as archive:
        for progress in run_import(archive, [samples]):
            if progress.result is not None:
                with Archive(path) as other:
                    assert index_pause.left_out(other.conn)
                break
    with Archive(path) as archive:
        assert _indexes(archive.conn) == statements


def test_an_import_that_cannot_make_them_again_says_why_and_keeps_its_documents(
    tmp_path, samples, statements, every_import_large
):
    """Another program holds the archive's write lock as the import ends: the import ends (its
    documents are in) saying why the indexes wait, and they are made again when asked."""
    path = tmp_path / "a.db"
    with Archive(path) as archive:
        archive.conn.execute("PRAGMA busy_timeout = 0")  # no waiting for the lock: fail at once
        other = sqlite3.connect(path, isolation_level=None)
        steps = []
        for progress in run_import(archive, [samples]):
            steps.append(progress)
            if progress.stage == "indexes":
                other.execute("BEGIN IMMEDIATE")  # taken before they are made
        other.execute("ROLLBACK")
        other.close()
        assert [step.stage for step in steps[-2:]] == ["indexes", "indexes_waiting"]
        assert "locked" in steps[-1].note
        assert sum(step.result is not None and step.result.outcome == "imported" for step in steps) == 5
        assert archive.count() == 5
        assert len(index_pause.left_out(archive.conn)) == len(index_pause.LEFT_OUT)
        assert archive.indexes_waiting()  # its own import is over: no longer held
        archive.conn.execute("PRAGMA busy_timeout = 10000")
        archive.make_indexes_again()
        assert _indexes(archive.conn) == statements
