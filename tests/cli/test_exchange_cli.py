"""``export`` to the exchange formats and ``cite``, as a user types them, on real archive files."""

from __future__ import annotations

import csv
import json

import pytest
from lxml import etree

from viewer.cli import main
from viewer.core.exporters.csl import read_ris

from ..pdfs import make_pdf
from .conftest import run

NOTE_004 = (
    "Stalin, “Telegram, Filippov [Stalin] to Mao Zedong via the Soviet Ambassador,” telegram to Mao Zedong, "
    "May 16, 1950, fond 588, opis 11, delo 334, list 57, RGASPI, https://digitalarchive.umd.edu/document/114901."
)


def test_export_all_to_every_format(runner, db, tmp_path):
    for fmt, name in (("csv", "a.csv"), ("json", "a.json"), ("tei", "a.xml"), ("csl-json", "c.json"), ("ris", "a.ris")):
        out = tmp_path / name
        assert run(runner, db, "export", "--all", "--format", fmt, "--out", str(out), "-q") == f"{out}: 5 documents\n"
    cmif = tmp_path / "cmif.xml"
    output = run(runner, db, "export", "--all", "--format", "cmif", "--out", str(cmif), "--email", "a@b.org", "-q")
    assert output == f"{cmif}: 5 letters\n"
    with (tmp_path / "a.csv").open(encoding="utf-8", newline="") as stream:
        assert len(list(csv.DictReader(stream))) == 5
    assert json.loads((tmp_path / "a.json").read_text("utf-8"))["count"] == 5
    assert len(etree.parse(str(tmp_path / "a.xml")).getroot()) == 6  # the corpus header and five TEI
    assert len(json.loads((tmp_path / "c.json").read_text("utf-8"))) == 5
    assert len(list(read_ris((tmp_path / "a.ris").read_text("utf-8")))) == 5
    email = etree.parse(str(cmif)).getroot().find(".//{http://www.tei-c.org/ns/1.0}email")
    assert email.text == "a@b.org"


def test_json_export_holds_what_show_json_prints(runner, db, tmp_path):
    out = tmp_path / "two.json"
    run(runner, db, "export", "004", "001", "--format", "json", "--out", str(out), "-q")
    exported = json.loads(out.read_text("utf-8"))["documents"]
    assert [d["key"][:3] for d in exported] == ["004", "001"]
    for document in exported:
        for added in ("annotations", "tags", "corrections", "scans"):  # what the archive added to the record
            document.pop(added)
        assert document == json.loads(run(runner, db, "show", document["key"], "--json"))


def test_json_export_with_scans_carries_the_files(runner, db, tmp_path):
    (tmp_path / "memo.pdf").write_bytes(make_pdf("Memorandum on the harbour of Dalny"))
    run(runner, db, "import", str(tmp_path / "memo.pdf"))
    run(runner, db, "tag", "memo", "+harbour")
    for flags, carried in (((), False), (("--with-scans",), True)):
        out = tmp_path / "memo.json"
        run(runner, db, "export", "memo", "--format", "json", "--out", str(out), "-q", *flags)
        [memo] = json.loads(out.read_text("utf-8"))["documents"]
        assert memo["tags"] == ["harbour"]
        [scan] = memo["scans"]
        assert (scan["name"], scan["pages"], "data" in scan) == ("memo.pdf", 2, carried)


def test_export_a_collection_and_tei_files_into_a_folder(runner, db, tmp_path):
    run(runner, db, "collection", "create", "may", "004", "000", "--title", "May 1950")
    folder = tmp_path / "tei"
    assert run(
        runner, db, "export", "--collection", "may", "--format", "tei", "--tei-files", "--out", str(folder), "-q"
    )
    assert sorted(p.name[:3] for p in folder.iterdir()) == ["000", "004"]


def test_export_refuses_what_it_cannot_do(runner, db, tmp_path):
    nothing = runner.invoke(main, ["--db", str(db), "export", "--format", "csv", "--out", str(tmp_path / "x.csv")])
    assert nothing.exit_code == 2 and "nothing to export" in nothing.output
    no_match = runner.invoke(
        main, ["--db", str(db), "export", "--search", "zzzqqq", "--format", "csv", "--out", str(tmp_path / "x.csv")]
    )
    assert no_match.exit_code == 2 and "no document matches" in no_match.output
    assert not (tmp_path / "x.csv").exists()
    both = runner.invoke(main, ["--db", str(db), "export", "001", "--pdf", str(tmp_path / "x.pdf"), "--format", "csv"])
    assert both.exit_code == 2 and "--pdf" in both.output
    unknown = runner.invoke(main, ["--db", str(db), "export", "--collection", "none", "--format", "ris"])
    assert unknown.exit_code == 2 and "no collection “none”" in unknown.output
    scans = runner.invoke(main, ["--db", str(db), "export", "--all", "--format", "csv", "--with-scans", "-q"])
    assert scans.exit_code == 2 and "--with-scans is for --format json" in scans.output


def test_export_pdf_through_format_and_out(runner, db, tmp_path):
    out = tmp_path / "h.pdf"
    assert run(runner, db, "export", "004", "--format", "pdf", "--out", str(out), "-q").startswith(f"{out}: 1 document")
    assert out.read_bytes().startswith(b"%PDF")


def test_cite_prints_a_citation_per_document(runner, db):
    assert run(runner, db, "cite", "004") == NOTE_004 + "\n"
    lines = run(runner, db, "cite", "002", "004", "--style", "chicago-bibliography").splitlines()
    assert [line.split(".")[0] for line in lines] == ["Roshchin", "Stalin"]
    assert run(runner, db, "cite", "004", "--style", "mla").startswith("Stalin. “Telegram, Filippov [Stalin]")
    refused = runner.invoke(main, ["--db", str(db), "cite", "004", "--style", "vancouver"])
    assert refused.exit_code == 2 and "chicago-note, chicago-bibliography, apa, mla" in refused.output


@pytest.mark.slow
def test_export_search_exports_every_match_not_the_first_screen(runner, tmp_path):
    """Over a thousand matches: ``search`` stops counting at its rank limit, ``export`` takes them all."""
    from viewer.bench.synthetic import write_files
    from viewer.core.store import RANK_LIMIT, Archive, Filters

    write_files(tmp_path / "files", RANK_LIMIT + 50)
    db = tmp_path / "big.db"
    run(runner, db, "import", str(tmp_path / "files"), "-q")
    with Archive(db, readonly=True) as archive:
        matches = archive.count(Filters(query="the"))
        assert len(archive.search("the", limit=10_000).hits) == RANK_LIMIT + 1  # the old export's cap
    assert matches > RANK_LIMIT + 1
    out = tmp_path / "the.csv"
    assert run(runner, db, "export", "--search", "the", "--format", "csv", "--out", str(out), "-q") == (
        f"{out}: {matches} documents\n"
    )
    with out.open(encoding="utf-8", newline="") as stream:
        keys = [row["key"] for row in csv.DictReader(stream)]
    assert len(keys) == len(set(keys)) == matches
