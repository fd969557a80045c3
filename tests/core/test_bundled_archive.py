"""The shipped archive.db holds exactly what rebuilding it from resources/samples gives."""

from __future__ import annotations

import sqlite3

from viewer.core.samples import build_sample_archive, content_dump
from viewer.core.store import Archive

from ..conftest import ROOT, SAMPLES


def test_bundled_archive_matches_a_rebuild(tmp_path):
    rebuilt = build_sample_archive(SAMPLES, tmp_path / "rebuilt.db")
    shipped = sqlite3.connect(f"{(ROOT / 'archive.db').as_uri()}?mode=ro", uri=True)
    try:
        assert content_dump(shipped) == content_dump(rebuilt.conn)
    finally:
        shipped.close()
        rebuilt.close()


def test_bundled_archive_opens_read_only_with_the_five_seeds():
    with Archive(ROOT / "archive.db", readonly=True) as archive:
        assert archive.count() == 5
        assert sorted(row.key[:3] for row in archive.page()) == ["000", "001", "002", "003", "004"]
        assert sorted(hit.key[:3] for hit in archive.search("Filippov").hits) == ["000", "001", "002", "004"]


def test_samples_are_the_shared_seeds():
    shared = ROOT.parent / "shared" / "seeds"
    if not shared.exists():
        return
    for sample in SAMPLES.glob("*.txt"):
        assert sample.read_bytes() == (shared / sample.name).read_bytes()
