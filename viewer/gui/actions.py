"""Every command of the window, declared once and kept in a registry keyed by name.

Menus, toolbars and (later) kiosk mode pick the actions they allow by name, so the main window
stays small and a restricted mode can leave whole commands out.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QWidget

from .i18n import QT_TRANSLATE_NOOP


@dataclass(frozen=True)
class ActionSpec:
    name: str
    text: str
    tip: str
    shortcuts: tuple[QKeySequence | QKeySequence.StandardKey | str, ...] = ()
    checkable: bool = False


SPECS = (
    ActionSpec(
        "new_archive",
        QT_TRANSLATE_NOOP("Actions", "&New Archive…"),
        QT_TRANSLATE_NOOP("Actions", "Make a new, empty archive file and open it"),
        ("Ctrl+Shift+N",),
    ),
    ActionSpec(
        "open",
        QT_TRANSLATE_NOOP("Actions", "&Open Archive…"),
        QT_TRANSLATE_NOOP("Actions", "Open another archive file"),
        (QKeySequence.StandardKey.Open,),
    ),
    ActionSpec(
        "import",
        QT_TRANSLATE_NOOP("Actions", "&Import…"),
        QT_TRANSLATE_NOOP("Actions", "Import text files or folders into this archive"),
        ("Ctrl+I",),
    ),
    ActionSpec(
        "attach_scan",
        QT_TRANSLATE_NOOP("Actions", "&Attach Scan…"),
        QT_TRANSLATE_NOOP("Actions", "Attach a PDF or an image (JPEG, PNG, TIFF) as the open document's scan"),
        ("Ctrl+Shift+I",),
    ),
    ActionSpec(
        "export",
        QT_TRANSLATE_NOOP("Actions", "&Export Annotated PDF…"),
        QT_TRANSLATE_NOOP("Actions", "Export documents with their annotations as a PDF"),
        ("Ctrl+E",),
    ),
    ActionSpec(
        "quit",
        QT_TRANSLATE_NOOP("Actions", "&Quit"),
        QT_TRANSLATE_NOOP("Actions", "Close the window"),
        (QKeySequence.StandardKey.Quit, "Ctrl+Q"),
    ),
    ActionSpec(
        "copy_citation",
        QT_TRANSLATE_NOOP("Actions", "Copy &Citation"),
        QT_TRANSLATE_NOOP("Actions", "Copy the full citation of the open document"),
        ("Ctrl+Shift+C",),
    ),
    ActionSpec(
        "find",
        QT_TRANSLATE_NOOP("Actions", "&Find…"),
        QT_TRANSLATE_NOOP("Actions", "Search the full text of the archive"),
        (QKeySequence.StandardKey.Find, "Ctrl+F"),
    ),
    ActionSpec(
        "find_next",
        QT_TRANSLATE_NOOP("Actions", "Find &Next"),
        QT_TRANSLATE_NOOP("Actions", "Go to the next search hit in the open document"),
        (QKeySequence.StandardKey.FindNext, "F3"),
    ),
    ActionSpec(
        "find_previous",
        QT_TRANSLATE_NOOP("Actions", "Find Pre&vious"),
        QT_TRANSLATE_NOOP("Actions", "Go to the previous search hit in the open document"),
        (QKeySequence.StandardKey.FindPrevious, "Shift+F3"),
    ),
    ActionSpec(
        "zoom_in",
        QT_TRANSLATE_NOOP("Actions", "Zoom &In"),
        QT_TRANSLATE_NOOP("Actions", "Larger text"),
        (QKeySequence.StandardKey.ZoomIn, "Ctrl+="),
    ),
    ActionSpec(
        "zoom_out",
        QT_TRANSLATE_NOOP("Actions", "Zoom &Out"),
        QT_TRANSLATE_NOOP("Actions", "Smaller text"),
        (QKeySequence.StandardKey.ZoomOut,),
    ),
    ActionSpec(
        "zoom_reset",
        QT_TRANSLATE_NOOP("Actions", "&Actual Size"),
        QT_TRANSLATE_NOOP("Actions", "Text at its usual size"),
        ("Ctrl+0",),
    ),
    ActionSpec(
        "side_by_side",
        QT_TRANSLATE_NOOP("Actions", "&Side by Side"),
        QT_TRANSLATE_NOOP("Actions", "Original and translation next to each other"),
        ("Ctrl+Shift+S",),
        checkable=True,
    ),
    ActionSpec(
        "toggle_timeline",
        QT_TRANSLATE_NOOP("Actions", "&Timeline"),
        QT_TRANSLATE_NOOP("Actions", "Show or hide the timeline"),
        ("Ctrl+T",),
        checkable=True,
    ),
    ActionSpec(
        "previous",
        QT_TRANSLATE_NOOP("Actions", "&Previous Document"),
        QT_TRANSLATE_NOOP("Actions", "Open the document above in the list"),
        ("Alt+Up", "Ctrl+["),
    ),
    ActionSpec(
        "next",
        QT_TRANSLATE_NOOP("Actions", "&Next Document"),
        QT_TRANSLATE_NOOP("Actions", "Open the document below in the list"),
        ("Alt+Down", "Ctrl+]"),
    ),
    ActionSpec(
        "tab_scan", QT_TRANSLATE_NOOP("Actions", "&Scan"), QT_TRANSLATE_NOOP("Actions", "Show the scan"), ("Ctrl+1",)
    ),
    ActionSpec(
        "tab_transcript",
        QT_TRANSLATE_NOOP("Actions", "T&ranscript"),
        QT_TRANSLATE_NOOP("Actions", "Show the transcript"),
        ("Ctrl+2",),
    ),
    ActionSpec(
        "tab_translation",
        QT_TRANSLATE_NOOP("Actions", "Tra&nslation"),
        QT_TRANSLATE_NOOP("Actions", "Show the translation"),
        ("Ctrl+3",),
    ),
    ActionSpec(
        "tab_details",
        QT_TRANSLATE_NOOP("Actions", "&Details"),
        QT_TRANSLATE_NOOP("Actions", "Show every field of the document"),
        ("Ctrl+4",),
    ),
    ActionSpec(
        "about",
        QT_TRANSLATE_NOOP("Actions", "&About Archive Viewer"),
        QT_TRANSLATE_NOOP("Actions", "Version and archive statistics"),
        (),
    ),
    ActionSpec(
        "undo",
        QT_TRANSLATE_NOOP("Actions", "&Undo"),
        QT_TRANSLATE_NOOP("Actions", "Undo the last change (annotations, corrections, tags, deletions)"),
        (QKeySequence.StandardKey.Undo, "Ctrl+Z"),
    ),
    ActionSpec(
        "redo",
        QT_TRANSLATE_NOOP("Actions", "&Redo"),
        QT_TRANSLATE_NOOP("Actions", "Redo the change just undone"),
        (QKeySequence.StandardKey.Redo, "Ctrl+Shift+Z"),
    ),
    ActionSpec(
        "highlight",
        QT_TRANSLATE_NOOP("Actions", "&Highlight Selection"),
        QT_TRANSLATE_NOOP("Actions", "Highlight the selected words with the chosen colour"),
        ("Ctrl+H",),
    ),
    ActionSpec(
        "toggle_annotations",
        QT_TRANSLATE_NOOP("Actions", "&Annotations"),
        QT_TRANSLATE_NOOP("Actions", "Show or hide the list of annotations"),
        ("Ctrl+Shift+A",),
        checkable=True,
    ),
    # curating (issue 13): viewer/gui/curating.py wires these
    ActionSpec(
        "edit_details",
        QT_TRANSLATE_NOOP("Actions", "&Edit Details…"),
        QT_TRANSLATE_NOOP("Actions", "Correct the fields of the open document"),
        ("F2",),
    ),
    ActionSpec(
        "correct_text",
        QT_TRANSLATE_NOOP("Actions", "Correct &Text…"),
        QT_TRANSLATE_NOOP("Actions", "Correct the transcript or translation shown"),
        ("Ctrl+Shift+E",),
    ),
    ActionSpec(
        "tag_selected",
        QT_TRANSLATE_NOOP("Actions", "&Tag Selected…"),
        QT_TRANSLATE_NOOP("Actions", "Add or remove a tag on the selected documents"),
        ("Ctrl+Shift+T",),
    ),
    ActionSpec(
        "set_field",
        QT_TRANSLATE_NOOP("Actions", "Set &Field on Selected…"),
        QT_TRANSLATE_NOOP("Actions", "Give one field the same value on the selected documents"),
    ),
    ActionSpec(
        "delete",
        QT_TRANSLATE_NOOP("Actions", "&Delete"),
        QT_TRANSLATE_NOOP("Actions", "Move the selected documents to the trash"),
        (QKeySequence.StandardKey.Delete,),
    ),
    ActionSpec(
        "people",
        QT_TRANSLATE_NOOP("Actions", "&People…"),
        QT_TRANSLATE_NOOP("Actions", "People and organisations: aliases, merge, kind"),
        ("Ctrl+Shift+P",),
    ),
    ActionSpec(
        "mark_reviewed",
        QT_TRANSLATE_NOOP("Actions", "&Mark Reviewed"),
        QT_TRANSLATE_NOOP("Actions", "The selected documents no longer need review"),
        ("Ctrl+Shift+M",),
    ),
    ActionSpec(
        "trash",
        QT_TRANSLATE_NOOP("Actions", "T&rash…"),
        QT_TRANSLATE_NOOP("Actions", "Deleted documents: restore them or empty the trash"),
    ),
    ActionSpec(
        "toggle_review",
        QT_TRANSLATE_NOOP("Actions", "&Review Queue"),
        QT_TRANSLATE_NOOP("Actions", "Documents that need review, with the reasons"),
        ("Ctrl+Shift+R",),
        checkable=True,
    ),
    ActionSpec(
        "toggle_history",
        QT_TRANSLATE_NOOP("Actions", "&History"),
        QT_TRANSLATE_NOOP("Actions", "Show or hide the history of the open document"),
        ("Ctrl+Shift+H",),
        checkable=True,
    ),
    ActionSpec(
        "toggle_collections",
        QT_TRANSLATE_NOOP("Actions", "&Collections"),
        QT_TRANSLATE_NOOP("Actions", "Show or hide the collections (the kiosk's lessons)"),
        ("Ctrl+Shift+L",),
        checkable=True,
    ),
)

MENUS = {
    QT_TRANSLATE_NOOP("Actions", "&File"): ("new_archive", "open", "import", "attach_scan", "export", None, "quit"),
    QT_TRANSLATE_NOOP("Actions", "&Edit"): (
        "undo",
        "redo",
        None,
        "highlight",
        None,
        "edit_details",
        "correct_text",
        "tag_selected",
        "set_field",
        "mark_reviewed",
        None,
        "delete",
        None,
        "copy_citation",
        "find",
        "find_next",
        "find_previous",
    ),
    QT_TRANSLATE_NOOP("Actions", "&View"): (
        "zoom_in",
        "zoom_out",
        "zoom_reset",
        "side_by_side",
        None,
        "tab_scan",
        "tab_transcript",
        "tab_translation",
        "tab_details",
        None,
        "toggle_timeline",
        "toggle_annotations",
        "toggle_history",
        "toggle_collections",
        "toggle_review",
    ),
    QT_TRANSLATE_NOOP("Actions", "&Go"): ("previous", "next"),
    QT_TRANSLATE_NOOP("Actions", "&Archive"): ("people", "trash"),
    QT_TRANSLATE_NOOP("Actions", "&Help"): ("about",),
}


def translated(text: str) -> str:
    """An action's or menu's text in the interface's language (they are declared in English above)."""
    return QCoreApplication.translate("Actions", text)


class ActionRegistry:
    """QActions by name, created once for a window."""

    def __init__(self, parent: QWidget, allowed: set[str] | None = None):
        self.actions: dict[str, QAction] = {}
        for spec in SPECS:
            if allowed is not None and spec.name not in allowed:
                continue
            action = QAction(translated(spec.text), parent)
            action.setObjectName(f"action_{spec.name}")
            shortcuts = [s if isinstance(s, QKeySequence) else QKeySequence(s) for s in spec.shortcuts]
            unique = list({s.toString(): s for s in shortcuts if not s.isEmpty()}.values())
            action.setShortcuts(unique)
            keys = f" ({unique[0].toString(QKeySequence.SequenceFormat.NativeText)})" if unique else ""
            tip = translated(spec.tip)
            action.setToolTip(tip + keys)
            action.setStatusTip(tip)
            action.setCheckable(spec.checkable)
            parent.addAction(action)
            self.actions[spec.name] = action

    def __getitem__(self, name: str) -> QAction:
        return self.actions[name]

    def get(self, name: str) -> QAction | None:
        return self.actions.get(name)

    def build_menus(self, menubar) -> None:
        for title, names in MENUS.items():
            present = [n for n in names if n is None or n in self.actions]
            if not any(present):
                continue
            menu = menubar.addMenu(translated(title))
            menu.setObjectName("menu_" + title.strip("&").lower())
            for name in present:
                if name is None:
                    menu.addSeparator()
                else:
                    menu.addAction(self.actions[name])
