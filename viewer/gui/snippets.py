"""The list's snippet lines: made for the rows the view draws, on a worker, kept until the query
changes. The view asks while it paints; the snippets come a moment later and the rows are redrawn."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QTimer

from ..core import folding
from ..core.store import Archive
from .background import Latest
from .tasks import TaskRunner

SNIPPETS_ASKED = 120  # snippets asked for at once: the rows a screen or two shows
Snippet = tuple[str, list[tuple[int, int]]]  # plain text, and the (start, end) of each hit in it


class Snippets:
    """Snippets by document id for the current query's ``terms``; ``made`` gets the rows to redraw."""

    def __init__(
        self,
        archive: Callable[[], Archive],
        terms: Callable[[], list[str]],
        made: Callable[[list[int]], None],
        runner: TaskRunner | None = None,
    ):
        self.archive, self.terms, self.made = archive, terms, made
        self._kept: dict[int, Snippet] = {}
        self._wanted: dict[int, int] = {}  # document id -> row, asked for and not yet made
        self._reader = Latest(runner, lambda: self.archive().path) if runner is not None else None

    def clear(self) -> None:
        self._kept.clear()
        self._wanted.clear()

    def get(self, document_id: int, row: int) -> Snippet | None:
        """The snippet of a document drawn at ``row``, or None while it is being made."""
        found = self._kept.get(document_id)
        if found is None:
            if not self._wanted:
                QTimer.singleShot(0, self._make)
            self._wanted[document_id] = row
        return found

    def _make(self) -> None:
        wanted = list(self._wanted)[-SNIPPETS_ASKED:]
        if not wanted:
            return
        terms = self.terms()
        if self._reader is None:
            self._take(terms, self.archive().snippets(wanted, terms))
        else:
            self._reader.run(lambda archive: archive.snippets(wanted, terms), lambda made: self._take(terms, made))

    def _take(self, terms: list[str], made: dict[int, str]) -> None:
        if terms != self.terms():
            return  # made for a query typed over since
        rows = []
        for document_id, snippet in made.items():
            self._kept[document_id] = folding.marks(snippet)
            row = self._wanted.pop(document_id, None)
            if row is not None:
                rows.append(row)
        if rows:
            self.made(rows)
        self._wanted = dict(list(self._wanted.items())[-SNIPPETS_ASKED:])
        if self._wanted:
            QTimer.singleShot(0, self._make)
