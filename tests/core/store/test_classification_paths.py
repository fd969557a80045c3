"""documents.classification_group is what viewer.core.classification.normalise makes of the spelling,
after every path that writes a classification (issue 18): a correction of one or several documents,
undo and redo, the trash and its restore, a re-import (keeping a correction), a catalogue row of a
spreadsheet, another archive's JSON export with its corrections, a merge of another archive."""

from __future__ import annotations

import csv
import json
from collections.abc import Callable
from pathlib import Path

import pytest

from viewer.core.classification import normalise
from viewer.core.exporters import Chosen, export_documents
from viewer.core.importers.batch import import_all
from viewer.core.merge import merge_archives
from viewer.core.store import Archive

from ..conftest import another_archive_of, edit_source
from .test_index_consistency import doc


def assert_groups_follow_spellings(archive: Archive) -> None:
    rows = archive.conn.execute("SELECT id, classification, classification_group FROM documents").fetchall()
    assert [(i, normalise(c)) for i, c, _g in rows] == [(i, g) for i, _c, g in rows]
    for (snapshot,) in archive.conn.execute("SELECT snapshot FROM trash").fetchall():
        for row in json.loads(snapshot)["documents"]:
            assert row["classification_group"] == normalise(row["classification"])


def _corrections_undo_redo(a: Archive, folder: Path) -> None:
    a.correct(doc(a, "001"), {"classification": "СЕКРЕТНО"}, "t")  # Top Secret -> Secret
    a.correct_many([doc(a, "000"), doc(a, "002")], {"classification": "TOP  SECRET"}, "t")  # none -> Top Secret
    assert_groups_follow_spellings(a)
    a.undo_last("t")
    a.undo_last("t")
    assert (
        a.conn.execute("SELECT classification_group FROM documents WHERE id = ?", (doc(a, "000"),)).fetchone()[0]
        is None
    )
    assert_groups_follow_spellings(a)
    a.redo_last("t")


def _trash_and_restore(a: Archive, folder: Path) -> None:
    d = doc(a, "003")
    a.correct(d, {"classification": "Secret"}, "t")
    a.delete_documents([d], "t")
    assert_groups_follow_spellings(a)
    a.restore_documents([d], "t")
    a.delete_documents([doc(a, "004")], "t")
    a.undo_last("t")


def _reimport(a: Archive, folder: Path) -> None:
    a.correct(doc(a, "001"), {"classification": "Confidential"}, "t")  # kept over the file's Top Secret
    path = next(folder.glob("003_*.txt"))
    text = path.read_text("utf-8")
    current = a.record(doc(a, "003")).classification
    assert current and current in text
    edit_source(path, current, "Strictly confidential")
    edit_source(next(folder.glob("001_*.txt")), "Korean comrades", "Manchurian comrades")
    assert import_all(a, [folder]).count("updated") == 2


def _catalogue_row(a: Archive, folder: Path) -> None:
    sheet = folder.parent / "classes.csv"
    with sheet.open("w", encoding="utf-8", newline="") as stream:
        writer = csv.writer(stream)
        writer.writerow(["key", "classification"])
        writer.writerow([a.record(doc(a, "002")).key, "СЕКРЕТНО"])
    assert [r.outcome for r in import_all(a, [sheet]).results] == ["updated"]


def _json_export_with_corrections(a: Archive, folder: Path) -> None:
    with Archive(folder.parent / "other.db") as other:
        import_all(other, [folder])
        other.correct(doc(other, "004"), {"classification": "Restricted"}, "bob")
        list(export_documents(other, Chosen(everything=True), "json", folder.parent / "other.json"))
    import_all(a, [folder.parent / "other.json"])
    assert a.record(doc(a, "004")).classification == "Restricted"


def _merged_archive(a: Archive, folder: Path) -> None:
    other = another_archive_of(
        folder, lambda other: other.correct(doc(other, "000"), {"classification": "Совершенно секретно"}, "bob")
    )
    merge_archives(a, other, "t")
    assert a.record(doc(a, "000")).classification == "Совершенно секретно"


PATHS: dict[str, Callable[[Archive, Path], None]] = {
    "corrections, undo and redo": _corrections_undo_redo,
    "trash and restore": _trash_and_restore,
    "re-import": _reimport,
    "catalogue row": _catalogue_row,
    "JSON export with corrections": _json_export_with_corrections,
    "merged archive": _merged_archive,
}


@pytest.mark.parametrize("path", PATHS.values(), ids=PATHS.keys())
def test_every_writer_of_a_classification_keeps_its_group(editable, path):
    archive, folder = editable
    assert_groups_follow_spellings(archive)
    path(archive, folder)
    assert_groups_follow_spellings(archive)
