"""What the exchange-format tests share: one export through the runner, and a document by key prefix."""

from __future__ import annotations

from pathlib import Path

from viewer.core.exporters import Chosen, ExchangeOptions, export_documents

# Words of seed 001's translation, highlighted in the tests.
AGREE = "they agree with the proposal of the Koreans to move toward reunification"


def export(archive, fmt: str, out: Path, chosen: Chosen | None = None, **options) -> Path:
    steps = list(export_documents(archive, chosen or Chosen(everything=True), fmt, out, ExchangeOptions(**options)))
    assert steps[-1].path == out and steps[-1].done == steps[-1].total
    return out


def by_prefix(archive, prefix: str) -> int:
    found = archive.resolve_id(prefix)
    assert found is not None
    return found
