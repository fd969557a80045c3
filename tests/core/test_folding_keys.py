"""A word's skeleton and key, made cheaper for a new word (issue 16: an import meets thousands), are
what they were: the earlier functions are frozen below and compared on the words of the test pages
and on generated words of every script and spelling rule, diacritics and odd characters included."""

from __future__ import annotations

import itertools
import random
import re
import unicodedata
from pathlib import Path

from viewer.core.folding import (
    _CYRILLIC_TO_LATIN,
    _EN_ENDINGS,
    _RU_ENDINGS,
    clue,
    key,
    key_clues,
    skeleton,
    stem,
    strip_diacritics,
)

OLD_RULES = [
    (re.compile(r"ff$"), "v"),
    (re.compile(r"ph"), "f"),
    (re.compile(r"kh"), "h"),
    (re.compile(r"x"), "ks"),
    (re.compile(r"w"), "v"),
    (re.compile(r"t[sz]"), "c"),
    (re.compile(r"[yj]"), "i"),
    (re.compile(r"(.)\1+"), r"\1"),
    (re.compile(r"ie"), "e"),
    (re.compile(r"(.)\1+"), r"\1"),
]


def old_strip_diacritics(text: str) -> str:
    decomposed = unicodedata.normalize("NFD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def old_skeleton(word: str) -> str:
    folded = old_strip_diacritics(word.lower().replace("й", "и")).translate(_CYRILLIC_TO_LATIN)
    for pattern, replacement in OLD_RULES:
        folded = pattern.sub(replacement, folded)
    return folded


def old_stem(word: str) -> str:
    word = word.lower()
    endings = _RU_ENDINGS if re.search("[а-яё]", word) else _EN_ENDINGS
    for ending in endings:
        if word.endswith(ending) and len(word) - len(ending) >= 4:
            return word[: -len(ending)]
    return word


def old_key(word: str) -> str:
    base = old_skeleton(old_stem(word))
    trimmed = base.rstrip("aeiou")
    return trimmed if len(trimmed) >= 3 else base


LETTERS = (
    list("abcdefhijkpstwxyzhffiieeooTSZKHPH")
    + list("абвгдежзийклмнопрстуфхцчшщъыьэюяё")
    + [
        "é",
        "ü",
        "ß",
        "ſ",
        "İ",
        "ı",
        "e\u0301",
        "\n",
        " ",
        "-",
        "'",
        "7",
        "毛",
        "Σ",
        "\u212a",  # the Kelvin sign: its lower case is the ASCII k
        "ﬀ",
        "ǅ",
    ]
)


def _words() -> list[str]:
    here = Path(__file__).parent.parent / "data" / "real"
    words = {word for path in here.glob("*.txt") for word in re.findall(r"\w+", path.read_text("utf-8"))}
    rng = random.Random(16)
    words.update("".join(rng.choice(LETTERS) for _ in range(rng.randint(1, 12))) for _ in range(20000))
    # ASCII words, the most an import meets: every ending, doubled letter and rule's letters among them
    ascii_letters = [*"abcdefghijklmnopqrstuvwxyzAEIKSTY'", "ies", "ing", "ed", "es", "ff", "ie", "ts", "kh"]
    words.update("".join(rng.choice(ascii_letters) for _ in range(rng.randint(1, 9))) for _ in range(20000))
    words.update(["staff", "staff\n", "Philipp", "Khrushchev", "Вышинскому", "ВЬШИНСКИЙ", "Tsetung", "tzar", ""])
    return sorted(words)


def test_skeleton_key_and_diacritics_are_what_they_were():
    words = _words()
    assert len(words) > 35000
    for word in words:
        assert strip_diacritics(word) == old_strip_diacritics(word), repr(word)
        assert stem(word) == old_stem(word), repr(word)
        assert skeleton.__wrapped__(word) == old_skeleton(word), repr(word)
        assert key.__wrapped__(word) == old_key(word), repr(word)


def test_an_ascii_word_has_one_of_its_keys_clues():
    """The gazetteer works out the key of a new ASCII word only when its clue is one a name's key may
    have: every ASCII word of three or more characters has a clue its own key allows (each of the
    generated words, and every word of three letters, an apostrophe or a digit)."""
    alphabet = "abcdefghijklmnopqrstuvwxyzKPTXWYJI'7"
    words = [word for word in _words() if word.isascii() and len(word) >= 3]
    words += ["".join(letters) for letters in itertools.product(alphabet, repeat=3)]
    words += ["palming", "Stalin", "STALINS", "Phenian", "Khrushchev", "Yenan", "Jiang", "Tsar", "Xian", "Wuhan"]
    assert len(words) > 50000
    for word in words:
        assert clue(word) in key_clues(key(word)), repr(word)
    # and the clues tell words apart: most words' clue is not one of a few names' keys
    names = set().union(*(key_clues(key(name)) for name in ["Stalin", "Molotov", "Pyongyang"]))
    assert sum(clue(word) not in names for word in words) > len(words) // 2
