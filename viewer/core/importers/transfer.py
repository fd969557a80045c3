"""A parsed document as a parse worker hands it to the writing process (prepare.py), in tuples.

Pickled as they are, a document's two dozen dataclass objects cost the writing process more to
unpickle than its texts do (each a class looked up and a dictionary built, 0.09 ms a document); as
tuples of their values they unpickle in a third of that, and are made again here equal to the
originals field by field (the document itself as pickle makes it, without ``__init__``; its parts,
plain dataclasses, by theirs, which is faster still).
"""

from __future__ import annotations

from dataclasses import fields
from operator import attrgetter
from typing import Any

from ..dates import UNKNOWN, DateInfo
from ..records import ArchivalRef, ImportReport, LinkHint, Mention, ParsedDocument, ReferenceNumber, Text

_NESTED = {"date", "texts", "mentions", "reference_numbers", "link_hints", "archival_refs", "report"}
_PLAIN_NAMES = tuple(f.name for f in fields(ParsedDocument) if f.name not in _NESTED)
_PLAIN = attrgetter(*_PLAIN_NAMES)
_REPORT_NAMES = tuple(f.name for f in fields(ImportReport))
_REPORT = attrgetter(*_REPORT_NAMES)


def _names(cls: type) -> tuple[str, ...]:
    return tuple(f.name for f in fields(cls))


_DATE_NAMES, _TEXT_NAMES, _MENTION_NAMES = _names(DateInfo), _names(Text), _names(Mention)
_REFERENCE_NAMES, _HINT_NAMES, _ARCHIVAL_NAMES = _names(ReferenceNumber), _names(LinkHint), _names(ArchivalRef)
_DATE, _TEXT, _MENTION = attrgetter(*_DATE_NAMES), attrgetter(*_TEXT_NAMES), attrgetter(*_MENTION_NAMES)
_REFERENCE, _HINT, _ARCHIVAL = attrgetter(*_REFERENCE_NAMES), attrgetter(*_HINT_NAMES), attrgetter(*_ARCHIVAL_NAMES)
_UNKNOWN = _DATE(UNKNOWN)


def parsed_state(parsed: ParsedDocument) -> tuple[Any, ...]:
    """``parsed`` as nested tuples of plain values (``parsed_from_state`` makes it again)."""
    return (
        _PLAIN(parsed),
        _DATE(parsed.date),
        [_TEXT(t) for t in parsed.texts],
        [_MENTION(m) for m in parsed.mentions],
        [_REFERENCE(r) for r in parsed.reference_numbers],
        [_HINT(h) for h in parsed.link_hints],
        [_ARCHIVAL(a) for a in parsed.archival_refs],
        _REPORT(parsed.report),
    )


def parsed_from_state(state: tuple[Any, ...]) -> ParsedDocument:
    """The document ``parsed_state`` gave ``state`` for."""
    plain, date, texts, mentions, references, hints, archival, report = state
    parsed = ParsedDocument.__new__(ParsedDocument)
    parsed.__dict__.update(zip(_PLAIN_NAMES, plain, strict=True))
    parsed.date = UNKNOWN if date == _UNKNOWN else DateInfo(*date)
    parsed.texts = [Text(*values) for values in texts]
    parsed.mentions = [Mention(*values) for values in mentions]  # a document names 17 on average
    parsed.reference_numbers = [ReferenceNumber(*values) for values in references]
    parsed.link_hints = [LinkHint(*values) for values in hints]
    parsed.archival_refs = [ArchivalRef(*values) for values in archival]
    parsed.report = ImportReport(*report)
    return parsed
