"""The bench's figures: each metric's value, unit, baseline (a peer measured in the same run) and
ratio, the targets of issue 16 beside them, figures by query class, how long each stage took, and
notes saying how each figure was taken. ``as_json`` is what ``--json`` writes; ``table`` what is printed."""

from __future__ import annotations

import os
import platform
from typing import Any

from .. import __version__
from . import peers

# The target of each metric (at 1,000,000 documents on a 2-core machine; "-" where there is none).
TARGETS = {
    "typed_query_ms": "≤ 100 ms",
    "typed_settled_ms": "-",  # counts and facets may follow the first screen (issue 16)
    "gui_busy_ms": "≤ 50 ms",
    "facet_change_ms": "≤ 100 ms",
    "list_jump_cold_ms": "≤ 50 ms",
    "timeline_first_paint_ms": "≤ 50 ms",
    "first_window_s": "≤ 1.5 s",
    "first_window_cold_s": "≤ 3 s",
    "first_query_cold_ms": "-",
    "search_p50_ms": "-",
    "search_p95_ms": "≤ 20 ms",
    "search_ms": "≤ 20 ms",  # p95 by query class (the table of several runs shows them)
    "import_docs_per_s": "≥ 1000 docs/s",
    "import_floor_docs_per_s": "-",
    "build_docs_per_s": "≥ 1000 docs/s",
    "import_peak_rss_mb": "-",
    "archive_mb": "≤ 8 MB/1k",
    "render_scan_ms": "ratio ≤ 1.2",
    "peak_rss_mb": "≤ 400 MB",
    "open_archive_s": "≤ 0.3 s",
    "list_scroll_ms": "≤ 50 ms",
    "filter_ms": "≤ 100 ms",
    "timeline_paint_ms": "≤ 8 ms",
    "timeline_month_paint_ms": "≤ 8 ms",
    "export_pdf_s": "≤ 2 s",
}


def significant(value: float, digits: int = 4) -> float:
    return float(f"{value:.{digits}g}")


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


def meets(value: float, ratio: float | None, target: str) -> bool | None:
    """Whether a figure meets its target ("≤ 100 ms", "≥ 1000 docs/s", "ratio ≤ 1.2"); None: no target."""
    words = target.split()
    if len(words) < 2 or words[-2 if words[0] == "ratio" else 0] not in ("≤", "≥"):
        return None
    if words[0] == "ratio":
        if ratio is None:
            return None
        value, words = ratio, words[1:]
    bound = float(words[1])
    return value <= bound if words[0] == "≤" else value >= bound


class Report:
    def __init__(self, docs: int):
        self.docs = docs
        self.metrics: dict[str, dict[str, Any]] = {}
        self.notes: list[str] = []
        self.classes: dict[str, dict[str, dict[str, float]]] = {}  # figures by query class
        self.stages: dict[str, float] = {}  # seconds each stage of the run took
        self.stages_cpu: dict[str, float] = {}  # CPU seconds of each stage (progress.cpu_seconds)
        self.build: dict[str, Any] = {}  # how the archive was built (this run or a kept one)
        self.import_sample = 0
        self.peer_mb_per_1k: float | None = None  # sqlite-utils' database of the sample, per 1,000

    def add(self, name: str, value: float, unit: str, baseline: float | None = None) -> None:
        ratio = value / baseline if baseline else None
        self.metrics[name] = {
            "value": significant(value),
            "unit": unit,
            "baseline": None if baseline is None else significant(baseline),
            "ratio": None if ratio is None else significant(ratio),
            "target": TARGETS.get(name, "-"),
        }

    def as_json(self) -> dict[str, Any]:
        return {
            "docs": self.docs,
            "machine": {
                "python": platform.python_version(),
                "platform": platform.platform(),
                "cpus": os.cpu_count(),
                "sqlite": peers.sqlite_version(),
                "version": __version__,
                "load": list(os.getloadavg()) if hasattr(os, "getloadavg") else None,
            },
            "metrics": self.metrics,
            "classes": self.classes,
            "build": self.build,
            "import_sample": self.import_sample,
            "stages_s": self.stages,
            "stages_cpu_s": self.stages_cpu,
            "notes": self.notes,
        }

    def table(self) -> str:
        head = f"{'metric':<26}{'value':>12}  {'unit':<7}{'baseline':>12}{'ratio':>9}  {'target':<15}met"
        lines = [f"{self.docs:,} documents", head, "-" * len(head)]
        for name, metric in self.metrics.items():
            baseline = "" if metric["baseline"] is None else f"{metric['baseline']:.4g}"
            ratio = "" if metric["ratio"] is None else f"{metric['ratio']:.3g}"
            met = meets(metric["value"], metric["ratio"], metric["target"])
            lines.append(
                f"{name:<26}{metric['value']:>12.4g}  {metric['unit']:<7}{baseline:>12}{ratio:>9}  "
                f"{metric['target']:<15}{'' if met is None else 'yes' if met else 'NO'}"
            )
        for group, classes in self.classes.items():
            for name, figures in classes.items():
                shown = ", ".join(f"{key} {value:.4g}" for key, value in figures.items())
                lines.append(f"  {group}/{name}: {shown}")
        stages = ", ".join(f"{name} {seconds:.0f} s" for name, seconds in self.stages.items())
        return "\n".join([*lines, f"stages: {stages}", *[f"note: {note}" for note in self.notes]])
