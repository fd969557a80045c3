"""``archive-viewer bench``: build a synthetic archive of N documents and measure the product on it.

Every figure is a median of several runs; where a baseline can be measured on the same machine in
the same run (raw SQLite, a bare FTS5 table, mutool, an empty Qt window) it is, and the ratio is
what to compare across machines. Targets are printed beside the figures; nothing here fails on
time: the benchmark reports, people judge.
"""

from __future__ import annotations

import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import partial
from pathlib import Path

from . import peers
from .corpus import Corpus
from .import_probe import measure_import
from .measure import remove_archive_files, samples_ms
from .pdfs import jpeg_scan_pdf
from .progress import Progress, clock
from .queries import search_queries
from .report import Report, percentile

# -- search ----------------------------------------------------------------------------------------


def measure_search(report: Report, db: Path, runs: int) -> None:
    """archive.search over queries that never repeat, by class; the baseline runs the same strings as
    raw FTS5 MATCHes on the archive's own index (what the product's search adds to SQLite's)."""
    from ..core.store import Archive

    per_class = max(20, runs * 10)
    queries = search_queries(per_class)
    everything: list[float] = []
    theirs: list[float] = []
    snippets = True
    report.classes["search_ms"] = {}
    with Archive(db, readonly=True) as archive:
        archive.search("warm", limit=100)  # the connection and its caches, not the query's pages
        for name, texts in queries.items():
            times = [t for text in texts for t in samples_ms(partial(archive.search, text, limit=100), 1)]
            everything += times
            report.classes["search_ms"][name] = {
                "p50": statistics.median(times),
                "p95": percentile(times, 0.95),
                "queries": len(times),
            }
            raw, snippets = peers.fts5_search_ms(db, texts, "search")
            theirs += raw
    report.add("search_p50_ms", statistics.median(everything), "ms", statistics.median(theirs))
    report.add("search_p95_ms", percentile(everything, 0.95), "ms", percentile(theirs, 0.95))
    report.notes.append(
        "search: warm (the archive read once after the cold first query), every query a different string, "
        "timed once, 100 results with snippets; the baseline runs "
        "the same strings as raw FTS5 MATCH ... LIMIT 100 on the archive's own index"
        + ("" if snippets else " (no snippets: the index is contentless, they come from the texts)")
    )


def _cold(report: Report, db: Path, what: str) -> bool:
    """Drop the archive from the page cache; False (and a note) where this platform cannot."""
    if not peers.drop_from_page_cache(db):
        report.notes.append(f"{what}: no posix_fadvise here, not measured")
        return False
    share = peers.resident_share(db)
    if share is not None and share > 0.05:
        report.notes.append(f"{what}: {share:.0%} of the archive stayed in the page cache after the drop")
    return True


def measure_first_query_cold(report: Report, db: Path) -> None:
    """Open the archive and run one new query right after its pages left the page cache."""
    from ..core.store import Archive

    if not _cold(report, db, "first_query_cold_ms"):
        return
    began = time.perf_counter()
    with Archive(db, readonly=True) as archive:
        archive.search(search_queries(1, seed=41)["medium"][0], limit=100)
    report.add("first_query_cold_ms", (time.perf_counter() - began) * 1000, "ms")


# -- opening and the window ------------------------------------------------------------------------


def _child(args: list[str], timeout: int = 300) -> str:
    # as an installed program starts: its modules' byte code written once and read after (a shell that
    # sets PYTHONDONTWRITEBYTECODE had every window compile 170 modules, 0.2 s the peer never paid)
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"} | {"QT_QPA_PLATFORM": "offscreen"}
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
    """The window against a minimal PySide6 window listing the same rows, interleaved; then cold."""

    def timed(args: list[str]) -> float:
        started = time.time()
        return float(_child(args)) - started

    ours, peer = [], []
    for _ in range(runs):
        ours.append(timed(["first-window", str(db)]))
        peer.append(timed(["list-window", str(db)]))
    report.add("first_window_s", statistics.median(ours), "s", statistics.median(peer))
    cold, peer_cold = [], []
    for _ in range(max(1, runs // 2)):
        if not _cold(report, db, "first_window_cold_s"):
            return
        cold.append(timed(["first-window", str(db)]))
        _cold(report, db, "first_window_cold_s")
        peer_cold.append(timed(["list-window", str(db)]))
    report.add("first_window_cold_s", statistics.median(cold), "s", statistics.median(peer_cold))
    report.notes.append(
        "cold: posix_fadvise(DONTNEED) after a sync drops only the archive's and its WAL's pages from the "
        "page cache (checked with fincore where installed), not Python's, Qt's or the libraries' (those stay "
        "warm; /proc/sys/vm/drop_caches would need root on the host)"
    )


def measure_interaction(report: Report, db: Path, runs: int) -> None:
    figures = json.loads(_child(["interact", str(db), str(max(runs, 6))], timeout=1800))
    classes = {}
    for name, timings in figures["typed"].items():
        classes[name] = {
            "first_p50": statistics.median(timings["first_ms"]),
            "first_p95": percentile(timings["first_ms"], 0.95),
            "settled_p50": statistics.median(timings["settled_ms"]),
            "settled_p95": percentile(timings["settled_ms"], 0.95),
            "busy_max": max(timings["busy_ms"]),
            "matched_median": statistics.median(timings["matched"]),
        }
    report.classes["typed_query_ms"] = classes
    report.add("typed_query_ms", max(c["first_p95"] for c in classes.values()), "ms")
    report.add("typed_settled_ms", max(c["settled_p95"] for c in classes.values()), "ms")
    report.add("gui_busy_ms", max(c["busy_max"] for c in classes.values()), "ms")
    report.add("facet_change_ms", statistics.median(figures["facet_change_ms"]), "ms")
    report.add("list_jump_cold_ms", statistics.median(figures["list_jump_cold_ms"]), "ms")
    report.add("timeline_first_paint_ms", statistics.median(figures["timeline_first_paint_ms"]), "ms")
    report.add("list_scroll_ms", statistics.median(figures["list_scroll_ms"]), "ms")
    report.add("filter_ms", statistics.median(figures["filter_ms"]), "ms")
    report.add("timeline_paint_ms", statistics.median(figures["timeline_all_ms"]), "ms")
    report.add("timeline_month_paint_ms", statistics.median(figures["timeline_month_ms"]), "ms")
    report.add("peak_rss_mb", figures["peak_rss_mb"], "MB")
    report.notes.append(
        "typed_query_ms: the worst class's p95 from the settled search text (the filter bar's emit) to the "
        "list's first screen of results, the count, facets and timeline painted as they then stand (the "
        "issue's target: the first screen; counts may follow); typed_settled_ms: the same until the worker's "
        "counts, facets and timeline for the whole selection are in and painted; gui_busy_ms: the longest "
        "the GUI thread was busy at a time while the queries were typed (the synchronous part of a keystroke, "
        "or taking in a worker's late answer)"
    )


# -- scans and export ------------------------------------------------------------------------------


def measure_render(report: Report, work: Path, runs: int) -> None:
    """A JPEG scan page drawn at 150 dpi by the window's renderer against mutool's first render of it
    (a fresh process each time), medians of both."""
    from ..core.importers.batch import import_file
    from ..core.store import Archive
    from ..gui.render_service import render_page

    pdf = jpeg_scan_pdf(work / "scan.pdf")
    db = work / "render.db"
    remove_archive_files(db)
    with Archive(db) as archive:
        result = import_file(archive, pdf)
        assert result.document_id is not None, result.message
        file_id = archive.scan_pages(result.document_id)[0].file_id
    ours = samples_ms(lambda: render_page(db, file_id, 0, 150 / 72), runs)
    mutool = shutil.which("mutool")
    if mutool:
        out = work / "mutool.pnm"
        command = [mutool, "draw", "-q", "-r", "150", "-o", str(out), str(pdf), "1"]
        theirs = samples_ms(partial(subprocess.run, command, check=True, capture_output=True), runs)
        report.add("render_scan_ms", statistics.median(ours), "ms", statistics.median(theirs))
    else:
        report.add("render_scan_ms", statistics.median(ours), "ms")
        report.notes.append("mutool is not installed: render_scan_ms has no baseline")


def measure_export(report: Report, work: Path, runs: int) -> None:
    try:
        from .export_probe import export_seconds
    except ImportError:
        report.notes.append("export_pdf_s: annotated export is not available in this build")
        return
    shutil.rmtree(work / "export", ignore_errors=True)  # a kept folder's may be of an older schema
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


def _build_figures(report: Report, corpus: Corpus, progress: Progress) -> None:
    build = corpus.build(progress)
    report.add("build_docs_per_s", build.imported / build.seconds, "docs/s")
    report.add("import_peak_rss_mb", build.peak_rss_mb, "MB")
    report.build = {**build.__dict__, "sessions_detail": corpus.manifest["archive"]["sessions"]}
    when = "in this run" if build.this_run else f"by an earlier run ({build.when}), kept with --keep"
    resumed = f", in {build.sessions} sessions (a resumed build counts the pass over the files already in)"
    report.notes.append(
        f"build_docs_per_s: all {corpus.docs:,} files imported through the product's importer in one run_import "
        f"of their folder, in a process of its own, {when}{resumed if build.sessions > 1 else ''}; "
        f"import_peak_rss_mb is that process's peak (the writer; its parse workers are processes of their own)"
    )
    for step in corpus.manifest["archive"].get("migrations", []):
        report.notes.append(
            f"the kept archive was built by schema {step['from']} and brought to schema {step['to']} by the "
            f"product's own migrations in {step['seconds']:,.0f} s (as a user's archive is), not built again"
        )


def _save(report: Report, json_out: Path | None, complete: bool) -> None:
    if json_out is not None:
        temporary = json_out.with_name(json_out.name + ".tmp")
        temporary.write_text(json.dumps({**report.as_json(), "complete": complete}, indent=2), "utf-8")
        os.replace(temporary, json_out)


def run_bench(
    docs: int, json_out: Path | None = None, keep: Path | None = None, runs: int = 7, say: Callable[[str], None] = print
) -> Report:
    """Build (or reuse) the archive, then measure stage by stage. The JSON is written after every
    stage (``"complete": false`` until the end), and a stage that fails is noted and the run goes on:
    half an hour's figures are not lost to one failing probe."""
    report = Report(docs)
    progress = Progress(say)

    def stage(name: str, detail: str, *work: Callable[[], None]) -> None:
        # the disk quiet first: a million documents' build left gigabytes of dirty pages, which the
        # kernel wrote back during the import sample after it (the sample's own writes are its cost)
        if hasattr(os, "sync"):
            os.sync()
        progress.stage(name, detail)
        try:
            for step in work:
                step()
        except Exception as error:  # noted, and the other stages still run
            report.notes.append(f"stage '{name}' failed: {type(error).__name__}: {error}"[:2000])
            say(f"  FAILED: {type(error).__name__}: {str(error)[:500]}")
        report.stages, report.stages_cpu = dict(progress.times), dict(progress.cpu)
        _save(report, json_out, complete=False)

    with _workdir(keep) as work:
        corpus = Corpus(work, docs)
        db = corpus.db
        progress.stage("writing the files", f"{docs:,} synthetic documents in {corpus.files}")
        corpus.write_files(progress)
        progress.stage("building the archive", f"the product's importer into {db}")
        _build_figures(report, corpus, progress)
        stage(
            "import against its peers",
            "a sample imported afresh by both, alternating with sqlite-utils",
            partial(measure_import, report, work, corpus.files, docs, progress),
        )
        stage(
            "searching",
            "a cold first query, then queries that never repeat",
            partial(measure_first_query_cold, report, db),
            partial(peers.load_into_page_cache, db),  # the cold query left the archive cold
            partial(measure_search, report, db, runs),
        )
        stage(
            "opening the archive and the window",
            "warm and cold, against a minimal Qt window",
            partial(measure_open, report, db, runs),
            partial(measure_first_window, report, db, max(3, runs // 2)),
        )
        stage(
            "typing in the window",
            "typed queries by class, facets, jumps, the timeline",
            partial(measure_interaction, report, db, runs),
        )
        stage(
            "rendering a scan page and exporting",
            "a JPEG scan against mutool, an annotated handout",
            partial(measure_render, report, work, runs),
            partial(measure_export, report, work, runs),
        )
        size = sum(Path(f"{db}{suffix}").stat().st_size for suffix in ("", "-wal") if Path(f"{db}{suffix}").exists())
        report.add("archive_mb", size / 1e6 / max(docs / 1000, 1e-9), "MB/1k", report.peer_mb_per_1k)
        if report.peer_mb_per_1k is not None:
            report.notes.append(
                "archive_mb: the archive file (and its WAL) per 1,000 documents; the baseline is sqlite-utils' "
                "database of the import sample with its FTS table, per 1,000 documents"
            )
        progress.finish()
        report.stages, report.stages_cpu = dict(progress.times), dict(progress.cpu)
        say(f"[{clock(progress.elapsed())}] done")
    _save(report, json_out, complete=True)
    return report
