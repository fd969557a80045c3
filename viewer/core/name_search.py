"""Plain-text helpers of the gazetteer's find: the patterns finding a name, where one may start, where a word stands.

Split from :mod:`gazetteer` (issue 16) to keep it under the house limit; they know nothing of entities.
"""

from __future__ import annotations

import itertools
import math
import re
from collections.abc import Iterable
from functools import lru_cache

GAP = re.compile(r"[\s\-‐]+")  # between the words of a name: a space, a hyphen, a line break
_SOFT_END = re.compile(r"(?<=[а-яё])[йья]$")  # a Russian name's last letter that changes in its cases
CASES = "ем|ём|[йьяюеи]"  # what it becomes: Эньлай, Эньлая, Эньлаю, Эньлаем
# The letters (and a dot after them: "I.V. Stalin") a name's pattern opens with, when they are plain
# Latin or Russian ones: where a text's lower case holds them is where the pattern may match.
_OPENING = re.compile(r"[a-zA-Zа-яА-ЯёЁ]+\.?")
# The letters whose lower case they are without being its upper (or title) case: Kelvin's K is a k.
_NOT_UPPER_CASE = {"k": "\u212a", "å": "\u212b", "ω": "\u2126", "θ": "\u03f4", "ß": "\u1e9e"}
_MOST_SPELLINGS = 4096  # of one first word, in capitals and small letters: "kim", "Kim", "KIM", "kIm"...


def spellings(word: str) -> set[str] | None:
    """Every string whose lower case is ``word`` ("kim": "Kim", "KIM", "kIm"...), None if there are
    too many, or if a letter's lower case depends on the letters around it (final sigma) or is not one
    letter (İ)."""
    if "σ" in word or "ς" in word or "\u0307" in word:
        return None
    letters = []
    for letter in word:
        if letter.lower() != letter:
            return None
        cased = {letter, *_NOT_UPPER_CASE.get(letter, "")}
        cased.update(other for other in (letter.upper(), letter.title()) if other.lower() == letter)
        letters.append(cased)
    if math.prod(map(len, letters)) > _MOST_SPELLINGS:
        return None
    return {"".join(spelling) for spelling in itertools.product(*letters)}


def opening(name: str) -> str:
    """The plain letters (and a dot) that open every match of ``name`` in lower case ("" if none)."""
    opening = _OPENING.match(name.strip())
    return opening.group(0).lower() if opening else ""


def places(text: str, part: str) -> list[int]:
    """Every offset where ``part`` stands in ``text``, overlapping ones too."""
    places = []
    place = text.find(part)
    while place >= 0:
        places.append(place)
        place = text.find(part, place + 1)
    return places


def whole_words(text: str, words: Iterable[str]) -> list[tuple[int, int, str]]:
    """(start, end, word) wherever one of ``words`` stands in ``text`` as written (the case too), a
    whole word that does not go on with a hyphen, left to right as a pattern's finditer finds them:
    str.find leaps to the places (a regular expression per word cost more), and a character is one
    of \\w when it is alphanumeric or "_" (the test checks every character)."""
    found = []
    last = len(text)
    for word in words:
        size = len(word)
        place = text.find(word)
        while place >= 0:
            end = place + size
            before = text[place - 1] if place else " "
            after = text[end] if end < last else " "
            if not (before.isalnum() or before == "_" or after.isalnum() or after in "_-"):
                found.append((place, end, word))
                place = text.find(word, end)
            else:
                place = text.find(word, place + 1)
    return found


def name_pattern(name: str) -> str:
    """The regular expression finding ``name`` however the gaps between its words are written."""
    words = GAP.split(re.sub(r"\.\s+", ".", name.strip()))
    pattern = r"[\s\-‐]+".join(re.escape(word).replace(r"\.", r"\.\s*") for word in words)
    if _SOFT_END.search(name.lower()):
        pattern = pattern[:-1] + f"(?:{CASES})"
    return pattern


@lru_cache(maxsize=512)
def alternation(names: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile(r"(?<!\w)(?:" + "|".join(map(name_pattern, names)) + ")", re.IGNORECASE)


# "Not after a letter" checked once the first letter matched, not before it: a pattern that opens
# with a letter is looked for by that letter, one that opens with a look-behind is tried everywhere
# (five to twenty times slower). ``(?<!\w)X`` and ``X(?<!\w[\s\S])`` match the same places.
_NOT_AFTER_LETTER = r"(?<!\w[\s\S])"


def branch(name: str) -> str:
    r"""One name as a branch of ``alternation`` (which puts ``(?<!\w)`` before them all)."""
    pattern = name_pattern(name)
    if pattern[:1] == re.escape(pattern[:1]) and not pattern[:1].isspace():
        return pattern[:1] + _NOT_AFTER_LETTER + pattern[1:]
    return r"(?<!\w)(?:" + pattern + ")"


def one_name(name: str) -> re.Pattern[str]:
    return re.compile(branch(name), re.IGNORECASE)
