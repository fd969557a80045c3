"""The importing thread parses chunks ahead of the workers only once one of them has delivered:
while they start (an interpreter each, the parser's imports, the names), a third busy process on
two cores slowed their start, and with it every batch."""

from __future__ import annotations

from concurrent.futures import Future

import pytest

from viewer.core.importers import groups, prepare
from viewer.core.importers.batch import run_import
from viewer.core.store import Archive

from ..test_safety_imports import _folder  # sixty files, each a document of its own


@pytest.mark.skipif(prepare.workers() < 2, reason="one processor: no parse workers")
def test_the_importing_thread_parses_ahead_only_after_a_worker_delivered(tmp_path, monkeypatch):
    monkeypatch.setattr(prepare, "PARALLEL_FROM", 2)
    monkeypatch.setattr(prepare, "CHUNK", 2)
    monkeypatch.setattr(groups, "GROUP_SECONDS", 0)
    delivered: list[bool] = []  # a worker's chunk was seen done, or taken
    calls: list[tuple[int, bool]] = []
    ahead, result = prepare._prepare_one_ahead, Future.result

    def taken(self, timeout=None):
        value = result(self, timeout)
        delivered.append(True)
        return value

    def watched(pending, parse, at=-1):
        if any(isinstance(chunk, Future) and chunk.done() for _, chunk in pending):
            delivered.append(True)
        calls.append((at, bool(delivered)))
        return ahead(pending, parse, at)

    monkeypatch.setattr(Future, "result", taken)
    monkeypatch.setattr(prepare, "_prepare_one_ahead", watched)
    with Archive(tmp_path / "a.db") as archive:
        for _progress in run_import(archive, [_folder(tmp_path / "files")]):
            pass
        assert archive.count() == 60
    assert delivered, "no worker parsed a chunk"  # (whether it parsed ahead later depends on the pace)
    early = [at for at, delivered in calls if at < 0 and not delivered]
    assert not early, "it parsed ahead while the workers were still starting"
