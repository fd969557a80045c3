"""The contentless full-text index stays exactly what a rebuild from the sources would make, after every
write path (issue 16).

FTS5 forgets a contentless row only when given the values it indexed; a path that changed a document
without the store noticing would leave the old words findable (or take the wrong ones out). Each test
runs one path on a real archive and compares every place the live index holds a word, and every
document's token counts, with an index built afresh in memory from ``search_columns``.
"""

from __future__ import annotations

import hashlib
import shutil
import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest

from viewer.core.importers.batch import import_all
from viewer.core.merge import merge_archives
from viewer.core.records import Text
from viewer.core.store import Archive
from viewer.core.store.copies import index_places
from viewer.core.store.schema_compact import SEARCH_TABLE

from ...conftest import SAMPLES
from ..conftest import edit_source

Index = tuple[set[tuple[str, int, str, int]], dict[int, bytes]]


def live_index(archive: Archive) -> Index:
    sizes = dict(archive.conn.execute("SELECT id, sz FROM search_docsize").fetchall())
    return set(index_places(archive.conn)), sizes


def rebuilt_index(archive: Archive) -> Index:
    """What the index would hold if rebuilt now: every document's columns, in a fresh FTS5 table."""
    fresh = sqlite3.connect(":memory:")
    try:
        fresh.execute(SEARCH_TABLE)
        for (document_id,) in archive.conn.execute("SELECT id FROM documents").fetchall():
            columns = archive.search_columns(document_id)
            fresh.execute(
                "INSERT INTO search (rowid, title, summary, body, names, refs) VALUES (?, ?, ?, ?, ?, ?)",
                (document_id, *columns),
            )
        return set(index_places(fresh)), dict(fresh.execute("SELECT id, sz FROM search_docsize").fetchall())
    finally:
        fresh.close()


def assert_in_step(archive: Archive) -> None:
    live, rebuilt = live_index(archive), rebuilt_index(archive)
    assert live[1] == rebuilt[1], "documents' token counts differ from a rebuild"
    assert not live[0] ^ rebuilt[0], f"index places differ from a rebuild: {sorted(live[0] ^ rebuilt[0])[:10]}"


def doc(archive: Archive, key: str) -> int:
    return archive.resolve_id(key)


def _correct_fields(a: Archive, folder: Path) -> None:
    a.correct(doc(a, "001"), {"title": "Telegram about the harbour", "summary": "Quite another summary"}, "t")
    a.correct(doc(a, "002"), {"date": {"start": "1951-02-01", "end": "1951-02-28"}, "source": "AVPRF f. 1"}, "t")
    a.correct_many([doc(a, "000"), doc(a, "003")], {"source": "RGASPI, fond 558"}, "t")


def _correct_people_and_numbers(a: Archive, folder: Path) -> None:
    d = doc(a, "001")
    a.correct(d, {"mentioned": [*a.field_value(d, "mentioned"), "Dzhugashvili", "Ким Ир Сен"]}, "t")
    a.correct(d, {"sender": []}, "t")
    a.correct(d, {"reference_numbers": [{"number": "777", "label": "No. 777", "role": "own"}]}, "t")


def _correct_texts(a: Archive, folder: Path) -> None:
    a.correct_text(doc(a, "000"), "transcript", "Entirely new words: reunification postponed.", "t")
    a.correct_text(doc(a, "001"), "notes", "A note of the archivist about Pyongyang", "t")
    a.correct_text(doc(a, "001"), "notes", "", "t")


def _undo_and_redo(a: Archive, folder: Path) -> None:
    _correct_fields(a, folder)
    _correct_texts(a, folder)
    a.merge_persons("Molotov", "Vyshinsky", "t")
    for _ in range(6):
        a.undo_last("t")
    for _ in range(3):
        a.redo_last("t")


def _people(a: Archive, folder: Path) -> None:
    a.merge_persons("Molotov", "Vyshinsky", "t")
    a.add_alias("Stalin", "Koba", "t")
    a.set_entity_kind("Mao Zedong", "organization", "t")
    a.undo_last("t")


def _rename_an_entity(a: Archive, folder: Path) -> None:
    """No command renames an entry yet; a write through the store's connection is noticed all the same."""
    with a.transaction():
        a.conn.execute("UPDATE entities SET name = 'Iosif Stalin' WHERE name = 'Stalin'")


def _trash_restore_purge(a: Archive, folder: Path) -> None:
    a.delete_documents([doc(a, "001"), doc(a, "002")], "t")
    assert_in_step(a)
    a.restore_documents([doc_id for doc_id in (e.document_id for e in a.trash())][:1], "t")
    assert_in_step(a)
    a.empty_trash("t")
    a.delete_document(doc(a, "003"))


def _reimport(a: Archive, folder: Path) -> None:
    a.correct(doc(a, "001"), {"title": "Kept by the archivist"}, "t")
    edit_source(next(folder.glob("001_*.txt")), "Korean comrades", "Manchurian comrades")
    edit_source(next(folder.glob("002_*.txt")), "Stalin", "Vasilevsky")
    summary = import_all(a, [folder])
    assert summary.count("updated") == 2, summary.results


def _machine_texts_and_pages(a: Archive, folder: Path) -> None:
    d = doc(a, "004")
    with a.transaction():
        data = b"%PDF-1.4 placeholder"
        file_id = a.store_file(hashlib.sha256(data).hexdigest(), "scan.pdf", "application/pdf", data)
        a.save_pages(d, file_id, [{"file_page": 0, "text": "page words Dalny"}, {"file_page": 1, "text": "more"}])
    with a.transaction():
        a.set_page_text(a.page_rows(d)[0].id, "read again: Port Arthur", "ocr", 80.0)
    with a.transaction():
        a.replace_machine_texts(d, [Text("transcript", "ru", "распознанный текст Дальний", "ocr", 71.0)])
        a.set_title_and_date(d, "A title read by OCR")


def _merge_archives(a: Archive, folder: Path) -> None:
    other_folder = folder.parent / "other"
    other_folder.mkdir()
    for path in sorted(SAMPLES.glob("00[34]_*.txt")):
        shutil.copy(path, other_folder)
    edit_source(next(other_folder.glob("003_*.txt")), "Pyongyang", "Wonsan")
    (other_folder / "005_reply.txt").write_text(
        "May 20, 1950\n\nTelegram from Mao Zedong to Stalin\n\nWe agree with your opinion on the treaty.\n",
        encoding="utf-8",
    )
    with Archive(folder.parent / "other.db") as other:
        import_all(other, [other_folder])
        other.correct(other.resolve_id("004"), {"title": "Bob's title"}, "bob")
    merge_archives(a, folder.parent / "other.db", "t")


PATHS: dict[str, Callable[[Archive, Path], None]] = {
    "fields": _correct_fields,
    "people and numbers": _correct_people_and_numbers,
    "texts": _correct_texts,
    "undo and redo": _undo_and_redo,
    "people": _people,
    "renamed entity": _rename_an_entity,
    "trash": _trash_restore_purge,
    "re-import": _reimport,
    "machine texts and pages": _machine_texts_and_pages,
    "merged archive": _merge_archives,
}


@pytest.mark.parametrize("path", PATHS.values(), ids=PATHS.keys())
def test_every_write_path_leaves_the_index_as_a_rebuild_would(editable, path):
    archive, folder = editable
    assert_in_step(archive)
    path(archive, folder)
    assert_in_step(archive)
    assert archive.index_drift() == (0, 0) and archive.check().ok


def test_the_comparison_sees_a_change_the_store_did_not_notice(editable):
    """Without the triggers a title edit leaves the old row in the index: both the comparison above
    and ``check`` must say so (else the tests above could not fail)."""
    archive, _folder = editable
    for (name,) in archive.conn.execute("SELECT name FROM temp.sqlite_master WHERE type = 'trigger'").fetchall():
        archive.conn.execute(f"DROP TRIGGER temp.{name}")
    archive.correct(doc(archive, "001"), {"title": "Unnoticed"}, "t")
    with pytest.raises(AssertionError):
        assert_in_step(archive)
    assert archive.index_drift() == (0, 1)
    archive.rebuild_index()
    assert_in_step(archive)


def test_a_wrong_delete_is_found_by_check(editable):
    """Deleting with values the index does not hold damages it quietly (FTS5 cannot tell): check finds it."""
    archive, _folder = editable
    d = doc(archive, "001")
    with archive.transaction():
        archive.conn.execute(
            "INSERT INTO search (search, rowid, title, summary, body, names, refs) "
            "VALUES ('delete', ?, 'not', 'what', 'it', 'holds', '')",
            (d,),
        )
    report = archive.check()
    assert not report.ok and report.figures["index_missing"] == 1
    assert archive.repair().ok
    assert_in_step(archive)
