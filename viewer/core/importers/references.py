"""Fields read from a document's words besides its people: classification, reference numbers,
links to the documents it answers, the parts of its archival references.

Split from :mod:`derive` (which still gives them) so the people's finding and these can change apart.
"""

from __future__ import annotations

import re

from ..dates import parse_date
from ..records import ArchivalRef, LinkHint, ParsedDocument, ReferenceNumber

# A classification stands on a line of its own at the head of a telegram.
_CLASSIFICATIONS = [
    (re.compile(r"^top\s+secret\.?$", re.I), "Top Secret"),
    (re.compile(r"^strictly\s+secret\.?$", re.I), "Strictly Secret"),
    (re.compile(r"^(strictly\s+)?confidential\.?$", re.I), "Confidential"),
    (re.compile(r"^secret\.?$", re.I), "Secret"),
    (re.compile(r"^сов(\.|ершенно)?\s*секретно\.?$", re.I), "Top Secret"),
    (re.compile(r"^строго\s+секретно\.?$", re.I), "Strictly Secret"),
    (re.compile(r"^секретно\.?$", re.I), "Secret"),
    (re.compile(r"^绝密$|^絕密$"), "Top Secret"),
    (re.compile(r"^机密$|^機密$"), "Secret"),
    (re.compile(r"^극비$"), "Top Secret"),
]
_ANY_CLASSIFICATION = re.compile(
    "|".join(f"(?{'i' if pattern.flags & re.I else ''}:{pattern.pattern})" for pattern, _ in _CLASSIFICATIONS)
)

_NUMBER = re.compile(r"(?P<sign>N[oº°]\.?|№|#)\s*(?P<number>\d[\d/-]*\d|\d)", re.I)
# The same, a sign at a time, each pattern starting with one plain character that the search leaps to
# instead of trying every place (issue 16): case-insensitively, only N and n match an n, only O and o
# an o. No match holds the start of another, so together, in order of their starts, they are what
# _NUMBER finds.
_NUMBER_BY_SIGN = [
    re.compile(rf"{sign}\s*(?P<number>\d[\d/-]*\d|\d)") for sign in ("N[Ooº°]\\.?", "n[Ooº°]\\.?", "№", "#")
]
# Words just before a number that say it is not a reference (a form, a copy, an archive file).
_LATIN = re.compile(r"[A-Za-z]")
_HASH_SIGN = re.compile(r"^#\s*")  # written "No." in a label
_NOT_A_REFERENCE = re.compile(
    r"(?<!\w)(форма|экз\.?|оп\.|д\.|ф\.?|л\.|form|copy|copies|fond|opis|delo|list|page|p\.)\s*$", re.I
)
_ROLE_WORDS = [
    (re.compile(r"(на|reply to|in reply to|your|to your|response to)\s*$", re.I), "reply_to"),
    (re.compile(r"(my|our|addition to my|further to my)\s*$", re.I), "continues"),
    (re.compile(r"(incoming|вход\.?|входящий)\s*$", re.I), "incoming"),
    (re.compile(r"(special|спец\.?)\s*$", re.I), "special"),
]
_LABEL_WORDS = re.compile(
    r"((?:ciphered |enciphered )?telegram|issuing|special|incoming|outgoing|исход\.?|вход\.?|спец\.?|на)\s*$",
    re.I,
)
_REPLY_SUMMARY = re.compile(
    r"(?:response|reply|answer)\s+to\s+(?P<who>[A-Z][\w-]+(?:\s[A-Z][\w-]+)?)[’']s\s+"
    r"(?P<date>\d{1,2}\s+[A-Z][a-z]+|[A-Z][a-z]+\s+\d{1,2})(?:,?\s+(?P<year>\d{4}))?\s+"
    r"(?:telegram|cable|letter|message|note)",
)
_REPLY_WORDS = ("response", "reply", "answer")  # what _REPLY_SUMMARY starts with


def classification_of(doc: ParsedDocument) -> str | None:
    """The English classification, with the original's words when the original is in another script."""
    english: str | None = None
    original: tuple[str, str] | None = None  # (as written, meaning)
    for text in doc.texts:
        for line in text.body.split("\n", 30)[:30]:
            stripped = line.strip()
            if not _ANY_CLASSIFICATION.match(stripped):  # most lines: one match says none of them
                continue
            meaning = next((m for pattern, m in _CLASSIFICATIONS if pattern.match(stripped)), None)
            if meaning is None:
                continue
            if _LATIN.search(stripped):
                english = english or meaning
            elif original is None:
                original = (stripped, meaning)
    if original:
        return f"{english or original[1]} ({original[0]})"
    return english


def reference_numbers(text: str) -> list[ReferenceNumber]:
    found: dict[str, ReferenceNumber] = {}
    for start, end, number in _numbers(text):
        before = text[max(0, start - 30) : start]
        if _NOT_A_REFERENCE.search(before):
            continue
        role = "own"
        for pattern, candidate in _ROLE_WORDS:
            if pattern.search(before):
                role = candidate
                break
        label_match = _LABEL_WORDS.search(before)
        label = text[start:end]
        if label_match and not label_match.group(1).lower().startswith(("ciphered", "enciphered", "telegram")):
            label = f"{label_match.group(1)} {label}"
        label = _HASH_SIGN.sub("No. ", label)
        if number not in found:
            found[number] = ReferenceNumber(number=number, label=" ".join(label.split()), role=role)
    return list(found.values())


def _numbers(text: str) -> list[tuple[int, int, str]]:
    """(start, end, number) of each match of _NUMBER in ``text``, in order."""
    found = [
        (match.start(), match.end(), match.group("number"))
        for pattern in _NUMBER_BY_SIGN
        if pattern.pattern[0] in text
        for match in pattern.finditer(text)
    ]
    return sorted(found)


def link_hints(doc: ParsedDocument) -> list[LinkHint]:
    hints = [
        LinkHint(relation=ref.role, evidence=ref.label, number=ref.number)
        for ref in doc.reference_numbers
        if ref.role in ("reply_to", "continues")
    ]
    year = (doc.date.start or "")[:4]
    for text in filter(None, [doc.summary, *(t.body for t in doc.texts if t.language == "en")]):
        for match in _replies(text):
            written = f"{match.group('date')} {match.group('year') or year}"
            date = parse_date(written)
            if date.known and date.precision == "day":
                hints.append(LinkHint("reply_to", match.group(0), date=date.start, hint=match.group("who")))
    return hints


def _replies(text: str) -> list[re.Match[str]]:
    """What _REPLY_SUMMARY.finditer(text) gives, tried only where one of the words every match starts
    with stands, found by plain looks (the search tried each place; issue 16)."""
    starts = []
    for word in _REPLY_WORDS:
        at = text.find(word)
        while at >= 0:
            starts.append(at)
            at = text.find(word, at + 1)
    matches: list[re.Match[str]] = []
    for at in sorted(starts):
        match = _REPLY_SUMMARY.match(text, at) if not matches or at >= matches[-1].end() else None
        if match:
            matches.append(match)
    return matches


_ARCHIVES = r"(?:АП\s?РФ|АВП\s?РФ|РГАСПИ|РГАНИ|ГАРФ|ЦАМО|APRF|AVP\s?RF|AVPRF|RGASPI|RGANI|GARF|TsAMO)\b"
_REF_PARTS = re.compile(rf";\s*(?:and\s+)?|\s+and\s+(?={_ARCHIVES})")
_PART_OF_A_REF = re.compile(r"(fond|f\.|ф\.?|opis|delo)\b", re.I)
_FOND, _OPIS, _DELO, _PAPKA, _LISTY = (
    re.compile(words + r"\s*(?:N\s*)?(\d[\w/-]*)", re.I)
    for words in (
        r"\b(?:fond|f\.|ф\.?)",
        r"\b(?:opis|op\.|оп\.)",
        r"\b(?:delo|d\.|д\.)",
        r"\b(?:papka|пап\.)",
        r"\b(?:listy|list|l\.|ll\.|p\.|pp\.|л\.)",
    )
)


def _grab(pattern: re.Pattern[str], text: str) -> str | None:
    match = pattern.search(text)
    return match.group(1) if match else None


def archival_refs(source: str) -> list[ArchivalRef]:
    refs = []
    for part in _REF_PARTS.split(source):
        part = part.strip().rstrip(".")
        if not part:
            continue
        ref = ArchivalRef(raw=part)
        first = part.split(",")[0].strip()
        if not _PART_OF_A_REF.match(first):
            ref.archive = first
        ref.fond = _grab(_FOND, part)
        ref.opis = _grab(_OPIS, part)
        ref.delo = _grab(_DELO, part)
        ref.papka = _grab(_PAPKA, part)
        ref.listy = _grab(_LISTY, part)
        refs.append(ref)
    return refs
