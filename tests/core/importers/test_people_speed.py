"""The people half of the parser, made cheaper for issue 16, reads what it read before.

Each pattern rewritten so that it is tried only where its first character stands (a capital, not
a look-behind or a word boundary at every character), and each check that skips a pattern on a
text that cannot hold a match, is compared with the earlier form, frozen below, on generated texts
that hold the things looked for (initials, bracketed aliases, footnote marks) among their near misses.
"""

from __future__ import annotations

import random
import re

from viewer.core.importers.derive import _BRACKET_ALIAS, _FOOTNOTE, _last_lines, _may_hold_footnote
from viewer.core.importers.people import _AN_INITIAL, _INITIALS_NAME, _RU_DOC

OLD_INITIALS_NAME = re.compile(
    r"(?<![\w.])((?:[A-ZА-ЯЁ]\.\s?){1,2})\s?([A-ZА-ЯЁ][a-zа-яё]{2,}(?:-[a-z]+)?|[A-ZА-ЯЁ]{3,})\b"
)
OLD_BRACKET_ALIAS = re.compile(r"\b(?P<alias>[A-ZА-Я][\w-]+)\s*[\[(](?P<canonical>[A-ZА-Я][^\])]{1,40})[\])]")

PIECES = [
    "I.",
    "V.",
    "I. V.",
    "N.G.",
    "А.",
    "Я.",
    "Stalin",
    "STALIN",
    "Сталин",
    "Vyshinsky-Li",
    "Filippov",
    "[Stalin]",
    "(Stalin)",
    "[Mao Zedong]",
    "(Кузнецов)",
    "[",
    "(",
    "]",
    ")",
    "x/",
    "*",
    "a/",
    "X/",
    "ſ/",
    "pseudonym of",
    "Pseudonym",
    "code name",
    "псевдоним",
    "the",
    "to",
    "_",
    "7",
    ".",
    "-",
    "é",
    "Ё.",
    "ab",
    "https://a.b/c",
    "x/ pseudonym of I.V. Stalin",
    "* Code name N. Roshchin",
    "b/псевдоним Сталина",
]
GLUE = [" ", " ", "", "\n", "\n\n", ". ", ", ", "-", "\t", "  "]


def _texts(count: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    texts = []
    for _ in range(count):
        parts = []
        for _ in range(rng.randint(1, 25)):
            parts += [rng.choice(PIECES), rng.choice(GLUE)]
        texts.append("".join(parts[: rng.randint(1, len(parts))]))
    return texts


def _found(pattern: re.Pattern[str], text: str) -> list[tuple[tuple[int, int], tuple[str | None, ...]]]:
    return [(match.span(), match.groups()) for match in pattern.finditer(text)]


def test_initials_and_bracketed_aliases_are_found_where_the_earlier_patterns_found_them():
    texts = _texts(6000, seed=16)
    for text in texts:
        assert _found(_INITIALS_NAME, text) == _found(OLD_INITIALS_NAME, text), text
        assert _found(_BRACKET_ALIAS, text) == _found(OLD_BRACKET_ALIAS, text), text
    # the texts held what is looked for, and its near misses
    assert sum(bool(_found(_INITIALS_NAME, text)) for text in texts) > 1000
    assert sum(bool(_found(_BRACKET_ALIAS, text)) for text in texts) > 400


def test_a_text_said_to_hold_no_footnote_holds_none():
    texts = _texts(6000, seed=17)
    texts += ["x/ pseudonym of I.V. Stalin", "a\nb/ Code name Stalin", "*псевдоним Сталин", "ſ/ pseudonym Stalin"]
    skipped = [text for text in texts if not _may_hold_footnote(text)]
    assert not [text for text in skipped if _FOOTNOTE.search(text)]
    assert len(skipped) > 1000
    assert sum(bool(_FOOTNOTE.search(text)) for text in texts) > 300


def test_last_lines_are_the_last_of_all_lines_stripped():
    for text in [*_texts(3000, seed=18), "", "\n\n", " a \n\n b\n"]:
        every = [line.strip() for line in text.split("\n") if line.strip()]
        for count in (1, 2, 20):
            assert _last_lines(text, count) == every[-count:]


def test_a_text_said_to_hold_no_initial_holds_no_initials_with_a_name():
    texts = _texts(6000, seed=19)
    skipped = [text for text in texts if not _AN_INITIAL.search(text)]
    assert not [text for text in skipped if _INITIALS_NAME.search(text)]
    assert len(skipped) > 1000
    assert sum(bool(_INITIALS_NAME.search(text)) for text in texts) > 1000


def test_an_ascii_title_is_no_russian_document_s():
    """title_parties skips the Russian document words in an ASCII title: no ASCII character is any
    letter of those words, however the case-blind pattern compares them."""
    letters = {ch for ch in _RU_DOC.pattern if "\u0400" <= ch <= "\u04ff"}
    assert len(letters) > 15
    for letter in letters:
        assert not [ch for ch in map(chr, range(128)) if re.fullmatch(re.escape(letter), ch, re.I)], letter
    assert not _RU_DOC.search("".join(map(chr, range(128))) * 2)
