"""Correcting fields with provenance, the history, undo and redo, and refused input (issue 13)."""

from __future__ import annotations

import pytest

from viewer.core.curating import Step
from viewer.core.curation import Conflict, InvalidValue, UnknownDocument
from viewer.core.store import Filters


def _id(archive, key):
    return archive.resolve_id(key)


def test_correct_a_title_a_date_and_a_sender_with_provenance(seeded):
    doc = _id(seeded, "000")
    before = seeded.field_values(doc)
    change = seeded.correct(
        doc, {"title": "Roshchin to Filippov, 13 May", "date": "14 May 1950", "sender": ["Mao"]}, "alice"
    )
    assert change.label == "Edit title, date and sender" and change.author == "alice"
    record = seeded.record(doc)
    assert record.title == "Roshchin to Filippov, 13 May"
    assert (record.date, record.date_end, record.date_precision, record.date_as_written) == (
        "1950-05-14",
        "1950-05-14",
        "day",
        "14 May 1950",
    )
    assert record.sender == "Mao Zedong"  # the typed name resolved to the entity it stands for
    assert [p.as_written for p in record.people if p.role == "sender"] == ["Mao"]
    source = seeded.provenance(doc)
    assert source["title"].corrected and source["title"].author == "alice"
    assert source["title"].imported == before["title"]
    assert not source["summary"].corrected and source["summary"].origin == "import"
    # the search and the list follow at once
    assert [hit.id for hit in seeded.search("Roshchin Filippov 13 May").hits][:1] == [doc]
    assert seeded.count(Filters(person="Mao Zedong")) >= 1
    assert doc in [row.id for row in seeded.page(Filters(person="Mao Zedong"))]


def test_a_date_range_with_its_precision_and_a_cleared_date(seeded):
    doc = _id(seeded, "001")
    seeded.correct(doc, {"date": {"text": "spring 1950", "start": "1950-03-01", "end": "1950-05-31"}}, "bob")
    assert seeded.field_value(doc, "date") == {
        "text": "spring 1950",
        "start": "1950-03-01",
        "end": "1950-05-31",
        "precision": "day",
    }
    seeded.correct(doc, {"date": {"start": "1950-05-01", "end": "1950-05-31"}}, "bob")
    assert seeded.field_value(doc, "date")["precision"] == "month"
    seeded.correct(doc, {"date": ""}, "bob")
    assert seeded.document_row(doc).date_precision == "unknown" and seeded.document_row(doc).date_start is None


@pytest.mark.parametrize(
    ("values", "reason"),
    [
        ({"date": "sometime in spring"}, "is not a date"),
        ({"date": {"start": "1950-13-01"}}, "not an ISO date"),
        ({"date": {"start": "1950-05-02", "end": "1950-05-01"}}, "before the start"),
        ({"title": "   "}, "cannot be empty"),
        ({"title": None}, "cannot be empty"),  # null from the command line or JSON
        ({"links": ["reply-to:000"]}, "cannot link to itself"),
        ({"links": ["reply-to:99999"]}, "no document"),
        ({"links": ["answers:001"]}, "unknown relation"),
        ({"colour": "red"}, "no such field"),
        ({"sender": [{"name": "X", "kind": "ministry"}]}, "unknown kind"),
    ],
)
def test_invalid_input_is_refused_with_its_reason_and_nothing_written(seeded, values, reason):
    doc = _id(seeded, "000")
    fields_before = seeded.field_values(doc)
    changes_before = seeded.recent_changes()
    with pytest.raises((InvalidValue, UnknownDocument)) as refused:
        seeded.correct(doc, {"title": "A good new title", **values}, "alice")
    assert reason in str(refused.value)
    assert seeded.field_values(doc) == fields_before  # not even the valid title
    assert seeded.recent_changes() == changes_before
    assert not seeded.provenance(doc)["title"].corrected


def test_unknown_document_and_nothing_to_change_are_refused(seeded):
    with pytest.raises(UnknownDocument):
        seeded.correct(424242, {"title": "x"}, "alice")
    doc = _id(seeded, "000")
    with pytest.raises(InvalidValue, match="nothing to change"):
        seeded.correct(doc, {"title": seeded.document_row(doc).title}, "alice")


def test_undo_and_redo_restore_values_and_provenance(seeded):
    doc = _id(seeded, "002")
    title = seeded.document_row(doc).title
    seeded.correct(doc, {"title": "First"}, "alice")
    seeded.correct(doc, {"title": "Second", "type": "Letter"}, "alice")
    undone = seeded.undo_last("alice")
    assert undone.kind == "undo" and undone.label == "Undo Edit title and type"
    assert seeded.document_row(doc).title == "First" and seeded.document_row(doc).doc_type == "Ciphered telegram"
    assert not seeded.provenance(doc)["type"].corrected
    seeded.undo_last("alice")
    assert seeded.document_row(doc).title == title and not seeded.provenance(doc)["title"].corrected
    assert seeded.undo_last("alice") is None
    redone = seeded.redo_last("alice")
    assert redone.kind == "redo" and seeded.document_row(doc).title == "First"
    seeded.redo_last("alice")
    assert seeded.document_row(doc).title == "Second" and seeded.redo_last("alice") is None
    assert [c.kind for c in seeded.history(doc)] == ["redo", "redo", "undo", "undo", "edit", "edit"]
    assert all(c.author == "alice" and c.at for c in seeded.history(doc))


def test_a_new_change_clears_what_could_be_redone(seeded):
    doc = _id(seeded, "002")
    seeded.correct(doc, {"title": "First"}, "alice")
    seeded.undo_last("alice")
    seeded.correct(doc, {"summary": "Something else"}, "alice")
    assert seeded.redo_last("alice") is None


def test_revert_refuses_a_change_overtaken_by_a_later_one(seeded):
    doc = _id(seeded, "002")
    first = seeded.correct(doc, {"title": "By alice"}, "alice")
    seeded.correct(doc, {"title": "By bob"}, "bob")
    with pytest.raises(Conflict, match="has changed since"):
        seeded.revert(first.id, "alice")
    assert seeded.document_row(doc).title == "By bob"
    with pytest.raises(Conflict):  # alice's last change, the same one, is refused the same way
        seeded.undo_last("alice")
    seeded.undo_last("bob")
    seeded.undo_last("alice")  # bob's undo gave the title back to alice's value: hers can go now
    assert seeded.document_row(doc).title not in ("By alice", "By bob")


def test_many_documents_at_once_in_one_change(seeded):
    ids = [_id(seeded, key) for key in ("000", "001", "002")]
    before = seeded.facet_counts("classification")
    change = seeded.correct_many(ids, {"classification": "Top secret"}, "alice")
    assert change.document_ids == sorted(ids) and "3 documents" in change.label
    assert ("Top secret", 3) in seeded.facet_counts("classification")
    seeded.revert(change.id, "alice")
    assert seeded.facet_counts("classification") == before


def test_links_people_references_and_note(seeded):
    doc, other = _id(seeded, "003"), _id(seeded, "001")
    seeded.correct(
        doc,
        {
            "links": ["related:001"],
            "recipient": ["Vyshinsky", "Filippov"],
            "archival_refs": ["AVP RF, f. 059a, op. 5a, d. 3, l. 12"],
            "reference_numbers": ["No. 4711"],
            "note": "Checked against the photocopy.",
        },
        "alice",
    )
    record = seeded.record(doc)
    assert [(link.relation, link.direction, link.document_id) for link in record.links] == [("related", "out", other)]
    assert record.recipient == "Stalin; Vyshinsky"
    assert record.archival_refs[0].fond == "059a" and record.archival_refs[0].listy == "12"
    assert record.reference_numbers == ["No. 4711"]
    assert seeded.field_value(doc, "note") == "Checked against the photocopy."
    assert ("related", "in", doc) in [(lk.relation, lk.direction, lk.document_id) for lk in seeded.record(other).links]


def test_a_step_puts_a_change_on_an_undo_stack(seeded):
    doc = _id(seeded, "004")
    step = Step(lambda archive: archive.correct(doc, {"title": "Stepped"}, "carol"), "Edit title", doc, "carol")
    step.apply(seeded)
    step.redo(seeded)  # what QUndoStack.push does: nothing more happens
    assert seeded.document_row(doc).title == "Stepped" and len(seeded.history(doc)) == 1
    step.undo(seeded)
    assert seeded.document_row(doc).title != "Stepped"
    step.redo(seeded)
    assert seeded.document_row(doc).title == "Stepped"
    assert [c.kind for c in seeded.history(doc)] == ["redo", "undo", "edit"]
