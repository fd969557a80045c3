"""Clocks and memory readings the benchmark's modules share (in the bench process and its GUI children)."""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

from ..core.archive_files import remove_archive_files as remove_archive_files  # its home is the core


def elapsed_s(work: Callable[[], object]) -> float:
    """Seconds ``work()`` takes, on the monotonic high-resolution clock."""
    started = time.perf_counter()
    work()
    return time.perf_counter() - started


def elapsed_ms(work: Callable[[], object]) -> float:
    """Milliseconds ``work()`` takes."""
    return elapsed_s(work) * 1000


def samples_ms(work: Callable[[], object], runs: int) -> list[float]:
    """``runs`` timings of ``work()`` in milliseconds (the caller takes the median or a percentile)."""
    return [elapsed_ms(work) for _ in range(runs)]


def memory_kb(field: str = "VmRSS") -> int:
    """A memory figure of this process in kB from /proc/self/status (``VmRSS`` now, ``VmHWM`` the peak);
    where there is no /proc (not Linux), the peak from getrusage."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith(f"{field}:"):
                return int(line.split()[1])
    except OSError:
        pass
    import resource

    return int(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
