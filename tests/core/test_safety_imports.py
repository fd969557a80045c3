"""Imports that must not duplicate or lose files: two processes importing one folder at once, file
names that are not UTF-8, symbolic links that lead out of the folder."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from viewer.core.store import Archive

from ..conftest import SAMPLES

FILES = 60


def _folder(folder: Path) -> Path:
    folder.mkdir()
    seeds = [path.read_text("utf-8") for path in sorted(SAMPLES.glob("*.txt"))]
    for number in range(FILES):
        text = seeds[number % len(seeds)].replace("document/11", f"document/{number}-11")
        (folder / f"doc-{number:03d}.txt").write_text(text + f"\n\nArchivist's note {number}.\n", "utf-8")
    return folder


def _pdf_folder(folder: Path) -> Path:
    import pymupdf

    folder.mkdir()
    for number in range(FILES):
        doc = pymupdf.open()
        page = doc.new_page()
        page.insert_text((72, 72), f"Telegram number {number} from Pyongyang to Moscow, 12 May 1950.")
        doc.save(folder / f"scan-{number:03d}.pdf")
        doc.close()
    return folder


@pytest.mark.parametrize("make", [_folder, _pdf_folder], ids=["text", "pdf"])
def test_two_imports_of_one_folder_at_once_make_one_document_per_file(tmp_path, make):
    folder = make(tmp_path / "letters")
    path = tmp_path / "archive.db"
    Archive(path).close()
    command = [sys.executable, "-m", "viewer", "--db", str(path), "import", "-q", str(folder)]
    processes = [subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for _ in range(2)]
    for process in processes:
        _out, err = process.communicate(timeout=300)
        assert process.returncode == 0, err
    with Archive(path) as archive:
        assert archive.count() == FILES
        imported = archive.conn.execute("SELECT count(*) FROM imports WHERE outcome = 'imported'").fetchone()[0]
        assert imported == FILES


def _cli(*args: str) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run([sys.executable, "-m", "viewer", *args], capture_output=True, timeout=300)


def test_file_names_that_are_not_utf8_import_and_json_stays_valid(tmp_path):
    folder = tmp_path / "scans"
    folder.mkdir()
    seed = next(SAMPLES.glob("001_*.txt")).read_bytes()
    # the files by their byte names, as a disk written in Latin-1 days has them
    with open(os.fsencode(folder) + b"/t\xe9l\xe9gramme-1950.txt", "wb") as handle:
        handle.write(seed)
    import pymupdf

    doc = pymupdf.open()
    doc.new_page().insert_text((72, 72), "Telegram from Pyongyang, 12 May 1950.")
    doc.save(tmp_path / "scan.pdf")
    doc.close()
    os.rename(tmp_path / "scan.pdf", os.fsencode(folder) + b"/\xc0\xff-scan.pdf")
    path = tmp_path / "archive.db"
    done = _cli("--db", str(path), "import", "--json", str(folder))
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout.decode("utf-8"))  # strict UTF-8, and JSON
    assert sorted(entry["outcome"] for entry in report) == ["imported", "imported"]
    assert any("t\\xe9l\\xe9gramme-1950.txt" in entry["path"] for entry in report)
    again = _cli("--db", str(path), "import", "--json", str(folder))
    assert sorted(entry["outcome"] for entry in json.loads(again.stdout.decode("utf-8"))) == ["unchanged"] * 2
    text = _cli("--db", str(path), "import", str(folder))
    text.stdout.decode("utf-8")  # the plain report is valid UTF-8 too
    with Archive(path) as archive:
        assert archive.count() == 2


def test_symbolic_links_out_of_the_folder_are_not_followed(tmp_path):
    outside = tmp_path / "outside"
    outside.mkdir()
    secret = outside / "secret.txt"
    secret.write_text(next(SAMPLES.glob("002_*.txt")).read_text("utf-8"), "utf-8")
    (outside / "more").mkdir()
    (outside / "more" / "another.txt").write_text(next(SAMPLES.glob("004_*.txt")).read_text("utf-8"), "utf-8")
    folder = tmp_path / "letters"
    folder.mkdir()
    (folder / "own.txt").write_text(next(SAMPLES.glob("000_*.txt")).read_text("utf-8"), "utf-8")
    (folder / "passwd.txt").symlink_to(secret)
    (folder / "elsewhere").symlink_to(outside / "more", target_is_directory=True)
    (folder / "same.txt").symlink_to(folder / "own.txt")  # a link that stays inside is harmless
    path = tmp_path / "archive.db"
    done = _cli("--db", str(path), "import", str(folder))
    assert done.returncode == 0, done.stderr
    err = done.stderr.decode("utf-8")
    assert "passwd.txt" in err and "elsewhere" in err and "not followed" in err
    assert "2 skipped" in done.stdout.decode("utf-8")
    with Archive(path) as archive:
        assert archive.count() == 1
        assert archive.search("Kaganovich").total == 0  # nothing of the secret came in
    followed = _cli("--db", str(path), "import", "--follow-links", str(folder))
    assert followed.returncode == 0, followed.stderr
    with Archive(path) as archive:
        assert archive.count() == 3
