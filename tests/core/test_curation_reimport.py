"""Tags, the review queue, and re-imports that keep corrections (issue 13)."""

from __future__ import annotations

import pytest

from viewer.core.curation import InvalidValue
from viewer.core.importers.batch import import_all
from viewer.core.store import Filters

from .conftest import edit_source

TITLE = "Ciphered Telegram No. 8600, Vyshinsky to Mao Zedong"


@pytest.fixture
def editable_001(editable):
    """The first seed's file, which the test may edit, and the archive it was imported into."""
    archive, folder = editable
    return archive, next(folder.glob("001_*.txt"))


def _reimport(archive, path):
    summary = import_all(archive, [path])
    assert summary.count("updated") == 1, summary.results


def test_tags_with_a_facet_a_filter_and_undo(seeded):
    ids = [seeded.resolve_id(key) for key in ("000", "001", "002")]
    change = seeded.tag(ids, add=["Korean War", "to check"], author="alice")
    assert change.label == "Tag +Korean War +to check on 3 documents"
    seeded.tag(ids[:1], remove=["to check"], author="alice")
    assert seeded.document_tags(ids[0]) == ["Korean War"]
    assert seeded.facet_counts("tag") == [("Korean War", 3), ("to check", 2)]
    assert sorted(row.id for row in seeded.page(Filters(tag="korean war"))) == sorted(ids)  # any case
    assert seeded.count(Filters(tag="to check", doc_type="Ciphered telegram")) == 2
    assert seeded.count(Filters(tag="to check", doc_type="Cable")) == 0
    assert seeded.facet_counts("tag", Filters(doc_type="Cable")) == [("Korean War", 1)]
    assert seeded.tags() == [("Korean War", 3), ("to check", 2)]
    seeded.undo_last("alice")
    assert seeded.document_tags(ids[0]) == ["Korean War", "to check"]
    seeded.undo_last("alice")
    assert seeded.tags() == [] and seeded.count(Filters(tag="Korean War")) == 0
    with pytest.raises(InvalidValue):
        seeded.tag(ids, add=["  "], author="alice")


def test_review_queue_filter_and_mark_reviewed(seeded):
    doc = seeded.resolve_id("002")
    with seeded.transaction():
        seeded.set_review_reasons(doc, ["the date is a guess"])
    queue = seeded.review_queue()
    assert doc in [entry.document_id for entry in queue]
    assert next(e for e in queue if e.document_id == doc).reasons == ["the date is a guess"]
    waiting = seeded.count(Filters(needs_review=True))
    assert waiting == len(queue) and doc in [row.id for row in seeded.page(Filters(needs_review=True))]
    seeded.mark_reviewed([doc], "alice")
    assert seeded.count(Filters(needs_review=True)) == waiting - 1 and seeded.review_reasons(doc) == []
    seeded.undo_last("alice")
    assert seeded.review_reasons(doc) == ["the date is a guess"] and seeded.document_row(doc).needs_review


def test_reimport_keeps_a_correction_and_flags_the_conflict_with_both_values(editable_001):
    archive, path = editable_001
    doc = archive.resolve_id("001")
    archive.correct(doc, {"title": "Vyshinsky to Mao, 14 May 1950"}, "alice")
    edit_source(path, TITLE, "Ciphered Telegram No. 8600, A. Vyshinsky to Mao Zedong")
    edit_source(path, "Tenth Department", "Tenth Department (Far East)")
    _reimport(archive, path)
    row = archive.document_row(doc)
    assert row.title == "Vyshinsky to Mao, 14 May 1950"  # the correction stays
    assert "Tenth Department (Far East)" in archive.annotation_text(doc, "translation").body  # the rest follows
    assert row.needs_review
    [reason] = [r for r in row.review_reasons if r.startswith("Title:")]
    assert "A. Vyshinsky to Mao Zedong" in reason and "Vyshinsky to Mao, 14 May 1950" in reason and "alice" in reason
    assert archive.provenance(doc)["title"].corrected
    # once reviewed, the same disagreement does not come back on the next re-import
    archive.mark_reviewed([doc], "alice")
    edit_source(path, "Tenth Department (Far East)", "Tenth Department (East)")
    _reimport(archive, path)
    assert not archive.document_row(doc).needs_review
    assert archive.document_row(doc).title == "Vyshinsky to Mao, 14 May 1950"


def test_reimport_of_a_file_that_still_says_what_was_corrected_flags_nothing(editable_001):
    archive, path = editable_001
    doc = archive.resolve_id("001")
    archive.correct(doc, {"title": "Vyshinsky to Mao", "sender": ["Molotov"], "date": "15 May 1950"}, "alice")
    reasons = archive.document_row(doc).review_reasons
    edit_source(path, "Tenth Department", "Tenth Department (Far East)")
    _reimport(archive, path)
    row = archive.document_row(doc)
    assert (row.title, row.date_start, archive.record(doc).sender) == ("Vyshinsky to Mao", "1950-05-15", "Molotov")
    assert row.review_reasons == reasons


def test_uncorrected_fields_follow_the_file(editable_001):
    archive, path = editable_001
    doc = archive.resolve_id("001")
    archive.correct(doc, {"type": "Telegram"}, "alice")
    edit_source(path, TITLE, "Ciphered Telegram No. 8600, Vyshinsky to Mao")
    _reimport(archive, path)
    row = archive.document_row(doc)
    assert row.title == "Ciphered Telegram No. 8600, Vyshinsky to Mao" and row.doc_type == "Telegram"
    assert not any(r.startswith("Title:") for r in row.review_reasons)
