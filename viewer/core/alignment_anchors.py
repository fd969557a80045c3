"""The anchors that tell a stretch of an original and of its translation belong together.

Dates, numbers, people and places (the gazetteer knows "Мао Цзэдун" is "Mao Zedong"), words that
transliterate alike (телеграмма, telegram: the first letters of their folded keys) and a few words of
a telegram's furniture (секретно, secret) that are neither. :mod:`alignment` lowers the cost of a
bead by what its two sides share and raises it when both have anchors of a kind and share none.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .dates import find_dates
from .folding import CJK_CLASS, key
from .gazetteer import Gazetteer, builtin_entities

_WEIGHTS = {"d": 4.0, "n": 3.0, "#": 2.0, "1": 0.8, "w": 2.0, "c": 1.0, "e": 3.0}
_CLASHES = {"d": 1.5, "n": 1.5, "#": 1.0, "w": 1.0}  # both sides have this kind of anchor, none shared
_COGNATE_CAP = 3.0
_STRANGERS = 1.0  # both sides have anchors and share none

_CJK_START = re.compile(f"[{CJK_CLASS}]")
# Document furniture that is neither a name nor a cognate: concept -> words (a trailing * : any
# word that begins so, for the inflected languages; CJK: anywhere)
_FURNITURE = {
    "secret": ("секретн*", "secret", "机密", "绝密", "秘密", "비밀", "geheim"),
    "cipher": ("шифр*", "cipher", "ciphered", "enciphered", "cypher", "密电", "암호"),
    "special": ("особ*", "спец", "специальн*", "special", "特别", "특별"),
    "urgent": ("срочн*", "вне очеред*", "urgent", "flash", "immediate", "急", "긴급"),
    "comrade": ("тов", "товарищ*", "comrade", "comrades", "cde", "comr", "同志", "동지", "genosse"),
    "copy": ("копи*", "экз", "экземпляр*", "copy", "copies", "副本", "사본"),
    "ambassador": ("посол*", "совпосол*", "ambassador", "大使", "대사", "botschafter"),
    "department": ("отдел*", "department", "处", "부서", "abteilung"),
    "ministry": ("мид", "министерств*", "ministry", "mfa", "外交部", "외무성"),
    "received": ("получен*", "received", "收到", "접수"),
    "sent": ("отправлен*", "sent", "dispatched", "发出", "발송"),
    "report": ("сообщ*", "доложи*", "inform", "report", "报告", "보고"),
    "carry_out": ("исполнени*", "выполнени*", "fulfil*", "carry out", "carried out", "done", "执行", "집행"),
    "treaty": ("договор*", "treaty", "pact", "条约", "조약"),
    "friendship": ("дружб*", "friendship", "友好", "우호"),
    "prohibited": ("воспрещ*", "запрещ*", "prohibited", "forbidden", "禁止", "금지"),
}
_FURNITURE_OF = {word.rstrip("*"): concept for concept, words in _FURNITURE.items() for word in words}


def _furniture_pattern(word: str) -> str:
    if _CJK_START.match(word):
        return re.escape(word)
    if word.endswith("*"):
        return r"(?<![^\W\d_])" + re.escape(word[:-1])
    return r"(?<![^\W\d_])" + re.escape(word) + r"(?![^\W\d_])"


_FURNITURE_PATTERN = re.compile(
    "|".join(
        _furniture_pattern(word)
        for word in sorted((w for words in _FURNITURE.values() for w in words), key=len, reverse=True)
    ),
    re.IGNORECASE,
)
_SPACED = re.compile(r"(?<!\w)(?:\w ){2,}\w(?!\w)")
_NUMBER = re.compile(r"\d+")
_WORD = re.compile(r"[^\W\d_]{4,}")
GAP_MARK = re.compile(r"\[\s*(?:\.\.\.|…)\s*\]|^\s*(?:\.\.\.|…)\s*$", re.M)


@lru_cache(maxsize=1)
def _gazetteer() -> Gazetteer:
    return Gazetteer(builtin_entities())


@lru_cache(maxsize=4096)
def anchors(text: str) -> frozenset[str]:
    """What a stretch of text can be recognised by in another language: dates (d:), people and
    places (n:), numbers (#: two digits or more, 1: a single digit), furniture words (w:), the
    first letters of transliterable words (c:) and an omission mark (e:)."""
    found: set[str] = set()
    unspaced = _SPACED.sub(lambda m: m.group(0).replace(" ", ""), text)  # "П Е К И Н" is ПЕКИН
    rest = unspaced
    for date in find_dates(unspaced):
        if date.start:
            found.add(f"d:{date.start}")
            rest = rest.replace(date.text, " ")
    for number in _NUMBER.findall(rest):
        value = str(int(number))
        found.add(f"#:{value}" if len(value) > 1 else f"1:{value}")
    for hit in _gazetteer().find(unspaced):
        found.add(f"n:{hit.entity.kind}:{hit.entity.name}")
    for match in _FURNITURE_PATTERN.finditer(unspaced):
        found.add(f"w:{_FURNITURE_OF[match.group(0).lower()]}")
    for word in _WORD.findall(unspaced):
        folded = key(word)
        if len(folded) >= 5:
            found.add(f"c:{folded[:5]}")
    if GAP_MARK.search(text):
        found.add("e:gap")
    return frozenset(found)


_STRONG = ("d", "n", "#", "1", "w", "e")


@dataclass(frozen=True)
class Anchors:
    """A run's anchors grouped for scoring: one set per kind of _STRONG, then the cognates."""

    kinds: tuple[frozenset[str], ...]
    cognates: frozenset[str]

    @classmethod
    def of(cls, found: frozenset[str]) -> Anchors:
        kinds = tuple(frozenset(tag for tag in found if tag[0] == kind) for kind in _STRONG)
        return cls(kinds, frozenset(tag for tag in found if tag[0] == "c"))

    def __or__(self, other: Anchors) -> Anchors:
        kinds = tuple(a | b for a, b in zip(self.kinds, other.kinds, strict=True))
        return Anchors(kinds, self.cognates | other.cognates)

    def touches(self, other: Anchors) -> bool:
        return not self.cognates.isdisjoint(other.cognates) or any(
            not a.isdisjoint(b) for a, b in zip(self.kinds, other.kinds, strict=True)
        )


_KIND_WEIGHTS = tuple(_WEIGHTS[kind] for kind in _STRONG)
_KIND_CLASHES = tuple(_CLASHES.get(kind, 0.0) for kind in _STRONG)


def anchor_score(a: Anchors, b: Anchors) -> float:
    """What shared anchors take off a bead's cost, less what clashing ones add."""
    score = min(_COGNATE_CAP, _WEIGHTS["c"] * len(a.cognates & b.cognates))
    shared_any = present_both = False
    for mine, theirs, weight, clash in zip(a.kinds, b.kinds, _KIND_WEIGHTS, _KIND_CLASHES, strict=True):
        if mine and theirs:
            present_both = True
            shared = len(mine & theirs)
            if shared:
                shared_any = True
                score += weight * shared
            else:
                score -= clash
    if present_both and not shared_any:
        score -= _STRANGERS
    return score
