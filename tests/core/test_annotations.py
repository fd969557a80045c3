"""Annotations on real archives: making, editing, undoing, and surviving a re-import."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from viewer.cli import main
from viewer.core import anchoring
from viewer.core import annotations as ann
from viewer.core.importers.batch import import_all
from viewer.core.store import Archive

from .conftest import edit_source

AGREE = "they agree with the proposal of the Koreans to move toward reunification"
POSTPONED = "the decision on the question should be postponed"
TREATY = "договор о дружбе, союзе"


def seed(archive: Archive, prefix: str) -> int:
    found = archive.resolve_id(prefix)
    assert found is not None
    return found


def body(archive: Archive, document_id: int, part: str) -> str:
    text = archive.annotation_text(document_id, part)
    assert text is not None
    return text.body


def test_highlight_keeps_range_quote_and_context(seeded):
    doc = seed(seeded, "001")
    made = ann.highlight_quote(seeded, doc, "translation", AGREE, note="the key sentence", author="teacher")
    ann.Create(made).redo(seeded)
    [stored] = ann.list_annotations(seeded, doc)
    text = body(seeded, doc, "translation")
    assert text[stored.start : stored.end] == AGREE
    assert stored.prefix == text[stored.start - ann.CONTEXT : stored.start]
    assert stored.suffix == text[stored.end : stored.end + ann.CONTEXT]
    assert (stored.note, stored.author, stored.color, stored.status) == ("the key sentence", "teacher", "yellow", "ok")


def test_selection_edges_are_trimmed_and_empty_selection_refused(seeded):
    doc = seed(seeded, "001")
    text = body(seeded, doc, "translation")
    start = text.index(AGREE)
    made = ann.new_highlight(seeded, doc, "translation", start - 1, start + len(AGREE) + 1)
    assert made.quote == AGREE  # the spaces either side of the selection are not marked
    with pytest.raises(ann.AnnotationError):
        ann.new_highlight(seeded, doc, "translation", start - 1, start - 1)
    with pytest.raises(ann.AnnotationError):
        ann.highlight_quote(seeded, doc, "translation", "words that are not there")
    with pytest.raises(ann.AnnotationError):
        ann.new_highlight(seeded, doc, "translation", start, start + 4, color="purple")


def test_occurrence_picks_a_later_appearance(seeded):
    doc = seed(seeded, "001")
    text = body(seeded, doc, "translation")
    first = ann.highlight_quote(seeded, doc, "translation", "Korean comrades")
    second = ann.highlight_quote(seeded, doc, "translation", "Korean comrades", occurrence=2)
    assert first.start == text.index("Korean comrades")
    assert second.start == text.index("Korean comrades", first.start + 1)
    # a quote typed on one line finds words the text breaks across lines
    assert ann.find_quote("a\nb  c", "a b c") == 0


def test_undo_and_redo_cover_create_edit_delete(seeded):
    doc = seed(seeded, "001")
    history = ann.History(seeded)
    created = history.push(ann.Create(ann.highlight_quote(seeded, doc, "translation", AGREE, note="first")))
    annotation_id = created.annotation.id
    history.push(ann.Edit(ann.get(seeded, annotation_id), note="second", color="green"))
    assert (ann.get(seeded, annotation_id).note, ann.get(seeded, annotation_id).color) == ("second", "green")
    history.push(ann.Delete(ann.get(seeded, annotation_id)))
    assert ann.list_annotations(seeded, doc) == []
    assert history.undo()  # the delete
    restored = ann.get(seeded, annotation_id)
    assert restored is not None and restored.note == "second"
    assert history.undo()  # the edit
    assert (ann.get(seeded, annotation_id).note, ann.get(seeded, annotation_id).color) == ("first", "yellow")
    assert history.undo()  # the creation
    assert ann.get(seeded, annotation_id) is None
    assert not history.undo()
    assert history.redo() and history.redo() and history.redo()
    assert ann.get(seeded, annotation_id) is None  # redo replayed the delete too
    assert history.undo()
    assert ann.get(seeded, annotation_id).note == "second"


def _reimport(archive: Archive, folder: Path, name: str, old: str, new: str) -> None:
    path = next(folder.glob(f"{name}_*.txt"))
    edit_source(path, old, new)
    summary = import_all(archive, [path])
    assert summary.count("updated") == 1, summary.results


def _make(archive: Archive, doc: int, part: str, quote: str) -> int:
    operation = ann.Create(ann.highlight_quote(archive, doc, part, quote, note="n", author="a"))
    operation.redo(archive)
    assert operation.annotation.id is not None
    return operation.annotation.id


def test_reimport_with_unchanged_words_keeps_annotations_on_them(editable):
    archive, folder = editable
    doc = seed(archive, "001")
    agree, postponed = _make(archive, doc, "translation", AGREE), _make(archive, doc, "translation", POSTPONED)
    # text added above the annotated paragraph shifts every offset
    _reimport(archive, folder, "001", "Tenth Department", "Tenth Department (Far East)")
    text = body(archive, doc, "translation")
    for annotation_id, quote in ((agree, AGREE), (postponed, POSTPONED)):
        moved = ann.get(archive, annotation_id)
        assert moved.status == "ok"
        assert moved.text_id == archive.annotation_text(doc, "translation").id
        assert text[moved.start : moved.end] == quote


def test_reimport_with_changed_words_marks_review_and_drops_the_range(editable):
    archive, folder = editable
    doc = seed(archive, "001")
    agree, postponed = _make(archive, doc, "translation", AGREE), _make(archive, doc, "translation", POSTPONED)
    _reimport(archive, folder, "001", "they agree with the proposal", "they approve the proposal")
    gone = ann.get(archive, agree)
    assert gone.status == "needs_review" and gone.start is None and gone.quote == AGREE
    assert not gone.anchored
    kept = ann.get(archive, postponed)
    assert kept.status == "ok"
    assert body(archive, doc, "translation")[kept.start : kept.end] == POSTPONED


def test_reimport_with_changed_surroundings_keeps_the_words_but_asks_for_review(editable):
    archive, folder = editable
    doc = seed(archive, "001")
    agree = _make(archive, doc, "translation", AGREE)
    _reimport(
        archive,
        folder,
        "001",
        "in light of the changed international situation,",
        "given the new situation in the world,",
    )
    moved = ann.get(archive, agree)
    assert moved.status == "needs_review"
    assert body(archive, doc, "translation")[moved.start : moved.end] == AGREE


def test_locate_refuses_to_guess_between_equal_candidates():
    assert anchoring.locate("x abc y abc z", "abc", "q ", " w", 0) == (None, False)
    assert anchoring.locate("x abc y abc z", "abc", "y ", " z", 0) == (8, True)
    assert anchoring.locate("x abc y", "abc", "zz", "zz", 0) == (2, False)


def test_scan_annotations_follow_their_page_through_replaced_pages(seeded):
    doc = seed(seeded, "001")
    with seeded.transaction():
        file_id = seeded.store_file("0" * 64, "scan.pdf", "application/pdf", b"%PDF-1.4 placeholder")
        seeded.save_pages(
            doc, file_id, [{"file_page": 0, "width": 595, "height": 842}, {"file_page": 1, "width": 595, "height": 842}]
        )
    rect = ann.Create(ann.new_shape(seeded, doc, 1, "rect", (300, 400, 100, 200), note="doubtful date"))
    rect.redo(seeded)
    pin = ann.Create(ann.new_shape(seeded, doc, 0, "pin", (50, 60, 0, 0), note="stamp"))
    pin.redo(seeded)
    stored = ann.get(seeded, rect.annotation.id)
    assert (stored.x0, stored.y0, stored.x1, stored.y1) == (100, 200, 300, 400)
    assert stored.label() == "Page 2, rectangle"
    with seeded.transaction():  # a re-import of the file replaces the page rows
        seeded.save_pages(doc, file_id, [{"file_page": 0}, {"file_page": 1}])
    listed = {a.id: a for a in ann.list_annotations(seeded, doc)}
    assert listed[rect.annotation.id].page_id == seeded.page_at(doc, 1).id
    assert listed[rect.annotation.id].status == "needs_review"
    assert listed[pin.annotation.id].page_id == seeded.page_at(doc, 0).id


def test_cli_annotate_and_list(seeded):
    runner = CliRunner()
    db = str(seeded.path)
    result = runner.invoke(
        main,
        [
            "--db",
            db,
            "annotate",
            "001",
            "--part",
            "translation",
            "--quote",
            AGREE,
            "--note",
            "key",
            "--color",
            "green",
            "--author",
            "teacher",
        ],
    )
    assert result.exit_code == 0, result.output
    result = runner.invoke(main, ["--db", db, "annotate", "004", "--part", "transcript", "--quote", TREATY])
    assert result.exit_code == 0, result.output
    result = runner.invoke(main, ["--db", db, "annotations", "001", "--json"])
    assert result.exit_code == 0, result.output
    [listed] = json.loads(result.output)
    assert (listed["quote"], listed["note"], listed["color"], listed["author"]) == (AGREE, "key", "green", "teacher")
    result = runner.invoke(main, ["--db", db, "annotate", "001", "--quote", "Korean comrades", "--occurrence", "9"])
    assert result.exit_code == 1
    assert "fewer than 9" in result.output
