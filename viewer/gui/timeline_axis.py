"""The timeline's axis: the ticks of a visible range, the markers, the limits of a view.

No widgets, so the kiosk, the bench and tests share it; days as numbers and back are
``viewer.core.dates`` (the store bins the histogram with the same maths).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

MARKER_LIMIT = 200
BAR_PX = 5
MIN_SPAN_DAYS = 7.0
MAX_SPAN_DAYS = 366.0 * 600
PAD = 16
MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


@dataclass
class Marker:
    id: int
    key: str
    day: float
    iso: str
    title: str
    x: float = 0.0
    y: float = 0.0


def _add_months(value: date, months: int) -> date:
    total = value.year * 12 + value.month - 1 + months
    return date(total // 12, total % 12 + 1, 1)


def ticks(start: float, end: float, width: float, min_gap: float = 90.0) -> list[tuple[float, str]]:
    """Tick days and labels for the visible range; the unit adapts from decades to days."""
    span = max(end - start, 1e-6)
    per_px = span / max(width, 1.0)
    want = per_px * min_gap  # days between ticks at least
    first = date.fromordinal(min(max(int(start), 1), date.max.toordinal()))
    last_day = min(int(end) + 1, date.max.toordinal())
    result: list[tuple[float, str]] = []
    if want <= 1:
        step = 1
    elif want <= 7:
        step = 7
    else:
        step = 0
    if step:
        day = int(start)
        if step == 7:
            day -= date.fromordinal(max(day, 1)).weekday()
        while day <= last_day:
            if day >= max(start, 1):
                value = date.fromordinal(day)
                label = f"{value.day} {MONTHS[value.month - 1]}"
                if value.day <= step or not result:
                    label += f" {value.year}"
                result.append((float(day), label))
            day += step
        return result
    for months in (1, 3, 6):
        if want <= months * 30.5:
            value = date(first.year, ((first.month - 1) // months) * months + 1, 1)
            while value.toordinal() <= last_day:
                if value.toordinal() < start:
                    value = _add_months(value, months)
                    continue
                label = MONTHS[value.month - 1] + (f" {value.year}" if value.month == 1 or not result else "")
                result.append((float(value.toordinal()), label))
                if value.year >= 9999 and value.month + months > 12:
                    break
                value = _add_months(value, months)
            return result
    years = next((y for y in (1, 2, 5, 10, 20, 50, 100, 200, 500, 1000) if want <= y * 365.25), 1000)
    year = max(1, (first.year // years) * years)
    while year <= 9999 and date(year, 1, 1).toordinal() <= last_day:
        label = f"{year}s" if years >= 10 and year % 10 == 0 else str(year)
        if year >= first.year or year == 1:
            result.append((float(date(year, 1, 1).toordinal()), label))
        year += years
    return result
