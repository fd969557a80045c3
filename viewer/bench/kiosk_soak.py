"""A day of the kiosk's attract loop, compressed: 10,000 steps offscreen, with resident memory at the
start and the end (a figure to read, not a timed assertion).

    .venv/bin/python -m viewer.bench.kiosk_soak [--steps 10000] [--db archive.db]

Without --db it builds the bundled sample archive in a temporary folder and makes it an exhibit.
Each step is what the kiosk's timer does (show the next document, faded in), followed by the event
processing the real event loop would do, deferred deletes included.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path
from typing import Any

from .measure import memory_kb


def run_soak(window: Any, steps: int, warmup: int = 200, report_every: int = 0) -> tuple[int, int]:
    """Step the attract loop ``steps`` times after ``warmup`` steps; returns (start, end) RSS in kB."""
    from PySide6.QtCore import QCoreApplication, QEvent
    from PySide6.QtWidgets import QApplication

    def one() -> None:
        window.attract_step()
        QApplication.processEvents()
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)

    for _ in range(warmup):
        one()
    import gc

    gc.collect()
    start = memory_kb()
    for number in range(1, steps + 1):
        one()
        if report_every and number % report_every == 0:
            print(f"  step {number:>6}: {memory_kb() / 1024:7.1f} MB", flush=True)
    gc.collect()
    return start, memory_kb()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--steps", type=int, default=10_000)
    parser.add_argument("--db", type=Path, default=None)
    args = parser.parse_args()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    with tempfile.TemporaryDirectory() as folder:
        os.environ.setdefault("ARCHIVE_VIEWER_HOME", folder)
        from .. import paths
        from ..core.kiosk_config import KioskConfig
        from ..core.samples import build_sample_archive
        from ..gui.app import create_app
        from ..gui.kiosk.window import KioskWindow

        db = args.db
        collection = None
        if db is None:
            db = Path(folder) / "archive.db"
            archive = build_sample_archive(paths.resources_dir() / "samples", db)
            archive.create_collection("soak", "Soak", "", archive.ordered_ids())
            archive.close()
            collection = "soak"
        create_app()
        config = KioskConfig(fullscreen=False, collection=collection, transition_ms=300)
        window = KioskWindow(db, config, clock=lambda: 0.0)
        window.resize(1920, 1080)
        window.show()
        start, end = run_soak(window, args.steps, report_every=max(args.steps // 10, 1))
        print(
            f"attract loop, {args.steps:,} steps over {len(window.exhibit_ids)} documents: "
            f"RSS {start / 1024:.1f} MB at the start, {end / 1024:.1f} MB at the end "
            f"({(end - start) / 1024:+.1f} MB)"
        )
        window.unlocked = True
        window.shutdown()
        window.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
