"""SIGKILL a real import at random moments; the archive must open, pass its checks and hold only
whole documents after every kill, and a re-run must complete the import."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

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


def assert_whole(path: Path) -> int:
    with Archive(path) as archive:
        conn = archive.conn
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
        return archive.count()


@pytest.mark.slow
def test_kill_import_at_random_moments(tmp_path):
    seed = int(os.environ.get("FAULT_SEED", random.randrange(1_000_000)))
    print(f"fault injection seed: {seed} (replay with FAULT_SEED={seed})")
    rng = random.Random(seed)
    corpus = tmp_path / "corpus"
    make_corpus(corpus)
    # how long a whole import takes here, so that the kills land from start-up to the last file
    scratch = [sys.executable, "-m", "viewer", "--db", str(tmp_path / "scratch.db"), "import", "-q", str(corpus)]
    started = time.monotonic()
    subprocess.run(scratch, check=True, capture_output=True, timeout=600)
    duration = time.monotonic() - started
    print(f"a whole import takes {duration:.2f} s")
    path = tmp_path / "archive.db"
    command = [sys.executable, "-m", "viewer", "--db", str(path), "import", "-q", str(corpus)]
    survived = completed = 0
    for kill in range(KILLS):
        process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(rng.uniform(0.1, duration))
        process.send_signal(signal.SIGKILL)
        process.wait()
        whole = assert_whole(path) if path.exists() else 0
        survived += 1
        print(f"kill {kill + 1}: {whole} whole documents")
        if kill % 3 == 2:
            # re-running the same import completes it; then start afresh so later kills land early too
            finished = subprocess.run(command, capture_output=True, text=True, timeout=600)
            assert finished.returncode == 0, finished.stderr
            assert assert_whole(path) == FILES
            completed += 1
            for suffix in ("", "-wal", "-shm"):
                Path(f"{path}{suffix}").unlink(missing_ok=True)
    print(f"kills survived: {survived}/{KILLS}; re-runs completed: {completed}; documents lost: 0")
