"""The archive: one SQLite file, and every SQL statement the program runs against it.

Widgets, the command line and the importers call methods of ``Archive``; none of them writes SQL.
``Archive`` is one facade over modules by table family, each a mixin over the shared connection:
``connection`` (opening, transactions), ``entities``, ``index`` (full-text rows, terms),
``selection`` (filters to SQL), ``listing``, ``search``, ``documents`` (reading one),
``writing`` (saving one), ``scans``, ``annotations``, ``collections``, ``checks`` (integrity and
repair), ``copies`` (backups) and ``schema`` (the migrations). Curating (issue 13): ``fields`` (each
correctable field read and written), ``reimport`` (re-imports keep corrections), ``history`` (changes
and undo), ``corrections``, ``people``, ``trash`` and ``tags`` (tags and review). Exchange (issue 14):
``merging`` (matching documents across archives and writing what another archive brings), ``publishing`` (a
copy and Datasette's metadata for a read-only site). Classification groups (issue 18): ``classifications``
(the filter's groups of every spelling of one marking; the stored column comes with ``schema_classification``).
A million documents (issue 16): ``tallies`` (counts of a facet selection read from the tallies that
``schema_tallies`` keeps by trigger), ``screens`` (the bounded first screen and the whole order).
"""

from __future__ import annotations

from .checks import Checks
from .classifications import Classifications
from .collections import Collections
from .connection import now
from .copies import Copies
from .corrections import Corrections
from .documents import Documents
from .index import ENTITY_TOKEN, YEAR_TOKEN, YEARS_IN_QUERY, entity_token, year_tokens
from .listing import LIST_COLUMNS, PEOPLE_IN_FACET, Listing
from .merging import Merging
from .people import People
from .publishing import Publishing
from .scans import Scans
from .search import RANK_LIMIT, Search, SearchHit, SearchResult
from .selection import FACETS, SORTABLE, Facet, Filters, Selection
from .tags import Tags
from .trash import Trash

__all__ = [
    "ENTITY_TOKEN",
    "FACETS",
    "LIST_COLUMNS",
    "PEOPLE_IN_FACET",
    "RANK_LIMIT",
    "SORTABLE",
    "YEARS_IN_QUERY",
    "YEAR_TOKEN",
    "Archive",
    "Facet",
    "Filters",
    "SearchHit",
    "SearchResult",
    "Selection",
    "entity_token",
    "now",
    "year_tokens",
]


class Archive(
    Merging,
    Corrections,
    People,
    Trash,
    Tags,
    Documents,
    Checks,
    Listing,
    Classifications,
    Search,
    Scans,
    Collections,
    Copies,
    Publishing,
):
    """An open archive file. One per thread: sqlite3 connections belong to their thread."""
