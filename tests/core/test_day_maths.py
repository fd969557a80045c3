"""Day numbers, ranges and bins: the date maths the list's date filter and the timeline share."""

from __future__ import annotations

from datetime import date

import pytest

from viewer.core.dates import (
    DateRange,
    bin_counts,
    date_of_day,
    day_of,
    iso_of,
    monthly_bins,
    parse_bound,
    year_before,
    years_overlapped,
)


def test_days_and_dates_go_back_and_forth():
    day = day_of("1950-05-14")
    assert day == float(date(1950, 5, 14).toordinal()) == day_of(date(1950, 5, 14))
    assert day_of("1950-05-14T10:00") == day  # only the date counts
    assert day_of(None) is None and day_of("") is None and day_of("1950-13-01") is None
    assert date_of_day(day + 0.99) == date(1950, 5, 14)
    assert iso_of(day) == "1950-05-14"
    assert date_of_day(-5) == date.min and date_of_day(1e9) == date.max  # clamped, never an error


def test_a_year_before_keeps_the_day_or_takes_the_first_of_march():
    assert year_before(date(1950, 5, 1)) == date(1949, 5, 1)
    assert year_before(date(1952, 2, 29)) == date(1951, 3, 1)  # no 29 February in 1951
    assert year_before(date(1, 6, 1)) == date.min


def test_years_a_range_overlaps():
    assert years_overlapped(date(1950, 12, 1), date(1952, 1, 31)) == [1950, 1951, 1952]
    assert years_overlapped("1950-01-01", "1950-12-31") == [1950]
    assert years_overlapped(None, date(1950, 1, 1)) == []
    assert years_overlapped(date(1900, 1, 1), date(1999, 1, 1), most=10) == []  # too long to help an index
    assert years_overlapped(date(1951, 1, 1), date(1950, 1, 1)) == []


@pytest.mark.parametrize(
    ("text", "end", "expected"),
    [
        ("1950", False, date(1950, 1, 1)),
        ("1950", True, date(1950, 12, 31)),
        ("1950-05", False, date(1950, 5, 1)),
        ("1950-05", True, date(1950, 5, 31)),
        ("1952-02", True, date(1952, 2, 29)),
        (" 1950-05-14 ", True, date(1950, 5, 14)),
        ("1950-02-30", False, None),
        ("1950-13", True, None),
        ("195", False, None),
        ("", True, None),
    ],
)
def test_what_a_person_types_as_a_bound(text, end, expected):
    assert parse_bound(text, end) == expected


def test_a_range_of_days_on_the_axis():
    may = DateRange.of_days(day_of("1950-05-31") + 0.7, day_of("1950-05-01") + 0.2)  # dragged right to left
    assert may == DateRange(date(1950, 5, 1), date(1950, 5, 31))
    assert may.days() == (day_of("1950-05-01"), day_of("1950-06-01"))  # the last day included
    assert DateRange(date(1950, 5, 1), None).days() is None
    assert not DateRange() and DateRange(None, date(1950, 1, 1))


def test_counts_per_day_or_month_fall_into_equal_bins():
    first, last = date(1950, 1, 1), date(1950, 12, 31)
    assert monthly_bins(first, last, 10) and not monthly_bins(first, last, 12)  # a slice of 31 days or more
    by_month = bin_counts([("1950-01", 3), ("1950-06", 2), ("1950-12", 1), ("bad", 9)], first, last, 12, True)
    assert by_month == [3, 0, 0, 0, 0, 2, 0, 0, 0, 0, 0, 1]
    by_day = bin_counts([("1950-01-01", 1), ("1950-12-31", 4), ("1949-12-31", 5)], first, last, 2, False)
    assert by_day == [6, 4]  # a date outside the range goes to the nearest bin
