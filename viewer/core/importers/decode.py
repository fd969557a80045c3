"""Turning a file's bytes into text, or refusing it with a reason an archivist understands.

Archives arrive in UTF-8 (with or without a byte-order mark), UTF-16 from Windows tools, and the
Cyrillic legacy encodings cp1251 and KOI8-R. Those two decode any byte string without error, so
the choice between them is made by which one reads like Russian: in KOI8-R text decoded as cp1251
the letters come out mostly upper-case, and the other way round the common letters vanish.
"""

from __future__ import annotations

import codecs
import re

from ..errors import ImportRefused

# Letters of Russian text ordered by frequency; a good decoding is dominated by the first ones.
_COMMON_RU = set("оеаинтсрвлкмдпуяыьгзбчйхжшюцщэфъё")
_FREQUENT_RU = set("оеаинтсрвл")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
_LETTER = re.compile(r"[^\W\d_]")


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
    if len(sample) < 4:
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
    if not data.strip():
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
        return _checked(data.decode("utf-8"), name), "utf-8"
    except UnicodeDecodeError:
        pass
    candidates = []
    for encoding in ("cp1251", "koi8_r"):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        candidates.append((_russian_score(text), encoding, text))
    if not candidates:
        raise ImportRefused(name, "not a text file in UTF-8, UTF-16, cp1251 or KOI8-R")
    _, encoding, text = max(candidates, key=lambda candidate: candidate[0])
    return _checked(text, name), encoding


def _checked(text: str, name: str) -> str:
    if not text.strip():
        raise ImportRefused(name, "the file is empty")
    controls = len(_CONTROL.findall(text))
    if controls > max(2, len(text) // 200):
        raise ImportRefused(name, "not a text file (it holds binary data)")
    sample = text[:20000]
    needed = max(1, len(sample) // 20)
    # the first 2,000 characters usually hold enough letters already: count the rest only if not
    letters = len(_LETTER.findall(sample[:2000]))
    if letters < needed:
        letters = len(_LETTER.findall(sample))
    if letters < needed:
        raise ImportRefused(name, "not a text file (hardly any letters in it)")
    return text.replace("\r\n", "\n").replace("\r", "\n")
