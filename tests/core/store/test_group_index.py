"""An import's group writes the index rows of its new documents as it commits (store/index.py,
``_write_deferred``): the index then is exactly what a rebuild would make, whatever the group did to
those documents meanwhile, and a group rolled back leaves nothing of them behind."""

from __future__ import annotations

from pathlib import Path

from viewer.core.importers.text import parse_text_file
from viewer.core.store import Archive

from ...conftest import SAMPLES
from .test_index_consistency import assert_in_step


def _save(archive: Archive, path: Path) -> int:
    parsed = parse_text_file(path.read_bytes(), path, archive.gazetteer())
    return archive.save_document(parsed, source_path=str(path), sha256=path.name)


def _rows(archive: Archive) -> set[int]:
    return {row[0] for row in archive.conn.execute("SELECT id FROM search_docsize")}


def test_a_groups_rows_are_written_at_its_commit(tmp_path):
    files = sorted(SAMPLES.glob("*.txt"))
    with Archive(tmp_path / "archive.db") as archive:
        archive.begin_write(group=True)
        ids = [_save(archive, path) for path in files[:3]]
        assert _rows(archive) == set()  # not yet
        archive.commit_write()
        assert _rows(archive) == set(ids)
        assert_in_step(archive)


def test_a_document_written_again_or_deleted_in_its_group(tmp_path):
    files = sorted(SAMPLES.glob("*.txt"))
    with Archive(tmp_path / "archive.db") as archive:
        archive.begin_write(group=True)
        kept, replaced, deleted = (_save(archive, path) for path in files[:3])
        parsed = parse_text_file(files[3].read_bytes(), files[3], archive.gazetteer())
        archive.save_document(parsed, source_path="other", sha256="other", replace_id=replaced)
        archive.conn.execute("DELETE FROM documents WHERE id = ?", (deleted,))
        archive.commit_write()
        assert _rows(archive) == {kept, replaced}
        assert_in_step(archive)
        assert archive.check().ok


def test_a_group_rolled_back_leaves_no_row_behind(tmp_path):
    files = sorted(SAMPLES.glob("*.txt"))
    with Archive(tmp_path / "archive.db") as archive:
        archive.begin_write(group=True)
        _save(archive, files[0])
        archive.rollback_write()
        archive.begin_write(group=True)
        second = _save(archive, files[1])
        archive.commit_write()
        assert _rows(archive) == {second}
        assert_in_step(archive)
        assert archive.check().ok


def _temp_triggers(archive: Archive) -> set[str]:
    return {r[0] for r in archive.conn.execute("SELECT name FROM sqlite_temp_master WHERE type = 'trigger'")}


def test_the_notices_a_group_drops_are_back_after_it(tmp_path):
    """A group drops the notices of rows added to texts, mentions and numbers (its documents are new,
    or noticed by their documents row's update first); they are back after its commit or rollback."""
    files = sorted(SAMPLES.glob("*.txt"))
    with Archive(tmp_path / "archive.db") as archive:
        watching = _temp_triggers(archive)
        for end in (archive.commit_write, archive.rollback_write):
            archive.begin_write(group=True)
            assert len(watching - _temp_triggers(archive)) == 3
            _save(archive, files[0])
            end()
            assert _temp_triggers(archive) == watching
        first = next(iter(_rows(archive)))
        with archive.transaction():  # noticed again outside a group: the row is rewritten
            archive.conn.execute(
                "INSERT INTO reference_numbers (document_id, number, label, role) VALUES (?, 'N-1', 'No. N-1', 'own')",
                (first,),
            )
        assert_in_step(archive)
