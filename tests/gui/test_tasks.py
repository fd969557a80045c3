"""The one task runner: reads on a pool, writes one after another, progress and cancel as signals."""

from __future__ import annotations

import threading
import time

import shiboken6
from PySide6.QtWidgets import QPushButton

from viewer.gui.tasks import Task, TaskRunner, progress_dialog


def test_writes_run_one_at_a_time_in_the_order_asked(qtbot):
    runner = TaskRunner()
    events: list[tuple[int, str]] = []
    gui_thread = threading.get_ident()
    threads: set[int] = set()

    def write(number: int) -> int:
        threads.add(threading.get_ident())
        events.append((number, "start"))
        time.sleep(0.03 * (4 - number))  # the first asked takes longest: a wider pool would interleave
        events.append((number, "end"))
        return number

    done: list[int] = []
    for number in range(4):
        runner.run(lambda n=number: write(n), done.append, write=True)
    qtbot.waitUntil(lambda: len(done) == 4, timeout=10000)
    assert runner.write_pool.maxThreadCount() == 1
    assert events == [(n, step) for n in range(4) for step in ("start", "end")]
    assert done == [0, 1, 2, 3]
    assert gui_thread not in threads
    assert not runner.busy()


def test_progress_reaches_the_gui_thread_and_cancel_stops_the_work(qtbot):
    runner = TaskRunner()
    go_on = threading.Event()
    seen: list[tuple[int, int, str, int]] = []

    def work(task: Task) -> int:
        steps = 0
        for step in range(1, 1001):
            if task.cancelled.is_set():
                break
            task.report(step, 1000, f"step {step}")
            steps = step
            go_on.wait(5)  # the test cancels after the first report, then lets the work go on
        return steps

    task = runner.start(work)

    def advanced(done: int, total: int, message: str) -> None:
        seen.append((done, total, message, threading.get_ident()))
        task.cancel()
        go_on.set()

    task.advanced.connect(advanced)
    with qtbot.waitSignal(task.finished, timeout=10000) as blocker:
        pass
    assert seen[0][:3] == (1, 1000, "step 1")
    assert all(thread == threading.get_ident() for *_, thread in seen)
    assert 1 <= blocker.args[0] < 1000  # stopped long before the end


def test_a_failure_comes_back_as_text(qtbot):
    runner = TaskRunner()

    def work(_task: Task) -> None:
        raise ValueError("the file is damaged")

    task = runner.start(work, write=True)
    with qtbot.waitSignal(task.failed, timeout=10000) as blocker:
        pass
    assert blocker.args[0].startswith("ValueError: the file is damaged")


def test_a_synchronous_runner_works_at_once_and_signals_through_the_event_loop(qtbot):
    runner = TaskRunner(synchronous=True)
    ran_on: list[int] = []
    results: list[object] = []
    runner.run(lambda: ran_on.append(threading.get_ident()) or "read", results.append)
    runner.run(lambda: "written", results.append, write=True)
    assert ran_on == [threading.get_ident()] and results == ["read", "written"]

    def work(task: Task) -> str:
        task.report(1, 1, "only step")
        return "done"

    task = runner.start(work)  # already worked; its signals are still to come
    advanced: list[tuple[int, int, str]] = []
    task.advanced.connect(lambda *args: advanced.append(args))
    with qtbot.waitSignal(task.finished, timeout=1000) as blocker:
        pass
    assert blocker.args == ["done"] and advanced == [(1, 1, "only step")]
    assert runner.wait(0)


def test_the_progress_dialog_follows_the_task_and_its_cancel_cancels(qtbot):
    runner = TaskRunner()
    release = threading.Event()

    def work(task: Task) -> bool:
        task.report(1, 3, "Reading the first file")
        release.wait(5)
        return task.cancelled.is_set()

    task = runner.start(work)
    dialog = progress_dialog(None, "test_progress", "Test", "Working…", 3, task)
    qtbot.waitUntil(lambda: dialog.labelText() == "Reading the first file", timeout=5000)
    assert (dialog.value(), dialog.maximum()) == (1, 3)
    dialog.findChild(QPushButton).click()  # the person presses Cancel
    release.set()
    with qtbot.waitSignal(task.finished, timeout=5000) as blocker:
        pass
    assert blocker.args == [True]  # the worker saw the cancel
    qtbot.waitUntil(lambda: not shiboken6.isValid(dialog), timeout=5000)  # gone with the task


def test_work_without_a_count_after_the_count_ended_shows_a_busy_dialog_again(qtbot):
    """An import's files all done closes its dialog (Qt's auto-reset at the maximum); the indexes it
    then makes again (0 of 0) bring it back, a busy bar under what is being done."""
    runner = TaskRunner()
    release = threading.Event()

    def work(task: Task) -> None:
        task.report(3, 3, "Importing c.txt… (3 of 3)")
        task.report(0, 0, "Making the archive's indexes again…")
        release.wait(5)

    task = runner.start(work)
    dialog = progress_dialog(None, "test_progress", "Test", "Working…", 3, task)
    qtbot.waitUntil(lambda: dialog.labelText() == "Making the archive's indexes again…", timeout=5000)
    qtbot.waitUntil(dialog.isVisible, timeout=5000)  # after its 300 ms, as any dialog of a task
    assert (dialog.minimum(), dialog.maximum(), dialog.value()) == (0, 0, 0)
    release.set()
    qtbot.waitUntil(lambda: not shiboken6.isValid(dialog), timeout=5000)


def test_a_shown_dialog_ends_on_the_last_step_reported(qtbot):
    """A modal progress dialog's setValue runs the events, so steps queued behind one are taken in
    inside it: the dialog still ends on the last step's text (it showed an older one)."""
    runner = TaskRunner()
    go, posted, release = threading.Event(), threading.Event(), threading.Event()

    def work(task: Task) -> None:
        task.report(1, 100, "step 1")
        go.wait(5)
        for step in range(2, 100):
            task.report(step, 100, f"step {step}")
        posted.set()
        release.wait(5)

    task = runner.start(work)
    dialog = progress_dialog(None, "test_progress", "Test", "Working…", 100, task)
    qtbot.waitUntil(dialog.isVisible, timeout=5000)
    go.set()
    assert posted.wait(5)  # every step queued before the window takes in the first of them
    qtbot.waitUntil(lambda: dialog.value() == 99, timeout=5000)
    assert dialog.labelText() == "step 99"
    release.set()
    qtbot.waitUntil(lambda: not shiboken6.isValid(dialog), timeout=5000)
