"""The output PDF under construction: pages, flowing lines, outline, footers and annotations."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from ..annotations import COLORS
from ..records import Annotation
from .options import ExportOptions, ExportSummary
from .typesetting import A4, FOOTER_GAP, GREY, LEADING, MARGIN, Line, Placed, Typesetter, quads_for

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
        annot.set_flags(pymupdf.mupdf.PDF_ANNOT_IS_PRINT)  # the typed home of the constant pymupdf copies
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
        for number in range(total):
            page = self.pdf[number]
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
