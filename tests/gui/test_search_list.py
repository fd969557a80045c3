"""While searching, the list shows results (issue 18) and answers at once however many match (issue 16):
relevance order by default (switchable, remembered), a snippet line per row with the hit marked, the
number found; a fast retype shows nothing of the query it replaced; the GUI thread reads a bounded
first screen and leaves the counting to a worker.

The archive is a synthetic one of 2,400 documents made with the bench's generator and the real importer.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QComboBox

from viewer.bench.synthetic import VOCABULARY, ranks_with_share, write_files
from viewer.core import folding
from viewer.core.store import Archive, Filters
from viewer.core.store.screens import PROBE
from viewer.gui import background, document_model, filters, timeline
from viewer.gui.document_model import COL_TITLE
from viewer.gui.roles import ID_ROLE, SNIPPET_ROLE

from .helpers import shown

DOCUMENTS = 2400


@pytest.fixture(scope="module")
def synthetic(tmp_path_factory):
    from viewer.core.importers.batch import import_all

    folder = tmp_path_factory.mktemp("synthetic")
    write_files(folder / "files", DOCUMENTS)
    path = folder / "synthetic.db"
    with Archive(path) as archive:
        summary = import_all(archive, [folder / "files"])
        assert summary.count("imported") == DOCUMENTS
    return path


@pytest.fixture
def main(qtbot, synthetic, tmp_path):
    from viewer.gui.main_window import MainWindow

    window = shown(qtbot, MainWindow(synthetic, settings=_settings(tmp_path), restore=False), (1280, 800))
    yield window
    window.runner.wait(10000)


@pytest.fixture
def large(monkeypatch):
    """Make the 2,400 documents count as a large archive: counts, orders, facets and timeline on workers."""
    for module in (background, document_model, filters, timeline):
        monkeypatch.setattr(module, "LARGE_ARCHIVE", 0)


def _settings(folder) -> QSettings:
    return QSettings(str(folder / "settings.ini"), QSettings.Format.IniFormat)


def _word(low: float, high: float) -> str:
    return VOCABULARY[ranks_with_share(low, high)[0]]


def _ids(window) -> list[int]:
    model = window.model
    return [model.index(row, 0).data(ID_ROLE) for row in range(model.rowCount())]


def _search(qtbot, window, text: str) -> None:
    window.filter_bar.set_query(text)
    qtbot.waitUntil(lambda: window.model.count_known and not window.runner.busy(), timeout=20000)


def test_relevance_puts_a_title_hit_above_a_body_only_hit(qtbot, main):
    archive = main.archive
    _search(qtbot, main, "Molotov")
    assert main.model.sort_key == "relevance" and main.findChild(QComboBox, "search_order").isVisible()
    rows = [main.archive.record(i) for i in _ids(main)[:400]]
    in_title = [n for n, record in enumerate(rows) if "molotov" in record.title.lower()]
    body_only = [n for n, record in enumerate(rows) if "molotov" not in record.title.lower()]
    assert in_title and body_only, "the query must find both kinds"
    assert in_title[0] == 0 and in_title[0] < body_only[0]  # the best match first: a title hit
    assert main.model.rowCount() == archive.count(Filters(query="Molotov"))


def test_each_row_has_a_snippet_with_the_query_word_marked(qtbot, main):
    word = _word(0.05, 0.2)
    _search(qtbot, main, word)
    model = main.model
    main.document_list.viewport().repaint()
    qtbot.waitUntil(lambda: model.index(0, COL_TITLE).data(SNIPPET_ROLE) is not None, timeout=10000)
    for row in range(min(model.rowCount(), 5)):
        qtbot.waitUntil(lambda r=row: model.index(r, COL_TITLE).data(SNIPPET_ROLE) is not None, timeout=10000)
        text, spans = model.index(row, COL_TITLE).data(SNIPPET_ROLE)
        assert spans, text
        assert any(folding.strip_diacritics(text[a:b]).lower().startswith(word) for a, b in spans), (text, spans)
    assert main.document_list.verticalHeader().defaultSectionSize() >= 2 * main.document_list.fontMetrics().height()
    main.document_list.grab()  # the delegate paints title and snippet without a warning
    main.filter_bar.set_query("")
    assert main.document_list.verticalHeader().defaultSectionSize() < 2 * main.document_list.fontMetrics().height()
    assert model.index(0, COL_TITLE).data(SNIPPET_ROLE) is None  # no snippet line while browsing


def test_the_count_label_says_what_the_archive_counts(qtbot, main):
    word = _word(0.6, 0.9)
    _search(qtbot, main, word)
    found = main.archive.count(Filters(query=word))
    assert found > PROBE  # more than the first screen reads: the label's figure is the whole count
    assert main.model.rowCount() == found
    assert main.filter_bar.summary.text().startswith(f"{found:,} documents")


def test_date_order_can_be_chosen_and_is_remembered(qtbot, main, tmp_path):
    word = _word(0.05, 0.2)
    _search(qtbot, main, word)
    relevance = _ids(main)
    choice = main.findChild(QComboBox, "search_order")
    choice.activated.emit(choice.findData("date"))
    dated = _ids(main)
    assert sorted(dated) == sorted(relevance) and dated != relevance
    dates = [main.archive.document_row(i).date_start or "9999" for i in dated]
    assert dates == sorted(dates)
    main.filter_bar.set_query("")  # browsing: date order, no choice shown
    assert main.model.sort_key == "date" and not choice.isVisible()
    _search(qtbot, main, _word(0.2, 0.3))
    assert main.model.sort_key == "date"  # the choice made while searching is kept for the next search
    assert _settings(tmp_path).value("list/search_sort") == "date"
    choice.activated.emit(choice.findData("relevance"))
    assert main.model.sort_key == "relevance"


def test_a_fast_retype_shows_nothing_of_the_query_it_replaced(qtbot, main, large):
    bar = main.filter_bar
    first, second = _word(0.9, 1.0), _word(0.001, 0.01)
    bar.set_query(first)  # a word in nearly every document: its order and count go to a worker
    assert not main.model.count_known
    bar.set_query(second)  # typed again before the worker answered
    qtbot.waitUntil(lambda: main.model.count_known and not main.runner.busy(), timeout=20000)
    main.runner.wait(10000)
    qtbot.wait(50)  # anything the first query's workers still sent has arrived
    wanted = {hit for hit in main.archive.order(main.archive.select(Filters(query=second)))}
    assert set(_ids(main)) == wanted and main.model.rowCount() == len(wanted)
    assert main.filter_bar.summary.text().startswith(f"{len(wanted):,} document")


def test_a_keystroke_reads_a_bounded_first_screen_on_the_gui_thread(qtbot, main, large):
    """Timing-free: on the window's connection a dense query runs only statements bounded by a LIMIT or
    by the rowid range of the first matches; counting, ordering every match, the facets and the timeline
    run on workers."""
    statements: list[str] = []
    main.runner.wait(10000)
    main.archive.conn.set_trace_callback(statements.append)
    try:
        main.filter_bar.set_query(_word(0.9, 1.0))
        main.timeline.grab()
    finally:
        main.archive.conn.set_trace_callback(None)
    ours = [s for s in statements if not s.startswith("--")]
    searching = [s for s in ours if " MATCH " in s]
    assert searching and all(" LIMIT " in s or " BETWEEN " in s for s in searching), "\n".join(searching)
    assert not [s for s in ours if "GROUP BY" in s or "matched_documents" in s or "count(*) FROM documents d" in s]
    assert not main.model.count_known and main.model.rowCount() <= document_model.WINDOW
    qtbot.waitUntil(lambda: main.model.count_known, timeout=20000)
    assert main.model.rowCount() == main.archive.count(Filters(query=_word(0.9, 1.0)))


def test_the_open_document_stays_selected_when_a_facet_is_chosen(qtbot, main, large):
    """A facet alone is counted at once and its order not read: the open document, beyond the first
    screen of the facet's rows, is still found and selected (by its position on the date index)."""
    from viewer.gui.document_model import NEAR_ROWS, WINDOW

    archive = main.archive
    language, count = max(archive.facet_counts("language"), key=lambda pair: pair[1])
    assert WINDOW + 10 < count < NEAR_ROWS
    row = count - 5
    (wanted,) = archive.page(Filters(language=language), offset=row, limit=1)
    main.open_document(wanted.id)
    main.filter_bar.choose("language", language)
    assert main.model.count_known and main.model.rowCount() == count
    assert main.document_list.currentIndex().row() == row
    assert main.model.document_id(row) == wanted.id
