"""The parse workers (importers/prepare.py) ask for less of the processor than the process that
writes the documents and shows the window: at the same priority, the writer got only its fair share
of two cores and the import went at its pace."""

from __future__ import annotations

from pathlib import Path

import pytest

from viewer.core.importers.prepare import WORKER_NICENESS

from ...processes import run_child
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
from tests.processes import child_stats

folder, db = Path(sys.argv[1]), Path(sys.argv[2])
prepare.PARALLEL_FROM = 2
prepare.CHUNK = 2
groups.GROUP_SECONDS = 0


def workers(server):
    return {pid: int(fields[16]) for pid, fields in child_stats(server).items()}  # each one's nice value


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
    report = run_child(CHILD, _folder(tmp_path / "files"), tmp_path / "a.db")
    assert report["workers"], "the import never started its parse workers"
    assert set(report["workers"]) == {min(19, report["writer"] + WORKER_NICENESS)}
