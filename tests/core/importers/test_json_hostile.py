"""An export is a file from elsewhere: a record whose added lists (tags, corrections, scans) or fields
have the wrong shape is refused with its reason, as the window and the command line refuse the same
values, never written half and never stopping the batch with a traceback; the other records import."""

from __future__ import annotations

import base64
import copy
import hashlib
import json
from pathlib import Path

import pytest

from ...pdfs import make_pdf
from .test_json_curation import export, results

WHEN = "2099-01-01T00:00:00Z"
SCAN = b"%PDF-1.4 a scan"
TWO_PAGES = make_pdf("A scan of two pages", pages=2)


def _fix(field: str, value: object, **more: object) -> dict[str, object]:
    return {"field": field, "value": value, "author": "mallory", "at": WHEN, "imported": None, **more}


HOSTILE = {
    "a title that is a number": {"corrections": [_fix("title", 5)]},
    "an empty title": {"corrections": [_fix("title", "")]},
    "a date that is no date": {
        "corrections": [_fix("date", {"text": "x", "start": "not a date", "end": "1950-13-45", "precision": "day"})]
    },
    "a sender without a name": {"corrections": [_fix("sender", [{"kind": "person", "name": 7, "as_written": None}])]},
    "a transcript that is a number": {"corrections": [_fix("transcript", 12)]},
    "a field no archive has": {"corrections": [_fix("../../etc/passwd", "x")]},
    "an author that is no text": {"corrections": [_fix("summary", "A summary", author=["x"])]},
    "a review whose reasons are no list": {"corrections": [_fix("review", None, imported=5)]},
    "an empty tag": {"tags": ["   "]},
    "a tag of a hundred thousand letters": {"tags": ["x" * 100_000]},
    "a tag that is no text": {"tags": [{"a": 1}]},
    "a scan page that is no page": {
        "scans": [
            {
                "name": "s.pdf",
                "sha256": hashlib.sha256(SCAN).hexdigest(),
                "data": base64.b64encode(SCAN).decode(),
                "page_rows": [{"file_page": "one", "text": ["x"]}],
            }
        ]
    },
    "a scan page past the end of its file": {
        "scans": [
            {
                "name": "two.pdf",
                "mime": "application/pdf",
                "sha256": hashlib.sha256(TWO_PAGES).hexdigest(),
                "data": base64.b64encode(TWO_PAGES).decode(),
                "page_rows": [{"file_page": 0, "text": "one"}, {"file_page": 5, "text": "six"}],
            }
        ]
    },
    "a title that is a number, in the record": {"title": 5},
    "a summary that is a list, in the record": {"summary": ["x"]},
    "links that are a text, in the record": {"links": "x"},
    "a classification that is a number, in the record": {"classification": 5},
}


@pytest.fixture(scope="module")
def exported(tmp_path_factory, request) -> tuple[dict, Path]:
    from viewer.core.importers.batch import import_all
    from viewer.core.store import Archive

    from ...conftest import SAMPLES

    folder = tmp_path_factory.mktemp("hostile")
    with Archive(folder / "source.db") as source:
        import_all(source, [SAMPLES])
        data = export(source, folder / "export.json")
    return data, folder


@pytest.mark.parametrize("change", HOSTILE.values(), ids=HOSTILE.keys())
def test_a_hostile_record_is_refused_and_the_rest_imported(exported, tmp_path, change):
    from viewer.core.store import Archive

    data, _folder = exported
    data = copy.deepcopy(data)
    data["documents"][0].update(change)
    path = tmp_path / "hostile.json"
    path.write_text(json.dumps(data), "utf-8")
    with Archive(tmp_path / "archive.db") as archive:
        found = results(archive, path)
        assert [r.outcome for r in found] == ["refused"] + ["imported"] * (len(data["documents"]) - 1)
        assert "document 1" in found[0].message
        assert archive.count() == len(data["documents"]) - 1  # nothing of the refused one
        key = data["documents"][0]["key"]
        assert key not in {archive.record(d).key for d in archive.document_ids()}
        assert archive.conn.execute("SELECT count(*) FROM document_tags").fetchone()[0] == 0
        assert archive.conn.execute("SELECT count(*) FROM corrections").fetchone()[0] == 0
        assert archive.check().ok


def test_a_scan_page_past_the_end_of_its_file_says_which_page(exported, tmp_path):
    """Refused, not clamped: page 6 of a two-page file pinned to page 2 would show one page's text and
    notes beside another page's image, and nothing would tell the archivist."""
    from viewer.core.store import Archive

    data, _folder = exported
    data = copy.deepcopy(data)
    data["documents"][0].update(HOSTILE["a scan page past the end of its file"])
    path = tmp_path / "past.json"
    path.write_text(json.dumps(data), "utf-8")
    with Archive(tmp_path / "archive.db") as archive:
        found = results(archive, path)
    assert found[0].outcome == "refused"
    assert "the scan 'two.pdf' ends at page 2, but one of its page rows names page 6" in found[0].message


def test_a_tag_is_stored_as_the_window_stores_it(exported, tmp_path):
    from viewer.core.store import Archive

    data, _folder = exported
    data = copy.deepcopy(data)
    data["documents"][0]["tags"] = ["  lesson\n 1 "]
    path = tmp_path / "tags.json"
    path.write_text(json.dumps(data), "utf-8")
    with Archive(tmp_path / "archive.db") as archive:
        assert {r.outcome for r in results(archive, path)} == {"imported"}
        assert archive.document_tags(archive.resolve_id(data["documents"][0]["key"])) == ["lesson 1"]


def test_json_nested_thousands_deep_is_refused_not_a_traceback(exported, tmp_path):
    from viewer.core.store import Archive

    data, _folder = exported
    path = tmp_path / "deep.json"
    text = json.dumps(data)
    path.write_text(text.replace('"documents": [', '"documents": [' + "[" * 5000 + "]" * 5000 + ",", 1), "utf-8")
    with Archive(tmp_path / "archive.db") as archive:
        found = results(archive, path)
        assert [r.outcome for r in found] == ["refused"]
        assert "nested too deeply" in found[0].message
        assert archive.count() == 0
