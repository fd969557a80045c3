"""Reading PDFs and scan images with MuPDF: pages, their text layer, OCR of the pages without one.

PyMuPDF is imported inside the functions: it costs start-up time the list and search commands
should not pay. MuPDF's own messages are silenced on stderr and collected instead, so a damaged
file that MuPDF repairs is reported as such rather than printing noise.
"""

from __future__ import annotations

import math
import time
import unicodedata
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from .. import ocr
from ..errors import ImportRefused
from ..messages import say
from ..records import page_values

if TYPE_CHECKING:
    import pymupdf

MAX_PAGES = 3000
TIME_BUDGET = 120.0  # seconds to read one file's text layer (OCR not counted)
# page points: beyond PDF's 14,400 (200 inches, lifted by UserUnit) for posters and maps scanned whole
# (18,000 × 36,000 is a real one); they are drawn and read at a scale that keeps within MAX_PIXELS
MIN_SIDE, MAX_SIDE = 1.0, 200_000.0
MAX_PIXELS = 40_000_000  # the largest image we render, whatever the page size asks for
MAX_PIXEL_SIDE = 12_000
OCR_DPI = 300
MIME = {"pdf": "application/pdf", "png": "image/png", "jpeg": "image/jpeg", "tiff": "image/tiff"}


class PasswordRequired(ImportRefused):
    """An encrypted PDF: the GUI can ask for a password and try again (``wrong`` when one failed)."""

    def __init__(self, name: str, wrong: bool = False):
        super().__init__(name, say("wrong_password") if wrong else say("password_needed"))
        self.wrong = wrong


@dataclass
class ReadOptions:
    """How to read one file; also carried through a batch (see pdf.pdf_options)."""

    password: str | None = None
    ocr: bool = True
    languages: str | None = None  # Tesseract codes, "rus+eng"; None: the configured default
    max_pages: int = MAX_PAGES
    time_budget: float = TIME_BUDGET


@dataclass
class PageData:
    file_page: int
    width: float
    height: float
    text: str | None = None
    text_origin: str | None = None  # 'layer' or 'ocr'
    ocr_confidence: float | None = None
    needs_ocr: bool = False
    note: str | None = None  # why the page has no text, when it matters

    def as_row(self) -> dict[str, Any]:
        return page_values(self)


@dataclass
class Extracted:
    """What a file holds, read before any transaction is opened."""

    kind: str  # pdf, png, jpeg, tiff
    pages: list[PageData]
    metadata: dict[str, str] = field(default_factory=dict)
    repaired: bool = False
    warnings: list[str] = field(default_factory=list)
    stored: bytes | None = None  # bytes to store instead of the original (a decrypted copy)
    ocr_note: str | None = None  # why pages still need OCR

    @property
    def mime(self) -> str:
        return MIME[self.kind]

    def pending_ocr(self) -> int:
        return sum(1 for page in self.pages if page.needs_ocr)


@contextmanager
def quiet() -> Iterator[list[str]]:
    """Silence MuPDF on stderr and collect its warnings into the list yielded."""
    import pymupdf

    collected: list[str] = []
    pymupdf.TOOLS.mupdf_display_errors(False)
    pymupdf.TOOLS.mupdf_display_warnings(False)
    pymupdf.TOOLS.reset_mupdf_warnings()
    try:
        yield collected
    finally:
        collected += [clean_text(line) for line in pymupdf.TOOLS.mupdf_warnings().splitlines() if clean_text(line)]
        pymupdf.TOOLS.reset_mupdf_warnings()


def open_document(data: bytes, name: str, kind: str = "pdf", password: str | None = None) -> pymupdf.Document:
    """Open bytes as a PDF or an image document; every failure is an ImportRefused naming the problem."""
    return _open(data, name, kind, password)[0]


def _open(data: bytes, name: str, kind: str, password: str | None) -> tuple[pymupdf.Document, bool]:
    """The open document, and whether it took a password to open."""
    import pymupdf

    if not data:
        raise ImportRefused(name, say("empty_file"))
    try:
        doc = pymupdf.open(stream=data, filetype=kind)
    except Exception as error:  # MuPDF raises several types for bytes it cannot read
        detail = _short(error)
        why = (
            say("not_a_pdf", detail=detail)
            if kind == "pdf"
            else say("not_an_image_kind", kind=kind.upper(), detail=detail)
        )
        raise ImportRefused(name, why) from None
    if doc.needs_pass:
        if not password:
            doc.close()
            raise PasswordRequired(name)
        if not doc.authenticate(password):
            doc.close()
            raise PasswordRequired(name, wrong=True)
        return doc, True
    return doc, False


def usable_size(width: float, height: float) -> bool:
    return all(math.isfinite(v) and MIN_SIDE <= v <= MAX_SIDE for v in (width, height))


def clean_text(text: str) -> str:
    text = text.replace("\x00", "").replace("\r\n", "\n").replace("\r", "\n")
    return "".join(ch for ch in text if ch in "\n\t" or unicodedata.category(ch) not in ("Cc", "Cs")).strip()


def is_readable(text: str) -> bool:
    """Whether a text layer holds words rather than unmapped glyphs (U+FFFD, private use)."""
    chars = [ch for ch in text if not ch.isspace()]
    if not chars:
        return False
    bad = sum(1 for ch in chars if ch == "\ufffd" or "\ue000" <= ch <= "\uf8ff")
    return bad / len(chars) < 0.3 and sum(1 for ch in chars if ch.isalnum()) >= 2


def page_text(page: pymupdf.Page) -> str:
    """The text layer in reading order, one paragraph per text block."""
    blocks = page.get_text("blocks", sort=True)
    return "\n\n".join(clean_text(block[4]) for block in blocks if block[6] == 0 and clean_text(block[4]))


def _has_images(page: pymupdf.Page) -> bool:
    try:
        return bool(page.get_image_info())
    except Exception:
        return bool(page.get_images())


def read_pages(doc: pymupdf.Document, name: str, options: ReadOptions, image: bool = False) -> list[PageData]:
    """Every page's size and text layer, within the file's page and time limits."""
    import pymupdf

    try:
        count = doc.page_count
    except (RuntimeError, ValueError) as error:
        raise ImportRefused(name, say("pages_uncountable", detail=_short(error))) from None
    if count == 0:
        raise ImportRefused(name, say("no_pages"))
    if count > options.max_pages:
        raise ImportRefused(name, say("too_many_pages", count=count, limit=options.max_pages))
    started = time.monotonic()
    pages: list[PageData] = []
    for index in range(count):
        if time.monotonic() - started > options.time_budget:
            seconds = f"{options.time_budget:.0f}"
            raise ImportRefused(name, say("too_slow", seconds=seconds, page=index + 1, count=count))
        try:
            page = doc[index]
            rect = page.rect
            data = PageData(index, round(rect.width, 2), round(rect.height, 2))
            if not usable_size(rect.width, rect.height):
                data.note = say("page_absurd", page=index + 1, width=f"{rect.width:g}", height=f"{rect.height:g}")
            elif image:
                page.get_pixmap(matrix=pymupdf.Matrix(0.05, 0.05))  # decodes it: a broken image fails here
                data.needs_ocr = True
            else:
                text = page_text(page)
                if is_readable(text):
                    data.text, data.text_origin = text, "layer"
                elif text or _has_images(page):  # glyphs without a usable mapping read like a scan
                    data.needs_ocr = True
        except Exception as error:
            data = PageData(index, 0.0, 0.0, note=say("page_unreadable", page=index + 1, detail=_short(error)))
        pages.append(data)
    if all(page.note and not page.needs_ocr and page.text is None for page in pages):
        raise ImportRefused(
            name,
            pages[0].note or say("no_readable_page")
            if count == 1
            else say("no_page_readable", count=count, note=pages[0].note),
        )
    return pages


def _nothing_recovered(doc: pymupdf.Document, pages: list[PageData]) -> bool:
    """Whether a repaired file's pages are all blank: no text, no images, one colour when drawn."""
    import pymupdf

    if any(page.text or page.needs_ocr for page in pages):
        return False
    try:
        return all(
            doc[page.file_page].get_pixmap(matrix=pymupdf.Matrix(0.3, 0.3)).is_unicolor
            for page in pages[:5]
            if not page.note
        )
    except Exception:
        return True


def zoom_for(width: float, height: float, dpi: float) -> float:
    """The render scale for ``dpi``, reduced so the image stays within the pixel limits."""
    zoom = dpi / 72
    if width > 0 and height > 0 and math.isfinite(width * height):
        zoom = min(zoom, MAX_PIXEL_SIDE / max(width, height), math.sqrt(MAX_PIXELS / (width * height)))
    return max(zoom, 0.01)


def render(page: pymupdf.Page, dpi: float = 150, gray: bool = False) -> pymupdf.Pixmap:
    import pymupdf

    rect = page.rect
    if not usable_size(rect.width, rect.height):
        rect = rect & pymupdf.Rect(0, 0, MAX_SIDE, MAX_SIDE)
        if rect.is_empty:
            raise ValueError("the page has no area to render")
    zoom = zoom_for(rect.width, rect.height, dpi)
    return page.get_pixmap(
        matrix=pymupdf.Matrix(zoom, zoom), clip=rect, colorspace=pymupdf.csGRAY if gray else pymupdf.csRGB, alpha=False
    )


def render_png(data: bytes, mime: str, file_page: int, dpi: float = 150) -> bytes:
    """One page of a stored file as PNG bytes (the Scan tab, the benchmark, tests)."""
    kind = next((k for k, m in MIME.items() if m == mime), "pdf")
    with quiet():
        doc = open_document(data, "stored file", kind)
        try:
            return bytes(render(doc[file_page], dpi).tobytes("png"))
        finally:
            doc.close()


def page_count(data: bytes, mime: str) -> int | None:
    """How many pages a stored file holds; None when MuPDF cannot open it."""
    import pymupdf

    kind = next((k for k, m in MIME.items() if m == mime), "pdf")
    with quiet():
        try:
            doc = pymupdf.open(stream=data, filetype=kind)
        except Exception:  # MuPDF raises several types for bytes it cannot read
            return None
        try:
            return int(doc.page_count)
        except (RuntimeError, ValueError):
            return None
        finally:
            doc.close()


def ocr_pages(doc: pymupdf.Document, pages: list[PageData], languages: str | None) -> list[str]:
    """OCR the pages that need it, in place; returns warnings for pages that failed."""
    wanted = [page for page in pages if page.needs_ocr]
    if not wanted:
        return []

    def images() -> Iterator[bytes]:
        for page in wanted:
            try:
                yield bytes(render(doc[page.file_page], OCR_DPI, gray=True).tobytes("png"))
            except Exception:
                yield b""  # Tesseract refuses it; the page stays marked as needing OCR

    warnings = []
    for page, result in zip(wanted, ocr.ocr_many(images(), languages), strict=True):
        if isinstance(result, ocr.OcrError):
            warnings.append(say("ocr_page_failed", page=page.file_page + 1, detail=result))
            continue
        page.needs_ocr = False
        page.text = result.text or None
        page.text_origin = "ocr" if result.text else None
        page.ocr_confidence = result.confidence
    return warnings


def extract(data: bytes, name: str, kind: str = "pdf", options: ReadOptions | None = None) -> Extracted:
    """Read a whole file: pages, text layer, metadata, repairs, and OCR where allowed and possible."""
    import pymupdf

    options = options or ReadOptions()
    with quiet() as messages:
        doc, locked = _open(data, name, kind, options.password)
        try:
            extracted = Extracted(kind, read_pages(doc, name, options, image=kind != "pdf"))
            try:
                extracted.repaired = bool(getattr(doc, "is_repaired", False))
                info = doc.metadata or {}
            except (RuntimeError, ValueError):  # an unreadable Info dictionary loses the metadata only
                info = {}
            extracted.metadata = {k: clean_text(v) for k, v in info.items() if isinstance(v, str) and clean_text(v)}
            if (extracted.repaired or "repair" in pymupdf.TOOLS.mupdf_warnings().lower()) and _nothing_recovered(
                doc, extracted.pages
            ):
                raise ImportRefused(name, say("nothing_recovered"))
            if locked:
                extracted.stored = doc.tobytes(encryption=pymupdf.mupdf.PDF_ENCRYPT_NONE, garbage=0)
                extracted.warnings.append(say("stored_unlocked"))
            if extracted.pending_ocr():
                if not options.ocr:
                    extracted.ocr_note = say("ocr_not_asked")
                elif not ocr.available(options.languages):
                    extracted.ocr_note = (
                        say("no_tesseract")
                        if not ocr.tesseract()
                        else say("no_tesseract_language", languages=options.languages or ocr.DEFAULT_LANGUAGES)
                    )
                else:
                    extracted.warnings += ocr_pages(doc, extracted.pages, options.languages)
        finally:
            doc.close()
    extracted.warnings += [page.note for page in extracted.pages if page.note]
    if any("repair" in line.lower() for line in messages):
        extracted.repaired = True
    if extracted.repaired:
        detail = next((line for line in messages if line.strip()), "")
        extracted.warnings.insert(
            0, say("repaired_damaged_detail", detail=detail[:120]) if detail else say("repaired_damaged")
        )
    return extracted


def _short(error: BaseException) -> str:
    text = " ".join(str(error).split()) or type(error).__name__
    return text[:160]
