"""GUI fixtures: the real window on a real archive file, settings kept in tmp_path, screenshots saved
for people to look at (never compared)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings

SCREENSHOTS = Path(__file__).resolve().parent.parent / "screenshots"


@pytest.fixture(scope="session", autouse=True)
def _app(qapp):
    """Our application setup (names, fallback font) on pytest-qt's QApplication."""
    from viewer.gui.app import create_app

    return create_app()


@pytest.fixture
def settings(tmp_path: Path) -> QSettings:
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def window(qtbot, seeded, settings):
    """The main window on the five seeds, 1280×800, shown offscreen."""
    from viewer.gui.main_window import MainWindow

    from .helpers import shown

    main = shown(qtbot, MainWindow(seeded.path, settings=settings), (1280, 800))
    yield main
    main.runner.wait(5000)


@pytest.fixture
def screenshots() -> Path:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    return SCREENSHOTS
