"""Starting the window: the QApplication with our names, fonts for every script, and run()."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtWidgets import QApplication

from .. import APP_ID, APP_NAME, ORG_NAME, __version__
from . import accessibility, fonts


def create_app(argv: list[str] | None = None) -> QApplication:
    """The one QApplication (reused if it exists), named, with the fallback font installed."""
    app = QApplication.instance()
    if app is None:
        app = QApplication(argv if argv is not None else sys.argv[:1])
    if not isinstance(app, QApplication):  # a bare QCoreApplication made elsewhere cannot show a window
        raise RuntimeError("a QCoreApplication is running; the window needs a QApplication")
    app.setApplicationName(APP_NAME)
    app.setOrganizationName(ORG_NAME)
    app.setApplicationVersion(__version__)
    app.setDesktopFileName(APP_ID)
    from PySide6.QtGui import QIcon  # the icon rendered from resources/icons/archive-viewer.svg

    from ..paths import resources_dir

    app.setWindowIcon(QIcon(str(resources_dir() / "icons" / "archive-viewer.png")))
    fonts.install(app)
    accessibility.install(app)  # a visible focus on lists and text views; no focus stop nobody can see
    return app


def run(db_path: str | Path, language: str | None = None) -> int:
    """Open the window on an archive and run until it closes; returns the exit status. An archive
    that is missing, damaged or not ours brings up the recovery dialog (recovery.py); nothing is
    created unless the person asks for a new archive. ``language`` (en, ru) overrides View ▸ Language."""
    from . import i18n
    from .recovery import open_window
    from .settings import open_settings

    app = create_app(sys.argv[:1])
    i18n.install(i18n.resolve(language, open_settings()))
    window = open_window(Path(db_path))
    if window is None:
        return 2
    window.show()
    if not window.archive.readonly:
        from ..core.maintenance import daily_backup_of

        path = window.archive.path
        window.runner.run(lambda: daily_backup_of(path), lambda _made: None)
    return app.exec()
