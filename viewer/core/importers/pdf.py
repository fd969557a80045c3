"""Importing PDFs: the original file stored once, its pages, and their text searchable.

The slow part (MuPDF reading, OCR) runs before the transaction; the transaction then writes the
file bytes, the document, its texts, its pages and its index row together, so a cancelled or
crashed batch leaves only whole documents. Options (password, OCR, languages) reach the importer
through ``pdf_options`` because the batch runner calls every importer with the same arguments.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..gazetteer import Gazetteer
from ..messages import say
from ..records import ParsedDocument, Text
from . import sidecar
from .derive import derive_fields
from .mupdf import Extracted, PageData, PasswordRequired, ReadOptions, extract
from .page import LANGUAGE_CODES, Line, split_texts
from .results import FileResult

if TYPE_CHECKING:
    from ..store import Archive

__all__ = ["ImportOptions", "PasswordRequired", "import_pdf", "pdf_options", "use_options"]

LOW_CONFIDENCE = 60.0
LANGUAGE_NAMES = {code: name.capitalize() for name, code in LANGUAGE_CODES.items()}


@dataclass
class ImportOptions(ReadOptions):
    """ReadOptions plus where to look for metadata."""

    metadata_csv: Path | None = None
    extra: dict[str, Any] = field(default_factory=dict)


_OPTIONS: ContextVar[ImportOptions | None] = ContextVar("pdf_import_options", default=None)


@contextmanager
def pdf_options(options: ImportOptions | None = None, **changes: Any) -> Iterator[ImportOptions]:
    """Options for the PDF and image importers of every file imported inside the block (this
    thread only): ``with pdf_options(password="x", ocr=False): run_import(...)``."""
    chosen = replace(options or current_options(), **changes)
    token = _OPTIONS.set(chosen)
    try:
        yield chosen
    finally:
        _OPTIONS.reset(token)


def use_options(**changes: Any) -> Callable[[], None]:
    """Set the options (ignoring Nones) until the returned function is called: for a command whose
    import loop is not inside a ``with`` block."""
    token = _OPTIONS.set(replace(current_options(), **{k: v for k, v in changes.items() if v is not None}))
    return lambda: _OPTIONS.reset(token)


def current_options() -> ImportOptions:
    return _OPTIONS.get() or ImportOptions()


# -- building the document --------------------------------------------------------------------


def texts_from_pages(pages: list[PageData], original_language: str | None) -> list[Text]:
    """The pages' words as texts per script (transcript, translation), marked pdf or ocr."""
    result: list[Text] = []
    for origin in ("layer", "ocr"):
        chosen = [page for page in pages if page.text and page.text_origin == origin]
        if not chosen:
            continue
        lines = [Line(n, line) for n, line in enumerate("\n\n".join(p.text or "" for p in chosen).split("\n"))]
        confidences = [p.ocr_confidence for p in chosen if p.ocr_confidence is not None]
        for text in split_texts(lines, original_language):
            text.origin = "pdf" if origin == "layer" else "ocr"
            text.confidence = round(sum(confidences) / len(confidences), 1) if confidences else None
            result.append(text)
    for position, text in enumerate(result):
        text.position = position
    return result


def guess_language(pages: list[PageData]) -> str | None:
    """The original language: the script other than Latin with most letters, else English."""
    from .page import script_of

    counts: dict[str, int] = {}
    for page in pages:
        for paragraph in (page.text or "").split("\n\n"):
            code = script_of(paragraph)
            if code:
                counts[code] = counts.get(code, 0) + len(paragraph)
    if not counts:
        return None
    others = {code: n for code, n in counts.items() if code != "en"}
    code = max(others, key=lambda c: others[c]) if others else "en"
    return LANGUAGE_NAMES.get(code, code)


def guess_title(pages: list[PageData]) -> str:
    for page in pages[:2]:
        for line in (page.text or "").split("\n"):
            line = " ".join(line.split())
            if sum(ch.isalpha() for ch in line) >= 4:
                return line if len(line) <= 160 else line[:157].rsplit(" ", 1)[0] + "..."
    return ""


def good_metadata_title(title: str | None, path: Path) -> str | None:
    """The PDF's Title entry, unless it is a tool's placeholder or the file's own name."""
    if not title or sum(ch.isalpha() for ch in title) < 3:
        return None
    lowered = title.lower().strip()
    if lowered in {"untitled", "title", "document", "pdf", "scan", path.stem.lower(), path.name.lower()}:
        return None
    if lowered.startswith(("microsoft word - ", "microsoft powerpoint - ")) or lowered.endswith((".doc", ".docx")):
        return None
    return title.strip()


def build_document(
    extracted: Extracted, path: Path, gazetteer: Gazetteer | None, options: ImportOptions
) -> ParsedDocument:
    """A document from the file's pages, its metadata and its sidecars; guesses are flagged for review."""
    meta = sidecar.metadata_for(path, gazetteer, options.metadata_csv)
    doc = meta.page or ParsedDocument(key=path.stem)
    if meta.page is not None:  # the page parser's guesses are superseded by the PDF's own evidence below
        doc.review_reasons = [r for r in doc.review_reasons if r != say("no_text")]
    applied = sidecar.apply(doc, meta.fields, meta.extra)
    report = doc.report
    for source in meta.sources:
        report.recognised.setdefault("metadata", "")
        report.recognised["metadata"] = "; ".join(filter(None, [report.recognised["metadata"], source]))
    if not doc.original_language:
        doc.original_language = guess_language(extracted.pages)
    have = {(t.kind, t.language) for t in doc.texts}
    for text in texts_from_pages(extracted.pages, doc.original_language):
        if (text.kind, text.language) not in have:
            text.position = len(doc.texts)
            doc.texts.append(text)
    info = extracted.metadata
    if not doc.title:
        doc.title = good_metadata_title(info.get("title"), path) or ""
        if doc.title:
            report.recognised["title"] = f"{doc.title[:80]} (the PDF's metadata)"
    if not doc.title:
        doc.title = guess_title(extracted.pages) or path.stem
        doc.review_reasons.append(say("title_guessed" if doc.title != path.stem else "title_from_name"))
    if not doc.date.known and "date" not in applied:
        from ..dates import parse_date

        first = "\n".join((page.text or "") for page in extracted.pages[:1])
        doc.date = parse_date("\n".join(first.split("\n")[:40]))
        doc.review_reasons.append(say("date_guessed" if doc.date.known else "no_date"))
    for key, label in (
        ("author", "authors"),
        ("subject", "pdf subject"),
        ("keywords", "keywords"),
        ("creationDate", "pdf created"),
        ("producer", "pdf producer"),
    ):
        if info.get(key):
            doc.extra.setdefault(label, info[key])
    _flag_pages(doc, extracted)
    report.warnings += extracted.warnings
    report.recognised["pages"] = str(len(extracted.pages))
    derive_fields(doc, gazetteer)
    return doc


def _flag_pages(doc: ParsedDocument, extracted: Extracted) -> None:
    pending = extracted.pending_ocr()
    if pending:
        doc.review_reasons.append(needs_ocr_reason(pending, len(extracted.pages), extracted.ocr_note))
    confidences = [p.ocr_confidence for p in extracted.pages if p.text_origin == "ocr" and p.ocr_confidence is not None]
    if confidences and min(confidences) < LOW_CONFIDENCE:
        doc.review_reasons.append(say("ocr_uncertain", confidence=f"{min(confidences):.0f}"))
    if extracted.repaired:
        doc.review_reasons.append(say("repaired"))
    if not any(page.text for page in extracted.pages) and not pending:
        doc.review_reasons.append(say("no_text_on_pages"))


NEEDS_OCR = "needs OCR"


def needs_ocr_reason(pending: int, total: int, why: str | None) -> str:
    return (
        say("needs_ocr_why", pending=pending, total=total, why=why)
        if why
        else say("needs_ocr", pending=pending, total=total)
    )


# -- the importer -----------------------------------------------------------------------------


def import_pdf(archive: Archive, path: Path, data: bytes, sha256: str) -> FileResult:
    """The batch importer for .pdf files (batch.EXTRA_IMPORTERS dispatches to it)."""
    return import_scan_file(archive, path, data, sha256, "pdf")


def import_scan_file(archive: Archive, path: Path, data: bytes, sha256: str, kind: str) -> FileResult:
    options = current_options()
    resolved = str(path.resolve())
    outcome, existing = archive.find_existing(sha256, resolved, None, path.stem)
    if outcome == "unchanged":
        return FileResult(path, "unchanged", existing, "already in the archive, unchanged")
    extracted = extract(data, path.name, kind, options)  # slow: before the transaction
    parsed = build_document(extracted, path, archive.gazetteer(), options)
    stored = extracted.stored or data
    report = parsed.report.as_dict()
    report["repaired"] = extracted.repaired
    report["pages_needing_ocr"] = extracted.pending_ocr()
    report["pages"] = len(extracted.pages)
    with archive.transaction():
        # asked again inside the write transaction: another import may have written this file meanwhile
        outcome, existing = archive.find_existing(sha256, resolved, None, path.stem)
        if outcome == "unchanged":
            return FileResult(path, "unchanged", existing, "already in the archive, unchanged")
        document_id = archive.save_document(parsed, source_path=resolved, sha256=sha256, replace_id=existing)
        file_id = archive.store_file(_sha(stored) if extracted.stored else sha256, path.name, extracted.mime, stored)
        archive.save_pages(document_id, file_id, [page.as_row() for page in extracted.pages])
        archive.reindex(document_id)
        archive.record_import(str(path), sha256, document_id, outcome, report)
    notes = [w for w in extracted.warnings if w.startswith("damaged")]
    if extracted.pending_ocr():
        notes.append(needs_ocr_reason(extracted.pending_ocr(), len(extracted.pages), extracted.ocr_note))
    notes += [r for r in parsed.review_reasons if not r.startswith((NEEDS_OCR, "the file was damaged"))]
    return FileResult(path, outcome, document_id, "; ".join(notes), report)


def _sha(data: bytes) -> str:
    import hashlib

    return hashlib.sha256(data).hexdigest()
