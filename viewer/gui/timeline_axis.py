"""The timeline's axis: the ticks of a visible range, the markers, the limits of a view.

No widgets, so the kiosk, the bench and tests share it; days as numbers and back are
``viewer.core.dates`` (the store bins the histogram with the same maths).
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import QCoreApplication

from .i18n import QT_TRANSLATE_NOOP

MARKER_LIMIT = 200
BAR_PX = 5
MIN_SPAN_DAYS = 7.0
MAX_SPAN_DAYS = 366.0 * 600
PAD = 16
MONTHS = (
    QT_TRANSLATE_NOOP("Timeline", "Jan"),
    QT_TRANSLATE_NOOP("Timeline", "Feb"),
    QT_TRANSLATE_NOOP("Timeline", "Mar"),
    QT_TRANSLATE_NOOP("Timeline", "Apr"),
    QT_TRANSLATE_NOOP("Timeline", "May"),
    QT_TRANSLATE_NOOP("Timeline", "Jun"),
    QT_TRANSLATE_NOOP("Timeline", "Jul"),
    QT_TRANSLATE_NOOP("Timeline", "Aug"),
    QT_TRANSLATE_NOOP("Timeline", "Sep"),
    QT_TRANSLATE_NOOP("Timeline", "Oct"),
    QT_TRANSLATE_NOOP("Timeline", "Nov"),
    QT_TRANSLATE_NOOP("Timeline", "Dec"),
)

# the same names after a day number ("14 May"), where a language may inflect them
MONTHS_AFTER_DAY = (
    QT_TRANSLATE_NOOP("Timeline day", "Jan"),
    QT_TRANSLATE_NOOP("Timeline day", "Feb"),
    QT_TRANSLATE_NOOP("Timeline day", "Mar"),
    QT_TRANSLATE_NOOP("Timeline day", "Apr"),
    QT_TRANSLATE_NOOP("Timeline day", "May"),
    QT_TRANSLATE_NOOP("Timeline day", "Jun"),
    QT_TRANSLATE_NOOP("Timeline day", "Jul"),
    QT_TRANSLATE_NOOP("Timeline day", "Aug"),
    QT_TRANSLATE_NOOP("Timeline day", "Sep"),
    QT_TRANSLATE_NOOP("Timeline day", "Oct"),
    QT_TRANSLATE_NOOP("Timeline day", "Nov"),
    QT_TRANSLATE_NOOP("Timeline day", "Dec"),
)


def month_name(month: int) -> str:
    """A month's short name on its own (an axis tick), in the interface's language."""
    return QCoreApplication.translate("Timeline", MONTHS[month - 1])


def day_month(day: int, month: int) -> str:
    """A day and its month's short name, "14 May" (Russian puts the month in the genitive, "14 мая")."""
    return f"{day} {QCoreApplication.translate('Timeline day', MONTHS_AFTER_DAY[month - 1])}"


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
                label = day_month(value.day, value.month)
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
                label = month_name(value.month) + (f" {value.year}" if value.month == 1 or not result else "")
                result.append((float(value.toordinal()), label))
                if value.year >= 9999 and value.month + months > 12:
                    break
                value = _add_months(value, months)
            return result
    years = next((y for y in (1, 2, 5, 10, 20, 50, 100, 200, 500, 1000) if want <= y * 365.25), 1000)
    year = max(1, (first.year // years) * years)
    while year <= 9999 and date(year, 1, 1).toordinal() <= last_day:
        decade = years >= 10 and year % 10 == 0
        label = QCoreApplication.translate("Timeline", "{year}s", "a decade").format(year=year) if decade else str(year)
        if year >= first.year or year == 1:
            result.append((float(date(year, 1, 1).toordinal()), label))
        year += years
    return result


@dataclass(frozen=True)
class LabelSlot:
    """Where a marker's label goes: a lane (0 at the top), its left edge and width in pixels, and
    whether it runs right from the marker or ends at it (near the right edge)."""

    lane: int
    left: float
    width: float
    rightward: bool


def place_labels(
    xs: list[float],
    natural: list[float],
    lanes: int,
    edges: tuple[float, float],
    must: list[int],
    min_width: float | Sequence[float],
    gap: float = 8.0,
    lead: float = 3.0,
    crosses: Callable[[int, float, float], bool] | None = None,
    always: Collection[int] = (),
) -> dict[int, LabelSlot]:
    """Labels for markers at ``xs`` whose full labels are ``natural`` pixels wide, in ``lanes``
    lanes between ``edges``, never overlapping. The markers in ``must`` (the selected one, the
    first, the last) are placed first and may take up to half the width; the others, from left to
    right, take the room up to the marker that will want the same lane next. A label runs to the
    right of its marker, or ends at it where the right has no room. A label narrower than its
    ``min_width`` (one for all, or one per marker) would say too little: the marker goes without.
    ``crosses(lane, left, right)`` says where something drawn (a reply arc) runs: a label keeps clear
    of it, save those ``always`` labelled (the selected document), which go across it where nothing
    else is left. Returns marker index -> slot."""
    least = [float(min_width)] * len(xs) if isinstance(min_width, int | float) else list(min_width)
    left_edge, right_edge = edges
    taken = [_Lane(gap) for _ in range(max(lanes, 0))]
    slots: dict[int, LabelSlot] = {}
    order = sorted(range(len(xs)), key=lambda i: xs[i])
    rank = {index: number for number, index in enumerate(order)}

    def place(index: int, caps: tuple[float, float]) -> None:
        x, want = xs[index], natural[index]
        floor = min(least[index], want)
        # the best so far: its key (clear, weighted width, -lane, -side) and where it goes; a slot is
        # made for the winner only (making one per candidate was a good part of a paint)
        best: tuple[bool, float, int, int] | None = None
        where = (0, 0.0, 0.0, True)
        for lane, spans in enumerate(taken):
            lows, highs = spans.lows, spans.highs
            for side, start in enumerate((x + lead, x - lead)):
                # the room around ``start``: the labels before ``at`` end (with their gap) left of it;
                # found here, not by a call (ten a marker), and only on the side the label runs to
                at = bisect_left(highs, start)
                if at < len(lows) and lows[at] <= start:
                    continue  # within a label or its gap
                if side == 0:
                    high = lows[at] if at < len(lows) and lows[at] < right_edge else right_edge
                    space = high - start
                else:
                    low = highs[at - 1] if at and highs[at - 1] > left_edge else left_edge
                    space = start - low
                width = min(want, caps[side], space)
                if width < floor:
                    continue
                weighted = width * (1.0 if side == 0 else 0.7)  # rightward reads better
                if best is not None and best[0] and (weighted, -lane, -side) <= best[1:]:
                    continue  # loses even if clear of the arcs: no need to ask
                left = start if side == 0 else start - width
                clear = crosses is None or not crosses(lane, left, left + width)
                if not clear and index not in always:
                    continue
                key = (clear, weighted, -lane, -side)
                if best is None or key > best:
                    best, where = key, (lane, left, width, side == 0)
        if best is not None:
            lane, left, width, rightward = where
            taken[lane].add(left, left + width)
            slots[index] = LabelSlot(lane, left, width, rightward)

    step = max(lanes, 1)

    def share(index: int) -> tuple[float, float]:
        later, earlier = rank[index] + step, rank[index] - step
        right = xs[order[later]] - xs[index] - gap - lead if later < len(order) else right_edge - xs[index]
        left = xs[index] - xs[order[earlier]] - gap - lead if earlier >= 0 else xs[index] - left_edge
        return max(right, least[index]), max(left, least[index])

    for number, index in enumerate(dict.fromkeys(i for i in must if 0 <= i < len(xs))):
        half = max((right_edge - left_edge) * 0.5, least[index])
        place(index, (half, half) if number == 0 else share(index))
    for index in order:
        if index not in slots:
            place(index, share(index))
    return slots


class _Lane:
    """A lane's labels, as the stretches each keeps clear (its edges widened by the gap), sorted, so
    that where a point is free is found by bisection rather than by a walk over every label (that walk
    was half of a marker paint). A label is placed only in the room between its neighbours, so the
    stretches' starts and ends sort alike."""

    __slots__ = ("gap", "highs", "lows")

    def __init__(self, gap: float):
        self.gap = gap
        self.lows: list[float] = []  # a label's left edge - gap, ascending
        self.highs: list[float] = []  # its right edge + gap, in the same order

    def add(self, left: float, right: float) -> None:
        at = bisect_right(self.lows, left - self.gap)
        self.lows.insert(at, left - self.gap)
        self.highs.insert(at, right + self.gap)
