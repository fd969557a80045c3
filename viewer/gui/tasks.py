"""Long work off the GUI thread: a QThreadPool runner whose results come back as signals.

Workers never touch widgets and open their own archive connection (sqlite3 connections belong to
their thread). The pool is injected so a test or the screenshot command can wait for it.
"""

from __future__ import annotations

import threading
import traceback
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, Signal, Slot
from PySide6.QtWidgets import QProgressDialog, QWidget


class _Relay(QObject):
    """Carries a task's outcome to the thread that created it (a queued connection to its own slots).

    Signals: finished(object) with the result, failed(str) with the error text.
    """

    finished = Signal(object)
    failed = Signal(str)

    def __init__(
        self, on_done: Callable[[Any], None], on_error: Callable[[str], None] | None, forget: Callable[[_Relay], None]
    ):
        super().__init__()
        self.on_done, self.on_error, self.forget = on_done, on_error, forget
        self.finished.connect(self._deliver)
        self.failed.connect(self._report)

    @Slot(object)
    def _deliver(self, result: object) -> None:
        self.forget(self)
        self.on_done(result)

    @Slot(str)
    def _report(self, message: str) -> None:
        self.forget(self)
        if self.on_error:
            self.on_error(message)


class _Task(QRunnable):
    def __init__(self, function: Callable[[], Any], relay: _Relay):
        super().__init__()
        self.function = function
        self.relay = relay
        self.setAutoDelete(True)

    def run(self) -> None:
        try:
            result = self.function()
        except Exception as error:  # reported, never raised in a worker thread
            self.relay.failed.emit(f"{type(error).__name__}: {error}\n{traceback.format_exc(limit=3)}")
            return
        self.relay.finished.emit(result)


class TaskRunner(QObject):
    """Runs callables on a thread pool and calls back on the GUI thread."""

    def __init__(self, pool: QThreadPool | None = None, parent: QObject | None = None):
        super().__init__(parent)
        self.pool = pool or QThreadPool.globalInstance()
        self._relays: set[_Relay] = set()

    def run(
        self, function: Callable[[], Any], on_done: Callable[[Any], None], on_error: Callable[[str], None] | None = None
    ) -> None:
        relay = _Relay(on_done, on_error, self._relays.discard)
        self._relays.add(relay)
        self.pool.start(_Task(function, relay))

    def busy(self) -> bool:
        return bool(self._relays)

    def wait(self, msecs: int = 10000) -> bool:
        return self.pool.waitForDone(msecs)


def progress_dialog(
    parent: QWidget, name: str, title: str, label: str, maximum: int, cancelled: threading.Event
) -> QProgressDialog:
    """The window-modal, cancellable progress dialog of long work; Cancel sets ``cancelled``, which
    the worker polls between steps. It shows only if the work takes more than 300 ms."""
    dialog = QProgressDialog(label, "Cancel", 0, maximum, parent)
    dialog.setObjectName(name)
    dialog.setWindowTitle(title)
    dialog.setAccessibleName(f"{title} progress")
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setMinimumDuration(300)
    dialog.canceled.connect(cancelled.set)
    return dialog
