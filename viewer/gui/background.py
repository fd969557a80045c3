"""Reading for the window off the GUI thread, where only the latest request matters.

A keystroke asks for a count, an order, facets or a timeline; the next keystroke makes them stale.
``Latest`` runs each request on the task runner's read pool with the archive connection that worker
thread keeps (sqlite3 connections belong to their thread; opening one at a million documents took
0.6 s), interrupts the statement a stale request is still running, and hands back only the result
of the request that is still the latest.
"""

from __future__ import annotations

import os
import sqlite3
import threading
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any, TypeVar

from ..core.dates import day_of
from ..core.store import Archive, Filters, Selection
from .tasks import TaskRunner
from .timeline_axis import MARKER_LIMIT, Marker

T = TypeVar("T")
# Documents from which counts, orders, facets and the timeline are read on a worker: at 10,000 the
# same work on the GUI thread took 90-130 ms a keystroke (bench, idle), on workers the first screen ~50.
LARGE_ARCHIVE = 5_000
PAINT_WAIT_S = 0.25  # how long a request waits for the first screen to be painted
SCREEN = ("list", "timeline")  # what a first screen paints before workers may take the CPU
_painted = threading.Event()  # set once the first screen is painted: workers may start
_painted.set()
_unpainted: set[str] = set()
# each worker thread's own archive connection (sqlite3's belong to their thread), by thread id
_kept: dict[int, tuple[tuple[Path, int, int], Archive]] = {}
_kept_lock = threading.Lock()
KEPT_CONNECTIONS = 4  # more than the read pool's threads (two on two cores)


def screen_changed() -> None:
    """The first screen is about to change (new filters or order): hold requests back until the
    list and the timeline have painted it (or PAINT_WAIT_S has passed). A worker started at once
    would take Python's lock and one of the two cores from the screen."""
    _unpainted.update(SCREEN)
    _painted.clear()


def screen_painted(part: str) -> None:
    """``part`` of the first screen ("list", "timeline") is painted, or will not be (hidden)."""
    _unpainted.discard(part)
    if not _unpainted:
        _painted.set()


class Latest:
    """One kind of background read (the list's order, the facets, the timeline) of which only the
    latest request is delivered; an older one still running is interrupted."""

    def __init__(self, runner: TaskRunner, path: Callable[[], Path]):
        self.runner = runner
        self.path = path
        self.generation = 0
        self._lock = threading.Lock()
        self._running: Archive | None = None
        self.delivered = 0  # results handed back (tests)

    def cancel(self) -> None:
        """Forget what was asked and stop the statement it is running."""
        self.generation += 1
        with self._lock:
            if self._running is not None:
                self._running.interrupt()

    def busy(self) -> bool:
        with self._lock:
            return self._running is not None

    def run(self, work: Callable[[Archive], T], done: Callable[[T], object]) -> None:
        """Run ``work`` with an archive of its own; ``done`` gets its result on the GUI thread, unless
        another request came meanwhile."""
        self.cancel()
        generation, path = self.generation, self.path()

        def task() -> tuple[int, Any]:
            _painted.wait(PAINT_WAIT_S)
            if generation != self.generation:
                return generation, None  # stale before it started: nothing opened
            archive = worker_archive(path)
            with self._lock:
                self._running = archive
            try:
                if generation != self.generation:
                    return generation, None
                return generation, work(archive)
            except sqlite3.OperationalError:
                if generation != self.generation:  # interrupted: a newer request replaced it
                    return generation, None
                forget_worker_archive()
                raise
            except BaseException:
                forget_worker_archive()
                raise
            finally:
                with self._lock:
                    self._running = None

        def finished(outcome: tuple[int, Any]) -> None:
            if outcome[0] == self.generation:
                self.delivered += 1
                done(outcome[1])

        self.runner.run(task, finished)


def worker_archive(path: Path) -> Archive:
    """This worker thread's connection to the archive at ``path``, opened once and kept: opening
    one (a probe, the schema, counting the documents twice) cost 65 ms at 100,000 documents and
    600 at a million, for every request (three a keystroke). Kept by the thread's id, not in a
    threading.local (the pool's threads lose those between tasks). A file replaced at the path (a
    backup restored) is opened afresh; each statement sees what other connections have committed."""
    identity = os.stat(path)
    key = (path, identity.st_dev, identity.st_ino)
    thread = threading.get_ident()
    with _kept_lock:
        kept = _kept.get(thread)
    if kept is not None and kept[0] == key:
        return kept[1]
    forget_worker_archive()
    archive = Archive(path, readonly=True)
    with _kept_lock:
        _kept[thread] = (key, archive)
        while len(_kept) > KEPT_CONNECTIONS:  # the oldest: a thread the pool has ended (closed when collected)
            del _kept[next(iter(_kept))]
    return archive


def forget_worker_archive() -> None:
    """Close this worker thread's kept connection (after an error, or for another archive)."""
    with _kept_lock:
        kept = _kept.pop(threading.get_ident(), None)
    if kept is not None:
        kept[1].close()


def timeline_figures(
    archive: Archive, first: date, last: date, until: date, bins: int, filters: Filters | Selection
) -> tuple[str, list]:
    """What the timeline draws for a view: its documents as markers when they are few, else
    counts per bin ("empty" when there is nothing). When a tally says they are many, the markers'
    rows are not read (a thousand rows looked up, to be dropped)."""
    dated = archive.dated_count(first, last, filters)
    if dated is None or dated <= MARKER_LIMIT:
        rows = archive.dated_documents(first, last, filters, limit=MARKER_LIMIT + 1)
        if not rows:
            return "empty", []
        if len(rows) <= MARKER_LIMIT:
            return "markers", [
                Marker(r.id, r.key, day_of(r.date_start) or 0.0, r.date_start or "", r.title or r.key) for r in rows
            ]
    return "histogram", archive.date_histogram(bins, first, until, filters)
