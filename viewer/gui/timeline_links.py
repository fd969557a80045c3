"""The links the timeline draws as arcs, indexed once per state of the archive's links: which links
touch a document (hovering a marker) and which documents make up its thread (the selected one's arcs
and markers stand out), asked at every mouse move and paint.

Also how a link and a missing date read, in the interface's language.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from .i18n import QT_TRANSLATE_NOOP

Link = tuple[int, int, str]  # source, target, relation

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
