"""Completing OCR later: documents imported while Tesseract was missing (or OCR was turned off).

Pages are rendered from the stored file and read before the transaction; each document is then
updated in one transaction (page texts, its OCR texts, its review reasons, its index row), so a
cancelled run leaves every document either as it was or done.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from .. import ocr
from ..messages import say
from .mupdf import MIME, PageData, ocr_pages, open_document, quiet
from .pdf import LOW_CONFIDENCE, NEEDS_OCR, needs_ocr_reason, texts_from_pages

if TYPE_CHECKING:
    from ..store import Archive


@dataclass
class OcrProgress:
    done: int  # documents finished
    total: int
    document_id: int | None
    pages: int = 0  # pages read so far, all documents
    message: str = ""


def complete_ocr(
    archive: Archive,
    document_ids: Sequence[int] | None = None,
    languages: str | None = None,
    cancelled: Callable[[], bool] = lambda: False,
) -> Iterator[OcrProgress]:
    """OCR every page still marked as needing it; yields after each document. Raises OcrError at
    once when Tesseract or its language data is missing."""
    languages = ocr.resolve_languages(languages)
    wanted = archive.documents_needing_ocr()
    if document_ids is not None:
        wanted = [d for d in wanted if d in set(document_ids)]
    pages_done = 0
    yield OcrProgress(0, len(wanted), wanted[0] if wanted else None)
    for index, document_id in enumerate(wanted):
        if cancelled():
            return
        read, message = ocr_document(archive, document_id, languages)
        pages_done += read
        yield OcrProgress(index + 1, len(wanted), document_id, pages_done, message)


def ocr_document(archive: Archive, document_id: int, languages: str) -> tuple[int, str]:
    """OCR one document's pending pages; returns how many pages were read and any warnings."""
    rows = archive.page_rows(document_id)
    pending = [row for row in rows if row.needs_ocr]
    results: dict[int, PageData] = {}
    warnings: list[str] = []
    for file_id in dict.fromkeys(row.file_id for row in pending):
        info = archive.file_info(file_id)
        data = archive.file_bytes(file_id)
        if info is None or data is None:
            continue
        kind = next((k for k, m in MIME.items() if m == info.mime), "pdf")
        pages = [
            PageData(row.file_page, row.width or 0, row.height or 0, needs_ocr=True)
            for row in pending
            if row.file_id == file_id
        ]
        with quiet():
            doc = open_document(data, info.name, kind)
            try:
                warnings += ocr_pages(doc, pages, languages)
            finally:
                doc.close()
        for row, page in zip([r for r in pending if r.file_id == file_id], pages, strict=True):
            if not page.needs_ocr:
                results[row.id] = page
    with archive.transaction():
        for page_id, page in results.items():
            archive.set_page_text(page_id, page.text or "", "ocr", page.ocr_confidence)
        rows = archive.page_rows(document_id)
        document = archive.document_row(document_id)
        assert document is not None
        read = [
            PageData(r.file_page, 0, 0, r.text, r.text_origin, r.ocr_confidence) for r in rows if r.text_origin == "ocr"
        ]
        typed = {(t.kind, t.language) for t in archive.texts(document_id) if t.origin != "ocr"}
        texts = [t for t in texts_from_pages(read, document.original_language) if (t.kind, t.language) not in typed]
        archive.replace_machine_texts(document_id, texts)
        reasons = [r for r in document.review_reasons if not r.startswith((NEEDS_OCR, "no text found"))]
        reasons = _better_guesses(archive, document_id, read, reasons)
        still = sum(1 for r in rows if r.needs_ocr)
        if still:
            reasons.append(needs_ocr_reason(still, len(rows), say("ocr_failed_some")))
        confidences = [p.ocr_confidence for p in read if p.ocr_confidence is not None]
        if confidences and min(confidences) < LOW_CONFIDENCE and not any(r.startswith("OCR text") for r in reasons):
            reasons.append(say("ocr_uncertain", confidence=f"{min(confidences):.0f}"))
        archive.set_review_reasons(document_id, reasons)
        archive.reindex(document_id)
    return len(results), "; ".join(warnings)


def _better_guesses(archive: Archive, document_id: int, read: list[PageData], reasons: list[str]) -> list[str]:
    """A title and date guessed from the OCR text where the import had nothing to guess from."""
    from ..dates import parse_date
    from .pdf import guess_title

    title = guess_title(read) if say("title_from_name") in reasons else None
    date = parse_date("\n".join((read[0].text or "").split("\n")[:40])) if read and say("no_date") in reasons else None
    archive.set_title_and_date(document_id, title, date)
    if title:
        reasons = [say("title_guessed") if r.startswith(say("no_title")) else r for r in reasons]
    if date is not None and date.known:
        reasons = [say("date_guessed") if r == say("no_date") else r for r in reasons]
    return reasons
