"""``archive-viewer bench``: build a synthetic archive of N documents and measure the product on it.

Every figure is a median of several runs; where a baseline can be measured on the same machine in
the same run (raw SQLite, a bare FTS5 table, mutool, an empty Qt window) it is, and the ratio is
what to compare across machines. Targets are printed beside the figures; nothing here fails on
time: the benchmark reports, people judge.
"""

from __future__ import annotations

import json
import os
import platform
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date
from functools import partial
from pathlib import Path
from typing import Any

from .. import __version__
from ..core.dates import DateRange
from . import peers
from .measure import remove_archive_files, samples_ms
from .pdfs import telegram_pdf
from .synthetic import write_files

TARGETS = {
    "import_docs_per_s": "ratio ≥ 0.5",
    "search_p50_ms": "-",
    "search_p95_ms": "≤ 20 ms",
    "open_archive_s": "≤ 0.3 s",
    "first_window_s": "≤ 1.5 s",
    "list_scroll_ms": "≤ 50 ms",
    "filter_ms": "≤ 100 ms",
    "timeline_paint_ms": "≤ 8 ms",
    "timeline_month_paint_ms": "≤ 8 ms",
    "render_150dpi_ms": "ratio ≤ 1.2",
    "export_pdf_s": "≤ 2 s",
    "peak_rss_mb": "≤ 400 MB",
    "archive_mb": "reported",
}


def _significant(value: float, digits: int = 4) -> float:
    return float(f"{value:.{digits}g}")


class Report:
    def __init__(self, docs: int):
        self.docs = docs
        self.metrics: dict[str, dict[str, Any]] = {}
        self.notes: list[str] = []

    def add(
        self, name: str, value: float, unit: str, baseline: float | None = None, lower_is_better: bool = True
    ) -> None:
        ratio = None
        if baseline:
            ratio = value / baseline
        self.metrics[name] = {
            "value": _significant(value),
            "unit": unit,
            "baseline": None if baseline is None else _significant(baseline),
            "ratio": None if ratio is None else _significant(ratio),
        }
        _ = lower_is_better

    def as_json(self) -> dict[str, Any]:
        return {
            "docs": self.docs,
            "machine": {
                "python": platform.python_version(),
                "platform": platform.platform(),
                "cpus": os.cpu_count(),
                "sqlite": peers.sqlite_version(),
                "version": __version__,
            },
            "metrics": self.metrics,
            "notes": self.notes,
        }

    def table(self) -> str:
        lines = [f"{'metric':<26}{'value':>12}  {'unit':<7}{'baseline':>12}{'ratio':>9}  target", "-" * 84]
        for name, metric in self.metrics.items():
            baseline = "" if metric["baseline"] is None else f"{metric['baseline']:.4g}"
            ratio = "" if metric["ratio"] is None else f"{metric['ratio']:.3g}"
            lines.append(
                f"{name:<26}{metric['value']:>12.4g}  {metric['unit']:<7}{baseline:>12}{ratio:>9}  "
                f"{TARGETS.get(name, '')}"
            )
        return "\n".join(lines + [f"note: {note}" for note in self.notes])


def _percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


# -- import ----------------------------------------------------------------------------------------


def measure_import(report: Report, files: list[Path], db: Path, say: Callable[[str], None]) -> None:
    """The real importer over all files (chunk by chunk) against raw executemany into bare FTS5."""
    from ..core.importers.batch import run_import
    from ..core.store import Archive

    chunks = max(1, min(10, len(files)))
    size = -(-len(files) // chunks)
    ours: list[float] = []
    with Archive(db) as archive:
        for start in range(0, len(files), size):
            part = files[start : start + size]
            began = time.perf_counter()
            for _progress in run_import(archive, part):
                pass
            ours.append(len(part) / (time.perf_counter() - began))
            say(f"  imported {min(start + size, len(files))}/{len(files)}")
        texts = [archive.indexed_columns(i) for i in sorted(archive.ordered_ids())]
    rows = [(t[0], t[1], t[2]) for t in texts if t is not None]
    theirs, per_transaction = peers.fts5_import(db.with_name("baseline.db"), rows, size)
    report.add("import_docs_per_s", statistics.median(ours), "docs/s", statistics.median(theirs))
    if per_transaction:
        report.notes.append(
            f"import: raw FTS5 inserts with one transaction per document (the importer's rule) reach "
            f"{per_transaction:.0f} docs/s, ratio {per_transaction / statistics.median(theirs):.2f} to the "
            "one-transaction baseline: the floor under import_docs_per_s"
        )


# -- search ----------------------------------------------------------------------------------------


def search_queries(count: int = 200, seed: int = 7) -> list[tuple[str, DateRange | None, str]]:
    """(query, date filter, raw FTS5 MATCH for the baseline) mixing the kinds people type."""
    rng = random.Random(seed)
    kinds: list[Callable[[], tuple[str, DateRange | None, str]]] = [
        lambda: ("the", None, "the"),
        lambda: ("comrade", None, "comrade"),
        lambda: (f"{10000 + rng.randrange(1000)}", None, f'"{10000 + rng.randrange(1000)}"'),
        lambda: ('"friendship alliance"', None, '"friendship alliance"'),
        lambda: ("negotiat*", None, "negotiat*"),
        lambda: ("переговоры", None, "переговоры"),
        lambda: ("Вышинский", None, "Вышинский"),
        lambda: ("Filippov", None, "Filippov"),
        lambda: ("treaty aviation", None, "treaty AND aviation"),
        lambda: ("divisions", DateRange(date(1950, 1, 1), date(1950, 12, 31)), "divisions"),
    ]
    return [kinds[n % len(kinds)]() for n in range(count)]


def measure_search(report: Report, db: Path, baseline_db: Path) -> None:
    from ..core.store import Archive, Filters

    queries = search_queries()
    times: list[float] = []
    with Archive(db, readonly=True) as archive:
        for query, dates, _raw in queries[:20]:  # warm the page cache the way a session would
            archive.search(query, Filters().with_dates(dates) if dates else None)
        for query, dates, _raw in queries:
            filters = Filters().with_dates(dates) if dates else None
            times += samples_ms(partial(archive.search, query, filters, limit=100), 1)
    base = peers.fts5_search_ms(baseline_db, [raw for _query, _dates, raw in queries])
    report.add("search_p50_ms", statistics.median(times), "ms", statistics.median(base))
    report.add("search_p95_ms", _percentile(times, 0.95), "ms", _percentile(base, 0.95))


# -- opening and the window ------------------------------------------------------------------------


def _child(args: list[str], timeout: int = 300) -> str:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run(
        [sys.executable, "-m", "viewer.bench.gui_probe", *args],
        capture_output=True,
        text=True,
        timeout=timeout,
        env=env,
    )
    if result.returncode != 0:
        raise RuntimeError(f"gui probe {args[0]} failed: {result.stderr[-2000:]}")
    return result.stdout.strip().splitlines()[-1]


def measure_open(report: Report, db: Path, runs: int) -> None:
    from ..core.store import Archive
    from ..gui.document_model import DocumentTableModel

    def open_and_first_page() -> None:
        archive = Archive(db, readonly=True)
        model = DocumentTableModel(archive)
        model.data(model.index(0, 1))
        archive.close()

    report.add("open_archive_s", statistics.median(samples_ms(open_and_first_page, runs)) / 1000, "s")


def measure_first_window(report: Report, db: Path, runs: int) -> None:
    def timed(args: list[str]) -> float:
        started = time.time()
        return float(_child(args)) - started

    ours = [timed(["first-window", str(db)]) for _ in range(runs)]
    empty = [timed(["empty-window"]) for _ in range(runs)]
    report.add("first_window_s", statistics.median(ours), "s", statistics.median(empty))


def measure_interaction(report: Report, db: Path, runs: int) -> None:
    figures = json.loads(_child(["interact", str(db), str(max(runs, 6))]))
    report.add("list_scroll_ms", statistics.median(figures["list_scroll_ms"]), "ms")
    report.add("filter_ms", statistics.median(figures["filter_ms"]), "ms")
    report.add("timeline_paint_ms", statistics.median(figures["timeline_all_ms"]), "ms")
    report.add("timeline_month_paint_ms", statistics.median(figures["timeline_month_ms"]), "ms")
    report.add("peak_rss_mb", figures["peak_rss_mb"], "MB")


# -- scans and export ------------------------------------------------------------------------------


def measure_render(report: Report, work: Path, runs: int) -> None:
    from ..core.store import Archive
    from ..gui.scan_view import render_page

    pdf = work / "scan.pdf"
    telegram_pdf(pdf)
    db = work / "render.db"
    remove_archive_files(db)
    with Archive(db) as archive:
        from ..core.importers.batch import import_file

        result = import_file(archive, pdf)
        assert result.document_id is not None, result.message
        file_id = archive.scan_pages(result.document_id)[0].file_id
    ours = samples_ms(lambda: render_page(db, file_id, 0, 150 / 72), runs)
    mutool = shutil.which("mutool")
    if mutool:
        pages = ",".join(["1"] * runs)
        out = work / "mutool-%d.pnm"
        began = time.perf_counter()
        subprocess.run([mutool, "draw", "-q", "-r", "150", "-o", str(out), str(pdf), pages], check=True)
        theirs = (time.perf_counter() - began) * 1000 / runs
        report.add("render_150dpi_ms", statistics.median(ours), "ms", theirs)
    else:
        report.add("render_150dpi_ms", statistics.median(ours), "ms")
        report.notes.append("mutool is not installed: render_150dpi_ms has no baseline")


def measure_export(report: Report, work: Path, runs: int) -> None:
    try:
        from .export_probe import export_seconds
    except ImportError:
        report.notes.append("export_pdf_s: annotated export is not available in this build")
        return
    report.add("export_pdf_s", statistics.median([export_seconds(work) for _ in range(max(1, runs // 2))]), "s")


# -- the whole run ---------------------------------------------------------------------------------


@contextmanager
def _workdir(keep: Path | None) -> Iterator[Path]:
    if keep is not None:
        keep.mkdir(parents=True, exist_ok=True)
        yield keep
        return
    folder = Path(tempfile.mkdtemp(prefix="archive-bench-"))
    try:
        yield folder
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def run_bench(
    docs: int, json_out: Path | None = None, keep: Path | None = None, runs: int = 7, say: Callable[[str], None] = print
) -> Report:
    report = Report(docs)
    with _workdir(keep) as work:
        db = work / "bench.db"
        remove_archive_files(db)
        say(f"writing {docs} synthetic documents to {work / 'files'}")
        files_dir = work / "files"
        shutil.rmtree(files_dir, ignore_errors=True)
        files = write_files(files_dir, docs)
        say("importing through the real importer")
        measure_import(report, files, db, say)
        shutil.rmtree(files_dir, ignore_errors=True)
        say("searching")
        measure_search(report, db, db.with_name("baseline.db"))
        say("opening the archive and the window")
        measure_open(report, db, runs)
        measure_first_window(report, db, max(3, runs // 2))
        measure_interaction(report, db, runs)
        say("rendering a scan page and exporting")
        measure_render(report, work, runs)
        measure_export(report, work, runs)
        report.add("archive_mb", db.stat().st_size / 1e6 / max(docs / 1000, 1e-9), "MB/1k")
    if json_out is not None:
        json_out.write_text(json.dumps(report.as_json(), indent=2), "utf-8")
    return report
