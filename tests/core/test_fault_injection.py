"""SIGKILL a real import at random moments; the archive must open, pass its checks and hold only
whole documents after every kill, and a re-run must complete the import."""

from __future__ import annotations

import hashlib
import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Any

import pytest

from viewer.core.archive_files import remove_archive_files
from viewer.core.importers.prepare import PARALLEL_FROM
from viewer.core.store import Archive

from ..conftest import SAMPLES

KILLS = 30
# Enough files for the import to parse in worker processes, as a large import does, so kills land
# among those too; not more, so that each kill (a random moment of a whole import) stays cheap.
FILES = PARALLEL_FROM + 40


def make_corpus(folder: Path) -> None:
    folder.mkdir()
    seeds = [path.read_text("utf-8") for path in sorted(SAMPLES.glob("*.txt"))]
    for number in range(FILES):
        # distinct web addresses: two files with one address are one document saved twice
        text = seeds[number % len(seeds)].replace("document/11", f"document/{number}-11")
        # each file different, some large, so kills land inside writes as well as between them
        extra = f"\n\nArchivist's note {number}: copy {number} of the telegram. " * (1 + number % 40)
        (folder / f"doc-{number:03d}.txt").write_text(text + extra, "utf-8")


def indexes_left_out(path: Path) -> bool:
    """Whether an import left indexes out of the archive at ``path`` (read without opening it for writing)."""
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        return bool(conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'index_pause'").fetchone())
    finally:
        conn.close()


def index_statements(conn: sqlite3.Connection) -> set[str]:
    return {row[0] for row in conn.execute("SELECT sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL")}


def assert_whole(path: Path, committed: set[str] | frozenset[str] = frozenset()) -> int:
    """The archive at ``path`` passes its checks and holds only whole documents, each of them the
    very file it was imported from; every file in ``committed`` (reported as done by an import) is
    there; and every index is, once those an import killed meanwhile left out are made again from
    what it kept of them (``make_indexes_again``, as the window's write thread does on opening)."""
    with Archive(path) as archive:
        conn = archive.conn
        archive.make_indexes_again()
        fresh = path.with_name("fresh.db")
        with Archive(fresh) as new:
            assert index_statements(conn) == index_statements(new.conn)
        remove_archive_files(fresh)
        assert not conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'index_pause'").fetchone()
        assert [row[0] for row in conn.execute("PRAGMA integrity_check")] == ["ok"]
        conn.execute("INSERT INTO search(search, rank) VALUES ('integrity-check', 1)")
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
        partial = conn.execute(
            """SELECT count(*) FROM documents d
               WHERE NOT EXISTS (SELECT 1 FROM texts t WHERE t.document_id = d.id)
                  OR NOT EXISTS (SELECT 1 FROM search s WHERE s.rowid = d.id)
                  OR NOT EXISTS (SELECT 1 FROM imports i WHERE i.document_id = d.id)"""
        ).fetchone()[0]
        assert partial == 0
        assert conn.execute("SELECT count(*) FROM search").fetchone()[0] == archive.count()
        # every file recorded as imported is a whole document of that very file, its index row too
        # (imports commit in groups: a kill must lose the group being written, never part of it)
        recorded = conn.execute(
            "SELECT i.path, i.sha256, d.id, d.source_path, d.source_sha256 FROM imports i "
            "LEFT JOIN documents d ON d.id = i.document_id WHERE i.outcome IN ('imported', 'updated')"
        ).fetchall()
        for path, sha256, document_id, source_path, source_sha256 in recorded:
            assert document_id is not None, f"{path} recorded as imported, but its document is missing"
            assert Path(source_path).name == Path(path).name and source_sha256 == sha256
            assert hashlib.sha256(Path(source_path).read_bytes()).hexdigest() == sha256
        assert len({row[2] for row in recorded}) == archive.count()
        assert archive.index_drift() == (0, 0)
        sources = {row[0] for row in conn.execute("SELECT source_path FROM documents")}
        lost = committed - sources
        assert not lost, f"{len(lost)} documents reported committed are missing, e.g. {sorted(lost)[0]}"
        return archive.count()


# The import as the window and the command line run it (run_import), reporting each file the moment
# the importer hands its result over, which is after the transaction that wrote it committed.
# A second argument shortens the groups, so that a quick import still commits many times; a third
# makes it leave the indexes out as a large import does (store/index_pause.py).
REPORTER = (
    "import sys\n"
    "from viewer.core.importers import groups\n"
    "if len(sys.argv) > 3 and float(sys.argv[3]): groups.GROUP_SECONDS = float(sys.argv[3])\n"
    "from viewer.core.store import index_pause\n"
    "if len(sys.argv) > 4: index_pause.AT_LEAST = 1\n"
    "from viewer.core.importers.batch import run_import\n"
    "from viewer.core.store import Archive\n"
    "with Archive(sys.argv[1]) as archive:\n"
    "    for progress in run_import(archive, [sys.argv[2]]):\n"
    "        if progress.result is not None:\n"
    "            print(progress.result.outcome, progress.result.path.resolve(), flush=True)\n"
)


class Reported:
    """An import in a child process, and the lines it has printed so far (read by a thread)."""

    def __init__(self, db: Path, corpus: Path, group_seconds: float | None = None, aside: bool = False) -> None:
        self.lines: list[str] = []
        options = [str(group_seconds or 0)] + (["aside"] if aside else [])
        self.process = subprocess.Popen(
            [sys.executable, "-c", REPORTER, str(db), str(corpus), *options], stdout=subprocess.PIPE, text=True
        )
        self.reader = threading.Thread(target=self._read, daemon=True)
        self.reader.start()

    def _read(self) -> None:
        assert self.process.stdout is not None
        for line in self.process.stdout:
            self.lines.append(line)

    def wait_for(self, count: int, timeout: float = 120) -> None:
        deadline = time.monotonic() + timeout
        while len(self.lines) < count and self.process.poll() is None and time.monotonic() < deadline:
            time.sleep(0.005)

    def kill(self) -> bool:
        """SIGKILL the import; whether it was still running."""
        running = self.process.poll() is None
        self.process.send_signal(signal.SIGKILL)
        self.process.wait()
        self.reader.join(10)
        return running

    def committed(self) -> set[str]:
        """The files reported done (imported now, or already in and unchanged). A line the kill cut
        short (no newline yet: the child may write unbuffered) does not count."""
        return {
            line.split(" ", 1)[1].rstrip("\n")
            for line in self.lines
            if line.endswith("\n") and " " in line and line.split(" ", 1)[0] in ("imported", "updated", "unchanged")
        }


SHORT_GROUP = 0.02  # seconds: a whole import of the corpus commits many times even when it is quick


@pytest.mark.slow
def test_kill_import_at_random_moments(tmp_path):
    """Half the kills at a random time of the import still to do (groups as the product makes
    them), half a random fraction of a group after a random number of files was reported (groups
    made short, so that however quick the import it commits many times), so they land from
    start-up to the last file and on every side of a group commit. After each kill the archive is
    whole and holds every file an import reported done; every third kill a re-run through the
    command line completes it."""
    seed = int(os.environ.get("FAULT_SEED", random.randrange(1_000_000)))
    print(f"fault injection seed: {seed} (replay with FAULT_SEED={seed})")
    rng = random.Random(seed)
    corpus = tmp_path / "corpus"
    make_corpus(corpus)
    # how long a whole import takes here, so that the kills land from start-up to the last file
    started = time.monotonic()
    scratch = Reported(tmp_path / "scratch.db", corpus)
    assert scratch.process.wait(timeout=600) == 0
    scratch.reader.join(10)
    duration = time.monotonic() - started
    assert len(scratch.committed()) == FILES
    print(f"a whole import takes {duration:.2f} s")
    path = tmp_path / "archive.db"
    command = [sys.executable, "-m", "viewer", "--db", str(path), "import", "-q", str(corpus)]
    committed: set[str] = set()  # every file reported done since the archive was started afresh
    completed = mid_import = between_commits = left_out = 0
    for kill in range(KILLS):
        before = len(committed)
        aside = kill % 4 >= 2  # half the kills of either kind in an import that left the indexes out
        if kill % 2:
            run = Reported(path, corpus, aside=aside)
            time.sleep(rng.uniform(0.05, duration * (1.1 - before / FILES)))
        else:
            run = Reported(path, corpus, SHORT_GROUP, aside)
            run.wait_for(rng.randrange(before + 1, FILES) if before + 1 < FILES else 1)
            time.sleep(rng.uniform(0, SHORT_GROUP * 1.5))  # into the next group: being written, or committing
        mid_import += run.kill()
        reported = run.committed()
        between_commits += before < len(committed | reported) < FILES and run.process.returncode == -signal.SIGKILL
        committed |= reported
        left_out += bool(path.exists() and indexes_left_out(path))
        whole = assert_whole(path, committed) if path.exists() else 0
        assert whole >= len(committed)
        print(f"kill {kill + 1}: {len(reported)} reported done, {whole} whole documents")
        if len(committed) == FILES:  # the import had ended: start afresh, so that the next kill finds work
            remove_archive_files(path)
            committed = set()
        elif kill % 3 == 2:
            # re-running the same import completes it; then start afresh so later kills land early too
            finished = subprocess.run(command, capture_output=True, text=True, timeout=600)
            assert finished.returncode == 0, finished.stderr
            assert assert_whole(path, committed) == FILES
            completed += 1
            remove_archive_files(path)
            committed = set()
    print(f"kills: {KILLS}, {mid_import} into a running import, {between_commits} between its first and last commit")
    print(f"re-runs completed: {completed}; committed documents lost: 0")
    print(f"kills leaving indexes out, made again by the next open: {left_out}")
    assert mid_import >= KILLS // 2 and between_commits >= KILLS // 4 and completed >= 3 and left_out >= 1


RESTORE_KILLS = 8


def _writer_folder(folder: Path, round_number: int) -> Path:
    """A few new files for a writer to import while a restore runs."""
    folder.mkdir()
    seed = next(SAMPLES.glob("003_*.txt")).read_text("utf-8")
    for number in range(6):
        name = f"round{round_number}-{number}"
        (folder / f"{name}.txt").write_text(seed + f"\n\nArchivist's note: copy {name}.\n", "utf-8")
    return folder


@pytest.mark.slow
def test_kill_restore_and_a_concurrent_writer_at_random_moments(tmp_path):
    """``restore`` goes into the live file while another process imports into it; SIGKILL the
    restore (and sometimes the writer) at random moments. After every kill the path holds an archive,
    the old one or the restored one, whole; a restore left to finish gives exactly the backup."""
    seed = int(os.environ.get("FAULT_SEED", random.randrange(1_000_000)))
    print(f"fault injection seed: {seed} (replay with FAULT_SEED={seed})")
    rng = random.Random(seed)
    corpus = tmp_path / "corpus"
    make_corpus(corpus)
    backup = tmp_path / "backup.db"
    viewer = [sys.executable, "-m", "viewer"]
    subprocess.run([*viewer, "--db", str(backup), "import", "-q", str(corpus)], check=True, capture_output=True)
    path = tmp_path / "archive.db"
    subprocess.run([*viewer, "--db", str(path), "import", "-q", str(SAMPLES)], check=True, capture_output=True)
    restore = [*viewer, "--db", str(path), "restore", "--yes", str(backup)]
    scratch = tmp_path / "scratch.db"
    shutil.copy(path, scratch)
    started = time.monotonic()
    subprocess.run([*viewer, "--db", str(scratch), "restore", "--yes", str(backup)], check=True, capture_output=True)
    duration = time.monotonic() - started
    print(f"a whole restore takes {duration:.2f} s")
    outcomes = {"old": 0, "restored": 0}
    for round_number in range(RESTORE_KILLS):
        folder = _writer_folder(tmp_path / f"writer-{round_number}", round_number)
        writer = subprocess.Popen([*viewer, "--db", str(path), "import", "-q", str(folder)], **QUIET)
        restorer = subprocess.Popen(restore, **QUIET)
        # from start-up to a little past the end, so that some restores finish under the writer
        moments = sorted([("restore", rng.uniform(0.05, 1.2 * duration)), ("writer", rng.uniform(0.05, 2 * duration))])
        begun = time.monotonic()
        for who, moment in moments:
            if rng.random() < (0.5 if who == "writer" else 0.25):
                continue  # half the writers and a quarter of the restores run to their end
            time.sleep(max(0.0, moment - (time.monotonic() - begun)))
            (restorer if who == "restore" else writer).send_signal(signal.SIGKILL)
        restorer.wait(timeout=600)
        writer.wait(timeout=600)
        assert path.exists(), "a kill left no archive at the path"
        whole = assert_whole(path)
        outcome = "restored" if whole >= FILES else "old"
        outcomes[outcome] += 1
        print(f"round {round_number + 1}: {whole} whole documents ({outcome})")
    finished = subprocess.run(restore, capture_output=True, text=True, timeout=600)
    assert finished.returncode == 0, finished.stderr
    assert assert_whole(path) == FILES
    print(f"restore kills survived: {RESTORE_KILLS}; outcomes: {outcomes}")


QUIET: dict[str, Any] = {"stdout": subprocess.DEVNULL, "stderr": subprocess.DEVNULL}


def _children(parent: int) -> set[int]:
    """Processes whose parent is ``parent`` (from /proc: no extra dependency)."""
    found = set()
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            if int(stat.rsplit(")", 1)[1].split()[1]) == parent:
                found.add(int(entry.name))
    return found


def _alive(pid: int) -> bool:
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return False
    return stat.rsplit(")", 1)[1].split()[0] != "Z"


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="reads /proc")
def test_a_killed_import_leaves_no_parse_worker_running(tmp_path):
    """The parse workers end with the import that started them: a worker blocked on the pool's
    queue never sees it close (each worker holds its write end), so before they watched their
    parent, every killed large import left its workers running for good."""
    corpus = tmp_path / "corpus"
    make_corpus(corpus)
    command = [sys.executable, "-m", "viewer", "--db", str(tmp_path / "a.db"), "import", "-q", str(corpus)]
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    workers: set[int] = set()
    deadline = time.monotonic() + 120
    while not workers and process.poll() is None and time.monotonic() < deadline:
        workers = _parse_workers(process.pid)
        time.sleep(0.02)
    assert workers, "the import never started its parse workers"
    process.send_signal(signal.SIGKILL)
    process.wait()
    deadline = time.monotonic() + 20
    while any(_alive(pid) for pid in workers) and time.monotonic() < deadline:
        time.sleep(0.1)
    left = [pid for pid in workers if _alive(pid)]
    for pid in left:  # do not leave them to the next test either
        os.kill(pid, signal.SIGKILL)
    assert not left, f"{len(left)} parse workers outlived the killed import"


def _parse_workers(pid: int) -> set[int]:
    """An import's parse workers: its children started by 'spawn', or those of the fork server it
    started (prepare._context), with that server."""
    found = set()
    for child in _children(pid):
        line = _cmdline(child)
        if b"spawn_main" in line:
            found.add(child)
        elif b"multiprocessing.forkserver" in line and (forked := _children(child)):
            found |= {child, *forked}
    return found


def _cmdline(pid: int) -> bytes:
    try:
        return Path(f"/proc/{pid}/cmdline").read_bytes()
    except OSError:
        return b""


def test_an_import_killed_while_creating_the_archive_can_be_run_again(tmp_path):
    """A kill while a new archive's schema is written leaves no file at the path (it is built beside
    it and put in place whole), so running the import again completes it; before, an empty file
    stayed there and every later run refused it as "the file is empty, not an archive"."""
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for sample in sorted(SAMPLES.glob("*.txt"))[:2]:
        shutil.copy(sample, corpus / sample.name)
    db = tmp_path / "new.db"
    # the kill lands inside the first migration: the moment a plain create left an empty file
    killer = (
        "import os, signal, sys\n"
        "from viewer.core.store import schema\n"
        "first = schema.MIGRATIONS[0]\n"
        "def dying(conn):\n"
        "    first(conn)\n"
        "    os.kill(os.getpid(), signal.SIGKILL)\n"
        "schema.MIGRATIONS[0] = dying\n"
        "from viewer.cli import main\n"
        "sys.argv = ['archive-viewer', '--db', sys.argv[1], 'import', '-q', sys.argv[2]]\n"
        "main()\n"
    )
    killed = subprocess.run([sys.executable, "-c", killer, str(db), str(corpus)], capture_output=True, timeout=120)
    assert killed.returncode == -signal.SIGKILL
    assert not db.exists()
    again = [sys.executable, "-m", "viewer", "--db", str(db), "import", "-q", str(corpus)]
    subprocess.run(again, check=True, capture_output=True, timeout=120)
    assert assert_whole(db) == 2
