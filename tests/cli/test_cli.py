"""The command line as a user types it, in a real subprocess-free click runner on real files."""

from __future__ import annotations

import json
import shutil
import sqlite3

import pytest

from viewer.cli import main

from ..conftest import ROOT, SAMPLES


def test_search_lists_hits_with_date_title_and_snippet(runner, db):
    result = runner.invoke(main, ["--db", str(db), "search", "Vyshinsky"])
    assert result.exit_code == 0
    assert result.output.startswith("3 documents match “Vyshinsky”")
    for key in ("001_", "003_", "004_"):
        assert key in result.output
    assert "1950-05-14  Ciphered Telegram No. 8600" in result.output
    # marks no historical text uses: square brackets are editorial insertions ("Liu [Shaoqi]")
    assert "⟦Vyshinsky⟧" in result.output or "⟦VYSHINSKY⟧" in result.output


def test_search_json(runner, db):
    result = runner.invoke(main, ["--db", str(db), "search", "--json", "Вышинский"])
    payload = json.loads(result.output)
    assert payload["total"] == 3
    assert {hit["key"][:3] for hit in payload["hits"]} == {"001", "003", "004"}
    for hit in payload["hits"]:  # the snippet is plain text; the matched words are character offsets
        assert not set(hit["snippet"]) & {"\x02", "\x03", "⟦", "⟧"}
        assert hit["marks"]
        marked = [hit["snippet"][start:end] for start, end in hit["marks"]]
        assert all(word.lower().startswith(("вышинск", "vyshinsk", "вьшинск")) for word in marked), marked


def test_show_and_list_json_use_the_expected_field_names(runner, db):
    shown = json.loads(runner.invoke(main, ["--db", str(db), "show", "004", "--json"]).output)
    for name in (
        "id",
        "date",
        "title",
        "sender",
        "recipient",
        "original_language",
        "classification",
        "reference_numbers",
        "source",
        "url",
        "summary",
        "texts",
    ):
        assert name in shown
    assert shown["sender"] == "Stalin"
    listed = json.loads(runner.invoke(main, ["--db", str(db), "list", "--json"]).output)
    assert [item["date"] for item in listed] == sorted(item["date"] for item in listed)
    assert len(listed) == 5


def test_show_prints_fields_and_texts(runner, db):
    result = runner.invoke(main, ["--db", str(db), "show", "001"])
    assert result.exit_code == 0
    assert "Reply to:" in result.output and "000_0f4d882c8d8fa40e" in result.output
    assert "Classification:    Top Secret" in result.output
    assert "Translation (en)" in result.output


def test_import_reports_refusals_and_reimport(runner, tmp_path, db):
    folder = tmp_path / "mixed"
    shutil.copytree(SAMPLES, folder)
    (folder / "junk.txt").write_bytes(bytes(range(256)) * 10)
    result = runner.invoke(main, ["--db", str(db), "import", str(folder)])
    assert result.exit_code == 0
    assert "0 imported, 0 updated, 5 unchanged, 1 refused" in result.output
    assert "junk.txt: not a text file" in result.output


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "the file is empty, not an archive"),
        (b"hello, this is not a database at all" * 10, "not an archive (not an SQLite database)"),
        (b"SQLite format 3\x00" + b"\x00" * 20, "the archive is truncated"),
    ],
)
def test_a_bad_archive_is_one_clear_line(runner, tmp_path, content, message):
    path = tmp_path / "bad.db"
    path.write_bytes(content)
    result = runner.invoke(main, ["--db", str(path), "search", "Stalin"])
    assert result.exit_code == 2
    assert result.output.strip().splitlines() == [f"archive-viewer: {path}: {message}"]
    assert path.read_bytes() == content  # never written to


def test_a_damaged_archive_is_one_clear_line(runner, tmp_path):
    path = tmp_path / "damaged.db"
    shutil.copy(ROOT / "archive.db", path)
    data = bytearray(path.read_bytes())
    data[100:4096] = b"\xff" * (4096 - 100)  # wreck the schema page
    path.write_bytes(bytes(data))
    result = runner.invoke(main, ["--db", str(path), "list"])
    assert result.exit_code == 2
    assert "archive-viewer:" in result.output and "Traceback" not in result.output


def test_missing_archive_for_reading(runner, tmp_path):
    path = tmp_path / "nowhere" / "x.db"
    result = runner.invoke(main, ["--db", str(path), "list"])
    assert result.exit_code == 2
    assert "no such archive" in result.output


def test_newer_archive_is_refused(runner, tmp_path):
    path = tmp_path / "newer.db"
    shutil.copy(ROOT / "archive.db", path)
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA user_version = 99")
    conn.close()
    result = runner.invoke(main, ["--db", str(path), "list"])
    assert result.exit_code == 2
    assert "written by a newer Archive Viewer" in result.output
