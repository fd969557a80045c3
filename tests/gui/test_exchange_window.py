"""The window's exchange commands (issue 14): Export As… in every format and scope, Merge Archive…, and
Copy Citation in the chosen style."""

from __future__ import annotations

import csv
import json
import shutil

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QMenu

from viewer.core.exporters import Chosen, cite
from viewer.core.importers.batch import import_all
from viewer.core.store import Archive, Filters

from ..conftest import SAMPLES
from .helpers import seed_id


def test_menus_offer_export_as_merge_and_citation_styles(window):
    menus = {menu.objectName(): menu for menu in window.menuBar().findChildren(QMenu)}
    names = [action.objectName() for action in menus["menu_file"].actions()]
    assert names.index("action_export") + 1 == names.index("action_exchange_export")
    assert names.index("action_exchange_export") + 1 == names.index("action_merge_archive")
    style_menu = window.findChild(QMenu, "menu_citation_style")
    edit = menus["menu_edit"].actions()
    assert edit[edit.index(window.registry["copy_citation"]) + 1] == style_menu.menuAction()
    styles = [action.objectName() for action in style_menu.actions()]
    assert styles[0] == "action_citation_source" and "action_citation_chicago-note" in styles


def test_copy_citation_in_the_chosen_style_is_remembered(qtbot, window, settings):
    window.open_document(seed_id(window.archive, "004"))
    window.registry["copy_citation"].trigger()
    assert QGuiApplication.clipboard().text() == window.panel.record.citation  # the source's own, by default
    chicago = window.findChild(type(window.registry["copy_citation"]), "action_citation_chicago-note")
    chicago.trigger()
    window.registry["copy_citation"].trigger()
    expected = cite(window.panel.record, "chicago-note")
    assert QGuiApplication.clipboard().text() == expected and expected.startswith("Stalin, “Telegram, Filippov")
    assert settings.value("citation/style") == "chicago-note"


def test_export_as_writes_each_scope(qtbot, window, tmp_path):
    window.archive.create_collection("may", "May 1950", "", [seed_id(window.archive, "004")])
    out = tmp_path / "list.csv"
    task = window.exchange.export(Chosen(filters=Filters(query="Vyshinsky")), "csv", out)
    with qtbot.waitSignal(task.finished, timeout=20000):
        pass
    with out.open(encoding="utf-8", newline="") as stream:
        assert sorted(row["key"][:3] for row in csv.DictReader(stream)) == ["001", "003", "004"]
    out = tmp_path / "may.json"
    task = window.exchange.export(Chosen(collection="may"), "json", out)
    with qtbot.waitSignal(task.finished, timeout=20000):
        pass
    assert [d["key"][:3] for d in json.loads(out.read_text("utf-8"))["documents"]] == ["004"]
    out = tmp_path / "one.pdf"
    task = window.exchange.export(Chosen(ids=(seed_id(window.archive, "001"),)), "pdf", out)
    with qtbot.waitSignal(task.finished, timeout=30000):
        pass
    assert out.read_bytes().startswith(b"%PDF")


def test_merge_archive_brings_documents_and_refreshes_the_list(qtbot, window, tmp_path, monkeypatch):
    shown = []
    monkeypatch.setattr("viewer.gui.exchange_window.plain.inform", lambda _parent, title, text: shown.append(text))
    folder = tmp_path / "bob"
    folder.mkdir()
    shutil.copy(SAMPLES / "004_b1a35747eb61871d.txt", folder)
    (folder / "note.txt").write_text("June 2, 1950\n\nA note of Bob's\n\nNothing more.\n", "utf-8")
    with Archive(tmp_path / "bob.db") as bob:
        import_all(bob, [folder])
    task = window.exchange.merge(tmp_path / "bob.db")
    with qtbot.waitSignal(task.finished, timeout=20000):
        pass
    qtbot.waitUntil(lambda: bool(shown))
    assert shown == ["bob.db: 1 added, 0 updated, 0 conflicting, 1 skipped."]
    assert window.archive.count() == 6 and window.model.rowCount() == 6
