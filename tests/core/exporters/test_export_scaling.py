"""Export grows linearly with the text and holds about a page of it: counted in PDF objects and
content streams per page, and in the memory Python holds, never by the clock."""

from __future__ import annotations

import tracemalloc

import pymupdf

from viewer.bench.scaling import long_text
from viewer.core.annotations import Create, new_highlight
from viewer.core.exporters import export_to
from viewer.core.importers.batch import import_all
from viewer.core.store import Archive

LINES = 600


def _export(tmp_path, lines: int) -> tuple[pymupdf.Document, int, int]:
    """Export a document of ``lines`` lines with a highlight every hundred lines; the PDF, the peak
    memory Python held while exporting and the length of the text."""
    source = tmp_path / f"long-{lines}.txt"
    source.write_text(f"May 16, 1950\n\nA long telegram of {lines} lines\n\n{long_text(lines)}\n", "utf-8")
    archive = Archive(tmp_path / f"a-{lines}.db")
    import_all(archive, [source])
    document_id = archive.page()[0].id
    body = archive.texts(document_id)[0]
    for start in range(0, len(body.body) - 40, len(body.body) // (lines // 100)):
        Create(new_highlight(archive, document_id, body.kind, start + 3, start + 30, note="n")).redo(archive)
    tracemalloc.start()
    out = export_to(archive, [document_id], tmp_path / f"long-{lines}.pdf")
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    archive.close()
    return pymupdf.open(out), peak, len(body.body)


def test_export_grows_linearly_and_holds_a_page_at_a_time(tmp_path):
    small, small_peak, small_text = _export(tmp_path, LINES)
    large, large_peak, large_text = _export(tmp_path, 4 * LINES)
    assert large.page_count > 3.5 * small.page_count
    for pdf in (small, large):
        for page in pdf.pages(1, pdf.page_count):
            # a text object per page and colour (body, footer), not one per line
            assert len(page.get_contents()) <= 3
            assert page.read_contents().count(b"BT") <= 3
        assert pdf.xref_length() <= 6 * pdf.page_count + 40  # objects grow with pages, not lines
        highlights = sum(1 for page in pdf for annot in page.annots() if annot.type[1] == "Highlight")
        assert highlights >= (pdf.page_count - 2) // 5  # every highlight of the text made it
    # what Python holds while exporting grows only by the text itself (read from the archive), not by
    # objects per character: the glyphs of about a page at a time (it was over 150 bytes a character)
    assert (large_peak - small_peak) / (large_text - small_text) < 12
