"""Every command of the window, declared once and kept in a registry keyed by name.

Menus, toolbars and (later) kiosk mode pick the actions they allow by name, so the main window
stays small and a restricted mode can leave whole commands out.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QWidget


@dataclass(frozen=True)
class ActionSpec:
    name: str
    text: str
    tip: str
    shortcuts: tuple[QKeySequence | QKeySequence.StandardKey | str, ...] = ()
    checkable: bool = False


SPECS = (
    ActionSpec("new_archive", "&New Archive…", "Make a new, empty archive file and open it", ("Ctrl+Shift+N",)),
    ActionSpec("open", "&Open Archive…", "Open another archive file", (QKeySequence.StandardKey.Open,)),
    ActionSpec("import", "&Import…", "Import text files or folders into this archive", ("Ctrl+I",)),
    ActionSpec(
        "attach_scan",
        "&Attach Scan…",
        "Attach a PDF or an image (JPEG, PNG, TIFF) as the open document's scan",
        ("Ctrl+Shift+I",),
    ),
    ActionSpec("export", "&Export Annotated PDF…", "Export documents with their annotations as a PDF", ("Ctrl+E",)),
    ActionSpec("quit", "&Quit", "Close the window", (QKeySequence.StandardKey.Quit, "Ctrl+Q")),
    ActionSpec("copy_citation", "Copy &Citation", "Copy the full citation of the open document", ("Ctrl+Shift+C",)),
    ActionSpec("find", "&Find…", "Search the full text of the archive", (QKeySequence.StandardKey.Find, "Ctrl+F")),
    ActionSpec("zoom_in", "Zoom &In", "Larger text", (QKeySequence.StandardKey.ZoomIn, "Ctrl+=")),
    ActionSpec("zoom_out", "Zoom &Out", "Smaller text", (QKeySequence.StandardKey.ZoomOut,)),
    ActionSpec("zoom_reset", "&Actual Size", "Text at its usual size", ("Ctrl+0",)),
    ActionSpec(
        "side_by_side",
        "&Side by Side",
        "Original and translation next to each other",
        ("Ctrl+Shift+S",),
        checkable=True,
    ),
    ActionSpec("toggle_timeline", "&Timeline", "Show or hide the timeline", ("Ctrl+T",), checkable=True),
    ActionSpec("previous", "&Previous Document", "Open the document above in the list", ("Alt+Up", "Ctrl+[")),
    ActionSpec("next", "&Next Document", "Open the document below in the list", ("Alt+Down", "Ctrl+]")),
    ActionSpec("tab_scan", "&Scan", "Show the scan", ("Ctrl+1",)),
    ActionSpec("tab_transcript", "T&ranscript", "Show the transcript", ("Ctrl+2",)),
    ActionSpec("tab_translation", "Tra&nslation", "Show the translation", ("Ctrl+3",)),
    ActionSpec("tab_details", "&Details", "Show every field of the document", ("Ctrl+4",)),
    ActionSpec("about", "&About Archive Viewer", "Version and archive statistics", ()),
    ActionSpec(
        "undo",
        "&Undo",
        "Undo the last change (annotations, corrections, tags, deletions)",
        (QKeySequence.StandardKey.Undo, "Ctrl+Z"),
    ),
    ActionSpec("redo", "&Redo", "Redo the change just undone", (QKeySequence.StandardKey.Redo, "Ctrl+Shift+Z")),
    ActionSpec("highlight", "&Highlight Selection", "Highlight the selected words with the chosen colour", ("Ctrl+H",)),
    ActionSpec(
        "toggle_annotations", "&Annotations", "Show or hide the list of annotations", ("Ctrl+Shift+A",), checkable=True
    ),
    # curating (issue 13): viewer/gui/curating.py wires these
    ActionSpec("edit_details", "&Edit Details…", "Correct the fields of the open document", ("F2",)),
    ActionSpec("correct_text", "Correct &Text…", "Correct the transcript or translation shown", ("Ctrl+Shift+E",)),
    ActionSpec("tag_selected", "&Tag Selected…", "Add or remove a tag on the selected documents", ("Ctrl+Shift+T",)),
    ActionSpec("set_field", "Set &Field on Selected…", "Give one field the same value on the selected documents"),
    ActionSpec("delete", "&Delete", "Move the selected documents to the trash", (QKeySequence.StandardKey.Delete,)),
    ActionSpec("people", "&People…", "People and organisations: aliases, merge, kind", ("Ctrl+Shift+P",)),
    ActionSpec("mark_reviewed", "&Mark Reviewed", "The selected documents no longer need review", ("Ctrl+Shift+M",)),
    ActionSpec("trash", "T&rash…", "Deleted documents: restore them or empty the trash"),
    ActionSpec(
        "toggle_review",
        "&Review Queue",
        "Documents that need review, with the reasons",
        ("Ctrl+Shift+R",),
        checkable=True,
    ),
    ActionSpec(
        "toggle_history", "&History", "Show or hide the history of the open document", ("Ctrl+Shift+H",), checkable=True
    ),
    ActionSpec(
        "toggle_collections",
        "&Collections",
        "Show or hide the collections (the kiosk's lessons)",
        ("Ctrl+Shift+L",),
        checkable=True,
    ),
)

MENUS = {
    "&File": ("new_archive", "open", "import", "attach_scan", "export", None, "quit"),
    "&Edit": (
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
    ),
    "&View": (
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
    "&Go": ("previous", "next"),
    "&Archive": ("people", "trash"),
    "&Help": ("about",),
}


class ActionRegistry:
    """QActions by name, created once for a window."""

    def __init__(self, parent: QWidget, allowed: set[str] | None = None):
        self.actions: dict[str, QAction] = {}
        for spec in SPECS:
            if allowed is not None and spec.name not in allowed:
                continue
            action = QAction(spec.text, parent)
            action.setObjectName(f"action_{spec.name}")
            shortcuts = [s if isinstance(s, QKeySequence) else QKeySequence(s) for s in spec.shortcuts]
            unique = list({s.toString(): s for s in shortcuts if not s.isEmpty()}.values())
            action.setShortcuts(unique)
            keys = f" ({unique[0].toString(QKeySequence.SequenceFormat.NativeText)})" if unique else ""
            action.setToolTip(spec.tip + keys)
            action.setStatusTip(spec.tip)
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
            menu = menubar.addMenu(title)
            menu.setObjectName("menu_" + title.strip("&").lower())
            for name in present:
                if name is None:
                    menu.addSeparator()
                else:
                    menu.addAction(self.actions[name])
