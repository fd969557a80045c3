"""Curating in the real window (issue 13): the Details editor, invalid input refused in place, text
corrections, several documents at once, undo and redo of every kind of change on the one stack."""

from __future__ import annotations

from PySide6.QtCore import Qt

from tests.gui.helpers import seed_id
from viewer.core import annotations as core
from viewer.core.store import Filters
from viewer.gui.annotations import AUTHOR_KEY
from viewer.gui.roles import ID_ROLE


def settle(window, qtbot) -> None:
    """Wait until every write asked for has been written and shown."""
    qtbot.waitUntil(lambda: not window.curating.changes.busy(), timeout=15000)


def type_into(qtbot, edit, text: str) -> None:
    """Type into a line edit; where a completer would pop up (offscreen it cannot grab the keyboard),
    the text is set as a person's typing would leave it."""
    edit.setFocus()
    edit.selectAll()
    if edit.completer() is None and text:
        qtbot.keyClicks(edit, text)
    else:
        edit.setText(text)
        edit.textEdited.emit(text)


def open_editor(window, qtbot, prefix: str):
    window.open_document(seed_id(window.archive, prefix))
    window.registry["edit_details"].trigger()
    editor = window.curating.details.editor
    assert editor.isVisible() and window.panel.current_tab() == "details"
    return editor


def test_correct_title_date_and_sender_then_undo_redo(window, qtbot, settings):
    settings.setValue(AUTHOR_KEY, "alice")
    archive = window.archive
    document = seed_id(archive, "004")
    editor = open_editor(window, qtbot, "004")
    before = archive.field_values(document)
    assert not editor.notes["title"].isVisible()  # as imported: nothing to say

    type_into(qtbot, editor.editors["title"].edit, "Telegram from Ignatiev to Vyshinsky")
    type_into(qtbot, editor.editors["date"].written, "11 April 1950")
    assert editor.editors["date"].start.text() == "1950-04-11"  # the range follows what is typed
    type_into(qtbot, editor.editors["sender"].edit, "Ignatiev; Shtykov")
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    settle(window, qtbot)

    values = archive.field_values(document)
    assert values["title"] == "Telegram from Ignatiev to Vyshinsky"
    assert values["date"]["start"] == "1950-04-11" and values["date"]["text"] == "11 April 1950"
    assert [p["name"] for p in values["sender"]] == ["Aleksei Ignatieff", "Shtykov"]  # an alias finds its entry
    assert not editor.isVisible() and window.panel.details.isVisible()
    assert window.panel.title.text() == "Telegram from Ignatiev to Vyshinsky"
    assert "corrected by hand: title, date, sender" in window.curating.details.tags.text()
    assert "1950-04-11" in window.model.index(window.document_list.currentIndex().row(), 0).data()
    source = archive.provenance(document)["title"]
    assert source.corrected and source.author == "alice"
    window.registry["edit_details"].trigger()
    note = editor.notes["title"]
    assert note.isVisible() and "corrected by alice" in note.text() and before["title"][:20] in note.text()
    assert not editor.notes["type"].isVisible()
    editor.cancel()

    assert window.registry["undo"].text().startswith("&Undo Edit title, date and sender")
    window.registry["undo"].trigger()
    settle(window, qtbot)
    assert archive.field_values(document)["title"] == before["title"]
    assert archive.field_values(document)["sender"] == before["sender"]
    assert not archive.provenance(document)["title"].corrected
    assert window.panel.title.text() == before["title"]
    window.registry["redo"].trigger()
    settle(window, qtbot)
    assert archive.field_values(document)["title"] == "Telegram from Ignatiev to Vyshinsky"


def test_invalid_input_is_refused_in_place_and_nothing_is_saved(window, qtbot):
    archive = window.archive
    document = seed_id(archive, "001")
    before = archive.field_values(document)
    editor = open_editor(window, qtbot, "001")
    type_into(qtbot, editor.editors["title"].edit, "A better title")
    type_into(qtbot, editor.editors["date"].written, "the day after the storm")
    editor.editors["date"].start.clear()
    editor.editors["date"].precision.setCurrentIndex(editor.editors["date"].precision.findData("unknown"))
    assert not editor.save()
    error = editor.errors["date"]
    assert error.isVisible() and "not a date" in error.text()
    assert editor.problem.isVisible() and "Date" in editor.problem.text()
    assert editor.isVisible() and editor.editors["title"].value() == "A better title"  # kept what was typed
    assert archive.field_values(document) == before

    type_into(qtbot, editor.editors["date"].written, "May 1950")
    editor.editors["date"].end.setText("1950-04-01")  # before the start
    editor.save()
    assert "before the start" in editor.errors["date"].text()
    assert archive.field_values(document) == before

    type_into(qtbot, editor.editors["date"].written, "13 May 1950")
    editor.editors["links"].add_link({"relation": "reply_to", "target_id": document})
    assert editor.save()  # the shape is right; the archive refuses a link to the document itself
    settle(window, qtbot)
    assert editor.isVisible() and editor.errors["links"].isVisible()
    assert "itself" in editor.errors["links"].text()
    assert archive.field_values(document) == before  # nothing half-saved: not even the title
    assert window.annotating.stack.count() == 0

    type_into(qtbot, editor.editors["title"].edit, "")
    editor.editors["links"].set_value(before["links"])
    editor.save()
    assert "empty" in editor.errors["title"].text()


def test_links_picked_by_search(window, qtbot, monkeypatch):
    from viewer.gui.link_picker import LinkPicker

    archive = window.archive
    document, target = seed_id(archive, "002"), seed_id(archive, "000")
    editor = open_editor(window, qtbot, "002")
    picker = LinkPicker(archive, document, editor)
    assert picker.search_for("Roshchin Clarification") >= 1
    row = next(r for r in range(picker.results.count()) if picker.results.item(r).data(ID_ROLE) == target)
    assert picker.search_for(archive.document_key(target)[:3]) >= 1  # a key finds its document first
    assert picker.results.item(0).data(ID_ROLE) == target
    picker.choose("related", row)
    link = picker.link()
    assert link == {"relation": "related", "target_id": target}
    monkeypatch.setattr(editor, "_pick_link", lambda: link)
    editor.editors["links"].pick = editor._pick_link
    qtbot.mouseClick(editor.editors["links"].add, Qt.MouseButton.LeftButton)
    assert "Related to: " in editor.editors["links"].list.item(editor.editors["links"].list.count() - 1).text()
    editor.save()
    settle(window, qtbot)
    links = archive.field_values(document)["links"]
    assert {"relation": "related", "target_id": target} in [
        {"relation": x["relation"], "target_id": x["target_id"]} for x in links
    ]


def test_correct_a_translation_marks_annotations_on_changed_words(window, qtbot):
    archive = window.archive
    document = seed_id(archive, "001")
    window.open_document(document)
    body = archive.field_values(document)["translation"]
    words = "expressed the opinion"
    assert body.count(words) == 1
    start = body.index(words)
    kept = "Making copies"
    highlights = [
        core.new_highlight(archive, document, "translation", start, start + len(words)),
        core.new_highlight(archive, document, "translation", body.index(kept), body.index(kept) + len(kept)),
    ]
    for annotation in highlights:
        core.Create(annotation).redo(archive)
    window.panel.show_tab("translation")
    texts = window.curating.texts
    window.registry["correct_text"].trigger()
    corrector = texts.correctors["translation"]
    assert window.panel.translation.stack.currentWidget() is corrector
    assert corrector.edit.toPlainText() == body
    corrector.edit.setPlainText(body.replace(words, "voiced the view", 1))
    qtbot.mouseClick(corrector.save, Qt.MouseButton.LeftButton)
    settle(window, qtbot)
    assert "voiced the view" in archive.field_values(document)["translation"]
    assert window.panel.translation.stack.currentWidget() is window.panel.translation.single
    marks = {a.quote: a.status for a in archive.document_annotations(document)}
    assert marks[kept] == "ok" and sorted(marks.values()) == ["needs_review", "ok"]  # kept, marked for review
    assert archive.search('"voiced the view"').total == 1  # search follows
    window.registry["undo"].trigger()
    settle(window, qtbot)
    assert archive.field_values(document)["translation"] == body


def test_tag_several_documents_filter_by_tag_and_undo(window, qtbot):
    archive = window.archive
    listed = window.document_list
    ids = [seed_id(archive, p) for p in ("001", "002", "003")]
    window.open_document(ids[0])
    listed.select_documents(ids)
    assert sorted(listed.selected_documents()) == sorted(ids)
    dialog = window.curating.tag_selected()
    dialog.tag.setCurrentText("Korean War")
    qtbot.mouseClick(dialog.add_button, Qt.MouseButton.LeftButton)
    settle(window, qtbot)
    assert archive.tags() == [("Korean War", 3)]
    assert sorted(listed.selected_documents()) == sorted(ids)  # the selection survives the refresh
    combo = window.filter_bar.combos["tag"]
    assert combo.findData("Korean War") > 0 and "(3)" in combo.itemText(combo.findData("Korean War"))
    window.filter_bar.choose("tag", "Korean War")
    assert window.model.rowCount() == 3
    assert archive.count(Filters(tag="Korean War")) == 3

    listed.selectAll()  # the three the tag filter lists
    classifications = {i: archive.field_values(i)["classification"] for i in ids}
    dialog = window.curating.set_field()
    assert "3 selected" in dialog.noun
    editor = dialog.choose("classification")
    editor.edit.setText("Secret")
    dialog.apply()
    settle(window, qtbot)
    assert {archive.field_values(i)["classification"] for i in ids} == {"Secret"}
    window.registry["undo"].trigger()
    settle(window, qtbot)
    assert {i: archive.field_values(i)["classification"] for i in ids} == classifications
    window.registry["undo"].trigger()
    settle(window, qtbot)
    assert archive.tags() == []
    assert window.model.rowCount() == 0  # the tag filter now matches nothing


def test_a_failed_write_says_so_and_keeps_what_was_typed(window, qtbot, monkeypatch):
    """The archive is full (SQLite's max_page_count): the save fails for real, the form stays open
    with what was typed and says why, the text correction too, and nothing goes on the stack."""
    from viewer.core.store import Archive
    from viewer.gui import write_queue

    class FullArchive(Archive):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            pages = self.conn.execute("PRAGMA page_count").fetchone()[0]
            self.conn.execute(f"PRAGMA max_page_count = {pages}")

    archive = window.archive
    document = seed_id(archive, "001")
    before = archive.field_values(document)
    editor = open_editor(window, qtbot, "001")
    monkeypatch.setattr(write_queue, "Archive", FullArchive)
    typed = "A summary written with care. " * 4000
    editor.editors["summary"].edit.setPlainText(typed)
    editor.save()
    settle(window, qtbot)
    assert editor.isVisible() and "disk is full" in editor.problem.text()
    assert editor.editors["summary"].edit.toPlainText() == typed
    assert archive.field_values(document) == before and window.annotating.stack.count() == 0
    editor.cancel()

    window.panel.show_tab("translation")
    texts = window.curating.texts
    assert texts.edit("translation")
    corrector = texts.correctors["translation"]
    corrector.edit.setPlainText(typed)
    texts.save("translation")
    settle(window, qtbot)
    assert texts.editing("translation") and "disk is full" in corrector.note.text()
    assert corrector.edit.toPlainText() == typed and window.annotating.stack.count() == 0


def test_a_document_deleted_meanwhile_keeps_what_was_typed(window, qtbot, screenshots):
    """Another program moves the document being edited to the trash: the window's list moves on, but
    the form stays with what was typed, says why it cannot be saved, and copies it on request."""
    from PySide6.QtGui import QGuiApplication

    from viewer.core.store import Archive

    document = seed_id(window.archive, "001")
    title = window.archive.record(document).title
    editor = open_editor(window, qtbot, "001")
    type_into(qtbot, editor.editors["title"].edit, "A title typed with care")
    editor.editors["summary"].edit.setPlainText("A summary typed with care.")
    with Archive(window.archive.path) as other:
        other.delete_documents([document], "someone else")
    assert window.check_for_changes()
    assert window.panel.record is None or window.panel.record.id != document  # the list moved on
    assert editor.isVisible() and editor.document_id == document
    assert editor.editors["title"].edit.text() == "A title typed with care"
    assert editor.problem.isVisibleTo(editor) and editor.heading.text() == "Edits of a deleted document"
    assert editor.problem.text().startswith(f"“{title}” was deleted while you were editing it")
    window.resize(1024, 600)
    window.grab().save(str(screenshots / "details-deleted-meanwhile-1024x600.png"))
    editor.copy_button.click()
    copied = QGuiApplication.clipboard().text()
    assert "Title: A title typed with care" in copied and "Summary: A summary typed with care." in copied
    editor.save()  # still in the trash: refused, and the form keeps it all
    settle(window, qtbot)
    assert editor.isVisible() and editor.editors["title"].edit.text() == "A title typed with care"
    assert editor.problem.isVisibleTo(editor)
    editor.cancel()
    assert not editor.isVisible() and window.panel.details.isVisible()
    window.curating.details.edit()  # another document's form: nothing of the deleted one
    assert editor.heading.text() == "Edit details" and not editor.copy_button.isVisible()


def test_a_document_deleted_meanwhile_is_said_in_russian(qtbot, seeded, settings, screenshots):
    from viewer.core.store import Archive
    from viewer.gui import i18n
    from viewer.gui.main_window import MainWindow

    from .helpers import shown

    i18n.install("ru")
    try:
        window = shown(qtbot, MainWindow(seeded.path, settings=settings, restore=False), (1024, 600))
        document = seed_id(seeded, "001")
        title = seeded.record(document).title
        editor = open_editor(window, qtbot, "001")
        editor.editors["summary"].edit.setPlainText("Краткое содержание, набранное с заботой.")
        with Archive(seeded.path) as other:
            other.delete_documents([document], "someone else")
        assert window.check_for_changes()
        assert editor.heading.text() == "Правка удалённого документа"
        assert editor.problem.text().startswith(f"«{title}» удалён, пока вы его правили")
        assert editor.copy_button.text() == "Скопировать введённое" and editor.copy_button.isVisible()
        window.grab().save(str(screenshots / "details-deleted-meanwhile-ru-1024x600.png"))
        assert window.width() <= 1024
        window.close()
    finally:
        i18n.install("en")
