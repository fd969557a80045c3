"""Several bench runs side by side as one markdown table, so growth with the archive is visible:

    python -m viewer.bench.table b10k.json b100k.json b1m.json

Each metric gets a row: its unit and target, then for each run (by its number of documents) the
value and the baseline with the ratio to it, and whether the largest run meets the target; then the
typed queries' and the searches' p95 class by class. The README's performance section is this table.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

from .report import TARGETS, meets

# by query class, under the metrics: (the group in "classes", its figure, the target it answers to)
CLASS_FIGURES = [
    ("typed_query_ms", "first_p95", TARGETS["typed_query_ms"]),
    ("typed_query_ms", "settled_p95", "-"),
    ("search_ms", "p95", TARGETS["search_ms"]),
]


def _size(docs: int) -> str:
    if docs >= 1_000_000 and docs % 1_000_000 == 0:
        return f"{docs // 1_000_000}M"
    return f"{docs // 1000}k" if docs >= 1000 and docs % 1000 == 0 else str(docs)


def _number(value: float) -> str:
    return f"{value:,.0f}" if abs(value) >= 100 else f"{value:.3g}"


def _baseline(metric: dict[str, Any] | None) -> str:
    if metric is None or metric.get("baseline") is None:
        return ""
    ratio = metric["ratio"]
    shown = f"{ratio:,.0f}" if ratio >= 100 else f"{ratio:.2g}"
    return f"{_number(metric['baseline'])} (×{shown})"


def markdown(reports: list[dict[str, Any]]) -> str:
    """The runs' metrics as a markdown table, smallest archive first."""
    reports = sorted(reports, key=lambda report: report["docs"])
    names = list(dict.fromkeys(name for report in reports for name in report["metrics"]))
    largest = reports[-1]
    head = ["metric", "unit", "target"]
    for report in reports:
        head += [_size(report["docs"]), "baseline (ratio)"]
    head.append(f"met at {_size(largest['docs'])}")
    lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    for name in names:
        metric = largest["metrics"].get(name)
        any_metric = metric or next(r["metrics"][name] for r in reports if name in r["metrics"])
        target = any_metric.get("target", TARGETS.get(name, "-"))
        row = [f"`{name}`", any_metric["unit"], target]
        for report in reports:
            own = report["metrics"].get(name)
            row += ["" if own is None else _number(own["value"]), _baseline(own)]
        met = None if metric is None else meets(metric["value"], metric.get("ratio"), target)
        row.append("" if met is None else "yes" if met else "**no**")
        lines.append("| " + " | ".join(row) + " |")
    for group, figure, target in CLASS_FIGURES:  # the worst-of figures, class by class
        classes = list(dict.fromkeys(name for report in reports for name in report.get("classes", {}).get(group, {})))
        for name in classes:
            values = [report.get("classes", {}).get(group, {}).get(name, {}).get(figure) for report in reports]
            row = [f"{group}/{name} ({figure})", "ms", target]
            for value in values:
                row += ["" if value is None else _number(value), ""]
            met = None if values[-1] is None else meets(values[-1], None, target)
            row.append("" if met is None else "yes" if met else "**no**")
            lines.append("| " + " | ".join(row) + " |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("reports", nargs="+", type=Path, help="JSON files written by archive-viewer bench --json")
    args = parser.parse_args(argv)
    print(markdown([json.loads(path.read_text("utf-8")) for path in args.reports]))


if __name__ == "__main__":
    main()
