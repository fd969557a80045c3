"""A large JSON export (``--with-scans``) is imported a document at a time (importers/json_stream.py):
in memory for about one document instead of about five times the file, with the same documents as a
whole reading, and a file that is not JSON to its end is still refused whole."""

from __future__ import annotations

import hashlib
import json
import os
import tracemalloc
from pathlib import Path

import pytest

from viewer.core.importers import json_stream
from viewer.core.importers.batch import import_all
from viewer.core.store import Archive

from .test_json_curation import export, results

SCAN_MB = 1
COPIES = 4  # the seeds' documents four times over, under other keys: 20 documents of about 1.4 MB


@pytest.fixture(scope="module")
def large_export(tmp_path_factory) -> Path:
    """The seeds, each with a scan of SCAN_MB MB, exported with their bytes, COPIES times over under
    other keys (a file of about 28 MB, its envelope first as the exporter writes it)."""
    from ...conftest import SAMPLES

    folder = tmp_path_factory.mktemp("large")
    with Archive(folder / "source.db") as source:
        import_all(source, [SAMPLES])
        for number, document_id in enumerate(source.document_ids()):
            data = b"%PDF-1.4\n" + os.urandom(SCAN_MB << 20)
            with source.transaction():
                file_id = source.store_file(
                    hashlib.sha256(data).hexdigest(), f"scan{number}.pdf", "application/pdf", data
                )
                source.save_pages(document_id, file_id, [{"file_page": 0, "text": None}])
        exported = export(source, folder / "once.json", with_scans=True)
    documents = [
        {
            **document,
            "key": f"{document['key']}-{copy}",
            "sha256": f"{copy}{document['sha256'][1:]}",
            "url": document["url"] and f"{document['url']}?copy={copy}",
        }
        for copy in range(COPIES)
        for document in exported["documents"]
    ]
    envelope = {key: value for key, value in exported.items() if key not in ("documents", "count")}
    with (folder / "export.json").open("w", encoding="utf-8") as stream:  # the envelope first, as exported
        json.dump({**envelope, "documents": documents, "count": len(documents)}, stream, ensure_ascii=False, indent=2)
    return folder / "export.json"


def test_a_large_export_is_read_a_document_at_a_time(large_export, tmp_path, monkeypatch):
    monkeypatch.setattr(json_stream, "WHOLE", 1 << 20)
    size = large_export.stat().st_size
    with Archive(tmp_path / "archive.db") as archive:
        tracemalloc.start()
        try:
            outcomes = [r.outcome for r in results(archive, large_export)]
            peak = tracemalloc.get_traced_memory()[1]
        finally:
            tracemalloc.stop()
        assert outcomes == ["imported"] * 5 * COPIES
        assert peak < size, f"{peak >> 20} MB held to import a file of {size >> 20} MB"  # read whole: 5x
        streamed = {archive.record(d).key: archive.record(d).as_json() for d in archive.document_ids()}
    monkeypatch.setattr(json_stream, "WHOLE", 1 << 40)
    with Archive(tmp_path / "whole.db") as archive:
        assert [r.outcome for r in results(archive, large_export)] == ["imported"] * 5 * COPIES
        whole = {archive.record(d).key: archive.record(d).as_json() for d in archive.document_ids()}
    strip = ("id", "imported_at")
    assert {k: {f: v for f, v in r.items() if f not in strip} for k, r in streamed.items()} == {
        k: {f: v for f, v in r.items() if f not in strip} for k, r in whole.items()
    }


def test_a_large_export_cut_short_is_refused_whole(large_export, tmp_path, monkeypatch):
    monkeypatch.setattr(json_stream, "WHOLE", 1 << 20)
    text = large_export.read_text("utf-8")
    cut = tmp_path / "cut.json"
    cut.write_text(text[: len(text) - 40], "utf-8")
    with Archive(tmp_path / "archive.db") as archive:
        [result] = results(archive, cut)
        assert result.outcome == "refused" and "not valid JSON" in result.message
        assert archive.count() == 0
    bad = tmp_path / "bad.json"
    lines = text.splitlines()
    lines[-4] += " nonsense"  # a line near the end, after every document's scan
    bad.write_text("\n".join(lines), "utf-8")
    with Archive(tmp_path / "archive2.db") as archive:
        [result] = results(archive, bad)
        assert result.outcome == "refused" and f"line {len(lines) - 3}," in result.message, result.message
        assert archive.count() == 0
    with pytest.raises(json.JSONDecodeError) as whole:
        json.loads("\n".join(lines))
    assert f"line {whole.value.lineno}," in result.message
