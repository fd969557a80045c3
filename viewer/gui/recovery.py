"""When the window cannot open its archive: the file is missing, damaged, or not an archive.

Nothing is created or written on the way: a missing path stays missing until the person chooses
New Archive…, and a damaged file is only ever read. A partly damaged archive may open and then fail
on its first queries (the filter counts, the first document); those failures, raised in slots while
the window is built, count as a failure to open, so the same dialog comes up instead of a traceback.
"""

from __future__ import annotations

import sqlite3
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QMessageBox, QPushButton

from .. import APP_NAME
from ..core.errors import ArchiveError, ArchiveMissing
from . import plain
from .messages import shown

if TYPE_CHECKING:
    from .main_window import MainWindow


class Choice(NamedTuple):
    """The archive to try next, and whether it is to be made (New Archive…)."""

    path: Path
    create: bool = False


def problem_text(path: Path, error: BaseException) -> str:
    """What went wrong, for the dialog: one sentence first, then what can be done."""
    if isinstance(error, ArchiveMissing):
        return QCoreApplication.translate(
            "Recovery",
            "The archive is missing:\n{path}\n\nIt may be on a drive that is not connected, or its name may be "
            "mistyped. Nothing was created.\nOpen another archive, or make a new one.",
        ).format(path=path)
    if isinstance(error, sqlite3.DatabaseError):
        return QCoreApplication.translate(
            "Recovery",
            "The archive is damaged:\n{path}\n\n({error}.) Restore its latest backup or open another archive; "
            "the damaged file is not written to.",
        ).format(path=path, error=error)
    return QCoreApplication.translate("Recovery", "The archive cannot be opened.\n\n{error}").format(
        error=shown(str(error))
    )


def recovery_box(path: Path, error: BaseException) -> tuple[QMessageBox, dict[str, QPushButton], Path | None]:
    """The dialog and its buttons by name (restore, open, new, quit), and the backup it would restore."""
    from ..core.maintenance import latest_backup

    box = plain.message_box(
        None, QMessageBox.Icon.Warning, APP_NAME, problem_text(path, error), QMessageBox.StandardButton.NoButton
    )
    box.setObjectName("recovery")
    backup = latest_backup(path)
    buttons = {
        "restore": box.addButton(
            QCoreApplication.translate("Recovery", "Restore backup of {when}").format(when=backup.stem[-15:])
            if backup
            else QCoreApplication.translate("Recovery", "Restore backup"),
            QMessageBox.ButtonRole.AcceptRole,
        ),
        "open": box.addButton(
            QCoreApplication.translate("Recovery", "Open Another…"), QMessageBox.ButtonRole.ActionRole
        ),
        "new": box.addButton(QCoreApplication.translate("Recovery", "New Archive…"), QMessageBox.ButtonRole.ActionRole),
        "quit": box.addButton(QCoreApplication.translate("Recovery", "Quit"), QMessageBox.ButtonRole.RejectRole),
    }
    for name, button in buttons.items():
        button.setObjectName(f"recovery_{name}")
    buttons["restore"].setEnabled(backup is not None)
    box.setDefaultButton(buttons["open"] if backup is None else buttons["restore"])
    return box, buttons, backup


def recover(path: Path, error: BaseException) -> Choice | None:
    """The way out when an archive cannot be opened: restore its latest backup, open another
    archive or start a new one. Returns the archive to try next, or None to quit."""
    from ..core.maintenance import restore

    box, buttons, backup = recovery_box(path, error)
    box.exec()
    clicked = box.clickedButton()
    box.deleteLater()
    if clicked is buttons["restore"] and backup is not None:
        try:
            kept = restore(backup, path)
        except ArchiveError as failure:
            plain.warn(None, APP_NAME, shown(str(failure)))
            return Choice(path)  # the same dialog again, with the reason of the failed restore
        plain.inform(
            None,
            APP_NAME,
            QCoreApplication.translate("Recovery", "Restored {name} from {backup}.").format(
                name=path.name, backup=backup.name
            )
            + (
                "\n"
                + QCoreApplication.translate("Recovery", "The damaged file was kept as {name}.").format(name=kept.name)
                if kept
                else ""
            ),
        )
        return Choice(path)
    folder = str(path.parent if path.parent.is_dir() else Path.home())
    if clicked is buttons["open"]:
        name, _ = QFileDialog.getOpenFileName(
            None,
            QCoreApplication.translate("Recovery", "Open Archive"),
            folder,
            QCoreApplication.translate("Recovery", "Archives (*.db);;All files (*)"),
        )
        return Choice(Path(name)) if name else None
    if clicked is buttons["new"]:
        suggested = str(Path(folder) / "new-archive.db")
        name, _ = QFileDialog.getSaveFileName(
            None,
            QCoreApplication.translate("Recovery", "New Archive"),
            suggested,
            QCoreApplication.translate("Recovery", "Archives (*.db)"),
        )
        return Choice(Path(name), create=not Path(name).exists()) if name else None
    return None


@contextmanager
def _damage_in_slots() -> Iterator[list[BaseException]]:
    """Collect the database errors raised in slots (PySide hands them to sys.excepthook) while the
    window is built; other exceptions go on to the hook as before."""
    caught: list[BaseException] = []
    previous = sys.excepthook

    def hook(kind, error, trace) -> None:
        if isinstance(error, sqlite3.DatabaseError) and not isinstance(error, sqlite3.OperationalError):
            caught.append(error)
        else:
            previous(kind, error, trace)

    sys.excepthook = hook
    try:
        yield caught
    finally:
        sys.excepthook = previous


def open_window(path: Path, create: bool = False, **options: object) -> MainWindow | None:
    """The window on ``path``; when the archive cannot be opened (missing, damaged, not ours), the
    recovery dialog instead, until the person opens something or quits (None). ``create`` makes the
    archive if the path holds none (New Archive…); otherwise a missing path is never created."""
    from .main_window import MainWindow

    while True:
        problem: BaseException | None = None
        with _damage_in_slots() as caught:
            try:
                window = MainWindow(path, create=create, **options)  # type: ignore[arg-type]
                window.runner.wait(5000)  # the counts that run on workers report back before we judge
            except (ArchiveError, sqlite3.DatabaseError) as error:
                problem = error
        if problem is None and caught:
            problem = caught[0]
            window.runner.wait(5000)
            window.archive.close()
            window.deleteLater()
        if problem is None:
            return window
        choice = recover(path, problem)
        if choice is None:
            return None
        path, create = choice
