"""The keys the README promises for the window are the window's keys."""

from __future__ import annotations

import re

from PySide6.QtGui import QAction, QKeySequence

from ..conftest import ROOT

_MODIFIER = "(?:Ctrl|Alt|Shift|Meta)"
_KEY = re.compile(rf"({_MODIFIER}\+(?:{_MODIFIER}\+)*)([^\s,/);]+)((?:/(?!{_MODIFIER})[A-Z][a-z]+)*)")


def readme_keys() -> set[str]:
    """Every shortcut named in the README's section on the window ("Alt+Up/Down" is two)."""
    text = ROOT.joinpath("README.md").read_text("utf-8")
    section = text[text.index("### The window") :]
    section = section[: section.index("\n### ", 1)]
    keys = set()
    for modifiers, key, more in _KEY.findall(section):
        keys.add(modifiers + key)
        keys.update(modifiers + other for other in more.split("/") if other)
    return keys


def test_every_key_the_readme_names_does_what_it_says(window):
    bound: dict[str, str] = {}
    for action in window.findChildren(QAction):
        for shortcut in action.shortcuts():
            bound[shortcut.toString(QKeySequence.SequenceFormat.PortableText)] = action.objectName()
    keys = readme_keys()
    assert {"Ctrl+F", "Alt+Up", "Alt+Down", "Ctrl+[", "Ctrl+]", "Ctrl+P"} <= keys
    assert "Alt+Left" not in keys and "Alt+Right" not in keys
    missing = sorted(key for key in keys if key not in bound)
    assert not missing, missing
    assert bound["Alt+Up"] == bound["Ctrl+["] == "action_previous"
    assert bound["Alt+Down"] == bound["Ctrl+]"] == "action_next"
    assert bound["Ctrl+P"] == "action_print"
