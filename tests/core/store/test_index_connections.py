"""The contentless index's old rows are noticed per connection (temporary triggers, store/index.py):
a second writable connection (a window beside the command line) keeps the index in step after a
restore or a repair made through the other, and an undone delete comes back indexed."""

from __future__ import annotations

from viewer.core import maintenance
from viewer.core.store import Archive

from .test_index_consistency import assert_in_step, doc


def test_a_window_keeps_the_index_in_step_after_a_restore_and_a_repair(editable):
    archive, folder = editable
    window = Archive(archive.path)
    try:
        saved = maintenance.backup(archive, folder.parent / "saved.db")
        archive.correct(doc(archive, "001"), {"title": "Changed after the backup"}, "t")
        window.correct(doc(window, "002"), {"summary": "Changed in the window after the backup"}, "t")
        maintenance.restore(saved, archive.path)
        window.correct(doc(window, "001"), {"title": "The window's edit after the restore"}, "t")
        archive.correct(doc(archive, "002"), {"summary": "The command line's edit after the restore"}, "t")
        assert_in_step(window)
        with archive.transaction():  # damage: a row taken out with values it never held
            archive.conn.execute(
                "INSERT INTO search (search, rowid, title, summary, body, names, refs) VALUES "
                "('delete', ?, 'x', 'y', 'z', 'w', '')",
                (doc(archive, "003"),),
            )
        assert maintenance.check_file(archive.path, repair_derived=True).ok
        window.correct(doc(window, "003"), {"title": "The window's edit after the repair"}, "t")
        window.merge_persons("Molotov", "Vyshinsky", "t")
        assert_in_step(window)
        assert_in_step(archive)
        assert archive.check().ok
    finally:
        window.close()


def test_an_undone_delete_comes_back_indexed(editable):
    archive, _folder = editable
    archive.delete_documents([doc(archive, "001"), doc(archive, "004")], "t")
    assert_in_step(archive)
    archive.undo_last("t")
    assert_in_step(archive)
    assert archive.search("Vyshinsky").total == 3
    archive.redo_last("t")
    assert_in_step(archive)
