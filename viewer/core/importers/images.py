"""Scan images: imported as documents of their own (a folder of JPEG, PNG and TIFF scans), or
attached to a document (a PDF, or images, multi-page TIFF included) after its pages.

Images are read through MuPDF as one-page-per-frame documents, so they are stored, rendered and
OCR'd exactly like PDF pages.
"""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import ImportRefused
from ..messages import say
from .mupdf import MIME, PageData, ReadOptions, extract
from .pdf import LOW_CONFIDENCE, NEEDS_OCR, current_options, import_scan_file, needs_ocr_reason, texts_from_pages
from .results import FileResult

if TYPE_CHECKING:
    from ..store import Archive

IMAGE_SUFFIXES = {".jpg", ".jpeg", ".png", ".tif", ".tiff"}
SCAN_SUFFIXES = IMAGE_SUFFIXES | {".pdf"}


def sniff(data: bytes) -> str | None:
    """What the bytes are (pdf, png, jpeg, tiff), whatever the file name says."""
    head = data[:1024]
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return "png"
    if head.startswith(b"\xff\xd8\xff"):
        return "jpeg"
    if head.startswith((b"II*\x00", b"MM\x00*")):
        return "tiff"
    if b"%PDF-" in head:
        return "pdf"
    return None


def import_image(archive: Archive, path: Path, data: bytes, sha256: str) -> FileResult:
    """The batch importer for .jpg, .png and .tif files: a scanned document of a page per image (per
    frame of a TIFF), OCR'd as a PDF's scanned pages are. The bytes decide what it is, not the name."""
    kind = sniff(data)
    if kind is None or kind == "pdf":
        raise ImportRefused(path.name, say("not_an_image"))
    return import_scan_file(archive, path, data, sha256, kind)


def attach_scan(
    archive: Archive,
    document_id: int,
    path: str | Path,
    password: str | None = None,
    ocr: bool | None = None,
    languages: str | None = None,
    *,
    ask_password: bool = False,
) -> FileResult:
    """Add a file's pages after a document's existing pages, in one transaction. A bad file is not
    an exception: the result says "refused" and why. With ``ask_password`` an encrypted PDF raises
    ``PasswordRequired`` instead, so a window can ask for the password and call again."""
    path = Path(path)
    try:
        return _attach(archive, document_id, path, password, ocr, languages)
    except ImportRefused as refused:
        from .mupdf import PasswordRequired

        if isinstance(refused, PasswordRequired) and ask_password:
            raise
        with archive.transaction():
            archive.record_import(str(path), None, document_id, "refused", {"reason": refused.reason})
        return FileResult(path, "refused", None, refused.reason)


def _attach(
    archive: Archive, document_id: int, path: Path, password: str | None, ocr: bool | None, languages: str | None
) -> FileResult:
    if archive.document_row(document_id) is None:
        raise ImportRefused(str(path), say("no_document_to_attach", id=document_id))
    try:
        data = path.read_bytes()
    except OSError as error:
        raise ImportRefused(path.name, say("cannot_read", detail=error.strerror)) from None
    if not data:
        raise ImportRefused(path.name, say("empty_file"))
    kind = sniff(data)
    if kind is None:
        raise ImportRefused(path.name, say("not_a_scan"))
    sha256 = hashlib.sha256(data).hexdigest()
    if archive.has_file(document_id, sha256):
        return FileResult(path, "unchanged", document_id, say("scan_attached_already"))
    defaults = current_options()
    options = ReadOptions(
        password=password if password is not None else defaults.password,
        ocr=defaults.ocr if ocr is None else ocr,
        languages=languages or defaults.languages,
    )
    extracted = extract(data, path.name, kind, options)  # slow: before the transaction
    stored = extracted.stored or data
    stored_sha = hashlib.sha256(stored).hexdigest() if extracted.stored else sha256
    row = archive.document_row(document_id)
    assert row is not None  # checked above
    reasons = [r for r in row.review_reasons if not r.startswith(NEEDS_OCR)]
    with archive.transaction():
        file_id = archive.store_file(stored_sha, path.name, MIME[kind], stored)
        archive.save_pages(document_id, file_id, [p.as_row() for p in extracted.pages], append=True)
        existing = archive.texts(document_id)
        if not existing or any(text.origin in ("pdf", "ocr") for text in existing):
            # machine texts are made from all the pages, the attached ones included
            pages = [
                PageData(r.file_page, r.width or 0.0, r.height or 0.0, r.text, r.text_origin, r.ocr_confidence)
                for r in archive.page_rows(document_id)
            ]
            texts = texts_from_pages(pages, row.original_language)
            for origin in ("pdf", "ocr"):
                archive.replace_machine_texts(document_id, [t for t in texts if t.origin == origin], origin)
        total, pending = archive.page_counts(document_id)
        if pending:
            reasons.append(needs_ocr_reason(pending, total, extracted.ocr_note))
        low = [p.ocr_confidence for p in extracted.pages if p.ocr_confidence is not None]
        if low and min(low) < LOW_CONFIDENCE:
            reasons.append(say("ocr_uncertain", confidence=f"{min(low):.0f}"))
        archive.set_review_reasons(document_id, reasons)
        archive.reindex(document_id)
        report = {
            "attached": path.name,
            "pages": len(extracted.pages),
            "warnings": extracted.warnings,
            "pages_needing_ocr": extracted.pending_ocr(),
            "repaired": extracted.repaired,
        }
        archive.record_import(str(path), sha256, document_id, "updated", report)
    message = say("attached_one" if len(extracted.pages) == 1 else "attached", count=len(extracted.pages))
    if extracted.warnings:
        message += "; " + "; ".join(extracted.warnings)
    return FileResult(path, "updated", document_id, message, report)
