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
from functools import partial
from pathlib import Path
from typing import NotRequired, TypedDict

from .measure import elapsed_s
from .pdfs import scan_pdf, text_pdf


class Row(TypedDict):
    """One line of the results: who did the task, on how many pages, how fast."""

    task: str
    who: str
    pages: int
    seconds: float
    pages_per_second: float
    ours_vs_this: NotRequired[float]


def run(command: list[str], env: dict[str, str] | None = None) -> None:
    subprocess.run(command, check=True, capture_output=True, env={**os.environ, **(env or {})})


def ours_extract(path: Path) -> None:
    from ..core.importers.mupdf import ReadOptions, extract

    extract(path.read_bytes(), path.name, "pdf", ReadOptions(ocr=False))


def ours_render(path: Path, dpi: int) -> None:
    from ..core.importers.mupdf import open_document, quiet, render

    with quiet():
        doc = open_document(path.read_bytes(), path.name)
        for page in doc.pages():
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

    rows: list[Row] = []

    def add(task: str, who: str, pages: int, seconds: float) -> None:
        rows.append(
            {
                "task": task,
                "who": who,
                "pages": pages,
                "seconds": round(seconds, 3),
                "pages_per_second": round(pages / seconds, 2),
            }
        )

    def tools(task: str, pages: int, commands: dict[str, list[str]]) -> None:
        """Time each command-line tool that is installed, on the same work as ours."""
        for who, command in commands.items():
            if shutil.which(command[0]):
                add(task, who, pages, elapsed_s(partial(run, command)))

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        text, scan = folder / "text.pdf", folder / "scan.pdf"
        text_pdf(text, args.pages)
        n = args.pages
        add("extract text", "archive-viewer (PyMuPDF)", n, elapsed_s(lambda: ours_extract(text)))
        tools(
            "extract text",
            n,
            {
                "mutool draw -F txt": ["mutool", "draw", "-q", "-F", "txt", "-o", str(folder / "t.txt"), str(text)],
                "pdftotext": ["pdftotext", str(text), str(folder / "p.txt")],
            },
        )
        add("render 150 dpi", "archive-viewer (PyMuPDF, PNG)", n, elapsed_s(lambda: ours_render(text, 150)))
        tools(
            "render 150 dpi",
            n,
            {
                "mutool draw -r 150 (PNG)": [
                    "mutool",
                    "draw",
                    "-q",
                    "-r",
                    "150",
                    "-o",
                    str(folder / "m%d.png"),
                    str(text),
                ],
                "pdftoppm -r 150 -png": ["pdftoppm", "-r", "150", "-png", str(text), str(folder / "p")],
            },
        )
        if args.ocr_pages and ocr.available("rus+eng"):
            scan_pdf(scan, args.ocr_pages)
            k = args.ocr_pages
            add("OCR rus+eng", "archive-viewer (300 dpi, 2 x 1 thread)", k, elapsed_s(lambda: ours_ocr(scan)))
            if shutil.which("pdftoppm"):
                for limited, label in ((True, "OMP_THREAD_LIMIT=1"), (False, "default threads")):
                    sub = folder / f"ocr-{limited}"
                    sub.mkdir()
                    add(
                        "OCR rus+eng",
                        f"pdftoppm + tesseract, 1 process, {label}",
                        k,
                        elapsed_s(partial(tools_ocr, scan, sub, limited)),
                    )
        elif args.ocr_pages:
            print("OCR skipped: tesseract with rus and eng is not installed", file=sys.stderr)

    for row in rows:
        ours = next(r for r in rows if r["task"] == row["task"] and r["who"].startswith("archive-viewer"))
        row["ours_vs_this"] = round(ours["pages_per_second"] / row["pages_per_second"], 2)
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
