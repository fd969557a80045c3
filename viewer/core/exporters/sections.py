"""One document's section of the handout: cover, scan pages, and texts one after another or facing."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING

from ..alignment import align
from ..annotations import TEXT_PARTS, list_annotations
from ..records import Annotation, DocumentRecord, Text
from .builder import Builder, Highlights
from .typesetting import A4, BODY_SIZE, GREY, LEADING, MARGIN, Line, Placed

if TYPE_CHECKING:
    import pymupdf

    from ..store import Archive

LANGUAGES = {"ru": "Russian", "en": "English", "zh": "Chinese", "ko": "Korean", "de": "German", "fr": "French"}


def short_citation(record: DocumentRecord) -> str:
    """The footer's citation: who to whom, when, and the document's key, short enough for one line."""
    who = " to ".join(filter(None, (record.sender, record.recipient)))
    head = who or (record.title or record.key)
    if len(head) > 70:
        head = head[:69] + "…"
    date = record.date_as_written or record.date or "undated"
    return f"{head}, {date} · {record.key.split('_')[0]}"


def _cover(builder: Builder, record: DocumentRecord, footer: str) -> None:
    builder.new_page(footer)
    width = A4[0] - 2 * MARGIN
    type_ = builder.type
    builder.flow(type_.lines(record.title or record.key, width, 18, bold=True), footer, space_after=14)
    date = record.date or "undated"
    if record.date_as_written and record.date_as_written != date:
        date = f"{record.date_as_written} ({date})"
    fields = [
        ("Date", date),
        ("Type", record.type),
        ("Classification", record.classification),
        ("Sender", record.sender),
        ("Recipient", record.recipient),
        ("Original language", LANGUAGES.get(record.original_language or "", record.original_language)),
        ("Reference numbers", ", ".join(record.reference_numbers or [])),
        ("Archival source", record.source),
        ("Citation", record.citation),
        ("Rights", record.rights),
        ("Credits", record.credits),
        ("Address", record.url),
    ]
    label_width = 118.0
    for label, value in fields:
        if not value:
            continue
        label_line = type_.lines(label, label_width, 10, bold=True)[0]
        value_lines = type_.lines(str(value), width - label_width, 10.5)
        if builder.y + len(value_lines) * 10.5 * LEADING > builder.bottom:
            builder.new_page(footer)
        top = builder.y
        builder.flow(value_lines, footer, x=MARGIN + label_width, space_after=6)
        builder.put(Placed(builder.pdf.page_count - 1, MARGIN, top + 10.5 * LEADING - 10.5 * 0.3, label_line), GREY)
    if record.summary:
        builder.y += 10
        builder.flow(type_.lines("Summary", width, 12, bold=True), footer, space_after=4)
        builder.flow(type_.lines(record.summary, width, 10.5), footer)


def _text_part(builder: Builder, text: Text, title: str, footer: str, annotations: Sequence[Annotation]) -> None:
    builder.new_page(footer)
    width = A4[0] - 2 * MARGIN
    builder.flow(builder.type.lines(title, width, 14, bold=True), footer, space_after=10)
    marks = Highlights(annotations)
    builder.flow(builder.type.iter_lines(text.body, width, BODY_SIZE), footer, each=marks.take, keep=False)
    marks.add_to(builder)


def _facing(
    builder: Builder,
    left: Text,
    right: Text,
    titles: tuple[str, str],
    footer: str,
    annotations: Mapping[str, Sequence[Annotation]],
) -> None:
    """Original left, translation right, each stretch beside its translation, on landscape pages."""
    builder.new_page(footer, landscape=True)
    gutter = 28.0
    column = (A4[1] - 2 * MARGIN - gutter) / 2
    xs = (MARGIN, MARGIN + column + gutter)
    heads = [builder.type.lines(t, column, 13, bold=True) for t in titles]
    top = builder.y
    for x, head in zip(xs, heads, strict=True):
        builder.y = top
        builder.flow(head, footer, x=x, landscape=True)
    builder.y = top + max(len(h) for h in heads) * 13 * LEADING + 10
    bodies = (left.body, right.body)
    marks = (Highlights(annotations.get(left.kind, ())), Highlights(annotations.get(right.kind, ())))
    # the rows the window's side by side view shows: aligned by structure and anchors
    for row in align(left.body, right.body, left.language, right.language):
        columns: list[list[Line]] = []
        for side, span in enumerate((row.left, row.right)):
            text = bodies[side][span[0] : span[1]] if span else ""
            columns.append(builder.type.lines(text, column, BODY_SIZE, offset=span[0]) if span else [])
        height = BODY_SIZE * LEADING
        for index in range(max(len(columns[0]), len(columns[1]))):
            if builder.y + height > builder.bottom:
                builder.new_page(footer, landscape=True)
            builder.y += height
            for side in (0, 1):
                if index < len(columns[side]):
                    item = Placed(
                        builder.pdf.page_count - 1, xs[side], builder.y - BODY_SIZE * 0.3, columns[side][index]
                    )
                    builder.put(item)
                    marks[side].take(item)
        builder.y += BODY_SIZE * 0.8
    for side in (0, 1):
        marks[side].add_to(builder)


def _scan(
    builder: Builder, archive: Archive, document_id: int, footer: str, annotations: Sequence[Annotation]
) -> int | None:
    """Copy the scan's pages as they are and put rectangles and pins on them; returns the first page."""
    import pymupdf

    sources: dict[int, pymupdf.Document] = {}
    first = None
    by_page: dict[int, list[Annotation]] = {}
    for annotation in annotations:
        if annotation.page_id is not None:
            by_page.setdefault(annotation.page_id, []).append(annotation)
    try:
        for page_row in archive.scan_pages(document_id):
            source = sources.get(page_row.file_id)
            if source is None:
                data = archive.file_bytes(page_row.file_id)
                if data is None:
                    continue
                source = pymupdf.open(stream=data)
                if not source.is_pdf:  # an image: a PDF page of its own size, the image placed once
                    source = pymupdf.open("pdf", source.convert_to_pdf())
                sources[page_row.file_id] = source
            if not 0 <= page_row.file_page < source.page_count:
                continue
            builder.pdf.insert_pdf(
                source, from_page=page_row.file_page, to_page=page_row.file_page, annots=False, links=False
            )
            page = builder.pdf[-1]
            first = page.number if first is None else first
            builder.footers[page.number] = footer
            for annotation in by_page.get(page_row.id, ()):
                builder.shape(page, annotation)
    finally:
        for source in sources.values():
            source.close()
    return first


def _language(text: Text) -> str:
    return LANGUAGES.get(text.language or "", text.language or "")


def export_document(builder: Builder, archive: Archive, record: DocumentRecord) -> None:
    """One document's section: cover, scan, texts (sequential or facing), with outline entries."""
    document_id = record.id
    options = builder.options
    footer = short_citation(record)
    wanted = [a for a in list_annotations(archive, document_id) if options.wants(a)]
    by_part: dict[str, list[Annotation]] = {}
    for annotation in wanted:
        by_part.setdefault(annotation.part, []).append(annotation)
    start = builder.pdf.page_count
    _cover(builder, record, footer)
    builder.toc.append([1, record.title or record.key, start + 1])
    if "scan" in options.parts and record.pages:
        first = _scan(builder, archive, document_id, footer, by_part.get("scan", []))
        if first is not None:
            builder.toc.append([2, f"Scan ({record.pages} page{'s' * (record.pages != 1)})", first + 1])
    texts: dict[str, Text] = {}
    for row in record.texts:  # the record carries them: no second read
        texts.setdefault(row.kind, row)
    kinds = [k for k in TEXT_PARTS if k in options.parts and k in texts]
    if options.layout == "facing" and "transcript" in kinds and "translation" in kinds:
        left, right = texts["transcript"], texts["translation"]
        titles = (f"Original ({_language(left)})", f"Translation ({_language(right)})")
        builder.toc.append([2, f"{titles[0]} beside {titles[1]}", builder.pdf.page_count + 1])
        _facing(builder, left, right, titles, footer, by_part)
        kinds = [k for k in kinds if k not in ("transcript", "translation")]
    for kind in kinds:
        text = texts[kind]
        title = f"{kind.capitalize()} ({_language(text)})" if text.language else kind.capitalize()
        builder.toc.append([2, title, builder.pdf.page_count + 1])
        _text_part(builder, text, title, footer, by_part.get(kind, []))
    builder.summary.documents += 1
