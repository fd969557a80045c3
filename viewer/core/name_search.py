"""Plain-text helpers of the gazetteer's find: where a name may start, and where a word stands.

Split from :mod:`gazetteer` (issue 16) to keep it under the house limit; they know nothing of entities.
"""

from __future__ import annotations

import itertools
import math
import re
from collections.abc import Iterable

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
