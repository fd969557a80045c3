"""Classification markings grouped by what they mean, with every spelling kept.

The same marking reaches an archive in many spellings: "Top Secret", "TOP SECRET", "Top Secret
(СОВ. СЕКРЕТНО)" (the importer's English with the original's words), "Совершенно секретно",
"Сов.секретно". The filter offers one entry per meaning; the spellings stay in the documents as
written and are shown beside the group. ``normalise`` gives the group a spelling belongs to; the
store keeps it in ``documents.classification_group`` so a group is filtered and counted in SQL.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# What each marking means, by its folded words (case, dots, spaces and dashes ignored). Russian
# "строго секретно" (strictly secret) is kept apart from "совершенно секретно" (top secret): the
# Soviet services used both, and an archivist may need to tell them apart.
MEANINGS: dict[str, str] = {
    "top secret": "Top Secret",
    "совершенно секретно": "Top Secret",
    "сов секретно": "Top Secret",
    "绝密": "Top Secret",
    "絕密": "Top Secret",
    "극비": "Top Secret",
    "strictly secret": "Strictly Secret",
    "строго секретно": "Strictly Secret",
    "secret": "Secret",
    "секретно": "Secret",
    "机密": "Secret",
    "機密": "Secret",
    "confidential": "Confidential",
    "strictly confidential": "Confidential",
    "конфиденциально": "Confidential",
}
_PUNCTUATION = re.compile(r"[\s.,;:!\-–—_/]+")
_BRACKETED = re.compile(r"^(?P<head>[^()\[\]]*?)\s*[(\[](?P<inner>[^()\[\]]*)[)\]]\s*$")


def folded(value: str) -> str:
    """A spelling's words, lower case, with dots, dashes and runs of space as one space."""
    return _PUNCTUATION.sub(" ", value.casefold()).strip()


def meaning(value: str) -> str | None:
    """The English name of a known marking ("сов. секретно" → "Top Secret"), or None."""
    return MEANINGS.get(folded(value))


def normalise(value: str | None) -> str | None:
    """The group of a classification as written: the meaning of a known marking (or of its first
    known part, for "Top Secret (СОВ. СЕКРЕТНО)"), else the spelling with its spaces tidied and
    a final dot dropped, so an unknown marking is a group of its own. None for no value."""
    if value is None or not value.strip():
        return None
    known = meaning(value)
    if known:
        return known
    bracketed = _BRACKETED.match(value.strip())
    if bracketed:
        for part in (bracketed["head"], bracketed["inner"]):
            known = meaning(part) if part.strip() else None
            if known:
                return known
    return " ".join(value.split()).rstrip(".").strip() or None


@dataclass(frozen=True)
class ClassificationGroup:
    """One entry of the classification filter: the group, its documents, and its spellings as
    written with the documents of each (the most frequent first)."""

    name: str
    count: int
    spellings: tuple[tuple[str, int], ...]


def grouped(rows: list[tuple[str, str, int]]) -> list[ClassificationGroup]:
    """(group, spelling, documents) rows gathered into groups; the most documents first, then by name."""
    groups: dict[str, list[tuple[str, int]]] = {}
    for name, spelling, number in rows:
        groups.setdefault(name, []).append((spelling, number))
    made = [
        ClassificationGroup(name, sum(n for _s, n in members), tuple(sorted(members, key=lambda m: (-m[1], m[0]))))
        for name, members in groups.items()
    ]
    return sorted(made, key=lambda g: (-g.count, g.name))
