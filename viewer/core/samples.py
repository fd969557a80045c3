"""The bundled sample archive: the seed telegrams in ``resources/samples``, imported for real.

``archive.db`` at the top of the project is built by :func:`build_sample_archive`; a test rebuilds
it and compares :func:`content_dump` of both, so the shipped file never drifts from its sources.
"""

from __future__ import annotations

import os
from pathlib import Path

from .importers.batch import import_all
from .store import Archive
from .store.copies import content_dump

__all__ = ["build_sample_archive", "content_dump"]


def build_sample_archive(samples: Path, out: Path) -> Archive:
    """Import every sample file into a new archive at ``out`` (which must not exist)."""
    if out.exists():
        raise FileExistsError(out)
    archive = Archive(out)
    cwd = Path.cwd()
    try:
        # paths are recorded relative to the samples' folder, so the build does not depend on
        # where the checkout lives
        os.chdir(samples)
        summary = import_all(archive, sorted(Path(".").glob("*.txt")))
    finally:
        os.chdir(cwd)
    refused = summary.refused()
    if refused:
        raise RuntimeError(f"sample files refused: {[(str(r.path), r.message) for r in refused]}")
    archive.settle_sample_build()
    return archive
