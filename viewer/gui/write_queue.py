"""The window's own writes (annotations, notes, undo and redo), one at a time, off the GUI thread.

Another program writing to the archive makes a write wait (SQLite's busy timeout); on the GUI
thread that wait froze the window. So each write runs on the task runner's write pool with its own
connection, and comes back as success or as one sentence saying why it failed (the archive is busy,
the disk is full, the media is read-only). Requests wait here, not in the pool, because what an
undo undoes is decided when it runs, after the write before it has succeeded; a failure drops the
requests queued behind it, since they were asked for on the assumption that it would succeed.
"""

from __future__ import annotations

import sqlite3
from collections import deque
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import Any, NamedTuple

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal

from ..core.errors import ArchiveError
from ..core.store import Archive
from .messages import shown
from .tasks import TaskRunner

SLOW_MS = 400  # a write still running after this long is said to be waiting


class Write(NamedTuple):
    """One write: ``work`` runs on the write thread with its own archive connection; ``done`` gets its
    result and ``failed`` the reason, both on the GUI thread."""

    work: Callable[[Archive], Any]
    done: Callable[[Any], None]
    failed: Callable[[str], None]


class _Failed(NamedTuple):
    reason: str


def describe(error: BaseException) -> str:
    """Why a write failed, in words for the person at the keyboard."""
    name = getattr(error, "sqlite_errorname", "")
    if name.startswith(("SQLITE_BUSY", "SQLITE_LOCKED")):
        return QCoreApplication.translate(
            "WriteQueue", "the archive is busy: another program is writing to it. Try again in a moment"
        )
    if name.startswith("SQLITE_FULL"):
        return QCoreApplication.translate("WriteQueue", "the disk is full (or the archive reached its size limit)")
    if name.startswith("SQLITE_READONLY"):
        return QCoreApplication.translate(
            "WriteQueue", "the archive cannot be written: its file or its drive is read-only"
        )
    if name.startswith("SQLITE_IOERR"):
        return QCoreApplication.translate("WriteQueue", "the drive reported an error ({error})").format(error=error)
    if isinstance(error, OSError):
        return error.strerror or str(error)
    return shown(str(error))  # the core's refusal ("nothing to change: …") in the window's language


def _run(path: Path, work: Callable[[Archive], Any]) -> Any:
    """On the write thread: open the archive (never create it), check it can be written, write."""
    try:
        with Archive(path, create=False) as archive:
            if archive.readonly:
                reason = archive.readonly_reason
                return _Failed(
                    QCoreApplication.translate("WriteQueue", "the archive cannot be written: {reason}").format(
                        reason=shown(str(reason))
                    )
                )
            return work(archive)
    except (sqlite3.Error, ArchiveError, OSError) as error:
        return _Failed(describe(error))


class WriteQueue(QObject):
    """Writes in the order they were asked for, one at a time, on the runner's write pool.

    ``archive_path`` is asked when a write starts, so another archive opened in the window is the
    one written to. Signals: waiting(bool) while a write has been waiting longer than SLOW_MS.
    """

    waiting = Signal(bool)

    def __init__(self, runner: TaskRunner, archive_path: Callable[[], Path], parent: QObject | None = None):
        super().__init__(parent)
        self.runner, self.archive_path = runner, archive_path
        self._plans: deque[Callable[[], Write | None]] = deque()
        self._running = False
        self._slow = QTimer(self)
        self._slow.setSingleShot(True)
        self._slow.setInterval(SLOW_MS)
        self._slow.timeout.connect(lambda: self.waiting.emit(True))

    def submit(self, plan: Callable[[], Write | None]) -> None:
        """Queue a write; ``plan`` is called when its turn comes and returns the Write (or None when
        there is nothing to do any more)."""
        self._plans.append(plan)
        self._next()

    def busy(self) -> bool:
        return self._running or bool(self._plans)

    def _next(self) -> None:
        while not self._running and self._plans:
            write = self._plans.popleft()()
            if write is None:
                continue
            self._running = True
            self._slow.start()
            path = self.archive_path()
            self.runner.run(
                partial(_run, path, write.work),
                partial(self._ended, write),
                partial(self._failed, write),
                write=True,
            )

    def _failed(self, write: Write, message: str) -> None:
        self._ended(write, _Failed(message.splitlines()[0]))

    def _ended(self, write: Write, outcome: Any) -> None:
        self._running = False
        self._slow.stop()
        self.waiting.emit(False)
        if isinstance(outcome, _Failed):
            self._plans.clear()  # asked for on the assumption that this one would succeed
            write.failed(outcome.reason)
        else:
            write.done(outcome)
        self._next()
