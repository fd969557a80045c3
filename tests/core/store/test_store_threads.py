"""One connection per thread: an Archive is refused in any thread but the one that opened it."""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Callable
from typing import Any

from viewer.core.store import Archive


def in_thread(work: Callable[[], Any]) -> Any:
    """Run ``work`` in a new thread; return what it returned, or the exception it raised."""
    outcome: list[Any] = []

    def run() -> None:
        try:
            outcome.append(work())
        except Exception as error:
            outcome.append(error)

    thread = threading.Thread(target=run)
    thread.start()
    thread.join()
    return outcome[0]


def test_an_archive_used_from_another_thread_raises_a_clear_error(seeded):
    error = in_thread(lambda: seeded.count())
    assert isinstance(error, sqlite3.ProgrammingError)
    assert "same thread" in str(error)
    assert isinstance(in_thread(lambda: seeded.search("Filippov")), sqlite3.ProgrammingError)
    assert seeded.count() == 5  # its own thread still uses it


def test_a_worker_opens_its_own_archive(seeded):
    def work() -> int:
        with Archive(seeded.path, readonly=True) as mine:
            return mine.count()

    assert in_thread(work) == 5
