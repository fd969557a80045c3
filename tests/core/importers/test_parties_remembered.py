"""A party phrase's people, remembered by the gazetteer while its names stay the same (issue 16: an
import meets the same senders and recipients all day), are the ones worked out afresh: compared on the
phrases of the test pages' titles and of generated ones, and again after the names change (a learned
code name), when what was remembered must be forgotten."""

from __future__ import annotations

import random
import re
from pathlib import Path

from viewer.core.gazetteer import Gazetteer, builtin_entities
from viewer.core.importers.people import _AUTHOR, _LATIN_HANGUL, _QUOTED_RECORD, _QUOTED_SUBJECT, _parties, parties

REAL = Path(__file__).resolve().parents[2] / "data" / "real"
WORDS = [
    "Stalin", "Filippov", "Mao Zedong", "Kim Il Sung", "N.G. Sudarikov", "Soviet Ambassador", "Chairman",
    "the Chinese Foreign Ministry", "CCP CC", "Comrade", "Сталин", "Вышинскому", "Теребину", "毛泽东",
    "[Stalin]", "Liu [Shaoqi]", "Wang Bingnan", "Vasily Moskovsky", "General Secretary", "and", ",", "to",
]  # fmt: skip


def _phrases() -> list[str]:
    titles = [line for path in sorted(REAL.glob("*.txt")) for line in path.read_text("utf-8").splitlines()[:12]]
    phrases = [part for title in titles for part in re.split(r"\bto\b|\bfrom\b|,", title) if part.strip()]
    rng = random.Random(16)
    phrases += [" ".join(rng.choice(WORDS) for _ in range(rng.randint(1, 5))) for _ in range(1500)]
    return phrases


def test_remembered_parties_are_the_parties_worked_out_afresh_also_after_the_names_change():
    phrases = _phrases()
    assert len(phrases) > 1500
    gazetteer = Gazetteer(builtin_entities())
    for _ in range(2):  # the second time from memory
        for phrase in phrases:
            assert parties(phrase, gazetteer) == _parties(phrase, Gazetteer(builtin_entities())), phrase
    assert [p.name for p in parties("Bimkanov", gazetteer)] == ["Bimkanov"]
    assert gazetteer.add_alias("Stalin", "Bimkanov", alias_kind="code name")
    assert [p.name for p in parties("Bimkanov", gazetteer)] == ["Stalin"]
    changed = Gazetteer(builtin_entities())
    changed.add_alias("Stalin", "Bimkanov", alias_kind="code name")
    for phrase in phrases[:300]:
        assert parties(phrase, gazetteer) == _parties(phrase, changed), phrase


def test_what_is_remembered_is_bounded(monkeypatch):
    monkeypatch.setattr("viewer.core.importers.people._MOST_KEPT", 50)
    gazetteer = Gazetteer(builtin_entities())
    for number in range(500):
        name = "Ivan" + "".join(chr(ord("a") + int(digit)) for digit in f"{number:03}") + "ov"  # Ivanabcov
        assert [p.name for p in parties(name, gazetteer)] == [name]
        assert len(gazetteer.remembered()) <= 51


def test_the_title_patterns_skipped_without_their_characters_never_match_without_them():
    """title_parties tries _AUTHOR, _QUOTED_RECORD and _QUOTED_SUBJECT only on a title holding a quote
    that each of them needs (' ‘ “), and _LATIN_HANGUL only on one beyond ASCII: near misses (’ ” `)
    and everything else those patterns look for around them never make a match."""
    rng = random.Random(7)
    pieces = [*WORDS, "’", "”", "`", '"', "Record", "memorandum", "MERETSKOV", "(메레츠코프)", "(", ")", " ", ", "]
    pieces += ["Józef Dryglas", "Conversation", "notes", "minutes", "A Very Long Quoted Subject", "'", "‘", "“"]
    seen_match = {"quoted": 0, "hangul": 0}
    for _ in range(20_000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(1, 12)))
        quoted = "'" in text or "‘" in text or "“" in text
        matches = [_AUTHOR.match(text), _QUOTED_RECORD.search(text), _QUOTED_SUBJECT.search(text)]
        assert quoted or not any(matches), text
        seen_match["quoted"] += any(matches)
        assert not text.isascii() or not _LATIN_HANGUL.search(text), text
        seen_match["hangul"] += bool(_LATIN_HANGUL.search(text))
    assert seen_match["quoted"] > 100 and seen_match["hangul"] > 10  # the texts do hold matches
