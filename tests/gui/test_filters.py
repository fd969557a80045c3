"""The filter bar: a date range typed in its boxes or brushed on the timeline is one typed value."""

from __future__ import annotations

from datetime import date

from viewer.core.dates import DateRange, day_of

from .helpers import listed_keys

MAY_1950 = DateRange(date(1950, 5, 1), date(1950, 5, 31))


def test_a_month_typed_in_the_boxes_filters_the_list_and_brushes_the_timeline(qtbot, window):
    bar = window.filter_bar
    bar.date_from.setText("1950-05")
    bar.date_to.setText("1950-05")
    bar.date_to.editingFinished.emit()
    assert bar.filters().dates == MAY_1950  # "1950-05" as an end is the month's last day
    assert listed_keys(window) == ["000", "001", "004"]
    assert window.timeline.brush == MAY_1950.days()
    bar.date_to.clear()  # an emptied box applies at once; an open range shows no brush
    assert bar.filters().dates == DateRange(date(1950, 5, 1), None)
    assert window.timeline.brush is None


def test_a_brushed_range_is_shown_in_the_boxes_not_read_back_from_them(qtbot, window):
    bar = window.filter_bar
    window.timeline.select_range(MAY_1950)
    assert (bar.date_from.text(), bar.date_to.text()) == ("1950-05-01", "1950-05-31")
    assert bar.filters().dates == MAY_1950
    assert window.model.filters.date_from == date(1950, 5, 1)
    assert window.timeline.brush == (day_of("1950-05-01"), day_of("1950-06-01"))
    window.timeline.clear_range()
    assert bar.filters().dates == DateRange() and bar.date_from.text() == ""
    assert window.model.rowCount() == 5
