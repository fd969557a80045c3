"""What was typed into the Details form, as plain text to paste elsewhere: offered when the form can
no longer save it (its document was deleted meanwhile), since a failed write keeps what was typed."""

from __future__ import annotations

from typing import Any, Protocol

from .field_widgets import FieldEditor, NamesField


class Form(Protocol):
    """What is read of the Details form (editors.DetailsEditor)."""

    editors: dict[str, FieldEditor]
    tags_before: list[str]

    def changed_values(self) -> dict[str, Any]: ...


# what names an entry of a list field (a person, a reference, a number, a link), in this order
NAMING = ("name", "raw", "number", "target_key", "target_number", "target_date", "target_hint")


def as_text(value: Any) -> str:
    """A field's value as a person would type it: a date as written with its range, names and
    references separated by "; "."""
    if value is None:
        return ""
    if isinstance(value, dict) and "precision" in value:  # a date
        written, start, end = value.get("text") or "", value.get("start") or "", value.get("end") or ""
        span = f"{start} – {end}" if end and end != start else start
        return f"{written} ({span})" if written and span else written or span
    if isinstance(value, dict):
        named = next((value[key] for key in NAMING if value.get(key)), None)
        return str(named) if named is not None else ", ".join(f"{k}: {v}" for k, v in value.items() if v)
    if isinstance(value, list | tuple):
        return "; ".join(as_text(item) for item in value)
    return str(value)


def typed(editor: Form) -> list[tuple[str, str]]:
    """Each changed field's label and what it holds now, the tags too when they changed."""
    found = [(editor.editors[name].label, as_text(value)) for name, value in editor.changed_values().items()]
    tags = editor.editors["tags"]
    if isinstance(tags, NamesField) and tags.names() != editor.tags_before:
        found.append((tags.label, "; ".join(tags.names())))
    return found


def typed_text(editor: Form) -> str:
    """What was typed, a field a line ("Title: …")."""
    return "\n".join(f"{label}: {text}" for label, text in typed(editor))
