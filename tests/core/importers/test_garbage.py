"""An import collects garbage less often while it runs, and leaves the collector as it found it:
when it ends, when its caller stops it early, and when two imports overlap (importers/garbage.py)."""

from __future__ import annotations

import gc

from viewer.core.importers.batch import run_import
from viewer.core.importers.garbage import YOUNG, fewer_collections
from viewer.core.store import Archive

from ...conftest import SAMPLES


def test_overlapping_imports_restore_the_collector_once_both_end():
    before = gc.get_threshold()
    first, second = fewer_collections(), fewer_collections()
    first.__enter__()
    assert gc.get_threshold() == (max(YOUNG, before[0]), *before[1:])
    second.__enter__()
    first.__exit__(None, None, None)
    assert gc.get_threshold()[0] == max(YOUNG, before[0])  # the second is still running
    second.__exit__(None, None, None)
    assert gc.get_threshold() == before


def test_an_import_collects_less_while_it_runs_and_not_after(tmp_path):
    before = gc.get_threshold()
    with Archive(tmp_path / "archive.db") as archive:
        during = []
        for progress in run_import(archive, [SAMPLES]):
            if progress.result is not None:
                during.append(gc.get_threshold()[0])
        assert during and set(during) == {max(YOUNG, before[0])}
        assert gc.get_threshold() == before
        stopped = run_import(archive, [SAMPLES])
        next(stopped)
        next(stopped)
        assert gc.get_threshold()[0] == max(YOUNG, before[0])
        stopped.close()  # the caller stops early
        assert gc.get_threshold() == before
