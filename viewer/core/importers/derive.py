"""Fields derived from a document's words: classification, numbers, links, people, archive parts.

These are read from the text of any importer (pages, PDFs, OCR), so they live apart from the
page parser.
"""

from __future__ import annotations

import re

from ..dates import parse_date
from ..gazetteer import Gazetteer, builtin_entities
from ..records import ArchivalRef, LinkHint, Mention, ParsedDocument, ReferenceNumber
from .people import OFFICE_WORDS, add_people, parties

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

_NUMBER = re.compile(r"(?P<sign>N[oº°]\.?|№|#)\s*(?P<number>\d[\d/-]*\d|\d)", re.I)
# Words just before a number that say it is not a reference (a form, a copy, an archive file).
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
_SIGNATURE_NOISE = re.compile(r"\[[^\]]*\]|\([^)]*\)|\b[IVXУ]{1,4}\b|[\d\W_]+|\b\w\b")
_TYPE_FROM_TITLE = re.compile(
    r"^((?:ciphered |enciphered |coded )?(?:telegram|cable|letter|memorandum|record of (?:a )?conversation|"
    r"note|report|minutes|message|directive|instruction|resolution|decree|diary))\b",
    re.I,
)
_BRACKET_ALIAS = re.compile(r"\b(?P<alias>[A-ZА-Я][\w-]+)\s*[\[(](?P<canonical>[A-ZА-Я][^\])]{1,40})[\])]")
_FOOTNOTE_MARK = re.compile(r"\b(?P<alias>[A-ZА-Я][\w-]+)\.?(?P<mark>[a-z]/|\*)")
_FOOTNOTE = re.compile(
    r"^(?P<mark>[a-z]/|\*)\s*(?:pseudonym|code name|псевдоним)\s+(?:of\s+)?"
    r"(?P<name>[^.\[]+?(?:\.\s?[A-Z]\.)*\s?[A-Z][\w-]+)",
    re.I | re.M,
)


def derive_fields(doc: ParsedDocument, gazetteer: Gazetteer | None = None) -> None:
    gazetteer = gazetteer or Gazetteer(builtin_entities())
    all_text = "\n\n".join([doc.title, *(t.body for t in doc.texts)])
    doc.classification = doc.classification or classification_of(doc)
    doc.reference_numbers = reference_numbers(all_text)
    doc.link_hints = link_hints(doc)
    doc.archival_refs = archival_refs(doc.source or "")
    if not doc.doc_type:
        match = _TYPE_FROM_TITLE.match(doc.title)
        if match:
            doc.doc_type = match.group(1)[0].upper() + match.group(1)[1:].lower()
    learn_aliases(doc, all_text, gazetteer)
    find_people(doc, gazetteer)


def classification_of(doc: ParsedDocument) -> str | None:
    """The English classification, with the original's words when the original is in another script."""
    english: str | None = None
    original: tuple[str, str] | None = None  # (as written, meaning)
    for text in doc.texts:
        for line in text.body.split("\n")[:30]:
            stripped = line.strip()
            meaning = next((m for pattern, m in _CLASSIFICATIONS if pattern.match(stripped)), None)
            if meaning is None:
                continue
            if re.search(r"[A-Za-z]", stripped):
                english = english or meaning
            elif original is None:
                original = (stripped, meaning)
    if original:
        return f"{english or original[1]} ({original[0]})"
    return english


def reference_numbers(text: str) -> list[ReferenceNumber]:
    found: dict[str, ReferenceNumber] = {}
    for match in _NUMBER.finditer(text):
        before = text[max(0, match.start() - 30) : match.start()]
        if _NOT_A_REFERENCE.search(before):
            continue
        number = match.group("number")
        role = "own"
        for pattern, candidate in _ROLE_WORDS:
            if pattern.search(before):
                role = candidate
                break
        label_match = _LABEL_WORDS.search(before)
        label = match.group(0)
        if label_match and not label_match.group(1).lower().startswith(("ciphered", "enciphered", "telegram")):
            label = f"{label_match.group(1)} {label}"
        label = re.sub(r"^#\s*", "No. ", label)
        if number not in found:
            found[number] = ReferenceNumber(number=number, label=" ".join(label.split()), role=role)
    return list(found.values())


def link_hints(doc: ParsedDocument) -> list[LinkHint]:
    hints = [
        LinkHint(relation=ref.role, evidence=ref.label, number=ref.number)
        for ref in doc.reference_numbers
        if ref.role in ("reply_to", "continues")
    ]
    year = (doc.date.start or "")[:4]
    for text in filter(None, [doc.summary, *(t.body for t in doc.texts if t.language == "en")]):
        for match in _REPLY_SUMMARY.finditer(text):
            written = f"{match.group('date')} {match.group('year') or year}"
            date = parse_date(written)
            if date.known and date.precision == "day":
                hints.append(LinkHint("reply_to", match.group(0), date=date.start, hint=match.group("who")))
    return hints


def archival_refs(source: str) -> list[ArchivalRef]:
    refs = []
    archives = r"(?:АП\s?РФ|АВП\s?РФ|РГАСПИ|РГАНИ|ГАРФ|ЦАМО|APRF|AVP\s?RF|AVPRF|RGASPI|RGANI|GARF|TsAMO)\b"
    for part in re.split(rf";\s*(?:and\s+)?|\s+and\s+(?={archives})", source):
        part = part.strip().rstrip(".")
        if not part:
            continue
        ref = ArchivalRef(raw=part)

        def grab(pattern: str, text: str = part) -> str | None:
            match = re.search(pattern + r"\s*(?:N\s*)?(\d[\w/-]*)", text, re.I)
            return match.group(1) if match else None

        first = part.split(",")[0].strip()
        if not re.match(r"(fond|f\.|ф\.?|opis|delo)\b", first, re.I):
            ref.archive = first
        ref.fond = grab(r"\b(?:fond|f\.|ф\.?)")
        ref.opis = grab(r"\b(?:opis|op\.|оп\.)")
        ref.delo = grab(r"\b(?:delo|d\.|д\.)")
        ref.papka = grab(r"\b(?:papka|пап\.)")
        ref.listy = grab(r"\b(?:listy|list|l\.|ll\.|p\.|pp\.|л\.)")
        refs.append(ref)
    return refs


def learn_aliases(doc: ParsedDocument, text: str, gazetteer: Gazetteer) -> None:
    """Aliases a document itself declares: "Filippov [Stalin]", or a footnote "x/ Pseudonym I.V. Stalin"."""
    learned = []
    for match in _BRACKET_ALIAS.finditer(text):
        entity = gazetteer.resolve(match.group("canonical"))
        alias = match.group("alias")
        before = text[: match.start()].split()
        part_of_longer_name = bool(before) and before[-1][:1].isupper() and before[-1][-1:].isalpha()
        if entity and not part_of_longer_name and gazetteer.resolve(alias) is None:
            learned.append((entity.name, alias))
    for note in _FOOTNOTE.finditer(text):
        entity = gazetteer.resolve(note.group("name"))
        if entity is None:
            continue
        for mark in _FOOTNOTE_MARK.finditer(text):
            if mark.group("mark") == note.group("mark") and mark.start() != note.start():
                alias = mark.group("alias")
                if gazetteer.resolve(alias) is None:
                    learned.append((entity.name, alias))
    learned = [(c, a) for c, a in learned if a.lower() not in OFFICE_WORDS]  # "the Chairman [Mao]" is an office
    for canonical, alias in learned:
        gazetteer.add_alias(canonical, alias, alias_kind="code name")
        if (canonical, alias) not in doc.learned_aliases:
            doc.learned_aliases.append((canonical, alias))


def _surname(name: str) -> str:
    words = re.findall(r"[^\W\d_]+", name.casefold())
    return words[-1] if words else ""


def find_people(doc: ParsedDocument, gazetteer: Gazetteer) -> None:
    mentions: dict[tuple[str, str], Mention] = {}
    persons: dict[str, str] = {}  # surname -> the fullest name this document gives for it
    known: dict[str, bool] = {}

    def in_gazetteer(name: str) -> bool:
        if name not in known:
            known[name] = gazetteer.get(name) is not None or gazetteer.resolve(name) is not None
        return known[name]

    def add(name: str, role: str, as_written: str, kind: str = "person") -> None:
        name = " ".join(name.split())
        if not name:
            return
        if kind == "person" and not in_gazetteer(name) and len(name.split()) > 1:
            key = _surname(name)
            known = persons.get(key)
            if known and len(known) >= len(name):
                name = known
            elif key:
                persons[key] = name
                for (old, old_role), mention in list(mentions.items()):
                    if mention.kind == "person" and _surname(old) == key and old != name and len(old) < len(name):
                        mentions.pop((old, old_role))
                        mentions.setdefault((name, old_role), Mention(name, old_role, mention.as_written, kind))
        elif kind == "person" and not in_gazetteer(name):
            name = persons.get(_surname(name), name)
        if role == "mentioned" and any(m.name == name for m in mentions.values()):
            return
        mentions.setdefault((name, role), Mention(name=name, role=role, as_written=as_written, kind=kind))

    add_people(doc, gazetteer, add)
    # "Telegram, Gromyko to Stalin, Transmitting Letter from Kim Il Sung": the letter inside is
    # signed by its own author, who is not the telegram's signatory
    inner = re.search(
        r"\b(?:transmitting|relaying|containing|conveying|forwarding)\b.*?\bfrom\s+(.+)$", doc.title, re.I
    )
    quoted = {party.name for party in parties(inner.group(1), gazetteer)} if inner else set()
    for text in doc.texts:
        tail = [line.strip() for line in text.body.split("\n") if line.strip()][-20:]
        for before, line in zip(["", *tail], tail, strict=False):
            if len(line.split()) > 5:  # a signature is a name, perhaps with initials and a date
                continue
            if re.match(r"(dear|to)\b", before, re.I):  # "Dear Cde. / I. V. Stalin": the addressee
                continue
            hits = [hit for hit in gazetteer.find(line) if hit.entity.kind == "person"]
            if len({hit.entity.name for hit in hits}) == 1:
                rest = line[: hits[0].start] + " " + line[hits[0].end :]
                if not _SIGNATURE_NOISE.sub(" ", rest).strip() and hits[0].entity.name not in quoted:
                    add(hits[0].entity.name, "signatory", hits[0].as_written)
    signatories = {m.name for m in mentions.values() if m.role == "signatory"}
    if not any(m.role == "sender" for m in mentions.values()) and len(signatories) == 1:
        name = next(iter(signatories))
        add(name, "sender", mentions[(name, "signatory")].as_written)
    everything = "\n".join([doc.title, doc.summary or "", *(t.body for t in doc.texts)])
    for hit in gazetteer.find(everything):
        role = "place" if hit.entity.kind == "place" else "mentioned"
        if role == "mentioned" and any(m.name == hit.entity.name for m in mentions.values()):
            continue
        add(hit.entity.name, role, hit.as_written, hit.entity.kind)
    for name, role in list(mentions):
        if role == "mentioned" and any(m.name == name and m.role != "mentioned" for m in mentions.values()):
            mentions.pop((name, role))
    doc.mentions = list(mentions.values())
