"""What a search shows in the list and its bar: the number found, an empty result said and the panel
cleared; the filters' popups wide enough for whole names."""

from __future__ import annotations

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


def test_filter_popups_are_wide_enough_for_names(window):
    window.resize(1024, 600)
    for facet, combo in window.filter_bar.combos.items():
        view = combo.view()
        metrics = combo.fontMetrics()
        widest = max(metrics.horizontalAdvance(combo.itemText(i)) for i in range(combo.count()))
        assert view.minimumWidth() > widest, facet  # the popup never elides a value
    person = window.filter_bar.combos["person"]
    assert any(person.itemText(i).startswith("Mao Zedong (") for i in range(person.count()))
    assert person.width() < person.view().minimumWidth()  # the box is narrow, its popup is not
