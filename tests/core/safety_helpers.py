"""Helpers the data-safety tests share: mounting a folder in a private namespace (read-only media, a
full disk) and wrecking the pages of one table so that SQLite finds the file damaged."""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
from pathlib import Path

from ..conftest import ROOT


def can_mount() -> bool:
    """Mount tests need root and ``unshare``; elsewhere they are skipped, not failed."""
    if os.geteuid() != 0 or not shutil.which("unshare"):
        return False
    return subprocess.run(["unshare", "-m", "true"], capture_output=True).returncode == 0


def run_unshared(script: str, timeout: int = 120) -> subprocess.CompletedProcess[str]:
    """Run a shell script in its own mount namespace, so its mounts vanish with it; ``viewer`` importable."""
    return subprocess.run(
        ["unshare", "-m", "sh", "-c", script],
        capture_output=True,
        text=True,
        timeout=timeout,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )


def damage_table(path: Path, table: str = "texts") -> None:
    """Overwrite every leaf page of ``table`` with noise: the file still opens, reading that table fails."""
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA journal_mode = DELETE")
    size = conn.execute("PRAGMA page_size").fetchone()[0]
    leaves = [row[0] for row in conn.execute("SELECT pageno FROM dbstat WHERE name = ? AND pagetype = 'leaf'", [table])]
    conn.close()
    data = bytearray(path.read_bytes())
    for page in leaves:
        data[(page - 1) * size : page * size] = os.urandom(size)
    path.write_bytes(bytes(data))


def unindex(archive, document_id: int) -> None:
    """Take a document out of the full-text index behind the store's back (FTS5's 'delete' command with
    the values the contentless index holds), as a crash or another program might leave it."""
    archive.conn.execute(
        "INSERT INTO search (search, rowid, title, summary, body, names, refs) VALUES ('delete', ?, ?, ?, ?, ?, ?)",
        (document_id, *archive.search_columns(document_id)),
    )


def misindex(archive, document_id: int, body: str) -> None:
    """Leave a document's index row out of date: its body indexed as ``body``, not as its texts."""
    title, summary, _body, names, refs = archive.search_columns(document_id)
    unindex(archive, document_id)
    archive.conn.execute(
        "INSERT INTO search (rowid, title, summary, body, names, refs) VALUES (?, ?, ?, ?, ?, ?)",
        (document_id, title, summary, body, names, refs),
    )
