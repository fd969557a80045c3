"""How export and page parsing grow with their input: a sweep from one size to sixteen times it.

``python -m viewer.bench.scaling`` prints, for each size, the seconds, the cost per unit of input
and the peak memory, and the growth from the smallest size to the largest beside the growth of the
input: linear work grows about sixteen times over a 16x sweep, quadratic work about 256 times. Each
measurement runs in a process of its own, so one size's memory does not count against the next.

    python -m viewer.bench.scaling                      # both, the default sizes
    python -m viewer.bench.scaling --only export --base 2000
"""

from __future__ import annotations

import argparse
import json
import random
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

from .measure import elapsed_s, memory_kb
from .synthetic import EN_WORDS, PEOPLE, RU_WORDS, _paragraphs

STEPS = (1, 2, 4, 8, 16)
DEFAULT_BASE = {"export": 1000, "parse": 64}  # lines of text to export; kilobytes of page to parse
UNITS = {"export": ("lines", "line"), "parse": ("kB", "kB")}


@dataclass
class Point:
    size: int
    seconds: float
    peak_mb: float
    detail: str = ""


def long_text(lines: int, seed: int = 1950) -> str:
    """``lines`` lines of English prose, about nine words each (a translation's body)."""
    rng = random.Random(seed)
    words = EN_WORDS + [person[0] for person in PEOPLE]
    return "\n".join(" ".join(rng.choice(words) for _ in range(9)) for _ in range(lines))


def long_page(kilobytes: int, seed: int = 1950) -> str:
    """A page of ``kilobytes`` shaped like the sources (labelled sections), its sections full of
    paragraphs with blank lines between them: the shape that made parsing quadratic."""
    rng = random.Random(seed)
    names = [person[0] for person in PEOPLE]
    share = kilobytes * 1024 // 3  # bytes: a third each to the summary, the original and the translation
    summary = _paragraphs(rng, EN_WORDS, names, share).replace("\n\n", "\n\n\n")
    original = _paragraphs(rng, RU_WORDS, [person[1] for person in PEOPLE], share // 2)  # Cyrillic: 2 bytes
    translation = _paragraphs(rng, EN_WORDS, names, share)
    return (
        "May 16, 1950\n\nTelegram, Filippov [Stalin] to Mao Zedong, a long record\n\n"
        f"Summary:\n\n{summary}\n\nOriginal Language:\n\nRussian\n\n"
        "Contents:\n\n- Original Scan\n- Transcript - Russian\n- English Translation\n\n"
        f"{original}\n\n{translation}\n"
    )


def measure_export(lines: int, work: Path) -> Point:
    """Export one document of ``lines`` lines to the annotated PDF (the import beforehand is not timed)."""
    from ..core.exporters import export_pdf
    from ..core.importers.batch import import_all
    from ..core.store import Archive

    source = work / f"long-{lines}.txt"
    source.write_text(f"May 16, 1950\n\nA long telegram of {lines} lines\n\n{long_text(lines)}\n", "utf-8")
    db = work / f"export-{lines}.db"
    with Archive(db) as archive:
        import_all(archive, [source])
        document_id = archive.page()[0].id
    out = work / f"export-{lines}.pdf"
    with Archive(db, readonly=True) as archive:
        seconds = elapsed_s(lambda: [None for _ in export_pdf(archive, [document_id], out)])
    import pymupdf

    with pymupdf.open(out) as pdf:
        detail = f"{pdf.page_count} pages, {pdf.xref_length()} objects"
    return Point(lines, seconds, memory_kb("VmHWM") / 1024, detail)


def measure_parse(kilobytes: int, work: Path) -> Point:
    """Read one page of ``kilobytes`` into a document, as an import does before it writes."""
    from ..core.importers.text import parse_text_file

    data = long_page(kilobytes).encode("utf-8")
    path = work / f"page-{kilobytes}.txt"
    parsed = []
    seconds = elapsed_s(lambda: parsed.append(parse_text_file(data, path)))
    texts = parsed[0].texts
    return Point(kilobytes, seconds, memory_kb("VmHWM") / 1024, f"{len(texts)} texts, {len(data) // 1024} kB read")


MEASURES = {"export": measure_export, "parse": measure_parse}


def one(what: str, size: int) -> Point:
    """A measurement in a process of its own (its peak memory is its own)."""
    done = subprocess.run(
        [sys.executable, "-m", "viewer.bench.scaling", "--one", what, str(size)],
        capture_output=True,
        text=True,
        check=True,
    )
    return Point(**json.loads(done.stdout.strip().splitlines()[-1]))


def sweep(what: str, base: int, steps: tuple[int, ...] = STEPS) -> list[Point]:
    """Measure ``what`` at ``base`` times each step, printing each size as it is done."""
    units, unit = UNITS[what]
    print(f"\n{what}: {steps[0]}x to {steps[-1]}x {base} {units}")
    print(f"{units:>10}  {'seconds':>8}  {'µs per ' + unit:>12}  {'peak MB':>8}  detail")
    points = []
    for step in steps:
        point = one(what, base * step)
        points.append(point)
        per = point.seconds / point.size * 1e6
        print(
            f"{point.size:>10}  {point.seconds:>8.2f}  {per:>12.1f}  {point.peak_mb:>8.0f}  {point.detail}", flush=True
        )
    grown = points[-1].seconds / max(points[0].seconds, 1e-9)
    factor = steps[-1] // steps[0]
    verdict = "linear" if grown < factor * 2 else "faster than linear: look at it"
    print(f"{factor}x the input took {grown:.1f}x the time ({verdict}; quadratic would be {factor * factor}x)")
    return points


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", choices=sorted(MEASURES), help="sweep only this")
    parser.add_argument("--base", type=int, help="the smallest size (lines to export, kB to parse)")
    parser.add_argument("--one", nargs=2, metavar=("WHAT", "SIZE"), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.one:
        what, size = args.one[0], int(args.one[1])
        with tempfile.TemporaryDirectory() as folder:
            point = MEASURES[what](size, Path(folder))
        print(json.dumps(point.__dict__))
        return
    for what in [args.only] if args.only else sorted(MEASURES):
        sweep(what, args.base or DEFAULT_BASE[what])


if __name__ == "__main__":
    main()
