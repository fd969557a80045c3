"""The command line's small rules (issue 17): which document ``1`` and ``001`` name, and quotes
that are found whatever their case and wherever the text breaks its lines."""

from __future__ import annotations

import json
import sqlite3

from viewer.core import annotations as ann
from viewer.core.store import Archive

from .conftest import run


def key_of(runner, db, typed: str) -> str:
    return json.loads(run(runner, db, "show", typed, "--json"))["key"]


def test_a_key_its_start_and_its_number_name_one_document(runner, db):
    assert key_of(runner, db, "001") == "001_56bc44923964e047"
    assert key_of(runner, db, "001_56bc") == "001_56bc44923964e047"
    assert key_of(runner, db, "001_56bc44923964e047") == "001_56bc44923964e047"
    assert key_of(runner, db, "id:1") == "000_0f4d882c8d8fa40e"  # id 1 is the first imported
    assert key_of(runner, db, "id:2") == "001_56bc44923964e047"


def test_a_number_that_is_both_an_id_and_a_key_says_it_is_ambiguous(runner, db):
    said = run(runner, db, "show", "1", status=2)
    assert "“1” is ambiguous" in said
    assert "id 1 (key 000_0f4d882c8d8fa40e)" in said and "001_56bc44923964e047" in said
    assert "id:1" in said  # how to choose
    assert "ambiguous" in run(runner, db, "show", "00", status=2)  # the start of five keys
    assert "no document “7”" in run(runner, db, "show", "7", status=2)
    assert "no document “id:7”" in run(runner, db, "show", "id:7", status=2)


def test_the_rule_holds_where_ids_and_keys_do_not_meet(runner, db):
    with sqlite3.connect(db) as conn:  # keys that are not numbers: a number is then only an id
        conn.execute("UPDATE documents SET key = 'doc-' || key")
    assert key_of(runner, db, "1") == "doc-000_0f4d882c8d8fa40e"
    assert key_of(runner, db, "5") == "doc-004_b1a35747eb61871d"
    assert key_of(runner, db, "001") == "doc-000_0f4d882c8d8fa40e"  # leading zeros: an id when no key fits


def test_annotate_quote_ignores_case_and_line_breaks(runner, db, tmp_path):
    made = json.loads(
        run(runner, db, "annotate", "001", "--quote", "MOVE TOWARD REUNIFICATION", "--note", "key", "--json")
    )
    assert made["quote"].lower() == "move toward reunification"
    with Archive(db) as archive:
        body = next(t.body for t in archive.texts(archive.resolve_id("001")) if t.kind == "translation")
    assert body[made["start"] : made["end"]] == made["quote"]
    assert "not in the text" in run(runner, db, "annotate", "001", "--quote", "move toward unity", status=1)


def test_quotes_are_found_across_line_breaks_and_hyphenated_breaks():
    text = "the Chinese comrades\nagreed to the MOVE toward\nreunifi-\ncation of Korea"
    start = ann.find_quote(text, "move toward reunification")
    assert start == text.index("MOVE")
    assert ann.quote_pattern("Chinese comrades agreed").search(text).group(0) == "Chinese comrades\nagreed"
    assert ann.find_quote(text, "korea") == text.index("Korea")


def test_control_characters_from_a_file_never_reach_the_terminal(tmp_path):
    """A stored title carrying ESC and BEL (here a sequence that would retitle the reader's terminal;
    the importer refuses such bytes in a file, an edit or a merged archive can still bring them) is
    printed with U+FFFD in their place by show, list, search and cite; --json keeps the stored text
    exactly (JSON escapes it)."""
    import json

    from click.testing import CliRunner

    from viewer.cli import main

    page = tmp_path / "plain.txt"
    page.write_text("Title: Telegram to Moscow\nDate: 14 May 1950\n\nThe telegram text about Moscow.\n", "utf-8")
    db = tmp_path / "a.db"
    runner = CliRunner()
    assert runner.invoke(main, ["--db", str(db), "import", "-q", str(page)]).exit_code == 0
    hostile = "Telegram \x1b]0;pwned\x07 to Moscow"
    edited = runner.invoke(main, ["--db", str(db), "edit", "id:1", "--title", hostile])
    assert edited.exit_code == 0, edited.output
    for args in (["show", "id:1"], ["list"], ["search", "Moscow"], ["cite", "id:1"]):
        result = runner.invoke(main, ["--db", str(db), *args])
        assert result.exit_code == 0, result.output
        assert "\x1b" not in result.output and "\x07" not in result.output, args
        assert "\ufffd]0;pwned\ufffd" in result.output, args
    shown = json.loads(runner.invoke(main, ["--db", str(db), "show", "id:1", "--json"]).output)
    assert shown["title"] == hostile
