"""Fewer garbage collections while an import writes (issue 16).

The writing process makes a few hundred small objects for every document it receives (the parse
workers' documents unpickled, rows, results), and keeps almost none of them; Python's collector,
started every 700 new objects, looked them over again and again, a tenth of the writer's time.
During an import it is started every ``YOUNG`` objects instead; afterwards as before. Cycles are
still collected, only later: nothing an import makes lives in a cycle for long.
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from contextlib import contextmanager

YOUNG = 50_000  # new objects between two collections of the youngest generation during an import

_lock = threading.Lock()
_running = 0  # imports under way in this process (the window may run one while another ends)
_before: tuple[int, ...] = ()


@contextmanager
def fewer_collections() -> Iterator[None]:
    """Collect less often while the block runs (once for imports that overlap)."""
    global _running, _before
    with _lock:
        if _running == 0:
            _before = gc.get_threshold()
            gc.set_threshold(max(YOUNG, _before[0]), *_before[1:])
        _running += 1
    try:
        yield
    finally:
        with _lock:
            _running -= 1
            if _running == 0:
                gc.set_threshold(*_before)
