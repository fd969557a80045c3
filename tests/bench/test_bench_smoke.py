"""The benchmark runs end to end on a small archive and writes JSON of the documented shape.
Timings are not checked: they belong to the machine, not to the test."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from viewer.cli import main

METRICS = {
    "import_docs_per_s",
    "search_p50_ms",
    "search_p95_ms",
    "open_archive_s",
    "first_window_s",
    "list_scroll_ms",
    "filter_ms",
    "timeline_paint_ms",
    "timeline_month_paint_ms",
    "render_150dpi_ms",
    "export_pdf_s",
    "peak_rss_mb",
    "archive_mb",
}


@pytest.mark.slow
def test_bench_smoke(tmp_path):
    out = tmp_path / "bench.json"
    result = CliRunner().invoke(
        main, ["bench", "--docs", "300", "--runs", "3", "--json", str(out), "--keep", str(tmp_path / "work")]
    )
    assert result.exit_code == 0, result.output
    report = json.loads(out.read_text())
    assert report["docs"] == 300
    assert {"python", "cpus", "sqlite"} <= set(report["machine"])
    assert set(report["metrics"]) == METRICS, report.get("notes")
    for name, metric in report["metrics"].items():
        assert set(metric) == {"value", "unit", "baseline", "ratio"}, name
        assert metric["value"] > 0, name
        if metric["baseline"] is not None:
            assert metric["ratio"] == pytest.approx(metric["value"] / metric["baseline"], rel=0.01)
    for name in ("import_docs_per_s", "search_p95_ms", "first_window_s", "render_150dpi_ms"):
        assert report["metrics"][name]["baseline"] is not None, name
    assert "import_docs_per_s" in result.output  # the table is printed too
    with_archive = tmp_path / "work" / "bench.db"
    assert with_archive.exists()
