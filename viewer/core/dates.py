"""Dates as archives write them, turned into ISO ranges with a precision.

Telegrams date themselves in many ways ("May 13, 1950", "13/5-50", "16.V.50 г.", "16.У 1950 г.",
"October 1950", "1950"); the timeline and the list need a sortable start and end, and the reader
needs to see what the document itself said. So every parse keeps the text it came from.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass

PRECISIONS = ("day", "month", "year", "unknown")

MONTHS = {
    name: number
    for number, names in enumerate(
        [
            (),
            ("january", "jan", "января", "январь", "янв"),
            ("february", "feb", "февраля", "февраль", "фев"),
            ("march", "mar", "марта", "март", "мар"),
            ("april", "apr", "апреля", "апрель", "апр"),
            ("may", "мая", "май"),
            ("june", "jun", "июня", "июнь", "июн"),
            ("july", "jul", "июля", "июль", "июл"),
            ("august", "aug", "августа", "август", "авг"),
            ("september", "sep", "sept", "сентября", "сентябрь", "сен"),
            ("october", "oct", "октября", "октябрь", "окт"),
            ("november", "nov", "ноября", "ноябрь", "ноя"),
            ("december", "dec", "декабря", "декабрь", "дек"),
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

_MONTH_NAMES = "|".join(sorted((re.escape(m) for m in MONTHS), key=len, reverse=True))
_YEAR = r"(1[5-9]\d\d|20\d\d)"

# Each pattern: (regex, kind). Kinds say how groups map to year/month/day.
_PATTERNS: list[tuple[re.Pattern[str], str]] = [
    # May 13, 1950 / May 13 1950
    (re.compile(rf"\b({_MONTH_NAMES})\.?\s+(\d{{1,2}}),?\s+{_YEAR}\b", re.I), "mdy_name"),
    # 13 May 1950 / 13 мая 1950 г.
    (re.compile(rf"\b(\d{{1,2}})\s+({_MONTH_NAMES})\.?,?\s+{_YEAR}\b", re.I), "dmy_name"),
    # 1950-05-13
    (re.compile(r"\b(1[5-9]\d\d|20\d\d)-(\d\d)-(\d\d)\b"), "iso"),
    # 16.V.50 / 16.У 1950 / 10.IV.50. (Roman month, lookalikes allowed)
    (re.compile(r"(?<![\w.])(\d{1,2})\s?\.\s?([IVXУХІ]{1,4})\s?\.?\s?(\d{4}|\d{2})(?!\d)"), "dmy_roman"),
    # 13.05.1950 / 13.5.50 / 13/5-50 / 13/5/1950
    (re.compile(r"(?<![\w./])(\d{1,2})[./](\d{1,2})[./-](\d{4}|\d{2})(?![\d/])"), "dmy_num"),
    # October 1950 / октябрь 1950
    (re.compile(rf"\b({_MONTH_NAMES})\.?,?\s+{_YEAR}\b", re.I), "my_name"),
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
    if kind == "y":
        year = int(groups[0])
        return DateInfo(f"{year:04d}-01-01", f"{year:04d}-12-31", "year", text)
    raise ValueError(kind)


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


def find_dates(text: str, century_hint: int = 1900) -> list[DateInfo]:
    """Every day-precise date written in ``text``, in order of appearance, without repeats."""
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
    stripped = line.strip().strip("*").strip()
    if not stripped or len(stripped) > 40:
        return None
    info = parse_date(stripped)
    if info.known and len(info.text) >= len(stripped) - 2:
        return info
    return None
