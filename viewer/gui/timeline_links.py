"""The links the timeline draws as arcs, indexed once per state of the archive's links: which links
touch a document (hovering a marker) and which documents make up its thread (the selected one's arcs
and markers stand out), asked at every mouse move and paint.

Also how a link and a missing date read, in the interface's language, and where an arc runs through
the label lanes (``arc_runs``).
"""

from __future__ import annotations

from itertools import pairwise

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QPainterPath

from .i18n import QT_TRANSLATE_NOOP

Link = tuple[int, int, str]  # source, target, relation
ARC_SAMPLES = 64  # points along a reply arc where labels look for it

# how a link reads from its source (True) or its target (False)
LINK_WORDS = {
    ("reply_to", True): QT_TRANSLATE_NOOP("Timeline", "Replies to"),
    ("reply_to", False): QT_TRANSLATE_NOOP("Timeline", "Answered by"),
    ("continues", True): QT_TRANSLATE_NOOP("Timeline", "Continues"),
    ("continues", False): QT_TRANSLATE_NOOP("Timeline", "Continued by"),
}


def link_words(relation: str, outgoing: bool) -> str:
    """How a link reads from its source (``outgoing``) or its target, in the interface's language."""
    words = LINK_WORDS.get((relation, outgoing))
    return QCoreApplication.translate("Timeline", words) if words else relation.replace("_", " ")


def undated() -> str:
    """What stands for the date of a document that has none."""
    return QCoreApplication.translate("Timeline", "undated")


class LinkGraph:
    """The links by document, built from one list of links (walked once) and kept while the timeline
    holds that list; each thread is found once and shared by all its documents."""

    def __init__(self, links: list[Link]):
        self.links = links
        self._touching: dict[int, list[Link]] = {}
        for link in links:
            source, target, _relation = link
            self._touching.setdefault(source, []).append(link)
            if target != source:
                self._touching.setdefault(target, []).append(link)
        self._threads: dict[int, frozenset[int]] = {}

    def touching(self, document_id: int) -> list[Link]:
        """The links from or to a document, in the order of the list."""
        return self._touching.get(document_id, [])

    def thread(self, document_id: int) -> frozenset[int]:
        """The documents linked to this one, directly or through others, itself included; empty when
        it has no links."""
        found = self._threads.get(document_id)
        if found is not None:
            return found
        reached, todo = {document_id}, [document_id]
        while todo:
            for source, target, _relation in self.touching(todo.pop()):
                for other in (source, target):
                    if other not in reached:
                        reached.add(other)
                        todo.append(other)
        found = frozenset(reached) if len(reached) > 1 else frozenset()
        for member in reached:
            self._threads[member] = found
        return found


def arc_runs(path: QPainterPath, lanes: int, lane_height: int) -> list[list[tuple[float, float]]]:
    """For each of ``lanes`` label lanes ``lane_height`` high, the stretches of x where the reply arc
    ``path`` runs through it (sampled at ARC_SAMPLES points: the timeline keeps them by arc shape)."""
    spans: list[list[tuple[float, float]]] = [[] for _ in range(lanes)]
    points = [path.pointAtPercent(i / ARC_SAMPLES) for i in range(ARC_SAMPLES + 1)]
    for lane in range(lanes):
        top, run = 6 + lane * lane_height, None
        for p, q in pairwise(points):
            if max(p.y(), q.y()) >= top and min(p.y(), q.y()) <= top + lane_height:
                low, high = min(p.x(), q.x()), max(p.x(), q.x())
                run = (min(run[0], low), max(run[1], high)) if run else (low, high)
            elif run:
                spans[lane].append(run)
                run = None
        if run:
            spans[lane].append(run)
    return spans
