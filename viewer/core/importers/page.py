"""Reading a saved document page (the Wilson Center Digital Archive family) into its fields.

Such pages come as plain copies, scraped text, Markdown: labels may be missing or empty, sections
come in any order, and the page may carry the summary of a related document or the site's rights
statement. The parser sorts every line into one of: a labelled field, the document's own text,
or page furniture that is set aside (and said so in the report).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..dates import UNKNOWN, DateInfo, is_date_line, parse_date
from ..gazetteer import Gazetteer
from ..records import ParsedDocument, Text
from .derive import derive_fields

# Label -> (field, how much text it takes: "line", "para", "list", "all")
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
    "related documents": ("related", "all"),
    "document information": ("source", "para"),
    "source": ("source", "para"),
    "original archive": ("source", "para"),
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
TRAILING = {
    "authors",
    "people",
    "places",
    "topics",
    "related",
    "source",
    "rights",
    "uploaded",
    "doc_type",
    "language",
    "record_id",
    "keywords",
}
_LABEL_LINE = re.compile(
    r"^(?P<label>"
    + "|".join(re.escape(label) for label in sorted(LABELS, key=len, reverse=True))
    + r")\s*(?P<colon>:)?\s*(?P<value>.*)$",
    re.IGNORECASE,
)
FURNITURE = [
    (re.compile(r"^skip to (main )?content$", re.I), "site navigation"),
    (re.compile(r"welcomes reuse of Digital Archive materials|subject to copyright", re.I), "rights statement"),
    (re.compile(r"^To enquire about this document's rights", re.I), "rights statement"),
    (re.compile(r"^(share|print|download|cite)( this)?( document)?$", re.I), "site navigation"),
]
CREDITS = re.compile(r"^This document was made possible", re.I)
_URL = re.compile(r"<?(https?://[^\s>]+)>?")


@dataclass
class Line:
    number: int
    text: str


def clean_markdown(raw: str) -> list[str]:
    """Lines with Markdown emphasis, headings, escapes and hard breaks removed."""
    raw = re.sub(r"\*\*(.+?)\*\*", lambda m: " ".join(m.group(1).split()), raw, flags=re.S)
    lines = []
    for line in raw.split("\n"):
        line = re.sub(r"^#{1,6}\s+", "", line)
        line = re.sub(r"(?<![\w*])\*(?!\s)([^*\n]+?)(?<!\s)\*(?![\w*])", r"\1", line)
        line = line.replace("\\_", "_").replace("\\*", "*").replace("\\[", "[").replace("\\]", "]")
        lines.append(line.rstrip().replace("\u00a0", " ").replace("\ufeff", ""))
    return lines


def label_of(line: str) -> tuple[str, str, str] | None:
    """(field, inline value, extent) when a line is a label; without a colon it must stand alone."""
    match = _LABEL_LINE.match(line.strip())
    if not match:
        return None
    value = match.group("value").strip()
    if not match.group("colon") and value:
        return None
    name, extent = LABELS[match.group("label").lower()]
    return name, value, extent


def furniture_of(line: str) -> str | None:
    for pattern, what in FURNITURE:
        if pattern.search(line):
            return what
    return None


def is_prose(text: str) -> bool:
    """A sentence-like paragraph in Latin script (what a summary looks like)."""
    words = text.split()
    letters = sum(1 for ch in text if ch.isalpha())
    latin = sum(1 for ch in text if "a" <= ch.lower() <= "z")
    return (
        len(text) >= 60
        and len(words) >= 10
        and text.rstrip().endswith((".", ".”", '."', ")"))
        and letters > 0
        and latin / letters > 0.8
        and text[:1].isupper()
    )


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


def parse_page(text: str, key: str, gazetteer: Gazetteer | None = None) -> ParsedDocument:
    """Parse one page's text; never raises for odd input, it flags the document for review."""
    doc = ParsedDocument(key=key)
    report = doc.report
    lines = [Line(i, t) for i, t in enumerate(clean_markdown(text))]
    fields: dict[str, str] = {}
    free: list[Line] = []  # lines no label took, in order
    trailing_from: int | None = None  # line number where the closing metadata block starts

    # 1. The dateline and the title.
    date = UNKNOWN
    title = ""
    start = 0
    nonempty = [line for line in lines if line.text.strip()]
    has_labels = any(label_of(line.text) for line in nonempty)
    for position, line in enumerate(nonempty[:15]):
        found = is_date_line(line.text)
        if not found or label_of(line.text):
            continue
        earlier = [e for e in nonempty[:position] if not furniture_of(e.text) and not CREDITS.search(e.text)]
        if earlier and not is_prose(earlier[0].text) and len(earlier[0].text) < 250:
            # a plain note: its first line is the title, the date follows
            date, title, start = found, earlier[0].text.strip(), line.number + 1
            break
        after = [candidate for candidate in nonempty[position + 1 :] if not label_of(candidate.text)]
        if after:
            date, title, start = found, after[0].text.strip(), after[0].number + 1
            for earlier_line in nonempty[:position]:
                what = furniture_of(earlier_line.text)
                if what:
                    report.aside(what, earlier_line.text)
                elif CREDITS.search(earlier_line.text):
                    fields["credits"] = earlier_line.text.strip()
                else:
                    report.aside(
                        "a related document's summary" if is_prose(earlier_line.text) else "text before the dateline",
                        earlier_line.text,
                    )
        break
    if not title:
        for line in nonempty:
            if not furniture_of(line.text) and not label_of(line.text):
                title, start = line.text.strip(), line.number + 1
                break
            if furniture_of(line.text):
                report.aside(furniture_of(line.text) or "", line.text)
    if not has_labels:
        doc.review_reasons.append("no labels recognised: the title is the first line of the file")

    # 2. Labels and what they take; everything else is free text.
    index = start
    while index < len(lines):
        line = lines[index]
        labelled = label_of(line.text)
        if not labelled:
            free.append(line)
            index += 1
            continue
        name, inline, mode = labelled
        if name in TRAILING and trailing_from is None and free:
            trailing_from = line.number
        value_lines, index = _take(lines, index + 1, mode, inline)
        value = "\n".join(value_lines).strip()
        if value:
            fields[name] = value if name not in fields else fields[name] + "\n" + value
            report.recognised[name] = value.split("\n")[0][:80]
        else:
            report.aside(f"empty label “{line.text.strip().rstrip(':')}”", line.text)

    # 3. Free text: the body, page furniture, and text after the closing metadata.
    body: list[Line] = []
    for line in free:
        what = furniture_of(line.text)
        if what == "rights statement":
            fields["rights"] = (fields.get("rights", "") + "\n" + line.text.strip()).strip()
            report.aside(what, line.text)
        elif what:
            report.aside(what, line.text)
        elif CREDITS.search(line.text) and "credits" not in fields:
            fields["credits"] = line.text.strip()
        elif trailing_from is not None and line.number > trailing_from:
            if line.text.strip():
                report.aside("text among the page's metadata", line.text)
        else:
            body.append(line)

    # 4. A page without a Summary label carries its summary as the last paragraph before the
    #    closing metadata block.
    if "summary" not in fields and trailing_from is not None:
        paras = paragraphs(body)
        if paras:
            last = paras[-1]
            candidate = last[-1] if len(last) > 1 else last[0]
            if is_prose(candidate.text):
                fields["summary"] = candidate.text.strip()
                report.recognised["summary"] = candidate.text.strip()[:80] + " (unlabelled)"
                body = [line for line in body if line is not candidate]

    doc.title = title
    doc.date = date if date.known else _date_from(fields, body, title)
    if not doc.date.known:
        doc.review_reasons.append("no date found")
    if not title:
        doc.review_reasons.append("no title found")
    report.recognised["title"] = title[:80]
    report.recognised["date"] = f"{doc.date.start} ({doc.date.precision}, written “{doc.date.text}”)"
    _assign(doc, fields)
    doc.texts = split_texts(body, doc.original_language)
    if not doc.texts:
        doc.review_reasons.append("no document text found")
    for text_record in doc.texts:
        report.recognised[f"text:{text_record.kind}"] = (
            f"{text_record.language or '?'}, {len(text_record.body)} characters"
        )
    derive_fields(doc, gazetteer)
    return doc


def _take(lines: list[Line], index: int, mode: str, inline: str) -> tuple[list[str], int]:
    """The value of a label starting at ``index``: how far it reaches depends on the label."""
    taken = [inline] if inline else []
    if mode == "line" and inline:
        return taken, index
    # skip blank lines up to the value
    while index < len(lines) and not lines[index].text.strip():
        index += 1
    if mode == "line":
        if index < len(lines) and not label_of(lines[index].text):
            return [lines[index].text.strip()], index + 1
        return taken, index
    if mode == "list":
        while index < len(lines):
            text = lines[index].text.strip()
            if text.startswith(("- ", "* ", "• ")):
                taken.append(text[2:].strip())
            elif text:
                break
            index += 1
        return taken, index
    paragraphs_left = {"para": 1, "citation": 2, "all": 10_000}[mode]
    while index < len(lines):
        text = lines[index].text.strip()
        if label_of(text):
            break
        if not text:
            paragraphs_left -= 1
            if paragraphs_left == 0:
                break
            # the citation's second paragraph is only taken when it is the web address
            if mode == "citation":
                following = next((ln.text for ln in lines[index:] if ln.text.strip()), "")
                if not _URL.fullmatch(following.strip()):
                    break
        else:
            taken.append(text)
        index += 1
    return taken, index


def _date_from(fields: dict[str, str], body: list[Line], title: str) -> DateInfo:
    for text in (fields.get("citation", ""), "\n".join(line.text for line in body[:40]), title):
        found = parse_date(text)
        if found.known:
            return found
    return UNKNOWN


def _assign(doc: ParsedDocument, fields: dict[str, str]) -> None:
    citation = fields.get("citation", "")
    url_match = _URL.search(citation) or _URL.search(fields.get("source", ""))
    if url_match:
        doc.url = url_match.group(1).rstrip(".,)")
        citation = _URL.sub("", citation).strip()
    doc.citation = citation or None
    doc.summary = fields.get("summary")
    doc.credits = fields.get("credits")
    doc.original_language = (fields.get("original_language") or "").strip() or None
    doc.contents = [item for item in fields.get("contents", "").split("\n") if item]
    doc.doc_type = fields.get("doc_type")
    doc.record_id = fields.get("record_id")
    doc.rights = fields.get("rights")
    doc.classification = fields.get("classification")
    source = fields.get("source")
    if not source and citation:
        match = re.search(r"Digital Archive,\s*(.+?)(?:\.\s+[A-Z][a-z]{3,}\b|\.?\s*$)", citation, re.S)
        if match:
            source = match.group(1).strip()
    doc.source = source.rstrip(".") if source else None
    for name in ("authors", "people", "places", "topics", "uploaded", "language", "keywords"):
        if fields.get(name):
            doc.extra[name] = fields[name]


_SCRIPTS = [
    ("ru", re.compile(r"[\u0400-\u04ff]")),
    ("ko", re.compile(r"[\uac00-\ud7af\u1100-\u11ff\u3130-\u318f]")),
    ("ja", re.compile(r"[\u3040-\u30ff]")),
    ("zh", re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")),
    ("en", re.compile(r"[A-Za-z\u00c0-\u024f]")),
]
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


def script_of(text: str) -> str | None:
    """The language code of the script most letters of ``text`` are written in."""
    counts = {code: len(pattern.findall(text)) for code, pattern in _SCRIPTS}
    if counts.get("ja"):
        counts["ja"] += counts.pop("zh")
    best = max(counts, key=lambda code: counts[code])
    return best if counts[best] >= 2 else None


def split_texts(body: list[Line], original_language: str | None) -> list[Text]:
    """The body as texts per script: an original in Cyrillic, Chinese or Korean, and the English."""
    groups: list[tuple[str | None, list[str]]] = []
    for para in paragraphs(body):
        block = "\n".join(line.text for line in para)
        script = script_of(block)
        if groups and (script is None or script == groups[-1][0]):
            groups[-1][1].append(block)
        elif script is None and not groups:
            groups.append((None, [block]))
        else:
            groups.append((script, [block]))
    merged: dict[str | None, list[str]] = {}
    for script, blocks in groups:
        merged.setdefault(script, []).extend(blocks)
    if None in merged and len(merged) > 1:
        first = next(code for code in merged if code is not None)
        merged[first] = merged.pop(None) + merged[first]
    original = LANGUAGE_CODES.get((original_language or "").lower())
    texts = []
    for position, (code, blocks) in enumerate(merged.items()):
        language = code or "en"
        kind = "translation" if language == "en" and original != "en" else "transcript"
        texts.append(Text(kind=kind, language=language, body="\n\n".join(blocks).strip(), position=position))
    texts.sort(key=lambda t: 0 if t.kind == "transcript" else 1)
    return texts
