"""Rendering the window offscreen to a PNG: for tests, documentation and checking by eye."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtGui import QPixmap

from ..core.errors import ArchiveError
from . import i18n
from .tasks import settle


def grab(window) -> QPixmap:
    """The window once its background work (list, counts, scan renders) has come back."""
    settle(window.runner, busy=window.panel.scan.busy)
    return window.grab()


def render(
    db_path: str | Path,
    out_path: str | Path,
    document: str | None = None,
    tab: str | None = None,
    size: tuple[int, int] = (1280, 800),
    language: str = "en",
) -> Path:
    """Build the window on the archive offscreen, open a document and tab, and save a PNG; the
    interface speaks ``language`` (en, ru)."""
    from PySide6.QtWidgets import QApplication

    if QApplication.instance() is None:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from .app import create_app
    from .document_parts import TABS
    from .main_window import MainWindow

    if tab is not None and tab.lower() not in TABS:
        raise ArchiveError(f"no tab “{tab}”: choose one of {', '.join(TABS)}")
    if not Path(db_path).exists():
        raise ArchiveError(f"{db_path}: no such archive")
    create_app()
    previous = i18n.current()
    i18n.install(language)
    out = Path(out_path)
    with tempfile.TemporaryDirectory() as folder:
        settings = QSettings(str(Path(folder) / "settings.ini"), QSettings.Format.IniFormat)
        window = MainWindow(db_path, settings=settings, restore=False)
        try:
            window.resize(*size)
            window.show()
            if document:
                document_id = window.archive.resolve_id(document)
                if document_id is None:
                    raise ArchiveError(f"no document “{document}” in {db_path}")
                window.open_document(document_id)
            if tab:
                window.panel.show_tab(tab.lower())
            if not grab(window).save(str(out)):
                raise ArchiveError(f"{out}: could not write the PNG")
        finally:
            window.close()
            window.deleteLater()
            i18n.install(previous)
    return out
