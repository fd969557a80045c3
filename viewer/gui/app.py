"""Starting the window: the QApplication with our names, fonts for every script, and run()."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtWidgets import QApplication, QMessageBox

from .. import APP_ID, APP_NAME, ORG_NAME, __version__
from . import fonts


def create_app(argv: list[str] | None = None) -> QApplication:
    """The one QApplication (reused if it exists), named, with the fallback font installed."""
    app = QApplication.instance()
    if app is None:
        app = QApplication(argv if argv is not None else sys.argv[:1])
    app.setApplicationName(APP_NAME)
    app.setOrganizationName(ORG_NAME)
    app.setApplicationVersion(__version__)
    app.setDesktopFileName(APP_ID)
    from PySide6.QtGui import QIcon  # the icon rendered from resources/icons/archive-viewer.svg

    from ..paths import resources_dir

    app.setWindowIcon(QIcon(str(resources_dir() / "icons" / "archive-viewer.png")))
    fonts.install(app)
    return app  # type: ignore[return-value]


def run(db_path: str | Path) -> int:
    """Open the window on an archive and run until it closes; returns the exit status."""
    from ..core.errors import ArchiveError
    from .main_window import MainWindow

    app = create_app(sys.argv[:1])
    path = Path(db_path)
    path.parent.mkdir(parents=True, exist_ok=True)
    while True:
        try:
            window = MainWindow(path)
            break
        except ArchiveError as error:
            chosen = recover(path, str(error))
            if chosen is None:
                return 2
            path = chosen
    window.show()
    if not window.archive.readonly:
        from ..core.maintenance import daily_backup_of

        window.runner.run(lambda: daily_backup_of(path), lambda _made: None)
    return app.exec()


def recover(path: Path, problem: str) -> Path | None:
    """The way out when an archive cannot be opened: restore its latest backup, open it read-only,
    open another archive or start a new one. Returns the archive to try next, or None to quit.
    The damaged file itself is never written to."""
    from PySide6.QtWidgets import QFileDialog

    from ..core.maintenance import latest_backup, restore
    from .plain import inform, message_box

    box = message_box(
        None,
        QMessageBox.Icon.Warning,
        APP_NAME,
        f"The archive cannot be opened.\n\n{problem}",
        QMessageBox.StandardButton.NoButton,
    )
    backup = latest_backup(path) if path.exists() else None
    restore_button = box.addButton(
        f"Restore backup of {backup.stem[-15:]}" if backup else "Restore backup", QMessageBox.ButtonRole.AcceptRole
    )
    restore_button.setEnabled(backup is not None)
    other = box.addButton("Open Another…", QMessageBox.ButtonRole.ActionRole)
    fresh = box.addButton("New Archive…", QMessageBox.ButtonRole.ActionRole)
    box.addButton(QMessageBox.StandardButton.Close)
    box.exec()
    clicked = box.clickedButton()
    if clicked is restore_button and backup is not None:
        kept = restore(backup, path)
        inform(
            None,
            APP_NAME,
            f"Restored {path.name} from {backup.name}."
            + (f"\nThe damaged file was kept as {kept.name}." if kept else ""),
        )
        return path
    if clicked is other:
        name, _ = QFileDialog.getOpenFileName(None, "Open Archive", str(path.parent), "Archives (*.db);;All files (*)")
        return Path(name) if name else None
    if clicked is fresh:
        name, _ = QFileDialog.getSaveFileName(
            None, "New Archive", str(path.parent / "new-archive.db"), "Archives (*.db)"
        )
        return Path(name) if name else None
    return None
