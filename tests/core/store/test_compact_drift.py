"""Migration 5 builds the contentless index from the documents, not from the old index's copy: an
old index out of step with its sources (a row left by a path that forgot to reindex, a row for a
document that is gone, a document without a row: what ``check`` used to call out of date) was harmless
while FTS5 deleted by rowid, but copied into a contentless table such a row could never be deleted
again with the values it holds."""

from __future__ import annotations

import sqlite3

from viewer.core.store import Archive

from .test_compact_migration import OLD_VERSION, old_archive
from .test_index_consistency import assert_in_step


def test_an_old_index_out_of_step_is_rebuilt_from_its_sources(seeded, tmp_path):
    path = tmp_path / "old.db"
    old_archive(seeded, path)
    stale, gone, missing = (seeded.resolve_id(key) for key in ("001", "002", "003"))
    with sqlite3.connect(path, isolation_level=None) as old:
        assert old.execute("PRAGMA user_version").fetchone()[0] == OLD_VERSION
        old.execute("UPDATE search SET title = 'an earlier title', body = 'words long gone' WHERE rowid = ?", (stale,))
        old.execute("DELETE FROM search WHERE rowid = ?", (missing,))
        old.execute("DROP TRIGGER documents_search_delete")  # a document deleted by a path that left its row
        old.execute("PRAGMA foreign_keys = ON")
        old.execute("DELETE FROM documents WHERE id = ?", (gone,))
    old.close()
    with Archive(path) as archive:
        assert_in_step(archive)
        assert archive.search('"words long gone"').total == 0
        assert archive.check().ok
        archive.correct(stale, {"title": "A title corrected after the upgrade"}, "t")
        archive.correct(missing, {"summary": "A summary corrected after the upgrade"}, "t")
        assert_in_step(archive)
        assert archive.check().ok
