"""The self-contained bundle: built by packaging/build, then run from outside the checkout with a
clean environment (no Python, no venv, no checkout on any path), the way a laptop or kiosk runs it.

One build (about 30-60 s with a warm pip cache) serves every check in this module. To check an
existing bundle without rebuilding: ARCHIVE_VIEWER_BUNDLE=build/dist/archive-viewer pytest tests/packaging
"""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import stat
import struct
import subprocess
import sys
import time
import tomllib
from pathlib import Path

import pytest

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the Linux bundle is built on Linux"),
]

ROOT = Path(__file__).resolve().parent.parent.parent
SEED = ROOT / "resources" / "samples" / "001_56bc44923964e047.txt"  # Vyshinsky to Mao; names Filippov


@pytest.fixture(scope="module")
def bundle(tmp_path_factory) -> Path:
    """The bundle folder, built in a fresh virtual environment and moved away from where it was built."""
    existing = os.environ.get("ARCHIVE_VIEWER_BUNDLE")
    if existing:
        return Path(existing).resolve()
    scratch = tmp_path_factory.mktemp("bundle-build")
    env = {**os.environ, "DIST": str(scratch / "dist"), "WORK": str(scratch / "work"), "PYTHON": sys.executable}
    started = time.monotonic()
    done = subprocess.run([str(ROOT / "packaging" / "build")], env=env, capture_output=True, text=True, timeout=900)
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-5000:]
    assert "size:" in done.stdout and "largest" in done.stdout
    print(f"\nbuilt in {time.monotonic() - started:.0f} s\n{done.stdout[done.stdout.index('bundle:') :]}")
    shutil.rmtree(scratch / "work")  # the packaging venv: hundreds of MB
    moved = scratch / "opt" / "archive-viewer"  # nothing may point back at where it was built
    moved.parent.mkdir()
    (scratch / "dist" / "archive-viewer").rename(moved)
    return moved


@pytest.fixture
def run(bundle: Path, tmp_path: Path):
    """Run the bundle's executable in tmp_path with only PATH, HOME and the offscreen platform set."""
    home = tmp_path / "home"

    def run(*args: str, check: bool = True, extra_env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
        env = {
            "PATH": "/usr/bin:/bin",
            "HOME": str(tmp_path),
            "QT_QPA_PLATFORM": "offscreen",
            "ARCHIVE_VIEWER_HOME": str(home),
            **(extra_env or {}),
        }
        done = subprocess.run(
            [str(bundle / "archive-viewer"), *args], cwd=tmp_path, env=env, capture_output=True, text=True, timeout=120
        )
        if check:
            assert done.returncode == 0, f"{args}: {done.stdout}\n{done.stderr}"
        return done

    run.home = home
    return run


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_version_is_the_one_in_pyproject(run):
    version = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["version"]
    assert run("--version").stdout.strip() == f"archive-viewer, version {version}"


def test_import_search_and_screenshot(run, tmp_path: Path):
    seed = shutil.copy(SEED, tmp_path / SEED.name)
    imported = run("--db", "a.db", "import", str(seed))
    assert "1 imported" in imported.stdout
    found = run("--db", "a.db", "search", "Filippov")
    assert "001_56bc44923964e047" in found.stdout and "Vyshinsky to Mao Zedong" in found.stdout
    run("--db", "a.db", "screenshot", "out.png")
    png = (tmp_path / "out.png").read_bytes()
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = struct.unpack(">II", png[16:24])
    assert (width, height) >= (800, 500) and len(png) > 10_000


def test_cite_and_export_tei(run, tmp_path: Path):
    """The exporters' data ship in the bundle: the CSL styles and citeproc-py's locales (the month is
    written from the en-US locale file), and lxml for TEI."""
    cited = run("cite", "001", "--style", "chicago-note").stdout  # the bundled archive, copied at first start
    assert cited.startswith("Vyshinsky, “") and "Mao Zedong" in cited and "May 14, 1950" in cited, cited
    run("export", "001", "--format", "tei", "--out", "001.xml")
    tei = (tmp_path / "001.xml").read_text(encoding="utf-8")
    assert 'xmlns="http://www.tei-c.org/ns/1.0"' in tei and "Vyshinsky" in tei


def test_a_large_import_parses_in_worker_processes(run, tmp_path: Path):
    """From 200 files the import parses in "spawn" worker processes, which in a bundle are the
    executable started again (packaging/launcher.py calls multiprocessing.freeze_support())."""
    folder = tmp_path / "many"
    folder.mkdir()
    seeds = sorted((ROOT / "resources" / "samples").glob("*.txt"))
    for number in range(220):
        text = seeds[number % len(seeds)].read_text(encoding="utf-8")
        (folder / f"{number:03d}.txt").write_text(f"{text}\n\nCopy {number}.\n", encoding="utf-8")
    summary = run("--db", "many.db", "import", "--quiet", str(folder)).stdout
    counts = dict((word, int(n)) for n, word in re.findall(r"(\d+) (imported|updated|unchanged|refused)", summary))
    assert counts["refused"] == 0 and counts["imported"] + counts["updated"] == 220, summary


def test_first_start_copies_the_bundled_archive(run, bundle: Path):
    bundled = bundle / "_internal" / "archive.db"
    assert not bundled.stat().st_mode & (stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH), "read-only in the bundle"
    before = sha256(bundled)
    listed = run("list")  # no --db, no ARCHIVE_VIEWER_DB
    assert len(listed.stdout.strip().splitlines()) == 5
    own = run.home / "archive.db"
    assert own.exists() and own.stat().st_mode & stat.S_IWUSR
    seed = shutil.copy(SEED, run.home.parent / "changed.txt")
    Path(seed).write_text(Path(seed).read_text().replace("Vyshinsky", "Vyshinskii"))
    assert "1 imported" in run("import", str(seed)).stdout  # the user's copy takes new documents
    assert len(run("list").stdout.strip().splitlines()) == 6
    assert sha256(bundled) == before
    assert not list(bundled.parent.glob("archive.db-*")), "no journal or WAL beside the bundled archive"


def test_a_kiosk_reads_a_fixed_read_only_archive(run, bundle: Path, tmp_path: Path):
    fixed = tmp_path / "exhibition.db"
    shutil.copy(bundle / "_internal" / "archive.db", fixed)
    fixed.chmod(0o444)
    found = run("search", "Stalin", extra_env={"ARCHIVE_VIEWER_DB": str(fixed)})
    assert "document" in found.stdout
    if os.geteuid() != 0:  # root may write to a read-only file
        refused = run("--db", str(fixed), "import", str(SEED), check=False)
        assert refused.returncode == 2 and "read-only" in refused.stderr
    assert not (run.home / "archive.db").exists(), "a named archive is never replaced by the bundled copy"


def test_only_the_qt_the_app_uses(bundle: Path):
    names = {path.name for path in bundle.rglob("*")}
    for unwanted in (
        "libQt6Network.so.6",
        "libQt6Qml.so.6",
        "libQt6Quick.so.6",
        "libQt6Svg.so.6",
        "libQt6OpenGL.so.6",
        "libQt6Pdf.so.6",
        "QtNetwork.abi3.so",
        "libqgtk3.so",
    ):
        assert unwanted not in names
    translations = {name for name in names if name.endswith(".qm")}
    assert translations == {"qtbase_ru.qm", "archive_viewer_ru.qm"}, "Qt's and ours for Russian, nothing else"
    assert not any(name.startswith(("_tkinter", "numpy")) for name in names)
    platforms = {p.name for p in (bundle / "_internal" / "PySide6" / "Qt" / "plugins" / "platforms").iterdir()}
    assert {"libqoffscreen.so", "libqxcb.so", "libqwayland.so"} <= platforms
    internal = bundle / "_internal"
    assert (internal / "viewer" / "core" / "data" / "gazetteer.json").exists()
    assert (internal / "resources" / "icons" / "archive-viewer.png").exists()
    assert (bundle / "share" / "applications" / "org.archiveviewer.ArchiveViewer.desktop").exists()
