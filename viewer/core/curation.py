"""Curating the archive: which fields an archivist may correct, what a valid value of each is, the
errors a refused edit raises, and the records the store returns about changes, people and the trash.

No SQL here and no store: ``field_values`` checks the shape of what was typed (so the window, the
command line and a JSON file are refused with the same reasons), the store (``store/fields.py``,
``store/history.py`` …) checks what needs the archive (does the linked document exist?) and writes.
Values are plain JSON-able data because the history table stores them as they are.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from .errors import ArchiveError

# -- the fields -------------------------------------------------------------------------------


@dataclass(frozen=True)
class FieldSpec:
    """One correctable field: its name (in values, provenance and history), label and kind of value."""

    name: str
    label: str
    kind: str  # text, long_text, date, people, refs, numbers, links, body
    column: str | None = None  # the documents column of a text field


_SPECS = (
    FieldSpec("title", "Title", "text", "title"),
    FieldSpec("date", "Date", "date"),
    FieldSpec("type", "Type", "text", "doc_type"),
    FieldSpec("classification", "Classification", "text", "classification"),
    FieldSpec("language", "Original language", "text", "original_language"),
    FieldSpec("sender", "Sender", "people"),
    FieldSpec("recipient", "Recipient", "people"),
    FieldSpec("signatory", "Signed", "people"),
    FieldSpec("mentioned", "Mentioned", "people"),
    FieldSpec("places", "Places", "people"),
    FieldSpec("source", "Archival source", "text", "source"),
    FieldSpec("archival_refs", "Archival references", "refs"),
    FieldSpec("reference_numbers", "Reference numbers", "numbers"),
    FieldSpec("links", "Links", "links"),
    FieldSpec("url", "Address", "text", "url"),
    FieldSpec("summary", "Summary", "long_text", "summary"),
    FieldSpec("citation", "Citation", "long_text", "citation"),
    FieldSpec("credits", "Credits", "long_text", "credits"),
    FieldSpec("rights", "Rights", "long_text", "rights"),
    FieldSpec("note", "Note", "long_text", "note"),
    FieldSpec("transcript", "Transcript", "body"),
    FieldSpec("translation", "Translation", "body"),
    FieldSpec("notes", "Notes", "body"),
)
FIELDS: dict[str, FieldSpec] = {spec.name: spec for spec in _SPECS}
# the people fields and the document_entities role each stands for
PEOPLE_ROLES = {"sender": "sender", "recipient": "recipient", "signatory": "signatory", "mentioned": "mentioned"}
PEOPLE_ROLES["places"] = "place"
TEXT_FIELDS = ("transcript", "translation", "notes")  # corrected through correct_text
RELATIONS = ("reply_to", "continues", "related")
NUMBER_ROLES = ("own", "special", "incoming", "reply_to", "continues", "mentioned")
ENTITY_KINDS = ("person", "organization", "place")
REF_PARTS = ("raw", "archive", "fond", "opis", "delo", "papka", "listy")


# -- errors -----------------------------------------------------------------------------------


class CurationError(ArchiveError):
    """An edit refused with its reason; nothing of it was written."""

    def __init__(self, reason: str, field: str | None = None):
        super().__init__(f"{field}: {reason}" if field else reason)
        self.reason = reason
        self.field = field


class InvalidValue(CurationError):
    """What was typed is not a value of the field (a date that does not parse, a link to itself)."""


class UnknownDocument(CurationError):
    """No such document in the archive (or it is in the trash)."""


class UnknownEntity(CurationError):
    """No such person, organisation or place in the archive."""


class Conflict(CurationError):
    """A change cannot be reverted: what it changed has changed again since."""


class NotReversible(CurationError):
    """A change that cannot be undone (emptying the trash)."""


# -- records ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class ChangeItem:
    """One thing a change changed, with its value before and after (JSON-able).

    ``target`` says what: ``field`` (``name`` is the field), ``provenance`` (the field's correction
    record), ``text`` (``name`` is the text kind), ``tags``, ``review``, ``trash`` or ``entities``."""

    document_id: int | None
    target: str
    name: str
    before: Any
    after: Any


@dataclass(frozen=True)
class Change:
    """One step of the history: what an undo undoes. ``reverts`` names the change an undo or redo
    reverted; ``reverted_by`` the change that reverted this one (None while it is in effect)."""

    id: int
    kind: str  # edit, text, tag, review, delete, restore, purge, merge, alias, entity_kind, undo, redo
    label: str
    author: str
    at: str
    items: tuple[ChangeItem, ...]
    reverts: int | None = None
    reverted_by: int | None = None
    reversible: bool = True
    document_count: int = 0  # documents touched (items of a merge name the people, not each document)

    @property
    def document_ids(self) -> list[int]:
        return sorted({item.document_id for item in self.items if item.document_id is not None})

    @property
    def in_effect(self) -> bool:
        return self.reverted_by is None


@dataclass(frozen=True)
class FieldSource:
    """Where a field's value comes from: the import, or a correction (by whom, when, and what the
    import had said then)."""

    field: str
    origin: str  # "import" or "correction"
    author: str | None
    at: str | None
    imported: Any = None

    @property
    def corrected(self) -> bool:
        return self.origin == "correction"


@dataclass(frozen=True)
class PersonEntry:
    """A person or organisation with every alias the archive knows and how many documents name it."""

    id: int
    name: str
    kind: str
    note: str | None
    aliases: list[str]
    documents: int


@dataclass(frozen=True)
class TrashEntry:
    """A deleted document waiting in the trash."""

    document_id: int
    key: str
    title: str
    date: str | None
    deleted_at: str
    deleted_by: str
    annotations: int
    pages: int


@dataclass(frozen=True)
class ReviewEntry:
    """A document that needs review, and why."""

    document_id: int
    key: str
    title: str
    date: str | None
    reasons: list[str]


@dataclass(frozen=True)
class EmptiedTrash:
    documents: int
    files_removed: int


def field_spec(name: str) -> FieldSpec:
    spec = FIELDS.get(name)
    if spec is None:
        raise InvalidValue(f"no such field (fields: {', '.join(FIELDS)})", name)
    return spec
