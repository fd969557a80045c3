"""Import speed against its peers, on the same documents in the same run.

The archive of N documents is built once (corpus.py) and its build's rate is reported as it went;
the comparison with the peers is made on a fixed sample, the first ``SAMPLE`` documents (all of
them below that), imported afresh on every run into an empty archive: chunk by chunk through the
real importer, each chunk alternating with ``sqlite-utils insert`` + ``enable-fts`` of the same
documents (ours first, then theirs first, and so on, so drift in the machine's load falls on both),
then the same rows bulk-loaded into this schema in one transaction (the floor). The same size at
10k, 100k and 1M, so the ratios compare across sizes; the build says what scale does to the rate.
"""

from __future__ import annotations

import statistics
import time
from collections.abc import Iterator
from pathlib import Path

from . import peers
from .corpus import SEED
from .measure import remove_archive_files
from .progress import Progress
from .report import Report
from .synthetic import SyntheticDocument, document_path, documents

SAMPLE = 20_000
CHUNKS = 4  # per sample: each a start of the importer's parse workers and of the peer's command


def _peer_row(document: SyntheticDocument) -> dict[str, object]:
    body = document.translation + ("\n\n" + document.original if document.original else "")
    return {
        "id": document.number,
        "title": document.title,
        "date": document.when.isoformat(),
        "summary": document.summary,
        "body": body,
    }


def _peer_rows(first: int, count: int) -> Iterator[dict[str, object]]:
    return (_peer_row(document) for document in documents(count, SEED, first))


def measure_import(report: Report, work: Path, files: Path, docs: int, progress: Progress) -> None:
    """``import_docs_per_s`` on the sample against sqlite-utils, and the floor of the schema."""
    from ..core.importers.batch import run_import
    from ..core.store import Archive

    sample = min(docs, SAMPLE)
    chunks = max(1, min(CHUNKS, sample // 500))
    size = -(-sample // chunks)
    db = work / "sample.db"
    remove_archive_files(db)
    peer = peers.SqliteUtilsPeer(work / "sqlite-utils.db", work)
    ours: list[float] = []
    theirs: list[float] = []
    with Archive(db) as archive:
        for number, start in enumerate(range(0, sample, size)):
            stop = min(sample, start + size)
            paths = [document_path(files, n) for n in range(start, stop)]

            def import_ours(paths: list[Path] = paths) -> None:
                began = time.perf_counter()
                for _progress in run_import(archive, paths):
                    pass
                ours.append(len(paths) / (time.perf_counter() - began))

            def import_theirs(start: int = start, stop: int = stop) -> None:
                if peer.available:
                    theirs.append(peer.prepare(_peer_rows(start, stop)) / peer.insert())

            for step in (import_ours, import_theirs) if number % 2 == 0 else (import_theirs, import_ours):
                step()
            progress.step(stop, sample, "docs")
    staging, floor_db = work / "floor-rows.db", work / "floor.db"
    peers.stage_index_rows(db, staging)
    remove_archive_files(floor_db)
    Archive(floor_db).close()
    floor = sample / peers.schema_floor(db, staging, floor_db)
    median = statistics.median(ours)
    report.add("import_docs_per_s", median, "docs/s", statistics.median(theirs) if theirs else None)
    report.add("import_floor_docs_per_s", floor, "docs/s")
    report.import_sample = sample
    if peer.available:
        report.peer_mb_per_1k = peer.db.stat().st_size / 1e6 / (sample / 1000)
    report.notes.append(
        f"import_docs_per_s: the first {sample:,} documents imported afresh into an empty archive in "
        f"{chunks} chunks, each alternating with sqlite-utils insert + enable-fts of the same documents "
        f"(baseline, median of chunks); the schema floor (the same rows bulk-loaded in one transaction, "
        f"index included) is {floor:,.0f} docs/s, ours at {median / floor:.2f} of it"
    )
    if not peer.available:
        report.notes.append("sqlite-utils is not installed: import_docs_per_s has no baseline")
    for path in (staging, floor_db, db):
        remove_archive_files(path)
