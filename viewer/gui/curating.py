"""Curating in the window (issue 13): wires the editors, views and commands into a main window.

Edit Details (the Details tab's Edit mode), Correct Text (the text tabs), Tag Selected and Set Field
on Selected (several documents at once), Delete (the Delete key in the list) and Mark Reviewed work
on the documents selected in the list; People and Trash are windows of their own; History,
Collections and the Review Queue are docks beside the annotations. Every change is written on the
write thread and goes on the window's one undo stack (``changes.Changes``); after a change, an undo
or a redo the window re-reads the list, the counts and the open document.

The window is passed whole (duck-typed: ``panel``, ``document_list``, ``filter_bar``, ``actions``,
``annotating``, ``imports``, ``settings``, ``archive``, ``refresh``), so this module does not import
the main window.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

import shiboken6
from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDockWidget, QWidget

from ..core.annotations import Operation
from ..core.curating import Step
from ..core.store import Archive
from .annotations import author_name
from .bulk import SetFieldDialog, TagDialog
from .changes import Changes, Refusal
from .collections_view import CollectionsPane
from .counts import counts
from .details_editing import DetailsEditing
from .history_view import HistoryPane
from .importing import ImportOutcome
from .people_view import PeopleView
from .review import ImportSummary, ReviewPane, mark_reviewed_step
from .text_correction import TextCorrecting
from .trash_view import TrashView

RESELECT_AT_MOST = 500  # selected rows put back after a change (beyond that the selection is dropped)

Bulk = TypeVar("Bulk", TagDialog, SetFieldDialog)


def present(window: QWidget) -> None:
    """Show a window of ours, or bring it to the front when it is open already."""
    if window.isVisible():
        window.raise_()
        window.activateWindow()
    else:
        window.show()


class Curating(QObject):
    """Curation for one main window."""

    def __init__(self, window: Any):
        super().__init__(window)
        self.window = window
        self.changes = Changes(window.annotating, self)
        self.changes.shown.connect(self.show_change)
        panel, actions = window.panel, window.registry
        self.details = DetailsEditing(panel, self.archive, self.changes, self.author)
        self.texts = TextCorrecting(panel, self.archive, self.changes, self.author)
        for part in (self.details, self.texts):
            part.message.connect(self.say)
        self.history = HistoryPane(self.archive, self.changes, self.author, window)
        self.collections = CollectionsPane(self.archive, self.changes, window.document_list.selected_documents, window)
        self.collections.document_activated.connect(window.open_document)
        self.review = ReviewPane(self.archive, self.changes, self.author, window)
        self.review.document_activated.connect(window.open_document)
        self.review.show_in_list.connect(lambda: window.filter_bar.set_needs_review(True))
        self.docks = {
            "history": self._dock(self.tr("History"), self.history, "toggle_history"),
            "collections": self._dock(self.tr("Collections"), self.collections, "toggle_collections"),
            "review": self._dock(self.tr("Review Queue"), self.review, "toggle_review"),
        }
        below = window.annotating.dock
        window.splitDockWidget(below, self.docks["history"], Qt.Orientation.Vertical)
        window.tabifyDockWidget(self.docks["history"], self.docks["collections"])
        window.tabifyDockWidget(self.docks["history"], self.docks["review"])
        for dock in self.docks.values():
            dock.hide()
        panel.document_shown.connect(self.history.show_document)
        window.filter_bar.review.toggled.connect(lambda on: on and self.show_dock("review"))
        window.imports.summarise = self.summarise_import
        self.people_view: PeopleView | None = None
        self.trash_view: TrashView | None = None
        self.last_summary: ImportSummary | None = None
        delete = actions.get("delete")
        if delete is not None:  # the Delete key deletes documents only where the list has the focus
            delete.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
            window.document_list.addAction(delete)
        for name, slot in (
            ("edit_details", self.details.edit),
            ("correct_text", self.texts.edit),
            ("tag_selected", self.tag_selected),
            ("set_field", self.set_field),
            ("delete", self.delete_selected),
            ("mark_reviewed", self.mark_reviewed),
            ("people", self.show_people),
            ("trash", self.show_trash),
        ):
            action = actions.get(name)
            if action is not None:
                action.triggered.connect(lambda _=False, s=slot: s())

    # -- parts ----------------------------------------------------------------------------------

    def archive(self) -> Archive:
        return self.window.archive

    def author(self) -> str:
        return author_name(self.window.settings)

    def say(self, message: str) -> None:
        self.window.statusBar().showMessage(message, 8000)

    def _dock(self, title: str, widget: QWidget, action_name: str) -> QDockWidget:
        window = self.window
        dock = QDockWidget(title, window)
        dock.setObjectName(f"{widget.objectName().removesuffix('_pane')}_dock")
        dock.setWidget(widget)
        dock.setFeatures(
            QDockWidget.DockWidgetFeature.DockWidgetClosable | QDockWidget.DockWidgetFeature.DockWidgetMovable
        )
        window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, dock)
        action: QAction | None = window.registry.get(action_name)
        if action is not None:
            action.toggled.connect(lambda on: self._toggle(dock, on))
            dock.visibilityChanged.connect(
                lambda _visible: action.setChecked(not dock.isHidden()) if shiboken6.isValid(dock) else None
            )
        return dock

    def _toggle(self, dock: QDockWidget, on: bool) -> None:
        if on:
            first = not any(d.isVisible() for d in self.docks.values())
            dock.show()
            dock.raise_()
            self._fill(dock)
            annotations = self.window.annotating.dock
            if first and annotations.isVisible() and not dock.isFloating():  # share the height half and half
                height = annotations.height() + dock.height()
                self.window.resizeDocks(
                    [annotations, dock], [height // 2, height - height // 2], Qt.Orientation.Vertical
                )
        else:
            dock.hide()

    def show_dock(self, name: str) -> QDockWidget:
        dock = self.docks[name]
        self._toggle(dock, True)
        return dock

    def _fill(self, dock: QDockWidget) -> None:
        if dock is self.docks["review"]:
            self.review.reload()
        elif dock is self.docks["collections"]:
            self.collections.reload()
        elif dock is self.docks["history"]:
            self.history.show_document(self.window.current_document())

    # -- after a change -------------------------------------------------------------------------

    def show_change(self, operation: Operation) -> None:
        """Re-read what the window shows after a change, its undo or its redo (written already)."""
        window = self.window
        listed = window.document_list
        current, row = window.current_document(), listed.currentIndex().row()
        selected = listed.selected_documents()
        window._own_write()  # our own commit: not someone else's to refresh for again
        window.refresh(fit=False)
        archive = self.archive()
        if current is not None and archive.record(current) is None:  # deleted: open its neighbour
            count = window.model.rowCount()
            window.panel.clear()
            if count:
                target = min(max(row, 0), count - 1)
                shown = listed.currentIndex().row() if listed.currentIndex().isValid() else 0
                listed.step(0) if shown == target else listed.step(target - shown)
        elif current is not None and self._touches(operation, current):
            window.panel.show_document(current)
        if 1 < len(selected) <= RESELECT_AT_MOST:
            listed.select_documents(selected)
        for dock, refill in ((self.docks["collections"], self.collections.reload), (self.docks["review"], None)):
            if not dock.isHidden():
                (refill or self.review.reload)()
        if not self.docks["history"].isHidden():
            self.history.show_document(window.current_document())

    @staticmethod
    def _touches(operation: Operation, document_id: int) -> bool:
        if not isinstance(operation, Step):
            return False
        if operation.document_id in (0, document_id):
            return True
        change = operation.change or operation.undone
        return change is None or document_id in change.document_ids or not change.document_ids

    def reset(self) -> None:
        """Another archive was opened: the docks show its contents."""
        self.details.leave()
        for dock in self.docks.values():
            if not dock.isHidden():
                self._fill(dock)
        for view in (self.people_view, self.trash_view):
            if view is not None:
                view.close()
        self.people_view = self.trash_view = None

    # -- commands -------------------------------------------------------------------------------

    def selected(self) -> list[int]:
        return self.window.document_list.selected_documents()

    def _refused(self, what: str) -> Any:
        def show(refusal: Refusal) -> None:
            self.say(f"{what}: {refusal.reason}")

        return show

    def delete_selected(self) -> bool:
        """Move the selected documents to the trash (one step; Edit ▸ Undo restores them)."""
        ids, author = self.selected(), self.author()
        if not ids or self.archive().readonly:
            return False
        only = ids[0] if len(ids) == 1 else None
        step = Step(lambda a: a.delete_documents(ids, author), counts().delete(len(ids)), only, author)
        done = counts().moved_to_trash(len(ids))
        self.changes.submit(step, lambda: self.say(done), self._refused(self.tr("Not deleted")))
        return True

    def mark_reviewed(self) -> bool:
        ids = self.selected()
        if not ids or self.archive().readonly:
            return False
        self.changes.submit(mark_reviewed_step(ids, self.author()), None, self._refused(self.tr("Not marked reviewed")))
        return True

    def tag_selected(self) -> TagDialog | None:
        return self._open_bulk(TagDialog)

    def set_field(self) -> SetFieldDialog | None:
        return self._open_bulk(SetFieldDialog)

    def _open_bulk(self, dialog_type: Callable[[Archive, Changes, str, list[int], QWidget], Bulk]) -> Bulk | None:
        """Open a dialog over the selected documents; none when nothing is chosen or nothing may change."""
        ids = self.selected()
        if not ids or self.archive().readonly:
            return None
        dialog = dialog_type(self.archive(), self.changes, self.author(), ids, self.window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def show_people(self) -> PeopleView:
        if self.people_view is None:
            self.people_view = PeopleView(self.archive, self.changes, self.author, self.window)
            self.people_view.show_documents.connect(self.list_person)
        self.people_view.reload()
        present(self.people_view)
        return self.people_view

    def list_person(self, name: str) -> None:
        bar = self.window.filter_bar
        if not bar.choose("person", name):
            bar.combos["person"].addItem(name, name)
            bar.choose("person", name)

    def show_trash(self) -> TrashView:
        if self.trash_view is None:
            self.trash_view = TrashView(self.archive, self.changes, self.author, self.window)
        self.trash_view.reload()
        present(self.trash_view)
        return self.trash_view

    def summarise_import(self, outcome: ImportOutcome) -> ImportSummary:
        """After an import: the numbers, the refusals, and those needing review with a button to show them."""
        imported = set(outcome.document_ids)
        needing = [entry for entry in self.archive().review_queue() if entry.document_id in imported]
        dialog = ImportSummary(outcome, needing, self.window)
        dialog.show_review.connect(self.show_review)
        dialog.open()
        self.last_summary = dialog
        return dialog

    def show_review(self) -> None:
        self.window.filter_bar.set_needs_review(True)
        self.show_dock("review")
