"""Plain records passed between importers, the store and the presentation layers.

The store returns these instead of database rows, so a widget reads ``page.width`` and never
knows a column name; renaming a column changes the store and this file only.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field, fields
from typing import Any, NamedTuple

from .dates import UNKNOWN, DateInfo

TEXT_KINDS = ("transcript", "translation", "notes")
ROLES = ("sender", "recipient", "signatory", "mentioned", "place")


@dataclass
class Text:
    kind: str
    language: str | None
    body: str
    origin: str = "import"
    confidence: float | None = None
    position: int = 0
    id: int | None = None


@dataclass
class Mention:
    """A person or place named by a document, with the canonical entity it stands for."""

    name: str  # canonical name of the entity
    role: str
    as_written: str
    kind: str = "person"


@dataclass
class ReferenceNumber:
    number: str
    label: str
    role: str = "own"


@dataclass
class LinkHint:
    """A link to another document, as far as the text tells: a number, or a date and a name."""

    relation: str
    evidence: str
    number: str | None = None
    date: str | None = None
    hint: str | None = None


@dataclass
class ArchivalRef:
    raw: str
    archive: str | None = None
    fond: str | None = None
    opis: str | None = None
    delo: str | None = None
    papka: str | None = None
    listy: str | None = None


@dataclass
class ImportReport:
    """What an importer recognised in a file and what it set aside, for the archivist to check."""

    recognised: dict[str, str] = field(default_factory=dict)
    set_aside: list[tuple[str, str]] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    def aside(self, what: str, text: str) -> None:
        excerpt = " ".join(text.split())
        self.set_aside.append((what, excerpt if len(excerpt) <= 90 else excerpt[:87] + "..."))

    def as_dict(self) -> dict[str, object]:
        return {
            "recognised": self.recognised,
            "set_aside": [{"what": w, "text": t} for w, t in self.set_aside],
            "warnings": self.warnings,
        }


@dataclass
class ParsedDocument:
    """Everything an importer read from one file, before it is written to the store."""

    key: str
    title: str = ""
    date: DateInfo = UNKNOWN
    doc_type: str | None = None
    classification: str | None = None
    original_language: str | None = None
    summary: str | None = None
    citation: str | None = None
    source: str | None = None
    url: str | None = None
    record_id: str | None = None
    credits: str | None = None
    rights: str | None = None
    contents: list[str] = field(default_factory=list)
    extra: dict[str, str] = field(default_factory=dict)
    texts: list[Text] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    learned_aliases: list[tuple[str, str]] = field(default_factory=list)  # (canonical, alias)
    reference_numbers: list[ReferenceNumber] = field(default_factory=list)
    link_hints: list[LinkHint] = field(default_factory=list)
    archival_refs: list[ArchivalRef] = field(default_factory=list)
    review_reasons: list[str] = field(default_factory=list)
    report: ImportReport = field(default_factory=ImportReport)

    @property
    def needs_review(self) -> bool:
        return bool(self.review_reasons)


# -- what the store reads back ----------------------------------------------------------------

DEFAULT_COLOR = "yellow"


@dataclass
class Annotation:
    """A highlight in a text, or a rectangle or pinned note on a scanned page (see core.annotations)."""

    id: int | None
    document_id: int
    part: str
    shape: str
    color: str = DEFAULT_COLOR
    note: str | None = None
    author: str | None = None
    status: str = "ok"
    text_id: int | None = None
    page_id: int | None = None
    start: int | None = None
    end: int | None = None
    quote: str | None = None
    prefix: str | None = None
    suffix: str | None = None
    x0: float | None = None
    y0: float | None = None
    x1: float | None = None
    y1: float | None = None
    created_at: str = ""
    updated_at: str = ""
    page_position: int | None = None  # read from the page row; not stored here

    @classmethod
    def from_row(cls, row: Any) -> Annotation:
        keys = set(row.keys())
        return cls(**{f.name: row[f.name] for f in fields(cls) if f.name in keys})

    def values(self) -> dict[str, Any]:
        """The stored columns (everything but the id and the joined page position)."""
        data = asdict(self)
        data.pop("id")
        data.pop("page_position")
        return data

    @property
    def anchored(self) -> bool:
        """Whether the annotation points at words or a page (a lost quote waits for review)."""
        if self.part == "scan":
            return self.page_id is not None
        return self.text_id is not None and self.start is not None and self.end is not None

    def label(self) -> str:
        """What the annotations list shows: the quoted words, or the page and shape."""
        if self.part == "scan":
            page = (self.page_position if self.page_position is not None else self.start or 0) + 1
            return f"Page {page}, {'rectangle' if self.shape == 'rect' else 'pinned note'}"
        return " ".join((self.quote or "").split())

    def as_json(self) -> dict[str, Any]:
        data = asdict(self)
        data.pop("page_position")
        if self.part == "scan":
            data["page"] = (self.page_position if self.page_position is not None else self.start or 0) + 1
        return data


@dataclass(frozen=True, slots=True)
class ScanPage:
    """One page of a document's scan, with the stored file it comes from."""

    id: int
    file_id: int
    file_page: int  # page index inside the file
    position: int  # order inside the document
    width: float | None
    height: float | None
    name: str  # the stored file's name
    mime: str


@dataclass(frozen=True, slots=True)
class StoredPage:
    """One page row as stored, with its text layer or OCR text (no file bytes)."""

    id: int
    file_id: int
    file_page: int
    position: int
    width: float | None
    height: float | None
    text: str | None
    text_origin: str | None  # "layer" or "ocr"
    ocr_confidence: float | None
    needs_ocr: bool

    def stored_values(self) -> dict[str, Any]:
        """The values save_pages takes back for this page (a copy to another archive, an export with scans)."""
        return page_values(self)


@dataclass(frozen=True, slots=True)
class FileInfo:
    """A stored original file, without its bytes."""

    id: int
    sha256: str
    name: str
    mime: str
    size: int
    added_at: str


class ListRow(NamedTuple):
    """A document as the list shows it (the store's ``LIST_COLUMNS``). A named tuple rather than a frozen
    dataclass, made straight from the row: the list builds 200 of these per window, as fast as a bare row."""

    id: int
    key: str
    date_start: str | None
    date_end: str | None
    date_precision: str
    title: str
    doc_type: str | None
    original_language: str | None
    classification: str | None
    has_scan: int  # 0 or 1, as stored: read as truth values
    has_transcript: int
    has_translation: int


class DatedDocument(NamedTuple):
    """A document as a timeline marker needs it (a named tuple, like ListRow, for speed)."""

    id: int
    key: str
    date_start: str | None
    title: str


@dataclass(frozen=True, slots=True)
class Document:
    """One document's own fields as stored (JSON columns read back as lists and dicts)."""

    id: int
    key: str
    title: str
    date_start: str | None
    date_end: str | None
    date_precision: str
    date_text: str
    doc_type: str | None
    classification: str | None
    original_language: str | None
    summary: str | None
    citation: str | None
    source: str | None
    url: str | None
    record_id: str | None
    credits: str | None
    rights: str | None
    contents: list[str]
    extra: dict[str, str]
    needs_review: bool
    review_reasons: list[str]
    has_scan: bool
    has_transcript: bool
    has_translation: bool
    source_name: str | None
    source_path: str | None
    source_sha256: str | None
    imported_at: str | None
    updated_at: str | None


@dataclass(frozen=True, slots=True)
class Person:
    """A person, place or organisation as one document names it."""

    name: str
    kind: str
    role: str
    as_written: str | None
    note: str | None
    aliases: list[str]


@dataclass(frozen=True, slots=True)
class Link:
    """A link from or to a document, seen from that document's side."""

    relation: str
    direction: str  # "out" or "in"
    label: str  # "reply to", "replied by", ...
    document_id: int | None  # None while the other document is not in the archive
    key: str | None
    title: str | None
    date: str | None
    evidence: str
    unresolved: str | None  # the number or date still waited for


@dataclass(frozen=True, slots=True)
class DocumentRecord:
    """A document with every field, named as in the seeds' EXPECTED.md (what ``show`` prints)."""

    id: int
    key: str
    date: str | None
    date_end: str | None
    date_precision: str
    date_as_written: str
    title: str
    sender: str | None
    recipient: str | None
    signatory: str | None
    original_language: str | None
    type: str | None
    classification: str | None
    reference_numbers: list[str]
    source: str | None
    archival_refs: list[ArchivalRef]
    url: str | None
    record_id: str | None
    summary: str | None
    citation: str | None
    credits: str | None
    rights: str | None
    contents: list[str]
    texts: list[Text]
    people: list[Person]
    links: list[Link]
    has_scan: bool
    pages: int
    needs_review: bool
    review_reasons: list[str]
    extra: dict[str, str]
    source_file: str | None
    sha256: str | None
    imported_at: str | None

    def as_json(self) -> dict[str, Any]:
        """The record as ``show --json`` prints it (texts without their ids and positions)."""
        data = asdict(self)
        data["texts"] = [
            {"kind": t.kind, "language": t.language, "origin": t.origin, "confidence": t.confidence, "body": t.body}
            for t in self.texts
        ]
        return data


@dataclass(frozen=True, slots=True)
class Collection:
    """An exhibit: its title, introduction and document ids in the order a kiosk shows them."""

    id: int
    name: str
    title: str
    introduction: str
    document_ids: list[int]


PAGE_VALUES = ("file_page", "width", "height", "text", "text_origin", "ocr_confidence", "needs_ocr")


def page_values(page: Any) -> dict[str, Any]:
    """What ``save_pages`` takes for one page, read from anything with those attributes (a page read
    from a file, a page of an archive)."""
    return {name: getattr(page, name) for name in PAGE_VALUES}
