"""Importing what other archives and spreadsheets hand over (issue 14): a CSV of metadata for many files,
with an error per row that never stops the batch, and another archive's JSON export, round trip."""

from __future__ import annotations

import csv
import json
import shutil

import pytest

from viewer.core import annotations as ann
from viewer.core.exporters import Chosen, export_documents
from viewer.core.importers.batch import import_all, run_import
from viewer.core.importers.json_archive import comparable
from viewer.core.store import Archive

from ...conftest import SAMPLES
from ...pdfs import make_pdf

HEADER = ["file", "key", "title", "date", "date_as_written", "sender", "recipients", "people", "places", "type",
          "archive", "fond", "opis", "delo", "listy", "reference_numbers", "url", "summary", "tags",
          "shelf"]  # fmt: skip


def write_csv(path, rows, header=HEADER, delimiter=","):
    with path.open("w", encoding="utf-8-sig", newline="") as stream:
        writer = csv.writer(stream, delimiter=delimiter)
        writer.writerow(header)
        writer.writerows(rows)


def results(archive, path):
    return [p.result for p in run_import(archive, [path]) if p.result is not None]


@pytest.fixture
def folder(tmp_path):
    """Two seed pages and a PDF in sub-folders beside the spreadsheet, as an archivist keeps them."""
    (tmp_path / "texts").mkdir()
    for stem in ("001_56bc44923964e047", "004_b1a35747eb61871d"):
        shutil.copy(SAMPLES / f"{stem}.txt", tmp_path / "texts" / f"{stem}.txt")
    (tmp_path / "scans").mkdir()
    (tmp_path / "scans" / "memo.pdf").write_bytes(make_pdf("Memorandum on the harbour of Dalny"))
    return tmp_path


ROWS = [
    ["texts/001_56bc44923964e047.txt", "", "", "", "", "", "", "", "", "", "", "", "", "", "", "", "", "",
     "lesson 1", ""],
    ["texts/004_b1a35747eb61871d.txt", "", "Stalin agrees: treaty after unification", "1950-05-16", "16 May 1950",
     "Stalin", "Mao Zedong", "Stalin; Mao Zedong; Vyshinsky; Zhou Enlai", "Beijing", "Telegram", "RGASPI", "558",
     "11", "334", "57", "No. 8691", "", "", "lesson 1; treaty", "box 4"],
    ["scans/memo.pdf", "memo-dalny", "Memorandum on Dalny", "1950-05", "", "", "", "", "", "Memorandum", "", "", "",
     "", "", "", "https://example.org/memo", "The harbour question.", "", "box 9"],
    ["texts/missing.txt", "", "Lost", "", "", "", "", "", "", "", "", "", "", "", "", "", "", "", "", ""],
    ["", "", "Undated note", "13th Brumaire", "", "", "", "", "", "", "", "", "", "", "", "", "", "", "", ""],
    ["", "cat-7", "A letter we only know from a catalogue", "1950-06-01", "", "Kim Il Sung", "Stalin", "", "", "Letter",
     "", "", "", "", "", "", "", "", "", ""],
    ["", "", "", "", "", "", "", "", "", "", "", "", "", "", "", "", "", "", "", "box 1"],
    ["texts/notes.docx", "", "", "1950-13-40", "", "", "", "", "", "", "", "", "", "", "", "", "ftp", "", "", ""],
]  # fmt: skip


def test_csv_imports_files_and_catalogue_rows_with_an_error_per_row(tmp_path, folder):
    (folder / "texts" / "notes.docx").write_bytes(b"PK\x03\x04")
    sheet = folder / "letters.csv"
    write_csv(sheet, ROWS)
    with Archive(tmp_path / "a.db") as archive:
        found = results(archive, sheet)
        assert [r.outcome for r in found] == ["imported"] * 3 + ["refused"] * 2 + ["imported"] + ["refused"] * 2
        refused = {r.report["row"]: r.message for r in found if r.outcome == "refused"}
        assert refused[5].startswith("row 5: column file: no such file")
        assert refused[6] == (
            "row 6: column date: “13th Brumaire” is not a date this program can read "
            "(try 13 May 1950, 1950-05-13, May 1950 or 1950)"
        )
        assert refused[8] == (
            "row 8: column title: a row without a file needs a title (or the key or url of a document here)"
        )
        assert refused[9].startswith("row 9: column file: “notes.docx” is not a text or PDF file")
        assert "column date: “1950-13-40” is not an ISO date" in refused[9] and "column url: “ftp”" in refused[9]

        plain = archive.record(found[0].document_id)
        assert plain.key == "001_56bc44923964e047" and plain.title.startswith("Ciphered Telegram No. 8600")
        assert archive.document_tags(plain.id) == ["lesson 1"]

        treaty = archive.record(found[1].document_id)
        assert (treaty.title, treaty.date, treaty.date_precision, treaty.date_as_written, treaty.type) == (
            "Stalin agrees: treaty after unification", "1950-05-16", "day", "16 May 1950", "Telegram")  # fmt: skip
        assert (treaty.sender, treaty.recipient) == ("Stalin", "Mao Zedong")
        assert [p.name for p in treaty.people if p.role == "mentioned"] == ["Zhou Enlai"]  # the others send, sign
        assert [(r.archive, r.fond, r.opis, r.delo, r.listy) for r in treaty.archival_refs] == [
            ("RGASPI", "558", "11", "334", "57")
        ]
        assert treaty.reference_numbers == ["No. 8691"] and treaty.extra["shelf"] == "box 4"
        assert [t.kind for t in treaty.texts] == ["transcript", "translation"]  # the file's texts stay
        assert archive.document_tags(treaty.id) == ["lesson 1", "treaty"]

        memo = archive.record(found[2].document_id)
        assert (memo.key, memo.title, memo.date, memo.date_end, memo.date_precision) == (
            "memo-dalny", "Memorandum on Dalny", "1950-05-01", "1950-05-31", "month")  # fmt: skip
        assert (memo.has_scan, memo.pages, memo.url, memo.summary) == (True, 2, "https://example.org/memo",
                                                                       "The harbour question.")  # fmt: skip
        assert "Dalny" in memo.texts[0].body and memo.extra == {"shelf": "box 9"}

        entry = archive.record(found[5].document_id)
        assert (entry.key, entry.texts, entry.sender, entry.source_file) == ("cat-7", [], "Kim Il Sung", "letters.csv")
        assert archive.search("Dalny").total == 1

        again = results(archive, sheet)
        assert [r.outcome for r in again] == [r.outcome.replace("imported", "unchanged") for r in found]
        assert archive.count() == 4


def test_a_changed_row_updates_its_document_and_keeps_corrections(tmp_path, folder):
    sheet = folder / "letters.csv"
    write_csv(sheet, ROWS[1:2])
    with Archive(tmp_path / "a.db") as archive:
        [first] = results(archive, sheet)
        archive.correct(first.document_id, {"summary": "Checked against the scan."}, "alice")
        changed = [list(ROWS[1])]
        changed[0][2] = "Stalin agrees to a treaty after unification"
        write_csv(sheet, changed)
        [second] = results(archive, sheet)
        assert (second.outcome, second.document_id) == ("updated", first.document_id)
        record = archive.record(first.document_id)
        assert record.title == "Stalin agrees to a treaty after unification"
        assert record.summary == "Checked against the scan."
        assert archive.count() == 1


def test_a_catalogue_row_gives_new_values_to_a_document_here(seeded, tmp_path):
    key = "003_8eea2ab9ee4e7676"
    before = seeded.record(seeded.resolve_id(key))
    sheet = tmp_path / "fix.csv"
    write_csv(sheet, [[key, "Ignatiev to Vyshinsky, 10 April 1950"]], header=["key", "title"], delimiter=";")
    [result] = results(seeded, sheet)
    assert (result.outcome, result.document_id) == ("updated", before.id)
    after = seeded.record(before.id)
    assert after.title == "Ignatiev to Vyshinsky, 10 April 1950"
    assert (after.as_json()["texts"], after.people, after.archival_refs, after.links) == (
        before.as_json()["texts"], before.people, before.archival_refs, before.links)  # fmt: skip


def test_a_spreadsheet_that_is_not_one_is_refused_whole(tmp_path):
    sheet = tmp_path / "numbers.csv"
    sheet.write_text("a,b\n1,2\n", encoding="utf-8")
    with Archive(tmp_path / "a.db") as archive:
        [result] = results(archive, sheet)
        assert result.outcome == "refused" and "no column names a file, a title, a key or a url" in result.message


def test_csv_export_imports_back_as_a_catalogue(seeded, tmp_path):
    out = tmp_path / "all.csv"
    list(export_documents(seeded, Chosen(everything=True), "csv", out))
    with Archive(tmp_path / "b.db") as other:
        assert [r.outcome for r in results(other, out)] == ["imported"] * 5
        for document_id in seeded.document_ids():
            mine = seeded.record(document_id)
            theirs = other.record(other.resolve_id(mine.key))
            for name in ("key", "title", "date", "date_end", "date_precision", "date_as_written", "type", "sender",
                         "recipient", "signatory", "classification", "original_language", "source", "url",
                         "record_id", "citation", "summary", "reference_numbers"):  # fmt: skip
                assert getattr(theirs, name) == getattr(mine, name), (mine.key, name)
            assert [(r.archive, r.fond, r.opis, r.delo, r.papka, r.listy) for r in theirs.archival_refs] == [
                (r.archive, r.fond, r.opis, r.delo, r.papka, r.listy) for r in mine.archival_refs
            ]
            assert {(p.name, p.role) for p in theirs.people} == {(p.name, p.role) for p in mine.people}


# -- the JSON export, round trip -------------------------------------------------------------------


def shows(archive):
    """Every record as ``show --json`` prints it, with its annotations, by key."""
    found = {}
    for document_id in archive.document_ids():
        record = archive.record(document_id).as_json()
        record["annotations"] = [a.as_json() for a in archive.document_annotations(document_id)]
        found[record["key"]] = record
    return found


def without_ids(record):
    """A record less what is each archive's own: document ids (an archive numbers its documents as
    they arrive, and the export lists them by date) in the record, its links and its annotations,
    and the ids of the texts and pages annotations point to. Everything else must be equal."""
    data = {k: v for k, v in record.items() if k != "id"}
    data["links"] = [{k: v for k, v in link.items() if k != "document_id"} for link in record["links"]]
    data["annotations"] = [
        {k: v for k, v in a.items() if k not in ("id", "document_id", "text_id", "page_id")}
        for a in record["annotations"]
    ]
    return data


@pytest.fixture
def annotated(seeded, tmp_path):
    """The seeds with more: a Cyrillic page, highlights with notes, one waiting for review, a catalogue
    entry with an unresolved link, review flags."""
    page = tmp_path / "extra" / "005_reply.txt"
    page.parent.mkdir()
    page.write_text(
        "May 20, 1950\n\nTelegram from Mao Zedong to Stalin\n\nIn reply to No. 8691.\n\n"
        "Товарищу Филиппову. Согласны с вашим мнением о договоре.\n\nWe agree with your opinion on the treaty.\n",
        encoding="utf-8",
    )
    assert import_all(seeded, [page]).count("imported") == 1
    for key, part, quote, note in (
        ("001", "translation", "Korean comrades", "who?"),
        ("004", "transcript", "Филиппов", None),
        ("005", "translation", "We agree", "the answer"),
    ):
        made = ann.highlight_quote(seeded, seeded.resolve_id(key), part, quote, note=note, author="teacher")
        ann.Create(made).redo(seeded)
    seeded.correct(seeded.resolve_id("000"), {"title": "Roshchin to Stalin, 13 May 1950"}, "alice")
    return seeded


def test_json_export_then_import_gives_the_same_records(annotated, tmp_path):
    out = tmp_path / "export.json"
    list(export_documents(annotated, Chosen(everything=True), "json", out))
    with Archive(tmp_path / "empty.db") as other:
        found = results(other, out)
        assert [r.outcome for r in found] == ["imported"] * 6
        mine, theirs = shows(annotated), shows(other)
        assert mine.keys() == theirs.keys()
        for key in mine:
            assert without_ids(theirs[key]) == without_ids(mine[key]), key
        assert sum(len(r["annotations"]) for r in theirs.values()) == 3
        replies = theirs["005_reply"]["links"]
        assert [(link["relation"], link["key"]) for link in replies] == [("reply_to", "004_b1a35747eb61871d")]

        again = results(other, out)  # a second import changes nothing, adds no annotation twice
        assert [r.outcome for r in again] == ["unchanged"] * 6
        assert shows(other) == theirs


def test_json_import_updates_what_changed_and_adds_annotations_made_since(annotated, tmp_path):
    first = tmp_path / "first.json"
    list(export_documents(annotated, Chosen(everything=True), "json", first))
    with Archive(tmp_path / "b.db") as other:
        results(other, first)
        doc = annotated.resolve_id("002")
        ann.Create(ann.highlight_quote(annotated, doc, "translation", "Zhou Enlai", author="bob")).redo(annotated)
        annotated.correct(doc, {"summary": "Corrected summary."}, "alice")
        second = tmp_path / "second.json"
        list(export_documents(annotated, Chosen(everything=True), "json", second))
        outcomes = {r.message.split("(")[1].split(")")[0]: r.outcome for r in results(other, second)}
        assert outcomes.pop("002_17641bb20539a64a") == "updated"
        assert set(outcomes.values()) == {"unchanged"}
        mine, theirs = shows(annotated), shows(other)
        assert without_ids(theirs["002_17641bb20539a64a"]) == without_ids(mine["002_17641bb20539a64a"])


def test_json_import_says_what_it_left_out_and_refuses_other_json(tmp_path):
    with Archive(tmp_path / "a.db") as archive:
        pdf = tmp_path / "scan.pdf"
        pdf.write_bytes(make_pdf("A scanned telegram"))
        assert import_all(archive, [pdf]).count("imported") == 1
        out = tmp_path / "e.json"
        list(export_documents(archive, Chosen(everything=True), "json", out))
    with Archive(tmp_path / "b.db") as other:
        [result] = results(other, out)
        assert result.outcome == "imported" and "its scan (2 pages) is not in a JSON export" in result.message
        assert other.record(result.document_id).texts[0].body.startswith("A scanned telegram")
        sidecar = tmp_path / "scan.json"
        sidecar.write_text(json.dumps({"title": "A PDF's metadata"}), encoding="utf-8")
        [refused] = results(other, sidecar)
        assert refused.outcome == "refused" and "not an Archive Viewer export" in refused.message
        newer = tmp_path / "newer.json"
        newer.write_text(json.dumps({"format": "archive-viewer-export", "version": 99, "documents": []}), "utf-8")
        [refused] = results(other, newer)
        assert refused.message == "an export of version 99; this program reads versions up to 2"


def test_comparable_ignores_only_what_belongs_to_an_archive(seeded):
    record = seeded.record(seeded.resolve_id("001")).as_json()
    moved = {**record, "id": 99, "imported_at": "2030-01-01T00:00:00Z"}
    moved["links"] = [{**link, "document_id": 7} for link in record["links"]]
    assert comparable(moved) == comparable(record)
    assert comparable({**record, "title": "Another"}) != comparable(record)
