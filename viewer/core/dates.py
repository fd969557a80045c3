"""Dates as archives write them, turned into ISO ranges with a precision.

Telegrams date themselves in many ways ("May 13, 1950", "13/5-50", "16.V.50 г.", "16.У 1950 г.",
"October 1950", "1950"); the timeline and the list need a sortable start and end, and the reader
needs to see what the document itself said. So every parse keeps the text it came from.
"""

from __future__ import annotations

import calendar
import math
import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

PRECISIONS = ("day", "month", "year", "unknown")

MONTHS = {
    name: number
    for number, names in enumerate(
        [
            (),
            ("january", "jan", "января", "январь", "январе", "янв"),
            ("february", "feb", "февраля", "февраль", "феврале", "фев"),
            ("march", "mar", "марта", "март", "марте", "мар"),
            ("april", "apr", "апреля", "апрель", "апреле", "апр"),
            ("may", "мая", "май"),
            ("june", "jun", "июня", "июнь", "июне", "июн"),
            ("july", "jul", "июля", "июль", "июле", "июл"),
            ("august", "aug", "августа", "август", "августе", "авг"),
            ("september", "sep", "sept", "сентября", "сентябрь", "сентябре", "сен"),
            ("october", "oct", "октября", "октябрь", "октябре", "окт"),
            ("november", "nov", "ноября", "ноябрь", "ноябре", "ноя"),
            ("december", "dec", "декабря", "декабрь", "декабре", "дек"),
        ]
    )
    for name in names
}

# Roman month numerals, with the Cyrillic letters a typist or an OCR engine puts in their place
# ("16.У 1950": a Cyrillic У standing for V; Х for X; І for I).
_ROMAN_LOOKALIKES = str.maketrans({"У": "V", "у": "V", "Х": "X", "х": "X", "І": "I", "і": "I", "Ι": "I"})
ROMAN = {
    "I": 1,
    "II": 2,
    "III": 3,
    "IV": 4,
    "V": 5,
    "VI": 6,
    "VII": 7,
    "VIII": 8,
    "IX": 9,
    "X": 10,
    "XI": 11,
    "XII": 12,
}


@dataclass(frozen=True)
class DateInfo:
    """A date as written, with the ISO range it stands for."""

    start: str | None
    end: str | None
    precision: str
    text: str

    @property
    def known(self) -> bool:
        return self.start is not None


UNKNOWN = DateInfo(None, None, "unknown", "")

_CJK_DIGITS = "〇○零一二三四五六七八九"
_CJK_VALUE = {ch: n for n, ch in enumerate("〇一二三四五六七八九")} | {"○": 0, "零": 0}
_MONTH_NAMES = "|".join(sorted((re.escape(m) for m in MONTHS), key=len, reverse=True))
_YEAR = r"(1[5-9]\d\d|20\d\d)"
# What follows ``\b`` where a month name starts a date ("May 13, 1950", "October 1950"): one of their
# first letters, the rest of a name, and whitespace before a digit. Every match of the name patterns
# matches it too, so it changes no result; it lets the engine leave most words after one step instead
# of trying ~75 names case-insensitively at each of them (that was most of find_dates' time, issue 16).
_FIRST_LETTERS = "".join(sorted({name[0] for name in MONTHS}))
_NAME_AHEAD = rf"(?=[{_FIRST_LETTERS}]\w{{0,{max(map(len, MONTHS)) - 1}}}\.?,?\s+\d)"

# Each pattern: (regex, kind). Kinds say how groups map to year/month/day.
_PATTERNS: list[tuple[re.Pattern[str], str]] = [
    # May 13, 1950 / May 13 1950
    (re.compile(rf"\b{_NAME_AHEAD}({_MONTH_NAMES})\.?\s+(\d{{1,2}}),?\s+{_YEAR}\b", re.I), "mdy_name"),
    # 13 May 1950 / 13 мая 1950 г.
    (re.compile(rf"\b(\d{{1,2}})\s+({_MONTH_NAMES})\.?,?\s+{_YEAR}\b", re.I), "dmy_name"),
    # 1950-05-13
    (re.compile(r"\b(1[5-9]\d\d|20\d\d)-(\d\d)-(\d\d)\b"), "iso"),
    # 16.V.50 / 16.У 1950 / 10.IV.50. (Roman month, lookalikes allowed)
    (re.compile(r"(?<![\w.])(\d{1,2})\s?\.\s?([IVXУХІ]{1,4})\s?\.?\s?(\d{4}|\d{2})(?!\d)"), "dmy_roman"),
    # 13.05.1950 / 13.5.50 / 13/5-50 / 13/5/1950
    (re.compile(r"(?<![\w./])(\d{1,2})[./](\d{1,2})[./-](\d{4}|\d{2})(?![\d/])"), "dmy_num"),
    # 1949年12月22日, 1949 年 12 月 22 日, 1949년 5월 3일 (Chinese and Korean forms, digits)
    (re.compile(rf"{_YEAR}\s?[年년]\s?(\d{{1,2}})\s?[月월]\s?(\d{{1,2}})\s?[日일]?"), "ymd_cjk"),
    # 一九五〇年十月十三日: Chinese numerals (○ and 〇 both stand for zero)
    (
        re.compile(rf"([{_CJK_DIGITS}]{{4}})\W?年\s?([{_CJK_DIGITS}十]{{1,3}})月\s?([{_CJK_DIGITS}十]{{1,3}})日"),
        "ymd_cjk_numerals",
    ),
    # 19491222: a compact date, as file names and chronologies write them
    (re.compile(r"(?<!\d)(1[89]\d\d|20\d\d)(0[1-9]|1[0-2])([012]\d|3[01])(?!\d)"), "compact"),
    # October 1950 / октябрь 1950 / в январе 1949
    (re.compile(rf"\b{_NAME_AHEAD}({_MONTH_NAMES})\.?,?\s+{_YEAR}\b", re.I), "my_name"),
    # 1949年12月 / 1949년 5월
    (re.compile(rf"{_YEAR}\s?[年년]\s?(\d{{1,2}})\s?[月월](?!\s?\d)"), "ym_cjk"),
    # 1950 alone
    (re.compile(rf"(?<![\d.,/-]){_YEAR}(?![\d.,/-]\d)"), "y"),
]


def _year(text: str, century_hint: int = 1900) -> int:
    value = int(text)
    return value if value >= 100 else century_hint + value


def _day_range(year: int, month: int, day: int, text: str) -> DateInfo | None:
    if not (1 <= month <= 12) or not (1 <= day <= calendar.monthrange(year, month)[1]):
        return None
    iso = f"{year:04d}-{month:02d}-{day:02d}"
    return DateInfo(iso, iso, "day", text)


def _month_range(year: int, month: int, text: str) -> DateInfo | None:
    if not 1 <= month <= 12:
        return None
    last = calendar.monthrange(year, month)[1]
    return DateInfo(f"{year:04d}-{month:02d}-01", f"{year:04d}-{month:02d}-{last:02d}", "month", text)


def _from_match(match: re.Match[str], kind: str, century_hint: int) -> DateInfo | None:
    text = match.group(0).strip()
    groups = match.groups()
    if kind == "mdy_name":
        return _day_range(int(groups[2]), MONTHS[groups[0].lower()], int(groups[1]), text)
    if kind == "dmy_name":
        return _day_range(int(groups[2]), MONTHS[groups[1].lower()], int(groups[0]), text)
    if kind == "iso":
        return _day_range(int(groups[0]), int(groups[1]), int(groups[2]), text)
    if kind == "dmy_roman":
        month = ROMAN.get(groups[1].translate(_ROMAN_LOOKALIKES))
        if month is None:
            return None
        return _day_range(_year(groups[2], century_hint), month, int(groups[0]), text)
    if kind == "dmy_num":
        first, second, year = int(groups[0]), int(groups[1]), _year(groups[2], century_hint)
        if second > 12 >= first:  # an American 10/14/50
            first, second = second, first
        return _day_range(year, second, first, text)
    if kind == "my_name":
        return _month_range(int(groups[1]), MONTHS[groups[0].lower()], text)
    if kind in ("ymd_cjk", "compact"):
        return _day_range(int(groups[0]), int(groups[1]), int(groups[2]), text)
    if kind == "ym_cjk":
        return _month_range(int(groups[0]), int(groups[1]), text)
    if kind == "ymd_cjk_numerals":
        year = int("".join(str(_CJK_VALUE[ch]) for ch in groups[0]))
        return _day_range(year, _cjk_number(groups[1]), _cjk_number(groups[2]), text)
    if kind == "y":
        year = int(groups[0])
        return DateInfo(f"{year:04d}-01-01", f"{year:04d}-12-31", "year", text)
    raise ValueError(kind)


def _cjk_number(text: str) -> int:
    """十 = 10, 十三 = 13, 二十二 = 22, 三一 = 31 (digit by digit)."""
    if "十" not in text:
        return int("".join(str(_CJK_VALUE[ch]) for ch in text))
    tens, _, units = text.partition("十")
    return (_CJK_VALUE[tens] if tens else 1) * 10 + (_CJK_VALUE[units] if units else 0)


def parse_date(text: str, century_hint: int = 1900) -> DateInfo:
    """The most precise date found in ``text``, or UNKNOWN.

    Patterns are tried from the most to the least specific, so "May 13, 1950" wins over "1950".
    """
    for pattern, kind in _PATTERNS:
        for match in pattern.finditer(text):
            info = _from_match(match, kind, century_hint)
            if info is not None:
                return info
    return UNKNOWN


# A piece of every match of find_dates' patterns (a year after a space ends the named forms, then the
# ISO, Roman and numeric ones): most texts it is given hold none, and one scan for these costs less
# than the five patterns (the importer hands it every line with four digits in it; issue 16). Each
# piece written from its first digit, so the search leaps from digit to digit (it tried four branches
# at every place) and finds one where this does:
# \s{_YEAR}\b|\d-\d\d-\d|\d\s?\.\s?[IVXУХІ]|\d[./]\d
_MAYBE_A_DAY = re.compile(r"\d(?:(?<=\s1)[5-9]\d\d\b|(?<=\s2)0\d\d\b|-\d\d-\d|\s?\.\s?[IVXУХІ]|[./]\d)")


def find_dates(text: str, century_hint: int = 1900) -> list[DateInfo]:
    """Every day-precise date written in ``text``, in order of appearance, without repeats."""
    if _MAYBE_A_DAY.search(text) is None:
        return []
    found: list[tuple[int, DateInfo]] = []
    for pattern, kind in _PATTERNS[:5]:
        for match in pattern.finditer(text):
            info = _from_match(match, kind, century_hint)
            if info is not None:
                found.append((match.start(), info))
    found.sort(key=lambda pair: pair[0])
    seen: set[str | None] = set()
    result = []
    for _, info in found:
        if info.start not in seen:
            seen.add(info.start)
            result.append(info)
    return result


def is_date_line(line: str) -> DateInfo | None:
    """A line that is nothing but a date (the dateline of a Wilson Center page), or None."""
    stripped = _DATELINE_DRESSING.sub("", line.strip().strip("*").strip()).strip()
    if not stripped or len(stripped) > 40:
        return None
    info = parse_date(stripped)
    if info.known and len(info.text) >= len(stripped) - 2:
        return info
    partial = _month_day(stripped)
    if partial is not None and len(partial.text) >= len(stripped) - 1:
        return partial
    return None


# What datelines carry around the date itself: brackets, "г."/"года" (year), a trailing point.
_DATELINE_DRESSING = re.compile(r"^[(（\[]\s*|\s*[)）\]]$|\s+(?:г\.?|года|year)\s*\.?$|(?<=\d)\s*г\.$", re.I)
_MONTH_DAY = [
    (re.compile(r"(\d{1,2})\s?[月월]\s?(\d{1,2})\s?[日일]"), (1, 2)),
    (re.compile(rf"\b({_MONTH_NAMES})\.?\s+(\d{{1,2}})\b", re.I), (1, 2)),
    (re.compile(rf"\b(\d{{1,2}})\s+({_MONTH_NAMES})\b", re.I), (2, 1)),
]


def _month_day(text: str, year: int = 0) -> DateInfo | None:
    """A date written without its year ("12月22日", "May 13", "13 мая"); year 0 keeps only the text."""
    for pattern, (month_group, day_group) in _MONTH_DAY:
        match = pattern.search(text)
        if match is None:
            continue
        month_text, day_text = match.group(month_group), match.group(day_group)
        month = int(month_text) if month_text.isdigit() else MONTHS[month_text.lower()]
        if year:
            return _day_range(year, month, int(day_text), match.group(0))
        return DateInfo(None, None, "unknown", match.group(0)) if 1 <= month <= 12 else None
    return None


def date_in_year(text: str, year: int) -> DateInfo:
    """A date written without its year, placed in ``year`` (the year the page gives elsewhere)."""
    return _month_day(text, year) or UNKNOWN


# -- day numbers, ranges and bins ---------------------------------------------------------------
# Pure date maths shared by the store's listing (date filters, the timeline's histogram) and the
# timeline widget: a day is a proleptic ordinal (``date.toordinal()``), a float where it is a
# position on an axis. Dates travel between them as ``date`` values, never as text to reparse.

_ISO_PREFIX = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


def day_of(value: date | str | None) -> float | None:
    """A date (or ISO text) as a day number, or None when absent or unreadable."""
    if isinstance(value, date):
        return float(value.toordinal())
    if not value:
        return None
    try:
        return float(date.fromisoformat(value[:10]).toordinal())
    except ValueError:
        return None


def date_of_day(day: float) -> date:
    """The date a day number falls on (clamped to the dates Python can hold)."""
    return date.fromordinal(min(max(math.floor(day), 1), date.max.toordinal()))


def iso_of(day: float) -> str:
    return date_of_day(day).isoformat()


def year_before(day: date) -> date:
    """The same day a year earlier (1 March for 29 February): a date's widest precision is a year,
    so a range overlapping ``day`` starts no earlier than this."""
    if day.year == 1:
        return date.min
    try:
        return day.replace(year=day.year - 1)
    except ValueError:  # 29 February
        return date(day.year - 1, 3, 1)


def years_overlapped(start: date | str | None, end: date | str | None, most: int = 60) -> list[int]:
    """The years a range overlaps; none for an open range or one of ``most`` years or more."""
    if not start or not end:
        return []
    first = start.year if isinstance(start, date) else int(start[:4])
    last = end.year if isinstance(end, date) else int(end[:4])
    if last < first or last - first >= most:
        return []
    return list(range(first, last + 1))


def parse_bound(text: str, end: bool) -> date | None:
    """What a person types as one end of a range: "1950" or "1950-05" widen to the whole year or
    month (its last day when ``end``); None if blank or not a date."""
    found = _ISO_PREFIX.match(text.strip())
    if not found:
        return None
    year, month, day = (int(part) if part else None for part in found.groups())
    assert year is not None
    try:
        if month is None:
            return date(year, 12, 31) if end else date(year, 1, 1)
        if day is None:
            return date(year, month, calendar.monthrange(year, month)[1] if end else 1)
        return date(year, month, day)
    except ValueError:
        return None


@dataclass(frozen=True)
class DateRange:
    """An inclusive range of days; an end left open is None."""

    start: date | None = None
    end: date | None = None

    @classmethod
    def of_days(cls, first: float, last: float) -> DateRange:
        """The days between two axis positions, in either order (the last one included)."""
        low, high = sorted((first, last))
        return cls(date_of_day(low), date_of_day(high))

    def days(self) -> tuple[float, float] | None:
        """[first day, day after the last) on the axis, or None for an open range."""
        if self.start is None or self.end is None:
            return None
        return float(self.start.toordinal()), float(self.end.toordinal() + 1)

    def __bool__(self) -> bool:
        return self.start is not None or self.end is not None


def monthly_bins(first: date, last: date, bins: int) -> bool:
    """Whether a histogram of ``bins`` slices over [first, last] is better counted per month."""
    return ((last - first).days + 1) / max(bins, 1) >= 31


def bin_counts(counted: Iterable[tuple[str, int]], first: date, last: date, bins: int, by_month: bool) -> list[int]:
    """Counts per day ("1950-05-13") or month ("1950-05") put into ``bins`` equal slices of
    [first, last]; a month counts at its middle, and unreadable dates are skipped."""
    span = (last - first).days + 1
    counts = [0] * bins
    for when, number in counted:
        try:
            day = date.fromisoformat(f"{when}-15" if by_month else when[:10])
        except ValueError:
            continue
        bucket = int((day - first).days * bins / span)
        counts[min(max(bucket, 0), bins - 1)] += number
    return counts
