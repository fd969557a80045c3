"""The timeline's labels and reply arcs: labels use the room there is, carry the year when the view
spans years, the selected document is always labelled; reply arcs can be seen at every zoom, the
selected thread stands out, and hovering names the linked documents (as plain text)."""

from __future__ import annotations

import itertools
import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QPointF, Qt
from PySide6.QtGui import QColor, QFontMetrics, QMouseEvent, QPalette
from PySide6.QtWidgets import QApplication

from viewer.core.importers.batch import import_all
from viewer.core.store import Archive
from viewer.gui.screenshot import grab
from viewer.gui.timeline import Timeline
from viewer.gui.timeline_axis import place_labels
from viewer.gui.timeline_canvas import MIN_ARC

from ..conftest import ROOT
from .helpers import seed_id, shown


@pytest.fixture
def timeline(qtbot, seeded):
    widget = shown(qtbot, Timeline(seeded), (880, 140))
    widget.fit_all()
    return widget


def painted(widget):
    return widget.grab().toImage()


def test_the_reply_of_14_may_is_seen_at_the_default_zoom(timeline, seeded):
    """000 (13 May) and its reply 001 (14 May) are a few pixels apart when the view spans the year:
    the arc between them still rises MIN_ARC px and bulges out around the two markers."""
    cable, reply = seed_id(seeded, "000"), seed_id(seeded, "001")
    image = painted(timeline)
    [(path, source, target, relation)] = [arc for arc in timeline.arcs if {arc[1], arc[2]} == {cable, reply}]
    assert (source, target, relation) == (reply, cable, "reply_to")
    a, b = timeline.marker_position(cable), timeline.marker_position(reply)
    assert abs(a.x() - b.x()) < 10  # close indeed
    box = path.boundingRect()
    assert box.height() >= MIN_ARC - 1 and box.width() >= 20
    top = path.pointAtPercent(0.5)
    base = timeline.palette().color(QPalette.ColorRole.Base)
    around = [QColor(image.pixel(round(top.x()) + dx, round(top.y()) + dy)) for dx in (-1, 0, 1) for dy in (-1, 0, 1)]
    assert any(colour != base for colour in around)  # the arc's peak is drawn, clear of the markers


def test_the_selected_thread_stands_out_and_hovering_names_the_linked_documents(qtbot, timeline, seeded):
    cable, reply = seed_id(seeded, "000"), seed_id(seeded, "001")
    timeline.set_current(reply, "1950-05-14")
    assert timeline.selected_thread() == {cable, reply}
    text = timeline.hover_text(QPointF(timeline.marker_position(cable)))
    assert text.startswith("1950-05-13 — Cable from Roshchin to Stalin")
    assert "Answered by: 1950-05-14 — Ciphered Telegram No. 8600, Vyshinsky to Mao Zedong" in text
    painted(timeline)
    [(path, *_)] = [arc for arc in timeline.arcs if {arc[1], arc[2]} == {cable, reply}]
    over_arc = timeline.hover_text(path.pointAtPercent(0.5))
    assert over_arc.splitlines()[1] == "Replies to"
    assert over_arc.splitlines()[0].startswith("1950-05-14") and over_arc.splitlines()[2].startswith("1950-05-13")
    # the move itself, sent to the timeline: QTest's moves the global cursor, which a window left by an
    # earlier test in the process (the kiosk shots) can keep from arriving
    where = QPointF(timeline.marker_position(cable))
    buttons, keys = Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier
    move = QMouseEvent(QEvent.Type.MouseMove, where, timeline.mapToGlobal(where), buttons, buttons, keys)
    QApplication.sendEvent(timeline, move)
    assert "Answered by" in timeline.toolTip()


class CountedLinks(list):
    """The archive's links, counting how often they are walked through."""

    walks = 0

    def __iter__(self):
        CountedLinks.walks += 1
        return super().__iter__()


def test_the_link_graph_is_built_once_until_the_links_change(qtbot, timeline, seeded, monkeypatch):
    """Hovering and painting ask the links of a document and the selected thread at every move and
    paint: the links are walked once to index them, again only when they change."""
    cable, reply = seed_id(seeded, "000"), seed_id(seeded, "001")
    links = CountedLinks(seeded.all_links())
    monkeypatch.setattr(timeline.archive, "all_links", lambda: links)
    monkeypatch.setattr(CountedLinks, "walks", 0)
    timeline.invalidate()
    timeline.set_current(reply, "1950-05-14")
    where = QPointF(timeline.marker_position(cable))
    for _ in range(20):
        assert "Answered by" in timeline.hover_text(where)
        assert timeline.selected_thread() == {cable, reply}
        painted(timeline)
    assert CountedLinks.walks == 1
    monkeypatch.setattr(timeline.archive, "all_links", lambda: CountedLinks([]))  # the links are gone
    timeline.invalidate()
    assert timeline.selected_thread() == set() and "Answered by" not in timeline.hover_text(where)
    assert CountedLinks.walks == 2


def test_undated_is_said_in_the_window_language(qtbot, timeline, seeded):
    from viewer.gui import i18n

    off_screen = seed_id(seeded, "004")
    with seeded.transaction():
        seeded.write_field(off_screen, "date", {"text": "", "start": None, "end": None, "precision": "unknown"})
    timeline.invalidate()
    assert timeline.marker_position(off_screen) is None  # no day, no marker: the timeline reads its row
    try:
        i18n.install("ru")
        assert timeline.describe(off_screen).startswith("без даты — ")
    finally:
        i18n.install("en")
    timeline.invalidate()
    assert timeline.describe(off_screen).startswith("undated — ")


def test_the_selected_document_is_always_labelled_even_the_rightmost(qtbot, timeline, seeded):
    last = seed_id(seeded, "002")  # 13 October 1950, the rightmost marker
    timeline.resize(600, 110)  # a small laptop's timeline: few lanes
    for document, iso in ((last, "1950-10-13"), (seed_id(seeded, "004"), "1950-05-16")):
        timeline.set_current(document, iso)
        painted(timeline)
        assert document in timeline.labelled
    slot = timeline.labelled.get(last, None)
    assert slot is not None and slot.left + slot.width <= timeline.width()


def test_labels_use_the_room_there_is(qtbot, timeline, seeded):
    timeline.resize(1600, 200)
    painted(timeline)
    metrics = QFontMetrics(timeline.font())
    whole = [
        m
        for m in timeline.markers
        if timeline.labelled[m.id].width >= metrics.horizontalAdvance(timeline.label_text(m))
    ]
    # the first, the last and the one of 10 April have room for their whole title (once 25 characters)
    assert {m.iso for m in whole} >= {"1950-04-10", "1950-10-13"}
    assert all(len(timeline.label_text(m)) > 40 for m in whole)
    assert set(timeline.labelled) == {m.id for m in timeline.markers}  # every marker labelled


def test_labels_show_the_year_where_the_view_spans_years(timeline):
    marker = timeline.markers[0]
    timeline.set_view(timeline.start, timeline.end)
    assert timeline.label_text(marker).startswith("10 Apr  ")
    day = timeline.start
    timeline.set_view(day - 200, day + 200)  # from 1949 into 1950
    assert timeline.label_text(marker).startswith("10 Apr 1950  ")


def test_place_labels_never_overlap_and_keep_the_musts():
    xs = [10.0 + 7 * n for n in range(40)] + [590.0]
    natural = [300.0] * len(xs)
    slots = place_labels(xs, natural, 3, (0.0, 600.0), must=[len(xs) - 1, 0], min_width=60.0)
    assert len(xs) - 1 in slots and 0 in slots
    assert not slots[len(xs) - 1].rightward  # no room right of the rightmost: it ends at its marker
    by_lane: dict[int, list[tuple[float, float]]] = {}
    for slot in slots.values():
        assert slot.left >= 0 and slot.left + slot.width <= 600
        by_lane.setdefault(slot.lane, []).append((slot.left, slot.left + slot.width))
    for spans in by_lane.values():
        spans.sort()
        assert all(a[1] <= b[0] for a, b in itertools.pairwise(spans))


@pytest.fixture
def years_archive(tmp_path):
    """The seeds and the real pages of tests/data/real: documents from 1947 to 1972."""
    folder = tmp_path / "pages"
    shutil.copytree(ROOT / "resources" / "samples", folder / "seeds")
    shutil.copytree(ROOT / "tests" / "data" / "real", folder / "real", ignore=shutil.ignore_patterns("*.toml"))
    path: Path = tmp_path / "years.db"
    with Archive(path) as archive:
        import_all(archive, [folder])
    return path


@pytest.mark.slow
@pytest.mark.parametrize("size", ((1280, 800), (1024, 600)), ids=lambda s: f"{s[0]}x{s[1]}")
def test_timeline_over_several_years_screenshots(qtbot, years_archive, settings, screenshots, size):
    from viewer.gui.main_window import MainWindow

    main = MainWindow(years_archive, settings=settings)
    qtbot.addWidget(main)
    main.resize(*size)
    main.show()
    qtbot.waitExposed(main)
    main.timeline.fit_all()
    main.open_document(seed_id(main.archive, "001"))
    main.timeline.fit_all()
    first, last = main.archive.date_span()
    assert first[:4] != last[:4]
    main.timeline.grab()
    assert main.timeline.current_id in main.timeline.labelled
    grab(main).save(str(screenshots / f"timeline-years-{size[0]}x{size[1]}.png"))
    main.timeline.set_view(*(lambda d: (d - 20, d + 20))(main.timeline.current_day))
    main.timeline_pane.grab().save(str(screenshots / f"timeline-may-1950-{size[0]}x{size[1]}.png"))
    main.runner.wait(5000)


def arc_points(widget) -> list[QPointF]:
    return [path.pointAtPercent(i / 200) for path, *_ in widget.arcs for i in range(201)]


def label_words(widget, marker, metrics) -> str:
    """The title's part of a label as painted (elided to its slot), without the ellipsis."""
    label = metrics.elidedText(
        widget.label_text(marker), Qt.TextElideMode.ElideRight, round(widget.labelled[marker.id].width)
    )
    return label.split("  ", 1)[1].rstrip("…") if "  " in label else ""


def test_labels_keep_clear_of_the_reply_arcs(qtbot, years_archive, settings):
    """Around 13-14 May 1950 in a 1024-pixel window, the 13 May cable's label once ran over the arc
    of its reply: a label goes where no arc runs, or (the selected one, with no other room) is
    drawn on the background over it."""
    from viewer.gui.main_window import MainWindow

    main = shown(qtbot, MainWindow(years_archive, settings=settings), (1024, 600))
    qtbot.waitUntil(lambda: main.width() == 1024)
    cable, reply = seed_id(main.archive, "000"), seed_id(main.archive, "001")
    main.open_document(reply)
    canvas = main.timeline
    canvas.set_view(canvas.current_day - 20, canvas.current_day + 20)
    image = painted(canvas)
    assert {cable, reply} <= set(canvas.labelled)
    points = arc_points(canvas)
    assert points
    for marker in canvas.markers:
        if marker.id in canvas.labelled:
            box = canvas.label_rect(canvas.labelled[marker.id]).adjusted(-6, 0, 6, 0)  # not even touching
            assert not [p for p in points if box.contains(p)], (marker.iso, marker.title[:30], box)
    top = canvas.arcs[0][0].pointAtPercent(0.5)  # the arc is still drawn whole
    base = canvas.palette().color(QPalette.ColorRole.Base)
    assert QColor(image.pixel(round(top.x()), round(top.y()))) != base
    main.runner.wait(5000)


def test_a_label_too_short_to_say_anything_is_left_out(qtbot, years_archive, settings):
    """In the dense 1948-50 cluster of a 1024-pixel window, labels once shrank to "Te…" or "C…": a
    label shows its date and at least LABEL_TITLE_CHARS of the title (or all of it), or the marker
    goes without one (its title in the tooltip); the selected document is always labelled."""
    from viewer.gui.main_window import MainWindow
    from viewer.gui.timeline_canvas import LABEL_TITLE_CHARS

    main = shown(qtbot, MainWindow(years_archive, settings=settings), (1024, 600))
    qtbot.waitUntil(lambda: main.width() == 1024)
    main.open_document(seed_id(main.archive, "001"))
    main.timeline.fit_all()
    canvas = main.timeline
    painted(canvas)
    metrics = QFontMetrics(canvas.font())
    assert canvas.current_id in canvas.labelled
    assert len(canvas.labelled) >= 4  # the room there is still used
    short = []
    for marker in canvas.markers:
        if marker.id in canvas.labelled and marker.id != canvas.current_id:
            words = label_words(canvas, marker, metrics)
            if words != marker.title and len(words.strip()) < LABEL_TITLE_CHARS - 1:
                short.append(f"{marker.iso}: {words!r}")
    assert short == []
    unlabelled = next(m for m in canvas.markers if m.id not in canvas.labelled)
    assert unlabelled.title in canvas.hover_text(QPointF(unlabelled.x, unlabelled.y))
    main.runner.wait(5000)
