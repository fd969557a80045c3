"""The JSON export (version 2) carries what the archive added to its records: tags, corrections with
who made them and when and what the import had said, and the scan files (named by sha256, their bytes
too with ``with_scans``). Imported into a fresh archive they come back equal; an export of version 1
still imports."""

from __future__ import annotations

import base64
import hashlib
import json
from pathlib import Path

import jsonschema
import pytest

from viewer.core.curation import FIELDS
from viewer.core.exporters import Chosen, ExchangeOptions, export_documents
from viewer.core.exporters.json_out import schema
from viewer.core.importers.batch import import_all, run_import
from viewer.core.store import Archive

from ...pdfs import make_pdf


def results(archive, path):
    return [p.result for p in run_import(archive, [path]) if p.result is not None]


def export(archive, out: Path, with_scans: bool = False) -> dict:
    list(export_documents(archive, Chosen(everything=True), "json", out, ExchangeOptions(with_scans=with_scans)))
    data = json.loads(out.read_text("utf-8"))
    jsonschema.validate(data, schema())
    return data


def curation(archive) -> dict[str, dict]:
    """Per key: the tags, and each correction with its provenance and the field's value now."""
    found = {}
    for document_id in archive.document_ids():
        corrections = {}
        for name in archive.corrected_fields(document_id):
            record = archive.correction(document_id, name)
            value = archive.field_value(document_id, name) if name in FIELDS else None
            corrections[name] = (record["author"], record["at"], record["imported"], value)
        key = archive.record(document_id).key
        found[key] = {"tags": archive.document_tags(document_id), "corrections": corrections}
    return found


@pytest.fixture
def curated(seeded):
    """The seeds tagged, corrected (fields, a note, a text) and one of them reviewed."""
    d000, d001, d004 = (seeded.resolve_id(k) for k in ("000", "001", "004"))
    seeded.tag([d000, d004], add=["lesson 1", "Korea"], author="alice")
    seeded.correct(d000, {"title": "Roshchin to Stalin, 13 May 1950", "note": "Filippov is Stalin"}, "alice")
    seeded.correct(d004, {"summary": "Stalin agrees to the treaty after unification."}, "bob")
    body = seeded.field_value(d001, "translation")
    seeded.correct_text(d001, "translation", body.replace("Korean comrades", "the Korean comrades"), "carol")
    if seeded.review_state(d001)["needs_review"]:
        seeded.mark_reviewed([d001], "carol")
    return seeded


def test_tags_and_corrections_come_back_with_their_provenance(curated, tmp_path):
    data = export(curated, tmp_path / "export.json")
    by_key = {document["key"][:3]: document for document in data["documents"]}
    assert by_key["000"]["tags"] == ["Korea", "lesson 1"]
    title = next(c for c in by_key["000"]["corrections"] if c["field"] == "title")
    assert (title["value"], title["author"]) == ("Roshchin to Stalin, 13 May 1950", "alice")
    assert title["imported"].startswith("Cable from Roshchin to Stalin")
    with Archive(tmp_path / "fresh.db") as fresh:
        assert {r.outcome for r in results(fresh, tmp_path / "export.json")} == {"imported"}
        mine, theirs = curation(curated), curation(fresh)
        assert theirs == mine
        assert theirs["000_0f4d882c8d8fa40e"]["corrections"]["note"][3] == "Filippov is Stalin"  # not in the record
        assert len([k for k in mine if mine[k]["corrections"]]) == 3
        assert {r.outcome for r in results(fresh, tmp_path / "export.json")} == {"unchanged"}
        assert curation(fresh) == theirs


def test_a_newer_correction_here_stays_and_an_older_one_gives_way(curated, tmp_path):
    export(curated, tmp_path / "first.json")
    with Archive(tmp_path / "b.db") as other:
        results(other, tmp_path / "first.json")
        d000, d004 = other.resolve_id("000"), other.resolve_id("004")
        other.correct(d000, {"title": "Corrected again, later, here"}, "dora")
        with other.transaction():  # bob's first summary reached here long ago (times are to the second)
            other.write_correction(d004, "summary", {**other.correction(d004, "summary"), "at": "2001-01-01T00:00:00Z"})
        curated.correct(curated.resolve_id("004"), {"summary": "Corrected there, later."}, "bob")
        export(curated, tmp_path / "second.json")
        outcomes = {
            r.message.split("(")[1].split(")")[0][:3]: r.outcome for r in results(other, tmp_path / "second.json")
        }
        assert outcomes["004"] == "updated"
        assert other.field_value(d000, "title") == "Corrected again, later, here"
        assert other.correction(d000, "title")["author"] == "dora"
        assert other.field_value(d004, "summary") == "Corrected there, later."
        assert other.correction(d004, "summary") == curated.correction(curated.resolve_id("004"), "summary")


def scanned(tmp_path: Path) -> Archive:
    pdf = tmp_path / "scan.pdf"
    pdf.write_bytes(make_pdf("A scanned telegram"))
    archive = Archive(tmp_path / "scanned.db")
    assert import_all(archive, [pdf]).count("imported") == 1
    return archive


def test_scans_are_named_by_sha256_and_come_whole_with_with_scans(tmp_path):
    with scanned(tmp_path) as archive:
        [document_id] = archive.document_ids()
        [page, *_] = archive.scan_pages(document_id)
        stored = archive.file_bytes(page.file_id)
        [named] = export(archive, tmp_path / "named.json")["documents"][0]["scans"]
        assert named == {
            "name": "scan.pdf",
            "mime": "application/pdf",
            "sha256": hashlib.sha256(stored).hexdigest(),
            "size": len(stored),
            "pages": 2,
        }
        [whole] = export(archive, tmp_path / "whole.json", with_scans=True)["documents"][0]["scans"]
        assert base64.b64decode(whole["data"]) == stored and len(whole["page_rows"]) == 2
        pages = [(p.file_page, p.width, p.height, p.text, p.text_origin) for p in archive.page_rows(document_id)]
    with Archive(tmp_path / "fresh.db") as fresh:
        [result] = results(fresh, tmp_path / "whole.json")
        assert result.outcome == "imported" and "not in a JSON export" not in result.message
        [page] = fresh.scan_pages(result.document_id)[:1]
        assert fresh.file_bytes(page.file_id) == stored
        assert [
            (p.file_page, p.width, p.height, p.text, p.text_origin) for p in fresh.page_rows(result.document_id)
        ] == pages
        assert fresh.record(result.document_id).pages == 2
        assert [r.outcome for r in results(fresh, tmp_path / "whole.json")] == ["unchanged"]
    with Archive(tmp_path / "by-name.db") as other:
        [result] = results(other, tmp_path / "named.json")
        assert "its scan (2 pages) is not in a JSON export made without --with-scans" in result.message


def test_a_scan_that_is_not_its_sha256_is_refused(tmp_path):
    with scanned(tmp_path) as archive:
        data = export(archive, tmp_path / "whole.json", with_scans=True)
    data["documents"][0]["scans"][0]["data"] = base64.b64encode(b"%PDF-1.7 something else").decode()
    (tmp_path / "tampered.json").write_text(json.dumps(data), "utf-8")
    with Archive(tmp_path / "fresh.db") as fresh:
        [result] = results(fresh, tmp_path / "tampered.json")
        assert result.outcome == "refused" and "does not match its sha256" in result.message
        assert fresh.count() == 0


def test_an_export_of_version_1_still_imports(curated, tmp_path):
    data = export(curated, tmp_path / "export.json")
    data["version"] = 1
    for document in data["documents"]:
        for added in ("tags", "corrections", "scans"):
            del document[added]
    jsonschema.validate(data, schema(1))
    (tmp_path / "v1.json").write_text(json.dumps(data, ensure_ascii=False), "utf-8")
    with Archive(tmp_path / "fresh.db") as fresh:
        assert {r.outcome for r in results(fresh, tmp_path / "v1.json")} == {"imported"}
        d000 = fresh.resolve_id("000")
        assert fresh.record(d000).title == "Roshchin to Stalin, 13 May 1950"  # the record's value
        assert fresh.document_tags(d000) == [] and fresh.corrected_fields(d000) == []  # version 1 had none
