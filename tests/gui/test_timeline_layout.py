"""The timeline's label layout made cheaper without changing it: place_labels against the plain
walk it replaced, on many random inputs."""

from __future__ import annotations

import random
from collections.abc import Callable, Collection, Sequence
from typing import Any

import pytest
from PySide6.QtGui import QFont, QFontMetrics

from viewer.core.dates import day_of
from viewer.gui.timeline import Timeline
from viewer.gui.timeline_axis import LabelSlot, Marker, place_labels
from viewer.gui.timeline_canvas import LAYOUTS_KEPT, TimelineCanvas
from viewer.gui.timeline_labels import LabelSizes, crossing
from viewer.gui.timeline_links import LinkGraph

from .helpers import seed_id, shown


def reference_place_labels(
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
    """place_labels as it was before bisection: every lane's labels walked for every candidate."""
    least = [float(min_width)] * len(xs) if isinstance(min_width, int | float) else list(min_width)
    left_edge, right_edge = edges
    taken: list[list[tuple[float, float]]] = [[] for _ in range(max(lanes, 0))]
    slots: dict[int, LabelSlot] = {}
    order = sorted(range(len(xs)), key=lambda i: xs[i])
    rank = {index: number for number, index in enumerate(order)}

    def free(lane: int, point: float) -> tuple[float, float] | None:
        low, high = left_edge, right_edge
        for a, b in taken[lane]:
            if a - gap <= point <= b + gap:
                return None
            if b + gap <= point:
                low = max(low, b + gap)
            else:
                high = min(high, a - gap)
        return low, high

    def place(index: int, caps: tuple[float, float]) -> None:
        x = xs[index]
        best: tuple[bool, float, int, int, LabelSlot] | None = None
        for lane in range(len(taken)):
            for side, start in enumerate((x + lead, x - lead)):
                room = free(lane, start)
                if room is None:
                    continue
                space = room[1] - start if side == 0 else start - room[0]
                width = min(natural[index], caps[side], space)
                if width < min(least[index], natural[index]):
                    continue
                slot = LabelSlot(lane, start if side == 0 else start - width, width, side == 0)
                clear = crosses is None or not crosses(lane, slot.left, slot.left + slot.width)
                if not clear and index not in always:
                    continue
                key = (clear, width * (1.0 if side == 0 else 0.7), -lane, -side)
                if best is None or key > best[:4]:
                    best = (*key, slot)
        if best is not None:
            slot = best[4]
            taken[slot.lane].append((slot.left, slot.left + slot.width))
            slots[index] = slot

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


def random_case(rng: random.Random) -> dict[str, Any]:
    """Markers crowded or sparse, on whole or fractional pixels (ties and touching labels happen),
    some off the edges; a few musts, per-marker or shared least widths, arcs in some lanes."""
    count = rng.choice((0, 1, 2, 5, 30, 120, 250))
    width = rng.choice((300.0, 880.0, 1248.0, 1900.0))
    whole = rng.random() < 0.5
    xs = [float(rng.randint(-20, int(width) + 20)) if whole else rng.uniform(-20, width + 20) for _ in range(count)]
    natural = [float(rng.randint(1, 400)) if whole else rng.uniform(1, 400) for _ in range(count)]
    lanes = rng.choice((0, 1, 2, 3, 6))
    must = [rng.randint(-2, count + 1) for _ in range(rng.randint(0, 5))]
    min_width: float | list[float] = (
        rng.choice((1.0, 40.0, 90.0)) if rng.random() < 0.3 else [rng.uniform(1, 150) for _ in range(count)]
    )
    arcs = [
        [(a, a + rng.uniform(0, 60)) for a in (rng.uniform(0, width) for _ in range(rng.randint(0, 8)))]
        for _ in range(lanes)
    ]

    def crosses(lane: int, left: float, right: float) -> bool:
        return any(low <= right + 8 and high >= left - 8 for low, high in arcs[lane])

    return {
        "xs": xs,
        "natural": natural,
        "lanes": lanes,
        "edges": (2.0, width - 2.0),
        "must": must,
        "min_width": min_width,
        "gap": rng.choice((8.0, 8.0, 0.5, 3.0)),
        "lead": rng.choice((3.0, 3.0, 0.0, 1.5)),
        "crosses": crosses if rng.random() < 0.6 else None,
        "always": set(must[:2]),
    }


@pytest.mark.parametrize("seed", range(8))
def test_place_labels_gives_what_the_plain_walk_gave(seed):
    rng = random.Random(seed)
    placed = 0
    for _ in range(150):
        case = random_case(rng)
        slots = place_labels(**case)
        assert slots == reference_place_labels(**case)
        placed += len(slots)
    assert placed > 1000  # the cases label plenty, not only empty timelines


def test_place_labels_gives_what_the_plain_walk_gave_on_a_crowded_month():
    """About 170 markers over a month at 1248 px, labels of 150-300 px, six lanes: the bench's view."""
    rng = random.Random(16)
    xs = sorted(16 + rng.randrange(31) * 40.0 + 20 for _ in range(170))
    natural = [rng.uniform(150, 300) for _ in xs]
    case: dict[str, Any] = {
        "xs": xs,
        "natural": natural,
        "lanes": 6,
        "edges": (2.0, 1278.0),
        "must": [0, 169],
        "min_width": 120.0,
    }
    slots = place_labels(**case)
    assert slots == reference_place_labels(**case) and len(slots) > 10


@pytest.fixture
def timeline(qtbot, seeded):
    widget = shown(qtbot, Timeline(seeded), (880, 140))
    widget.fit_all()
    return widget


class Layouts:
    """The layouts a widget's paints make (place_labels counted), and the check every change of an
    input goes through: it gives one new layout, the one a layout from scratch gives, then reused."""

    def __init__(self, monkeypatch, widget, paint: Callable[[], object]) -> None:
        from viewer.gui import timeline_labels

        self.widget, self.paint = widget, paint
        self.made: list[int] = []

        def counted(*args, **kwargs):
            self.made.append(1)
            return place_labels(*args, **kwargs)

        monkeypatch.setattr(timeline_labels, "place_labels", counted)

    def repainted(self) -> dict:
        self.paint()
        return dict(self.widget.labelled)

    def laid_out_again(self, change: Callable[[], object]) -> dict:
        change()
        before = len(self.made)
        kept = self.repainted()
        assert len(self.made) == before + 1  # the change gave a new layout
        self.widget._laid.clear()
        assert self.repainted() == kept  # the one a layout from scratch gives
        before = len(self.made)
        assert self.repainted() == kept and len(self.made) == before  # nothing changed: the layout is reused
        return kept


def test_a_repaint_lays_the_labels_out_again_only_when_what_they_are_made_from_changed(
    qtbot, timeline, seeded, monkeypatch
):
    """Kept between paints (a hover or a stale paint repaints the same markers), the layout is made
    again on any change of what it is made from, and is then what a layout from scratch gives."""
    from viewer.gui import i18n

    layouts = Layouts(monkeypatch, timeline, timeline.repaint)
    made, repainted, laid_out_again = layouts.made, layouts.repainted, layouts.laid_out_again
    timeline._laid.clear()  # shown, it was painted before the count began
    first = repainted()
    assert first and len(made) == 1
    assert repainted() == first and len(made) == 1
    cable, reply, last = seed_id(seeded, "000"), seed_id(seeded, "001"), seed_id(seeded, "002")
    laid_out_again(lambda: timeline.set_current(reply, "1950-05-14"))  # the current document, its thread
    laid_out_again(lambda: timeline.set_current(last, "1950-10-13"))
    laid_out_again(lambda: timeline.resize(700, 140))  # the width
    laid_out_again(lambda: timeline.resize(700, 220))  # the height: more lanes
    laid_out_again(lambda: timeline.set_view(timeline.start - 20, timeline.end))  # the markers' positions
    laid_out_again(lambda: timeline.set_view(timeline.start - 400, timeline.end))  # the view spans years
    marker = timeline.markers[1]
    laid_out_again(lambda: setattr(marker, "title", marker.title + " and more"))  # a marker's title
    font = timeline.font()
    font.setPointSizeF(font.pointSizeF() + 3)
    laid_out_again(lambda: timeline.setFont(font))  # the font
    try:
        laid_out_again(lambda: i18n.install("ru"))  # the language of the dates
    finally:
        i18n.install("en")
    timeline.activateWindow()
    timeline.setFocus()
    qtbot.waitUntil(timeline.hasFocus)
    laid_out_again(lambda: setattr(timeline, "focus_index", 2))  # the focused marker
    laid_out_again(lambda: setattr(timeline, "focus_index", 3))
    assert cable in timeline.labelled


def test_labels_cross_an_arc_only_as_the_spans_of_the_arcs_say():
    """A label over a reply arc's stretch in its lane (or within the clearance of it) is told so."""
    crosses = crossing([[(100.0, 120.0)], []])
    assert crosses(0, 125.0, 200.0) and crosses(0, 10.0, 93.0) and not crosses(0, 129.0, 200.0)
    assert not crosses(1, 100.0, 120.0)


class Canvas(TimelineCanvas):
    """A bare canvas with markers placed by hand, so each input of the layout changes on its own."""

    def __init__(self) -> None:
        super().__init__()
        self.joined: list[tuple[int, int, str]] = []

    def links(self) -> list[tuple[int, int, str]]:
        if self.joined is not self._graph.links:
            self._graph = LinkGraph(self.joined)
        return self._graph.links


def test_each_input_of_the_label_layout_gives_a_new_one(qtbot, monkeypatch):
    from viewer.gui import i18n

    canvas = shown(qtbot, Canvas(), (640, 150))
    layouts = Layouts(monkeypatch, canvas, canvas.grab)  # grab: paints at once
    made, repainted, laid_out_again = layouts.made, layouts.repainted, layouts.laid_out_again
    canvas.start, canvas.end = float(day_of("1950-05-01") or 0), float(day_of("1950-06-01") or 0)
    canvas.mode = "markers"
    canvas.markers = [
        Marker(n, f"k{n}", canvas.start + 2 * n, f"1950-05-{1 + 2 * n:02d}", f"Telegram number {n} about the harvest")
        for n in range(14)
    ]
    for n, marker in enumerate(canvas.markers):
        marker.x, marker.y = 20.0 + 43 * n, canvas.marker_y()

    first = repainted()
    assert len(first) >= 4
    made.clear()
    assert repainted() == first and not made
    laid_out_again(lambda: setattr(canvas, "current_id", 5))  # the current document
    laid_out_again(lambda: canvas.resize(600, 150))  # the width alone (the markers stay put)
    laid_out_again(lambda: canvas.resize(600, 240))  # the height: more lanes
    laid_out_again(lambda: setattr(canvas.markers[3], "x", 150.0))  # a marker's place
    laid_out_again(lambda: setattr(canvas.markers[4], "title", "Short"))  # a marker's title
    laid_out_again(lambda: setattr(canvas.markers[4], "iso", "1950-05-30"))  # its date
    laid_out_again(lambda: setattr(canvas, "end", canvas.end + 400))  # the view spans years: dates say so
    laid_out_again(lambda: setattr(canvas.markers[6], "id", 99))  # ids: which one is current
    laid_out_again(lambda: setattr(canvas, "joined", [(99, 12, "reply_to")]))  # a reply arc
    laid_out_again(lambda: setattr(canvas, "current_id", 1))
    # the thread alone: 1 is linked to 10 through a document off screen, no arc drawn between them
    laid_out_again(lambda: setattr(canvas, "joined", [*canvas.joined, (1, 5000, "reply_to"), (5000, 10, "cites")]))
    assert canvas.selected_thread() == {1, 5000, 10} and len(canvas.arcs) == 1
    # the labels that may cross an arc alone: current 1 unlinked, then current off screen and linked to 1
    laid_out_again(lambda: setattr(canvas, "joined", []))

    def current_off_screen() -> None:
        canvas.joined, canvas.current_id = [(5000, 1, "reply_to")], 5000

    laid_out_again(current_off_screen)
    bold = canvas.font()
    bold.setBold(True)
    laid_out_again(lambda: canvas.setFont(bold))  # the font (the same height)
    try:
        laid_out_again(lambda: i18n.install("ru"))  # the language of the dates
        assert all(" мая " in label.shown for label in list(canvas._laid.values())[-1])
    finally:
        i18n.install("en")
    canvas.activateWindow()
    canvas.setFocus()
    qtbot.waitUntil(canvas.hasFocus)
    second = laid_out_again(lambda: setattr(canvas, "focus_index", 2))  # the focused marker
    third = laid_out_again(lambda: setattr(canvas, "focus_index", 3))
    assert second != third
    # the last few layouts are kept (back to markers shown before); the oldest go
    shown_with = {2: second, 3: third}
    for number in (2, 4):
        canvas.focus_index = number
        assert repainted() == shown_with.setdefault(number, canvas.labelled)
    before = len(made)
    for number in (3, 2, 4, 2):
        canvas.focus_index = number
        assert repainted() == shown_with[number]
    assert len(made) == before
    for number in range(5, 5 + LAYOUTS_KEPT):
        canvas.focus_index = number
        repainted()
    canvas.focus_index = 2
    made.clear()
    assert repainted() == second and len(made) == 1 and len(canvas._laid) == LAYOUTS_KEPT


def test_label_sizes_are_measured_again_in_another_font_or_language(qtbot):
    """A label's text and widths are kept by date, title and whether the year is shown, and made
    again in another font or language."""
    said = []

    def text_of(marker: Marker, spans_years: bool) -> str:
        said.append(marker.id)
        return f"{marker.iso[:4] if spans_years else ''} 14 May  {marker.title}"

    markers = [Marker(1, "k1", 0.0, "1950-05-14", "Cable from Roshchin to Stalin about the harvest")]
    plain, larger = QFont(), QFont()
    larger.setPointSizeF(plain.pointSizeF() * 2)
    sizes = LabelSizes()

    def measured(font: QFont, language: str, spans_years: bool = False, widest: float = 1000.0):
        sizes.use((font.key(), language))
        return sizes.of(markers, spans_years, text_of, QFontMetrics(font), widest)

    texts, natural, least = measured(plain, "en")
    metrics = QFontMetrics(plain)
    assert natural == [metrics.horizontalAdvance(texts[0]) + 1] and said == [1]
    assert least == [metrics.horizontalAdvance(" 14 May  Cable from R…") + 1.0]
    assert measured(plain, "en") == (texts, natural, least) and said == [1]  # kept
    assert measured(plain, "en", widest=50.0)[2] == [50.0] and said == [1]  # never wider than asked
    assert measured(plain, "en", spans_years=True)[0] != texts and said == [1, 1]
    wider = measured(larger, "en")
    assert wider[1] == [QFontMetrics(larger).horizontalAdvance(texts[0]) + 1] and said == [1, 1, 1]
    assert wider[1] != natural
    measured(larger, "ru")
    assert said == [1, 1, 1, 1]
