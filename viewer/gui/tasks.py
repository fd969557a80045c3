"""Long work off the GUI thread: one task runner whose results come back as signals.

Reads run on a thread pool; writes to the archive run on a pool of ONE thread, so they happen one
after another in the order they were asked for. Workers never touch widgets and open their own
archive connection (sqlite3 connections belong to their thread). The runner is injected, so a test
or the screenshot command can wait for it, or build it with ``synchronous=True`` to run every task
at once on the calling thread.
"""

from __future__ import annotations

import threading
import traceback
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import (
    QCoreApplication,
    QDeadlineTimer,
    QEventLoop,
    QObject,
    QRunnable,
    Qt,
    QThreadPool,
    Signal,
    Slot,
)
from PySide6.QtWidgets import QApplication, QLabel, QProgressDialog, QWidget


class _Relay(QObject):
    """Carries a task's outcome to the thread that created it (a queued connection to its own slots).

    Signals: finished(object) with the result, failed(str) with the error text.
    """

    finished = Signal(object)
    failed = Signal(str)

    def __init__(
        self,
        on_done: Callable[[Any], object],
        on_error: Callable[[str], object] | None,
        forget: Callable[[_Relay], None],
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


class _Runnable(QRunnable):
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


class _InPlace:
    """A stand-in for a thread pool that runs each task at once on the calling thread (tests)."""

    def start(self, runnable: QRunnable) -> None:
        runnable.run()

    def waitForDone(self, _msecs: int = -1) -> bool:  # QThreadPool's name and signature
        return True


class Task(QObject):
    """One piece of long work with progress and a way to stop it, started by ``TaskRunner.start``.

    The worker calls ``report`` between steps and stops when ``cancelled`` is set. The signals
    arrive on the GUI thread, always through its event loop (even from a synchronous runner), so a
    caller connects to them after ``start`` returns.

    Signals: advanced(int, int, str) with done, total and what is being done; finished(object)
    with the work's result; failed(str) with the error text.
    """

    advanced = Signal(int, int, str)
    finished = Signal(object)
    failed = Signal(str)
    _reported = Signal(int, int, str)
    _ended = Signal(bool, object)

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self.cancelled = threading.Event()
        queued = Qt.ConnectionType.QueuedConnection
        self._reported.connect(self._advance, queued)
        self._ended.connect(self._end, queued)

    def cancel(self) -> None:
        """Ask the worker to stop at its next step (the Cancel button of a progress dialog)."""
        self.cancelled.set()

    def report(self, done: int, total: int, message: str = "") -> None:
        """Progress, from the worker's thread."""
        self._reported.emit(done, total, message)

    @Slot(int, int, str)
    def _advance(self, done: int, total: int, message: str) -> None:
        self.advanced.emit(done, total, message)

    @Slot(bool, object)
    def _end(self, ok: bool, outcome: object) -> None:
        if ok:
            self.finished.emit(outcome)
        else:
            self.failed.emit(str(outcome))


class TaskRunner(QObject):
    """Runs callables on a thread pool, writes on a one-thread pool, and calls back on the GUI thread."""

    def __init__(self, pool: QThreadPool | None = None, parent: QObject | None = None, synchronous: bool = False):
        super().__init__(parent)
        self.pool: QThreadPool | _InPlace
        self.write_pool: QThreadPool | _InPlace
        if synchronous:
            self.pool, self.write_pool = _InPlace(), _InPlace()
        else:
            self.pool = pool or QThreadPool.globalInstance()
            self.write_pool = QThreadPool(self)
            self.write_pool.setMaxThreadCount(1)  # writes in the order they were asked for
        self._relays: set[_Relay] = set()

    def run(
        self,
        function: Callable[[], Any],
        on_done: Callable[[Any], object],
        on_error: Callable[[str], object] | None = None,
        write: bool = False,
    ) -> None:
        """Run ``function`` on a worker (the write pool when it writes to the archive); ``on_done``
        gets its result, ``on_error`` the error text, both on the thread that called ``run``."""
        relay = _Relay(on_done, on_error, self._relays.discard)
        self._relays.add(relay)
        (self.write_pool if write else self.pool).start(_Runnable(function, relay))

    def start(self, work: Callable[[Task], Any], write: bool = False) -> Task:
        """Run ``work(task)`` on a worker and return the task: its signals report progress and the end,
        ``task.cancel()`` asks the work to stop. Connect to the task before the event loop runs on."""
        task = Task(self)
        self.run(
            lambda: work(task),
            lambda result: task._ended.emit(True, result),
            lambda message: task._ended.emit(False, message),
            write=write,
        )
        return task

    def busy(self) -> bool:
        return bool(self._relays)

    def wait(self, msecs: int = 10000) -> bool:
        """Wait for the writes, then the reads; False if they were not all done in time."""
        return self.write_pool.waitForDone(msecs) and self.pool.waitForDone(msecs)


def progress_dialog(
    parent: QWidget | None, name: str, title: str, label: str, maximum: int, task: Task
) -> QProgressDialog:
    """The window-modal, cancellable progress dialog of a task: it follows the task's progress (the
    label says what ``advanced`` reports), Cancel cancels the task, and it goes when the task ends.
    It shows only if the work takes more than 300 ms."""
    dialog = QProgressDialog(label, QCoreApplication.translate("Tasks", "Cancel"), 0, maximum, parent)
    text = QLabel(label, dialog)
    text.setTextFormat(Qt.TextFormat.PlainText)  # progress names files, whose names are not markup
    dialog.setLabel(text)
    dialog.setObjectName(name)
    dialog.setWindowTitle(title)
    dialog.setAccessibleName(QCoreApplication.translate("Tasks", "{title} progress").format(title=title))
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setMinimumDuration(300)
    dialog.canceled.connect(task.cancel)

    def advanced(done: int, total: int, message: str) -> None:
        # the text first: setValue of a modal dialog shown runs the events, and so the later steps, in it
        dialog.setLabelText(message)
        # 0 of 0: work without a count (a busy bar), shown again if the count's end closed the dialog
        dialog.setMaximum(0 if done == total == 0 else max(total, 1))
        dialog.setValue(done)

    def ended(_outcome: object) -> None:
        dialog.reset()
        dialog.deleteLater()

    task.advanced.connect(advanced)
    task.finished.connect(ended)
    task.failed.connect(ended)
    return dialog


def settle(runner: TaskRunner, timeout_ms: int = 10000, busy: Callable[[], bool] = lambda: False) -> None:
    """Process events until the runner's work has come back and ``busy`` (other pending work, such as
    scan renders about to be asked for) says no more, or the time is up: before a screenshot."""
    deadline = QDeadlineTimer(timeout_ms)
    while not deadline.hasExpired():
        QApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)
        if not runner.busy() and not busy():
            QApplication.processEvents()
            if not runner.busy():
                break
        runner.wait(20)
