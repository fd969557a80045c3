"""The timeline's label layout made cheaper without changing it: place_labels against the plain
walk it replaced, on many random inputs."""

from __future__ import annotations

import random
from collections.abc import Callable, Collection, Sequence
from typing import Any

import pytest

from viewer.gui.timeline_axis import LabelSlot, _Lane, place_labels


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


def test_a_lane_finds_the_same_room_by_bisection_as_by_walking_its_labels():
    """The walk is what a lane falls back on should its labels ever not sort alike: both answer the same."""
    rng = random.Random(3)
    for _ in range(200):
        bisecting, walking = _Lane(8.0), _Lane(8.0)
        walking.sorted = False
        left = rng.uniform(0, 50)
        for _ in range(rng.randint(0, 12)):
            right = left + rng.choice((1.0, 20.0, rng.uniform(0.5, 200)))
            bisecting.add(left, right)
            walking.add(left, right)
            left = right + 16 + rng.choice((0.0, 0.5, rng.uniform(0, 80)))
        assert bisecting.sorted
        for point in [rng.uniform(-10, left + 10) for _ in range(40)] + bisecting.lows + bisecting.highs:
            assert bisecting.free(point, 2.0, 1000.0) == walking.free(point, 2.0, 1000.0)
