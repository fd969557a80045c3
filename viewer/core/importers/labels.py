"""The labelled fields of a saved document page ("Citation:", "Summary:", "Record ID" ...).

Labels come on a line of their own, with the value on the same line or below; re-hosted PDF
exports run them together on one long line ("... Summary: ... Original Language: Chinese
Contents: English Translation ..."), so such lines are cut before each label first. How far a
label's value reaches depends on the label: one line, one paragraph, a list, or everything up to
the next label. Reading a value is linear in the lines it passes over, however many blank lines a
page holds.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# Label -> (field, how much text it takes: "line", "para", "list", "citation", "all")
LABELS: dict[str, tuple[str, str]] = {
    "citation": ("citation", "citation"),
    "summary": ("summary", "para"),
    "credits": ("credits", "para"),
    "original language": ("original_language", "line"),
    "contents": ("contents", "list"),
    "author(s)": ("authors", "all"),
    "author": ("authors", "all"),
    "associated people & organizations": ("people", "all"),
    "associated people and organizations": ("people", "all"),
    "associated places": ("places", "all"),
    "associated topics": ("topics", "all"),
    "subjects discussed": ("topics", "all"),
    "related documents": ("related", "all"),
    "document information": ("source", "para"),
    "source": ("source", "para"),
    "original archive": ("source", "para"),
    "печ. по": ("source", "para"),
    "rights": ("rights", "all"),
    "original uploaded date": ("uploaded", "line"),
    "type": ("doc_type", "line"),
    "language": ("language", "line"),
    "record id": ("record_id", "line"),
    "original classification": ("classification", "line"),
    "classification": ("classification", "line"),
    "keywords": ("keywords", "line"),
}
# Labels that open the metadata block closing a page: text after them is not the document's.
TRAILING = {"authors", "people", "places", "topics", "related", "source", "rights", "uploaded"}
TRAILING |= {"doc_type", "language", "record_id", "keywords"}
_LABEL_LINE = re.compile(
    r"^[•*\-\s]*(?P<label>"
    + "|".join(re.escape(label) for label in sorted(LABELS, key=len, reverse=True))
    + r")\s*(?P<colon>:)?\s*(?P<value>.*)$",
    re.IGNORECASE,
)
# Labels that re-hosted exports run into the text: cut a long line before each of them.
_INLINE = re.compile(r"\s(?=(?:Citation|Summary|Credits|Original Language|Contents|Record ID):\s)")
# What the "Contents" of a page lists: the parts of the record, not the document's words.
_CONTENT_ITEM = re.compile(
    r"^(?:(?:English|Russian|Chinese|Korean|Japanese|German|Polish|Hungarian)\s+)?"
    r"(?:Translation|Transcription|Transcript|Scan of Original Document|Original Scan)"
    r"(?:\s+-\s+\w+)?\s*",
    re.I,
)
_URL = re.compile(r"<?(https?://[^\s>]+)>?")
_ELLIPSIS = re.compile(r"^\[\.\.\.\]\s*")  # "[...]" before the text a run-together page goes on with


@dataclass(slots=True)  # a page makes one per line: slots make them a fifth cheaper to make and read
class Line:
    number: int
    text: str


def split_inline(text: str) -> list[str]:
    """A long line that runs several labels together, cut into one line per label."""
    if len(text) < 120 or ": " not in text or not _INLINE.search(text):
        return [text]
    parts = _INLINE.split(text)
    result = []
    for part in parts:
        part = part.strip()
        if part.lower().startswith("contents:"):
            items, rest = contents_and_rest(part[len("contents:") :])
            result.append("Contents: " + "; ".join(items))
            if rest:
                result.append(rest)
        elif part:
            result.append(part)
    return result


def contents_and_rest(value: str) -> tuple[list[str], str]:
    """The record parts a run-together "Contents:" names, and the document text that follows."""
    items = []
    rest = value.strip()
    while True:
        match = _CONTENT_ITEM.match(rest)
        if not match or not match.group(0).strip():
            break
        items.append(match.group(0).strip())
        rest = rest[match.end() :].lstrip()
    rest = _ELLIPSIS.sub("", rest)
    return items, rest


def label_of(line: str) -> tuple[str, str, str] | None:
    """(field, inline value, extent) when a line is a label; without a colon it must stand alone."""
    stripped = line.strip()
    match = _LABEL_LINE.match(stripped) if stripped else None  # a blank line (a third of a page's) is none
    if not match:
        return None
    value = match.group("value").strip()
    if not match.group("colon") and value:
        return None
    name, extent = LABELS[match.group("label").lower()]
    return name, value, extent


def next_nonblank(lines: list[Line]) -> list[int]:
    """For each index, the index of the first non-blank line at or after it (len(lines) if none)."""
    result = [len(lines)] * (len(lines) + 1)
    for index in range(len(lines) - 1, -1, -1):
        result[index] = index if lines[index].text.strip() else result[index + 1]
    return result


def take(lines: list[Line], ahead: list[int], index: int, mode: str, inline: str) -> tuple[list[str], int]:
    """The value of a label starting at ``index`` and where reading goes on after it."""
    taken = [inline] if inline else []
    if mode == "line" and inline:
        return taken, index
    index = ahead[index] if index < len(lines) else index  # skip blank lines up to the value
    if mode == "line":
        if index < len(lines) and not label_of(lines[index].text):
            return [lines[index].text.strip()], index + 1
        return taken, index
    if mode == "list":
        if inline:
            return [item.strip() for item in inline.split(";") if item.strip()], index
        while index < len(lines):
            text = lines[index].text.strip()
            items, rest = contents_and_rest(text)
            if text.startswith(("- ", "* ", "• ")):
                taken.append(text[2:].strip())
            elif items and not rest:  # "English Translation Scan of Original Document [...]"
                taken += items
            elif text:
                break
            index += 1
        return taken, index
    paragraphs_left = {"para": 1, "citation": 2, "all": 10_000_000}[mode]
    while index < len(lines):
        text = lines[index].text.strip()
        if label_of(text):
            break
        if not text:
            paragraphs_left -= 1
            following = ahead[index]
            if paragraphs_left == 0:
                break
            # the citation's second paragraph is only taken when it is the web address
            if mode == "citation" and (following >= len(lines) or not _URL.fullmatch(lines[following].text.strip())):
                break
            index = following  # a run of blank lines counts once
            continue
        taken.append(text)
        index += 1
    return taken, index
