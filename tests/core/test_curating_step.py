"""A curation Step on an undo stack stays undoable when another step reverted its change and that
revert was undone in turn (History ▸ Revert, then Ctrl+Z twice in the window)."""

from __future__ import annotations

import pytest

from viewer.core.curating import Step
from viewer.core.curation import Conflict


def _edit_then_revert(archive, document: int) -> tuple[Step, Step]:
    """Two steps done in turn: the title set to X, then that change reverted (History ▸ Revert)."""
    edit = Step(lambda a: a.correct(document, {"title": "X"}, "u"), "Edit title", document, "u")
    edit.redo(archive)
    revert = Step(lambda a: a.revert(edit.change.id, "u"), "Revert", document, "u")
    revert.redo(archive)
    return edit, revert


def test_a_step_undoes_its_values_after_a_revert_of_them_was_undone(seeded):
    document = seeded.resolve_id("002")
    title = seeded.field_values(document)["title"]
    edit, revert = _edit_then_revert(seeded, document)
    assert seeded.field_values(document)["title"] == title
    revert.undo(seeded)  # X is back, through a redo of the edit
    assert seeded.field_values(document)["title"] == "X"
    edit.undo(seeded)  # the edit's own undo follows to that redo
    assert seeded.field_values(document)["title"] == title
    edit.redo(seeded)
    assert seeded.field_values(document)["title"] == "X"


def test_a_step_whose_change_was_reverted_for_good_is_refused(seeded):
    document = seeded.resolve_id("002")
    edit = Step(lambda a: a.correct(document, {"title": "X"}, "u"), "Edit title", document, "u")
    edit.redo(seeded)
    seeded.revert(edit.change.id, "u")
    with pytest.raises(Conflict, match="undone already"):
        edit.undo(seeded)


def test_steps_undone_and_redone_in_any_order_keep_the_values_true(seeded):
    document = seeded.resolve_id("002")
    title = seeded.field_values(document)["title"]
    edit, revert = _edit_then_revert(seeded, document)
    revert.undo(seeded)
    edit.undo(seeded)
    assert seeded.field_values(document)["title"] == title
    edit.redo(seeded)
    assert seeded.field_values(document)["title"] == "X"
    revert.redo(seeded)  # the revert's redo takes X away again, wherever X came from
    assert seeded.field_values(document)["title"] == title
