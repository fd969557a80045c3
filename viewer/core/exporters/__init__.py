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

Modules: ``options`` (what is asked, what is reported), ``typesetting`` (glyph boxes), ``paragraphs``
(pairing for ``facing``), ``builder`` (the PDF under construction), ``sections`` (one document) and
``pdf_handout`` (``export_pdf``, the whole file).

Exchange formats for other tools (issue 14), through one streaming runner (``runner``:
``export_documents``): ``csv_out`` (a row per document), ``json_out`` (the records of ``show --json``
with their annotations, tags, corrections and scan files, a version and a JSON Schema in
``schemas/``), ``tei`` and ``tei_text`` (TEI P5, a file per document or a corpus), ``cmif``
(correspondence for correspSearch), ``csl`` (CSL-JSON and RIS) and ``citations`` (Chicago, APA and
MLA from the CSL styles in ``styles/``, by citeproc-py); ``fields`` and ``places`` derive what they
share from a record. lxml and citeproc-py load only when used.
"""

from .citations import DEFAULT_STYLE, STYLES, CitationError, cite
from .options import LAYOUTS, PARTS, ExportOptions, ExportProgress, ExportSummary
from .paragraphs import align_paragraphs, paragraph_spans
from .pdf_handout import export_pdf, export_to
from .runner import FORMATS, Chosen, ExchangeOptions, export_documents
from .sections import export_document, short_citation

__all__ = [
    "DEFAULT_STYLE",
    "FORMATS",
    "LAYOUTS",
    "PARTS",
    "STYLES",
    "Chosen",
    "CitationError",
    "ExchangeOptions",
    "ExportOptions",
    "ExportProgress",
    "ExportSummary",
    "align_paragraphs",
    "cite",
    "export_document",
    "export_documents",
    "export_pdf",
    "export_to",
    "paragraph_spans",
    "short_citation",
]
