"""An import's group (tally pause, deferred index rows, quiet index triggers) under the ways it can
end badly or share the archive: a commit that fails after the group counted its documents, a group
closed early whose commit fails, another connection (the window's) that reads and writes between
the groups, and a corrected document re-imported inside a group."""

from __future__ import annotations

import sqlite3
from functools import partial
from pathlib import Path

import pytest

from viewer.core.importers.batch import import_all, import_file
from viewer.core.importers.groups import WriteGroup
from viewer.core.importers.prepare import prepare
from viewer.core.store import Archive
from viewer.core.store.schema_tallies import differences

from ...conftest import SAMPLES
from .test_index_consistency import assert_in_step
from .test_tallies_adversarial import assert_true_counts


def _triggers(archive: Archive, schema: str = "sqlite_master") -> set[str]:
    return {r[0] for r in archive.conn.execute(f"SELECT name FROM {schema} WHERE type = 'trigger'")}


def _changed_copies(tmp_path: Path) -> tuple[Path, list[Path]]:
    """A folder of every sample changed (each an update of its document) and two new files."""
    folder = tmp_path / "changed"
    folder.mkdir()
    for sample in sorted(SAMPLES.glob("*.txt")):
        (folder / sample.name).write_text(sample.read_text(encoding="utf-8") + "\n\nMao Zedong.\n", encoding="utf-8")
    news = []
    for number in (1, 2):
        sample = sorted(SAMPLES.glob("*.txt"))[number]
        text = sample.read_text(encoding="utf-8").replace("/document/", f"/document/77{number}")
        news.append(folder / f"new{number}.txt")
        news[-1].write_text(text.replace("1950", "1952"), encoding="utf-8")
    return folder, sorted(folder.glob("*.txt"))


def _fail_the_commit(archive: Archive) -> None:
    """Make the open transaction's COMMIT fail (as a full disk would), after everything before it ran."""
    archive.conn.execute("PRAGMA defer_foreign_keys = ON")
    archive.conn.execute("INSERT INTO links (source_id, relation, evidence) VALUES (987654321, 'related', '')")


def _assert_whole(archive: Archive, triggers: set[str], temp: set[str]) -> None:
    assert not archive.conn.in_transaction
    assert archive.conn.execute("SELECT count(*) FROM tally_paused").fetchone()[0] == 0
    assert _triggers(archive) == triggers
    assert _triggers(archive, "sqlite_temp_master") == temp
    assert differences(archive.conn) == 0
    assert_true_counts(archive)
    assert_in_step(archive)


def _group_that_will_fail(archive: Archive, files: list[Path]) -> tuple[set[str], set[str], WriteGroup]:
    """The seeds imported, then ``files`` written in one open group whose COMMIT will fail; the
    triggers (main and temporary) as they were before it."""
    import_all(archive, [SAMPLES])
    triggers, temp = _triggers(archive), _triggers(archive, "sqlite_temp_master")
    group = WriteGroup(archive, partial(import_file, archive), seconds=60)
    for position, path in enumerate(files):
        group.add(position, path, prepare(archive, path, {}))
    _fail_the_commit(archive)
    return triggers, temp, group


def test_a_group_whose_commit_fails_is_replayed_whole(tmp_path):
    """The group counted its documents and made its triggers again, then COMMIT failed: it is rolled
    back and replayed file by file, and tallies, index and triggers are as a clean import leaves them."""
    _folder, files = _changed_copies(tmp_path)
    with Archive(tmp_path / "archive.db") as archive:
        triggers, temp, group = _group_that_will_fail(archive, files)
        results = [result.outcome for _, _, result in group.commit()]
        assert results.count("imported") == 2 and results.count("updated") == len(files) - 2, results
        assert archive.count() == len(files) - 2 + 2
        _assert_whole(archive, triggers, temp)


def test_a_group_closed_early_whose_commit_fails_leaves_no_transaction(tmp_path):
    """A batch stopped early (GeneratorExit) commits its group in ``close``; when that commit fails the
    group is rolled back, not left open half-counted, and the next import writes and counts."""
    folder, files = _changed_copies(tmp_path)
    with Archive(tmp_path / "archive.db") as archive:
        triggers, temp, group = _group_that_will_fail(archive, files)
        with pytest.raises(sqlite3.DatabaseError):
            group.close()
        assert archive.count() == 5  # nothing of the group
        _assert_whole(archive, triggers, temp)
        summary = import_all(archive, [folder])
        assert summary.count("imported") == 2, summary.line()
        _assert_whole(archive, triggers, temp)


def test_another_connection_reads_and_writes_between_groups(tmp_path):
    """The window's own connection, its statements prepared and its index triggers made before the
    import's groups changed the schema (each commit drops and makes triggers): it reads the counts
    of each committed group, and its own edits still reach the tallies and the index."""
    _folder, files = _changed_copies(tmp_path)
    path = tmp_path / "archive.db"
    with Archive(path) as archive:
        import_all(archive, [SAMPLES])
    with Archive(path) as window, Archive(path) as importer:
        triggers, temp = _triggers(window), _triggers(window, "sqlite_temp_master")
        assert window.count() == 5
        window.correct(1, {"title": "Before the import"}, "t")
        group = WriteGroup(importer, partial(import_file, importer), seconds=60)
        for position, file in enumerate(files[:3]):
            group.add(position, file, prepare(importer, file, {}))
        assert window.count() == 5  # the open group is not seen
        assert _triggers(window) == triggers
        list(group.commit())
        assert window.count() == 5 + sum(1 for f in files[:3] if f.name.startswith("new"))
        window.correct(2, {"title": "Harbour telegram", "language": "Korean"}, "t")
        window.conn.execute("BEGIN IMMEDIATE")  # a window's edit of a mention, through its own triggers
        window._writing = True
        window.conn.execute("DELETE FROM document_entities WHERE document_id = 3")
        window.commit_write()
        for position, file in enumerate(files[3:]):
            group.add(position, file, prepare(importer, file, {}))
        list(group.commit())
        window.correct(4, {"summary": "Another summary"}, "t")
        assert window.count() == len(files)
        _assert_whole(window, triggers, temp)
        _assert_whole(importer, triggers, temp)


def test_a_corrected_document_reimported_in_a_group(tmp_path):
    """keep_corrections puts a correction back over a document the group rewrote: counted once, as it
    ends (with the correction), and indexed as it ends."""
    folder, files = _changed_copies(tmp_path)
    with Archive(tmp_path / "archive.db") as archive:
        import_all(archive, [SAMPLES])
        archive.correct(1, {"title": "A corrected title", "language": "Korean", "type": "letter"}, "t")
        mentioned = [*archive.field_value(2, "mentioned"), "Kim Il Sung"]
        archive.correct(2, {"sender": ["Molotov"], "mentioned": mentioned}, "t")
        triggers, temp = _triggers(archive), _triggers(archive, "sqlite_temp_master")
        summary = import_all(archive, [folder])
        assert summary.count("updated") == len(files) - 2, summary.line()
        row = archive.conn.execute("SELECT title, original_language FROM documents WHERE id = 1").fetchone()
        assert tuple(row) == ("A corrected title", "Korean")
        assert [person["name"] for person in archive.field_value(2, "sender")] == ["Molotov"]
        assert "Kim Il Sung" in [person["name"] for person in archive.field_value(2, "mentioned")]
        _assert_whole(archive, triggers, temp)


def test_a_write_failing_mid_group_after_a_rewrite_is_replayed_whole(tmp_path, monkeypatch):
    """A group that held an older document (counted it out) and added new ones, then a write failed:
    rolled back (the older one counted again, the triggers back), replayed file by file."""
    folder, files = _changed_copies(tmp_path)
    bad = files[-1]
    with Archive(tmp_path / "archive.db") as archive:
        import_all(archive, [SAMPLES])
        triggers, temp = _triggers(archive), _triggers(archive, "sqlite_temp_master")
        real, raised = archive.save_document, []

        def failing(parsed, **options):  # save_document, failing in a group
            document_id = real(parsed, **options)
            if options["source_path"] == str(bad.resolve()) and archive._entity_ids is not None:
                raised.append(bad)
                raise RuntimeError("the disk said no")  # in the group only: its replay writes it
            return document_id

        monkeypatch.setattr(archive, "save_document", failing)
        summary = import_all(archive, [folder])
        assert raised == [bad]
        assert summary.count("imported") == 2 and summary.count("updated") == len(files) - 2, summary.line()
        _assert_whole(archive, triggers, temp)


CONCURRENT = """
import sys
from viewer.core.importers import groups
from viewer.core.importers.batch import import_all
from viewer.core.store import Archive
groups.GROUP_SECONDS = 0.0  # a group per file: the two imports' groups interleave
with Archive(sys.argv[2]) as archive:
    print(import_all(archive, [sys.argv[1]]).line())
"""


def test_two_processes_importing_at_once(tmp_path):
    """Two imports into one archive at once, each group dropping and making triggers in its own
    transaction (so the schema changes under the other, and under a reader): every document counted
    once and indexed as it is, the triggers all there."""
    import subprocess
    import sys

    folder, _files = _changed_copies(tmp_path)
    others = tmp_path / "others"
    others.mkdir()
    seeds = [p.read_text(encoding="utf-8") for p in sorted(SAMPLES.glob("*.txt"))]
    for number in range(30):
        text = seeds[number % len(seeds)].replace("/document/", f"/document/5{number}")
        (others / f"other{number}.txt").write_text(text + f"\n\nNote {number}, Mao Zedong.\n", encoding="utf-8")
    path = tmp_path / "archive.db"
    with Archive(path) as archive:
        import_all(archive, [SAMPLES])
    root = Path(__file__).parents[3]
    with Archive(path) as window:
        triggers, temp = _triggers(window), _triggers(window, "sqlite_temp_master")
        runs = [
            subprocess.Popen(
                [sys.executable, "-c", CONCURRENT, str(source), str(path)],
                cwd=root,
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                text=True,
            )
            for source in (folder, others, folder)
        ]
        seen = []
        while any(run.poll() is None for run in runs):
            seen.append(window.count())  # the window reads while the schema changes
        outputs = [run.communicate(timeout=300) for run in runs]
        assert all(run.returncode == 0 for run in runs), [err[-2000:] for _, err in outputs]
        assert seen == sorted(seen)
        assert window.count() == 5 + 2 + 30
        _assert_whole(window, triggers, temp)
