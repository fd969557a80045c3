"""Curation changes as undo-stack operations, beside the annotation operations.

The store records every change and reverts it (``Archive.revert``); a ``Step`` holds one change for an
undo stack: the window wraps it in the same QUndoCommand as an ``annotations.Operation``, so Ctrl+Z
walks back through highlights and corrections alike. No Qt here.

Pattern for the window::

    step = Step(lambda archive: archive.correct(doc, {"title": text}, author), "Edit title", doc, author)
    try:
        step.apply(archive)          # raises CurationError with the reason: show it, push nothing
    except CurationError as error:
        ...
    stack.push(_Command(glue, step))  # its first redo() does nothing: the change is made already
"""

from __future__ import annotations

from collections.abc import Callable

from .annotations import Operation
from .curation import Change
from .store import Archive


class Step(Operation):
    """One curation change on an undo stack: undo reverts it, redo reverts that undo."""

    def __init__(self, apply: Callable[[Archive], Change], text: str, document_id: int | None, author: str):
        self._make = apply
        self.text = text
        self.document_id = document_id or 0
        self.author = author
        self.change: Change | None = None  # the change in effect (None before apply and after undo)
        self.undone: Change | None = None  # the undo, while the step is undone

    def apply(self, archive: Archive) -> Change:
        """Make the change the first time (raises before anything is written when it is refused)."""
        self.change = self._make(archive)
        if self.change.label:
            self.text = self.text or self.change.label
        return self.change

    def redo(self, archive: Archive) -> None:
        if self.undone is not None:
            self.change = archive.revert(in_effect(archive, self.undone).id, self.author)
            self.undone = None
        elif self.change is None:
            self.apply(archive)
        # else: pushed just after apply(): the change is in effect already

    def undo(self, archive: Archive) -> None:
        assert self.change is not None, "undo before the change was made"
        self.undone = archive.revert(in_effect(archive, self.change).id, self.author)
        self.change = None


def in_effect(archive: Archive, change: Change) -> Change:
    """The change that carries ``change``'s values now: itself, or, when another step reverted it
    (History ▸ Revert) and that revert was undone, the redo that put the values back."""
    current = archive.change(change.id) or change
    while current.reverted_by is not None:
        undo = archive.change(current.reverted_by)
        redo = archive.change(undo.reverted_by) if undo is not None and undo.reverted_by is not None else None
        if redo is None:
            break  # undone for good: revert() refuses it with the reason
        current = redo
    return current
