"""The parse workers (importers/prepare.py) ask for less of the processor than the process that
writes the documents and shows the window: at the same priority, the writer got only its fair share
of two cores and the import went at its pace."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from viewer.core.importers.prepare import WORKER_NICENESS

from ..test_safety_imports import _folder  # sixty files, each a document of its own

CHILD = """
import json
import multiprocessing.forkserver as fs
import os
import sys
import time
from pathlib import Path

from viewer.core.importers import groups, prepare
from viewer.core.importers.batch import run_import
from viewer.core.store import Archive

folder, db = Path(sys.argv[1]), Path(sys.argv[2])
prepare.PARALLEL_FROM = 2
prepare.CHUNK = 2
groups.GROUP_SECONDS = 0


def workers(server):
    found = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[1]) == server and fields[0] != "Z":
                found[int(entry.name)] = int(fields[16])  # its nice value
    return found


seen = {}
with Archive(db) as archive:
    for item in run_import(archive, [folder]):
        server = fs._forkserver._forkserver_pid
        if server and not seen:
            seen = workers(server)
print(json.dumps({"writer": os.nice(0), "workers": sorted(seen.values())}))
"""


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="reads /proc")
def test_the_parse_workers_run_at_a_lower_priority_than_the_writer(tmp_path):
    folder = _folder(tmp_path / "files")
    command = [sys.executable, "-c", CHILD, str(folder), str(tmp_path / "a.db")]
    done = subprocess.run(command, capture_output=True, text=True, timeout=300, cwd=Path(__file__).parents[3])
    assert done.returncode == 0, done.stderr[-3000:]
    report = json.loads(done.stdout.strip().splitlines()[-1])
    assert report["workers"], "the import never started its parse workers"
    assert set(report["workers"]) == {min(19, report["writer"] + WORKER_NICENESS)}
