"""The window and a command-line import on the same archive at the same time."""

from __future__ import annotations

import subprocess
import sys

from ..conftest import SAMPLES


def test_window_notices_documents_imported_by_another_process(window, tmp_path):
    before = window.model.rowCount()
    folder = tmp_path / "more"
    folder.mkdir()
    seed = (SAMPLES / "003_8eea2ab9ee4e7676.txt").read_text("utf-8")
    for number in range(3):
        (folder / f"extra-{number}.txt").write_text(seed.replace("Ri Ju-yeon", f"Ri Extra{number}"), "utf-8")
    assert window.check_for_changes() is False
    result = subprocess.run(
        [sys.executable, "-m", "viewer", "--db", str(window.archive.path), "import", str(folder)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert "3 imported" in result.stdout
    assert window.check_for_changes() is True  # the two-second timer calls this
    assert window.model.rowCount() == before + 3
    assert window.archive.search("Extra1").total == 1
    assert window.watch_timer.isActive() and window.watch_timer.interval() == 2000


def test_writing_commands_follow_the_archive(qtbot, window, seeded, settings, screenshots):
    from viewer.gui.main_window import WRITING_ACTIONS, MainWindow

    assert all(window.registry[name].isEnabled() for name in WRITING_ACTIONS)
    assert window.read_only_note.text() == ""
    reader = MainWindow(seeded.path, settings=settings, restore=False, readonly=True)
    qtbot.addWidget(reader)
    reader.resize(1280, 800)
    reader.show()
    assert reader.archive.readonly
    assert not any(reader.registry[name].isEnabled() for name in WRITING_ACTIONS)
    assert reader.read_only_note.text() == "Read-only: the archive was opened for reading only"
    assert not reader.panel.scan_missing.button.isEnabled()
    assert window.registry["import"].isEnabled()  # the other window keeps writing
    reader.grab().save(str(screenshots / "window-read-only.png"))
    reader.runner.wait(5000)
