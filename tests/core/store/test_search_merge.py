"""The full-text index merges its segments eight at a time (schema_compact.MERGE_AT): in a new
archive, in one brought up from before (migration 11), and in an index made anew by ``check --repair``."""

from __future__ import annotations

import sqlite3

from viewer.core.store import Archive
from viewer.core.store.schema import MIGRATIONS, SCHEMA_VERSION
from viewer.core.store.schema_compact import MERGE_AT, tune_search


def _merge_at(conn: sqlite3.Connection) -> int | None:
    row = conn.execute("SELECT v FROM search_config WHERE k = 'automerge'").fetchone()
    return None if row is None else int(row[0])


def test_a_new_archive_merges_eight_segments_at_a_time(tmp_path):
    assert MERGE_AT == 8
    with Archive(tmp_path / "a.db") as archive:
        assert _merge_at(archive.conn) == MERGE_AT


def test_an_archive_from_before_is_told_to(tmp_path):
    path = tmp_path / "a.db"
    Archive(path).close()
    old = sqlite3.connect(path)
    old.execute("DELETE FROM search_config WHERE k = 'automerge'")  # as FTS5 made it: its own default
    old.execute(f"PRAGMA user_version = {MIGRATIONS.index(tune_search)}")
    old.commit()
    assert _merge_at(old) is None
    old.close()
    with Archive(path) as archive:
        assert archive.conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        assert _merge_at(archive.conn) == MERGE_AT


def test_an_index_made_anew_keeps_it(tmp_path):
    with Archive(tmp_path / "a.db") as archive:
        archive.rebuild_index()
        assert _merge_at(archive.conn) == MERGE_AT
