"""The bundled sample archive: the seed telegrams in ``resources/samples``, imported for real.

``archive.db`` at the top of the project is built by :func:`build_sample_archive`; a test rebuilds
it and compares :func:`content_dump` of both, so the shipped file never drifts from its sources.
"""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path
from typing import Any

from .importers.batch import import_all
from .store import Archive

# Columns that say when and where a build ran rather than what the archive holds.
_VOLATILE = {"imported_at", "updated_at", "source_path", "added_at", "at", "created_at"}
_TABLES = [
    ("documents", "key"),
    ("texts", "document_id, position"),
    ("entities", "kind, name"),
    ("aliases", "entity_id, alias"),
    ("document_entities", "document_id, entity_id, role"),
    ("reference_numbers", "document_id, id"),
    ("links", "source_id, id"),
    ("archival_refs", "document_id, id"),
    ("pages", "document_id, position"),
    ("files", "sha256"),
    ("annotations", "document_id, id"),
    ("collections", "name"),
]


def build_sample_archive(samples: Path, out: Path) -> Archive:
    """Import every sample file into a new archive at ``out`` (which must not exist)."""
    if out.exists():
        raise FileExistsError(out)
    archive = Archive(out)
    cwd = Path.cwd()
    try:
        # paths are recorded relative to the samples' folder, so the build does not depend on
        # where the checkout lives
        os.chdir(samples)
        summary = import_all(archive, sorted(Path(".").glob("*.txt")))
    finally:
        os.chdir(cwd)
    refused = summary.refused()
    if refused:
        raise RuntimeError(f"sample files refused: {[(str(r.path), r.message) for r in refused]}")
    archive.conn.execute("UPDATE documents SET source_path = source_name")
    archive.conn.execute("DELETE FROM imports")
    archive.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return archive


def content_dump(conn: sqlite3.Connection) -> dict[str, Any]:
    """Everything an archive holds, without build times and paths, comparable across builds."""
    dump: dict[str, Any] = {}
    for table, order in _TABLES:
        rows = conn.execute(f"SELECT * FROM {table} ORDER BY {order}").fetchall()
        names = [d[0] for d in conn.execute(f"SELECT * FROM {table} LIMIT 0").description]
        dump[table] = [
            {name: value for name, value in zip(names, row, strict=True) if name not in _VOLATILE} for row in rows
        ]
    dump["search"] = [tuple(row) for row in conn.execute("SELECT rowid, * FROM search ORDER BY rowid")]
    dump["terms"] = [tuple(row) for row in conn.execute("SELECT term, key FROM terms ORDER BY term")]
    dump["user_version"] = conn.execute("PRAGMA user_version").fetchone()[0]
    return dump
