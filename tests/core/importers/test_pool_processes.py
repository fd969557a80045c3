"""The parse pool's processes (importers/prepare.py) end with the work they were started for: when
the caller stops an import early, before an import returns (a worker still running held the archive
open, so its WAL stayed beside it), and, fork server included, when the importing process exits."""

from __future__ import annotations

import os
import signal
import time
from pathlib import Path

import pytest

from ...processes import run_child
from ..test_fault_injection import _alive  # whether a process is running (not gone, not a zombie)
from ..test_safety_imports import _folder  # sixty files, each a document of its own

CHILD = """
# the importing process
import json
import multiprocessing.forkserver as fs
import sys
import time
from pathlib import Path

from viewer.core.importers import groups, prepare
from viewer.core.importers.batch import import_all, run_import
from viewer.core.store import Archive
from tests.processes import child_stats

folder, db = Path(sys.argv[1]), Path(sys.argv[2])
prepare.PARALLEL_FROM = 2
prepare.CHUNK = 2
groups.GROUP_SECONDS = 0  # a result for every file as it is written


def children(pid):
    return set(child_stats(pid))


seen = set()
server = None
with Archive(db) as archive:
    progress = run_import(archive, [folder])
    for item in progress:
        if item.result is None:
            continue
        deadline = time.monotonic() + 30
        while not ((server := fs._forkserver._forkserver_pid) and children(server)) and time.monotonic() < deadline:
            time.sleep(0.02)  # the workers are starting
        seen |= children(server) if server else set()
        break
    progress.close()  # the caller stops early
    deadline = time.monotonic() + 30
    while children(server) and time.monotonic() < deadline:
        time.sleep(0.05)
    after_close = sorted(children(server))
    counts, leftovers = [], []
    for _ in range(3):  # several imports in a row in one process
        db.with_suffix(".more").unlink(missing_ok=True)
        with Archive(db.with_suffix(".more")) as more:
            summary = import_all(more, [folder])
        counts.append(summary.count("imported"))
        leftovers.append(sorted(p.name for p in db.parent.glob("a.more-*")))  # a WAL left by a worker
        seen |= children(server)
    deadline = time.monotonic() + 30
    while children(server) and time.monotonic() < deadline:
        time.sleep(0.05)
    left = sorted(children(server))
report = {"server": server, "seen": sorted(seen), "after_close": after_close, "left": left}
print(json.dumps({**report, "counts": counts, "leftovers": leftovers}))
"""


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="reads /proc")
def test_no_pool_process_outlives_an_early_stop_several_imports_or_the_process(tmp_path):
    report = run_child(CHILD, _folder(tmp_path / "files"), tmp_path / "a.db")
    pids = [report["server"], *report["seen"], *report["left"]]
    deadline = time.monotonic() + 20
    while any(_alive(pid) for pid in pids) and time.monotonic() < deadline:
        time.sleep(0.1)
    outlived = [pid for pid in pids if _alive(pid)]
    for pid in outlived:  # do not leave them to the next test
        os.kill(pid, signal.SIGKILL)
    assert report["seen"], "the import never started its parse workers"
    assert report["after_close"] == [], "workers still running after the caller stopped the import"
    assert report["left"] == [], "workers still running after three imports in a row"
    # an archive made anew at a path took in the documents of a WAL the last one's workers left
    assert report["leftovers"] == [[], [], []]
    assert len(set(report["counts"])) == 1 and report["counts"][0] > 0
    assert not outlived, f"{outlived} outlived the importing process"
