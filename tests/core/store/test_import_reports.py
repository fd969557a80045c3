"""The imports table keeps what an import report says that the document does not (issue 16)."""

from __future__ import annotations

import json

from viewer.core.importers.text import parse_text_file
from viewer.core.store.import_reports import without_copies

from ...conftest import SAMPLES

STORED = {
    "title": "Ciphered Telegram No. 8600, Vyshinsky to Mao Zedong",
    "citation": "“Ciphered Telegram No. 8600, Vyshinsky to Mao Zedong,” May 14, 1950, History and Public Policy",
    "summary": "The telegram relays a request from Mao",
    "contents": '["English Translation", "Transcript - Russian"]',
    "original_language": "Russian",
    "source": None,
}


def test_copies_of_stored_fields_go_and_everything_else_stays():
    report = {
        "recognised": {
            "title": STORED["title"][:80],
            "citation": STORED["citation"][:80],
            "contents": "English Translation",
            "original_language": "Russian",
            "summary": "Another summary (unlabelled)",  # not what the row holds: how it was found
            "source": "APRF, fond 3 (unlabelled)",  # the row holds none
            "title from": "line 3, after the dateline on line 1",
            "date": "1950-05-14 (day, written “May 14, 1950”)",
            "head": "",
        },
        "set_aside": [{"what": "a related document's summary", "text": "The telegram relays"}],
        "warnings": [],
    }
    assert without_copies(report, STORED) == {
        "recognised": {
            "summary": "Another summary (unlabelled)",
            "source": "APRF, fond 3 (unlabelled)",
            "title from": "line 3, after the dateline on line 1",
            "date": "1950-05-14 (day, written “May 14, 1950”)",
        },
        "set_aside": [{"what": "a related document's summary", "text": "The telegram relays"}],
    }
    assert without_copies({"recognised": {"title": "Old title"}}, {"title": "A corrected title"}) == {
        "recognised": {"title": "Old title"}
    }


def test_what_an_import_left_out_of_its_report_is_what_the_document_holds(seeded):
    """Each seed's full report (parsed again) is the stored report plus openings of its stored fields."""
    for path in sorted(SAMPLES.glob("*.txt")):
        full = parse_text_file(path.read_bytes(), path).report.as_dict()
        document_id = seeded.resolve_id(path.stem[:3])
        stored = dict(seeded.conn.execute("SELECT * FROM documents WHERE id = ?", (document_id,)).fetchone())
        kept = json.loads(
            seeded.conn.execute("SELECT report FROM imports WHERE document_id = ?", (document_id,)).fetchone()[0]
        )
        assert kept.get("set_aside", []) == full["set_aside"] and kept.get("warnings", []) == full["warnings"]
        left_out = {name: value for name, value in full["recognised"].items() if name not in kept["recognised"]}
        assert left_out, path.name  # each seed's title at least is in its row
        for name, value in left_out.items():
            assert value == "" or without_copies({"recognised": {name: value}}, stored) == {}, (name, value)
        assert {name: full["recognised"][name] for name in kept["recognised"]} == kept["recognised"]
        assert "title" not in kept["recognised"] and "date" in kept["recognised"]
