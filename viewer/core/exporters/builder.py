"""The output PDF under construction: pages, flowing lines, outline, footers and annotations.

Lines go onto their page through one TextWriter per page and colour, written when the page is done
(``flush``); highlights gather their quads line by line as a text is set (``Highlights``). So an
export costs time in proportion to its text and holds about a page of glyphs, not the whole text.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable, Iterable, Sequence
from typing import TYPE_CHECKING, Any

from ..annotations import COLORS
from ..records import Annotation
from .options import ExportOptions, ExportSummary
from .typesetting import A4, FOOTER_GAP, GREY, LEADING, MARGIN, Line, Placed, Typesetter, line_quad, quads_for

Color = tuple[float, float, float]
BLACK: Color = (0.0, 0.0, 0.0)

if TYPE_CHECKING:
    import pymupdf


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
        self._writers: dict[tuple[int, Color], pymupdf.TextWriter] = {}

    # pages and flowing lines

    def put(self, placed: Placed, color: Color = BLACK) -> None:
        """Set a line on its page (written with the page's other lines by ``flush``)."""
        import pymupdf

        key = (placed.page, color)
        writer = self._writers.get(key)
        if writer is None:
            writer = self._writers[key] = pymupdf.TextWriter(self.pdf[placed.page].rect, color=color)
        self.type.add(writer, placed)

    def flush(self) -> None:
        """Write the lines set so far onto their pages: one text object per page and colour."""
        for (page, _color), writer in self._writers.items():
            writer.write_text(self.pdf[page])
        self._writers.clear()

    def new_page(self, footer: str, landscape: bool = False) -> pymupdf.Page:
        self.flush()
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
        self,
        lines: Iterable[Line],
        footer: str,
        x: float = MARGIN,
        landscape: bool = False,
        space_after: float = 0.0,
        *,
        each: Callable[[Placed], None] | None = None,
        keep: bool = True,
    ) -> list[Placed]:
        """Set lines one under another from the current position, starting new pages as needed.
        ``each`` sees every line as it is placed; with ``keep=False`` none is kept (a long text)."""
        placed = []
        for line in lines:
            height = line.size * LEADING * (1.0 if line.glyphs else 0.5)  # a blank line: half a line
            if self.y + height > self.bottom:
                self.new_page(footer, landscape)
            self.y += height
            item = Placed(self.pdf.page_count - 1, x, self.y - line.size * 0.3, line)
            self.put(item)
            if each is not None:
                each(item)
            if keep:
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
        annot.set_flags(pymupdf.mupdf.PDF_ANNOT_IS_PRINT)  # the typed home of the constant pymupdf copies
        annot.update()
        self.summary.annotations += 1

    def highlight(self, placed: Sequence[Placed], annotation: Annotation, shift: int = 0) -> None:
        assert annotation.start is not None and annotation.end is not None
        self.highlight_quads(quads_for(placed, annotation.start - shift, annotation.end - shift), annotation)

    def highlight_quads(self, by_page: dict[int, list[Any]], annotation: Annotation) -> None:
        for page_number, quads in by_page.items():
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
        self.flush()
        total = self.pdf.page_count
        for number in range(total):
            page = self.pdf[number]
            width, height = page.rect.width, page.rect.height
            label = f"{number + 1} / {total}"
            size = 8.0
            number_line = self.type.lines(label, width, size)[0]
            self.put(
                Placed(number, width - MARGIN * 0.6 - number_line.width, height - FOOTER_GAP * 0.6, number_line),
                GREY,
            )
            text = self.footers.get(number, "")
            if text:
                line = self.type.lines(text, width - MARGIN * 1.2 - number_line.width - 24, size)[0]
                self.put(Placed(number, MARGIN * 0.6, height - FOOTER_GAP * 0.6, line), GREY)
            self.flush()  # page by page: the writers of a thousand pages are not held at once


class Highlights:
    """The highlights of one text, their quads gathered line by line as the text is set, so that no
    line need be kept once it is on its page; ``add_to`` puts them on the pages at the end."""

    def __init__(self, annotations: Iterable[Annotation]):
        self.annotations = sorted(
            (a for a in annotations if a.start is not None and a.end is not None and a.end > a.start),
            key=lambda a: a.start or 0,
        )
        self._starts = [a.start or 0 for a in self.annotations]
        self._quads: list[dict[int, list[Any]]] = [{} for _ in self.annotations]
        self._active: list[int] = []  # annotations begun at or before the last line, perhaps not ended
        self._next = 0  # the first annotation not yet begun
        self._last_first = -1

    def take(self, placed: Placed) -> None:
        """Note the quads ``placed`` holds of any highlight."""
        offsets = [g.offset for g in placed.line.glyphs if g.offset >= 0]
        if not offsets or not self.annotations:
            return
        first, last = offsets[0], offsets[-1]
        if first < self._last_first:  # lines out of order (not the case today): look at all again
            self._active, self._next = [], 0
        self._last_first = first
        begun = bisect_right(self._starts, last)
        self._active += range(self._next, max(self._next, begun))
        self._next = max(self._next, begun)
        still = []
        for index in self._active:
            annotation = self.annotations[index]
            assert annotation.start is not None and annotation.end is not None
            if annotation.end <= first:
                continue  # ended before this line: no later line holds it
            still.append(index)
            quad = line_quad(placed, annotation.start, annotation.end)
            if quad is not None:
                self._quads[index].setdefault(placed.page, []).append(quad)
        self._active = still

    def add_to(self, builder: Builder) -> None:
        for annotation, quads in zip(self.annotations, self._quads, strict=True):
            if quads:
                builder.highlight_quads(quads, annotation)
