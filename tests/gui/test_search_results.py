"""What a search shows in the list and its bar: the number found, an empty result said and the panel
cleared; the filters' popups wide enough for whole names."""

from __future__ import annotations

import pytest

from .helpers import seed_id


def test_search_says_how_many_were_found(window):
    window.filter_bar.set_query("Vyshinsky")
    shown = window.model.rowCount()
    assert 0 < shown < window.total
    assert window.filter_bar.summary.text() == f"{shown} documents found for “Vyshinsky” (of {window.total})"


def test_an_empty_result_says_so_and_clears_the_panel(window):
    window.open_document(seed_id(window.archive, "001"))
    assert window.panel.record is not None
    window.filter_bar.set_query("zzzqxv")
    assert window.model.rowCount() == 0
    assert window.filter_bar.summary.text() == "No documents match “zzzqxv”"
    assert window.panel.record is None and window.panel.outer.currentWidget() is window.panel.empty
    assert window.annotating.pane.list.count() == 0
    window.filter_bar.set_query("")
    assert window.model.rowCount() == window.total
    assert window.filter_bar.summary.text() == f"{window.total} documents"


def opened(combo) -> None:
    """Open a filter's popup, as a click on it does, and close it again."""
    combo.showPopup()
    combo.hidePopup()


OFFSCREEN_POPUP = "This plugin does not support (raise|grabbing the keyboard)"  # offscreen has no window manager


@pytest.mark.qt_log_ignore(OFFSCREEN_POPUP)
def test_filter_popups_are_wide_enough_for_names(window):
    window.resize(1024, 600)
    for facet, combo in window.filter_bar.combos.items():
        opened(combo)
        view = combo.view()
        metrics = combo.fontMetrics()
        widest = max(metrics.horizontalAdvance(combo.itemText(i)) for i in range(combo.count()))
        assert view.minimumWidth() > widest, facet  # the popup never elides a value
    person = window.filter_bar.combos["person"]
    assert any(person.itemText(i).startswith("Mao Zedong (") for i in range(person.count()))
    assert person.width() < person.view().minimumWidth()  # the box is narrow, its popup is not


@pytest.mark.qt_log_ignore(OFFSCREEN_POPUP)
def test_the_person_filter_is_measured_once_per_change_of_its_entries(window, monkeypatch):
    """Every filter change refills the boxes; their entries are measured for the popup's width only
    when it opens, once for each new set of entries, not at every refill."""
    from PySide6.QtGui import QFontMetrics

    bar, person = window.filter_bar, window.filter_bar.combos["person"]
    measured: list[str] = []
    advance = QFontMetrics.horizontalAdvance

    def counting(metrics, text, *more):
        measured.append(text)
        return advance(metrics, text, *more)

    monkeypatch.setattr(QFontMetrics, "horizontalAdvance", counting)
    for query in ("Stalin", "Mao", ""):
        bar.set_query(query)
    bar.refresh_counts()
    entries = [person.itemText(i) for i in range(1, person.count())]  # the names, after "Any"
    assert len(entries) > 3 and not set(entries) & set(measured)  # refilled four times, measured never
    opened(person)
    assert sorted(text for text in measured if text in entries) == sorted(entries)
    opened(person)
    bar.refresh_counts()  # the same entries again: still a new fill
    opened(person)
    assert len([text for text in measured if text in entries]) == 2 * len(entries)
    assert person.view().minimumWidth() > max(advance(person.fontMetrics(), text) for text in entries)
