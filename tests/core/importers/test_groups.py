"""Text files are written in groups, a transaction for many documents: fewer commits, the same
documents, and a write that fails names its file while the rest of its group is kept."""

from __future__ import annotations

from pathlib import Path

import pytest

from viewer.core.importers import groups
from viewer.core.importers.batch import import_all
from viewer.core.store import Archive

from ...conftest import SAMPLES


def _folder(folder: Path, count: int) -> list[Path]:
    folder.mkdir()
    seeds = [path.read_text("utf-8") for path in sorted(SAMPLES.glob("*.txt"))]
    paths = []
    for number in range(count):
        text = seeds[number % len(seeds)].replace("document/11", f"document/{number}-11")
        path = folder / f"doc-{number:03d}.txt"
        path.write_text(text + f"\n\nArchivist's note {number}.\n", "utf-8")
        paths.append(path)
    return paths


def _count_commits(archive: Archive, monkeypatch: pytest.MonkeyPatch) -> list[int]:
    commits: list[int] = []
    real = archive.commit_write

    def counted() -> None:
        commits.append(1)
        real()

    monkeypatch.setattr(archive, "commit_write", counted)
    return commits


def test_a_group_is_one_commit_and_its_index_rows_match_the_archive(tmp_path, monkeypatch):
    monkeypatch.setattr(groups, "GROUP_SECONDS", 3600.0)
    paths = _folder(tmp_path / "files", 24)
    with Archive(tmp_path / "a.db") as archive:
        commits = _count_commits(archive, monkeypatch)
        summary = import_all(archive, paths)
        assert summary.count("imported") == 24
        assert len(commits) == 1
        # the index rows were built from memory; they must be what the archive's rows make
        assert archive.index_drift() == (0, 0)
        assert archive.count() == 24
    with Archive(tmp_path / "a.db") as archive:
        commits = _count_commits(archive, monkeypatch)
        assert import_all(archive, paths).count("unchanged") == 24
        assert archive.count() == 24


def test_a_write_that_fails_names_its_file_and_keeps_the_rest_of_its_group(tmp_path, monkeypatch):
    monkeypatch.setattr(groups, "GROUP_SECONDS", 3600.0)
    paths = _folder(tmp_path / "files", 9)
    bad = paths[4]
    with Archive(tmp_path / "a.db") as archive:
        real = archive.save_document

        def failing(parsed, **options):
            document_id = real(parsed, **options)  # half written when it fails: the rollback takes it back
            if options["source_path"] == str(bad.resolve()):
                raise RuntimeError("the disk said no")
            return document_id

        monkeypatch.setattr(archive, "save_document", failing)
        commits = _count_commits(archive, monkeypatch)
        summary = import_all(archive, paths)
        refused = summary.refused()
        assert [r.path for r in refused] == [bad]
        assert "the disk said no" in refused[0].message
        assert summary.count("imported") == 8
        # the group up to the bad file replayed one file per transaction (four good files and the
        # refusal recorded), then the files after it in a group of their own
        assert len(commits) == 4 + 1 + 1
        assert archive.count() == 8
        names = {row[0] for row in archive.conn.execute("SELECT source_name FROM documents")}
        assert bad.name not in names and len(names) == 8
        assert archive.index_drift() == (0, 0)
        outcomes = dict(archive.conn.execute("SELECT path, outcome FROM imports").fetchall())
        assert outcomes[str(bad)] == "refused"


def test_a_batch_stopped_early_keeps_the_whole_documents_it_wrote(tmp_path, monkeypatch):
    from viewer.core.importers.batch import run_import

    monkeypatch.setattr(groups, "GROUP_SECONDS", 3600.0)
    paths = _folder(tmp_path / "files", 6)
    asked = []

    def cancelled() -> bool:
        asked.append(1)
        return len(asked) > 3

    with Archive(tmp_path / "a.db") as archive:
        results = [p.result for p in run_import(archive, paths, cancelled) if p.result]
        assert [r.outcome for r in results] == ["imported"] * 3
        assert archive.count() == 3
        assert not archive.conn.in_transaction
