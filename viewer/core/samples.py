"""The bundled sample archive: the seed telegrams in ``resources/samples``, imported for real, and the
collections ``resources/samples/collections.toml`` names (the kiosk example's exhibit among them).

``archive.db`` at the top of the project is built by :func:`build_sample_archive`; a test rebuilds
it and compares :func:`content_dump` of both, so the shipped file never drifts from its sources.
"""

from __future__ import annotations

import os
import tomllib
from pathlib import Path

from .importers.batch import import_all
from .store import Archive
from .store.copies import content_dump

__all__ = ["build_sample_archive", "content_dump", "make_collections"]

COLLECTIONS = "collections.toml"  # beside the sample files: the collections the build makes


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
    make_collections(archive, samples / COLLECTIONS)
    archive.settle_sample_build()
    return archive


def make_collections(archive: Archive, path: Path) -> None:
    """The collections ``path`` (a TOML file of [[collection]] tables) describes, documents named by
    the start of their key: the kiosk example's exhibit exists in the bundled archive."""
    if not path.exists():
        return
    for entry in tomllib.loads(path.read_text("utf-8")).get("collection", []):
        ids = []
        for prefix in entry["documents"]:
            found = archive.resolve_id(str(prefix))
            if found is None:
                raise RuntimeError(f"{path}: no sample document {prefix!r} for collection {entry['name']!r}")
            ids.append(found)
        archive.create_collection(entry["name"], entry["title"], entry.get("introduction", ""), ids)
