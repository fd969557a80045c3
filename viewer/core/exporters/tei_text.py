"""A text's body as TEI paragraphs, with its annotations where they anchor.

Blank lines part paragraphs (``p``), a single line break is an ``lb``. A highlight becomes a pair
of ``anchor`` elements around the words and, after the second, a ``note`` that points at both
(``@target``, ``@targetEnd``): anchors, not a wrapping element, because highlights overlap and a
highlight may run across a paragraph break, and neither is allowed to break the XML. The note says
who made it (``@resp``, pointing at a ``respStmt`` of the header), its colour (``@rend``) and holds
the annotation's own note.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from lxml import etree

from ..records import Annotation
from .fields import xml_text

TEI_NS = "http://www.tei-c.org/ns/1.0"
XML_NS = "http://www.w3.org/XML/1998/namespace"
_PARAGRAPH = re.compile(r"\S(?:.*?\S)?(?=\s*\n\s*\n|\s*$)", re.S)


def tei(tag: str) -> str:
    return f"{{{TEI_NS}}}{tag}"


def child(parent: etree._Element, tag: str, text: str | None = None, **attributes: str) -> etree._Element:
    """A TEI child element; attribute names ``xml_id``/``xml_lang`` become ``xml:id``/``xml:lang``."""
    element = etree.SubElement(parent, tei(tag))
    for name, value in attributes.items():
        key = f"{{{XML_NS}}}{name[4:]}" if name.startswith("xml_") else name
        element.set(key, xml_text(value))
    if text:
        element.text = xml_text(text)
    return element


@dataclass(frozen=True)
class _Event:
    offset: int
    order: int  # at one offset: ends of earlier highlights, then starts, then ends of empty ones
    annotation: Annotation
    index: int
    start: bool


def _events(annotations: Sequence[Annotation], length: int) -> list[_Event]:
    events = []
    for index, annotation in enumerate(annotations):
        start = min(max(annotation.start or 0, 0), length)
        end = min(max(annotation.end or 0, start), length)
        events.append(_Event(start, 1, annotation, index, True))
        events.append(_Event(end, 2 if end == start else 0, annotation, index, False))
    return sorted(events, key=lambda e: (e.offset, e.order, e.index))


def paragraphs(body: str) -> list[tuple[int, int]]:
    """Character spans of a body's paragraphs (text between blank lines, trimmed)."""
    return [(m.start(), m.end()) for m in _PARAGRAPH.finditer(body)]


def write_body(
    parent: etree._Element,
    body: str,
    annotations: Sequence[Annotation],
    anchor_id: Callable[[Annotation], str],
    resp: Callable[[Annotation], str | None],
) -> None:
    """Fill ``parent`` (a ``body``) with the paragraphs of ``body`` and the annotations' anchors."""
    spans = paragraphs(body) or [(0, 0)]
    events = _events(annotations, len(body))
    cursor = 0  # next event
    for number, (first, last) in enumerate(spans):
        paragraph = child(parent, "p")
        ends_at = spans[number + 1][0] if number + 1 < len(spans) else len(body) + 1
        position = first
        while cursor < len(events) and events[cursor].offset < ends_at:
            event = events[cursor]
            at = min(max(event.offset, first), last)  # between paragraphs: the nearest edge
            _append_text(paragraph, body[position:at])
            position = max(position, at)
            _append_marker(paragraph, event, anchor_id, resp)
            cursor += 1
        _append_text(paragraph, body[position:last])


def _append_text(paragraph: etree._Element, text: str) -> None:
    """Text into a paragraph's mixed content, each line break an ``lb``."""
    for number, line in enumerate(text.split("\n")):
        if number:
            etree.SubElement(paragraph, tei("lb"))
        if not line:
            continue
        line = xml_text(line)
        if len(paragraph):
            last = paragraph[-1]
            last.tail = (last.tail or "") + line
        else:
            paragraph.text = (paragraph.text or "") + line


def _append_marker(
    paragraph: etree._Element,
    event: _Event,
    anchor_id: Callable[[Annotation], str],
    resp: Callable[[Annotation], str | None],
) -> None:
    identifier = anchor_id(event.annotation)
    child(paragraph, "anchor", xml_id=f"{identifier}-{'start' if event.start else 'end'}")
    if event.start:
        return
    annotation = event.annotation
    attributes = {
        "type": "annotation",
        "subtype": annotation.shape,
        "rend": annotation.color,
        "target": f"#{identifier}-start",
        "targetEnd": f"#{identifier}-end",
    }
    who = resp(annotation)
    if who:
        attributes["resp"] = who
    child(paragraph, "note", annotation.note or None, **attributes)
