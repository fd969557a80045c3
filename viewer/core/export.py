"""Annotated PDF export: a handout any PDF reader shows and prints, annotations included.

Each document gets a section: a cover page with its metadata, its scan pages, its transcript and
translation. The parts are built so the annotations land exactly and survive other readers:

- Scan pages of a PDF original are copied with ``insert_pdf`` (vectors and text layer kept, never
  re-rasterised); images become pages of their own size. Rectangles and pinned notes become
  Square and Text annotations in the page's own points.
- Transcripts and translations are typeset here, line by line, with ``TextWriter`` and fonts
  embedded as subsets: MuPDF's Nimbus Roman (Latin, Cyrillic, Greek) with Droid Sans Fallback for
  every character it lacks (CJK, Hangul). Because we place every character ourselves we know its
  box, so a highlight's quads cover exactly its character range, not whatever a text search finds.
- Highlights, rectangles and pins are standard annotations with the note as content, the author
  as title, the print flag set and appearance streams generated (``annot.update()``), so readers
  that do not draw annotations themselves still show and print them.

Two layouts. ``sequential`` gives each part its own pages (portrait A4). ``facing`` is for
handouts: landscape A4 pages with the original on the left and the translation on the right,
paragraph beside paragraph (each row as tall as the longer of the two), so a class reads the two
side by side on one sheet; it needs both texts, else the document falls back to ``sequential``.
We chose two columns on one landscape page over pairs of facing portrait pages because a pair
breaks apart as soon as it is printed single-sided or viewed one page at a time.

Export is a generator of ``ExportProgress`` so the command line shows a bar and the window runs it
on a worker with a cancel button; the file is written beside the target and renamed at the end,
so a cancelled or failed export never leaves half a PDF. No Qt here; PyMuPDF is imported lazily.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .annotations import COLORS, TEXT_PARTS, Annotation, list_annotations

if TYPE_CHECKING:
    import pymupdf

    from .store import Archive

A4 = (595.28, 841.89)
MARGIN = 64.0
FOOTER_GAP = 28.0  # footer baseline above the bottom edge
BODY_SIZE = 11.0
LEADING = 1.42
LANGUAGES = {"ru": "Russian", "en": "English", "zh": "Chinese", "ko": "Korean", "de": "German", "fr": "French"}
PARTS = ("scan", "transcript", "translation")
LAYOUTS = ("sequential", "facing")
GREY = (0.35, 0.35, 0.35)
# characters that may stand alone on a line break (CJK has no spaces between words)
_TOKENS = re.compile(
    r"[\u2e80-\u9fff\uac00-\ud7af\uf900-\ufaff\uff00-\uffef]|[^\s\u2e80-\u9fff\uac00-\ud7af"
    r"\uf900-\ufaff\uff00-\uffef]+|[^\S\n]+"
)


@dataclass
class ExportOptions:
    parts: Sequence[str] = PARTS
    annotations: bool = True
    colors: frozenset[str] | None = None  # None: every colour
    layout: str = "sequential"
    author: str | None = None  # the PDF's author (whoever exports)
    title: str | None = None  # the PDF's title when it holds several documents

    def wants(self, annotation: Annotation) -> bool:
        return self.annotations and annotation.anchored and (self.colors is None or annotation.color in self.colors)


@dataclass
class ExportProgress:
    done: int
    total: int
    message: str
    path: Path | None = None  # set on the last step, once the file is in place


@dataclass
class ExportSummary:
    pages: int = 0
    annotations: int = 0
    documents: int = 0


# -- typesetting ------------------------------------------------------------------------------


@dataclass
class Glyph:
    offset: int  # index into the text body (-1 for text that is not part of a body)
    char: str
    x: float  # from the line's left edge
    width: float
    font: int  # index into Typesetter.fonts


@dataclass
class Line:
    glyphs: list[Glyph] = field(default_factory=list)
    size: float = BODY_SIZE
    bold: bool = False

    @property
    def width(self) -> float:
        return self.glyphs[-1].x + self.glyphs[-1].width if self.glyphs else 0.0


@dataclass
class Placed:
    """A line set on a page: where its baseline starts."""

    page: int
    x: float
    y: float
    line: Line


class Typesetter:
    """Breaks text into lines of glyphs with known boxes, choosing a font per character."""

    def __init__(self) -> None:
        import pymupdf

        # from buffers, so TextWriter embeds them (a Base14 name alone would not be embedded)
        regular = pymupdf.Font(fontbuffer=pymupdf.Font("tiro").buffer)
        bold = pymupdf.Font(fontbuffer=pymupdf.Font("tibo").buffer)
        fallback = pymupdf.Font("cjk")
        self.fonts = [regular, bold, fallback]
        self._advance: dict[tuple[str, int], float] = {}
        self._has: dict[tuple[int, str], bool] = {}

    def font_for(self, char: str, bold: bool) -> int:
        first = 1 if bold else 0
        key = (first, char)
        if key not in self._has:
            self._has[key] = bool(self.fonts[first].has_glyph(ord(char))) or char.isspace()
        return first if self._has[key] else 2

    def advance(self, char: str, font: int, size: float) -> float:
        key = (char, font)
        if key not in self._advance:
            self._advance[key] = self.fonts[font].text_length(char, fontsize=1.0)
        return self._advance[key] * size

    def lines(
        self, text: str, width: float, size: float = BODY_SIZE, bold: bool = False, offset: int = 0
    ) -> list[Line]:
        """Lines no wider than ``width``; source line breaks are kept, a blank line is an empty Line.
        Glyph offsets count from ``offset`` so they index the whole body."""
        result: list[Line] = []
        position = offset
        for source_line in text.split("\n"):
            line = Line(size=size, bold=bold)
            for match in _TOKENS.finditer(source_line):
                token, start = match.group(), position + match.start()
                if token.isspace():
                    if line.glyphs:
                        self._add(line, token, start, size, bold)
                    continue
                glyphs_width = sum(self.advance(c, self.font_for(c, bold), size) for c in token)
                if line.glyphs and line.width + glyphs_width > width:
                    self._trim(line)
                    result.append(line)
                    line = Line(size=size, bold=bold)
                for index, char in enumerate(token):  # a word wider than the line breaks anywhere
                    if line.glyphs and line.width + self.advance(char, self.font_for(char, bold), size) > width:
                        self._trim(line)
                        result.append(line)
                        line = Line(size=size, bold=bold)
                    self._add(line, char, start + index, size, bold)
            self._trim(line)
            result.append(line)
            position += len(source_line) + 1
        return result

    def _add(self, line: Line, text: str, start: int, size: float, bold: bool) -> None:
        for index, char in enumerate(text):
            font = self.font_for(char, bold)
            line.glyphs.append(
                Glyph(start + index if start >= 0 else -1, char, line.width, self.advance(char, font, size), font)
            )

    @staticmethod
    def _trim(line: Line) -> None:
        while line.glyphs and line.glyphs[-1].char.isspace():
            line.glyphs.pop()

    def write(self, page: pymupdf.Page, placed: Placed, color: tuple[float, float, float] = (0, 0, 0)) -> None:
        """Put a line's glyphs on the page, one TextWriter run per font."""
        import pymupdf

        writer = pymupdf.TextWriter(page.rect, color=color)
        runs: list[tuple[int, float, str]] = []
        for glyph in placed.line.glyphs:
            if runs and runs[-1][0] == glyph.font:
                runs[-1] = (glyph.font, runs[-1][1], runs[-1][2] + glyph.char)
            else:
                runs.append((glyph.font, glyph.x, glyph.char))
        for font, x, text in runs:
            writer.append((placed.x + x, placed.y), text, font=self.fonts[font], fontsize=placed.line.size)
        if runs:
            writer.write_text(page)


def quads_for(placed_lines: Sequence[Placed], start: int, end: int) -> dict[int, list[Any]]:
    """Quads covering exactly the characters [start, end) of a body, grouped by page."""
    import pymupdf

    pages: dict[int, list[Any]] = {}
    for placed in placed_lines:
        inside = [g for g in placed.line.glyphs if start <= g.offset < end]
        if not inside:
            continue
        size = placed.line.size
        x0 = placed.x + inside[0].x
        x1 = placed.x + inside[-1].x + inside[-1].width
        rect = pymupdf.Rect(x0, placed.y - size * 0.92, x1, placed.y + size * 0.26)
        pages.setdefault(placed.page, []).append(rect.quad)
    return pages


def paragraph_spans(body: str) -> list[tuple[int, int]]:
    """Paragraphs as (start, end) offsets: text between blank lines, as the window's side-by-side view
    splits them (so the handout pairs the same paragraphs the reader saw)."""
    spans, start = [], 0
    for match in re.finditer(r"\n[^\S\n]*\n\s*", body + "\n\n"):
        chunk = body[start : match.start()]
        if chunk.strip():
            lead = len(chunk) - len(chunk.lstrip("\n"))
            spans.append((start + lead, start + len(chunk.rstrip("\n"))))
        start = match.end()
    return spans


# two-sided groups of paragraphs: (left count, right count) and a small price for not being 1:1
_MOVES = ((1, 1, 0.0), (2, 1, 0.01), (1, 2, 0.01), (3, 1, 0.02), (1, 3, 0.02), (1, 0, 0.01), (0, 1, 0.01))


def align_paragraphs(
    left: Sequence[tuple[int, int]], right: Sequence[tuple[int, int]]
) -> list[tuple[list[tuple[int, int]], list[tuple[int, int]]]]:
    """Rows of paragraphs to set side by side. A transcript and its translation rarely have the same
    paragraphs (letterheads split differently), so pairing them by number drifts apart; like
    Gale and Church's sentence alignment, this pairs runs of paragraphs whose share of their
    text's length agree, keeping the order. Very long texts fall back to pairing by number."""
    n, m = len(left), len(right)
    if n * m > 200_000 or not n or not m:
        return [([left[i]] if i < n else [], [right[i]] if i < m else []) for i in range(max(n, m))]
    total_a = sum(b - a for a, b in left) or 1
    total_b = sum(b - a for a, b in right) or 1
    la = [0.0] + [(b - a) / total_a for a, b in left]
    lb = [0.0] + [(b - a) / total_b for a, b in right]
    for i in range(1, n + 1):
        la[i] += la[i - 1]
    for j in range(1, m + 1):
        lb[j] += lb[j - 1]
    inf = float("inf")
    cost = [[inf] * (m + 1) for _ in range(n + 1)]
    back: list[list[tuple[int, int]]] = [[(0, 0)] * (m + 1) for _ in range(n + 1)]
    cost[0][0] = 0.0
    for i in range(n + 1):
        for j in range(m + 1):
            here = cost[i][j]
            if here == inf:
                continue
            for di, dj, price in _MOVES:
                ni, nj = i + di, j + dj
                if ni > n or nj > m:
                    continue
                value = here + abs((la[ni] - la[i]) - (lb[nj] - lb[j])) + price
                if value < cost[ni][nj]:
                    cost[ni][nj] = value
                    back[ni][nj] = (di, dj)
    rows = []
    i, j = n, m
    while i or j:
        di, dj = back[i][j]
        rows.append((list(left[i - di : i]), list(right[j - dj : j])))
        i, j = i - di, j - dj
    return rows[::-1]


# -- building the document --------------------------------------------------------------------


class Builder:
    """Collects pages, outline entries, footers and annotations for one output PDF."""

    def __init__(self, options: ExportOptions):
        import pymupdf

        self.options = options
        self.pdf = pymupdf.open()
        self.type = Typesetter()
        self.toc: list[list[Any]] = []
        self.footers: dict[int, str] = {}
        self.summary = ExportSummary()
        self.y = 0.0
        self.size = A4

    # pages and flowing lines

    def new_page(self, footer: str, landscape: bool = False) -> pymupdf.Page:
        width, height = (A4[1], A4[0]) if landscape else A4
        self.size = (width, height)
        page = self.pdf.new_page(width=width, height=height)
        self.footers[page.number] = footer
        self.y = MARGIN
        return page

    @property
    def bottom(self) -> float:
        return self.size[1] - MARGIN

    def flow(
        self, lines: Sequence[Line], footer: str, x: float = MARGIN, landscape: bool = False, space_after: float = 0.0
    ) -> list[Placed]:
        """Set lines one under another from the current position, starting new pages as needed."""
        placed = []
        for line in lines:
            height = line.size * LEADING * (1.0 if line.glyphs else 0.5)  # a blank line: half a line
            if self.y + height > self.bottom:
                self.new_page(footer, landscape)
            self.y += height
            item = Placed(self.pdf.page_count - 1, x, self.y - line.size * 0.3, line)
            self.type.write(self.pdf[item.page], item)
            placed.append(item)
        self.y += space_after
        return placed

    # annotations

    def _finish(self, annot: Any, annotation: Annotation) -> None:
        import pymupdf

        annot.set_info(
            content=annotation.note or "",
            title=annotation.author or "",
            subject=annotation.quote[:120] if annotation.quote else "",
        )
        annot.set_flags(pymupdf.PDF_ANNOT_IS_PRINT)
        annot.update()
        self.summary.annotations += 1

    def highlight(self, placed: Sequence[Placed], annotation: Annotation, shift: int = 0) -> None:
        assert annotation.start is not None and annotation.end is not None
        for page_number, quads in quads_for(placed, annotation.start - shift, annotation.end - shift).items():
            page = self.pdf[page_number]  # held: an annotation lives only as long as its page object
            annot = page.add_highlight_annot(quads=quads)
            annot.set_colors(stroke=COLORS.get(annotation.color, COLORS["yellow"]))
            self._finish(annot, annotation)

    def shape(self, page: pymupdf.Page, annotation: Annotation) -> None:
        import pymupdf

        color = COLORS.get(annotation.color, COLORS["yellow"])
        if annotation.shape == "rect":
            rect = pymupdf.Rect(annotation.x0, annotation.y0, annotation.x1, annotation.y1)
            annot = page.add_rect_annot(rect)
            annot.set_colors(stroke=color)
            annot.set_border(width=2)
        else:
            annot = page.add_text_annot(pymupdf.Point(annotation.x0, annotation.y0), annotation.note or "", icon="Note")
            annot.set_colors(stroke=color)
        self._finish(annot, annotation)

    # finishing

    def write_footers(self) -> None:
        total = self.pdf.page_count
        for number, page in enumerate(self.pdf):
            width, height = page.rect.width, page.rect.height
            label = f"{number + 1} / {total}"
            size = 8.0
            number_line = self.type.lines(label, width, size)[0]
            self.type.write(
                page,
                Placed(number, width - MARGIN * 0.6 - number_line.width, height - FOOTER_GAP * 0.6, number_line),
                GREY,
            )
            text = self.footers.get(number, "")
            if text:
                line = self.type.lines(text, width - MARGIN * 1.2 - number_line.width - 24, size)[0]
                self.type.write(page, Placed(number, MARGIN * 0.6, height - FOOTER_GAP * 0.6, line), GREY)


def short_citation(record: dict[str, Any]) -> str:
    """The footer's citation: who to whom, when, and the document's key, short enough for one line."""
    who = " to ".join(filter(None, (record.get("sender"), record.get("recipient"))))
    head = who or (record.get("title") or record["key"])
    if len(head) > 70:
        head = head[:69] + "…"
    date = record.get("date_as_written") or record.get("date") or "undated"
    return f"{head}, {date} · {record['key'].split('_')[0]}"


def _cover(builder: Builder, record: dict[str, Any], footer: str) -> None:
    builder.new_page(footer)
    width = A4[0] - 2 * MARGIN
    type_ = builder.type
    builder.flow(type_.lines(record["title"] or record["key"], width, 18, bold=True), footer, space_after=14)
    date = record.get("date") or "undated"
    if record.get("date_as_written") and record["date_as_written"] != date:
        date = f"{record['date_as_written']} ({date})"
    fields = [
        ("Date", date),
        ("Type", record.get("type")),
        ("Classification", record.get("classification")),
        ("Sender", record.get("sender")),
        ("Recipient", record.get("recipient")),
        ("Original language", LANGUAGES.get(record.get("original_language") or "", record.get("original_language"))),
        ("Reference numbers", ", ".join(record.get("reference_numbers") or [])),
        ("Archival source", record.get("source")),
        ("Citation", record.get("citation")),
        ("Rights", record.get("rights")),
        ("Credits", record.get("credits")),
        ("Address", record.get("url")),
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
        type_.write(
            builder.pdf[-1],
            Placed(builder.pdf.page_count - 1, MARGIN, top + 10.5 * LEADING - 10.5 * 0.3, label_line),
            GREY,
        )
    if record.get("summary"):
        builder.y += 10
        builder.flow(type_.lines("Summary", width, 12, bold=True), footer, space_after=4)
        builder.flow(type_.lines(record["summary"], width, 10.5), footer)


def _text_part(
    builder: Builder, text: dict[str, Any], title: str, footer: str, annotations: Sequence[Annotation]
) -> None:
    builder.new_page(footer)
    width = A4[0] - 2 * MARGIN
    builder.flow(builder.type.lines(title, width, 14, bold=True), footer, space_after=10)
    placed = builder.flow(builder.type.lines(text["body"], width, BODY_SIZE), footer)
    for annotation in annotations:
        builder.highlight(placed, annotation)


def _facing(
    builder: Builder,
    left: dict[str, Any],
    right: dict[str, Any],
    titles: tuple[str, str],
    footer: str,
    annotations: dict[str, Sequence[Annotation]],
) -> None:
    """Original left, translation right, paragraph beside paragraph, on landscape pages."""
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
    bodies = (left["body"], right["body"])
    spans = [paragraph_spans(b) for b in bodies]
    placed: tuple[list[Placed], list[Placed]] = ([], [])
    for row in align_paragraphs(spans[0], spans[1]):
        columns: list[list[Line]] = []
        for side in (0, 1):
            lines: list[Line] = []
            for number, (start, end) in enumerate(row[side]):
                if number:
                    lines.append(Line(size=BODY_SIZE))
                lines += builder.type.lines(bodies[side][start:end], column, BODY_SIZE, offset=start)
            columns.append(lines)
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
                    builder.type.write(builder.pdf[item.page], item)
                    placed[side].append(item)
        builder.y += BODY_SIZE * 0.8
    for side, kind in enumerate((left["kind"], right["kind"])):
        for annotation in annotations.get(kind, ()):
            builder.highlight(placed[side], annotation)


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
            source = sources.get(page_row["file_id"])
            if source is None:
                data = archive.file_bytes(page_row["file_id"])
                if data is None:
                    continue
                source = pymupdf.open(stream=data)
                if not source.is_pdf:  # an image: a PDF page of its own size, the image placed once
                    source = pymupdf.open("pdf", source.convert_to_pdf())
                sources[page_row["file_id"]] = source
            if not 0 <= page_row["file_page"] < source.page_count:
                continue
            builder.pdf.insert_pdf(
                source, from_page=page_row["file_page"], to_page=page_row["file_page"], annots=False, links=False
            )
            page = builder.pdf[-1]
            first = page.number if first is None else first
            builder.footers[page.number] = footer
            for annotation in by_page.get(page_row["id"], ()):
                builder.shape(page, annotation)
    finally:
        for source in sources.values():
            source.close()
    return first


def _language(text: dict[str, Any]) -> str:
    return LANGUAGES.get(text.get("language") or "", text.get("language") or "")


def export_document(builder: Builder, archive: Archive, document_id: int) -> None:
    """One document's section: cover, scan, texts (sequential or facing), with outline entries."""
    record = archive.record(document_id)
    if record is None:
        return
    options = builder.options
    footer = short_citation(record)
    wanted = [a for a in list_annotations(archive, document_id) if options.wants(a)]
    by_part: dict[str, list[Annotation]] = {}
    for annotation in wanted:
        by_part.setdefault(annotation.part, []).append(annotation)
    start = builder.pdf.page_count
    _cover(builder, record, footer)
    builder.toc.append([1, record["title"] or record["key"], start + 1])
    if "scan" in options.parts and record["pages"]:
        first = _scan(builder, archive, document_id, footer, by_part.get("scan", []))
        if first is not None:
            builder.toc.append([2, f"Scan ({record['pages']} page{'s' * (record['pages'] != 1)})", first + 1])
    texts: dict[str, dict[str, Any]] = {}
    for row in archive.texts(document_id):
        texts.setdefault(row["kind"], dict(row))
    kinds = [k for k in TEXT_PARTS if k in options.parts and k in texts]
    if options.layout == "facing" and "transcript" in kinds and "translation" in kinds:
        left, right = texts["transcript"], texts["translation"]
        titles = (f"Original ({_language(left)})", f"Translation ({_language(right)})")
        builder.toc.append([2, f"{titles[0]} beside {titles[1]}", builder.pdf.page_count + 1])
        _facing(builder, left, right, titles, footer, by_part)
        kinds = [k for k in kinds if k not in ("transcript", "translation")]
    for kind in kinds:
        text = texts[kind]
        title = f"{kind.capitalize()} ({_language(text)})" if text.get("language") else kind.capitalize()
        builder.toc.append([2, title, builder.pdf.page_count + 1])
        _text_part(builder, text, title, footer, by_part.get(kind, []))
    builder.summary.documents += 1


def export_pdf(
    archive: Archive, document_ids: Sequence[int], out: str | Path, options: ExportOptions | None = None
) -> Iterator[ExportProgress]:
    """Write one PDF with a section per document; yields progress, the last step carries the path."""
    options = options or ExportOptions()
    if options.layout not in LAYOUTS:
        raise ValueError(f"unknown layout {options.layout!r}; choose one of {', '.join(LAYOUTS)}")
    out = Path(out)
    total = len(document_ids) + 1
    builder = Builder(options)
    titles = []
    try:
        for done, document_id in enumerate(document_ids):
            row = archive.document_row(document_id)
            title = (row["title"] or row["key"]) if row else str(document_id)
            titles.append((title, row["key"] if row else str(document_id)))
            yield ExportProgress(done, total, f"Setting {title[:60]}")
            export_document(builder, archive, document_id)
        yield ExportProgress(total - 1, total, "Writing the PDF")
        if builder.pdf.page_count == 0:
            raise ValueError("nothing to export: no such documents")
        builder.write_footers()
        builder.pdf.set_toc(builder.toc)
        from .. import APP_NAME, __version__

        title = options.title or (titles[0][0] if len(titles) == 1 else f"{len(titles)} documents")
        builder.pdf.set_metadata(
            {
                "title": title,
                "author": options.author or "",
                "subject": "Annotated documents exported from " + APP_NAME,
                "keywords": ", ".join(key for _, key in titles),
                "creator": f"{APP_NAME} {__version__}",
                "producer": f"{APP_NAME} {__version__} (PyMuPDF)",
            }
        )
        builder.pdf.subset_fonts()
        partial = out.with_name(out.name + ".part")
        try:
            builder.pdf.save(partial, garbage=3, deflate=True)
        except BaseException:
            partial.unlink(missing_ok=True)
            raise
        builder.summary.pages = builder.pdf.page_count
    finally:
        builder.pdf.close()
    os.replace(partial, out)
    yield ExportProgress(total, total, f"{builder.summary.pages} pages, {builder.summary.annotations} annotations", out)


def export_to(
    archive: Archive, document_ids: Sequence[int], out: str | Path, options: ExportOptions | None = None
) -> Path:
    """Run an export to the end (tests, scripts)."""
    steps = list(export_pdf(archive, document_ids, out, options))
    assert steps[-1].path is not None
    return steps[-1].path
