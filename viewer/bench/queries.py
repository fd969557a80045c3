"""The benchmark's queries, by class, drawn from the synthetic vocabulary so that none repeats.

A class says how many documents a query matches: a rare term (a handful), a medium one (about a
third), one that is everywhere, a phrase, a person by any of their names (aliases expand), a word
under a date filter. Every query of a run is a different string, so each timing pays for its own
MATCH, not for a cache that a previous identical query filled.
"""

from __future__ import annotations

import random
from datetime import date

from .synthetic import PEOPLE, VOCABULARY, ranks_with_share

Query = tuple[str, int | None]  # the text typed, and a year to filter on (None: no date filter)
TYPED_CLASSES = ("rare", "third", "everywhere", "phrase", "name", "dated")
SEARCH_CLASSES = ("rare", "medium", "everywhere")


def _words(low: float, high: float) -> list[str]:
    return [VOCABULARY[rank] for rank in ranks_with_share(low, high)]


def _everywhere(rng: random.Random) -> list[str]:
    """Words in (nearly) every document, then pairs of them (both must be there), shuffled pairs last."""
    words = _words(0.99, 1.0)
    pairs = [f"{a} {b}" for a in words for b in words if a < b]
    rng.shuffle(pairs)
    return words + pairs


def typed_queries(runs: int, seed: int = 16) -> dict[str, list[Query]]:
    """``runs`` different queries for each class the window is timed on."""
    rng = random.Random(seed)
    rare = _words(0.0005, 0.002)
    third = _words(0.25, 0.42)
    rng.shuffle(rare)
    rng.shuffle(third)
    common = _words(0.9, 1.0)
    phrases = [f'"{a} {b}"' for a in common for b in common if a != b]
    rng.shuffle(phrases)
    names = [name for person in PEOPLE for name in person]
    rng.shuffle(names)
    years = [rng.randrange(1940, 1992) for _ in range(runs)]
    dated_words = third[runs : 2 * runs]
    return {
        "rare": [(word, None) for word in rare[:runs]],
        "third": [(word, None) for word in third[:runs]],
        "everywhere": [(word, None) for word in _everywhere(rng)[:runs]],
        "phrase": [(phrase, None) for phrase in phrases[:runs]],
        "name": [(name, None) for name in names[:runs]],
        "dated": list(zip(dated_words, years, strict=True)),
    }


def search_queries(per_class: int, seed: int = 17) -> dict[str, list[str]]:
    """``per_class`` different search strings for each of rare, medium and everywhere; rare ones
    include numbers (the synthetic text carries five-digit numbers in about one sentence in twelve)."""
    rng = random.Random(seed)
    rare = _words(0.0, 0.002)
    medium = _words(0.05, 0.5)
    rng.shuffle(rare)
    rng.shuffle(medium)
    numbers = [str(n) for n in rng.sample(range(1, 100_000), per_class // 4)]
    rare = numbers + rare[: per_class - len(numbers)]
    rng.shuffle(rare)
    everywhere = _everywhere(rng)
    if len(medium) < per_class:  # pairs of medium words: fewer matches, still medium-ish and new
        medium += [f"{a} {b}" for a, b in zip(medium, reversed(medium), strict=True) if a < b]
    return {"rare": rare[:per_class], "medium": medium[:per_class], "everywhere": everywhere[:per_class]}


def year_range(year: int) -> tuple[date, date]:
    """The first and last day of ``year``."""
    return date(year, 1, 1), date(year, 12, 31)
