"""Reading a saved document page (the Wilson Center Digital Archive family) into its fields.

Such pages come as plain copies, scraped text, Markdown, re-hosted PDF exports and reposts on
forums: labels may be missing, empty or run together, sections come in any order, and the page
may carry the summary of a related document, the site's rights statement or its navigation. The
parser sorts every line into one of: a labelled field, the document's own text, or page furniture
that is set aside (and said so in the report). The title and dateline are found by
:mod:`titles`, labels read by :mod:`labels`, scripts told apart by :mod:`language`.
"""

from __future__ import annotations

import re
from datetime import date as Date

from ..dates import UNKNOWN, DateInfo, date_in_year, find_dates, parse_date
from ..gazetteer import Gazetteer
from ..messages import say
from ..records import ParsedDocument
from .derive import derive_fields
from .labels import LABELS, TRAILING, Line, label_of, next_nonblank, split_inline, take
from .language import LANGUAGE_CODES, original_of, paragraphs, script_of, split_texts
from .titles import CREDITS, citation_title, find_heading, furniture_of, is_prose, title_like

__all__ = ["LABELS", "LANGUAGE_CODES", "Line", "clean_markdown", "parse_page", "script_of", "split_texts"]

_URL = re.compile(r"<?(https?://[^\s>]+)>?")
# Marks forums put between the parts of a repost ("※ 주제 ... ■ 《 번역 》 ... ● [ 문서본문 내용 ]").
_MARKERS = re.compile(r"\s*[■●◆◇※♤▶►]\s*")
_MARKER_SIGNS = "■●◆◇※♤▶►"  # a line holds a match of _MARKERS when it holds one of these
_BOLD = re.compile(r"\*\*((?:(?!\n\s*\n)[^*])+?)\*\*")
_FOUR_DIGITS = re.compile(r"\d\d\d\d")  # as \d{4}, but a class first: the search leaps between digits
_DIGITS_AS_ZEROS = bytes(48 if 48 <= byte <= 57 else 32 for byte in range(256))  # 0-9 -> 0, the rest -> space
_HEADINGS = re.compile(r"^#{1,6}[^\S\n]+", re.M)  # a line's heading mark
_EMPHASIS = re.compile(r"(?<![\w*])\*(?!\s)([^*\n]+?)(?<!\s)\*(?![\w*])")
_DIGIT = re.compile(r"\d")
# The source a citation names after the archive's name, up to its next sentence.
_CITED_SOURCE = re.compile(r"Digital Archive,\s*(.+?)(?:\.\s+[A-Z][a-z]{3,}\b|\.?\s*$)", re.S)
# A source line the page does not label: an archive's abbreviation followed by its fond.
_ARCHIVE_LINE = re.compile(
    r"^(АП\s?РФ|АВП\s?РФ|РГАСПИ|РГАНИ|ГАРФ|ЦАМО|APRF|AVP\s?RF|AVPRF|RGASPI|RGANI|GARF|TsAMO)[.,:]?\s*(Ф|F|fond)\b", re.I
)
# What follows the archival reference in a source paragraph and is not part of it.
_SOURCE_END = re.compile(
    r"[.;,]\s+(?=(?:Reprinted|Translated|Obtained|Published|Provided|Given by|Courtesy|copy (?:in|on file)|"
    r"obtained|provided|translation by|translated by)\b)"
)


def clean_markdown(raw: str) -> list[str]:
    """Lines with Markdown emphasis, headings, escapes and hard breaks removed, forum markers and
    run-together labels cut into lines of their own."""
    # Each step below works within a line, so it runs over the whole text at once (issue 16).
    raw = _BOLD.sub(_unbold, raw)
    if "#" in raw:
        raw = _HEADINGS.sub("", raw)
    if "*" in raw:
        raw = _EMPHASIS.sub(r"\1", raw)
    if "\\" in raw:
        raw = raw.replace("\\_", "_").replace("\\*", "*").replace("\\[", "[").replace("\\]", "]")
    spaces = "\u00a0" in raw or "\ufeff" in raw
    markers = any(sign in raw for sign in _MARKER_SIGNS)
    lines = []
    for line in raw.split("\n"):
        line = line.rstrip()
        if spaces and ("\u00a0" in line or "\ufeff" in line):
            line = line.replace("\u00a0", " ").replace("\ufeff", "")
        if markers and any(sign in line for sign in _MARKER_SIGNS):
            for part in _MARKERS.split(line):
                lines += split_inline(part)
        elif len(line) >= 120 and ": " in line:  # split_inline's own first test, without a call per paragraph
            lines += split_inline(line)
        else:
            lines.append(line)
    return lines


def _unbold(match: re.Match[str]) -> str:
    return " ".join(match.group(1).split())


def parse_page(text: str, key: str, gazetteer: Gazetteer | None = None) -> ParsedDocument:
    """Parse one page's text; never raises for odd input, it flags the document for review."""
    doc = ParsedDocument(key=key)
    report = doc.report
    cleaned = clean_markdown(text)
    lines = list(map(Line, range(len(cleaned)), cleaned))
    fields: dict[str, list[str]] = {}
    free: list[Line] = []  # lines no label took, in order
    trailing_from: int | None = None  # line number where the closing metadata block starts

    # 1. The dateline and the title.
    head = find_heading(lines)
    for kind, aside in head.aside:
        report.aside(kind, aside)
    if head.credits:
        fields["credits"] = [head.credits]
    has_labels = any(label_of(line.text) for line in lines if line.text.strip())
    if not has_labels:
        doc.review_reasons.append(say("no_labels"))

    # 2. Labels and what they take; everything else is free text.
    ahead = next_nonblank(lines)
    index = head.start
    while index < len(lines):
        line = lines[index]
        labelled = label_of(line.text)
        if not labelled:
            if _ARCHIVE_LINE.match(line.text.strip()):
                fields.setdefault("source", []).append(line.text.strip())
                report.recognised["source"] = line.text.strip()[:80] + " (unlabelled)"
            else:
                free.append(line)
            index += 1
            continue
        name, inline, mode = labelled
        if name in TRAILING and trailing_from is None and free:
            trailing_from = line.number
        value_lines, index = take(lines, ahead, index + 1, mode, inline)
        value = "\n".join(value_lines).strip()
        if name == "citation" and not citation_title(value) and not _URL.search(value):
            value = ""  # a "Citation" button, not a citation
        if name == "record_id" and not _DIGIT.search(value):
            value = ""  # a record id is a number; a funder's name below an empty label is not one
        if value:
            fields.setdefault(name, []).append(value)
            report.recognised[name] = value.split("\n")[0][:80]
        else:
            report.aside(f"empty label “{line.text.strip().rstrip(':')}”", line.text)

    # 3. Free text: the body, page furniture, an unlabelled citation, text after the metadata.
    body: list[Line] = []
    for line in free:
        what = furniture_of(line.text)
        if what == "rights statement":
            fields.setdefault("rights", []).append(line.text.strip())
            report.aside(what, line.text)
        elif what:
            report.aside(what, line.text)
        elif CREDITS.search(line.text) and "credits" not in fields:
            fields["credits"] = [line.text.strip()]
        elif "citation" not in fields and citation_title(line.text) and "Digital Archive" in line.text:
            fields["citation"] = [line.text.strip()]
            report.recognised["citation"] = line.text.strip()[:80] + " (unlabelled)"
            if body and "summary" not in fields and is_prose(body[-1].text):
                fields["summary"] = [body.pop().text.strip()]
                report.recognised["summary"] = fields["summary"][0][:80] + " (just above the citation)"
        elif trailing_from is not None and line.number > trailing_from:
            if line.text.strip():
                report.aside("text among the page's metadata", line.text)
        else:
            body.append(line)

    # 4. A page without a Summary label carries its summary as the last paragraph before the
    #    closing metadata block, or just before its unlabelled citation.
    body = _summary_from_body(doc, fields, body, trailing_from)

    joined = {name: "\n".join(values) for name, values in fields.items()}
    doc.title = _final_title(head.title, joined.get("citation", ""), report)
    doc.date = head.date if head.date.known else _date_from(joined, body, doc.title, head.date)
    if not doc.date.known:
        doc.review_reasons.append(say("no_date"))
    if not doc.title:
        doc.review_reasons.append(say("no_title"))
    report.recognised["title"] = doc.title[:80]
    if head.how:
        report.recognised["title from"] = head.how
    report.recognised["date"] = f"{doc.date.start} ({doc.date.precision}, written “{doc.date.text}”)"
    _assign(doc, joined)
    doc.texts = split_texts(body, doc.original_language)
    found_language = original_of(doc.texts)
    if found_language and not doc.original_language:
        doc.original_language = found_language
        report.recognised["original language"] = f"{found_language} (from the script of its text)"
    _check_date(doc, body)
    if not doc.texts:
        doc.review_reasons.append(say("no_text"))
    for text_record in doc.texts:
        report.recognised[f"text:{text_record.kind}"] = (
            f"{text_record.language or '?'}, {len(text_record.body)} characters"
        )
    if head.author:
        doc.extra["author line"] = head.author
    doc.report.recognised["head"] = " | ".join(head.above[-4:])[:200] if head.above else ""
    derive_fields(doc, gazetteer)
    return doc


def _summary_from_body(
    doc: ParsedDocument, fields: dict[str, list[str]], body: list[Line], end: int | None
) -> list[Line]:
    if "summary" in fields:
        return body
    candidate: Line | None = None
    if end is not None:
        paras = paragraphs(body)
        if paras:
            last = paras[-1]
            candidate = last[-1] if len(last) > 1 else last[0]
    if candidate is None or not _summary_like(candidate.text):
        return body
    fields["summary"] = [candidate.text.strip()]
    doc.report.recognised["summary"] = candidate.text.strip()[:80] + " (unlabelled)"
    return [line for line in body if line is not candidate]


def _summary_like(text: str) -> bool:
    """A summary before the closing metadata, even one whose last full stop a page left off."""
    text = text.strip()
    if is_prose(text):
        return True
    latin = sum(1 for ch in text if "a" <= ch.lower() <= "z")
    letters = sum(1 for ch in text if ch.isalpha()) or 1
    return len(text) >= 80 and len(text.split()) >= 12 and ". " in text and latin / letters > 0.8 and text[:1].isupper()


def _final_title(title: str, citation: str, report: object) -> str:
    """The heading's title, or the citation's when the heading gave none or only a sentence."""
    quoted = citation_title(citation) if citation else None
    if quoted and (not title or not title_like(title) or is_prose(title)):
        return quoted
    if quoted and title and quoted.casefold() == title.casefold():
        return quoted  # the citation writes an upper-case heading in its own case
    return title


def _date_from(fields: dict[str, str], body: list[Line], title: str, partial: DateInfo) -> DateInfo:
    """The most precise date the citation, title or first lines give; a dateline without its year
    ("12月22日") takes the year they give."""
    texts = (fields.get("citation", ""), title, "\n".join(line.text for line in body[:40]))
    dates = [found for found in map(parse_date, texts) if found.known and found.start]
    if partial.text and dates:
        placed = date_in_year(partial.text, int(dates[0].start[:4]))  # type: ignore[index]
        if placed.known:
            return placed
    for precision in ("day", "month", "year"):
        for found in dates:
            if found.precision == precision:
                return found
    return UNKNOWN


def _check_date(doc: ParsedDocument, body: list[Line]) -> None:
    """Keep the document's own date beside the heading's when they disagree, and flag it: a
    heading may misdate a document by a month or a year ("22 September" under "October 22").
    Dates further than a year away are stamps and later notes, not the document's own."""
    if doc.date.precision != "day" or doc.date.start is None:
        return
    heading = Date.fromisoformat(doc.date.start)
    dated = [line.text for line in body[:15] if _four_digits(line.text)]  # a date with its year
    for found in find_dates("\n".join(dated)) if dated else []:
        if found.start is None:
            continue
        written = Date.fromisoformat(found.start)
        if written == heading or abs((written - heading).days) > 400:
            continue
        if written.day == heading.day and (written.month == heading.month) != (written.year == heading.year):
            doc.extra["date in the text"] = found.text
            doc.review_reasons.append(say("date_disagrees", heading=doc.date.start, written=found.text))
        return


def _four_digits(text: str) -> bool:
    """Whether four digits stand together in ``text``: in plain ASCII, where \\d is 0-9, looked for in
    its bytes with each digit made a 0 (a plain look, not a search trying each place)."""
    if text.isascii():
        return b"0000" in text.encode().translate(_DIGITS_AS_ZEROS)
    return _FOUR_DIGITS.search(text) is not None


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
        match = _CITED_SOURCE.search(citation)
        if match:
            source = match.group(1).strip()
    if source:
        source = _SOURCE_END.split(_URL.sub("", source), maxsplit=1)[0].strip()
    doc.source = source.rstrip(".") if source else None
    for name in ("authors", "people", "places", "topics", "uploaded", "language", "keywords"):
        if fields.get(name):
            doc.extra[name] = fields[name]
