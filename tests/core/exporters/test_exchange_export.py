"""Exchange formats: the five seeds exported to CSV, JSON, CSL-JSON and RIS and read back with the
readers other tools use (csv, json with the export's JSON Schema), and the runner that streams them
(TEI and CMIF: test_exchange_xml.py)."""

from __future__ import annotations

import csv
import io
import json
from dataclasses import replace
from datetime import date

import jsonschema
import pytest

from viewer.core import annotations as ann
from viewer.core.exporters import Chosen, export_documents
from viewer.core.exporters.csl import read_ris
from viewer.core.exporters.csv_out import BOM, COLUMNS, CsvWriter
from viewer.core.exporters.fields import ExportItem
from viewer.core.exporters.json_out import schema

from .helpers import AGREE, by_prefix, export

# -- CSV ----------------------------------------------------------------------------------------


def test_csv_has_one_row_per_document_in_the_documented_columns(seeded, tmp_path):
    path = export(seeded, "csv", tmp_path / "out.csv")
    raw = path.read_bytes()
    assert not raw.startswith(BOM.encode())
    with path.open(encoding="utf-8", newline="") as stream:
        reader = csv.DictReader(stream)
        assert tuple(reader.fieldnames or ()) == COLUMNS
        rows = {row["key"][:3]: row for row in reader}
    assert sorted(rows) == ["000", "001", "002", "003", "004"]
    telegram = rows["004"]
    assert (telegram["title"], telegram["date"], telegram["date_precision"]) == (
        "Telegram, Filippov [Stalin] to Mao Zedong via the Soviet ambassador",
        "1950-05-16",
        "day",
    )
    assert (telegram["sender"], telegram["recipients"], telegram["signatories"]) == (
        "Stalin",
        "Mao Zedong",
        "Stalin; Vyshinsky",
    )
    assert telegram["reference_numbers"] == "Исход. № 8691; Спец. № 556; На № 812"
    assert [telegram[p] for p in ("archive", "fond", "opis", "delo", "papka", "listy")] == [
        "RGASPI", "588", "11", "334", "", "57",
    ]  # fmt: skip
    assert telegram["languages"] == "ru; en"
    assert telegram["places"] == "Beijing; China; Korea"
    assert "Molotov" in telegram["people"].split("; ")
    assert telegram["url"] == "https://digitalarchive.umd.edu/document/114901"
    assert telegram["tags"] == ""
    # two holdings: each part column lists both, in the same order
    two = rows["003"]
    assert (two["archive"], two["fond"], two["listy"]) == ("APRF; AVP RF", "; 059a", "148-149; 98-99")


def test_csv_for_spreadsheets_starts_with_a_bom_and_runs_no_formula(seeded):
    record = seeded.record(by_prefix(seeded, "001"))
    hostile = replace(record, title='=HYPERLINK("http://x.invalid","click")', summary="-1+2, said he")
    stream = io.StringIO(newline="")
    writer = CsvWriter(stream, spreadsheet=True)
    writer.write(ExportItem(hostile))
    writer.close()
    text = stream.getvalue()
    assert text.startswith(BOM)
    row = next(csv.DictReader(io.StringIO(text[1:], newline="")))
    assert row["title"] == '\'=HYPERLINK("http://x.invalid","click")'
    assert row["summary"] == "'-1+2, said he"
    assert row["key"] == record.key  # ordinary values are untouched


# -- JSON ---------------------------------------------------------------------------------------


def test_json_holds_the_records_of_show_json_with_a_version_and_follows_its_schema(seeded, tmp_path):
    ann.Create(
        ann.highlight_quote(seeded, by_prefix(seeded, "001"), "translation", AGREE, note="Stalin agrees", author="A")
    ).redo(seeded)
    data = json.loads(export(seeded, "json", tmp_path / "out.json").read_text("utf-8"))
    jsonschema.validate(data, schema())
    assert (data["format"], data["version"], data["count"]) == ("archive-viewer-export", 2, 5)
    for document in data["documents"]:
        annotations = document.pop("annotations")
        assert [document.pop(k) for k in ("tags", "corrections", "scans")] == [[], [], []]
        assert document == json.loads(json.dumps(seeded.record(document["id"]).as_json()))
        if document["key"].startswith("001"):
            assert [(a["quote"], a["note"]) for a in annotations] == [(AGREE, "Stalin agrees")]
        else:
            assert annotations == []


def test_json_schema_refuses_what_the_format_is_not(seeded, tmp_path):
    data = json.loads(export(seeded, "json", tmp_path / "out.json").read_text("utf-8"))
    for broken in (
        {**data, "version": 1},
        {**data, "documents": [{**data["documents"][0], "date_precision": "week"}]},
        {**data, "documents": [{k: v for k, v in data["documents"][0].items() if k != "texts"}]},
    ):
        with pytest.raises(jsonschema.ValidationError):
            jsonschema.validate(broken, schema())


# -- CSL-JSON and RIS ---------------------------------------------------------------------------


def test_csl_json_items_for_reference_managers(seeded, tmp_path):
    items = {i["id"][:3]: i for i in json.loads(export(seeded, "csl-json", tmp_path / "o.json").read_text("utf-8"))}
    assert sorted(items) == ["000", "001", "002", "003", "004"]
    telegram = items["004"]
    assert telegram["type"] == "personal_communication"
    assert telegram["author"] == [{"literal": "Stalin"}] and telegram["recipient"] == [{"literal": "Mao Zedong"}]
    assert telegram["issued"] == {"date-parts": [[1950, 5, 16]]}
    assert (telegram["archive"], telegram["archive_location"]) == ("RGASPI", "fond 588, opis 11, delo 334, list 57")
    assert (telegram["genre"], telegram["URL"], telegram["language"]) == (
        "telegram", "https://digitalarchive.umd.edu/document/114901", "ru",
    )  # fmt: skip
    assert items["001"]["genre"] == "ciphered telegram" and "archive" not in items["001"]


def test_ris_reads_back_record_by_record(seeded, tmp_path):
    raw = export(seeded, "ris", tmp_path / "o.ris").read_bytes()
    assert b"\r\nER  - \r\n" in raw and b"\n" not in raw.replace(b"\r\n", b"")
    records = {r["ID"][0][:3]: r for r in read_ris(raw.decode("utf-8"))}
    assert sorted(records) == ["000", "001", "002", "003", "004"]
    telegram = records["004"]
    assert telegram["TY"] == ["PCOMM"]
    assert telegram["TI"] == ["Telegram, Filippov [Stalin] to Mao Zedong via the Soviet ambassador"]
    assert (telegram["AU"], telegram["A2"], telegram["DA"], telegram["PY"]) == (
        ["Stalin"], ["Mao Zedong"], ["1950/05/16/"], ["1950"],
    )  # fmt: skip
    assert telegram["AV"] == ["fond 588, opis 11, delo 334, list 57, RGASPI"]
    assert "Reference numbers: Исход. № 8691; Спец. № 556; На № 812" in telegram["N1"]
    assert len(telegram["AB"]) == 1 and "\n" not in telegram["AB"][0]


# -- the runner ---------------------------------------------------------------------------------


def test_selected_ids_page_by_keyset_in_list_order(seeded):
    from viewer.core.store import Filters

    windows = list(seeded.selected_ids(window=2))
    assert [len(w) for w in windows] == [2, 2, 1]
    assert [i for w in windows for i in w] == [row.id for row in seeded.page(limit=-1)]
    assert [i for w in seeded.selected_ids(Filters(query="Vyshinsky"), window=1) for i in w] == [
        row.id for row in seeded.page(Filters(query="Vyshinsky"), limit=-1)
    ]


def exported_keys(archive, tmp_path, chosen: Chosen) -> list[str]:
    steps = list(export_documents(archive, chosen, "csv", tmp_path / "o.csv"))
    with (tmp_path / "o.csv").open(encoding="utf-8", newline="") as stream:
        keys = [row["key"][:3] for row in csv.DictReader(stream)]
    assert steps[0].total == len(keys)  # counted in SQL beforehand, right
    return keys


def test_named_ids_then_a_selection_each_document_once(seeded, tmp_path):
    from viewer.core.store import Filters

    named = (by_prefix(seeded, "004"), by_prefix(seeded, "001"))
    # named first, then the search's other match by date
    assert exported_keys(seeded, tmp_path, Chosen(ids=named, filters=Filters(query="Vyshinsky"))) == [
        "004", "001", "003",
    ]  # fmt: skip
    # the list's whole selection: a search narrowed by a facet and dates, as the window holds it
    window = Filters(query="Mao", doc_type="Ciphered telegram", date_from=date(1950, 5, 1))
    assert exported_keys(seeded, tmp_path, Chosen(filters=window)) == ["001", "002"]
    assert exported_keys(seeded, tmp_path, Chosen(ids=named[:1], filters=replace(window, ids=named))) == [
        "004", "001",
    ]  # fmt: skip


def test_a_cancelled_export_leaves_no_file(seeded, tmp_path):
    out = tmp_path / "o.json"
    steps = export_documents(
        seeded, Chosen(everything=True), "json", out, cancelled=iter([False, False, True]).__next__
    )
    assert [step.done for step in steps] == [0, 1, 2]
    assert not out.exists() and not list(tmp_path.glob("*.part"))


def test_an_export_to_a_pipe_writes_into_it_and_leaves_it_a_pipe(seeded, tmp_path):
    import os
    import threading

    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    read: list[bytes] = []
    reader = threading.Thread(target=lambda: read.append(fifo.read_bytes()), daemon=True)
    reader.start()
    export(seeded, "ris", fifo)
    reader.join(10)
    assert fifo.is_fifo() and not list(tmp_path.glob("*.part"))  # not replaced by a file
    assert read[0].count(b"ER  -") == 5
    target, link = tmp_path / "target.ris", tmp_path / "link.ris"  # as /dev/stdout is to a redirected file
    target.write_text("old", "utf-8")
    link.symlink_to(target)
    export(seeded, "ris", link)
    assert link.is_symlink() and target.read_bytes().count(b"ER  -") == 5
