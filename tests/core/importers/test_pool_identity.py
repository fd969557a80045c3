"""A batch parsed by the worker pool (importers/prepare.py) writes the archive the importing thread
alone would: every table equal, texts' stored bytes included, and the same outcome for every file."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest

from viewer.bench.synthetic import document_path
from viewer.core.importers import batch, groups, prepare
from viewer.core.importers.batch import import_all
from viewer.core.store import Archive

ROOT = Path(__file__).resolve().parents[3]
BENCH = Path("/work/scratch/bench/k10k/files")
SKIP_TABLES = ("sqlite_", "history")  # sqlite's own; history rows carry the time of the import


def _corpus(folder: Path) -> None:
    """Seeds, real pages, bench documents (when present), a duplicate, an empty and a binary file."""
    folder.mkdir()
    for source in sorted((ROOT / "resources/samples").glob("*.txt")) + sorted((ROOT / "tests/data/real").glob("*.txt")):
        shutil.copy(source, folder / source.name)
    for number in range(250 if BENCH.exists() else 0):
        shutil.copy(document_path(BENCH, number), folder / f"bench-{number:04d}.md")
    first = sorted(folder.glob("*.txt"))[0]
    shutil.copy(first, folder / "zz-duplicate.txt")
    (folder / "zz-empty.txt").write_bytes(b"")
    (folder / "zz-binary.txt").write_bytes(bytes(range(256)) * 40)


def _tables(path: Path) -> dict[str, list[tuple[object, ...]]]:
    conn = sqlite3.connect(path)
    names = [
        row[0]
        for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
        if not row[0].startswith(SKIP_TABLES)
    ]
    tables = {}
    for name in names:
        columns = [row[1] for row in conn.execute(f'PRAGMA table_info("{name}")')]
        kept = [
            c for c in columns if not c.endswith(("_at", "_time")) and c not in ("at", "imported", "created", "changed")
        ]
        if kept:
            tables[name] = sorted(conn.execute(f'SELECT {", ".join(kept)} FROM "{name}"').fetchall(), key=repr)
    conn.close()
    return tables


def _run(archive_path: Path, folder: Path) -> list[tuple[str, str, int | None, str | None]]:
    with Archive(archive_path) as archive:
        summary = import_all(archive, [folder])
    return [(r.path.name, r.outcome, r.document_id, r.message) for r in summary.results]


@pytest.mark.parametrize("chunk", [3, prepare.CHUNK])  # 3: many chunks, the importing thread parses some ahead
def test_a_batch_through_the_pool_writes_what_the_importing_thread_alone_writes(tmp_path, monkeypatch, chunk):
    folder = tmp_path / "files"
    _corpus(folder)
    monkeypatch.setattr(groups, "GROUP_SECONDS", 0)
    monkeypatch.setattr(prepare, "PARALLEL_FROM", 10**9)
    alone = [_run(tmp_path / "alone.db", folder), _run(tmp_path / "alone.db", folder)]
    monkeypatch.setattr(prepare, "PARALLEL_FROM", 2)
    monkeypatch.setattr(prepare, "CHUNK", chunk)
    through_pool = []

    def counted(*args):
        for prepared in prepare.prepared_in_order(*args):
            through_pool.append(prepared is not None)
            yield prepared

    monkeypatch.setattr(batch, "prepared_in_order", counted)
    pooled = [_run(tmp_path / "pooled.db", folder), _run(tmp_path / "pooled.db", folder)]
    assert prepare.workers() < 2 or sum(through_pool) > 200  # the pool (or the thread ahead of it) parsed them
    assert pooled == alone
    assert {outcome for _, outcome, _, _ in alone[1] if outcome != "refused"} == {"unchanged"}
    assert any(outcome == "refused" for _, outcome, _, _ in alone[0])
    expected, got = _tables(tmp_path / "alone.db"), _tables(tmp_path / "pooled.db")
    assert got.keys() == expected.keys()
    for name in expected:
        assert got[name] == expected[name], name
