"""``import FILE.csv``, ``import --metadata FILE.csv``, ``import FILE.json``, ``merge`` and ``publish`` as a
user types them, on real archive files (issue 14)."""

from __future__ import annotations

import json
import shutil

from viewer.cli import main

from ..conftest import SAMPLES
from .conftest import run


def test_import_a_spreadsheet_row_by_row(runner, tmp_path):
    shutil.copy(SAMPLES / "001_56bc44923964e047.txt", tmp_path / "one.txt")
    sheet = tmp_path / "sheet.csv"
    sheet.write_text(
        "file,title,date,tags\none.txt,Vyshinsky to Mao,1950-05-14,lesson\nmissing.txt,Lost,,\n"
        ",A catalogue entry,13th Brumaire,\n",
        encoding="utf-8",
    )
    output = run(runner, tmp_path / "b.db", "import", str(sheet))
    assert f" imported  {tmp_path / 'one.txt'}  (row 2)" in output
    assert "1 imported, 0 updated, 0 unchanged, 2 refused" in output
    assert f"refused: {sheet}: row 3: column file: no such file: {tmp_path / 'missing.txt'}" in output
    assert f"refused: {sheet}: row 4: column date: “13th Brumaire” is not a date" in output
    again = json.loads(run(runner, tmp_path / "b.db", "import", "--metadata", str(sheet), "--json"))
    assert [(r["outcome"], r["report"]["row"]) for r in again] == [("unchanged", 2), ("refused", 3), ("refused", 4)]
    shown = json.loads(run(runner, tmp_path / "b.db", "show", "one", "--json"))  # the key: the file's stem
    assert (shown["title"], shown["date"]) == ("Vyshinsky to Mao", "1950-05-14")


def test_a_spreadsheet_with_every_row_refused_fails(runner, tmp_path):
    sheet = tmp_path / "bad.csv"
    sheet.write_text("file,title\nnothing.txt,x\n", encoding="utf-8")
    output = run(runner, tmp_path / "b.db", "import", str(sheet), status=1)
    assert "0 imported, 0 updated, 0 unchanged, 1 refused" in output
    assert f"refused: {sheet}: row 2: column file: no such file: {tmp_path / 'nothing.txt'}" in output
    nothing = run(runner, tmp_path / "b.db", "import", status=2)  # neither a file nor --metadata
    assert "nothing to import" in nothing


def test_export_json_then_import_it_into_an_empty_archive(runner, db, tmp_path):
    out = tmp_path / "all.json"
    run(runner, db, "export", "--all", "--format", "json", "--out", str(out), "-q")
    output = run(runner, tmp_path / "b.db", "import", str(out))
    assert "5 imported, 0 updated, 0 unchanged, 0 refused" in output
    for key in ("000", "004"):
        mine = json.loads(run(runner, db, "show", key, "--json"))
        theirs = json.loads(run(runner, tmp_path / "b.db", "show", key, "--json"))
        for record in (mine, theirs):  # ids are each archive's own (see tests/core/importers/test_exchange_import.py)
            record.pop("id")
            for link in record["links"]:
                link.pop("document_id")
        assert theirs == mine


def test_merge_and_its_report(runner, db, tmp_path):
    other = tmp_path / "other.db"
    (tmp_path / "more").mkdir()
    (tmp_path / "more" / "note.txt").write_text("June 2, 1950\n\nA note of Bob's\n\nNothing more.\n", "utf-8")
    run(runner, other, "import", "-q", str(SAMPLES / "004_b1a35747eb61871d.txt"), str(tmp_path / "more"))
    run(runner, other, "annotate", "004", "--part", "translation", "--quote", "Mao Zedong", "--note", "Bob's")
    report = json.loads(run(runner, db, "merge", str(other), "--json"))
    assert [e["key"] for e in report["added"]] == ["note"]
    assert [(e["key"][:3], e["details"]) for e in report["updated"]] == [("004", ["1 annotation"])]
    output = run(runner, db, "merge", str(other))
    assert output.endswith(f"0 added, 0 updated, 0 conflicting, 2 skipped — merged {other} into {db}\n")
    refused = runner.invoke(main, ["--db", str(db), "merge", str(tmp_path / "nothing.db")])
    assert refused.exit_code == 2 and "no such archive" in refused.output


def test_publish_writes_the_site(runner, db, tmp_path):
    output = run(runner, db, "publish", str(tmp_path / "site"), "--title", "Korea 1950")
    assert output.startswith(f"{tmp_path / 'site' / 'archive.db'}: 5 documents; metadata ")
    assert "datasette serve --immutable" in output
    metadata = json.loads((tmp_path / "site" / "metadata.json").read_text("utf-8"))
    assert metadata["title"] == "Korea 1950"
    run(runner, db, "publish", str(tmp_path / "site"), status=2)  # not over an earlier copy without --replace
