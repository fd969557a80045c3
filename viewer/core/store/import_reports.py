"""What the imports table keeps of an importer's report (issue 16).

An importer reports what it recognised in a file (each labelled field's first line, the title, the
date and how it was read, the texts, the encoding), what it set aside and its warnings. Most of what
it recognised is the opening of a field the document row holds anyway: kept twice, it was a tenth of
an archive. The row keeps only what the document does not say: how a field was found (a summary
taken from unlabelled text, a title from a dateline), the date as read, the texts' languages and
lengths, what was set aside and why. A field corrected later keeps its imported value in the
corrections table, so nothing the report said is lost.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any


def _opening(held: Any) -> str | None:
    """A stored value as text a report excerpt may open: a JSON list (contents) as its first item."""
    if not isinstance(held, str) or not held:
        return None
    if held.startswith("["):
        try:
            items = json.loads(held)
        except ValueError:
            return held
        return str(items[0]) if isinstance(items, list) and items else held
    return held


def _is_copy(excerpt: Any, held: Any) -> bool:
    if not isinstance(excerpt, str) or not isinstance(held, str) or not held:
        return False
    if held[0] != "[":  # most of them: the value opens itself (``_opening``), no JSON to look at
        return held.startswith(excerpt)
    opening = _opening(held)
    return opening is not None and opening.startswith(excerpt)


def without_copies(report: Mapping[str, Any], stored: Mapping[str, Any]) -> dict[str, Any]:
    """``report`` without the recognised fields whose excerpt opens the document's stored value of the
    same name (``stored``: its documents row), nor empty entries."""
    kept: dict[str, Any] = {}
    for key, value in report.items():
        if key == "recognised" and isinstance(value, Mapping):
            value = {
                name: excerpt
                for name, excerpt in value.items()
                if excerpt not in ("", None) and not _is_copy(excerpt, stored.get(name))
            }
        if value not in ({}, [], "", None):
            kept[key] = value
    return kept
