"""An import's group counts the documents it adds once, at its commit (store/tally_pause.py):
the tallies stay a fresh count whatever the group did to those documents meanwhile, the row that
defers the counting is never committed, and the triggers still count every other change."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from viewer.core.importers.batch import import_all
from viewer.core.store import Archive
from viewer.core.store.schema_tallies import differences

from ...conftest import SAMPLES
from .test_tallies_adversarial import assert_true_counts


def _paused_rows(path: Path) -> int:
    conn = sqlite3.connect(path)
    try:
        return int(conn.execute("SELECT count(*) FROM tally_paused").fetchone()[0])
    finally:
        conn.close()


def test_a_group_counts_its_documents_at_its_commit(tmp_path):
    with Archive(tmp_path / "archive.db") as archive:
        import_all(archive, [SAMPLES])
        assert archive.count() == 5
        assert differences(archive.conn) == 0
        assert_true_counts(archive)
    assert _paused_rows(tmp_path / "archive.db") == 0


def test_a_document_added_and_then_updated_in_one_group_is_counted_once(tmp_path):
    """Two new files of one name in two folders: the second updates the document the first added,
    in the same group (its mentions deleted and written again, its counted columns changed), in an
    archive whose tallies already count the same people and facets."""
    sample = next(p for p in sorted(SAMPLES.glob("*.txt")) if "Stalin" in p.read_text(encoding="utf-8"))
    text = sample.read_text(encoding="utf-8").replace("/document/", "/document/9")  # not the sample's address
    first, second = tmp_path / "a", tmp_path / "b"
    first.mkdir()
    second.mkdir()
    (first / "new.txt").write_text(text.replace("1950", "1951"), encoding="utf-8")
    (second / "new.txt").write_text(text.replace("Stalin", "Molotov", 1) + "\n\nMao Zedong.\n", encoding="utf-8")
    with Archive(tmp_path / "archive.db") as archive:
        import_all(archive, [SAMPLES])
        summary = import_all(archive, [first, second])
        assert (summary.count("imported"), summary.count("updated")) == (1, 1), summary.line()
        assert archive.count() == 6
        assert differences(archive.conn) == 0
        assert_true_counts(archive)


def test_a_group_never_committed_leaves_no_pause_and_true_counts(tmp_path):
    """A group killed before its commit: the archive as it was, the triggers counting again."""
    path = tmp_path / "archive.db"
    with Archive(path) as archive:
        import_all(archive, [SAMPLES])
        before = archive.conn.execute("SELECT * FROM tally_documents ORDER BY 1, 2, 3, 4, 5").fetchall()
    archive = Archive(path)
    archive.begin_write(group=True)
    archive.conn.execute("DELETE FROM documents WHERE id = (SELECT min(id) FROM documents)")
    archive.conn.close()  # as a kill leaves it: the open transaction is never committed
    assert _paused_rows(path) == 0
    with Archive(path) as reopened:
        rows = reopened.conn.execute("SELECT * FROM tally_documents ORDER BY 1, 2, 3, 4, 5").fetchall()
        assert [tuple(r) for r in rows] == [tuple(r) for r in before]
        reopened.delete_documents([reopened.conn.execute("SELECT min(id) FROM documents").fetchone()[0]], "t")
        assert differences(reopened.conn) == 0  # counted by the triggers, not paused


def test_the_triggers_count_older_documents_inside_a_group(tmp_path):
    """Only the documents a group adds wait for its commit: a change inside the group to one that was
    there before is counted at once, by the triggers."""
    with Archive(tmp_path / "archive.db") as archive:
        import_all(archive, [SAMPLES])
        archive.begin_write(group=True)
        archive.conn.execute("UPDATE documents SET original_language = 'Korean' WHERE id = 1")
        archive.conn.execute("DELETE FROM document_entities WHERE document_id = 2")
        counted = archive.conn.execute("SELECT count(*) FROM tally_documents WHERE language = 'Korean'").fetchone()
        assert counted[0] == 1  # before the commit
        archive.commit_write()
        assert differences(archive.conn) == 0
        assert_true_counts(archive)


def _triggers(archive: Archive) -> set[str]:
    return {r[0] for r in archive.conn.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'")}


def test_an_older_document_rewritten_twice_in_one_group(tmp_path):
    """Two changed files of an imported document's name in one batch: the group counts the document
    out before its first rewrite and in, once, as it commits; the triggers are all back after it."""
    sample = next(p for p in sorted(SAMPLES.glob("*.txt")) if "Stalin" in p.read_text(encoding="utf-8"))
    text = sample.read_text(encoding="utf-8")
    first, second = tmp_path / "a", tmp_path / "b"
    first.mkdir()
    second.mkdir()
    (first / sample.name).write_text(text.replace("Stalin", "Molotov"), encoding="utf-8")
    (second / sample.name).write_text(text.replace("1950", "1949") + "\n\nMao Zedong.\n", encoding="utf-8")
    with Archive(tmp_path / "archive.db") as archive:
        import_all(archive, [SAMPLES])
        triggers = _triggers(archive)
        summary = import_all(archive, [first, second])
        assert summary.count("updated") == 2, summary.line()
        assert archive.count() == 5
        assert differences(archive.conn) == 0
        assert_true_counts(archive)
        assert _triggers(archive) == triggers


def test_a_group_rolled_back_keeps_the_triggers(tmp_path):
    with Archive(tmp_path / "archive.db") as archive:
        import_all(archive, [SAMPLES])
        triggers = _triggers(archive)
        archive.begin_write(group=True)
        assert _triggers(archive) < triggers  # the two that every new document and mention would start
        archive.rollback_write()
        assert _triggers(archive) == triggers
        archive.correct(1, {"language": "Korean"}, "t")  # counted by them
        assert differences(archive.conn) == 0


def test_a_group_that_cannot_begin_leaves_no_transaction_open(tmp_path, monkeypatch):
    """A failure after BEGIN (a full disk as the group sets the tallies aside) rolls back at once:
    a batch that then stops leaves the connection free for the next write."""
    from viewer.core.store import connection

    with Archive(tmp_path / "archive.db") as archive:
        import_all(archive, [SAMPLES])
        triggers = _triggers(archive)

        def full(conn):
            raise sqlite3.OperationalError("database or disk is full (injected)")

        monkeypatch.setattr(connection, "pause_tallies", full)
        with pytest.raises(sqlite3.OperationalError):
            archive.begin_write(group=True)
        assert not archive.conn.in_transaction
        monkeypatch.undo()
        archive.correct(1, {"language": "Korean"}, "t")
        assert _triggers(archive) == triggers
        assert differences(archive.conn) == 0
