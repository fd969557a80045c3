"""Curation changes from the window: written on the write thread, then put on the window's ONE undo stack.

A change is a core ``Operation`` (a ``curating.Step`` for fields, texts, people, tags, the trash and
the review; a ``CollectionChange`` for collections). It is written through the same ``WriteQueue`` as
the annotations, so writes keep the order they were asked in, and goes on the same ``QUndoStack``
as a ``_Command``, so Ctrl+Z and Ctrl+Shift+Z undo annotations and curation in the order they were
made (``Annotating.undo``/``redo`` write the undo first, then move the stack). After a change, an
undo or a redo the window re-reads what it shows.

A refused edit (``CurationError``: a date that does not parse, a link to itself) comes back with its
field and reason so the form can say it in place; nothing of it was written, and nothing was pushed.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QObject, Signal

from ..core.annotations import Operation
from ..core.curation import CurationError
from ..core.records import Collection
from ..core.store import Archive
from .annotations import Annotating, _Command
from .messages import shown
from .write_queue import Write


@dataclass(frozen=True)
class Refusal:
    """Why a change was not made: the reason, and the field it concerns when the core named one."""

    reason: str
    field: str | None = None

    def __str__(self) -> str:
        return self.reason


class CurationCommand(_Command):
    """A curation change on the undo stack. Like an annotation's command it only shows the change:
    the write thread wrote it (or its undo) before the stack moved."""

    def __init__(self, glue: Annotating, operation: Operation, shown: Callable[[Operation], None]):
        super().__init__(glue, operation)
        self.shown = shown

    def redo(self) -> None:
        self.shown(self.operation)

    def undo(self) -> None:
        self.shown(self.operation)


class CollectionChange(Operation):
    """A collection made, renamed, reordered, filled or deleted: the collection before and after
    (None when it does not exist), so undo puts the one and redo the other."""

    def __init__(self, text: str, before: Collection | None, after: Collection | None):
        self.text, self.before, self.after = text, before, after
        self.document_id = 0

    def redo(self, archive: Archive) -> None:
        self._put(archive, self.after, self.before)

    def undo(self, archive: Archive) -> None:
        self._put(archive, self.before, self.after)

    @staticmethod
    def _put(archive: Archive, wanted: Collection | None, other: Collection | None) -> None:
        if wanted is None:
            if other is not None:
                archive.delete_collection(other.name)
            return
        if other is None:
            archive.create_collection(wanted.name, wanted.title, wanted.introduction, wanted.document_ids)
            return
        if wanted.title != other.title:
            archive.rename_collection(wanted.name, wanted.title)
        if wanted.document_ids != other.document_ids:
            archive.set_collection_documents(wanted.name, wanted.document_ids)


class Changes(QObject):
    """Writes curation operations and keeps them undoable with the annotations.

    Signals: shown(object) with the operation after it was done, undone or redone (the window
    re-reads the archive then).
    """

    shown = Signal(object)

    def __init__(self, annotating: Annotating, parent: QObject | None = None):
        super().__init__(parent)
        self.annotating = annotating

    @property
    def stack(self):
        return self.annotating.stack

    def busy(self) -> bool:
        return self.annotating.writes.busy()

    def submit(
        self,
        operation: Operation,
        done: Callable[[], None] | None = None,
        refused: Callable[[Refusal], None] | None = None,
    ) -> None:
        """Write ``operation`` on the write thread; once written, push it (undoable) and call ``done``.
        A refusal or a failed write calls ``refused`` (else the status bar says it) and pushes nothing."""

        def work(archive: Archive) -> Refusal | None:
            try:
                operation.redo(archive)
            except CurationError as error:  # refused before anything was written
                return Refusal(error.reason, error.field)
            return None

        def written(result: Refusal | None) -> None:
            if result is not None:
                self._refused(operation, result, refused)
                return
            self.stack.push(CurationCommand(self.annotating, operation, self._shown))
            if done is not None:
                done()

        def failed(reason: str) -> None:
            self._refused(operation, Refusal(reason), refused)

        self.annotating.writes.submit(lambda: Write(work, written, failed))

    def _refused(self, operation: Operation, refusal: Refusal, refused: Callable[[Refusal], None] | None) -> None:
        refusal = Refusal(shown(refusal.reason), refusal.field)  # the core's English in the window's language
        message = self.tr("Not saved ({operation}): {reason}").format(
            operation=operation.text.lower(), reason=refusal.reason
        )
        self.annotating.window.statusBar().showMessage(message, 15000)
        if refused is not None:
            refused(refusal)

    def _shown(self, operation: Operation) -> None:
        self.shown.emit(operation)
