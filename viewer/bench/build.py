"""The bench's archive built by the product's importer, in a process of its own:
``python -m viewer.bench.build DB FOLDER``.

One ``run_import`` of the whole folder, as a user importing a folder of files gets (its parse
workers, its group commits); a run after a kill takes the same path and skips what is already in
(the importer's own resumption). A process of its own so that its peak memory is the importer's.
It prints ``progress DONE TOTAL`` every couple of seconds and ``done IMPORTED UNCHANGED REFUSED
SECONDS PEAK_KB`` at the end (the writing process's peak resident memory; its parse workers are
processes of their own), and stops if the bench that started it
is gone (a killed bench leaves no import writing behind it; the next run resumes it).
"""

from __future__ import annotations

import os
import sys
import threading
import time
from collections import Counter
from pathlib import Path

from .measure import memory_kb

EVERY = 2.0  # seconds between progress lines


def _end_with_parent(parent: int) -> None:
    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(1.0)
        os._exit(3)  # like a kill: the importer keeps whole documents only, a re-run completes

    threading.Thread(target=watch, name="watch-bench", daemon=True).start()


def build(db: Path, folder: Path) -> Counter[str]:
    from ..core.importers.batch import run_import
    from ..core.store import Archive

    outcomes: Counter[str] = Counter()
    began = last = time.monotonic()
    with Archive(db) as archive:
        for progress in run_import(archive, [folder]):
            if progress.result is not None:
                outcomes[progress.result.outcome] += 1
                if progress.result.outcome == "refused":
                    print(f"refused {progress.result.path}: {progress.result.message}", flush=True)
            now = time.monotonic()
            if now - last >= EVERY:
                print(f"progress {progress.done} {progress.total}", flush=True)
                last = now
    seconds = time.monotonic() - began
    counts = f"{outcomes['imported']} {outcomes['unchanged']} {outcomes['refused']}"
    print(f"done {counts} {seconds:.3f} {memory_kb('VmHWM')}", flush=True)
    return outcomes


if __name__ == "__main__":
    _end_with_parent(int(sys.argv[3]) if len(sys.argv) > 3 else os.getppid())
    build(Path(sys.argv[1]), Path(sys.argv[2]))
