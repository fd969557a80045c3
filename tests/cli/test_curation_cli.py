"""Curating from the command line (issue 13): edit, person, delete/trash, tag, review, history, undo."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from viewer.cli import main
from viewer.core.store import Archive, Filters

from ..conftest import SAMPLES
from .conftest import run


@pytest.fixture
def runner(monkeypatch):
    monkeypatch.setenv("ARCHIVE_VIEWER_AUTHOR", "archivist")
    return CliRunner()


@pytest.fixture
def db(tmp_path, runner):
    path = tmp_path / "cli.db"
    assert runner.invoke(main, ["--db", str(path), "import", str(SAMPLES)]).exit_code == 0
    return path


def show(runner, db, key):
    return json.loads(run(runner, db, "show", key, "--json"))


def test_edit_title_date_people_and_link_then_undo(runner, db):
    out = run(
        runner,
        db,
        "edit",
        "001",
        "--title",
        "Vyshinsky to Mao, 14 May",
        "--date",
        "15 May 1950",
        "--type",
        "Telegram",
        "--add-person",
        "Filippov:sender",
        "--remove-person",
        "Vyshinsky:sender",
        "--link",
        "related:000",
    )
    assert out.startswith("001_") and "edit title, date, type, sender and links" in out and "archivist" in out
    record = show(runner, db, "001")
    assert (record["title"], record["date"], record["type"], record["sender"]) == (
        "Vyshinsky to Mao, 14 May",
        "1950-05-15",
        "Telegram",
        "Stalin",
    )
    assert [(link["relation"], link["key"][:3]) for link in record["links"] if link["direction"] == "out"] == [
        ("reply_to", "000"),
        ("related", "000"),
    ]
    history = json.loads(run(runner, db, "history", "001", "--json"))
    assert history[0]["author"] == "archivist" and history[0]["label"] == "Edit title, date, type, sender and links"
    assert "Undo Edit title" in run(runner, db, "undo")
    assert show(runner, db, "001")["title"] == "Ciphered Telegram No. 8600, Vyshinsky to Mao Zedong"
    assert "Redo" in run(runner, db, "redo")
    assert show(runner, db, "001")["sender"] == "Stalin"
    assert "(undone)" in run(runner, db, "history", "001")


def test_invalid_edits_are_one_line_and_change_nothing(runner, db):
    before = show(runner, db, "001")
    for args, reason in (
        (("--title", "New", "--date", "sometime"), "is not a date"),
        (("--link", "reply-to:001"), "cannot link to itself"),
        (("--link", "reply-to:999"), "no document"),
        (("--remove-person", "Kim Il Sung:sender"), "is not named as sender"),
        (("--add-person", "Filippov"), "NAME:ROLE"),
    ):
        result = CliRunner().invoke(main, ["--db", str(db), "edit", "001", *args])
        assert result.exit_code == 2 and reason in result.output and "Traceback" not in result.output, result.output
    assert show(runner, db, "001") == before
    assert run(runner, db, "history", "001") == "no changes recorded\n"


def test_edit_json_takes_what_show_json_prints(runner, db, tmp_path):
    record = show(runner, db, "002")
    record["title"] = "Roshchin to Filippov, October 1950"
    record["recipient"] = "Stalin; Mao Zedong"
    record["texts"][0]["body"] = record["texts"][0]["body"].replace("Zhou Enlai", "Zhou En-lai", 1)
    edited = tmp_path / "record.json"
    edited.write_text(json.dumps(record, ensure_ascii=False), encoding="utf-8")
    out = run(runner, db, "edit", "002", "--json", str(edited))
    assert "edit title, recipient and translation" in out
    after = show(runner, db, "002")
    assert after["title"] == record["title"] and after["recipient"] == "Mao Zedong; Stalin"
    assert "Zhou En-lai" in after["texts"][0]["body"]
    assert "nothing to change" in run(runner, db, "edit", "002", "--json", str(edited), status=1)
    record["key"] = "another"
    edited.write_text(json.dumps(record), encoding="utf-8")
    assert "key cannot be edited" in run(runner, db, "edit", "002", "--json", str(edited), status=2)


def test_person_merge_alias_kind_and_search_by_the_old_name(runner, db):
    run(runner, db, "edit", "003", "--add-person", "Dzhugashvili:mentioned")
    assert "Merge Dzhugashvili into Stalin: 1 document" in run(runner, db, "person", "merge", "Dzhugashvili", "Stalin")
    hits = json.loads(run(runner, db, "search", "--json", "Dzhugashvili"))
    assert {hit["key"][:3] for hit in hits["hits"]} == {"000", "001", "002", "003", "004"}
    people = json.loads(run(runner, db, "person", "list", "Stalin", "--json"))
    assert people[0]["name"] == "Stalin" and "Dzhugashvili" in people[0]["aliases"] and people[0]["documents"] == 5
    run(runner, db, "person", "alias", "Stalin", "Koba")
    assert json.loads(run(runner, db, "search", "--json", "Koba"))["total"] == 5
    run(runner, db, "person", "alias", "Stalin", "Koba", "--remove")
    assert json.loads(run(runner, db, "search", "--json", "Koba"))["total"] == 0
    assert "Make Molotov an organisation" in run(runner, db, "person", "kind", "Molotov", "organisation")
    assert "(organisation)" in run(runner, db, "person", "list", "Molotov")
    assert "no person or organisation" in run(runner, db, "person", "merge", "Nobody", "Stalin", status=2)


def test_delete_trash_restore_and_empty(runner, db):
    run(runner, db, "annotate", "000", "--part", "translation", "--quote", "Zhou Enlai", "--note", "who")
    assert "moved to the trash" in run(runner, db, "delete", "000", "004")
    listed = json.loads(run(runner, db, "trash", "--json"))
    assert sorted(e["key"][:3] for e in listed) == ["000", "004"] and {e["deleted_by"] for e in listed} == {"archivist"}
    assert "no document" in run(runner, db, "show", "000", status=2)
    run(runner, db, "trash", "restore", "000")
    assert json.loads(run(runner, db, "annotations", "000", "--json"))[0]["note"] == "who"
    assert "removed 1 document and 0 stored files" in run(runner, db, "trash", "empty")
    assert run(runner, db, "trash") == "the trash is empty\n"


def test_tag_filter_review_and_undo(runner, db):
    assert "Tag +urgent +Korean War on 2 documents" in run(runner, db, "tag", "001", "002", "+urgent", "+Korean War")
    run(runner, db, "tag", "002", "-urgent")
    with Archive(db) as archive:
        assert archive.facet_counts("tag") == [("Korean War", 2), ("urgent", 1)]
        doc = archive.resolve_id("003")
        with archive.transaction():
            archive.set_review_reasons(doc, ["a guessed date"])
        assert archive.count(Filters(tag="urgent")) == 1
    out = run(runner, db, "review", "--list")
    assert "003_" in out and "- a guessed date" in out
    assert "Mark reviewed" in run(runner, db, "review", "003", "--done")
    assert "003_" not in run(runner, db, "review", "--list")
    run(runner, db, "undo")
    assert "a guessed date" in run(runner, db, "review", "003")
    assert "nothing to undo" in run(runner, db, "undo", "--author", "somebody-else", status=1)
