"""The curation views in the real window (issue 13): people (merge, alias, kind), delete and the
trash, the review queue and the import summary, collections, history; each change undone and redone
on the window's one stack, together with annotations."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from tests.gui.helpers import listed_keys, seed_id
from viewer.core import annotations as core
from viewer.core.store import Filters


def settle(window, qtbot) -> None:
    qtbot.waitUntil(lambda: not window.curating.changes.busy(), timeout=15000)


def undo(window, qtbot) -> None:
    window.registry["undo"].trigger()
    settle(window, qtbot)


def redo(window, qtbot) -> None:
    window.registry["redo"].trigger()
    settle(window, qtbot)


def choose_person(window, text: str) -> None:
    """Type a name into the Person filter as a person would, then leave the box."""
    combo = window.filter_bar.combos["person"]
    combo.setEditText(text)
    combo.lineEdit().editingFinished.emit()


def test_merge_people_and_find_the_documents_by_the_old_name(window, qtbot):
    archive = window.archive
    telegram = seed_id(archive, "003")  # Ignatiev's telegram, which does not name Stalin
    mentioned = archive.field_values(telegram)["mentioned"]
    archive.correct(telegram, {"mentioned": [*mentioned, "Fyn Hsi"]}, "test")  # a spelling nobody knew
    window.refresh()
    people = window.curating.show_people()
    people.search.setText("Fyn Hsi")
    people.reload()
    assert [e.name for e in people.entries] == ["Fyn Hsi"] and people.entries[0].documents == 1
    assert archive.count(Filters(person="Stalin")) == 4

    people.merge_names(["Fyn Hsi"], "Stalin")
    settle(window, qtbot)
    assert [e.name for e in people.entries] == ["Stalin"]  # found by its new alias
    assert "Fyn Hsi" in people.entries[0].aliases and people.entries[0].documents == 5
    choose_person(window, "Fyn Hsi")
    assert window.filter_bar.combos["person"].currentData() == "Stalin"
    assert "003" in listed_keys(window) and window.model.rowCount() == 5
    assert window.registry["undo"].text() == "&Undo Merge Fyn Hsi into Stalin"

    undo(window, qtbot)
    assert archive.count(Filters(person="Stalin")) == 4
    assert [e.name for e in archive.persons("Fyn Hsi")] == ["Fyn Hsi"]
    redo(window, qtbot)
    assert archive.count(Filters(person="Stalin")) == 5


def test_alias_and_kind_follow_at_once(window, qtbot):
    archive = window.archive
    people = window.curating.show_people()
    people.search.setText("Molotov")
    people.reload()
    people.table.selectRow(0)
    assert people.buttons["add_alias"].isEnabled() and people.buttons["kind"].text() == "Mark as organisation"
    people.add_alias_named("Molotov", "Skryabin")
    settle(window, qtbot)
    assert "Skryabin" in archive.persons("Molotov")[0].aliases
    window.filter_bar.set_query("Skryabin")  # search follows the alias at once
    assert window.model.rowCount() == 3
    window.filter_bar.set_query("")
    people.set_kind("Molotov", "organization")
    settle(window, qtbot)
    assert archive.persons("Molotov")[0].kind == "organization"
    people.table.selectRow(0)
    assert people.buttons["kind"].text() == "Mark as person"
    undo(window, qtbot)
    assert archive.persons("Molotov")[0].kind == "person"
    undo(window, qtbot)
    assert "Skryabin" not in archive.persons("Molotov")[0].aliases
    people.remove_alias_named("Molotov", "V.M. Molotov")
    settle(window, qtbot)
    assert "V.M. Molotov" not in archive.persons("Molotov")[0].aliases


def test_delete_with_the_key_and_restore_from_the_trash_with_annotations(window, qtbot, monkeypatch):
    archive = window.archive
    document = seed_id(archive, "001")
    body = archive.field_values(document)["translation"]
    start = body.index("Filippov [Stalin]")
    core.Create(core.new_highlight(archive, document, "translation", start, start + 17, note="Stalin")).redo(archive)
    archive.tag([document], ["Korean War"], author="test")
    window.open_document(document)
    assert window.annotating.pane.list.count() == 1
    window.document_list.setFocus()
    qtbot.keyClick(window.document_list, Qt.Key.Key_Delete)
    settle(window, qtbot)
    assert archive.record(document) is None and window.model.rowCount() == 4
    assert window.current_document() not in (None, document)  # the neighbour is open
    [entry] = archive.trash()
    assert (entry.document_id, entry.annotations) == (document, 1)

    trash = window.curating.show_trash()
    assert trash.table.rowCount() == 1 and trash.table.item(0, 4).text() == "1"
    assert trash.select(document)
    qtbot.mouseClick(trash.restore_button, Qt.MouseButton.LeftButton)
    settle(window, qtbot)
    assert trash.table.rowCount() == 0 and window.model.rowCount() == 5
    assert [a.note for a in archive.document_annotations(document)] == ["Stalin"]
    assert archive.document_tags(document) == ["Korean War"]

    undo(window, qtbot)  # the restore: back in the trash
    assert archive.record(document) is None and trash.table.rowCount() == 1
    undo(window, qtbot)  # the delete: back in the archive
    assert archive.record(document) is not None and trash.table.rowCount() == 0
    window.open_document(document)
    assert window.annotating.pane.list.count() == 1
    redo(window, qtbot)
    assert archive.record(document) is None

    asked = []

    def answer(*args, **kwargs):
        box = QMessageBox(*args[1:5])
        asked.append(args[3])
        monkeypatch.setattr(box, "exec", lambda: QMessageBox.StandardButton.Discard)
        return box

    monkeypatch.setattr("viewer.gui.trash_view.plain.message_box", answer)
    trash.ask_to_empty()
    settle(window, qtbot)
    assert "cannot be undone" in asked[0]
    assert archive.trash() == [] and trash.table.rowCount() == 0
    assert "emptied" in trash.intro.text()


def test_review_queue_after_an_import(window, qtbot, tmp_path):
    folder = tmp_path / "incoming"
    folder.mkdir()
    (folder / "notes.txt").write_text("Notes from a meeting\n\nSome words about the harvest, no day written.\n")
    (folder / "empty.txt").write_text("")
    with qtbot.waitSignal(window.imports.import_finished, timeout=20000):
        window.imports.start_import([str(folder)])
    summary = window.curating.last_summary
    assert summary is not None and summary.isVisible()
    counts = summary.counts.text()
    assert (
        "1 document imported" in counts and "1 file refused" in counts and "1 of those imported needs review" in counts
    )
    assert "empty.txt: the file is empty" in summary.details.toPlainText()
    assert "no date found" in summary.details.toPlainText()
    qtbot.mouseClick(summary.review_button, Qt.MouseButton.LeftButton)
    assert window.filter_bar.review.isChecked() and window.model.rowCount() == 1
    review = window.curating.review
    assert window.curating.docks["review"].isVisible() and review.list.count() == 1
    assert "no date found" in review.list.item(0).text()

    review.list.item(0).setSelected(True)
    qtbot.mouseClick(review.mark_button, Qt.MouseButton.LeftButton)
    settle(window, qtbot)
    assert window.archive.review_queue() == [] and review.list.count() == 0
    assert window.model.rowCount() == 0
    undo(window, qtbot)
    assert review.list.count() == 1 and window.model.rowCount() == 1
    window.document_list.selectAll()
    window.registry["mark_reviewed"].trigger()
    settle(window, qtbot)
    assert window.archive.review_queue() == []


def test_collections_made_filled_ordered_renamed_and_deleted(window, qtbot):
    archive = window.archive
    pane = window.curating.collections
    window.registry["toggle_collections"].trigger()
    assert window.curating.docks["collections"].isVisible()
    ids = [seed_id(archive, p) for p in ("000", "001", "002")]
    pane.create_named("Korea 1950")
    settle(window, qtbot)
    assert archive.collections() == [("korea-1950", "Korea 1950", 0)]
    window.open_document(ids[0])
    window.document_list.select_documents(ids)
    qtbot.mouseClick(pane.add_button, Qt.MouseButton.LeftButton)
    settle(window, qtbot)
    assert archive.collection("korea-1950").document_ids == ids
    assert all(pane.list.visualItemRect(pane.list.item(row)).height() > 0 for row in range(3))  # on screen
    pane.list.setCurrentRow(2)
    qtbot.mouseClick(pane.up_button, Qt.MouseButton.LeftButton)
    settle(window, qtbot)
    assert archive.collection("korea-1950").document_ids == [ids[0], ids[2], ids[1]]
    assert pane.list.currentRow() == 1
    pane.rename_to("The road to war")
    settle(window, qtbot)
    assert archive.collection("korea-1950").title == "The road to war"
    pane.delete(ask=False)
    settle(window, qtbot)
    assert archive.collections() == []
    for expected in ("The road to war", "Korea 1950"):
        undo(window, qtbot)
        assert archive.collection("korea-1950").title == expected
    undo(window, qtbot)
    assert archive.collection("korea-1950").document_ids == ids
    assert pane.ids() == ids


def test_history_shows_and_reverts_with_annotations_on_the_same_stack(window, qtbot):
    archive = window.archive
    document = seed_id(archive, "002")
    window.open_document(document)
    title = archive.field_values(document)["title"]
    window.curating.details.edit()
    editor = window.curating.details.editor
    editor.editors["title"].edit.setText("Roshchin to Stalin, 13 October")
    editor.save()
    settle(window, qtbot)
    window.registry["toggle_history"].trigger()
    history = window.curating.history
    assert history.list.count() == 1 and "Edit title" in history.list.item(0).text()
    assert "→ “Roshchin to Stalin, 13 October”" in history.list.item(0).text()

    body = archive.field_values(document)["translation"]
    start = body.index("Syngman Rhee")
    highlight = core.new_highlight(archive, document, "translation", start, start + 12)
    window.annotating._save(core.Create(highlight), lambda: None, "add the highlight")
    qtbot.waitUntil(lambda: not window.annotating.writes.busy())
    assert window.annotating.stack.count() == 2

    history.list.setCurrentRow(0)
    qtbot.mouseClick(history.revert_button, Qt.MouseButton.LeftButton)
    settle(window, qtbot)
    assert archive.field_values(document)["title"] == title
    assert history.list.count() == 2 and history.list.item(0).text().startswith("Undo Edit title")
    undo(window, qtbot)  # the revert
    assert archive.field_values(document)["title"] == "Roshchin to Stalin, 13 October"
    undo(window, qtbot)  # the highlight
    assert archive.document_annotations(document) == []
    undo(window, qtbot)  # the edit, whose values the undone revert had put back
    assert archive.field_values(document)["title"] == title
    assert not window.registry["undo"].isEnabled()
    for _ in range(3):
        redo(window, qtbot)
    assert archive.field_values(document)["title"] == title and len(archive.document_annotations(document)) == 1


def test_names_from_files_stay_text_in_the_people_view(window, qtbot):
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QLabel

    archive = window.archive
    document = seed_id(archive, "003")
    mentioned = archive.field_values(document)["mentioned"]
    archive.correct(document, {"mentioned": [*mentioned, "<b>Koba</b>"]}, "test")
    people = window.curating.show_people()
    people.search.setText("Koba")
    people.reload()
    assert people.table.item(0, 0).text() == "<b>Koba</b>"
    people.table.selectRow(0)
    formats = []

    def answer() -> None:
        dialog = QApplication.activeModalWidget()
        formats.extend(label.textFormat() for label in dialog.findChildren(QLabel) if label.text())
        dialog.reject()

    QTimer.singleShot(0, answer)
    people.add_alias()  # the question names the person: shown as text, never markup
    assert formats and set(formats) == {Qt.TextFormat.PlainText}


def test_a_read_only_archive_shows_everything_and_offers_no_change(qtbot, seeded, settings):
    from viewer.gui.main_window import WRITING_ACTIONS, MainWindow

    reader = MainWindow(seeded.path, settings=settings, restore=False, readonly=True)
    qtbot.addWidget(reader)
    reader.show()
    curating = reader.curating
    reader.open_document(seed_id(seeded, "001"))
    assert {"edit_details", "delete", "tag_selected", "mark_reviewed"} <= set(WRITING_ACTIONS)
    assert not curating.details.edit_button.isEnabled() and not curating.details.edit()
    assert not any(button.isEnabled() for button in curating.texts.buttons.values())
    assert not curating.delete_selected() and curating.tag_selected() is None
    people = curating.show_people()
    people.table.selectRow(0)
    assert people.table.rowCount() > 0 and not any(b.isEnabled() for k, b in people.buttons.items() if k != "documents")
    trash = curating.show_trash()
    assert not trash.restore_button.isEnabled() and not trash.empty_button.isEnabled()
    reader.registry["toggle_collections"].trigger()
    assert not curating.collections.new_button.isEnabled()
    people.close()
    trash.close()
    reader.runner.wait(5000)
