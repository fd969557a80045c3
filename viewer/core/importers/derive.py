"""Fields derived from a document's words: classification, numbers, links, people, archive parts.

These are read from the text of any importer (pages, PDFs, OCR), so they live apart from the
page parser.
"""

from __future__ import annotations

import re

from ..gazetteer import Gazetteer, builtin_entities
from ..records import Mention, ParsedDocument
from .people import OFFICE_WORDS, add_people, parties
from .references import archival_refs as archival_refs  # importers and field_values read these from here
from .references import classification_of as classification_of
from .references import link_hints as link_hints
from .references import reference_numbers as reference_numbers

_SIGNATURE_NOISE = re.compile(r"\[[^\]]*\]|\([^)]*\)|\b[IVXУ]{1,4}\b|[\d\W_]+|\b\w\b")
_TYPE_FROM_TITLE = re.compile(
    r"^((?:ciphered |enciphered |coded )?(?:telegram|cable|letter|memorandum|record of (?:a )?conversation|"
    r"note|report|minutes|message|directive|instruction|resolution|decree|diary))\b",
    re.I,
)
# "Not after a letter" checked after the capital that opens the alias, not before it: a pattern opening
# with a capital is tried only where one stands, one opening with \b at every character
_BRACKET_ALIAS = re.compile(r"(?P<alias>[A-ZА-Я](?<!\w[\s\S])[\w-]+)\s*[\[(](?P<canonical>[A-ZА-Я][^\])]{1,40})[\])]")
_ADDRESSEE_NEXT = re.compile(r"(dear|to)\b", re.I)
_LETTERS = re.compile(r"[^\W\d_]+")
_INNER_LETTER = re.compile(r"\b(?:transmitting|relaying|containing|conveying|forwarding)\b.*?\bfrom\s+(.+)$", re.I)
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


def learn_aliases(doc: ParsedDocument, text: str, gazetteer: Gazetteer) -> None:
    """Aliases a document itself declares: "Filippov [Stalin]", or a footnote "x/ Pseudonym I.V. Stalin"."""
    learned = []
    for match in _BRACKET_ALIAS.finditer(text) if "[" in text or "(" in text else ():
        entity = gazetteer.resolve(match.group("canonical"))
        alias = match.group("alias")
        before = text[: match.start()].rsplit(None, 1)  # the word before it, if any
        part_of_longer_name = bool(before) and before[-1][:1].isupper() and before[-1][-1:].isalpha()
        if entity and not part_of_longer_name and gazetteer.resolve(alias) is None:
            learned.append((entity.name, alias))
    for note in _FOOTNOTE.finditer(text) if _may_hold_footnote(text) else ():
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


def _may_hold_footnote(text: str) -> bool:
    """Whether a line of ``text`` opens with a footnote's mark ("*", "x/"), as every _FOOTNOTE does:
    most texts have none, and the pattern, opening with a line's start, is tried at every character."""
    if text.startswith("*") or "\n*" in text:
        return True
    slash = text.find("/", 1)
    while slash >= 0:
        if slash == 1 or text[slash - 2] == "\n":
            return True
        slash = text.find("/", slash + 1)
    return False


def _surname(name: str) -> str:
    words = _LETTERS.findall(name.casefold())
    return words[-1] if words else ""


def find_people(doc: ParsedDocument, gazetteer: Gazetteer) -> None:
    mentions: dict[tuple[str, str], Mention] = {}
    counts: dict[str, int] = {}  # name -> its mentions: whether a name is mentioned, without a scan of them
    persons: dict[str, str] = {}  # surname -> the fullest name this document gives for it
    known: dict[str, bool] = {}

    def in_gazetteer(name: str) -> bool:
        if name not in known:
            known[name] = gazetteer.get(name) is not None or gazetteer.resolve(name) is not None
        return known[name]

    def keep(name: str, role: str, as_written: str, kind: str) -> None:
        if (name, role) not in mentions:  # the first mention in a role is kept
            mentions[(name, role)] = Mention(name, role, as_written, kind)
            counts[name] = counts.get(name, 0) + 1

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
                        counts[old] -= 1
                        keep(name, old_role, mention.as_written, kind)
        elif kind == "person" and not in_gazetteer(name):
            name = persons.get(_surname(name), name)
        if role == "mentioned" and counts.get(name):
            return
        keep(name, role, as_written, kind)

    add_people(doc, gazetteer, add)
    # "Telegram, Gromyko to Stalin, Transmitting Letter from Kim Il Sung": the letter inside is
    # signed by its own author, who is not the telegram's signatory
    inner = _INNER_LETTER.search(doc.title)
    quoted = {party.name for party in parties(inner.group(1), gazetteer)} if inner else set()
    for text in doc.texts:
        tail = _last_lines(text.body, 20)
        for before, line in zip(["", *tail], tail, strict=False):
            if len(line.split(None, 5)) > 5:  # a signature is a name, perhaps with initials and a date
                continue
            if _ADDRESSEE_NEXT.match(before):  # "Dear Cde. / I. V. Stalin": the addressee
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
        if role == "mentioned" and counts.get(hit.entity.name):
            continue
        add(hit.entity.name, role, hit.as_written, hit.entity.kind)
    in_a_role = {m.name for m in mentions.values() if m.role != "mentioned"}
    for name, role in list(mentions):
        if role == "mentioned" and name in in_a_role:
            mentions.pop((name, role))
    doc.mentions = list(mentions.values())


def _last_lines(text: str, count: int) -> list[str]:
    """The last ``count`` lines of ``text`` that are not blank, stripped (without splitting all the others)."""
    last: list[str] = []
    end = len(text)
    while end >= 0 and len(last) < count:  # from the end, a line at a time: the rest is never split
        start = text.rfind("\n", 0, end)
        line = text[start + 1 : end].strip()
        if line:
            last.append(line)
        end = start
    last.reverse()
    return last
