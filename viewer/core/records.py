"""Plain records passed between importers, the store and the presentation layers."""

from __future__ import annotations

from dataclasses import dataclass, field

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
