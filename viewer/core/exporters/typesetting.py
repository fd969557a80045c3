"""Typesetting for the handout: lines of glyphs whose boxes we know, so highlights land exactly.

Fonts are embedded as subsets: MuPDF's Nimbus Roman (Latin, Cyrillic, Greek) with Droid Sans Fallback
for every character it lacks (CJK, Hangul). Lines are made one at a time (``iter_lines``) and go onto
a page's one TextWriter (``add``), so a long text costs time in proportion to its length and keeps no
more than a page of glyphs in memory.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import pymupdf

A4 = (595.28, 841.89)
MARGIN = 64.0
FOOTER_GAP = 28.0  # footer baseline above the bottom edge
BODY_SIZE = 11.0
LEADING = 1.42
GREY = (0.35, 0.35, 0.35)
# characters that may stand alone on a line break (CJK has no spaces between words)
_TOKENS = re.compile(
    r"[\u2e80-\u9fff\uac00-\ud7af\uf900-\ufaff\uff00-\uffef]|[^\s\u2e80-\u9fff\uac00-\ud7af"
    r"\uf900-\ufaff\uff00-\uffef]+|[^\S\n]+"
)


@dataclass(slots=True)
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
        return list(self.iter_lines(text, width, size, bold, offset))

    def iter_lines(
        self, text: str, width: float, size: float = BODY_SIZE, bold: bool = False, offset: int = 0
    ) -> Iterator[Line]:
        """``lines`` one at a time, for a text too long to hold as glyphs all at once."""
        position = offset
        for source_line in _source_lines(text):
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
                    yield line
                    line = Line(size=size, bold=bold)
                for index, char in enumerate(token):  # a word wider than the line breaks anywhere
                    if line.glyphs and line.width + self.advance(char, self.font_for(char, bold), size) > width:
                        self._trim(line)
                        yield line
                        line = Line(size=size, bold=bold)
                    self._add(line, char, start + index, size, bold)
            self._trim(line)
            yield line
            position += len(source_line) + 1

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

    def add(self, writer: pymupdf.TextWriter, placed: Placed) -> None:
        """Append a line's glyphs to a page's TextWriter, one run per font. The writer goes onto its
        page once, with every line of it: a text object per line made the PDF's objects grow with the
        lines, and the save's merging of duplicate objects with their square."""
        runs: list[tuple[int, float, list[str]]] = []
        for glyph in placed.line.glyphs:
            if runs and runs[-1][0] == glyph.font:
                runs[-1][2].append(glyph.char)
            else:
                runs.append((glyph.font, glyph.x, [glyph.char]))
        for font, x, chars in runs:
            writer.append((placed.x + x, placed.y), "".join(chars), font=self.fonts[font], fontsize=placed.line.size)


def _source_lines(text: str) -> Iterator[str]:
    """``text.split("\\n")`` one line at a time (a long text is not copied into a list of lines)."""
    start = 0
    while (end := text.find("\n", start)) >= 0:
        yield text[start:end]
        start = end + 1
    yield text[start:]


def line_quad(placed: Placed, start: int, end: int) -> Any | None:
    """The quad covering exactly the characters [start, end) of a body on one placed line, if any."""
    import pymupdf

    inside = [g for g in placed.line.glyphs if start <= g.offset < end]
    if not inside:
        return None
    size = placed.line.size
    x0 = placed.x + inside[0].x
    x1 = placed.x + inside[-1].x + inside[-1].width
    return pymupdf.Rect(x0, placed.y - size * 0.92, x1, placed.y + size * 0.26).quad


def quads_for(placed_lines: Sequence[Placed], start: int, end: int) -> dict[int, list[Any]]:
    """Quads covering exactly the characters [start, end) of a body, grouped by page."""
    pages: dict[int, list[Any]] = {}
    for placed in placed_lines:
        quad = line_quad(placed, start, end)
        if quad is not None:
            pages.setdefault(placed.page, []).append(quad)
    return pages
