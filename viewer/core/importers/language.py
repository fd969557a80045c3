"""Which language a document's text is in, told by the script its letters are written in.

The documents of this archive come in Russian, Chinese and Korean originals beside English
translations, and each of those has a script of its own, so counting letters per script tells
them apart without a statistical language model (and without its size). A short passage in
another script (a footnote, a translated heading, a poster's note) is part of the text around it,
not a second transcript.
"""

from __future__ import annotations

import re

from ..records import Text
from .decode import ascii_letters_and_beyond
from .labels import Line

_SCRIPTS = [
    ("ru", re.compile(r"[\u0400-\u04ff]")),
    ("ko", re.compile(r"[\uac00-\ud7af\u1100-\u11ff\u3130-\u318f]")),
    ("ja", re.compile(r"[\u3040-\u30ff]")),
    ("zh", re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")),
    ("en", re.compile(r"[A-Za-z\u00c0-\u024f]")),
]
# Counting letters without a string per letter (findall was most of split_texts' time; issue 16):
# ASCII letters on the text's UTF-8 bytes (UTF-8 writes ASCII as itself, and nothing else with bytes
# below 128, so dropping those leaves the characters beyond ASCII); the classes, which are disjoint,
# in the characters beyond ASCII, a run at a time, all in one pass.
_SCRIPT_RUN = re.compile("|".join(f"({pattern.pattern}+)" for _, pattern in _SCRIPTS))
_CODES = [code for code, _ in _SCRIPTS]
LANGUAGE_CODES = {
    "russian": "ru",
    "english": "en",
    "chinese": "zh",
    "korean": "ko",
    "japanese": "ja",
    "german": "de",
    "french": "fr",
    "polish": "pl",
    "mongolian": "mn",
    "vietnamese": "vi",
}
LANGUAGE_NAMES = {code: name.capitalize() for name, code in LANGUAGE_CODES.items()}
# A script is an original's only when it holds this many letters, or this share of the text's.
MIN_LETTERS = 100
MIN_SHARE = 0.1


def letters_by_script(text: str) -> dict[str, int]:
    latin, beyond = ascii_letters_and_beyond(text)  # [A-Za-z], and the characters beyond ASCII
    if not beyond:  # most paragraphs: no need to look for the other scripts
        return {"en": latin}
    counts = dict.fromkeys(_CODES, 0)
    for run in _SCRIPT_RUN.finditer(beyond):
        counts[_CODES[run.lastindex - 1]] += run.end() - run.start()  # type: ignore[operator]
    counts["en"] += latin  # the class holds [A-Za-z] too
    if counts.get("ja"):
        counts["ja"] += counts.pop("zh")
    return counts


def script_of(text: str) -> str | None:
    """The language code of the script most letters of ``text`` are written in."""
    counts = letters_by_script(text)
    best = max(counts, key=lambda code: counts[code])
    return best if counts[best] >= 2 else None


def paragraphs(lines: list[Line]) -> list[list[Line]]:
    result: list[list[Line]] = []
    current: list[Line] = []
    for line in lines:
        if line.text.strip():
            current.append(line)
        elif current:
            result.append(current)
            current = []
    if current:
        result.append(current)
    return result


def split_texts(body: list[Line], original_language: str | None) -> list[Text]:
    """The body as texts per script: an original in Cyrillic, Chinese or Korean, and the English."""
    blocks = ["\n".join(line.text for line in para) for para in paragraphs(body)]
    counts = [letters_by_script(block) for block in blocks]
    scripts = [max(c, key=lambda code: c[code]) if max(c.values()) >= 2 else None for c in counts]
    totals: dict[str, int] = {}
    for count, script in zip(counts, scripts, strict=True):
        if script is not None:
            totals[script] = totals.get(script, 0) + count[script]
    everything = sum(totals.values()) or 1
    major = {code for code, count in totals.items() if count >= MIN_LETTERS or count / everything >= MIN_SHARE}
    if not major and totals:
        major = {max(totals, key=lambda code: totals[code])}
    groups: list[tuple[str | None, list[str]]] = []
    for block, script in zip(blocks, scripts, strict=True):
        script = script if script in major else None  # a short passage belongs to the text around it
        if groups and (script is None or script == groups[-1][0]):
            groups[-1][1].append(block)
        elif script is None and not groups:
            groups.append((None, [block]))
        else:
            groups.append((script, [block]))
    merged: dict[str | None, list[str]] = {}
    for script, parts in groups:
        merged.setdefault(script, []).extend(parts)
    if None in merged and len(merged) > 1:
        first = next(code for code in merged if code is not None)
        merged[first] = merged.pop(None) + merged[first]
    original = LANGUAGE_CODES.get((original_language or "").lower())
    texts = []
    for position, (code, parts) in enumerate(merged.items()):
        language = code or "en"
        kind = "translation" if language == "en" and original != "en" else "transcript"
        texts.append(Text(kind=kind, language=language, body="\n\n".join(parts).strip(), position=position))
    texts.sort(key=lambda t: 0 if t.kind == "transcript" else 1)
    return texts


def original_of(texts: list[Text]) -> str | None:
    """The language of the original a document's texts hold (not English), as a name: "Russian"."""
    for text in texts:
        if text.kind == "transcript" and text.language and text.language != "en":
            return LANGUAGE_NAMES.get(text.language, text.language)
    return None
