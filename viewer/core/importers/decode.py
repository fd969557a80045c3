"""Turning a file's bytes into text, or refusing it with a reason an archivist understands.

Archives arrive in UTF-8 (with or without a byte-order mark), UTF-16 from Windows tools, and the
legacy encodings cp1251 and KOI8-R (Cyrillic) and cp1252 (Western). Those decode any byte string
without error, so one is chosen only when the text reads as natural language in it: its words in one
script, Latin words mostly plain letters, Cyrillic words cased like words and dominated by the
frequent letters. A file that is UTF-8 but for a few stray bytes, or reads naturally in no legacy
encoding, is read as UTF-8 with the bad bytes shown as U+FFFD, and its encoding says so (``MARKED``),
so the document is flagged for review rather than silently garbled.
"""

from __future__ import annotations

import codecs
import re
import string

from ..errors import ImportRefused

# Letters of Russian text ordered by frequency; a good decoding is dominated by the first ones.
_COMMON_RU = set("оеаинтсрвлкмдпуяыьгзбчйхжшюцщэфъё")
_FREQUENT_RU = set("оеаинтсрвл")
_WORD = re.compile(r"[^\W\d_]+")
# Counting without a string per character (findall), on the UTF-8 bytes where that is exact: the
# controls [\x00-\x08\x0b\x0e-\x1f\x7f] are ASCII and UTF-8 writes ASCII as itself; an ASCII
# letter is [A-Za-z] (issue 16).
_CONTROL_BYTES = bytes([*range(0x00, 0x09), 0x0B, *range(0x0E, 0x20), 0x7F])
_ASCII_LETTERS = string.ascii_letters.encode()
_ASCII = bytes(range(128))
LEGACY = ("cp1251", "koi8_r", "cp1252")
MARKED = "not UTF-8"  # in the encoding of a text whose bad bytes were replaced by U+FFFD
NATURAL = 0.9  # share of the words with a letter beyond ASCII that must read as words


def _russian_score(text: str) -> float:
    """How much a text looks like Russian: share of frequent lower-case letters among Cyrillic."""
    cyrillic = [ch for ch in text if "\u0400" <= ch <= "\u04ff"]
    if not cyrillic:
        return 0.0
    lower = sum(1 for ch in cyrillic if ch in _COMMON_RU)
    frequent = sum(1 for ch in cyrillic if ch in _FREQUENT_RU)
    return (lower + 2 * frequent) / len(cyrillic)


def _looks_like_utf16(data: bytes) -> str | None:
    sample = data[:4000]
    if len(sample) < 4 or (b"\x00" not in sample and b"\x04" not in sample):  # every test below needs one
        return None
    even_zeros = sample[0::2].count(0) / (len(sample) / 2)
    odd_zeros = sample[1::2].count(0) / (len(sample) / 2)
    if odd_zeros > 0.3 and even_zeros < 0.05:
        return "utf-16-le"
    if even_zeros > 0.3 and odd_zeros < 0.05:
        return "utf-16-be"
    # Cyrillic UTF-16 has 0x04 in every other byte rather than zeros.
    if sample[1::2].count(4) / (len(sample) / 2) > 0.3 and sample[0::2].count(4) < len(sample) / 20:
        return "utf-16-le"
    if sample[0::2].count(4) / (len(sample) / 2) > 0.3 and sample[1::2].count(4) < len(sample) / 20:
        return "utf-16-be"
    return None


def decode(data: bytes, name: str = "file") -> tuple[str, str]:
    """The text of ``data`` and the encoding it was read in; ImportRefused if it is not text."""
    if not data or data.isspace():
        raise ImportRefused(name, "the file is empty")
    encoding: str | None = None
    if data.startswith(codecs.BOM_UTF8):
        encoding = "utf-8-sig"
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        encoding = "utf-16"
    else:
        encoding = _looks_like_utf16(data)
    if encoding:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError as error:
            raise ImportRefused(name, f"not valid {encoding.upper()} text ({error.reason})") from None
        return _checked(text, name), encoding
    if b"\x00" in data:
        raise ImportRefused(name, "not a text file (it holds binary data)")
    try:
        return _checked(data.decode("utf-8"), name, data), "utf-8"
    except UnicodeDecodeError:
        pass
    marked = data.decode("utf-8", "replace")
    bad = marked.count("\ufffd") - data.count("\ufffd".encode())
    readable = sum(1 for ch in marked if ch > "\x7f" and ch != "\ufffd")
    if readable < 20 * bad:  # not UTF-8 with a stray byte or two: perhaps a legacy encoding
        candidates = []
        for encoding in LEGACY:
            try:
                text = data.decode(encoding)
            except UnicodeDecodeError:
                continue
            candidates.append((_natural(text), _russian_score(text), encoding, text))
        if candidates:
            score, _, encoding, text = max(candidates, key=lambda candidate: candidate[:2])
            if score >= NATURAL:
                return _checked(text, name), encoding
    return _checked(marked, name), f"utf-8, {bad} byte{'s' * (bad != 1)} {MARKED} shown as \ufffd"


def _natural(text: str) -> float:
    """The share of words beyond plain ASCII that read as words: in one script, Latin ones with a
    plain letter among the accented (mojibake of Cyrillic is all accents), Cyrillic ones cased as words, and Cyrillic
    text as a whole dominated by Russian's frequent letters (KOI8-R read as cp1251 is not)."""
    words = [word for word in _WORD.findall(text) if not word.isascii()]
    if not words:
        return 0.0
    if sum(1 for word in words if any("\u0400" <= ch <= "\u04ff" for ch in word)) > len(words) / 2:
        cyrillic = [ch.lower() for ch in text if "\u0400" <= ch <= "\u04ff"]
        if sum(1 for ch in cyrillic if ch in _FREQUENT_RU) < 0.35 * len(cyrillic):
            return 0.0
    return sum(1 for word in words if _word_like(word)) / len(words)


def _word_like(word: str) -> bool:
    cyrillic = sum(1 for ch in word if "\u0400" <= ch <= "\u04ff")
    if cyrillic:
        cased = word.islower() or word.isupper() or (word[0].isupper() and word[1:].islower())
        return cyrillic == len(word) and cased
    return word.isalpha() and (len(word) == 1 or any(ch.isascii() for ch in word))


def ascii_letters_and_beyond(text: str) -> tuple[int, str]:
    """How many [A-Za-z] ``text`` holds, counted on its UTF-8 bytes, and its characters beyond ASCII
    in order ("" if none): letters counted without a string per character (also language.py's)."""
    encoded = text.encode("utf-8", "surrogatepass")
    return _latin(encoded), "" if text.isascii() else _beyond(encoded)


def _latin(encoded: bytes) -> int:
    """How many [A-Za-z] the UTF-8 ``encoded`` holds."""
    return len(encoded) - len(encoded.translate(None, _ASCII_LETTERS))


def _beyond(encoded: bytes) -> str:
    """The characters of the UTF-8 ``encoded`` beyond ASCII, in order."""
    return encoded.translate(None, _ASCII).decode("utf-8", "surrogatepass")


def _holds_letters(text: str, needed: int) -> bool:
    """Whether ``text`` holds ``needed`` letters (what [^\\W\\d_] matches): its [A-Za-z] counted first,
    the letters among its characters beyond ASCII only when those are too few (issue 16)."""
    encoded = text.encode("utf-8", "surrogatepass")
    latin = _latin(encoded)
    if latin >= needed or text.isascii():
        return latin >= needed
    beyond = _beyond(encoded)
    return latin + len(beyond) - len(_WORD.sub("", beyond)) >= needed


def _checked(text: str, name: str, encoded: bytes | None = None) -> str:
    """``text`` with its line ends made \\n, or ImportRefused; ``encoded`` is the text in UTF-8 when
    the caller has it already."""
    if not text or text.isspace():  # what strip() would leave nothing of, without a copy
        raise ImportRefused(name, "the file is empty")
    encoded = encoded if encoded is not None else text.encode("utf-8", "surrogatepass")
    controls = len(encoded) - len(encoded.translate(None, _CONTROL_BYTES))
    if controls > max(2, len(text) // 200):
        raise ImportRefused(name, "not a text file (it holds binary data)")
    sample = text[:20000]
    needed = max(1, len(sample) // 20)
    # the first 2,000 characters usually hold enough letters already: count the rest only if not
    if not _holds_letters(sample[:2000], needed) and not _holds_letters(sample, needed):
        raise ImportRefused(name, "not a text file (hardly any letters in it)")
    return text.replace("\r\n", "\n").replace("\r", "\n")
