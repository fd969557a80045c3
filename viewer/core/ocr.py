"""Offline OCR with the Tesseract program, run as a subprocess.

We call the ``tesseract`` binary rather than a binding: nothing to build, and its absence is a
plain ``shutil.which`` check. Each process is limited to one thread (``OMP_THREAD_LIMIT=1``):
Tesseract's own threads make it many times slower on a small shared machine, while two
single-threaded processes side by side use two cores well. On Linux each Tesseract is told to die
with the thread that started it (``PR_SET_PDEATHSIG``), so a killed ``ocr`` leaves none running.
"""

from __future__ import annotations

import csv
import ctypes
import io
import os
import shutil
import signal
import subprocess
import sys
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

DEFAULT_LANGUAGES = "rus+eng"
LANGUAGES_VARIABLE = "ARCHIVE_VIEWER_OCR_LANGUAGES"
PAGE_TIMEOUT = 180.0  # seconds for one page; a page that takes longer is left for later
WORKERS = 2


class OcrError(Exception):
    """OCR could not run (no Tesseract, no language data, a page that timed out)."""


@dataclass
class OcrResult:
    text: str
    confidence: float | None  # mean word confidence 0..100, None when no words were read
    words: int


PR_SET_PDEATHSIG = 1  # prctl option (linux/prctl.h)


def _dies_with_parent() -> Callable[[], None] | None:
    """For ``preexec_fn``: the child asks the kernel for SIGKILL when the thread that started it
    dies, so a Tesseract never outlives a killed ``ocr`` or import (Linux only; elsewhere None).
    Everything it calls is looked up here, before the fork."""
    if not sys.platform.startswith("linux"):
        return None
    try:
        prctl = ctypes.CDLL(None, use_errno=True).prctl
    except (OSError, AttributeError):
        return None
    parent = os.getpid()

    def in_child() -> None:
        prctl(PR_SET_PDEATHSIG, signal.SIGKILL)
        if os.getppid() != parent:  # the parent died before the request was made
            os._exit(1)

    return in_child


def _run(command: list[str], **options: Any) -> subprocess.CompletedProcess[Any]:
    """``subprocess.run`` for a Tesseract that dies with us."""
    return subprocess.run(command, preexec_fn=_dies_with_parent(), **options)


def tesseract() -> str | None:
    """Path of the tesseract program, or None when it is not installed."""
    return shutil.which("tesseract")


@lru_cache(maxsize=4)
def installed_languages(program: str | None = None) -> frozenset[str]:
    program = program or tesseract()
    if not program:
        return frozenset()
    try:
        done = _run([program, "--list-langs"], capture_output=True, text=True, timeout=30)
    except (OSError, subprocess.TimeoutExpired):
        return frozenset()
    lines = (done.stdout + done.stderr).splitlines()
    return frozenset(line.strip() for line in lines if line.strip() and " " not in line.strip() and ":" not in line)


def resolve_languages(wanted: str | None = None) -> str:
    """The languages to ask for ("rus+eng"), keeping only those installed; raises when none is."""
    wanted = wanted or os.environ.get(LANGUAGES_VARIABLE) or DEFAULT_LANGUAGES
    program = tesseract()
    if not program:
        raise OcrError("Tesseract is not installed (Debian: apt install tesseract-ocr tesseract-ocr-rus)")
    have = installed_languages(program)
    chosen = [code for code in wanted.replace(",", "+").split("+") if code.strip() and code.strip() in have]
    if not chosen:
        raise OcrError(f"no Tesseract language data for {wanted} (installed: {', '.join(sorted(have)) or 'none'})")
    return "+".join(code.strip() for code in chosen)


def available(languages: str | None = None) -> bool:
    try:
        resolve_languages(languages)
    except OcrError:
        return False
    return True


def ocr_image(image: bytes, languages: str | None = None, timeout: float = PAGE_TIMEOUT) -> OcrResult:
    """Read one page image (PNG, TIFF, JPEG bytes) and return its text with a confidence."""
    langs = resolve_languages(languages)
    env = {**os.environ, "OMP_THREAD_LIMIT": "1"}
    try:
        done = _run(
            [tesseract() or "tesseract", "stdin", "stdout", "-l", langs, "--psm", "3", "tsv"],
            input=image,
            capture_output=True,
            timeout=timeout,
            env=env,
        )
    except subprocess.TimeoutExpired:
        raise OcrError(f"Tesseract took longer than {timeout:.0f} s on a page") from None
    except OSError as error:
        raise OcrError(f"Tesseract could not run ({error})") from None
    if done.returncode != 0:
        message = done.stderr.decode("utf-8", "replace").strip().splitlines()
        raise OcrError(f"Tesseract failed: {message[-1] if message else done.returncode}")
    return parse_tsv(done.stdout.decode("utf-8", "replace"))


def parse_tsv(tsv: str) -> OcrResult:
    """Text in reading order (blocks as paragraphs) and the mean confidence of its words."""
    lines: dict[tuple[int, int, int], list[str]] = {}
    confidences: list[float] = []
    for row in csv.DictReader(io.StringIO(tsv), delimiter="\t", quoting=csv.QUOTE_NONE):
        if row.get("level") != "5":
            continue
        word = (row.get("text") or "").strip()
        try:
            confidence = float(row.get("conf") or -1)
        except ValueError:
            confidence = -1
        if not word or confidence < 0:
            continue
        confidences.append(confidence)
        line_key = (int(row["block_num"]), int(row["par_num"]), int(row["line_num"]))
        lines.setdefault(line_key, []).append(word)
    paragraphs: list[str] = []
    previous: tuple[int, int] | None = None
    for (block, par, _line), words in lines.items():
        text = " ".join(words)
        if previous == (block, par):
            paragraphs[-1] += "\n" + text
        else:
            paragraphs.append(text)
        previous = (block, par)
    mean = round(sum(confidences) / len(confidences), 1) if confidences else None
    return OcrResult("\n\n".join(paragraphs), mean, len(confidences))


def ocr_many(
    images: Iterable[bytes], languages: str | None = None, workers: int = WORKERS
) -> Iterator[OcrResult | OcrError]:
    """OCR page images ``workers`` at a time, yielding results in order.

    ``images`` is consumed in the caller's thread (PyMuPDF must not render from several threads)
    and only a few ahead, so a long document is never held in memory as images. A page that
    fails yields its OcrError, so one bad page does not lose the others."""
    langs = resolve_languages(languages)

    def one(image: bytes) -> OcrResult | OcrError:
        try:
            return ocr_image(image, langs)
        except OcrError as error:
            return error

    pending: deque[Future[OcrResult | OcrError]] = deque()
    with ThreadPoolExecutor(max_workers=max(1, workers)) as pool:
        for image in images:
            pending.append(pool.submit(one, image))
            if len(pending) >= max(1, workers):
                yield pending.popleft().result()
        while pending:
            yield pending.popleft().result()
