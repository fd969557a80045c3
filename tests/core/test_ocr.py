"""OCR: scans without a text layer are read by Tesseract, or kept as needing OCR until it is there."""

from __future__ import annotations

import pymupdf
import pytest

from viewer.bench.pdfs import image_only_pdf as scan_pdf
from viewer.core import ocr
from viewer.core.importers.batch import import_file
from viewer.core.importers.pdf import pdf_options

needs_tesseract = pytest.mark.skipif(
    not ocr.available("rus+eng"), reason="Tesseract with rus and eng data is not installed"
)

RUSSIAN = ["ТЕЛЕГРАММА", "Москва, товарищу Сталину.", "Сегодня прибыл Ким Ир Сен."]
ENGLISH = ["TELEGRAM", "Moscow, to Comrade Stalin.", "Kim Il Sung arrived today."]


def test_tsv_parsing_keeps_lines_and_confidence():
    tsv = (
        "level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext\n"
        "1\t1\t0\t0\t0\t0\t0\t0\t100\t100\t-1\t\n"
        "5\t1\t1\t1\t1\t1\t0\t0\t10\t10\t90\tMoscow,\n"
        "5\t1\t1\t1\t1\t2\t0\t0\t10\t10\t80\tto\n"
        "5\t1\t1\t1\t2\t1\t0\t0\t10\t10\t70\tStalin\n"
        "5\t1\t2\t1\t1\t1\t0\t0\t10\t10\t60\tKim\n"
    )
    result = ocr.parse_tsv(tsv)
    assert result.text == "Moscow, to\nStalin\n\nKim"
    assert result.confidence == 75.0 and result.words == 4


def test_without_tesseract_scan_imports_marked_needs_ocr(archive, tmp_path, monkeypatch):
    monkeypatch.setattr(ocr.shutil, "which", lambda name: None)
    path = scan_pdf(tmp_path / "scan.pdf", [ENGLISH])
    result = import_file(archive, path)
    assert result.outcome == "imported"
    assert "needs OCR" in result.message and "Tesseract is not installed" in result.message
    record = archive.record(result.document_id)
    assert record.has_scan and record.needs_review
    assert any(r.startswith("needs OCR") for r in record.review_reasons)
    assert [p.needs_ocr for p in archive.page_rows(result.document_id)] == [1]
    assert archive.documents_needing_ocr() == [result.document_id]


@needs_tesseract
def test_scan_is_read_by_ocr_and_found_by_search(archive, tmp_path):
    path = scan_pdf(tmp_path / "scan.pdf", [RUSSIAN, ENGLISH])
    with pdf_options(languages="rus+eng"):
        result = import_file(archive, path)
    assert result.outcome == "imported", result.message
    pages = archive.page_rows(result.document_id)
    assert [p.text_origin for p in pages] == ["ocr", "ocr"]
    assert all(p.ocr_confidence > 50 for p in pages)
    texts = archive.record(result.document_id).texts
    assert {(t.kind, t.language, t.origin) for t in texts} == {
        ("transcript", "ru", "ocr"),
        ("translation", "en", "ocr"),
    }
    assert all(t.confidence is not None for t in texts)
    for word in ("Москва", "Сталину", "Moscow", "Stalin", "TELEGRAM"):
        assert archive.search(word).total == 1, (word, [p.text for p in pages])


@needs_tesseract
def test_later_ocr_completes_documents_imported_without_it(archive, tmp_path):
    from viewer.core.importers.ocr_later import complete_ocr

    path = scan_pdf(tmp_path / "scan.pdf", [ENGLISH])
    with pdf_options(ocr=False):
        document_id = import_file(archive, path).document_id
    assert archive.search("Stalin").total == 0
    steps = list(complete_ocr(archive, languages="eng"))
    assert steps[-1].done == steps[-1].total == 1 and steps[-1].pages == 1
    assert archive.search("Stalin").total == 1
    record = archive.record(document_id)
    assert not any(r.startswith("needs OCR") for r in record.review_reasons)
    assert archive.documents_needing_ocr() == []
    assert [t.origin for t in record.texts] == ["ocr"]
    assert record.title == "TELEGRAM"  # guessed again, now that there is text


@needs_tesseract
def test_attached_image_is_ocred(seeded, tmp_path):
    from viewer.core.importers.images import attach_scan

    pdf = scan_pdf(tmp_path / "scan.pdf", [ENGLISH])
    doc = pymupdf.open(pdf)
    png = tmp_path / "scan.png"
    doc[0].get_pixmap(dpi=150).save(png)
    doc.close()
    document_id = seeded.page(limit=1)[0].id
    with pdf_options(languages="eng"):
        result = attach_scan(seeded, document_id, png)
    assert result.outcome == "updated", result.message
    page = seeded.page_rows(document_id)[0]
    assert page.text_origin == "ocr" and "Moscow" in page.text
