"""The page parser's steps, made cheaper for the importer (issue 16), give what they gave before.

The code as it was before the speed-up is frozen here; the new functions must return equal results on
the real pages, the seeds, the samples, synthetic documents, and thousands of generated strings built
from the characters each shortcut depends on: ASCII and the letters beyond it that match an ASCII
letter case-insensitively (İ ı ſ K), controls, no-break spaces and byte-order marks, Markdown marks,
forum markers, the scripts told apart, run-together labels and the furniture patterns' own words.
"""

from __future__ import annotations

import random
import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from viewer.bench.synthetic import write_files
from viewer.core.errors import ImportRefused
from viewer.core.importers import decode as decode_module
from viewer.core.importers import references
from viewer.core.importers.language import _SCRIPTS, letters_by_script
from viewer.core.importers.page import clean_markdown, split_inline
from viewer.core.importers.titles import FURNITURE, HEAD_FURNITURE, furniture_of
from viewer.core.records import ArchivalRef, ParsedDocument, ReferenceNumber, Text

ROOT = Path(__file__).resolve().parents[3]
REAL = ROOT / "tests" / "data" / "real"
SAMPLES = ROOT / "resources" / "samples"
SHARED_SEEDS = ROOT.parent / "shared" / "seeds"


# -- the old code, frozen ------------------------------------------------------------------------
def old_letters_by_script(text: str) -> dict[str, int]:
    if text.isascii():
        return {"en": len(_SCRIPTS[-1][1].findall(text))}
    counts = {code: len(pattern.findall(text)) for code, pattern in _SCRIPTS}
    if counts.get("ja"):
        counts["ja"] += counts.pop("zh")
    return counts


_OLD_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
_OLD_LETTER = re.compile(r"[^\W\d_]")


def old_checked(text: str, name: str) -> str:
    if not text.strip():
        raise ImportRefused(name, "the file is empty")
    controls = len(_OLD_CONTROL.findall(text))
    if controls > max(2, len(text) // 200):
        raise ImportRefused(name, "not a text file (it holds binary data)")
    sample = text[:20000]
    needed = max(1, len(sample) // 20)
    letters = len(_OLD_LETTER.findall(sample[:2000]))
    if letters < needed:
        letters = len(_OLD_LETTER.findall(sample))
    if letters < needed:
        raise ImportRefused(name, "not a text file (hardly any letters in it)")
    return text.replace("\r\n", "\n").replace("\r", "\n")


_OLD_MARKERS = re.compile(r"\s*[■●◆◇※♤▶►]\s*")
_OLD_HEADING = re.compile(r"^#{1,6}\s+")
_OLD_EMPHASIS = re.compile(r"(?<![\w*])\*(?!\s)([^*\n]+?)(?<!\s)\*(?![\w*])")


def old_clean_markdown(raw: str) -> list[str]:
    raw = re.sub(r"\*\*((?:(?!\n\s*\n)[^*])+?)\*\*", lambda m: " ".join(m.group(1).split()), raw)
    lines = []
    for line in raw.split("\n"):
        if line.startswith("#"):
            line = _OLD_HEADING.sub("", line)
        if "*" in line:
            line = _OLD_EMPHASIS.sub(r"\1", line)
        if "\\" in line:
            line = line.replace("\\_", "_").replace("\\*", "*").replace("\\[", "[").replace("\\]", "]")
        line = line.rstrip()
        if "\u00a0" in line or "\ufeff" in line:
            line = line.replace("\u00a0", " ").replace("\ufeff", "")
        if len(line) >= 120 or _OLD_MARKERS.search(line):
            for part in _OLD_MARKERS.split(line) if _OLD_MARKERS.search(line) else [line]:
                lines += split_inline(part)
        else:
            lines.append(line)
    return lines


def old_furniture_of(line: str, head: bool = False) -> str | None:
    text = line.strip().lstrip("•*- ").strip() or line.strip()
    if len(text) > 160:
        return "rights statement" if FURNITURE[1][0].search(text) else None
    for pattern, what in FURNITURE:
        if pattern.search(text):
            return what
    if head:
        for pattern, what in HEAD_FURNITURE:
            if pattern.search(text):
                return what
    return None


_OLD_NUMBER = re.compile(r"(?P<sign>N[oº°]\.?|№|#)\s*(?P<number>\d[\d/-]*\d|\d)", re.I)


def old_reference_numbers(text: str) -> list[ReferenceNumber]:
    found: dict[str, ReferenceNumber] = {}
    for match in _OLD_NUMBER.finditer(text):
        before = text[max(0, match.start() - 30) : match.start()]
        if references._NOT_A_REFERENCE.search(before):
            continue
        number = match.group("number")
        role = "own"
        for pattern, candidate in references._ROLE_WORDS:
            if pattern.search(before):
                role = candidate
                break
        label_match = references._LABEL_WORDS.search(before)
        label = match.group(0)
        if label_match and not label_match.group(1).lower().startswith(("ciphered", "enciphered", "telegram")):
            label = f"{label_match.group(1)} {label}"
        label = re.sub(r"^#\s*", "No. ", label)
        if number not in found:
            found[number] = ReferenceNumber(number=number, label=" ".join(label.split()), role=role)
    return list(found.values())


def old_classification_of(doc: ParsedDocument) -> str | None:
    english: str | None = None
    original: tuple[str, str] | None = None
    for text in doc.texts:
        for line in text.body.split("\n")[:30]:
            stripped = line.strip()
            meaning = next((m for pattern, m in references._CLASSIFICATIONS if pattern.match(stripped)), None)
            if meaning is None:
                continue
            if re.search(r"[A-Za-z]", stripped):
                english = english or meaning
            elif original is None:
                original = (stripped, meaning)
    if original:
        return f"{english or original[1]} ({original[0]})"
    return english


def old_archival_refs(source: str) -> list[ArchivalRef]:
    refs = []
    archives = r"(?:АП\s?РФ|АВП\s?РФ|РГАСПИ|РГАНИ|ГАРФ|ЦАМО|APRF|AVP\s?RF|AVPRF|RGASPI|RGANI|GARF|TsAMO)\b"
    for part in re.split(rf";\s*(?:and\s+)?|\s+and\s+(?={archives})", source):
        part = part.strip().rstrip(".")
        if not part:
            continue
        ref = ArchivalRef(raw=part)

        def grab(pattern: str, text: str = part) -> str | None:
            match = re.search(pattern + r"\s*(?:N\s*)?(\d[\w/-]*)", text, re.I)
            return match.group(1) if match else None

        first = part.split(",")[0].strip()
        if not re.match(r"(fond|f\.|ф\.?|opis|delo)\b", first, re.I):
            ref.archive = first
        ref.fond = grab(r"\b(?:fond|f\.|ф\.?)")
        ref.opis = grab(r"\b(?:opis|op\.|оп\.)")
        ref.delo = grab(r"\b(?:delo|d\.|д\.)")
        ref.papka = grab(r"\b(?:papka|пап\.)")
        ref.listy = grab(r"\b(?:listy|list|l\.|ll\.|p\.|pp\.|л\.)")
        refs.append(ref)
    return refs


# -- the texts -----------------------------------------------------------------------------------
_POOL = [
    *"abcxyzKSI019 _-.,:;|/'\"()[]<>\n\n\n\t\r#*\\",
    "\x00",
    "\x08",
    "\x0b",
    "\x0c",
    "\x1f",
    "\x7f",
    "\x85",
    "\u2028",
    "\u00a0",
    "\ufeff",
    "\udc80",  # a lone surrogate (a PDF's text may hold one)
    "\u0130",  # İ: matches i case-insensitively, and lower-cases to i and a dot
    "\u0131",  # ı
    "\u017f",  # ſ: matches s case-insensitively
    "\u212a",  # the Kelvin sign: matches k
    "\u00e9",
    "\u00c0",
    "\u024f",
    "\u0250",
    *"объединенияОБЪЁ",
    "\u04ff",
    *"毛泽东中國〇",
    "\u3400",
    "\uf900",
    *"김일성한국",
    "\u1100",
    "\u3131",
    *"のカ",
    *"■●※▶",
    "“",
    "”",
    "…",
    "１",
    "١",
    "**",
    "## ",
    " *x* ",
    "\\_",
    "\\*",
    "Citation: ",
    "Summary: ",
    "Contents: ",
    "Record ID: ",
    "English Translation ",
    "welcomes reuse of Digital Archive materials",
    "WELCOMES REUSE OF DIGITAL ARCHIVE MATERIALS",
    "ſubject to copyright",
    "subject to copyr\u0131ght",
    "Subject To Copyright",
    "share",
    "skip to content",
    "total page:",
    "2019-05-12 10:22",
    "Дата12.05.2019",
    "| 12.05.2019",
    "a | b | c",
    "《 번역 》",
    "logo",
    "12 … 30",
    "Digital Archive",
    "International History Declassified",
    # reference numbers, replies, classifications and archival references
    *["No.", "no", "NO ", "nO.", "nº", "Nº ", "n°", "№", "# ", "#", "İNo", "5", "12", "10/3-2", "7-", "/", "-"],
    *[" copy ", " form ", "оп.", "reply to ", "in reply to ", "my ", "incoming ", "спец.", "telegram ", "на "],
    *["response to ", "reply to ", "answer to ", "Stalin’s ", "Kim Il's ", "Mao's ", "13 May", "May 13", ", 1950"],
    *[" telegram", " cable", " note", "replyreply to ", "Top Secret", "top  secret.", "Confidential", "СЕКРЕТНО"],
    *["Сов. секретно", "絕密", "机密", "극비", "secret", "strictly confidential", "; ", " and ", "and APRF", "fond"],
    *["АП РФ", "Ф. 3", "f. 45", "op. 1", "оп.", "delo 12", "d. 3", "пап. 2", "ll. 5-7", "list 3", "p. 4", "N 5"],
]


def _generated(count: int, seed: int = 16) -> Iterator[str]:
    rng = random.Random(seed)
    for _ in range(count):
        size = rng.choice((1, 3, 8, 20, 60, 200))
        yield "".join(rng.choice(_POOL) for _ in range(rng.randrange(0, size + 1)))


def _files(folder: Path, pattern: str) -> list[str]:
    return [path.read_text(encoding="utf-8", errors="replace") for path in sorted(folder.rglob(pattern))]


@pytest.fixture(scope="module")
def pages(tmp_path_factory: pytest.TempPathFactory) -> list[str]:
    """Whole pages: real, seeds, samples and synthetic documents."""
    texts = _files(REAL, "*.txt") + _files(SAMPLES, "*.txt")
    if SHARED_SEEDS.is_dir():
        texts += _files(SHARED_SEEDS, "*.txt")
    folder = tmp_path_factory.mktemp("synthetic")
    write_files(folder, 120)
    return texts + _files(folder, "doc-*.md")


@pytest.fixture(scope="module")
def generated() -> list[str]:
    return list(_generated(6000))


def _lines_and_paragraphs(texts: list[str]) -> Iterator[str]:
    for text in texts:
        yield from text.split("\n")
        yield from text.split("\n\n")


def test_letters_by_script_counts_as_before(pages: list[str], generated: list[str]) -> None:
    texts = [*_lines_and_paragraphs(pages), *pages, *generated]
    for text in texts:
        assert letters_by_script(text) == old_letters_by_script(text), repr(text[:200])
        # the order of the scripts settles a tie in split_texts' max()
        assert list(letters_by_script(text)) == list(old_letters_by_script(text))


def _outcome(function, text: str) -> str:  # type: ignore[no-untyped-def]
    try:
        return function(text, "name")
    except ImportRefused as refused:
        return f"refused: {refused}"


def test_decoded_texts_are_checked_as_before(pages: list[str], generated: list[str]) -> None:
    texts = [*pages, *generated, *(text * 30 for text in generated[:300])]
    refused = 0
    for text in texts:
        outcome = _outcome(decode_module._checked, text)
        assert outcome == _outcome(old_checked, text), repr(text[:200])
        refused += outcome.startswith("refused")
        if not outcome.startswith("refused"):
            assert decode_module._checked(text, "name", text.encode("utf-8", "surrogatepass")) == outcome
    assert 100 < refused < len(texts) - 1000  # both ways, many times


def test_markdown_is_cleaned_as_before(pages: list[str], generated: list[str]) -> None:
    joined = ["".join(generated[index : index + 12]) for index in range(0, len(generated), 12)]
    for text in [*pages, *generated, *joined]:
        assert clean_markdown(text) == old_clean_markdown(text), repr(text[:200])


def test_furniture_is_told_as_before(pages: list[str], generated: list[str]) -> None:
    found = 0
    for text in [*_lines_and_paragraphs(pages), *generated]:
        for head in (False, True):
            what = furniture_of(text, head)
            assert what == old_furniture_of(text, head), (repr(text[:200]), head)
            found += what is not None
    assert found > 1000


def test_reference_numbers_are_read_as_before(pages: list[str], generated: list[str]) -> None:
    joined = ["".join(generated[index : index + 12]) for index in range(0, len(generated), 12)]
    found = 0
    for text in [*pages, *generated, *joined]:
        numbers = references.reference_numbers(text)
        assert numbers == old_reference_numbers(text), repr(text[:200])
        found += len(numbers)
    assert found > 1000


def _reply_texts(count: int, seed: int = 17) -> Iterator[str]:
    """Replies ("in reply to Stalin’s 13 May telegram"), whole, cut short, run into each other."""
    rng = random.Random(seed)
    parts = [
        ["response", "reply", "answer", "Areply", "replyreply", "answer answer", ""],
        [" to ", "  to\n", " to", "to "],
        ["Stalin", "Kim Il", "Mao", "Areply to Bob", "kim", "Molotov-Ribbentrop"],
        ["’s ", "'s ", "s ", "’s  "],
        ["13 May", "May 13", "1 June", "May", "13 may"],
        ["", ", 1950", " 1950", ",1950", " 50"],
        [" telegram", " cable", " letter", " message", " note", " notes", "telegram", ""],
    ]
    for _ in range(count):
        pieces = []
        for _ in range(rng.randrange(1, 5)):
            piece = "".join(rng.choice(choices) for choices in parts)
            if rng.random() < 0.3:  # cut short, or a piece of another text in the middle
                cut = rng.randrange(len(piece) + 1)
                piece = piece[:cut] + rng.choice(_POOL) + piece[cut:]
            pieces.append(piece + rng.choice(["", " ", ". ", "\n", "reply to "]))
        yield "".join(pieces)


def test_replies_are_found_as_before(pages: list[str], generated: list[str]) -> None:
    joined = ["".join(generated[index : index + 12]) for index in range(0, len(generated), 12)]
    found = 0
    for text in [*pages, *generated, *joined, *_reply_texts(4000)]:
        spans = [match.span() for match in references._replies(text)]
        assert spans == [match.span() for match in references._REPLY_SUMMARY.finditer(text)], repr(text[:200])
        found += len(spans)
    assert found > 500


def test_classifications_and_archival_refs_are_read_as_before(pages: list[str], generated: list[str]) -> None:
    classified = 0
    for index in range(0, len(generated), 40):
        lines = generated[index : index + 40]
        doc = ParsedDocument(key="x", texts=[Text("transcript", "ru", "\n".join(lines[:20]))])
        doc.texts.append(Text("translation", "en", "\n".join(lines[20:])))
        classification = references.classification_of(doc)
        assert classification == old_classification_of(doc), lines
        classified += classification is not None
    assert classified > 20
    referenced = 0
    for text in [*generated, *(line for page in pages for line in page.split("\n"))]:
        refs = references.archival_refs(text)
        assert refs == old_archival_refs(text), repr(text[:200])
        referenced += any(ref.fond or ref.delo for ref in refs)
    assert referenced > 100
