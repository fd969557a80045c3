"""Keeping an archive safe: backups, restores, and checks that say what is wrong and how to mend it.

Backups are consistent copies taken with SQLite's backup API while the archive is in use. The
check (its statements are in ``store.checks``) compares what can be derived (the full-text index,
links) with the source data (documents, texts, stored files) and repairs only the derived part.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path

from .errors import ArchiveError, ArchiveMissing, NotAnArchive
from .store import Archive
from .store.checks import CheckReport, file_integrity

KEEP_BACKUPS = 7
DAILY = timedelta(hours=24)


def backup(archive: Archive, dest: Path) -> Path:
    """A consistent copy of ``archive`` at ``dest`` (a file, or a folder to put a dated file in)."""
    if dest.is_dir():
        stamp = datetime.now(UTC).strftime("%Y%m%d-%H%M%S")
        dest = dest / f"{archive.path.stem}-{stamp}.db"
    if dest.exists():
        raise ArchiveError(f"{dest}: already exists; choose another name")
    partial = dest.with_name(f"{dest.name}.{os.getpid()}.partial")
    try:
        archive.backup_into(partial)
    except sqlite3.Error as error:
        partial.unlink(missing_ok=True)
        raise ArchiveError(f"{dest}: backup failed ({error})") from None
    os.replace(partial, dest)
    return dest


def backup_folder(archive_path: Path) -> Path:
    from ..paths import data_dir

    digest = hashlib.sha256(str(archive_path.resolve()).encode()).hexdigest()[:8]
    return data_dir() / "backups" / f"{archive_path.stem}-{digest}"


def daily_backup(archive: Archive, folder: Path | None = None, now: datetime | None = None) -> Path | None:
    """Back up once a day of use, keeping the newest KEEP_BACKUPS copies; None if one is recent."""
    folder = folder or backup_folder(archive.path)
    folder.mkdir(parents=True, exist_ok=True)
    now = now or datetime.now(UTC)
    existing = sorted(folder.glob("*.db"), key=lambda p: p.stat().st_mtime)
    if existing and now - datetime.fromtimestamp(existing[-1].stat().st_mtime, UTC) < DAILY:
        return None
    dest = folder / f"{archive.path.stem}-{now.strftime('%Y%m%d-%H%M%S')}.db"
    if dest.exists():  # another process made today's copy this very second
        return None
    made = backup(archive, dest)
    for old in sorted(folder.glob("*.db"), key=lambda p: p.stat().st_mtime)[:-KEEP_BACKUPS]:
        old.unlink()
    return made


def daily_backup_of(path: Path) -> Path | None:
    """daily_backup with a connection of its own, for a worker thread; never raises."""
    try:
        with Archive(path, readonly=True) as archive:
            if not _writable_folder(backup_folder(path)):
                return None
            return daily_backup(archive)
    except (ArchiveError, OSError, sqlite3.Error):
        return None


def _writable_folder(folder: Path) -> bool:
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError:
        return False
    return os.access(folder, os.W_OK)


def latest_backup(archive_path: Path) -> Path | None:
    folder = backup_folder(archive_path)
    found = sorted(folder.glob("*.db"), key=lambda p: p.stat().st_mtime) if folder.exists() else []
    return found[-1] if found else None


def restore(backup_file: Path, target: Path) -> Path | None:
    """Put ``backup_file`` in place of ``target``; the replaced file is kept beside it."""
    with Archive(backup_file, readonly=True) as source:  # refuses a damaged or foreign backup
        problems = source.check().problems
        if problems:
            raise ArchiveError(f"{backup_file}: the backup itself is damaged ({problems[0]})")
    kept = None
    if target.exists():
        kept = target.with_name(target.name + ".replaced-" + datetime.now(UTC).strftime("%Y%m%d-%H%M%S"))
        os.replace(target, kept)
        for suffix in ("-wal", "-shm"):
            Path(f"{target}{suffix}").unlink(missing_ok=True)
    partial = target.with_name(target.name + ".partial")
    shutil.copyfile(backup_file, partial)
    os.replace(partial, target)
    return kept


def check_file(path: Path, repair_derived: bool = False) -> CheckReport:
    """Check an archive file, also one too damaged to open as an archive (read-only, no writes)."""
    try:
        archive = Archive(path, readonly=False, create=False)
    except (ArchiveMissing, NotAnArchive):
        raise  # nothing of ours to check
    except ArchiveError as error:
        report = CheckReport(problems=[str(error)])
        try:
            rows = file_integrity(path)
            if rows != ["ok"]:
                report.problems += [f"SQLite: {row}" for row in rows[:20]]
        except sqlite3.DatabaseError as sqlite_error:
            report.problems.append(f"SQLite cannot read it: {sqlite_error}")
        return report
    with archive:
        return archive.repair() if repair_derived else archive.check()
