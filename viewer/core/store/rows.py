"""Rows into records: the one place where a column list meets a record's fields.

Each converter takes a row of the SELECT written beside it (the same columns in the same order)."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Sequence
from functools import partial
from typing import Any

from ..records import DatedDocument, Document, ListRow, StoredPage, Text
from .text_codec import unpack

Row = Sequence[Any]

TEXT_COLUMNS = "id, kind, language, body, origin, confidence, position"
DOCUMENT_COLUMNS = (
    "id, key, title, date_start, date_end, date_precision, date_text, doc_type, classification, original_language, "
    "summary, citation, source, url, record_id, credits, rights, contents, extra, needs_review, review_reasons, "
    "has_scan, has_transcript, has_translation, source_name, source_path, source_sha256, imported_at, updated_at"
)
# A ScanPage's columns, in its order.
SCAN_PAGE_SELECT = (
    "SELECT p.id, p.file_id, p.file_page, p.position, p.width, p.height, f.name, f.mime "
    "FROM pages p JOIN files f ON f.id = p.file_id"
)
STORED_PAGE_COLUMNS = "id, file_id, file_page, position, width, height, text, text_origin, ocr_confidence, needs_ocr"


def text(row: Row) -> Text:
    """A row of ``SELECT {TEXT_COLUMNS} FROM texts``, its body unpacked (store/text_codec.py)."""
    return Text(
        id=row[0], kind=row[1], language=row[2], body=unpack(row[3]), origin=row[4], confidence=row[5], position=row[6]
    )


# tuple.__new__ bound to the record type builds a named tuple from a row at C speed (no Python call per row)
_LIST_ROW: Callable[[Row], ListRow] = partial(tuple.__new__, ListRow)
_DATED: Callable[[Row], DatedDocument] = partial(tuple.__new__, DatedDocument)


def list_rows(found: Iterable[Row]) -> list[ListRow]:
    """Plain-tuple rows of ``listing.LIST_COLUMNS`` (in ListRow's order), as records."""
    return list(map(_LIST_ROW, found))


def dated_documents(found: Iterable[Row]) -> list[DatedDocument]:
    """Plain-tuple rows of ``id, key, date_start, title``, as records."""
    return list(map(_DATED, found))


def stored_page(row: Row) -> StoredPage:
    """A row of ``SELECT {STORED_PAGE_COLUMNS} FROM pages``."""
    id_, file_id, file_page, position, width, height, text_, text_origin, ocr_confidence, needs_ocr = row
    return StoredPage(
        id_, file_id, file_page, position, width, height, text_, text_origin, ocr_confidence, bool(needs_ocr)
    )


def document(row: Row) -> Document:
    """A row of ``SELECT {DOCUMENT_COLUMNS} FROM documents``, its JSON columns read back."""
    (id_, key, title, date_start, date_end, date_precision, date_text, doc_type, classification, original_language,
     summary, citation, source, url, record_id, credits, rights, contents, extra, needs_review, review_reasons,
     has_scan, has_transcript, has_translation, source_name, source_path, source_sha256, imported_at,
     updated_at) = row  # fmt: skip
    return Document(
        id=id_,
        key=key,
        title=title,
        date_start=date_start,
        date_end=date_end,
        date_precision=date_precision,
        date_text=date_text,
        doc_type=doc_type,
        classification=classification,
        original_language=original_language,
        summary=summary,
        citation=citation,
        source=source,
        url=url,
        record_id=record_id,
        credits=credits,
        rights=rights,
        contents=json.loads(contents) if contents else [],
        extra=json.loads(extra) if extra else {},
        needs_review=bool(needs_review),
        review_reasons=json.loads(review_reasons) if review_reasons else [],
        has_scan=bool(has_scan),
        has_transcript=bool(has_transcript),
        has_translation=bool(has_translation),
        source_name=source_name,
        source_path=source_path,
        source_sha256=source_sha256,
        imported_at=imported_at,
        updated_at=updated_at,
    )
