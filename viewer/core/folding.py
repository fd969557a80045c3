"""How words are folded so that search forgives what archives do to them.

Three kinds of forgiveness, all computed here in plain Python so the index and the query agree:

- *index text*: the copy of a document's text that FTS5 tokenizes. Chinese, Japanese and Korean
  runs are split into one token per character (a name is then a phrase found inside any longer
  run), and a hard sign typed as a quote (об"единения) is put back as ъ.
- *skeleton*: a word transliterated to Latin and reduced to its consonant frame, so Вышинский,
  Vyshinsky, Vyshinskii and the OCR's ВЬШИНСКИЙ share one skeleton.
- *key*: the skeleton of the word's stem, so Вышинскому, telegrams and телеграмма meet their
  relatives. The store keeps a table of every indexed term with its key; a query word is expanded
  into the indexed terms that share its key.
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from functools import lru_cache

CJK_CLASS = "\u1100-\u11ff\u3040-\u30ff\u3130-\u318f\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff"
_CJK_CHAR = re.compile(f"([{CJK_CLASS}])")
_CJK_RUN = re.compile(f"[{CJK_CLASS}]+")
_HARD_SIGN_QUOTE = re.compile(r"(?<=[бвгдзкмнпрстфхБВГДЗКМНПРСТФХ])[\"'’ʼ](?=[еёюяЕЁЮЯ])")
_WORD = re.compile(r"[^\W_]+")
# Quick looks before the substitutions above, scans that mostly find nothing (one range is far faster)
_QUOTES, _MAYBE_CJK = "\"'’ʼ", re.compile("[\u1100-\ufaff]")
_ASCII_WORDS = bytes(ord(chr(c).lower()) if chr(c).isalnum() else 32 for c in range(128)) + bytes(range(128, 256))

_CYRILLIC_TO_LATIN = str.maketrans(
    {
        "а": "a",
        "б": "b",
        "в": "v",
        "г": "g",
        "д": "d",
        "е": "e",
        "ж": "zh",
        "з": "z",
        "и": "i",
        "к": "k",
        "л": "l",
        "м": "m",
        "н": "n",
        "о": "o",
        "п": "p",
        "р": "r",
        "с": "s",
        "т": "t",
        "у": "u",
        "ф": "f",
        "х": "kh",
        "ц": "ts",
        "ч": "ch",
        "ш": "sh",
        "щ": "shch",
        "ъ": "",
        "ы": "i",
        "ь": "i",
        "э": "e",
        "ю": "iu",
        "я": "ia",
        "і": "i",
        "ї": "i",
        "є": "e",
        "ґ": "g",
        "ў": "u",
    }
)
# Ordered rewrites that make the usual Latin spellings of one Russian name agree.
_LATIN_RULES: list[tuple[re.Pattern[str], str]] = [
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

# The letters each rule needs in a word to change it, one of two (None: any word may change, its
# pattern is searched for first): most words lack most of them, and looking for letters costs a
# tenth of a substitution that finds nothing (a new word's key, issue 16).
_RULE_NEEDS: list[tuple[str | None, str | None]] = [
    ("ff", None),
    ("ph", None),
    ("kh", None),
    ("x", None),
    ("w", None),
    ("ts", "tz"),
    ("y", "j"),
    (None, None),
    ("ie", None),
    (None, None),
]
_RULES = [
    (pattern, replacement, *needs) for (pattern, replacement), needs in zip(_LATIN_RULES, _RULE_NEEDS, strict=True)
]
# Where any of the rules finds something (one search for all, a third of looking for each)
_ANY_RULE = re.compile(r"ff|ph|kh|x|w|t[sz]|[yj]|(.)\1|ie")

# fmt: off
_RU_ENDINGS = sorted([  # the longest first (a stable sort: among equals, in this order)
    "ями", "ами", "ого", "его", "ому", "ему", "ыми", "ими", "ией", "иях", "ях", "ах", "ей", "ий", "ый", "ой",
    "ая", "яя", "ое", "ее", "ые", "ие", "ия", "ию", "ам", "ям", "ом", "ем", "ую", "юю", "ью", "ки", "ке",
    "ку", "а", "я", "о", "е", "ы", "и", "у", "ю", "ь", "й"
], key=len, reverse=True)
# fmt: on
_EN_ENDINGS = ["ies", "ing", "ed", "es", "s", "'s"]
_EN_ENDING_TUPLE = tuple(_EN_ENDINGS)
_RU_LETTER = re.compile("[а-яё]")


def strip_diacritics(text: str) -> str:
    if text.isascii():  # nothing to decompose (str.isascii is O(1))
        return text
    decomposed = unicodedata.normalize("NFD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def is_cjk(char: str) -> bool:
    return char >= "\u1100" and bool(_CJK_CHAR.fullmatch(char))  # nothing before the first CJK block is


def index_text(text: str | None) -> str:
    """The copy of ``text`` that goes into the full-text index."""
    if not text:
        return ""
    if text.isascii():  # most of an English archive: nothing below changes it
        return text
    text = unicodedata.normalize("NFC", text)
    if any(quote in text for quote in _QUOTES):
        text = _HARD_SIGN_QUOTE.sub("ъ", text)
    if _MAYBE_CJK.search(text) is None:
        return text
    # each CJK character spaced apart, a run at a time (a template per character costs more)
    return _CJK_RUN.sub(_spaced_run, text)


def _spaced_run(run: re.Match[str]) -> str:
    return " " + "  ".join(run.group(0)) + " "


def words(text: str) -> list[str]:
    """Lower-cased word tokens, split the way FTS5's unicode61 tokenizer splits them."""
    return tokens(index_text(text))


def tokens(folded: str) -> list[str]:
    """The words of a text ``index_text`` made already (``words`` without folding it again)."""
    if folded.isascii():  # lowered and its non-word characters made spaces in one translation of its bytes
        return folded.encode().translate(_ASCII_WORDS).decode().split()
    # Lowering the whole text first splits it the same, but for two letters whose lower case is not a letter of its own
    if "\u03a3" in folded or "\u0130" in folded:
        return [w.lower() for w in _WORD.findall(folded)]
    return _WORD.findall(folded.lower())


def word_set(folded: str) -> set[str]:
    """``set(tokens(folded))``; its ASCII paragraphs (a translation's) split as ASCII, in the rest its runs of
    non-space made distinct first, and only those with a character no letter or digit (``isalnum``) split."""
    if folded.isascii() or "\u03a3" in folded or "\u0130" in folded:
        return set(tokens(folded))
    parts = folded.split("\n\n")  # no word holds a space: the words of the parts are the text's
    found = set(tokens(" ".join(part for part in parts if part.isascii())))
    for run in set("\n".join(part for part in parts if not part.isascii()).lower().split()):
        if run.isalnum():
            found.add(run)
        else:
            found.update(_WORD.findall(run))
    return found


def stem(word: str) -> str:
    """A light suffix-stripping stem for Russian and English; short words are left alone."""
    word = word.lower()
    if word.isascii():  # no Russian letter; and most words end in none of the endings (one look for all)
        if not word.endswith(_EN_ENDING_TUPLE):
            return word
        endings = _EN_ENDINGS
    else:
        endings = _RU_ENDINGS if _RU_LETTER.search(word) else _EN_ENDINGS
    for ending in endings:
        if word.endswith(ending) and len(word) - len(ending) >= 4:
            return word[: -len(ending)]
    return word


@lru_cache(maxsize=200_000)
def skeleton(word: str) -> str:
    """The transliterated, folded frame of a word: Вышинский, Vyshinsky and ВЬШИНСКИЙ agree."""
    folded = word.lower()
    if not folded.isascii():  # an ASCII word has no letter to strip or transliterate
        folded = strip_diacritics(folded.replace("й", "и")).translate(_CYRILLIC_TO_LATIN)
    if _ANY_RULE.search(folded) is None:  # most words: no rule finds anything, and so none changes them
        return folded
    for pattern, replacement, first, second in _RULES:
        if first is None:
            if pattern.search(folded) is None:  # a sub that finds nothing costs five of these searches
                continue
        elif first not in folded and (second is None or second not in folded):
            continue
        folded = pattern.sub(replacement, folded)
    return folded


@lru_cache(maxsize=200_000)
def key(word: str) -> str:
    """What a word is matched on: the skeleton of its stem, without trailing vowels."""
    base = skeleton(stem(word))
    trimmed = base.rstrip("aeiou")
    return trimmed if len(trimmed) >= 3 else base


# What every ASCII word of three or more letters with a given key holds, found without working its key
# out (a tenth of the cost; the gazetteer asks of each new word whether its key is a name's): its first
# letter, which the rules change only as _FIRST_BECOMES says (stem never takes it, the trimmed vowels are
# at the end), and which of the letters no rule makes or takes it holds: all of its key's, and perhaps
# a d, g or n more that an English ending took ("palming" is keyed as "palm").
_KEPT = frozenset("bdglmnqr")
_ENDING_KEPT = frozenset("dgn")
_FIRST_BECOMES = {"p": "pf", "k": "kh", "x": "k", "w": "v", "t": "tc", "y": "ie", "j": "ie", "i": "ie"}


def clue(word: str) -> tuple[str, frozenset[str]]:
    """What ``key_clues`` looks at in an ASCII word of three or more letters."""
    lower = word.lower()
    return lower[0], _KEPT.intersection(lower)


@lru_cache(maxsize=4096)
def key_clues(keyed: str) -> frozenset[tuple[str, frozenset[str]]]:
    """Every ``clue`` an ASCII word of three or more letters whose key is ``keyed`` may have: a word
    whose clue is none of them has another key (remembered: a learned alias builds a gazetteer's again)."""
    firsts = [chr(c) for c in range(128) if keyed[:1] in _FIRST_BECOMES.get(chr(c), chr(c))]
    kept = _KEPT.intersection(keyed)
    extras = [frozenset(c) for n in range(4) for c in itertools.combinations(sorted(_ENDING_KEPT - kept), n)]
    return frozenset((first, kept | extra) for first in firsts for extra in extras)


def is_indexable_term(term: str) -> bool:
    """Terms worth a row in the term table: words of three or more letters, not numbers."""
    return len(term) >= 3 and not term.isdigit() and not is_cjk(term[0])


SNIPPET_WIDTH = 160  # display columns of a snippet: about 24 words of Latin text, 80 Chinese characters
MARK_START, MARK_END = "\x02", "\x03"  # the markers FTS5's snippet() uses; no text holds them


# Where the wide characters are (Unicode's East Asian Wide and Fullwidth): text without any is
# measured by its length, so only CJK text pays for looking each character up.
_MAYBE_WIDE = re.compile(
    "[\u1100-\u115f\u2e80-\u303e\u3041-\ua4cf\ua960-\ua97f\uac00-\ud7a3\uf900-\ufaff\ufe10-\ufe6f"
    "\uff00-\uff60\uffe0-\uffe6\U0001f300-\U0001faff\U00020000-\U0003fffd]"
)
_NON_SPACE = re.compile(r"\S")
_MARKED = MARK_START + r"\g<0>" + MARK_END  # re.sub's template: each match between the marks


def display_width(text: str) -> int:
    """Columns ``text`` takes on a screen: a Chinese, Japanese or Korean character takes two."""
    if not _MAYBE_WIDE.search(text):
        return len(text)
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


class Highlighter:
    """Finds and marks the surface words of a query in a text (snippets, the reading view)."""

    def __init__(self, terms: list[str]):
        unique = sorted({t.lower() for t in terms if t.strip()}, key=len, reverse=True)
        self.needles = unique
        # every match begins with the first word of a term: the pattern is tried only where one
        # stands (found by str.find), never run along the whole text
        self._firsts = sorted({term.split()[0] for term in unique})
        parts = []
        for term in unique:
            if is_cjk(term[0]):
                parts.append(re.escape(term))
            else:  # the whole word: "Vyshinsk" marks "Vyshinsky", "сталин" marks "Сталина"
                parts.append(r"(?<!\w)" + r"\W+".join(re.escape(w) for w in term.split()) + r"\w*")
        self.pattern = re.compile("|".join(parts), re.IGNORECASE) if parts else None
        # in ASCII text, ASCII terms match exactly where their lower case is found (no Unicode case folds)
        self._ascii = all(term.isascii() for term in unique)

    def first(self, text: str) -> int:
        """Offset of the earliest marked word in ``text``, or -1."""
        found = self._search(text)
        return found.start() if found else -1

    def _search(self, text: str) -> re.Match[str] | None:
        if self.pattern is None:
            return None
        lower = text.lower()
        if len(lower) != len(text):  # a letter whose lower case is longer: offsets would differ
            return self.pattern.search(text)
        best: re.Match[str] | None = None
        for word in self._firsts:  # each place a term's first word stands, until one is a match
            limit = (best.start() if best else len(text)) + len(word)
            position = lower.find(word, 0, limit)
            while position >= 0:
                found = self.pattern.match(text, position)
                if found:
                    best = found
                    break
                position = lower.find(word, position + 1, limit)
        return best

    def snippet(self, text: str, width: int = SNIPPET_WIDTH) -> str:
        """About ``width`` columns around the first match (a third before it), whitespace made
        single spaces, matches marked with MARK_START and MARK_END; empty when nothing matches.
        Measured by displayed width, so a Chinese snippet is as short on screen as an English one
        (it has no spaces to count words by)."""
        found = self._search(text)
        if found is None or self.pattern is None:
            return ""
        start = _back(text, found.start(), width // 3)
        end = max(_forward(text, start, width), found.end())
        chunk = " ".join(text[start:end].split())
        marked = self._mark(chunk)
        before = "…" if _NON_SPACE.search(text, 0, start) else ""
        return before + marked + ("…" if _NON_SPACE.search(text, end) else "")

    def _mark(self, chunk: str) -> str:
        """``chunk`` with every match between MARK_START and MARK_END, as ``pattern.sub`` marks it;
        in ASCII the pattern is tried only where a term's first word stands (sub would try it at
        every character: the look-behind keeps re from skipping ahead to a literal)."""
        assert self.pattern is not None
        if not (self._ascii and chunk.isascii()):
            return self.pattern.sub(_MARKED, chunk)
        lower = chunk.lower()
        places: set[int] = set()
        for word in self._firsts:
            position = lower.find(word)
            while position >= 0:
                places.add(position)
                position = lower.find(word, position + 1)
        pieces: list[str] = []
        done = 0
        for position in sorted(places):
            found = self.pattern.match(chunk, position) if position >= done else None
            if found:
                pieces += [chunk[done:position], MARK_START, found.group(0), MARK_END]
                done = found.end()
        pieces.append(chunk[done:])
        return "".join(pieces)


def _back(text: str, position: int, columns: int) -> int:
    """Where a snippet starts: about ``columns`` before ``position``, never inside a Latin word."""
    start = max(position - columns, 0)
    if not text.isascii() and _MAYBE_WIDE.search(text, start, position):  # wide characters: fewer fit
        start, used = position, 0
        while start > 0 and used < columns:
            start -= 1
            used += display_width(text[start])
    if start > 0 and not text[start - 1].isspace() and not is_cjk(text[start]):
        while start < position and not text[start].isspace():  # the cut word is left out
            start += 1
    return start


def _forward(text: str, start: int, columns: int) -> int:
    """Where a snippet ends: about ``columns`` after ``start``, never inside a Latin word."""
    end = min(start + columns, len(text))
    if not text.isascii() and _MAYBE_WIDE.search(text, start, end):  # wide characters: fewer fit
        end, used = start, 0
        while end < len(text) and used < columns:
            used += display_width(text[end])
            end += 1
    if end < len(text) and not text[end].isspace() and not is_cjk(text[end - 1]):
        cut = end
        while end > start and not text[end - 1].isspace():  # the cut word is left out
            end -= 1
        if end == start:  # one very long word
            end = cut
    return end


def marks(snippet: str) -> tuple[str, list[tuple[int, int]]]:
    """A marked snippet as plain text and the (start, end) character offsets of its marks."""
    plain: list[str] = []
    spans: list[tuple[int, int]] = []
    length = 0
    for index, piece in enumerate(re.split(f"{MARK_START}|{MARK_END}", snippet)):
        if index % 2:
            spans.append((length, length + len(piece)))
        plain.append(piece)
        length += len(piece)
    return "".join(plain), spans


def opening(text: str, words: int = 24) -> str:
    """The first words of a text, for a hit whose match is not in its text (a name, a number)."""
    split = text.split()
    return " ".join(split[:words]) + (" …" if len(split) > words else "")
