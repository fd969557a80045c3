"""Classification groups: the filter's counts per group of the stored normalised classification
(``documents.classification_group``, see viewer.core.classification and schema_classification).

A stored, indexed column rather than a function registered on our connection: the group is then
filtered and counted on an index at a million documents, and a published copy read by Datasette
(or any SQLite tool) has it too. The store's two writers of a classification (``save_document``
and ``write_field``) set it beside the spelling.
"""

from __future__ import annotations

from ..classification import ClassificationGroup, grouped
from .schema_classification import GROUP_COLUMN
from .selection import Filters, Selection
from .tallies import Tallies


class Classifications(Tallies):
    """The classification filter's entries: one per group, with its spellings."""

    def classification_groups(self, filters: Filters | Selection | None = None) -> list[ClassificationGroup]:
        """Groups of the current selection (without its own classification choice, so each says what
        it would leave), each with its documents and its spellings' documents; most documents first."""
        selection = self._selection(filters)
        tallied = self._tallied_spellings(selection)  # a selection of facets alone: from the tally
        if tallied is not None:
            return grouped(tallied)
        where, params = self._where(selection, without="classification")
        sql = (
            f"SELECT d.{GROUP_COLUMN}, d.classification, count(*) FROM documents d{where}"
            f"{' AND' if where else ' WHERE'} d.{GROUP_COLUMN} IS NOT NULL GROUP BY 1, 2"
        )
        return grouped([(group, spelling, number) for group, spelling, number in self.conn.execute(sql, params)])
