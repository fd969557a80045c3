"""Known people and places with their spellings, scripts and code names.

The built-in list (``data/gazetteer.json``) covers the figures of the early Cold War in Asia; an
archive adds the aliases it learns from its documents ("Filippov [Stalin]"). Names are matched on
folded keys (see :mod:`folding`), so "Вышинскому", "VYSHINSKY" and the OCR's "ВЬШИНСКИЙ" all find
Vyshinsky.
"""

from __future__ import annotations

import itertools
import json
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from typing import NamedTuple, NotRequired, TypedDict

from .folding import CJK_CLASS, clue, key, key_clues
from .name_search import CASES as _CASES
from .name_search import GAP as _GAP
from .name_search import alternation as _alternation
from .name_search import branch as _branch
from .name_search import one_name as _one_name
from .name_search import opening as _opening
from .name_search import places as _places
from .name_search import spellings as _spellings
from .name_search import whole_words as _whole_words

_MOST_KEPT = 200_000  # words and patterns a gazetteer remembers before it starts again
_LONGEST_KEPT = 40  # characters of a token whose names it remembers
_SHORT = 200  # a text this long or shorter (a line, a title's party, a name) has its hits remembered
_MOST_SHORT_KEPT = 20_000

_WORD = re.compile(r"[^\W\d_][^\W_]*(?:-[^\W\d_]+)?")
_CASE_END = re.compile(f"(?<=[а-яё])(?:{_CASES})$")
# The characters a case-blind pattern takes for a plain letter though their lower case is not it
# (dotless i, long s, the old Cyrillic forms, İ which lower-cases to two characters): a text holding
# one is searched by the patterns alone.
_CASE_TWINS = re.compile("[\u0130\u0131\u017f\u1c80-\u1c86]")
_CJK = re.compile(f"[{CJK_CLASS}]")
_UNUSUAL = re.compile(f"[{CJK_CLASS}\u0130\u0131\u017f\u1c80-\u1c86]")  # either: one look for both


@lru_cache(maxsize=4096)
def name_key(written: str) -> str:
    """A multi-word name as the gazetteer matches it: case, the gaps between its words ("Chou En-lai",
    "Chou En lai", a line break) and the soft last letter of a Russian name ("Чжоу Эньлая") ignored."""
    folded = _GAP.sub(" ", re.sub(r"\.\s+", ".", written.strip().lower()))
    return _CASE_END.sub("", folded)


@dataclass
class Entity:
    kind: str
    name: str
    note: str | None = None
    aliases: dict[str, str] = field(default_factory=dict)  # alias -> alias kind

    def all_names(self) -> list[str]:
        return [self.name, *self.aliases]


class Hit(NamedTuple):  # a tuple: made three times faster than a frozen dataclass, and a page has dozens
    entity: Entity
    as_written: str
    start: int
    end: int


# What a token holds: the first words of multi-word names (lower case), the words naming someone on
# their own, whether it holds a CJK character, and a case twin
_Told = tuple[frozenset[str], frozenset[str], bool, bool]


class Gazetteer:
    """Finds entities in text and resolves names as written to a canonical entity."""

    def __init__(self, entities: list[Entity]):
        self.entities = entities
        self._by_name = {(e.kind, e.name): e for e in entities}
        self._single: dict[str, Entity] = {}
        self._multi_entities: dict[str, Entity] = {}
        self._multi_by_first: dict[str, list[str]] = {}  # multi-word names by their first word, so a
        self._cjk_names: list[str] = []  # text is only searched for the names it may hold
        self._cjk_free: list[str] = []  # those of them without a CJK character ("1950"), in order
        self._openings: dict[str, tuple[str, ...] | None] = {}  # a first word's names open with (lower case)
        # every word that lower-cases to a first word (None: too many), so a text's other words are not lowered
        self._first_spellings: set[str] | None = set()
        self._clues: set[tuple[str, frozenset[str]]] = set()  # what an ASCII word naming someone holds (key_clues)
        self._stale = True  # the tables above wait for the next find: names added in a row cost one build
        # what the finds so far learned, kept until the names change: a text's tokens (its runs of
        # non-space) that hold no name's word, what the others hold, and the pattern finding each
        # name (an import meets the same tokens all day)
        self._plain: set[str] = set()
        self._telling: dict[str, _Told] = {}
        self._plain_words: set[str] = set()  # the words of the plain tokens
        self._patterns: dict[tuple[str, str], re.Pattern[str]] = {}
        # and the hits in short texts: an import looks the same lines and names up again and again
        self._short_hits: dict[str, tuple[Hit, ...]] = {}
        self._memo: dict[object, object] = {}  # see ``remembered``

    def _rebuild(self) -> None:
        self._single, self._multi_entities, self._multi_by_first, self._cjk_names, self._cjk_free = {}, {}, {}, [], []
        self._plain, self._telling, self._plain_words, self._patterns, self._openings = set(), {}, set(), {}, {}
        self._short_hits, self._memo = {}, {}
        for entity in self.entities:
            for name in entity.all_names():
                words = _WORD.findall(name)
                cjk = re.search(f"[{CJK_CLASS}]", name)
                if cjk or len(words) > 1 or "." in name:
                    self._multi_entities[name_key(name)] = entity
                    if cjk or not words:
                        self._cjk_names.append(name)
                        if not cjk:
                            self._cjk_free.append(name)
                    else:
                        self._multi_by_first.setdefault(words[0].lower(), []).append(name)
                elif words and len(words[0]) >= 3:
                    self._single.setdefault(key(words[0]), entity)
        spellings: set[str] | None = set()
        for first, names in self._multi_by_first.items():
            openings = {_opening(name) for name in names}
            self._openings[first] = None if "" in openings else tuple(sorted(openings))
            spelled = _spellings(first)
            spellings = None if spelled is None or spellings is None else spellings | spelled
        self._first_spellings = spellings
        self._clues = set().union(*map(key_clues, self._single))
        self._stale = False

    def _multi_matches(self, text: str, firsts: set[str], has_cjk: bool, has_twins: bool) -> list[re.Match[str]]:
        """Where the multi-word names ``text`` may hold (``firsts``: the first words of those it holds)
        are written in it, as one alternation of them (the longest first) finds them, left to right
        and not overlapping. ``has_cjk``, ``has_twins``: whether it holds a CJK character, a case twin."""
        # most texts hold no CJK character: only the few names without one are looked for in them
        cjk_names = self._cjk_names if has_cjk else self._cjk_free
        cjk = [name for name in cjk_names if name in text]
        if not firsts and not cjk:
            return []
        # The alternation of the names a text may hold costs a compile per text. So the names that
        # begin with one word are one pattern, compiled once: where the matches of these patterns
        # do not overlap, they are the alternation's (two spellings matching the same words are
        # one match); else the alternation decides.
        lower = text.lower() if firsts and not has_twins else None
        spans = {match.span(): match for first in firsts for match in self._first_matches(text, lower, first)}
        patterns = [self._pattern(("cjk", name), _one_name) for name in cjk]
        spans.update((match.span(), match) for pattern in patterns for match in pattern.finditer(text))
        matches = [spans[span] for span in sorted(spans)]
        if any(after.start() < before.end() for before, after in itertools.pairwise(matches)):
            candidates = [name for first in firsts for name in self._multi_by_first[first]] + cjk
            alternation = _alternation(tuple(sorted(set(candidates), key=len, reverse=True)))
            return list(alternation.finditer(text))
        return matches

    def _first_matches(self, text: str, lower: str | None, first: str) -> Iterable[re.Match[str]]:
        """What ``finditer`` of the names beginning with ``first`` finds, the pattern tried only where
        the text (in ``lower`` case, None when the letters are not all plain) holds their opening
        letters: running it along the whole text cost more than the rest of a page's find."""
        pattern = self._pattern(("first", first), self._first_pattern)
        openings = self._openings[first]
        if lower is None or openings is None:
            return pattern.finditer(text)
        if len(openings) == 1:
            places: Iterable[int] = _places(lower, openings[0])
        else:
            places = sorted({place for opening in openings for place in _places(lower, opening)})
        matches = []
        end = 0
        for place in places:
            if place >= end:
                match = pattern.match(text, place)
                if match is not None:
                    matches.append(match)
                    end = match.end()
        return matches

    def _first_pattern(self, first: str) -> re.Pattern[str]:
        """The names that begin with the word ``first``, as their part of ``_alternation``."""
        names = sorted(set(self._multi_by_first[first]), key=len, reverse=True)
        return re.compile("|".join(map(_branch, names)), re.IGNORECASE)

    def _pattern(self, name: tuple[str, str], build: Callable[[str], re.Pattern[str]]) -> re.Pattern[str]:
        pattern = self._patterns.get(name)
        if pattern is None:
            if len(self._patterns) > _MOST_KEPT:
                self._patterns.clear()
            pattern = self._patterns[name] = build(name[1])
        return pattern

    def _words(self, text: str) -> tuple[set[str], set[str], bool, bool]:
        """The first words of multi-word names (lower case) and the words naming someone on their own
        (as written) that ``text`` holds, and whether it holds a CJK character and a case twin: what
        ``_WORD``, ``_CJK`` and ``_CASE_TWINS`` find, read token by token, a token's answer remembered
        (neither a word nor those characters are spaces, so a text's are those of its tokens)."""
        firsts: set[str] = set()
        named: set[str] = set()
        has_cjk = has_twins = False
        tokens = set(text.split()) - self._plain  # most tokens hold no name's word: the small set left
        telling = self._telling
        tolds = [telling[token] for token in tokens if token in telling]
        new = [token for token in tokens if token not in telling]
        if new:
            tolds += self._tell_new(new)
        for told in tolds:
            firsts |= told[0]
            named |= told[1]
            has_cjk |= told[2]
            has_twins |= told[3]
        return firsts, named, has_cjk, has_twins

    def _tell_new(self, tokens: list[str]) -> list[_Told]:
        """What ``_tell`` tells of each of ``tokens`` that holds something. The ASCII ones are told at
        once: each of their words not known to be plain is told whether it is a first word or names
        someone, and only the tokens holding one that does are told one by one (an import's new tokens
        mostly hold none, and telling each cost a fifth of a new page's parse)."""
        tolds: list[_Told] = []
        joined = " ".join(tokens)  # no word holds a space
        if not joined.isascii():
            tolds = [told for token in tokens if not token.isascii() and (told := self._tell(token)) is not None]
            tokens = [token for token in tokens if token.isascii()]
            joined = " ".join(tokens)
        spellings, multi, single, clues = self._first_spellings, self._multi_by_first, self._single, self._clues
        words = set(_WORD.findall(joined)) - self._plain_words
        names = {
            word
            for word in words
            if ((spellings is None or word in spellings) and word.lower() in multi)
            or (len(word) >= 3 and clue(word) in clues and key(word) in single)
        }
        if names:  # a token holding a name holds it as a part ("Stalin," holds "Stalin")
            held = [token for token in tokens if any(name in token for name in names)]
            tolds += [told for token in held if (told := self._tell(token)) is not None]
            tokens = [token for token in tokens if not any(name in token for name in names)]
        plain_words = [word for word in words - names if len(word) <= _LONGEST_KEPT]
        plain = [token for token in tokens if len(token) <= _LONGEST_KEPT]
        learned = len(plain_words) + len(plain)
        if len(self._plain) + len(self._telling) + len(self._plain_words) + learned > _MOST_KEPT:
            self._plain.clear()
            self._telling.clear()
            self._plain_words.clear()
        if learned <= _MOST_KEPT:
            self._plain_words.update(plain_words)
            self._plain.update(plain)
        return tolds

    def _tell(self, token: str) -> _Told | None:
        """What one token holds (see ``_words``), remembered (if short: a text without spaces, Chinese,
        is one long token); None if nothing."""
        words = _WORD.findall(token)
        if len(self._plain) + len(self._telling) + len(self._plain_words) > _MOST_KEPT:  # an import may run all day
            self._plain.clear()
            self._telling.clear()
            self._plain_words.clear()
        kept = len(token) <= _LONGEST_KEPT
        unusual = not token.isascii() and _UNUSUAL.search(token) is not None
        if unusual or not self._plain_words.issuperset(words):  # "Bimkan," and "Bimkan." are two tokens, one word
            spellings = self._first_spellings  # the words that lower-case to a first word, or None: lower them all
            lowered = {word.lower() for word in words if spellings is None or word in spellings}
            firsts = frozenset(lowered & self._multi_by_first.keys())
            clues = self._clues if token.isascii() else None  # a clue tells most words from names at a tenth of a key
            named = frozenset(
                word
                for word in words
                if len(word) >= 3 and (clues is None or clue(word) in clues) and key(word) in self._single
            )
            if firsts or named or unusual:
                has_cjk = unusual and _CJK.search(token) is not None
                has_twins = unusual and _CASE_TWINS.search(token) is not None
                told = (firsts, named, has_cjk, has_twins)
                if kept:
                    self._telling[token] = told
                return told
            if kept:
                self._plain_words.update(words)
        if kept:
            self._plain.add(token)
        return None

    def add_alias(self, canonical: str, alias: str, kind: str = "person", alias_kind: str = "variant") -> bool:
        entity = self._by_name.get((kind, canonical))
        if entity is None or alias in entity.aliases or alias == entity.name:
            return False
        entity.aliases[alias] = alias_kind
        self._stale = True
        return True

    def remembered(self) -> dict[object, object]:
        """Where a caller may keep what it works out from the names alone (a title's parties): emptied
        when they change, as the hits this gazetteer remembers are."""
        if self._stale:
            self._rebuild()
        return self._memo

    def get(self, name: str, kind: str = "person") -> Entity | None:
        return self._by_name.get((kind, name))

    def find(self, text: str) -> list[Hit]:
        """Every mention of a known entity in ``text``, in order, overlapping mentions dropped."""
        if self._stale:
            self._rebuild()
        if len(text) > _SHORT:
            return self._find(text)
        remembered = self._short_hits.get(text)
        if remembered is None:
            if len(self._short_hits) > _MOST_SHORT_KEPT:
                self._short_hits.clear()
            remembered = self._short_hits[text] = tuple(self._find(text))
        return list(remembered)

    def _find(self, text: str) -> list[Hit]:
        hits: list[Hit] = []
        taken: set[int] = set()  # start offsets of words inside a multi-word mention
        firsts, named, has_cjk, has_twins = self._words(text)
        for match in self._multi_matches(text, firsts, has_cjk, has_twins):
            entity = self._multi_entities.get(name_key(match.group(0)))
            if entity is not None:
                hits.append(Hit(entity, match.group(0), match.start(), match.end()))
                taken.update(range(match.start(), match.end()))
        # Look each distinct word up once; only the words that name someone are then located. A
        # word's match ends where its run of letters and hyphens does, so two words never match at
        # one place; a match inside an earlier one ("Stalin" in "Kim-Stalin") is not one.
        if named:
            end = 0
            for start, stop, word in sorted(_whole_words(text, named)):
                if start < end:
                    continue
                end = stop
                if start not in taken:
                    hits.append(Hit(self._single[key(word)], word, start, stop))
        hits.sort(key=lambda hit: hit.start)
        return hits

    def named(self, text: str) -> Entity | None:
        """The entity ``text`` names as a whole ("Stalin", "Mao Zedong", "Вышинскому"), if any."""
        hits = self.find(text)
        letters = sum(1 for ch in text if ch.isalnum())
        if len({hit.entity.name for hit in hits}) == 1:
            covered = sum(sum(1 for ch in hit.as_written if ch.isalnum()) for hit in hits)
            if covered >= letters * 0.8:
                return hits[0].entity
        return None

    def resolve(self, written: str, kind: str = "person") -> Entity | None:
        """The entity a name as written stands for ("Filippov (Stalin)" is Stalin), if known."""
        for hit in self.find(written):
            if hit.entity.kind == kind:
                return hit.entity
        return None


class _EntityData(TypedDict):
    """One person or place as ``data/gazetteer.json`` writes it."""

    name: str
    note: NotRequired[str]
    aliases: NotRequired[list[str]]
    code_names: NotRequired[list[str]]


@lru_cache(maxsize=1)
def _builtin_data() -> dict[str, list[_EntityData]]:
    text = resources.files("viewer.core").joinpath("data/gazetteer.json").read_text("utf-8")
    data: dict[str, list[_EntityData]] = json.loads(text)
    return data


def builtin_entities() -> list[Entity]:
    """A fresh copy of the built-in list (callers may add aliases to it)."""
    entities = []
    for kind in ("person", "place"):
        for row in _builtin_data()[kind]:
            aliases = {alias: "variant" for alias in row.get("aliases", [])}
            aliases.update({alias: "code name" for alias in row.get("code_names", [])})
            entities.append(Entity(kind, row["name"], row.get("note"), aliases))
    return entities
