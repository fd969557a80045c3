"""The parse workers of a large batch (importers/prepare.py): a worker that dies does not stop the import."""

from __future__ import annotations

import multiprocessing
import os
import signal
import time

from viewer.core.importers import groups, prepare
from viewer.core.importers.batch import run_import
from viewer.core.store import Archive

from ..test_safety_imports import FILES, _folder  # sixty files, each a document of its own


def test_a_worker_killed_mid_import_leaves_its_files_to_the_importing_thread(tmp_path, monkeypatch):
    """SIGKILL a parse worker (as the kernel's out-of-memory killer would) once the import has begun:
    the pool breaks, and the files its workers had not handed back are parsed by the importing thread,
    so the import ends with every file imported, instead of an error (or, before, a process that
    waited at exit for the pool's other worker for good)."""
    monkeypatch.setattr(prepare, "PARALLEL_FROM", 2)
    monkeypatch.setattr(prepare, "CHUNK", 1)  # many tasks: most still pending when the worker dies
    monkeypatch.setattr(groups, "GROUP_SECONDS", 0)  # a result for every file as it is written
    folder = _folder(tmp_path / "files")
    killed: list[int] = []
    outcomes: list[str] = []
    with Archive(tmp_path / "a.db") as archive:
        for progress in run_import(archive, [folder]):
            if progress.result is not None:
                outcomes.append(progress.result.outcome)
            if killed or progress.result is None:
                continue
            deadline = time.monotonic() + 30
            while not (workers := multiprocessing.active_children()) and time.monotonic() < deadline:
                time.sleep(0.05)  # the workers are starting
            if workers:
                os.kill(workers[0].pid or 0, signal.SIGKILL)
                killed.append(workers[0].pid or 0)
                time.sleep(0.2)  # the pool notices while this batch is under way
        assert killed, "the import started no parse worker"
        assert outcomes.count("imported") == FILES, outcomes
        assert archive.count() == FILES
