"""Opening the window on an archive that is missing or damaged: nothing is created or written, and
the recovery dialog offers a way out (a new archive, another one, a backup) instead of a traceback."""

from __future__ import annotations

import hashlib
import shutil
import sqlite3
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox, QPushButton

from viewer.core.errors import ArchiveMissing
from viewer.gui.main_window import MainWindow
from viewer.gui.recovery import open_window


def answer(button: str, seen: list[str]) -> None:
    """Click ``button`` in the recovery dialog once it shows, and keep its text."""

    def click() -> None:
        boxes = [
            w
            for w in QApplication.topLevelWidgets()
            if isinstance(w, QMessageBox) and w.objectName() == "recovery" and w.isVisible()
        ]
        if not boxes:
            QTimer.singleShot(10, click)
            return
        seen.append(boxes[0].text())
        boxes[0].findChild(QPushButton, f"recovery_{button}").click()

    QTimer.singleShot(0, click)


def test_the_window_never_creates_a_missing_archive(tmp_path, settings):
    for missing in (tmp_path / "typo.db", tmp_path / "unplugged" / "archive.db"):
        with pytest.raises(ArchiveMissing):
            MainWindow(missing, settings=settings)
        assert not missing.exists() and not missing.parent.joinpath(missing.name + "-wal").exists()
    assert not (tmp_path / "unplugged").exists()


def test_a_missing_archive_offers_a_new_one(qtbot, tmp_path, settings, monkeypatch):
    missing = tmp_path / "unplugged" / "archive.db"
    fresh = tmp_path / "fresh.db"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args, **kwargs: (str(fresh), ""))
    seen: list[str] = []
    answer("new", seen)
    window = open_window(missing, settings=settings)
    assert window is not None
    qtbot.addWidget(window)
    assert "archive is missing" in seen[0] and str(missing) in seen[0] and "Nothing was created" in seen[0]
    assert window.archive.path == fresh and fresh.exists() and window.model.rowCount() == 0
    assert not missing.exists() and not missing.parent.exists()
    window.runner.wait(5000)


def test_a_missing_archive_offers_another(qtbot, tmp_path, settings, seeded, monkeypatch):
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *args, **kwargs: (str(seeded.path), ""))
    seen: list[str] = []
    answer("open", seen)
    window = open_window(tmp_path / "typo.db", settings=settings)
    qtbot.addWidget(window)
    assert window.archive.path == seeded.path and window.model.rowCount() == 5
    assert not (tmp_path / "typo.db").exists()
    window.runner.wait(5000)


def test_file_new_archive_makes_one_and_opens_it(window, tmp_path, monkeypatch):
    fresh = tmp_path / "second.db"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args, **kwargs: (str(fresh), ""))
    assert window.registry["new_archive"] in window.menuBar().actions()[0].menu().actions()
    window.registry["new_archive"].trigger()
    assert window.archive.path == fresh and window.model.rowCount() == 0


def damaged_copy(seeded, tmp_path: Path, table: str) -> Path:
    """The seeds with one table's first page overwritten: the file opens, then that table fails."""
    seeded.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    copy = tmp_path / f"damaged-{table}.db"
    shutil.copy(seeded.path, copy)
    with sqlite3.connect(copy) as check:
        root = check.execute("SELECT rootpage FROM sqlite_master WHERE name = ?", (table,)).fetchone()[0]
        size = check.execute("PRAGMA page_size").fetchone()[0]
    check.close()
    with copy.open("r+b") as handle:
        handle.seek((root - 1) * size)
        handle.write(b"\xff" * size)
    return copy


@pytest.mark.parametrize(
    "table",
    [
        "entities",  # the filter counts fail while the window is built
        "document_entities",  # the first document fails, in a slot
        "documents_list",  # the list's rows fail, in a slot
    ],
)
def test_a_damaged_archive_brings_up_the_recovery_dialog(qtbot, tmp_path, settings, seeded, table):
    damaged = damaged_copy(seeded, tmp_path, table)
    before = hashlib.sha256(damaged.read_bytes()).hexdigest()
    seen: list[str] = []
    answer("quit", seen)
    assert open_window(damaged, settings=settings) is None
    assert seen and "damaged" in seen[0] and str(damaged) in seen[0]
    assert hashlib.sha256(damaged.read_bytes()).hexdigest() == before  # only ever read
