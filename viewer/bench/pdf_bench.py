"""Pages per second for PDF text extraction, 150-dpi rendering and OCR, next to the same work done
by the command-line tools (mutool, pdftotext, pdftoppm, tesseract) in the same run.

    .venv/bin/python -m viewer.bench.pdf_bench [--pages 30] [--ocr-pages 4] [--json OUT]

The test PDFs are generated (a text PDF in Russian and English, an image-only scan), so the numbers
compare like with like on whatever machine runs it. Tools that are not installed are skipped.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from .measure import elapsed_s

LINES = [
    "13 мая 1950 г. СОВЕРШЕННО СЕКРЕТНО. Москва, товарищу Филиппову.",
    "Сегодня ночью Мао Цзэдун сообщил, что Ким Ир Сен прибыл в Пекин.",
    "May 13, 1950. TOP SECRET. Moscow, to Comrade Filippov.",
    "Tonight Mao Zedong informed us that Kim Il Sung had arrived in Beijing.",
]


def make_text_pdf(path: Path, pages: int) -> None:
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


def make_scan_pdf(path: Path, pages: int) -> None:
    import pymupdf

    mono = Path("/usr/share/fonts/truetype/dejavu/DejaVuSansMono.ttf")
    font = pymupdf.Font(fontfile=str(mono)) if mono.exists() else pymupdf.Font("cjk")
    out = pymupdf.open()
    for _ in range(pages):
        sheet = pymupdf.open()
        page = sheet.new_page()
        page.insert_font(fontname="F0", fontbuffer=font.buffer)
        for line in range(30):
            page.insert_text((40, 60 + 24 * line), LINES[line % 4][:60], fontname="F0", fontsize=12)
        pix = page.get_pixmap(dpi=200, colorspace=pymupdf.csGRAY)
        sheet.close()
        target = out.new_page()
        target.insert_image(target.rect, pixmap=pix)
    out.save(path, garbage=3, deflate=True)
    out.close()


def run(command: list[str], env: dict[str, str] | None = None) -> None:
    subprocess.run(command, check=True, capture_output=True, env={**os.environ, **(env or {})})


def ours_extract(path: Path) -> None:
    from ..core.importers.mupdf import ReadOptions, extract

    extract(path.read_bytes(), path.name, "pdf", ReadOptions(ocr=False))


def ours_render(path: Path, dpi: int) -> None:
    from ..core.importers.mupdf import open_document, quiet, render

    with quiet():
        doc = open_document(path.read_bytes(), path.name)
        for page in doc:
            render(page, dpi).tobytes("png")
        doc.close()


def ours_ocr(path: Path) -> None:
    from ..core.importers.mupdf import ReadOptions, extract

    extracted = extract(path.read_bytes(), path.name, "pdf", ReadOptions(ocr=True))
    assert not extracted.pending_ocr(), extracted.warnings


def tools_ocr(path: Path, folder: Path, threads_limited: bool) -> None:
    """pdftoppm at 300 dpi gray, then tesseract on each page one after another."""
    run(["pdftoppm", "-r", "300", "-gray", "-png", str(path), str(folder / "ocr")])
    env = {"OMP_THREAD_LIMIT": "1"} if threads_limited else {}
    for image in sorted(folder.glob("ocr*.png")):
        run(["tesseract", str(image), "-", "-l", "rus+eng", "tsv"], env)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pages", type=int, default=30, help="pages of the text PDF")
    parser.add_argument("--ocr-pages", type=int, default=4, help="pages of the scanned PDF (0: skip OCR)")
    parser.add_argument("--json", type=Path, default=None, help="write the results here as JSON")
    args = parser.parse_args()
    from ..core import ocr

    rows: list[dict[str, object]] = []

    def add(task: str, who: str, pages: int, seconds: float) -> None:
        rows.append(
            {
                "task": task,
                "who": who,
                "pages": pages,
                "seconds": round(seconds, 3),
                "pages_per_second": round(pages / seconds, 2) if seconds else None,
            }
        )

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        text_pdf, scan_pdf = folder / "text.pdf", folder / "scan.pdf"
        make_text_pdf(text_pdf, args.pages)
        n = args.pages
        add("extract text", "archive-viewer (PyMuPDF)", n, elapsed_s(lambda: ours_extract(text_pdf)))
        if shutil.which("mutool"):
            add(
                "extract text",
                "mutool draw -F txt",
                n,
                elapsed_s(
                    lambda: run(["mutool", "draw", "-q", "-F", "txt", "-o", str(folder / "t.txt"), str(text_pdf)])
                ),
            )
        if shutil.which("pdftotext"):
            add(
                "extract text",
                "pdftotext",
                n,
                elapsed_s(lambda: run(["pdftotext", str(text_pdf), str(folder / "p.txt")])),
            )
        add("render 150 dpi", "archive-viewer (PyMuPDF, PNG)", n, elapsed_s(lambda: ours_render(text_pdf, 150)))
        if shutil.which("mutool"):
            add(
                "render 150 dpi",
                "mutool draw -r 150 (PNG)",
                n,
                elapsed_s(
                    lambda: run(["mutool", "draw", "-q", "-r", "150", "-o", str(folder / "m%d.png"), str(text_pdf)])
                ),
            )
        if shutil.which("pdftoppm"):
            add(
                "render 150 dpi",
                "pdftoppm -r 150 -png",
                n,
                elapsed_s(lambda: run(["pdftoppm", "-r", "150", "-png", str(text_pdf), str(folder / "p")])),
            )
        if args.ocr_pages and ocr.available("rus+eng"):
            make_scan_pdf(scan_pdf, args.ocr_pages)
            k = args.ocr_pages
            add("OCR rus+eng", "archive-viewer (300 dpi, 2 x 1 thread)", k, elapsed_s(lambda: ours_ocr(scan_pdf)))
            if shutil.which("pdftoppm"):
                for limited, label in ((True, "OMP_THREAD_LIMIT=1"), (False, "default threads")):
                    sub = folder / f"ocr-{limited}"
                    sub.mkdir()
                    add(
                        "OCR rus+eng",
                        f"pdftoppm + tesseract, 1 process, {label}",
                        k,
                        elapsed_s(lambda sub=sub, limited=limited: tools_ocr(scan_pdf, sub, limited)),
                    )
        elif args.ocr_pages:
            print("OCR skipped: tesseract with rus and eng is not installed", file=sys.stderr)

    for row in rows:
        ours = next(r for r in rows if r["task"] == row["task"] and str(r["who"]).startswith("archive-viewer"))
        row["ours_vs_this"] = round(float(ours["pages_per_second"]) / float(row["pages_per_second"]), 2)
    print(f"{'task':<16} {'who':<52} {'pages':>5} {'seconds':>8} {'pages/s':>8} {'ours/this':>9}")
    for row in rows:
        print(
            f"{row['task']:<16} {row['who']:<52} {row['pages']:>5} {row['seconds']:>8.3f} "
            f"{row['pages_per_second']:>8.2f} {row['ours_vs_this']:>9.2f}"
        )
    if args.json:
        args.json.write_text(json.dumps({"cpu_count": os.cpu_count(), "results": rows}, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
