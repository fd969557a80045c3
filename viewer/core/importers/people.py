"""The people and organisations a document names, found from how the page writes them.

The gazetteer knows the leading figures; most people in an archive are not in it ("Soviet
Ambassador N.G. Sudarikov", "Vasily Moskovsky", "Wang Bingnan"). A title says who wrote to whom
("X to Y", "Cable from X", "Report to Y ... on behalf of Z", "Телеграмма Мао Цзэдуну" in the
dative) or who met ("between X and Y", "Conversation of X with Y"): a meeting's people are
participants, not a sender and a recipient. An office ("Soviet Ambassador to North Korea") is the
person's office, kept in what the page wrote; a body ("the Chinese Foreign Ministry", "CCP CC")
is an organisation. In the text, initials with a surname ("L. I. Brezhnev"), a signature under the
text and an address line above it ("To Comrade FENG XI", "[To] Ambassador Wang Bingnan:",
"Теребину", "周恩来同志:") name people too.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import cast

from ..gazetteer import Gazetteer
from ..records import ParsedDocument

_MOST_KEPT = 20_000  # parties a gazetteer remembers before it starts again
# Words of offices, bodies, places and document kinds: never part of a person's name.
_OFFICE_TEXT = """
    soviet ambassador ambassadors chairman chairmen deputy first secretary general generalissimo minister ministers
    foreign affairs cabinet council consul counsellor counselor president premier comrade comrades cde cdes com comr
    member politburo cc cpsu kwp ccp cpc dprk ussr prc rok us usa un u.s. north south korea korean china chinese union
    mfa official ministry head chief director department envoy white house representative the of to in and state
    committee central political party workers workers' people's peoples republic government embassy delegation
    leader marshal colonel attaché adviser advisor interpreter charge d'affaires mr mrs dr sir mister excellency
    american british french japanese mongolian polish hungarian romanian bulgarian vietnamese east west german
    defense defence plenipotentiary extraordinary vice co-chairman office supreme presidium secretariat bureau
    commission command commander headquarters army navy air force military district maritime trade delegate
    journal diary record records conversation memorandum minutes telegram cable letter report message telephone
    january february march april may june july august september october november december
    via vch ciphered enciphered note notes dinner meeting talks instructions request on with from by for"""
OFFICE_WORDS = set(_OFFICE_TEXT.split())
_ORG_WORDS = re.compile(
    r"\b(committee|ministry|department|embassy|government|council|party|politburo|secretariat|commission|"
    r"bureau|presidium|directorate|headquarters|cc|cpsu|ccp|cpc|kwp|mfa|legation|consulate|ministries)\b",
    re.I,
)
_NAME_TOKEN = re.compile(r"^(?:(?:[A-ZА-ЯЁ]\.){1,3}|[A-ZА-ЯЁ][a-zа-яёA-ZА-ЯЁ'’]*(?:-[A-Za-zа-яё]+)*|[A-ZА-ЯЁ]\.)$")
_TOKEN = re.compile(r"(?:[A-ZА-ЯЁ]\.\s?){1,3}(?=[A-ZА-ЯЁ]|\s|$)|[^\s,;:()\[\]“”\"']+")
_TYPE_PREFIX = re.compile(
    r"^(?:(?:ciphered|enciphered|coded|incoming|outgoing)\s+)?(?:telegram|cable|letter|memorandum|report|note|"
    r"message|telephone message(?:\s+via\s+vch)?|cablegram|directive|instruction)s?\b(?:\s+(?:no\.?|nº|№)\s*[\w/-]+)?"
    r"\s*,?\s*",
    re.I,
)
_RU_DOC = re.compile(r"\b(шифр(?:о)?телеграмм\w*|телеграмм\w*|письм\w*|записк\w*|послани\w*)\s+(?P<rest>.+)$", re.I)
_ADDRESS_LINE = re.compile(
    r"^(?:\[?to(?: the)?\]?|для|for)\s+(?:immediate report to\s+)?(?P<who>[^.:;!]{2,60}?)[.:]?$", re.I
)
_RU_DATIVE = re.compile(r"^[А-ЯЁ][а-яё]+(?:ину|ыну|ову|еву|ёву|скому|цкому|у|ю)\.?$")
_CJK_ADDRESS = re.compile(r"^\s*(?P<who>[\u4e00-\u9fff、]{2,20}?)(?:同志|先生)[:：]\s*$")
_HANGUL_LIST = re.compile(r"(?:^|[\s●:])((?:[\uac00-\ud7af]{2,5}(?:\([^)]*\))?\s*,\s*){2,}[\uac00-\ud7af]{2,5})")
_HANGUL = re.compile(r"[\uac00-\ud7af]")
# "Not after a letter or a dot" checked after the first initial, not before it: a pattern opening with a
# capital is tried only where one stands, one opening with a look-behind at every character
_INITIALS_NAME = re.compile(
    r"((?:[A-ZА-ЯЁ](?<![\w.][\s\S])\.\s?)(?:[A-ZА-ЯЁ]\.\s?)?)\s?([A-ZА-ЯЁ][a-zа-яё]{2,}(?:-[a-z]+)?|[A-ZА-ЯЁ]{3,})\b"
)
# What every match of _INITIALS_NAME holds, its first initial: a look for it leaps from dot to dot, where
# the search for the names tries each capital letter (most texts have no initials; issue 16)
_AN_INITIAL = re.compile(r"\.(?<=[A-ZА-ЯЁ]\.)")
_SPACED_CAPS = re.compile(r"^(?:[A-ZА-ЯЁ] ){3,}[A-ZА-ЯЁ]$")
# Russian surnames in a case other than the nominative, and their nominative ending.
_RU_CASES = [
    ("ского", "ский"),
    ("скому", "ский"),
    ("ским", "ский"),
    ("ском", "ский"),
    ("цкого", "цкий"),
    ("цкому", "цкий"),
    ("ину", "ин"),
    ("ина", "ин"),
    ("ыну", "ын"),
    ("ына", "ын"),
    ("ову", "ов"),
    ("ова", "ов"),
    ("еву", "ев"),
    ("ева", "ев"),
    ("ым", ""),
    ("ом", ""),
]


# The patterns below, compiled once: re's own cache costs more than their match on a title's words.
_RU_WORD = re.compile(r"[А-ЯЁ][а-яё]+")
_BRACKETED = re.compile(r"\[([^\]]{1,30})\]")
_PARTY_SPLIT = re.compile(r",\s*(?:and\s+)?|\s+and\s+")
_COMRADE = re.compile(r"^(?:the|cde\.?|comrade|comrades|cdes\.?|com\.)\s+", re.I)
_FOREIGN_MINISTRY = re.compile(r"\bForeign Ministry\b")
_ARTICLE = re.compile(r"^(?:the|to|from)\s+", re.I)
_SPACED_INITIALS = re.compile(r"([A-ZА-ЯЁ])\.\s+(?=[A-ZА-ЯЁ]\.)")
_SPACES = re.compile(r"\s+")
_LATIN_HANGUL = re.compile(r"\b([A-Z]{4,})\s*\([\uac00-\ud7af]+\)")
_AUTHOR = re.compile(r"^(?P<who>[^,'‘“:]{3,40}),\s*['‘“]")
_FROM = re.compile(r"\bfrom\b", re.I)
_QUOTED_RECORD = re.compile(r",?\s*['‘“](?:record|memorandum|conversation|minutes|notes)\b", re.I)
_QUOTED_SUBJECT = re.compile(r",?\s*['‘“][^'’”]{8,}['’”]+\s*$")
_BETWEEN = re.compile(
    r"\b(?:between|of)\s+(?P<a>.+?)\s+(?:and|with)\s+(?P<b>.+?)"
    r"(?:,\s+\w+ \d|\s+on\s+\d|\s+at\s+|\s+in\s+[A-Z]\w+$|$)",
    re.I,
)
_MEETING = re.compile(r"\b(conversation|meeting|talks|discussion|minutes|record|journal|diary)\b", re.I)
_BEHALF = re.compile(r",?\s+on behalf of\s+(?P<who>.+)$", re.I)
_SENDER_TO = re.compile(
    r"^(?:.*?\bfrom\s+)?(?P<sender>.*?)\s*\bto\s+(?P<recipient>.+?)(?=,\s*[A-Z]\w+ing\b|,\s*'|\s+via\s|\s+on\s|"
    r"\s+regarding\s|\s+about\s|\s+concerning\s|,\s+(?:Central|Relaying|Transmitting|Containing|Regarding)|$)",
    re.I,
)
_UP_TO_FROM = re.compile(r"^(?:.*\bfrom\s+)", re.I)
_WITH_REST = re.compile(r"\bwith\s+(.+)$", re.I)
_ORIGIN = re.compile(r"^(?:.*?\b)?from\s+(?P<who>[^,'‘“]+)", re.I)
_JOURNAL = re.compile(r"\b(?:journal|diary) of\s+(?P<who>.+?)(?:,\s*'|:|\s+for\s|$)", re.I)
_WITH = re.compile(r"\bwith\s+(?P<who>.+?)(?:,\s+\d|\s+on\s+\d|'|$)", re.I)
_CJK_SIGNATURE = re.compile(r"[\u4e00-\u9fff](?:\s?[\u4e00-\u9fff]){1,3}")


@dataclass
class Party:
    name: str
    kind: str  # person or organization
    as_written: str


def nominative(word: str) -> str:
    """A Russian surname in the dative or genitive put back in the nominative (Теребину -> Теребин)."""
    if not _RU_WORD.fullmatch(word):
        return word
    for ending, replacement in _RU_CASES:
        if word.endswith(ending) and len(word) > len(ending) + 2:
            return word[: -len(ending)] + replacement
    if word.endswith(("у", "ю")) and len(word) > 4:
        return word[:-1]
    return word


_PERSON_OFFICES = re.compile(
    r"\b(secretary|chairman|minister|ambassador|member|deputy|director|head|chief|consul|counsell?or|official|"
    r"president|premier|representative|envoy|attach[ée]|generalissimo|marshal|general|leader|advis[eo]r)\b",
    re.I,
)


def parties(written: str, gazetteer: Gazetteer) -> list[Party]:
    """Everyone a party phrase of a title names: "Soviet Ambassador N.G. Sudarikov and Kim Il";
    remembered while the gazetteer's names stay the same (an import meets the same parties all day)."""
    memo = gazetteer.remembered()
    found = cast("tuple[Party, ...] | None", memo.get(("parties", written)))
    if found is None:
        if len(memo) > _MOST_KEPT:
            memo.clear()
        found = memo[("parties", written)] = tuple(_parties(written, gazetteer))
    return list(found)


def _parties(written: str, gazetteer: Gazetteer) -> list[Party]:
    written = written.strip().strip(".,;:'\"‘’“” ")
    if not written:
        return []
    # "Liu [Shaoqi]" and "[Li] Fuchun" complete a name; "Filippov [Stalin]" says who a name is
    written = _BRACKETED.sub(lambda m: _bracket(m.group(1), gazetteer), written)
    pieces = [p.strip() for p in _PARTY_SPLIT.split(written) if p.strip()]
    merged: list[str] = []
    nameless = False  # the last piece is an office without its holder's name
    for piece in pieces:
        office_only = bool(_PERSON_OFFICES.search(piece)) and not _name_run(piece) and not gazetteer.find(piece)
        if merged and (office_only or nameless):
            merged[-1] += ", " + piece  # "Kim Il Sung, General Secretary" / "Chairman ..., Kim Il Sung"
            nameless = nameless and office_only
        else:
            merged.append(piece)
            nameless = office_only
    found: list[Party] = []
    for chunk in merged:
        party = _one_party(chunk, gazetteer)
        if party is not None and all(party.name != other.name for other in found):
            found.append(party)
    return found


def _bracket(inside: str, gazetteer: Gazetteer) -> str:
    entity = gazetteer.resolve(inside)
    return f"[{inside}]" if entity else inside


def _name_run(text: str) -> str:
    """The last run of name-like words in ``text`` that are not office words."""
    best: list[str] = []
    run: list[str] = []
    for token in _TOKEN.findall(text):
        token = token.strip()
        if _NAME_TOKEN.match(token) and token.lower().rstrip(".") not in OFFICE_WORDS:
            run.append(token)
            continue
        if run:
            best = run
        run = []
    if run:
        best = run
    if not best or (len(best) == 1 and len(best[0].rstrip(".")) < 3) or all(t.endswith(".") for t in best):
        return ""
    return " ".join(best)


def _one_party(chunk: str, gazetteer: Gazetteer) -> Party | None:
    chunk = _COMRADE.sub("", chunk.strip())
    for part in [p for p in chunk.split(",") if p.strip()] or [chunk]:
        hits = [hit for hit in gazetteer.find(part) if hit.entity.kind == "person"]
        if len({hit.entity.name for hit in hits}) == 1:
            return Party(hits[0].entity.name, "person", part.strip())
    for part in [p for p in chunk.split(",") if p.strip()]:
        name = _name_run(part)
        if name and not _ORG_WORDS.search(name):
            return Party(_tidy(name), "person", part.strip())
    if _ORG_WORDS.search(chunk) or _FOREIGN_MINISTRY.search(chunk):
        name = _ARTICLE.sub("", chunk.split(",")[0].strip())
        return Party(name, "organization", chunk.strip())
    return None


def _tidy(name: str) -> str:
    """N. G. SUDARIKOV -> N.G. Sudarikov; a Russian surname back in the nominative."""
    name = _SPACED_INITIALS.sub(r"\1.", name)
    words = [w.capitalize() if w.isupper() and len(w) > 3 and "." not in w else w for w in name.split()]
    if words:
        words[-1] = nominative(words[-1])
    return " ".join(words)


def title_parties(title: str, gazetteer: Gazetteer) -> dict[str, list[Party]]:
    """Who a title says sent, received, or took part: {"sender": [...], "recipient": [...], ...}."""
    roles: dict[str, list[Party]] = {"sender": [], "recipient": [], "mentioned": []}
    text = _SPACES.sub(" ", title).strip()
    for latin in _LATIN_HANGUL.finditer(text) if not text.isascii() else ():  # MERETSKOV(메레츠코프)
        if latin.group(1).lower() not in OFFICE_WORDS:
            roles["mentioned"].append(Party(latin.group(1).capitalize(), "person", latin.group(0)))
    ru = None if text.isascii() else _RU_DOC.search(text)  # its words are Russian
    if ru:
        groups: list[list[str]] = []
        for word in re.findall(r"(?:[А-ЯЁ]\.\s?){1,2}[А-ЯЁ][\w-]+|[А-ЯЁ][\w-]+|\S+", ru.group("rest")):
            if not word[:1].isupper() or word[:1].isdigit():
                groups.append([])
            elif groups and groups[-1] and not re.search(r"[ауюя]$", groups[-1][-1]) and "." not in word:
                groups[-1].append(word)  # "Мао Цзэдуну": one name; "Сталина Мао": two
            else:
                groups.append([word])
        for group in filter(None, groups):
            role = "recipient" if re.search(r"(у|ю)$", group[-1].lower()) else "sender"
            roles[role] += parties(" ".join(group), gazetteer)
        return roles
    quoted = "'" in text or "‘" in text or "“" in text  # what _AUTHOR, _QUOTED_RECORD and _QUOTED_SUBJECT need
    author = _AUTHOR.match(text) if quoted else None  # Józef Dryglas, 'Record of ...'
    if author and (_TYPE_PREFIX.match(author.group("who")) or _FROM.search(author.group("who"))):
        author = None  # "Cable from Wang Bingnan, 'Request ...'": a sender, then a quoted subject
    if author and _name_run(author.group("who")):
        roles["mentioned"] += parties(author.group("who"), gazetteer)
    if not author and quoted and not _QUOTED_RECORD.search(text):
        text = _QUOTED_SUBJECT.sub("", text)  # a quoted subject, not a party
    between = _BETWEEN.search(text) if _MEETING.search(text) else None  # most titles are no meeting's
    if between:
        for part in (between.group("a"), between.group("b")):
            roles["mentioned"] += parties(part, gazetteer)
        return roles
    stripped = _TYPE_PREFIX.sub("", text)
    behalf = _BEHALF.search(stripped)
    if behalf:
        roles["sender"] += parties(behalf.group("who"), gazetteer)
        stripped = stripped[: behalf.start()]
    match = _SENDER_TO.search(stripped)
    if match:
        sender = _UP_TO_FROM.sub("", match.group("sender"))
        roles["sender"] += parties(sender, gazetteer) if sender.strip() else []
        roles["recipient"] += parties(match.group("recipient"), gazetteer)
        rest = stripped[match.end() :]
        with_ = _WITH_REST.search(rest)
        if with_:
            roles["mentioned"] += parties(with_.group(1), gazetteer)
        return roles
    origin = _ORIGIN.match(stripped)
    if origin:
        roles["sender"] += parties(origin.group("who"), gazetteer)
    journal = _JOURNAL.search(text)
    if journal:
        roles["mentioned"] += parties(journal.group("who"), gazetteer)
    with_ = _WITH.search(text)
    if with_:
        roles["mentioned"] += parties(with_.group("who"), gazetteer)
    return roles


def text_people(doc: ParsedDocument, gazetteer: Gazetteer) -> list[tuple[Party, str]]:
    """People the text names by its own conventions: address lines, signatures, initials."""
    found: list[tuple[Party, str]] = []
    for text in doc.texts:
        lines = [line for line in map(str.strip, text.body.split("\n")) if line]  # each stripped once
        for line in lines[:12]:
            cjk = _CJK_ADDRESS.match(line)
            address = _ADDRESS_LINE.match(line)
            if cjk:
                found += [(p, "recipient") for p in _cjk_names(cjk.group("who"), gazetteer)]
            elif address and len(address.group("who").split()) <= 6:
                found += [(p, "recipient") for p in parties(address.group("who"), gazetteer)]
            elif _RU_DATIVE.match(line) and len(lines) > 3:
                found.append((Party(nominative(line.rstrip(".")), "person", line), "recipient"))
        for line in lines[-12:]:
            if _SPACED_CAPS.match(line):
                found += [(p, "signatory") for p in parties(line.replace(" ", ""), gazetteer)]
            elif _CJK_SIGNATURE.fullmatch(line):
                found += [(p, "signatory") for p in _cjk_names(line.replace(" ", ""), gazetteer)]
        seen: set[str] = set()
        head = text.body[:20000]
        for match in _INITIALS_NAME.finditer(head) if _AN_INITIAL.search(head) else ():
            written = match.group(0)
            if written in seen:
                continue
            seen.add(written)
            entity = gazetteer.resolve(written)
            found.append((Party(entity.name if entity else _tidy(written), "person", written), "mentioned"))
        hangul = text.language == "ko" or (not text.body.isascii() and _HANGUL.search(text.body[:5000]))
        for match in _HANGUL_LIST.finditer(text.body[:5000]) if hangul else ():
            for item in match.group(1).split(","):
                word = re.sub(r"\(.*", "", item).strip()
                entity = gazetteer.resolve(word)
                found.append((Party(entity.name if entity else word, "person", word), "mentioned"))
    return found


def _author_above(doc: ParsedDocument, gazetteer: Gazetteer, recipients: set[str]) -> list[Party]:
    """A message whose title names only its addressee ("Telegram to Stalin") is by the person whose
    works or collection the page belongs to: the one person named on the nearest line above it."""
    for line in reversed(doc.report.recognised.get("head", "").split(" | ")):
        names = {hit.entity.name for hit in gazetteer.find(line) if hit.entity.kind == "person"}
        if len(names) == 1 and not names & recipients:
            return [Party(next(iter(names)), "person", line.strip())]
    return []


def _cjk_names(text: str, gazetteer: Gazetteer) -> list[Party]:
    result = []
    for part in re.split(r"[、，,]", text):
        entity = gazetteer.resolve(part)
        if entity is not None:
            result.append(Party(entity.name, "person", part))
    return result


def add_people(doc: ParsedDocument, gazetteer: Gazetteer, add: object) -> None:
    """Record the title's parties and the text's people with ``add(name, role, as_written, kind)``."""
    roles = title_parties(doc.title, gazetteer)
    if doc.extra.get("author line") and not roles["sender"]:
        roles["sender"] = parties(doc.extra["author line"], gazetteer)
    if roles["recipient"] and not roles["sender"]:
        roles["sender"] = _author_above(doc, gazetteer, {p.name for p in roles["recipient"]})
    for role, found in roles.items():
        for party in found:
            add(party.name, role, party.as_written, party.kind)  # type: ignore[operator]
    for party, role in text_people(doc, gazetteer):
        add(party.name, role, party.as_written, party.kind)  # type: ignore[operator]
