"""The Details tab's text, made from a real record of a real archive."""

from __future__ import annotations

import dataclasses

from viewer.gui.document_details import details_html


def test_an_unknown_date_is_said_once_and_a_known_one_with_its_precision(seeded):
    record = seeded.record(seeded.document_ids()[0])
    assert record is not None and record.date
    assert f"{record.date} (" in details_html(record, "#777")
    undated = details_html(dataclasses.replace(record, date=None, date_end=None), "#777")
    assert "unknown (unknown)" not in undated
    assert undated.count("unknown") == 1
