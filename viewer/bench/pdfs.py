"""PDFs the benchmarks (and the OCR tests) generate, so figures compare like with like on any machine:
a text PDF in Russian and English, an image-only scan, and a typewritten telegram with a text layer."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

MONO = Path("/usr/share/fonts/truetype/dejavu/DejaVuSansMono.ttf")
LINES = [
    "13 мая 1950 г. СОВЕРШЕННО СЕКРЕТНО. Москва, товарищу Филиппову.",
    "Сегодня ночью Мао Цзэдун сообщил, что Ким Ир Сен прибыл в Пекин.",
    "May 13, 1950. TOP SECRET. Moscow, to Comrade Filippov.",
    "Tonight Mao Zedong informed us that Kim Il Sung had arrived in Beijing.",
]


def text_pdf(path: Path, pages: int) -> None:
    """``pages`` pages of 40 short bilingual lines with a text layer (fonts embedded as subsets)."""
    import pymupdf

    doc = pymupdf.open()
    font = pymupdf.Font("cjk")
    for number in range(pages):
        page = doc.new_page()
        page.insert_font(fontname="F0", fontbuffer=font.buffer)
        for line in range(40):
            page.insert_text((50, 60 + 18 * line), f"{number}.{line} " + LINES[line % 4], fontname="F0", fontsize=9)
    doc.subset_fonts()
    doc.save(path, garbage=3, deflate=True)
    doc.close()


def image_only_pdf(
    path: Path,
    pages: Sequence[Sequence[str]],
    origin: tuple[float, float] = (60, 90),
    spacing: float = 28,
    size: float = 14,
) -> Path:
    """An image-only PDF (no text layer, as OCR meets it): typewriter-like lines rendered to a gray
    200-dpi image, then placed as the page; one page per list of lines."""
    import pymupdf

    font = pymupdf.Font(fontfile=str(MONO)) if MONO.exists() else pymupdf.Font("cjk")
    out = pymupdf.open()
    for lines in pages:
        sheet = pymupdf.open()
        page = sheet.new_page()
        page.insert_font(fontname="F0", fontbuffer=font.buffer)
        for number, line in enumerate(lines):
            page.insert_text((origin[0], origin[1] + spacing * number), line, fontname="F0", fontsize=size)
        pix = page.get_pixmap(dpi=200, colorspace=pymupdf.csGRAY)
        sheet.close()
        target = out.new_page()
        target.insert_image(target.rect, pixmap=pix)
    out.save(path, garbage=3, deflate=True)
    out.close()
    return path


def scan_pdf(path: Path, pages: int) -> Path:
    """``pages`` image-only pages of 30 bilingual lines each (the OCR benchmark's input)."""
    lines = [LINES[line % 4][:60] for line in range(30)]
    return image_only_pdf(path, [lines] * pages, origin=(40, 60), spacing=24, size=12)


def telegram_pdf(path: Path, pages: int = 4) -> None:
    """A typewritten telegram with a text layer and a frame (the render benchmark's scan)."""
    import pymupdf

    doc = pymupdf.open()
    for number in range(pages):
        page = doc.new_page()
        page.insert_text((72, 90), f"CIPHERED TELEGRAM No. {8600 + number}", fontsize=18, fontname="cour")
        for line in range(40):
            page.insert_text(
                (72, 130 + line * 16),
                "Inform Mao Zedong that Cde. Filippov and his friends consider the opinion correct.",
                fontsize=10,
                fontname="cour",
            )
        page.draw_rect(pymupdf.Rect(60, 60, 540, 780), color=(0.2, 0.2, 0.2))
    doc.save(path)
    doc.close()


def jpeg_scan_pdf(path: Path, dpi: int = 200, seed: int = 3) -> Path:
    """A one-page scan as a camera or scanner makes it: the telegram drawn at ``dpi`` in colour,
    paper grain added (seeded noise in the low bits of every sample), stored as a JPEG image page
    with no text layer; so a render pays for decoding a photographic JPEG, not for vector text."""
    import random

    import pymupdf

    source = path.with_suffix(".source.pdf")
    telegram_pdf(source, pages=1)
    with pymupdf.open(source) as doc:
        pix = doc[0].get_pixmap(dpi=dpi, colorspace=pymupdf.csRGB, alpha=False)
    source.unlink()
    samples = pix.samples
    grain = random.Random(seed).randbytes(len(samples))
    mask = int.from_bytes(b"\x3f" * len(samples), "big")
    mixed = int.from_bytes(samples, "big") ^ (int.from_bytes(grain, "big") & mask)
    noisy = pymupdf.Pixmap(pymupdf.csRGB, pix.width, pix.height, mixed.to_bytes(len(samples), "big"), 0)
    out = pymupdf.open()
    page = out.new_page(width=pix.width * 72 / dpi, height=pix.height * 72 / dpi)
    page.insert_image(page.rect, stream=noisy.tobytes("jpeg", jpg_quality=85))
    out.save(path)
    out.close()
    return path
