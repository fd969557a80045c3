"""The list model: sorted and filtered in SQL, rows fetched in small windows, even at 100,000."""

from __future__ import annotations

import random
from datetime import date

import pytest
from PySide6.QtCore import Qt

from viewer.core.dates import DateRange
from viewer.core.store import Archive, Filters
from viewer.gui.document_list import DocumentList
from viewer.gui.document_model import WINDOW, DocumentTableModel
from viewer.gui.roles import ID_ROLE
from viewer.gui.timeline import Timeline

from .helpers import shown

TYPES = ("Telegram", "Letter", "Memorandum", "Cable", "Report")
LANGUAGES = ("Russian", "Chinese", "Korean", "English", None)


def test_model_passes_the_model_tester(qtmodeltester, seeded):
    model = DocumentTableModel(seeded)
    qtmodeltester.check(model)
    model.sort(1, Qt.SortOrder.DescendingOrder)
    qtmodeltester.check(model)
    model.set_filters(Filters(query="Stalin"))
    qtmodeltester.check(model)


def test_model_reads_what_the_store_selects(seeded):
    model = DocumentTableModel(seeded)
    assert [model.index(r, 0).data() for r in range(5)] == sorted(model.index(r, 0).data() for r in range(5))
    model.set_filters(Filters(doc_type="Cable"))
    assert model.rowCount() == 1
    assert model.index(0, 4).data() == "· · E"
    assert model.index(0, 4).data(Qt.ItemDataRole.ToolTipRole) == "Has translation"
    assert model.row_of(model.index(0, 0).data(ID_ROLE)) == 0


@pytest.fixture(scope="module")
def big_archive(tmp_path_factory):
    """100,000 documents written with plain INSERTs in one transaction (not through the importer)."""
    path = tmp_path_factory.mktemp("big") / "big.db"
    rng = random.Random(7)
    with Archive(path) as archive:
        rows = []
        for number in range(100_000):
            year = 1900 + rng.randrange(100)
            day = f"{year}-{rng.randrange(1, 13):02d}-{rng.randrange(1, 29):02d}"
            rows.append(
                (
                    f"doc{number:06d}",
                    f"Document {number:06d} {rng.choice(TYPES).lower()}",
                    day,
                    day,
                    "day",
                    rng.choice(TYPES),
                    rng.choice(LANGUAGES),
                    number % 3 == 0,
                    1,
                )
            )
        with archive.transaction():
            archive.conn.executemany(
                "INSERT INTO documents (key, title, date_start, date_end, date_precision, doc_type, "
                "original_language, has_transcript, has_translation) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                rows,
            )
    return path


def test_a_list_of_100000_fetches_only_a_window(qtbot, big_archive):
    archive = Archive(big_archive, readonly=True)
    model = DocumentTableModel(archive)
    view = DocumentList(model)
    qtbot.addWidget(view)
    view.resize(600, 800)
    view.show()
    qtbot.waitExposed(view)
    view.grab()  # paint: the view asks for the rows it draws
    assert model.rowCount() == 100_000
    assert 0 < model.rows_fetched <= WINDOW
    view.scrollToBottom()
    view.grab()
    assert model.index(99_999, 0).data()
    assert model.rows_fetched <= 3 * WINDOW
    view.sortByColumn(1, Qt.SortOrder.DescendingOrder)
    assert model.index(0, 1).data() == "Document 099999 " + model.index(0, 1).data().split()[-1]
    model.set_filters(Filters(doc_type="Cable", date_from=date(1950, 1, 1), date_to=date(1950, 12, 31)))
    assert 0 < model.rowCount() < 2000
    assert model.rows_fetched <= 6 * WINDOW
    archive.close()


def test_the_timeline_bins_100000_documents(qtbot, big_archive):
    archive = Archive(big_archive, readonly=True)
    timeline = shown(qtbot, Timeline(archive), (1200, 200))
    timeline.grab()
    assert timeline.mode == "histogram"
    assert sum(timeline.counts) == 100_000
    # zoomed to a few days, the same widget shows markers
    timeline.set_view(*(lambda d: (d, d + 7))(timeline.day_at(600)))
    timeline.grab()
    assert timeline.mode == "markers"
    assert 0 < len(timeline.markers) <= 200
    archive.close()


def test_the_window_opens_100000_documents_reading_a_window(qtbot, big_archive, settings):
    from viewer.gui.main_window import MainWindow

    main = MainWindow(big_archive, settings=settings)
    qtbot.addWidget(main)
    main.show()
    main.grab()
    assert main.model.rowCount() == 100_000
    assert main.model.rows_fetched <= 2 * WINDOW
    qtbot.waitUntil(lambda: main.timeline.mode == "histogram")  # a large archive's figures come from a worker
    assert main.filter_bar.summary.text() == "100,000 documents"
    main.filter_bar.choose("type", "Cable")
    cables = main.archive.count(Filters(doc_type="Cable"))
    # facets alone: counted at once by the tallies; the first screen read, not the whole order
    assert main.model.count_known and 0 < main.model.rowCount() == cables < 100_000
    assert main.filter_bar.summary.text() == f"{cables:,} of 100,000 documents"
    assert main.model.document_id(3 * WINDOW) is not None  # near the top: read by position on the date index
    assert main.model.document_id(cables - 1) is None  # far down: a worker reads the whole order first
    qtbot.waitUntil(lambda: main.model.document_id(cables - 1) is not None)
    (last,) = main.archive.page(Filters(doc_type="Cable"), offset=cables - 1, limit=1)
    assert main.model.document_id(cables - 1) == last.id
    # a date range is not tallied: the first screen at once, a worker counts the rest
    main.filter_bar.set_date_range(DateRange(date(1950, 1, 1), date(1959, 12, 31)))
    assert 0 < main.model.rowCount() <= WINDOW
    qtbot.waitUntil(lambda: main.model.count_known)
    decade = main.archive.count(main.filter_bar.filters())
    assert WINDOW < main.model.rowCount() == decade < cables
    assert main.filter_bar.summary.text() == f"{decade:,} of 100,000 documents"
