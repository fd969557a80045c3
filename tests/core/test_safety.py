"""Data safety: damaged files, backups, checks, full disks, read-only media, concurrent writers."""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from viewer.cli import main
from viewer.core import maintenance
from viewer.core.errors import ArchiveError
from viewer.core.importers.batch import import_all
from viewer.core.store import Archive

from ..conftest import ROOT, SAMPLES
from .safety_helpers import can_mount, misindex, run_unshared, unindex

PYTHON = sys.executable


def cli(*args: str, env: dict[str, str] | None = None, timeout: int = 120) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [PYTHON, "-m", "viewer", *args],
        capture_output=True,
        text=True,
        timeout=timeout,
        env={**os.environ, **(env or {})},
    )


def seeded_copy(tmp_path: Path, name: str = "archive.db") -> Path:
    path = tmp_path / name
    shutil.copy(ROOT / "archive.db", path)
    return path


def sound(path: Path) -> Archive:
    """Open an archive and assert SQLite's and FTS5's integrity checks pass and documents are whole."""
    archive = Archive(path)
    assert [r[0] for r in archive.conn.execute("PRAGMA integrity_check")] == ["ok"]
    archive.conn.execute("INSERT INTO search(search, rank) VALUES ('integrity-check', 1)")
    partial = archive.conn.execute(
        "SELECT count(*) FROM documents d WHERE NOT EXISTS (SELECT 1 FROM texts t WHERE t.document_id = d.id) "
        "OR d.id NOT IN (SELECT rowid FROM search)"
    ).fetchone()[0]
    assert partial == 0
    assert archive.conn.execute("SELECT count(*) FROM search").fetchone()[0] == archive.count()
    return archive


# -- corrupt or foreign files --------------------------------------------------------------------


def _truncated(path: Path) -> None:
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 3])


def _damaged_pages(path: Path) -> None:
    data = bytearray(path.read_bytes())
    page = 4096
    for start in range(page * 2, len(data), page * 3):
        data[start : start + page] = os.urandom(page)
    path.write_bytes(bytes(data))


def _not_sqlite(path: Path) -> None:
    path.write_bytes(b"%PDF-1.7\n" + os.urandom(5000))


def _empty(path: Path) -> None:
    path.write_bytes(b"")


def _newer(path: Path) -> None:
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA journal_mode = DELETE")
    conn.execute("PRAGMA user_version = 42")
    conn.close()


@pytest.mark.parametrize(
    ("damage", "message"),
    [
        (_truncated, "damaged"),
        (_damaged_pages, "damaged"),
        (_not_sqlite, "not an archive (not an SQLite database)"),
        (_empty, "the file is empty"),
        (_newer, "written by a newer Archive Viewer"),
    ],
)
def test_corrupt_or_foreign_files_are_refused_without_writing(tmp_path, damage, message):
    path = seeded_copy(tmp_path)
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA journal_mode = DELETE")
    conn.close()
    damage(path)
    before = path.read_bytes()
    with pytest.raises(ArchiveError) as error:
        Archive(path)
    assert message in str(error.value)
    assert str(path) in str(error.value)
    result = CliRunner().invoke(main, ["--db", str(path), "search", "Stalin"])
    assert result.exit_code == 2 and len(result.output.strip().splitlines()) == 1
    assert path.read_bytes() == before
    assert not Path(f"{path}-wal").exists()


def test_check_reports_a_damaged_file(tmp_path):
    path = seeded_copy(tmp_path)
    _damaged_pages(path)
    report = maintenance.check_file(path)
    assert not report.ok
    assert "damaged" in report.problems[0] or "SQLite" in report.problems[0]


def test_check_reports_a_schema_damaged_into_bytes_that_are_not_text(tmp_path):
    """Damage that leaves the schema's names not even UTF-8: Python cannot decode them (before: a
    UnicodeDecodeError escaped check and opening, about one run in ten of the random damage above)."""
    path = seeded_copy(tmp_path)
    data = bytearray(path.read_bytes())
    at = data.index(b"CREATE TABLE documents")
    data[at + 7 : at + 9] = b"\x9c\xff"  # "CREATE \x9c\xffBLE": SQLite says so, quoting the bytes
    path.write_bytes(bytes(data))
    report = maintenance.check_file(path)
    assert not report.ok
    assert "damaged" in report.problems[0] or "SQLite" in report.problems[0] or "readable" in report.problems[0]


# -- backups -------------------------------------------------------------------------------------


def test_backup_and_restore_round_trip(tmp_path):
    path = seeded_copy(tmp_path)
    runner = CliRunner()
    result = runner.invoke(main, ["--db", str(path), "backup", str(tmp_path / "copy.db")])
    assert result.exit_code == 0, result.output
    with Archive(path) as archive:
        archive.delete_document(archive.resolve_id("001"))
        assert archive.count() == 4
    refused = runner.invoke(main, ["--db", str(path), "restore", str(tmp_path / "copy.db")], input="n\n")
    assert "Nothing changed" in refused.output
    result = runner.invoke(main, ["--db", str(path), "restore", str(tmp_path / "copy.db")], input="y\n")
    assert result.exit_code == 0, result.output
    with sound(path) as archive:
        assert archive.count() == 5
        assert archive.search("Vyshinsky").total == 3
    assert list(tmp_path.glob("archive.db.replaced-*"))  # the replaced file is kept


def test_backup_while_another_connection_writes(tmp_path):
    path = seeded_copy(tmp_path)
    writer = Archive(path)
    writer.begin_write()
    writer.conn.execute("UPDATE documents SET title = 'half-written' WHERE id = 1")
    with Archive(path, readonly=True) as reader:
        copy = maintenance.backup(reader, tmp_path / "during.db")
    writer.rollback_write()
    writer.close()
    with sound(copy) as archive:
        assert "half-written" not in [row.title for row in archive.page()]


def test_daily_backups_are_bounded(tmp_path):
    from datetime import UTC, datetime, timedelta

    path = seeded_copy(tmp_path)
    folder = tmp_path / "backups"
    start = datetime(2026, 1, 1, tzinfo=UTC)
    with Archive(path) as archive:
        made = []
        for day in range(10):
            when = start + timedelta(days=day)
            made.append(maintenance.daily_backup(archive, folder, now=when))
            os.utime(made[-1], (when.timestamp(), when.timestamp()))
            assert maintenance.daily_backup(archive, folder, now=when + timedelta(hours=2)) is None
    assert len(list(folder.glob("*.db"))) == maintenance.KEEP_BACKUPS


def test_migration_backs_up_first(tmp_path):
    path = tmp_path / "old.db"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE documents (id INTEGER PRIMARY KEY)")
    conn.execute("PRAGMA user_version = 0")
    conn.close()
    with pytest.raises(ArchiveError):
        Archive(path)  # version 0 with a conflicting table: the migration fails, whole
    assert sqlite3.connect(path).execute("PRAGMA user_version").fetchone()[0] == 0


# -- check and repair ----------------------------------------------------------------------------


def test_check_finds_a_damaged_index_and_repair_fixes_it(tmp_path):
    path = seeded_copy(tmp_path)
    with Archive(path) as archive:
        misindex(archive, 1, "nothing here")
        unindex(archive, 2)
    runner = CliRunner()
    result = runner.invoke(main, ["--db", str(path), "check", "--json"])
    assert result.exit_code == 1
    import json

    report = json.loads(result.output)
    assert not report["ok"]
    assert report["figures"]["index_missing"] == 1
    assert report["figures"]["index_stale"] >= 1
    repaired = runner.invoke(main, ["--db", str(path), "check", "--repair"])
    assert repaired.exit_code == 0, repaired.output
    assert "repaired: rebuilt the full-text index of 5 documents" in repaired.output
    with sound(path) as archive:
        assert archive.search("Filippov").total == 4


def test_check_verifies_stored_files(tmp_path):
    path = seeded_copy(tmp_path)
    with Archive(path) as archive:
        archive.conn.execute(
            "INSERT INTO files (sha256, name, mime, size, data, added_at) VALUES (?, 'scan.pdf', 'application/pdf', 3,"
            " ?, '2026-01-01')",
            ("0" * 64, b"abc"),
        )
        report = archive.check()
    assert any("scan.pdf" in problem for problem in report.problems)


# -- full disk and read-only media ---------------------------------------------------------------


def test_a_full_disk_fails_that_file_and_leaves_the_archive_as_it_was(tmp_path):
    path = seeded_copy(tmp_path)
    big = tmp_path / "big.txt"
    paragraph = "Mao Zedong pointed out that now it is advantageous to dispatch the troops. " * 40
    big.write_text("May 1, 1950\n\nA very long telegram\n\n" + "\n\n".join([paragraph] * 200), "utf-8")
    with Archive(path) as archive:
        pages = archive.conn.execute("PRAGMA page_count").fetchone()[0]
        archive.conn.execute(f"PRAGMA max_page_count = {pages + 3}")
        summary = import_all(archive, [big])
        assert summary.count("refused") == 1
        assert "disk is full" in summary.results[0].message
        assert archive.count() == 5
    with sound(path) as archive:
        assert archive.count() == 5


@pytest.mark.skipif(not can_mount(), reason="needs root and unshare to mount a read-only folder")
def test_read_only_media_opens_read_only(tmp_path):
    media = tmp_path / "media"
    media.mkdir()
    source = seeded_copy(media)
    conn = sqlite3.connect(source)
    conn.execute("PRAGMA journal_mode = DELETE")
    conn.close()
    mounted = tmp_path / "mnt"
    mounted.mkdir()
    script = (
        f"mount --bind -o ro {media} {mounted} && "
        f"{PYTHON} -m viewer --db {mounted}/archive.db search Vyshinsky && "
        f"{PYTHON} -m viewer --db {mounted}/archive.db import {SAMPLES}/000_0f4d882c8d8fa40e.txt; "
        f"echo import-exit=$?; "
        f"{PYTHON} -c \"from viewer.core.store import Archive; a = Archive('{mounted}/archive.db'); "
        f"print('readonly', a.readonly, a.readonly_reason)\""
    )
    result = run_unshared(script)
    assert "3 documents match" in result.stdout, result.stderr
    assert "import-exit=2" in result.stdout
    assert "read-only media" in result.stderr and "nothing was imported" in result.stderr
    assert "readonly True the archive is on read-only media" in result.stdout


# -- concurrent use ------------------------------------------------------------------------------


def _folder_of_copies(folder: Path, count: int, tag: str) -> Path:
    folder.mkdir()
    seed = (SAMPLES / "003_8eea2ab9ee4e7676.txt").read_text("utf-8")
    for number in range(count):
        (folder / f"{tag}-{number:03d}.txt").write_text(seed.replace("Ri Ju-yeon", f"Ri {tag}{number}"), "utf-8")
    return folder


def test_two_writers_at_once_both_succeed(tmp_path):
    path = seeded_copy(tmp_path)
    first = _folder_of_copies(tmp_path / "a", 40, "alpha")
    second = _folder_of_copies(tmp_path / "b", 40, "beta")
    processes = [
        subprocess.Popen(
            [PYTHON, "-m", "viewer", "--db", str(path), "import", "-q", str(folder)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for folder in (first, second)
    ]
    # and a reader that keeps reading meanwhile
    with Archive(path, readonly=True) as reader:
        while any(p.poll() is None for p in processes):
            reader.search("Pyongyang")
    outputs = [p.communicate(timeout=120) for p in processes]
    for process, (out, err) in zip(processes, outputs, strict=True):
        assert process.returncode == 0, err
        assert "40 imported" in out
    with sound(path) as archive:
        assert archive.count() == 85


def test_data_version_tells_a_reader_about_new_documents(tmp_path):
    path = seeded_copy(tmp_path)
    with Archive(path, readonly=True) as reader:
        before = reader.data_version()
        result = cli("--db", str(path), "import", str(_folder_of_copies(tmp_path / "new", 2, "gamma")))
        assert result.returncode == 0, result.stderr
        assert reader.data_version() != before
        assert reader.count() == 7


# -- hostile input -------------------------------------------------------------------------------


def _traced(calls: str, log: Path, db: Path, arguments: list[str]) -> str:
    """Run the command line on ``db`` under strace, tracing the system ``calls`` named; the trace."""
    strace = ["strace", "-f", "-qq", "-e", f"trace={calls}", "-o", str(log)]
    result = subprocess.run(
        [*strace, PYTHON, "-m", "viewer", "--db", str(db), *arguments],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    return log.read_text()


@pytest.mark.skipif(not shutil.which("strace"), reason="strace is not installed")
def test_no_network_connection_is_ever_attempted(tmp_path):
    path = tmp_path / "net.db"
    log = tmp_path / "strace.log"
    commands = [
        ["import", str(SAMPLES)],
        ["search", "Stalin"],
        ["show", "004"],
        ["check"],
    ]
    for arguments in commands:
        calls = _traced("connect,sendto", log, path, arguments)
        assert "AF_INET" not in calls, calls


def _hostile_pdf(path: Path, marker: Path) -> None:
    """A PDF that asks to run JavaScript on opening, launch a program, open a web address and
    carries an embedded file: none of it may happen."""
    import pymupdf

    doc = pymupdf.open()
    page = doc.new_page()
    page.insert_text((72, 100), "Telegram about the hostile attachment", fontsize=14)
    page.insert_link(
        {"kind": pymupdf.LINK_LAUNCH, "file": f"/usr/bin/touch {marker}", "from": pymupdf.Rect(72, 80, 300, 110)}
    )
    page.insert_link(
        {"kind": pymupdf.LINK_URI, "uri": "http://192.0.2.1/beacon", "from": pymupdf.Rect(72, 120, 300, 140)}
    )
    doc.embfile_add("payload.sh", f"#!/bin/sh\ntouch {marker}\n".encode(), filename="payload.sh")
    catalog = doc.pdf_catalog()
    doc.xref_set_key(catalog, "OpenAction", f"<< /S /Launch /F ({marker}) >>")
    doc.xref_set_key(catalog, "AA", "<< /WC << /S /JavaScript /JS (app.launchURL('http://192.0.2.1/js')) >> >>")
    doc.save(path)
    doc.close()


@pytest.mark.skipif(not shutil.which("strace"), reason="strace is not installed")
def test_hostile_pdf_runs_nothing_and_calls_nowhere(tmp_path):
    marker = tmp_path / "escaped"
    pdf = tmp_path / "hostile.pdf"
    _hostile_pdf(pdf, marker)
    log = tmp_path / "trace.log"
    db = tmp_path / "hostile.db"
    for arguments in (
        ["import", "--no-ocr", str(pdf)],
        ["search", "hostile"],
        ["export", "hostile", "--pdf", str(tmp_path / "out.pdf")],
    ):
        calls = _traced("execve,connect", log, db, arguments)
        assert "AF_INET" not in calls, calls
        programs = {
            line.split('execve("', 1)[1].split('"', 1)[0]
            for line in calls.splitlines()
            if 'execve("' in line and "= 0" in line
        }
        assert all(Path(program).name.startswith("python") for program in programs), programs
    assert not marker.exists()
    with Archive(db, readonly=True) as archive:
        assert archive.search("hostile").total == 1
