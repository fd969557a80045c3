"""Annotations: highlights in a text, rectangles and pinned notes on a scanned page.

A highlight keeps its character range (``start``/``end`` into the text body) and, beside it, the
quoted words with a little context before and after. Re-importing a document replaces its texts,
so offsets alone would point at the wrong words; the quote and its context let the store's
``reanchor_annotations`` (with ``core.anchoring``) find
the words again, and where the text changed the annotation is kept and marked ``needs_review``
rather than dropped or moved onto other words.

A scan annotation keeps its page's position in ``start`` (the page rows are replaced on re-import
too) and its rectangle or point in ``x0..y1``, in the page's points.

Every change is an ``Operation`` with ``redo``/``undo`` against an archive, so the window's undo
stack (and a test) replays them without knowing any SQL. No Qt here.
"""

from __future__ import annotations

import getpass
import re
from typing import Any

from .records import DEFAULT_COLOR as DEFAULT_COLOR
from .records import TEXT_KINDS, Annotation, Text
from .store import Archive, now

TEXT_PARTS = TEXT_KINDS
PARTS = (*TEXT_PARTS, "scan")
SHAPES = ("highlight", "rect", "pin")
CONTEXT = 32  # characters of prefix and suffix kept to re-anchor a quote
# Highlighter colours: light enough to read black text through, distinct when printed.
COLORS: dict[str, tuple[float, float, float]] = {
    "yellow": (1.0, 0.86, 0.25),
    "green": (0.55, 0.88, 0.45),
    "blue": (0.55, 0.78, 1.0),
    "pink": (1.0, 0.6, 0.78),
    "orange": (1.0, 0.7, 0.35),
}


class AnnotationError(ValueError):
    """An annotation cannot be made as asked (no such text, quote not found, bad range)."""


def default_author() -> str:
    """The system user name: what the preferences offer until someone types their own."""
    try:
        return getpass.getuser()
    except Exception:  # no login name (a container, a service account)
        return "unknown"


def color_hex(name: str) -> str:
    r, g, b = COLORS.get(name, COLORS[DEFAULT_COLOR])
    return f"#{round(r * 255):02x}{round(g * 255):02x}{round(b * 255):02x}"


# -- reading ----------------------------------------------------------------------------------


def list_annotations(archive: Archive, document_id: int) -> list[Annotation]:
    """A document's annotations; first re-anchors any that a re-import left without text or page."""
    if not archive.readonly and archive.annotations_adrift(document_id):
        with archive.transaction():
            archive.reanchor_annotations(document_id)
    return archive.document_annotations(document_id)


def get(archive: Archive, annotation_id: int) -> Annotation | None:
    return archive.annotation(annotation_id)


# -- making annotations -----------------------------------------------------------------------


def _text(archive: Archive, document_id: int, part: str) -> Text:
    if part not in TEXT_PARTS:
        raise AnnotationError(f"cannot highlight the {part}; choose one of {', '.join(TEXT_PARTS)}")
    text = archive.annotation_text(document_id, part)
    if text is None:
        raise AnnotationError(f"the document has no {part}")
    return text


def _color(color: str | None) -> str:
    color = (color or DEFAULT_COLOR).lower()
    if color not in COLORS:
        raise AnnotationError(f"unknown colour {color!r}; choose one of {', '.join(COLORS)}")
    return color


def new_highlight(
    archive: Archive,
    document_id: int,
    part: str,
    start: int,
    end: int,
    *,
    note: str | None = None,
    color: str | None = None,
    author: str | None = None,
) -> Annotation:
    """An unsaved highlight over body[start:end], with its quote and context taken from the text."""
    text = _text(archive, document_id, part)
    body = text.body
    # whitespace at the edges of a selection is not part of what was marked
    while start < end and body[start].isspace():
        start += 1
    while end > start and body[end - 1].isspace():
        end -= 1
    if not 0 <= start < end <= len(body):
        raise AnnotationError(f"no words selected in the {part} (range {start}–{end})")
    stamp = now()
    return Annotation(
        id=None,
        document_id=document_id,
        part=part,
        shape="highlight",
        color=_color(color),
        note=note or None,
        author=author or default_author(),
        text_id=text.id,
        start=start,
        end=end,
        quote=body[start:end],
        prefix=body[max(0, start - CONTEXT) : start],
        suffix=body[end : end + CONTEXT],
        created_at=stamp,
        updated_at=stamp,
    )


def quote_pattern(quote: str) -> re.Pattern[str]:
    """The quoted words as they may stand in a text: any case, any run of whitespace (a line break
    too) between words, and a word broken at a line's end by a hyphen ("reunifi-\\ncation")."""
    words = quote.split()
    if not words:
        raise AnnotationError("the quote is empty")
    broken = r"(?:[-\u00ad\u2010]\s*\n\s*)?"  # a hyphen or soft hyphen, then the line break

    def word(written: str) -> str:
        return broken.join(re.escape(ch) for ch in written)

    return re.compile(r"\s+".join(word(w) for w in words), re.IGNORECASE)


def find_quote(body: str, quote: str, occurrence: int = 1) -> int:
    """Offset of the ``occurrence``-th appearance of ``quote`` (see :func:`quote_pattern`: a quote
    typed on one line, in any case, finds its words broken across lines)."""
    return _find(body, quote, occurrence).start()


def _find(body: str, quote: str, occurrence: int) -> re.Match[str]:
    for number, match in enumerate(quote_pattern(quote).finditer(body), start=1):
        if number == occurrence:
            return match
    if occurrence == 1:
        raise AnnotationError(f"“{quote}” is not in the text")
    raise AnnotationError(f"“{quote}” occurs fewer than {occurrence} times")


def highlight_quote(
    archive: Archive, document_id: int, part: str, quote: str, occurrence: int = 1, **kwargs: Any
) -> Annotation:
    """An unsaved highlight over the given occurrence of the quoted words (the command line's way)."""
    body = _text(archive, document_id, part).body
    match = _find(body, quote, occurrence)
    return new_highlight(archive, document_id, part, match.start(), match.end(), **kwargs)


def new_shape(
    archive: Archive,
    document_id: int,
    position: int,
    shape: str,
    rect: tuple[float, float, float, float],
    *,
    note: str | None = None,
    color: str | None = None,
    author: str | None = None,
) -> Annotation:
    """An unsaved rectangle (``rect``) or pinned note (``pin``, at x0, y0) on the scan's page ``position``."""
    if shape not in ("rect", "pin"):
        raise AnnotationError(f"unknown shape {shape!r}")
    page = archive.page_at(document_id, position)
    if page is None:
        raise AnnotationError(f"the scan has no page {position + 1}")
    x0, y0, x1, y1 = rect
    if shape == "rect":
        x0, x1 = sorted((x0, x1))
        y0, y1 = sorted((y0, y1))
    else:
        x1, y1 = x0, y0
    stamp = now()
    return Annotation(
        id=None,
        document_id=document_id,
        part="scan",
        shape=shape,
        color=_color(color),
        note=note or None,
        author=author or default_author(),
        page_id=page.id,
        start=position,
        x0=x0,
        y0=y0,
        x1=x1,
        y1=y1,
        created_at=stamp,
        updated_at=stamp,
        page_position=position,
    )


# -- changes that can be undone ---------------------------------------------------------------


class Operation:
    """One change to the annotations, replayable both ways (the window's undo stack wraps these)."""

    text = ""
    document_id = 0

    def redo(self, archive: Archive) -> None:
        raise NotImplementedError

    def undo(self, archive: Archive) -> None:
        raise NotImplementedError


class Create(Operation):
    """Add an annotation; undo removes it, redo puts it back with the same id."""

    def __init__(self, annotation: Annotation):
        self.annotation = annotation
        self.document_id = annotation.document_id
        self.text = f"Add {'highlight' if annotation.shape == 'highlight' else 'note'}"

    def redo(self, archive: Archive) -> None:
        with archive.transaction():
            self.annotation.id = archive.insert_annotation(self.annotation.values(), self.annotation.id)

    def undo(self, archive: Archive) -> None:
        assert self.annotation.id is not None
        with archive.transaction():
            archive.delete_annotation(self.annotation.id)


class Delete(Operation):
    """Remove an annotation; undo restores it exactly (same id, same times)."""

    def __init__(self, annotation: Annotation):
        self.annotation = annotation
        self.document_id = annotation.document_id
        self.text = "Delete annotation"

    def redo(self, archive: Archive) -> None:
        assert self.annotation.id is not None
        with archive.transaction():
            archive.delete_annotation(self.annotation.id)

    def undo(self, archive: Archive) -> None:
        with archive.transaction():
            archive.insert_annotation(self.annotation.values(), self.annotation.id)


class Edit(Operation):
    """Change the note or colour of an annotation; undo puts the old values back."""

    EDITABLE = ("note", "color")

    def __init__(self, annotation: Annotation, **changes: Any):
        unknown = set(changes) - set(self.EDITABLE)
        if unknown:
            raise AnnotationError(f"cannot edit {', '.join(sorted(unknown))}")
        if "color" in changes:
            changes["color"] = _color(changes["color"])
        if "note" in changes:
            changes["note"] = changes["note"] or None
        assert annotation.id is not None
        self.annotation_id = annotation.id
        self.document_id = annotation.document_id
        self.before = {name: getattr(annotation, name) for name in changes} | {"updated_at": annotation.updated_at}
        self.after = dict(changes)
        self.text = "Edit note" if "note" in changes else "Change colour"

    def redo(self, archive: Archive) -> None:
        with archive.transaction():
            archive.update_annotation(self.annotation_id, self.after | {"updated_at": now()})

    def undo(self, archive: Archive) -> None:
        with archive.transaction():
            archive.update_annotation(self.annotation_id, self.before)


class History:
    """Undo and redo without Qt, for the command line and tests (the window uses QUndoStack)."""

    def __init__(self, archive: Archive):
        self.archive = archive
        self.done: list[Operation] = []
        self.undone: list[Operation] = []

    def push(self, operation: Operation) -> Operation:
        operation.redo(self.archive)
        self.done.append(operation)
        self.undone.clear()
        return operation

    def undo(self) -> bool:
        if not self.done:
            return False
        operation = self.done.pop()
        operation.undo(self.archive)
        self.undone.append(operation)
        return True

    def redo(self) -> bool:
        if not self.undone:
            return False
        operation = self.undone.pop()
        operation.redo(self.archive)
        self.done.append(operation)
        return True


# -- after a re-import -------------------------------------------------------------------------


def mark_reviewed(archive: Archive, annotation_id: int) -> None:
    """Accept an annotation flagged after a re-import as it now stands."""
    with archive.transaction():
        archive.update_annotation(annotation_id, {"status": "ok", "updated_at": now()})
