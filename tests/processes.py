"""The processes a test's import started, read from /proc (Linux), and a child Python that imports
(the parse pool's tests: which workers ran, at what priority, and which outlived their work)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]


def child_stats(parent: int) -> dict[int, list[str]]:
    """Each running child of ``parent`` (a zombie is not running): its /proc stat fields after its name
    (``[0]`` its state, ``[1]`` its parent, ``[16]`` its nice value)."""
    found = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[1]) == parent and fields[0] != "Z":
                found[int(entry.name)] = fields
    return found


def run_child(script: str, *args: object) -> dict[str, Any]:
    """Run ``script`` in a Python of its own (from the checkout) and read the JSON its last line prints."""
    command = [sys.executable, "-c", script, *(str(arg) for arg in args)]
    done = subprocess.run(command, capture_output=True, text=True, timeout=300, cwd=ROOT)
    assert done.returncode == 0, done.stderr[-3000:]
    report: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return report
