"""Restore and repair without losing work: into the live file while others use it, atomically, from a
backup whose commits are still in its -wal; clear lines for folders that are missing or read-only."""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from click.testing import CliRunner

from viewer.cli import main
from viewer.core import maintenance
from viewer.core.errors import ArchiveError, NotAnArchive
from viewer.core.importers.batch import import_all
from viewer.core.store import Archive

from ..conftest import ROOT, SAMPLES
from .safety_helpers import can_mount, damage_table, run_unshared, unindex


def seeded(path: Path) -> Path:
    shutil.copy(ROOT / "archive.db", path)
    with Archive(path):  # brought to this program's schema, as any archive in use is
        pass
    return path


def one_file(folder: Path, name: str, person: str) -> Path:
    folder.mkdir(exist_ok=True)
    seed = (SAMPLES / "003_8eea2ab9ee4e7676.txt").read_text("utf-8")
    path = folder / name
    text = seed.replace("Ri Ju-yeon", person).replace("document/11", f"document/{name}")
    path.write_text(text.replace("Comrade Shtykov", "Comrade Kvasnikovsky"), "utf-8")
    return path


def restore_cli(path: Path, backup: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "viewer", "--db", str(path), "restore", "--yes", str(backup)],
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_restore_while_the_window_holds_the_archive_keeps_every_user_whole(tmp_path):
    path = seeded(tmp_path / "archive.db")
    with Archive(path) as archive:
        backup = maintenance.backup(archive, tmp_path / "monday.db")
    window = Archive(path)  # another user of the file: the window, still open
    import_all(window, [one_file(tmp_path / "new", "tuesday.txt", "Ri Tuesday")])
    assert window.count() == 6
    done = restore_cli(path, backup)
    assert done.returncode == 0, done.stderr
    # the window reads the restored archive, not a file that was moved away under it
    assert window.count() == 5
    import_all(window, [one_file(tmp_path / "new", "wednesday.txt", "Ri Wednesday")])
    window.close()
    with Archive(path) as fresh:  # what the window wrote after the restore is in the archive
        assert fresh.count() == 6
        assert fresh.search("Wednesday").total == 1 and fresh.search("Tuesday").total == 0
        # the window's cache of indexed words did not outlive the restore: Wednesday's words are all known
        known = fresh.conn.execute("SELECT count(*) FROM terms WHERE term = 'kvasnikovsky'").fetchone()[0]
        assert known == 1
        assert fresh.check().ok
    kept = list(tmp_path.glob("archive.db.replaced-*"))
    assert len(kept) == 1
    with Archive(kept[0], readonly=True) as replaced:  # the replaced archive, whole, Tuesday's import too
        assert replaced.count() == 6 and replaced.search("Tuesday").total == 1


def test_a_backup_whose_commits_are_in_its_wal_is_restored_whole(tmp_path):
    source = tmp_path / "source.db"
    writer = Archive(source)
    writer.conn.execute("PRAGMA wal_autocheckpoint = 0")  # every commit stays in the -wal
    import_all(writer, sorted(SAMPLES.glob("*.txt")))
    folder = tmp_path / "usb"
    folder.mkdir()
    for suffix in ("", "-wal"):  # the backup as a careless copy leaves it: the file and its -wal
        shutil.copyfile(f"{source}{suffix}", folder / f"backup.db{suffix}")
    writer.close()
    main_only = tmp_path / "main-only.db"
    shutil.copyfile(folder / "backup.db", main_only)
    # the main file alone holds the empty schema (a new archive is made whole before any import);
    # every document is in the -wal
    assert sqlite3.connect(main_only).execute("SELECT count(*) FROM documents").fetchone()[0] == 0
    target = seeded(tmp_path / "archive.db")
    with Archive(target) as archive:
        archive.delete_document(1)
    before = sorted(p.name for p in folder.iterdir())
    maintenance.restore(folder / "backup.db", target)
    assert sorted(p.name for p in folder.iterdir()) == before  # nothing written beside the backup
    with Archive(target) as archive:
        assert archive.count() == 5 and archive.check().ok


def test_restore_onto_a_missing_path_puts_the_backup_there(tmp_path):
    source = seeded(tmp_path / "source.db")
    target = tmp_path / "archive.db"
    Path(f"{target}-wal").write_bytes(b"a stale log from another file")
    assert maintenance.restore(source, target) is None
    assert not Path(f"{target}-wal").exists() or Path(f"{target}-wal").stat().st_size == 0
    with Archive(target) as archive:
        assert archive.count() == 5 and archive.check().ok


def test_restore_onto_a_file_sqlite_cannot_read_swaps_it_and_keeps_it(tmp_path):
    source = seeded(tmp_path / "source.db")
    target = tmp_path / "archive.db"
    target.write_bytes(b"%PDF-1.7 " + os.urandom(3000))
    damaged = target.read_bytes()
    kept = maintenance.restore(source, target)
    assert kept is not None and kept.read_bytes() == damaged
    with Archive(target) as archive:
        assert archive.count() == 5


def test_restore_refuses_another_programs_database_unwritten(tmp_path):
    source = seeded(tmp_path / "source.db")
    target = tmp_path / "places.sqlite"
    conn = sqlite3.connect(target)
    conn.execute("CREATE TABLE moz_places (id INTEGER PRIMARY KEY, url TEXT)")
    conn.execute("PRAGMA user_version = 74")
    conn.commit()
    conn.close()
    before = target.read_bytes()
    files = sorted(tmp_path.iterdir())
    with pytest.raises(NotAnArchive):
        maintenance.restore(source, target)
    assert target.read_bytes() == before
    assert sorted(tmp_path.iterdir()) == files


def test_restore_refuses_a_backup_that_is_not_an_archive(tmp_path):
    target = seeded(tmp_path / "archive.db")
    bad = tmp_path / "bad.db"
    bad.write_bytes(b"not a database at all" * 100)
    with pytest.raises(ArchiveError, match=r"bad\.db"):
        maintenance.restore(bad, target)
    with Archive(target) as archive:
        assert archive.count() == 5
    assert not list(tmp_path.glob(".archive.db.restoring-*"))  # the staging folder went


def test_missing_folders_are_one_clear_line(tmp_path):
    path = seeded(tmp_path / "archive.db")
    runner = CliRunner()
    result = runner.invoke(main, ["--db", str(path), "backup", str(tmp_path / "gone" / "copy.db")])
    assert result.exit_code == 2 and len(result.output.strip().splitlines()) == 1, result.output
    assert "does not exist" in result.output
    result = runner.invoke(main, ["--db", str(tmp_path / "gone" / "archive.db"), "restore", "--yes", str(path)])
    assert result.exit_code == 2 and len(result.output.strip().splitlines()) == 1, result.output
    assert "does not exist" in result.output and "nothing was restored" in result.output


@pytest.mark.skipif(not can_mount(), reason="needs root and unshare to mount a read-only folder")
def test_restore_onto_a_read_only_archive_is_one_clear_line(tmp_path):
    media = tmp_path / "media"
    media.mkdir()
    seeded(media / "archive.db")
    backup = seeded(tmp_path / "backup.db")
    mounted = tmp_path / "mnt"
    mounted.mkdir()
    script = (
        f"mount --bind -o ro {media} {mounted} && "
        f"{sys.executable} -m viewer --db {mounted}/archive.db restore --yes {backup}; echo exit=$?"
    )
    done = run_unshared(script)
    assert "exit=2" in done.stdout, done.stderr
    assert len(done.stderr.strip().splitlines()) == 1, done.stderr
    assert "read-only" in done.stderr and "nothing was restored" in done.stderr


# -- check --repair works on a copy first --------------------------------------------------------


def test_repair_works_on_a_copy_first_and_keeps_the_archive_as_it_was(tmp_path):
    path = seeded(tmp_path / "archive.db")
    with Archive(path) as archive:
        unindex(archive, 2)
    result = CliRunner().invoke(main, ["--db", str(path), "check", "--repair"])
    assert result.exit_code == 0, result.output
    kept = list(tmp_path.glob("archive.db.before-repair-*"))
    assert len(kept) == 1 and str(kept[0]) in result.output
    with Archive(kept[0], readonly=True) as before:  # the copy is the archive as it was, unrepaired
        assert before.index_drift() == (1, 0)
    with Archive(path) as archive:
        assert archive.check().ok and archive.search("Filippov").total == 4


def test_repair_of_a_damaged_file_leaves_it_untouched(tmp_path):
    path = seeded(tmp_path / "archive.db")
    damage_table(path)
    before = path.read_bytes()
    result = CliRunner().invoke(main, ["--db", str(path), "check", "--repair"])
    assert result.exit_code == 1, result.output
    assert "Traceback" not in result.output and "restore" in result.output
    assert path.read_bytes() == before
    assert not Path(f"{path}-wal").exists() or Path(f"{path}-wal").stat().st_size == 0


def test_restore_while_another_writer_holds_the_archive_gives_up_in_one_line(tmp_path, monkeypatch):
    from viewer.core.store import copies

    monkeypatch.setattr(copies, "BUSY_WAIT", 0.5)
    path = seeded(tmp_path / "archive.db")
    backup = seeded(tmp_path / "backup.db")
    before = sorted(p.name for p in tmp_path.iterdir())
    writer = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
    writer.execute("BEGIN IMMEDIATE")
    outcome: list[BaseException | Path | None] = []

    def run() -> None:
        try:
            outcome.append(maintenance.restore(backup, path))
        except BaseException as error:
            outcome.append(error)

    restoring = threading.Thread(target=run)
    restoring.start()
    restoring.join(timeout=60)  # a restore that waited on the writer for ever is still running here
    gave_up = not restoring.is_alive()
    writer.execute("ROLLBACK")
    writer.close()
    restoring.join()
    assert gave_up, "the restore waited for as long as the other writer held the archive"
    assert isinstance(outcome[0], ArchiveError), outcome
    assert "another program kept the archive busy" in str(outcome[0]) and "nothing was restored" in str(outcome[0])
    assert sorted(p.name for p in tmp_path.iterdir()) == before  # no copy of an archive that was not replaced
