"""Known people and places with their spellings, scripts and code names.

The built-in list (``data/gazetteer.json``) covers the figures of the early Cold War in Asia; an
archive adds the aliases it learns from its documents ("Filippov [Stalin]"). Names are matched on
folded keys (see :mod:`folding`), so "Вышинскому", "VYSHINSKY" and the OCR's "ВЬШИНСКИЙ" all find
Vyshinsky.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from typing import NotRequired, TypedDict

from .folding import CJK_CLASS, key

_WORD = re.compile(r"[^\W\d_][^\W_]*(?:-[^\W\d_]+)?")
_GAP = re.compile(r"[\s\-‐]+")  # between the words of a name: a space, a hyphen, a line break
_SOFT_END = re.compile(r"(?<=[а-яё])[йья]$")  # a Russian name's last letter that changes in its cases
_CASES = "ем|ём|[йьяюеи]"  # what it becomes: Эньлай, Эньлая, Эньлаю, Эньлаем
_CASE_END = re.compile(f"(?<=[а-яё])(?:{_CASES})$")


def name_key(written: str) -> str:
    """A multi-word name as the gazetteer matches it: case, the gaps between its words ("Chou En-lai",
    "Chou En lai", a line break) and the soft last letter of a Russian name ("Чжоу Эньлая") ignored."""
    folded = _GAP.sub(" ", re.sub(r"\.\s+", ".", written.strip().lower()))
    return _CASE_END.sub("", folded)


def _name_pattern(name: str) -> str:
    """The regular expression finding ``name`` however the gaps between its words are written."""
    words = _GAP.split(re.sub(r"\.\s+", ".", name.strip()))
    pattern = r"[\s\-‐]+".join(re.escape(word).replace(r"\.", r"\.\s*") for word in words)
    if _SOFT_END.search(name.lower()):
        pattern = pattern[:-1] + f"(?:{_CASES})"
    return pattern


@dataclass
class Entity:
    kind: str
    name: str
    note: str | None = None
    aliases: dict[str, str] = field(default_factory=dict)  # alias -> alias kind

    def all_names(self) -> list[str]:
        return [self.name, *self.aliases]


@dataclass(frozen=True)
class Hit:
    entity: Entity
    as_written: str
    start: int
    end: int


class Gazetteer:
    """Finds entities in text and resolves names as written to a canonical entity."""

    def __init__(self, entities: list[Entity]):
        self.entities = entities
        self._by_name = {(e.kind, e.name): e for e in entities}
        self._single: dict[str, Entity] = {}
        self._multi_entities: dict[str, Entity] = {}
        self._multi_by_first: dict[str, list[str]] = {}  # multi-word names by their first word, so a
        self._cjk_names: list[str] = []  # text is only searched for the names it may hold
        self._stale = True  # the tables above wait for the next find: names added in a row cost one build

    def _rebuild(self) -> None:
        self._single, self._multi_entities, self._multi_by_first, self._cjk_names = {}, {}, {}, []
        for entity in self.entities:
            for name in entity.all_names():
                words = _WORD.findall(name)
                cjk = re.search(f"[{CJK_CLASS}]", name)
                if cjk or len(words) > 1 or "." in name:
                    self._multi_entities[name_key(name)] = entity
                    if cjk or not words:
                        self._cjk_names.append(name)
                    else:
                        self._multi_by_first.setdefault(words[0].lower(), []).append(name)
                elif words and len(words[0]) >= 3:
                    self._single.setdefault(key(words[0]), entity)
        self._stale = False

    def _multi_pattern(self, text: str, words: set[str]) -> re.Pattern[str] | None:
        candidates = [name for word in words & self._multi_by_first.keys() for name in self._multi_by_first[word]]
        candidates += [name for name in self._cjk_names if name in text]
        return _alternation(tuple(sorted(set(candidates), key=len, reverse=True))) if candidates else None

    def add_alias(self, canonical: str, alias: str, kind: str = "person", alias_kind: str = "variant") -> bool:
        entity = self._by_name.get((kind, canonical))
        if entity is None or alias in entity.aliases or alias == entity.name:
            return False
        entity.aliases[alias] = alias_kind
        self._stale = True
        return True

    def get(self, name: str, kind: str = "person") -> Entity | None:
        return self._by_name.get((kind, name))

    def add_entity(self, entity: Entity) -> Entity:
        existing = self._by_name.get((entity.kind, entity.name))
        if existing:
            return existing
        self.entities.append(entity)
        self._by_name[(entity.kind, entity.name)] = entity
        self._stale = True
        return entity

    def find(self, text: str) -> list[Hit]:
        """Every mention of a known entity in ``text``, in order, overlapping mentions dropped."""
        if self._stale:
            self._rebuild()
        hits: list[Hit] = []
        taken: set[int] = set()  # start offsets of words inside a multi-word mention
        found_words = set(_WORD.findall(text))
        multi = self._multi_pattern(text, {word.lower() for word in found_words})
        if multi is not None:
            for match in multi.finditer(text):
                entity = self._multi_entities.get(name_key(match.group(0)))
                if entity is not None:
                    hits.append(Hit(entity, match.group(0), match.start(), match.end()))
                    taken.update(range(match.start(), match.end()))
        # Look each distinct word up once; only the words that name someone are then located.
        named = {word for word in found_words if len(word) >= 3 and key(word) in self._single}
        if named:
            pattern = re.compile(
                r"(?<!\w)(?:" + "|".join(map(re.escape, sorted(named, key=len, reverse=True))) + r")(?![\w-])"
            )
            for match in pattern.finditer(text):
                if match.start() not in taken:
                    word = match.group(0)
                    hits.append(Hit(self._single[key(word)], word, match.start(), match.end()))
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


@lru_cache(maxsize=512)
def _alternation(names: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile(r"(?<!\w)(?:" + "|".join(map(_name_pattern, names)) + ")", re.IGNORECASE)


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
