"""``archive-viewer bench``: measure the program on a synthetic archive."""

from __future__ import annotations

from pathlib import Path

import click

from .context import file_option


@click.command()
@click.option("--docs", default=100_000, show_default=True, help="Size of the synthetic archive.")
@file_option("--json", "json_out", "Write the figures as JSON here.")
@click.option(
    "--keep",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    help="Write the files and build the archive in this folder and keep them: a later run with the same --docs "
    "reuses them (manifest.json), an interrupted one resumes.",
)
@click.option("--runs", default=7, show_default=True, help="Runs per figure (the median is reported).")
def bench(docs: int, json_out: Path | None, keep: Path | None, runs: int) -> None:
    """Measure the program on a deterministic synthetic archive of DOCS documents.

    Each stage is printed as it runs (to stderr), the table of figures with their targets at the end;
    ``python -m viewer.bench.table A.json B.json ...`` puts several runs' JSON side by side."""
    from ..bench.run import run_bench

    report = run_bench(docs, json_out, keep, runs, say=lambda line: click.echo(line, err=True))
    click.echo(report.table())
