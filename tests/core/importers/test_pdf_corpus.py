"""Every PDF of the shared robustness corpus through the importer in one batch (OCR off).

The corpus holds real files from PDF libraries' test suites, many broken on purpose. Each must be
imported, repaired or refused with a reason; none may crash the batch, hang it, or leave a
document without its pages. The counts are printed (``pytest -s``) for people to read.
"""

from __future__ import annotations

import re
import time
from collections import Counter

import pytest

from tests.conftest import SHARED

CORPUS = SHARED / "corpora" / "pdf"

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not CORPUS.is_dir(), reason="the shared PDF corpus (../shared/corpora/pdf) is absent"),
]


def reason_kind(message: str) -> str:
    """A refusal's reason without the file-specific details, for counting."""
    message = message.split(" (MuPDF:")[0]
    return re.sub(r"\d+", "N", message)[:80]


def test_every_corpus_pdf_imports_is_repaired_or_is_refused(archive):
    from viewer.core.importers.batch import run_import
    from viewer.core.importers.mupdf import render_png
    from viewer.core.importers.pdf import pdf_options

    files = sorted(CORPUS.rglob("*.pdf"))  # the folder's notes (SOURCE.md) are not part of the test
    assert len(files) > 100
    started = time.monotonic()
    results = []
    with pdf_options(ocr=False, time_budget=30.0):
        for progress in run_import(archive, files):
            if progress.result is not None:
                results.append(progress.result)
    elapsed = time.monotonic() - started
    assert len(results) == len(files)

    outcomes = Counter(r.outcome for r in results)
    refused = Counter(reason_kind(r.message) for r in results if r.outcome == "refused")
    repaired = sum(1 for r in results if r.report.get("repaired"))
    needing_ocr = sum(1 for r in results if r.report.get("pages_needing_ocr"))
    print(f"\n{len(files)} PDFs in {elapsed:.1f} s: " + ", ".join(f"{n} {o}" for o, n in outcomes.most_common()))
    print(f"  repaired by MuPDF and imported: {repaired}; with pages left for OCR: {needing_ocr}")
    for reason, count in refused.most_common():
        print(f"  refused {count:>4}: {reason}")

    unexpected = [f"{r.path.name}: {r.message}" for r in results if r.message.startswith("unexpected error")]
    assert not unexpected, unexpected
    # Whole documents only: each has its pages, from a stored file, and its index row.
    conn = archive.conn

    def count(sql: str) -> int:
        return int(conn.execute(sql).fetchone()[0])

    assert count("SELECT count(*) FROM documents WHERE id NOT IN (SELECT document_id FROM pages)") == 0
    assert count("SELECT count(*) FROM documents WHERE id NOT IN (SELECT rowid FROM search)") == 0
    assert count("SELECT count(*) FROM files WHERE id NOT IN (SELECT file_id FROM pages)") == 0
    for result in results:
        if result.outcome == "imported":
            pages = conn.execute("SELECT count(*) FROM pages WHERE document_id = ?", (result.document_id,)).fetchone()
            assert pages[0] == result.report["pages"], result.path.name
    assert outcomes["imported"] + outcomes["unchanged"] + outcomes["refused"] == len(files)

    # The first page of every imported document renders (small), or fails with an error, never a crash.
    render_failures = []
    for row in conn.execute(
        "SELECT p.file_id, p.file_page, f.mime FROM pages p JOIN files f ON f.id = p.file_id WHERE p.position = 0"
    ).fetchall():
        try:
            render_png(archive.file_bytes(row["file_id"]), row["mime"], row["file_page"], dpi=20)
        except Exception as error:
            render_failures.append(f"{type(error).__name__}: {error}")
    print(f"  first pages rendered: {outcomes['imported'] - len(render_failures)}, failed: {len(render_failures)}")
