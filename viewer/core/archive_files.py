"""The files one SQLite archive is made of on disk: the archive and the companions SQLite keeps beside
it (its write-ahead log, shared-memory index and rollback journal). Deleting an archive means
deleting them all: a stale -wal left beside a new file of the same name would be replayed into it."""

from __future__ import annotations

from pathlib import Path

COMPANIONS = ("-wal", "-shm", "-journal")


def remove_archive_files(db: str | Path) -> None:
    """Delete an archive with its -wal, -shm and -journal (those that exist), so the path starts afresh."""
    Path(db).unlink(missing_ok=True)
    remove_companions(db)


def remove_companions(db: str | Path) -> None:
    """Delete only the companions of an archive (before another file is renamed onto its path)."""
    for suffix in COMPANIONS:
        Path(f"{db}{suffix}").unlink(missing_ok=True)
