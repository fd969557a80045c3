"""Deleting into the trash, restoring whole, emptying it, and correcting texts under annotations (issue 13)."""

from __future__ import annotations

import pytest

from viewer.core import annotations as ann
from viewer.core.curation import Conflict, NotReversible, UnknownDocument
from viewer.core.importers.images import attach_scan
from viewer.core.store import Filters

from ..pdfs import make_pdf


def _everything(archive, doc):
    """All a document is, as the reader and the window see it."""
    record = archive.record(doc).as_json()
    record.pop("id")
    return {
        "record": record,
        "annotations": [
            (a.part, a.quote, a.note, a.status, a.page_position) for a in archive.document_annotations(doc)
        ],
        "pages": [(p.position, p.name, p.width) for p in archive.scan_pages(doc)],
        "tags": archive.document_tags(doc),
        "provenance": {k: (v.origin, v.author) for k, v in archive.provenance(doc).items()},
        "collections": [name for name, _, _ in archive.collections() if doc in archive.collection(name).document_ids],
    }


@pytest.fixture
def rich(seeded, tmp_path):
    """A seed document with a scan, annotations on its text and its pages, a tag, a correction, a place in
    a collection and a link from another document."""
    doc = seeded.resolve_id("000")
    pdf = tmp_path / "scan.pdf"
    pdf.write_bytes(make_pdf("Roshchin cable"))
    assert attach_scan(seeded, doc, pdf).outcome != "refused"
    ann.Create(ann.highlight_quote(seeded, doc, "translation", "Zhou Enlai paid a visit", note="who")).redo(seeded)
    ann.Create(ann.new_shape(seeded, doc, 1, "rect", (10, 10, 200, 100), note="stamp")).redo(seeded)
    seeded.tag([doc], add=["Korea 1950"], author="alice")
    seeded.correct(doc, {"title": "Roshchin to Stalin, 13 May 1950"}, "alice")
    seeded.create_collection("war", "The war", "", [seeded.resolve_id("001"), doc])
    return seeded, doc


def test_delete_and_restore_a_document_whole(rich):
    archive, doc = rich
    replying = archive.resolve_id("001")
    whole = _everything(archive, doc)
    files = archive.check().figures["files"]
    deleted = archive.delete_documents([doc], "alice")
    assert deleted.label.startswith("Delete 000_")
    assert archive.document_row(doc) is None and archive.count() == 4
    assert archive.search("Zhou Enlai paid a visit").total == 0
    assert doc not in [row.id for row in archive.page(Filters(tag="Korea 1950"))]
    assert [link.document_id for link in archive.record(replying).links] == [None]  # the link waits
    [entry] = archive.trash()
    assert (entry.document_id, entry.deleted_by, entry.annotations, entry.pages) == (doc, "alice", 2, 2)
    assert archive.check().figures["files"] == files  # the scan is kept while the document is in the trash
    with pytest.raises(UnknownDocument, match="in the trash"):
        archive.correct(doc, {"title": "x"}, "alice")
    archive.restore_documents([doc], "bob")
    assert archive.trash() == []
    assert _everything(archive, doc) == whole
    assert [link.document_id for link in archive.record(replying).links] == [doc]
    assert archive.search("Zhou Enlai paid a visit").hits[0].id == doc
    assert archive.check().ok


def test_undo_a_delete_restores_and_redo_deletes_again(rich):
    archive, doc = rich
    whole = _everything(archive, doc)
    archive.delete_documents([doc], "alice")
    archive.undo_last("alice")
    assert _everything(archive, doc) == whole and archive.trash() == []
    archive.redo_last("alice")
    assert archive.document_row(doc) is None and len(archive.trash()) == 1
    assert [c.kind for c in archive.history(doc)][:3] == ["redo", "undo", "delete"]
    archive.restore_documents([doc], "alice")
    archive.undo_last("alice")  # undoing a restore puts the document back in the trash
    assert archive.document_row(doc) is None and [e.document_id for e in archive.trash()] == [doc]
    edit = next(c for c in archive.history(doc) if c.kind == "edit")
    with pytest.raises(Conflict, match="is in the trash"):
        archive.revert(edit.id, "alice")


def test_emptying_the_trash_removes_unused_files_and_cannot_be_undone(rich):
    archive, doc = rich
    files = archive.check().figures["files"]
    delete = archive.delete_documents([doc, archive.resolve_id("004")], "alice")
    emptied = archive.empty_trash("alice")
    assert (emptied.documents, emptied.files_removed) == (2, 1)
    assert archive.check().figures["files"] == files - 1 and archive.trash() == []
    with pytest.raises(Conflict, match="emptied from the trash"):
        archive.revert(delete.id, "alice")
    purge = archive.recent_changes(1)[0]
    assert purge.kind == "purge" and not purge.reversible
    with pytest.raises(NotReversible):
        archive.revert(purge.id, "alice")
    assert archive.check().ok


def test_ids_are_never_reused_after_the_trash_is_emptied(seeded, tmp_path):
    from viewer.core.importers.batch import import_all

    last = max(row.id for row in seeded.page())
    seeded.delete_documents([last], "alice")
    seeded.empty_trash("alice")
    extra = tmp_path / "extra.txt"
    extra.write_text("A note on the 1950 telegrams\n\nDate: 1950\n\nSome text about Stalin.\n", encoding="utf-8")
    import_all(seeded, [extra])
    assert seeded.resolve_id("extra") > last  # the history of the purged document stays its own
    assert seeded.history(seeded.resolve_id("extra")) == []


def test_correcting_a_text_moves_untouched_annotations_and_flags_changed_ones(seeded):
    doc = seeded.resolve_id("000")
    text = seeded.annotation_text(doc, "translation").body
    kept = ann.Create(ann.highlight_quote(seeded, doc, "translation", "Pak Heon-yeong", note="minister"))
    kept.redo(seeded)
    changed = ann.Create(ann.highlight_quote(seeded, doc, "translation", "23 hours 30 minutes", note="late"))
    changed.redo(seeded)
    corrected = text.replace("Today on May 13", "Today, on 13 May", 1).replace("23 hours 30", "23 hours 40", 1)
    seeded.correct_text(doc, "translation", corrected, "alice")
    body = seeded.annotation_text(doc, "translation").body
    assert body == corrected and seeded.search('"23 hours 40"').total == 1
    moved = ann.get(seeded, kept.annotation.id)
    assert body[moved.start : moved.end] == "Pak Heon-yeong" and moved.status == "ok"
    flagged = ann.get(seeded, changed.annotation.id)
    assert body[flagged.start : flagged.end] == "23 hours 40 minutes"
    assert flagged.status == "needs_review" and flagged.note == "late"
    assert seeded.provenance(doc)["translation"].corrected
    seeded.undo_last("alice")
    assert seeded.annotation_text(doc, "translation").body == text
    restored = ann.get(seeded, changed.annotation.id)
    assert (restored.status, text[restored.start : restored.end]) == ("ok", "23 hours 30 minutes")
    assert seeded.search('"23 hours 40"').total == 0
