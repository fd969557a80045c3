"""The contentless index is kept in step inside write transactions only (store/index.py): a change to
what a document's index row is built from made outside one (a statement in autocommit, sqlite-utils'
table API with its own BEGIN and COMMIT) would commit before the store could reindex, leaving a row
the index can no longer forget. Such a change is refused, and the index stays as a rebuild makes it."""

from __future__ import annotations

import sqlite3

import pytest

from .test_index_consistency import assert_in_step, doc


def test_a_statement_in_autocommit_is_refused(editable):
    archive, _folder = editable
    d = doc(archive, "001")
    with pytest.raises(sqlite3.DatabaseError, match="write transaction"):
        archive.conn.execute("UPDATE documents SET title = 'written in autocommit' WHERE id = ?", (d,))
    assert archive.field_value(d, "title") != "written in autocommit"
    assert_in_step(archive)
    archive.correct(d, {"title": "Corrected afterwards"}, "t")  # a later change deletes the right row
    assert_in_step(archive)
    assert archive.check().ok


def test_sqlite_utils_own_transaction_is_refused(editable):
    archive, _folder = editable
    d = doc(archive, "002")
    with pytest.raises(sqlite3.DatabaseError, match="write transaction"):
        archive.db["documents"].update(d, {"summary": "through the table API"})
    with pytest.raises(sqlite3.DatabaseError, match="write transaction"):
        archive.db["texts"].insert({"document_id": d, "kind": "notes", "body": "a note", "position": 9})
    assert not archive.conn.in_transaction
    assert_in_step(archive)


def test_inside_a_write_transaction_every_writer_is_noticed(editable):
    """sqlite-utils inside the store's transaction (a savepoint), several documents in one statement,
    executemany: all reindexed at the commit."""
    archive, _folder = editable
    with archive.transaction():
        archive.db["documents"].update(doc(archive, "001"), {"summary": "through the table API"})
        archive.conn.execute("UPDATE documents SET title = title || ' (copy)'")
        archive.conn.executemany(
            "UPDATE texts SET body = ? WHERE document_id = ?",
            [("first body", doc(archive, "002")), ("second body", doc(archive, "003"))],
        )
    assert_in_step(archive)
    assert archive.search("copy").total == archive.count()


def test_a_rolled_back_change_leaves_nothing_to_reindex(editable):
    archive, _folder = editable
    d = doc(archive, "001")
    with pytest.raises(RuntimeError), archive.transaction():
        archive.conn.execute("UPDATE documents SET title = 'rolled back' WHERE id = ?", (d,))
        raise RuntimeError
    assert not archive._unindexed
    archive.correct(d, {"title": "After the rollback"}, "t")
    assert_in_step(archive)
