"""The benchmark runs end to end on a small archive and writes JSON of the documented shape.
Timings are not checked: they belong to the machine, not to the test."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from viewer.cli import main

METRICS = {  # issue 16's names first, then the ones kept from before
    "typed_query_ms",
    "typed_settled_ms",
    "gui_busy_ms",
    "facet_change_ms",
    "list_jump_cold_ms",
    "timeline_first_paint_ms",
    "first_window_s",
    "first_window_cold_s",
    "first_query_cold_ms",
    "search_p50_ms",
    "search_p95_ms",
    "import_docs_per_s",
    "import_floor_docs_per_s",
    "build_docs_per_s",
    "import_peak_rss_mb",
    "archive_mb",
    "render_scan_ms",
    "peak_rss_mb",
    "open_archive_s",
    "list_scroll_ms",
    "filter_ms",
    "timeline_paint_ms",
    "timeline_month_paint_ms",
    "export_pdf_s",
}
TYPED_CLASSES = {"rare", "third", "everywhere", "phrase", "name", "dated"}


@pytest.mark.slow
def test_bench_smoke(tmp_path):
    out = tmp_path / "bench.json"
    result = CliRunner().invoke(
        main, ["bench", "--docs", "300", "--runs", "3", "--json", str(out), "--keep", str(tmp_path / "work")]
    )
    assert result.exit_code == 0, result.output
    report = json.loads(out.read_text())
    assert report["docs"] == 300 and report["complete"] is True and "FAILED" not in result.output
    assert {"python", "cpus", "sqlite"} <= set(report["machine"])
    assert set(report["metrics"]) == METRICS, report.get("notes")
    for name, metric in report["metrics"].items():
        assert set(metric) == {"value", "unit", "baseline", "ratio", "target"}, name
        assert metric["value"] > 0, name
        if metric["baseline"] is not None:
            assert metric["ratio"] == pytest.approx(metric["value"] / metric["baseline"], rel=0.01)
    peered = (
        "import_docs_per_s",
        "search_p95_ms",
        "first_window_s",
        "first_window_cold_s",
        "render_scan_ms",
        "archive_mb",
    )
    for name in peered:
        assert report["metrics"][name]["baseline"] is not None, name
    typed = report["classes"]["typed_query_ms"]
    assert set(typed) == TYPED_CLASSES
    assert report["metrics"]["typed_query_ms"]["value"] == pytest.approx(
        max(c["first_p95"] for c in typed.values()), rel=1e-3
    )
    metrics = report["metrics"]
    assert metrics["typed_query_ms"]["value"] <= metrics["typed_settled_ms"]["value"]  # first screen, then settled
    assert metrics["gui_busy_ms"]["value"] >= min(c["first_p50"] for c in typed.values())
    assert typed["everywhere"]["matched_median"] == 300  # "everywhere" words are in every document
    assert 0 < typed["third"]["matched_median"] < 300
    assert set(report["classes"]["search_ms"]) == {"rare", "medium", "everywhere"}
    assert "import_docs_per_s" in result.output and "typed_query_ms/phrase" in result.output  # the table too
    with_archive = tmp_path / "work" / "bench.db"
    assert with_archive.exists()
    assert report["build"]["this_run"] and report["build"]["imported"] == 300
    assert {"writing the files", "building the archive", "typing in the window"} <= set(report["stages_s"])
    assert "[0:" in result.output and "took" in result.output  # each stage said as it went, with the time
