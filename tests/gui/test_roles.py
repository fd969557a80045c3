"""Model roles are declared once, and each answers its own question."""

from __future__ import annotations

import ast
from pathlib import Path

from PySide6.QtCore import Qt

from viewer.gui import roles
from viewer.gui.document_model import DocumentTableModel
from viewer.gui.kiosk.model import SequenceModel
from viewer.gui.roles import DATE_ROLE, ID_ROLE, KEY_ROLE

from .helpers import seed_id

GUI = Path(roles.__file__).resolve().parent


def test_roles_are_distinct_and_above_the_user_role():
    numbers = list(roles.ROLES.values())
    assert len(set(numbers)) == len(numbers)
    assert min(numbers) > int(Qt.ItemDataRole.UserRole.value)


def test_no_other_module_numbers_a_role():
    """``UserRole + n`` written anywhere else in the GUI would be a second, unchecked numbering."""
    found = []
    for path in sorted(GUI.rglob("*.py")):
        if path.name == "roles.py":
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Attribute) and node.attr == "UserRole":
                found.append(f"{path.relative_to(GUI)}:{node.lineno}")
    assert found == []


def test_each_model_answers_each_role_with_its_own_value(qtbot, seeded):
    first = seed_id(seeded, "000")
    table = DocumentTableModel(seeded)
    row = next(r for r in range(table.rowCount()) if table.index(r, 0).data(ID_ROLE) == first)
    assert table.index(row, 0).data(KEY_ROLE).startswith("000")
    tiles = SequenceModel(seeded, [first])
    tile = tiles.index(0, 0)
    assert tile.data(ID_ROLE) == first
    assert tile.data(DATE_ROLE)[:4].isdigit()  # a date, as the tile shows it
    assert tile.data(KEY_ROLE) is None  # the kiosk's tiles hold no key: the date role is not the key role
