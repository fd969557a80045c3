"""A full disk ends a command in one clear line, never a traceback: annotate, export (PDF and JSON),
backup; and an archive on a disk with no room left says the disk is full, not that it is damaged."""

from __future__ import annotations

import shutil
import subprocess
import sys

import pytest

from ..conftest import ROOT
from ..core.safety_helpers import can_mount, run_unshared


@pytest.mark.skipif(not can_mount(), reason="needs root and unshare to mount a small tmpfs")
def test_a_full_disk_is_one_clear_line(tmp_path):
    source = tmp_path / "archive.db"
    shutil.copy(ROOT / "archive.db", source)
    subprocess.run([sys.executable, "-m", "viewer", "--db", str(source), "list"], check=True, capture_output=True)
    small = tmp_path / "small"
    small.mkdir()
    viewer = f"{sys.executable} -m viewer"
    note = "x" * 100_000
    script = f"""
mount -t tmpfs -o size=4m tmpfs {small} || exit 97
cp {source} {small}/a.db
{viewer} --db {small}/a.db list > /dev/null
free=$(df --output=avail -B4096 {small} | tail -1)
dd if=/dev/zero of={small}/filler bs=4k count=$((free - 30)) 2>/dev/null
echo "== annotate"; {viewer} --db {small}/a.db annotate id:1 --quote Mao --note {note}; echo "exit=$?"
rm -f {small}/a.db-shm {small}/a.db-wal
dd if=/dev/zero of={small}/more bs=4k 2>/dev/null
echo "== pdf"; {viewer} --db {source} export --all --pdf {small}/out.pdf; echo "exit=$?"
echo "== json"; {viewer} --db {source} export --all --format json --out {small}/out.json; echo "exit=$?"
echo "== backup"; {viewer} --db {source} backup {small}/copy.db; echo "exit=$?"
echo "== open"; {viewer} --db {small}/a.db list; echo "exit=$?"
"""
    done = run_unshared(script, timeout=300)
    assert done.returncode != 97, done.stderr
    output = done.stdout + done.stderr
    assert "Traceback" not in output, output
    sections = {}
    for block in done.stdout.split("== ")[1:]:
        name, _, rest = block.partition("\n")
        sections[name.strip()] = rest
    assert set(sections) == {"annotate", "pdf", "json", "backup", "open"}, done.stdout
    for name, rest in sections.items():
        assert "exit=2" in rest, (name, rest, done.stderr)
    errors = [line for line in done.stderr.splitlines() if line.startswith("archive-viewer:")]
    assert len(errors) == 5, done.stderr
    assert all("full" in line or "No space" in line for line in errors), done.stderr
    assert "damaged" not in done.stderr
