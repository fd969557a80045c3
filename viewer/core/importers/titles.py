"""Where a page puts the document's title and date, and which of its lines are site furniture.

Pages come from the archive itself, from document-sharing sites that re-host its PDF exports
("Total Page:16", "Quick viewing(Text Mode)"), from forums and blogs that repost a document with
their own navigation, breadcrumbs, post details and section markers ("《 번역 》"). Furniture is
never a title. The title is the line beside the dateline (after it on the archive's pages, before
it on reposts), the rest of a line that starts with the date ("January 13, 1950 Telegram, ..."),
a line that ends with its own date ("Телеграмма Мао Цзэдуну 10 января 1949 года"), or, when the
page only quotes it, the title its citation quotes.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from ..dates import UNKNOWN, DateInfo, is_date_line, parse_date
from .labels import Line, label_of

# A pattern that starts with ^ is anchored as a whole (no | outside a group), and flags are re.I or
# none: furniture_of's first test tries all the anchored ones at once, at the line's start.
FURNITURE = [
    (re.compile(r"^skip to (main )?content$", re.I), "site navigation"),
    (re.compile(r"welcomes reuse of Digital Archive materials|subject to copyright", re.I), "rights statement"),
    (re.compile(r"^To enquire about this document's rights", re.I), "rights statement"),
    (re.compile(r"^(share|print|download|cite)( this)?( document)?$", re.I), "site navigation"),
    (
        re.compile(r"^(search in|add search filter.*|get citation|view document in|english html)$", re.I),
        "site navigation",
    ),
    (re.compile(r"^(citation\s+)?share(\s+download)?$", re.I), "site navigation"),
    (re.compile(r"^quick viewing\s*\(text mode\)$", re.I), "document-sharing site"),
    (re.compile(r"^(total page|file type)\s*:", re.I), "document-sharing site"),
    (re.compile(r"^(wilson center|digital archive|international history declassified)$", re.I), "site header"),
    (re.compile(r"^digital archive\b.*international history declassified", re.I), "site header"),
    (re.compile(r"^we use cookies", re.I), "site notice"),
    (re.compile(r"\b\d{4}-\d\d-\d\d \d\d:\d\d(:\d\d)?\b"), "post details"),
]
_RIGHTS = FURNITURE[1][0]
_RIGHTS_WORDS = ("welcomes reuse of digital archive materials", "subject to copyright")  # its words, lower case
# The only characters beyond ASCII that an ASCII letter matches case-insensitively (İ ı ſ K).
_ODD_CASES = ("\u0130", "\u0131", "\u017f", "\u212a")
# Only at the head of a page, before the document starts: chrome that would be text in a body.
HEAD_FURNITURE = [
    (re.compile(r"^[\W_]+$"), "punctuation"),
    (re.compile(r"^[^\W\d_]{3,}\d[\d.,/ ]*\w*\.?$"), "site metadata"),  # Дата12.05.2019, страница1/30
    (re.compile(r"^[\d\s.…]+$"), "page numbers"),
    (re.compile(r"^[a-z]{2,8}$"), "site navigation"),  # logo, menu
    (re.compile(r"^(?:[^|/]{1,40}\s[|/]\s+){2,}[^|/]{0,40}$"), "site navigation"),  # a | b | c, a / b / c
    (re.compile(r"\|.*\d{2}\.\d{2}\.\d{4}"), "post details"),
    (re.compile(r"^(?:\*{2,}|[\[《<(（])[^.!?]{0,24}[\]》>)）]\s*\S{0,6}$"), "section marker"),
    (re.compile(r"^\*{2,}"), "section marker"),
]


def _rights_in(text: str) -> bool:
    """_RIGHTS.search(text), as a look for its words in the lower-cased text where that is the same
    (a case-insensitive search through a paragraph cost the time of a dozen plain ones; issue 16)."""
    if not text.isascii() and any(odd in text for odd in _ODD_CASES):
        return _RIGHTS.search(text) is not None
    lowered = text.lower()
    return any(words in lowered for words in _RIGHTS_WORDS)


def _furniture_test(patterns: list[tuple[re.Pattern[str], str]]) -> Callable[[str], bool]:
    """Whether any of ``patterns`` finds something in a line, in fewer searches than one a pattern:
    those that start with ^ (each anchored as a whole) in one match at the line's start, the rights
    statement as words, the rest one by one. Most lines are no furniture (issue 16)."""
    anchored = [p for p, _ in patterns if p.pattern.startswith("^")]
    start = re.compile("|".join(f"(?{'i' if p.flags & re.I else ''}:{p.pattern})" for p in anchored))
    others = [p for p, _ in patterns if not p.pattern.startswith("^") and p is not _RIGHTS]

    def test(text: str) -> bool:
        if start.match(text) or _rights_in(text):
            return True
        return any(pattern.search(text) for pattern in others)

    return test


_ANY_FURNITURE = _furniture_test(FURNITURE)
_ANY_HEAD_FURNITURE = _furniture_test(FURNITURE + HEAD_FURNITURE)
CREDITS = re.compile(r"^This document was made possible", re.I)
_WORD = re.compile(r"[^\W\d_]+")
_LETTER = re.compile(r"[^\W\d_]")
_LATIN = re.compile(r"[A-Za-z]")
_CJK = re.compile(r"[\u3400-\u9fff\uac00-\ud7af]")
_MONTH = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December|"
    r"Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?"
)
_YEAR = r"(?:1[5-9]\d\d|20\d\d)(?!\d)"
_LEADING_DATE = re.compile(
    rf"^(?P<prefix>[^A-Za-z0-9]{{0,24}}?)(?P<date>{_MONTH}\s+\d{{1,2}},?\s+{_YEAR}|\d{{1,2}}\s+{_MONTH},?\s+{_YEAR}"
    rf"|{_YEAR[:-6]}-\d\d-\d\d)(?P<sep>\s*[/|:–—-]?\s*)(?P<rest>[^\W\d_].*)$",
    re.I,
)
_CITATION_TITLE = re.compile(r"^\W{0,3}[“\"](?P<title>.{8,400}?),?[”\"],?\s+(?P<date>[^“”\"]{3,30}?\d{4}),", re.S)
_DIGIT_LETTER = re.compile(r"(?<=\d)(?=[A-Za-z])")  # "13January": a space goes between
_YEAR_WORD = re.compile(r"\s+(г\.?|года)\s*\.?$")  # "... 1949 года"
_NAME_LINE = re.compile(r"(?:[A-ZА-ЯЁ]\.\s?){1,2}\s?[A-ZА-ЯЁ][\w-]+|[A-ZА-ЯЁ][\w-]+\s(?:[A-ZА-ЯЁ]\.\s?){1,2}")
_ADDRESSEE = re.compile(r"(:|：|同志[:：]?|동지)$")


@dataclass
class Heading:
    """The title and dateline a page gives, and what was set aside on the way to them."""

    title: str = ""
    date: DateInfo = UNKNOWN
    start: int = 0  # the first line of the document's text
    how: str = ""
    author: str = ""  # a bare name on the line above the title ("Сталин И.В.")
    above: list[str] = field(default_factory=list)  # the page's lines above the title, nearest last
    aside: list[tuple[str, str]] = field(default_factory=list)
    credits: str = ""


def furniture_of(line: str, head: bool = False) -> str | None:
    text = line.strip().lstrip("•*- ").strip() or line.strip()
    if len(text) > 160:  # a paragraph: only the rights statement runs that long
        return "rights statement" if _rights_in(text) else None
    if not text or not (_ANY_HEAD_FURNITURE if head else _ANY_FURNITURE)(text):
        return None
    for pattern, what in FURNITURE:
        if pattern.search(text):
            return what
    if head:
        for pattern, what in HEAD_FURNITURE:
            if pattern.search(text):
                return what
    return None


def is_prose(text: str) -> bool:
    """A sentence-like paragraph in Latin script (what a summary looks like)."""
    text = text.strip()
    if len(text) < 60 or not text[:1].isupper() or not text.endswith((".", ".”", '."', ")")):
        return False
    if len(text.split()) < 10:
        return False
    letters = len(_LETTER.findall(text))
    return letters > 0 and len(_LATIN.findall(text)) / letters > 0.8


def title_like(text: str) -> bool:
    """A line that can be a title: a few words, not a sentence, not an address line."""
    text = text.strip()
    words = _WORD.findall(text)
    cjk = len(_CJK.findall(text))
    return (
        (len(words) >= 2 or cjk >= 4)
        and len(text) <= 250
        and not is_prose(text)
        and not _ADDRESSEE.search(text)
        and not text.startswith(("[", "(", "△", "▲", "-", "•"))
        and not CREDITS.search(text)
    )


def leading_date(text: str) -> tuple[DateInfo, str] | None:
    """A dateline and a title on one line: ("January 13, 1950 Telegram, ...") -> (date, title)."""
    match = _LEADING_DATE.match(text.strip())
    if not match or len(_WORD.findall(match.group("rest"))) < 3:
        return None
    date = parse_date(_DIGIT_LETTER.sub(" ", match.group("date")))
    return (date, match.group("rest").strip()) if date.known and date.precision == "day" else None


def trailing_date(text: str) -> DateInfo | None:
    """A title that ends with its own date ("Телеграмма Мао Цзэдуну 10 января 1949 года")."""
    stripped = _YEAR_WORD.sub("", text.strip().rstrip("'\"”’"))
    date = parse_date(stripped)
    if not date.known or date.precision != "day" or not stripped.endswith(date.text):
        return None
    head = stripped[: -len(date.text)]
    return date if len(_WORD.findall(head)) >= 2 and not is_prose(text) else None


def citation_title(text: str) -> str | None:
    """The title a citation quotes: “Telegram, Mao Zedong to Liu Shaoqi,” January 13, 1950, ..."""
    match = _CITATION_TITLE.match(text.strip())
    return match.group("title").strip().rstrip(",") if match else None


def _is_name_line(text: str) -> bool:
    """A bare author line: a surname with initials ("Сталин И.В.", "I. Stalin")."""
    return bool(_NAME_LINE.fullmatch(text))


def find_heading(lines: list[Line], window: int = 40) -> Heading:
    """Where the title and dateline are, reading the head of the page (the first ``window`` lines)."""
    head = Heading()
    zone: list[Line] = []  # the head's lines that are neither furniture nor labels
    found: tuple[int, str, DateInfo, str] | None = None  # (zone index, kind, date, title)
    navigation = _navigation_run(lines)
    for line in (ln for ln in lines if ln.text.strip()):
        if len(zone) >= window:
            break
        if label_of(line.text):
            if zone:
                break  # the labelled fields have started: the head is over
            continue
        date = is_date_line(line.text)
        what = None if date is not None else furniture_of(line.text, head=True)
        if what is None and line.number in navigation:
            what = "site navigation"
        if what:
            head.aside.append((what, line.text))
            continue
        zone.append(line)
        if CREDITS.search(line.text):
            continue
        if date is not None:
            found = (len(zone) - 1, "dateline", date, "")
            break
        both = leading_date(line.text)
        if both:
            found = (len(zone) - 1, "leading", both[0], both[1])
            break
        trailing = trailing_date(line.text) if len(zone) == 1 else None
        if trailing:
            found = (len(zone) - 1, "trailing", trailing, line.text.strip())
            break
    if found is None:
        return _first_line_title(lines, head, navigation)
    position, kind, date, title = found
    line = zone[position]
    earlier = zone[:position]
    if kind in ("leading", "trailing"):
        head.title, head.date, head.start = title, date, line.number + 1
        head.how = f"line {line.number + 1}, " + (
            "after the date on it" if kind == "leading" else "ending with its date"
        )
        chosen_before = None
    else:
        head.date = date
        after = _after(lines, line.number + 1)
        before = earlier[-1] if earlier else None
        if len(earlier) == 1 and title_like(earlier[0].text):  # a note: its title, then its date
            chosen, where = before, "before the dateline"
        elif after is not None and title_like(after.text):
            chosen, where = after, "after the dateline"
        elif before is not None and title_like(before.text):
            chosen, where = before, "before the dateline"
        elif after is not None:
            chosen, where = after, "after the dateline"
        else:
            chosen, where = before, "before the dateline"
        if chosen is None:
            return _first_line_title(lines, head, navigation)
        head.title = chosen.text.strip()
        # a summary sentence in the title's place stays in the text: the citation may name the title
        head.start = max(chosen.number + (0 if is_prose(chosen.text) else 1), line.number + 1)
        head.how = f"line {chosen.number + 1}, {where} on line {line.number + 1}"
        chosen_before = chosen if chosen is before else None
    title_number = chosen_before.number if chosen_before is not None else line.number
    head.above = [ln.text.strip() for ln in lines[:title_number] if ln.text.strip()]
    previous = earlier[:-1] if chosen_before is not None else earlier
    if previous and _is_name_line(previous[-1].text.strip()):
        head.author = previous[-1].text.strip()
    for earlier_line in previous:
        if CREDITS.search(earlier_line.text):
            head.credits = earlier_line.text.strip()
        else:
            what = "a related document's summary" if is_prose(earlier_line.text) else "text before the dateline"
            head.aside.append((what, earlier_line.text))
    return head


def _navigation_run(lines: list[Line]) -> set[int]:
    """A page opening with three or more very short lines ("后一页", "回目录", "참여광장") opens
    with its site's navigation."""
    run: list[int] = []
    for line in lines:
        text = line.text.strip()
        if not text:
            continue
        if len(text) > 12 or is_date_line(text) is not None:
            break
        run.append(line.number)
    return set(run) if len(run) >= 3 else set()


def _after(lines: list[Line], index: int) -> Line | None:
    """The first line after the dateline that may hold the title (credits and markers skipped)."""
    for line in lines[index : index + 60]:
        text = line.text.strip()
        if not text or CREDITS.search(text) or furniture_of(text, head=True):
            continue
        return None if label_of(text) else line
    return None


def _first_line_title(lines: list[Line], head: Heading, navigation: set[int]) -> Heading:
    for line in lines:
        text = line.text.strip()
        if not text or line.number in navigation or label_of(text) or CREDITS.search(text):
            continue
        if furniture_of(text, head=True):
            head.above.append(text)
            continue
        if is_date_line(text) is not None:
            continue
        start = line.number + (0 if is_prose(text) else 1)
        head.title, head.start, head.how = text, start, f"line {line.number + 1}, the first of the page"
        break
    return head
