"""Scans as they come: a folder of images imports as scanned documents, a poster-sized page imports
and is read at a scale that fits memory, and a kill during OCR leaves no Tesseract behind."""

from __future__ import annotations

import os
import random
import signal
import struct
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pymupdf
import pytest
from click.testing import CliRunner

from viewer.cli import main
from viewer.core import ocr
from viewer.core.importers.mupdf import MAX_PIXELS, zoom_for
from viewer.core.store import Archive

needs_tesseract = pytest.mark.skipif(not ocr.available("eng"), reason="Tesseract with English is not installed")


def _pixmap(words: str) -> pymupdf.Pixmap:
    """A page of large print, as a grey image at 200 dpi."""
    doc = pymupdf.open()
    page = doc.new_page(width=420, height=300)
    page.insert_text((30, 120), words, fontsize=30)
    pixmap = page.get_pixmap(dpi=200, colorspace=pymupdf.csGRAY)
    doc.close()
    return pixmap


def _tiff(pixmap: pymupdf.Pixmap) -> bytes:
    """A baseline TIFF (grey, uncompressed) of ``pixmap``: PyMuPDF writes no TIFF of its own."""
    width, height, samples = pixmap.width, pixmap.height, bytes(pixmap.samples)
    entries = [  # tag, type (3 short, 4 long, 5 rational), count, value
        (256, 4, 1, width),
        (257, 4, 1, height),
        (258, 3, 1, 8),
        (259, 3, 1, 1),
        (262, 3, 1, 1),
        (273, 4, 1, 0),  # strip offset, filled in below
        (277, 3, 1, 1),
        (278, 4, 1, height),
        (279, 4, 1, len(samples)),
        (282, 5, 1, 0),  # resolutions point at the two rationals after the directory
        (283, 5, 1, 0),
        (296, 3, 1, 2),
    ]
    directory = 8
    rationals = directory + 2 + 12 * len(entries) + 4
    data_at = rationals + 16
    values = {273: data_at, 282: rationals, 283: rationals + 8}
    out = bytearray(b"II*\x00" + struct.pack("<I", directory) + struct.pack("<H", len(entries)))
    for tag, kind, count, value in entries:
        value = values.get(tag, value)
        packed = struct.pack("<HH", value, 0) if kind == 3 else struct.pack("<I", value)
        out += struct.pack("<HHI", tag, kind, count) + packed
    out += struct.pack("<I", 0) + struct.pack("<IIII", 200, 1, 200, 1) + samples
    return bytes(out)


def _scan_folder(folder: Path) -> Path:
    folder.mkdir()
    (folder / "telegram-one.png").write_bytes(_pixmap("Pyongyang telegram").tobytes("png"))
    (folder / "telegram-two.jpg").write_bytes(_pixmap("Moscow telegram").tobytes("jpg", jpg_quality=95))
    (folder / "telegram-three.tif").write_bytes(_tiff(_pixmap("Beijing telegram")))
    return folder


@needs_tesseract
def test_a_folder_of_scans_imports_as_scanned_documents(tmp_path):
    folder = _scan_folder(tmp_path / "scans")
    path = tmp_path / "archive.db"
    result = CliRunner().invoke(main, ["--db", str(path), "import", "--ocr-languages", "eng", str(folder)])
    assert result.exit_code == 0, result.output
    assert "3 imported" in result.output
    with Archive(path) as archive:
        assert archive.count() == 3
        for word in ("Pyongyang", "Moscow", "Beijing"):
            assert archive.search(word).total == 1, word
        for row in archive.page():
            assert archive.page_counts(row.id) == (1, 0)  # one page, none still waiting for OCR


def test_scans_named_one_by_one_import_too(tmp_path):
    folder = _scan_folder(tmp_path / "scans")
    path = tmp_path / "archive.db"
    for name in ("telegram-one.png", "telegram-two.jpg", "telegram-three.tif"):
        result = CliRunner().invoke(main, ["--db", str(path), "import", "--no-ocr", str(folder / name)])
        assert result.exit_code == 0, result.output
        assert "1 imported" in result.output
    (folder / "not-an-image.png").write_bytes(b"just some text, named like an image")
    result = CliRunner().invoke(main, ["--db", str(path), "import", "--no-ocr", str(folder / "not-an-image.png")])
    assert result.exit_code == 1 and "not a readable" in result.output
    with Archive(path) as archive:
        assert archive.count() == 3


def _poster(path: Path) -> None:
    """A page of 18,000 × 36,000 points (a real poster scan's size), all image, no text layer."""
    small = pymupdf.open()
    page = small.new_page(width=600, height=1200)
    page.insert_text((50, 100), "POSTER TELEGRAM", fontsize=60)
    page.insert_text((50, 300), "Pyongyang 1950", fontsize=60)
    picture = page.get_pixmap(dpi=72).tobytes("png")
    small.close()
    poster = pymupdf.open()
    page = poster.new_page(width=18000, height=36000)
    page.insert_image(page.rect, stream=picture)
    poster.save(path)
    poster.close()


@needs_tesseract
def test_a_poster_sized_page_imports_and_is_read_at_a_scale_that_fits(tmp_path):
    source = tmp_path / "poster.pdf"
    _poster(source)
    zoom = zoom_for(18000, 36000, 300)
    assert (18000 * zoom) * (36000 * zoom) <= MAX_PIXELS * 1.01
    path = tmp_path / "archive.db"
    result = CliRunner().invoke(main, ["--db", str(path), "import", "--ocr-languages", "eng", str(source)])
    assert result.exit_code == 0, result.output
    with Archive(path) as archive:
        assert archive.count() == 1
        document_id = archive.page()[0].id
        page = archive.page_rows(document_id)[0]
        assert (page.width, page.height) == (18000, 36000) and page.text_origin == "ocr"
        assert archive.search("Pyongyang").total == 1


def _marked_tesseracts(mark: str) -> list[int]:
    """Tesseract processes whose environment carries ``mark`` (so only this test's count)."""
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            command = (entry / "cmdline").read_bytes()
            if b"tesseract" not in command or b"stdin" not in command:  # not --list-langs
                continue
            if mark.encode() in (entry / "environ").read_bytes():
                found.append(int(entry.name))
        except OSError:
            continue
    return found


def _recognising(pids: list[int]) -> bool:
    """Whether one of ``pids`` is at work on its image: a second and a half of processor time spent
    (taking the image from the pipe costs a fraction of that; reading the words, many seconds)."""
    ticks = os.sysconf("SC_CLK_TCK")
    for pid in pids:
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[11]) / ticks >= 1.5:  # utime, the 14th field of stat
            return True
    return False


def _dense_scans(path: Path, pages: int = 3) -> None:
    """Pages of small print with no text layer: Tesseract takes many seconds over each."""
    rng = random.Random(15)
    words = ["telegram", "Pyongyang", "Moscow", "Beijing", "comrade", "troops", "answer", "army", "border", "report"]
    sheet = pymupdf.open()
    page = sheet.new_page(width=1200, height=1700)
    for y in range(30, 1680, 14):
        page.insert_text((20, y), " ".join(rng.choice(words) for _ in range(14)), fontsize=11)
    picture = page.get_pixmap(dpi=150, colorspace=pymupdf.csGRAY).tobytes("png")
    sheet.close()
    doc = pymupdf.open()
    for _ in range(pages):
        page = doc.new_page(width=2400, height=3400)
        page.insert_image(page.rect, stream=picture)
    doc.save(path)
    doc.close()


@needs_tesseract
@pytest.mark.skipif(not Path("/proc/self/environ").exists(), reason="needs /proc")
def test_a_kill_during_ocr_leaves_no_tesseract_running(tmp_path):
    scans = tmp_path / "scans.pdf"
    _dense_scans(scans)
    path = tmp_path / "archive.db"
    result = CliRunner().invoke(main, ["--db", str(path), "import", "--no-ocr", str(scans)])
    assert result.exit_code == 0, result.output
    mark = f"H10_OCR_KILL_{uuid.uuid4().hex}"
    process = subprocess.Popen(
        [sys.executable, "-m", "viewer", "--db", str(path), "ocr", "--languages", "eng"],
        env={**os.environ, "ARCHIVE_VIEWER_TEST_MARK": mark},
        stdout=subprocess.DEVNULL,
        stderr=(tmp_path / "ocr.err").open("w"),
    )
    deadline = time.monotonic() + 120
    while not _marked_tesseracts(mark) and time.monotonic() < deadline and process.poll() is None:
        time.sleep(0.05)
    assert _marked_tesseracts(mark), f"Tesseract never started: {(tmp_path / 'ocr.err').read_text()[-500:]}"
    # kill once Tesseract has its image and is reading it (it takes many seconds a page): one killed
    # while its image still comes down the pipe stops by itself
    deadline = time.monotonic() + 60
    while not _recognising(_marked_tesseracts(mark)) and time.monotonic() < deadline:
        time.sleep(0.05)
    process.send_signal(signal.SIGKILL)
    process.wait()
    deadline = time.monotonic() + 5
    while _marked_tesseracts(mark) and time.monotonic() < deadline:
        time.sleep(0.05)
    left = _marked_tesseracts(mark)
    for pid in left:  # do not leave them to the next test either
        os.kill(pid, signal.SIGKILL)
    assert not left, f"{len(left)} tesseract processes outlived the killed ocr command"
