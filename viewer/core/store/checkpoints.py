"""The write-ahead log copied into the archive beside an import, not in its commits (issue 16).

SQLite copies the log into the archive file (a checkpoint) inside the commit that makes it long
enough, on the thread that writes. In an archive of a million documents each document changes about
eleven pages of 16 kB, and the checkpoints took half of the commits' time, a quarter of the writer's:
the writer was the import's slowest part, and the parse workers waited for it. So while an import
writes, a thread of its own, with its own connection (SQLite lets a checkpoint run while another
connection writes; the sqlite3 module lets other threads run meanwhile), copies the log every
``EVERY`` seconds. The writer still checkpoints a log of ``WRITER_PAGES``: only its own can start
the log again from its beginning (a checkpoint beside it rarely finds no commit arrived while it
copied), so that bounds the log's file.
"""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path

EVERY = 1.0  # seconds between two checkpoints of the thread (0.25 left the writer more of them at 1M)
# the writer's own checkpoints: a log of this many pages (512 MB of 16 kB pages, most of it copied by
# the thread already; at 8,000 the writer ran them itself, 590 docs/s into a 1M archive against 645)
WRITER_PAGES = 32_000
KEPT_BYTES = 64 * 2**20  # a log started again is cut to this length, not left at its longest


class Checkpoints(threading.Thread):
    """The thread: a PASSIVE checkpoint every ``EVERY`` seconds until ``stopping`` is set."""

    def __init__(self, path: Path, every: float = EVERY) -> None:
        super().__init__(name="checkpoints", daemon=True)
        self.path = path
        self.every = every
        self.stopping = threading.Event()
        self.copied = 0  # checkpoints that ran (the tests look)
        self.failure: BaseException | None = None

    def run(self) -> None:
        try:
            conn = sqlite3.connect(self.path, isolation_level=None, check_same_thread=True)
        except sqlite3.Error as error:  # the writer's own checkpoints still run
            self.failure = error
            return
        try:
            conn.execute("PRAGMA busy_timeout = 0")  # the writer's checkpoint running: the next one
            while not self.stopping.wait(self.every):
                try:
                    busy = conn.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchone()[0]
                except sqlite3.OperationalError:  # busy, or a full disk: the writer says so in its own
                    continue
                self.copied += not busy
        except BaseException as error:
            self.failure = error
        finally:
            conn.close()


@contextmanager
def checkpoints_aside(conn: sqlite3.Connection, path: Path, every: float = EVERY) -> Iterator[Checkpoints | None]:
    """While the block runs, checkpoint ``path``'s log from a thread of its own, and ``conn`` (the
    writer's connection) only a log of ``WRITER_PAGES``; afterwards as before. Nothing for an
    archive not in WAL mode, nor for a connection whose checkpoints were turned off."""
    if str(conn.execute("PRAGMA journal_mode").fetchone()[0]).lower() != "wal":
        yield None
        return
    before = int(conn.execute("PRAGMA wal_autocheckpoint").fetchone()[0])
    if before <= 0:  # checkpoints turned off on this connection (a test keeping every commit in the log)
        yield None
        return
    conn.execute(f"PRAGMA wal_autocheckpoint = {max(before, WRITER_PAGES)}")
    conn.execute(f"PRAGMA journal_size_limit = {KEPT_BYTES}")
    thread = Checkpoints(path, every)
    thread.start()
    try:
        yield thread
    finally:
        thread.stopping.set()
        thread.join()
        with suppress(sqlite3.ProgrammingError):  # the connection was closed meanwhile
            conn.execute(f"PRAGMA wal_autocheckpoint = {before}")
            _cut_the_log(conn)


def _cut_the_log(conn: sqlite3.Connection) -> None:
    """Copy what is left of the log and empty its file, unless a reader still needs it (waiting a
    moment at most): the import is over, and a log left long costs every later read a longer look."""
    waited = int(conn.execute("PRAGMA busy_timeout").fetchone()[0])
    conn.execute("PRAGMA busy_timeout = 200")
    try:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchall()
    except sqlite3.OperationalError:  # busy, or a full disk: the next checkpoints copy it
        pass
    finally:
        conn.execute(f"PRAGMA busy_timeout = {waited}")
