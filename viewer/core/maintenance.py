"""Keeping an archive safe: backups, restores, and checks that say what is wrong and how to mend it.

Backups are consistent copies taken with SQLite's backup API while the archive is in use. The
check compares what can be derived (the full-text index, links) with the source data (documents,
texts, stored files) and repairs only the derived part.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import sqlite3
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from .errors import ArchiveError
from .store import Archive

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
    target = sqlite3.connect(partial)
    try:
        archive.conn.backup(target)
        target.execute("PRAGMA journal_mode = DELETE")
    except sqlite3.Error as error:
        target.close()
        partial.unlink(missing_ok=True)
        raise ArchiveError(f"{dest}: backup failed ({error})") from None
    target.close()
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
        problems = check(source).problems
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


@dataclass
class CheckReport:
    problems: list[str] = field(default_factory=list)
    repairs: list[str] = field(default_factory=list)
    figures: dict[str, int] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return not self.problems

    def as_dict(self) -> dict[str, Any]:
        return {"ok": self.ok, "problems": self.problems, "repairs": self.repairs, "figures": self.figures}


def check(archive: Archive) -> CheckReport:
    """Run SQLite's and FTS5's integrity checks and compare derived data with its sources."""
    report = CheckReport()
    conn = archive.conn
    try:
        rows = [row[0] for row in conn.execute("PRAGMA integrity_check")]
    except sqlite3.DatabaseError as error:
        report.problems.append(f"SQLite integrity check failed: {error}")
        return report
    if rows != ["ok"]:
        report.problems += [f"SQLite: {row}" for row in rows[:20]]
        report.problems.append("the file itself is damaged: restore the latest backup (archive-viewer restore)")
        return report
    try:
        if not archive.readonly:  # FTS5 takes its check as a write command
            conn.execute("INSERT INTO search(search, rank) VALUES ('integrity-check', 1)")
    except sqlite3.DatabaseError as error:
        report.problems.append(f"full-text index: {error} (repair: archive-viewer check --repair)")
    missing, stale = _index_drift(archive)
    if missing:
        report.problems.append(f"full-text index: {missing} documents are missing (repair: check --repair)")
    if stale:
        report.problems.append(f"full-text index: {stale} documents are out of date (repair: check --repair)")
    orphans = archive._one("SELECT count(*) FROM search WHERE rowid NOT IN (SELECT id FROM documents)")
    if orphans:
        report.problems.append(f"full-text index: {orphans} rows for deleted documents (repair: check --repair)")
    bad_files = []
    for file_id, sha256, name in conn.execute("SELECT id, sha256, name FROM files"):
        data = conn.execute("SELECT data FROM files WHERE id = ?", (file_id,)).fetchone()[0]
        if hashlib.sha256(data).hexdigest() != sha256:
            bad_files.append(name)
    if bad_files:
        report.problems.append(
            f"stored files whose bytes no longer match their sha256: {', '.join(bad_files[:10])} "
            "(cannot be repaired here: re-attach the originals or restore a backup)"
        )
    report.figures = {
        "documents": archive._one("SELECT count(*) FROM documents"),
        "texts": archive._one("SELECT count(*) FROM texts"),
        "files": archive._one("SELECT count(*) FROM files"),
        "index_missing": missing,
        "index_stale": stale,
        "files_damaged": len(bad_files),
    }
    return report


def check_file(path: Path, repair_derived: bool = False) -> CheckReport:
    """Check an archive file, also one too damaged to open as an archive (read-only, no writes)."""
    try:
        archive = Archive(path, readonly=False, create=False)
    except ArchiveError as error:
        report = CheckReport(problems=[str(error)])
        try:
            raw = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
            rows = [row[0] for row in raw.execute("PRAGMA integrity_check")]
            raw.close()
            if rows != ["ok"]:
                report.problems += [f"SQLite: {row}" for row in rows[:20]]
        except sqlite3.DatabaseError as sqlite_error:
            report.problems.append(f"SQLite cannot read it: {sqlite_error}")
        return report
    with archive:
        return repair(archive) if repair_derived else check(archive)


def _index_drift(archive: Archive) -> tuple[int, int]:
    """(documents without an index row, documents whose index row differs from their sources)."""
    missing = stale = 0
    for (document_id,) in archive.conn.execute("SELECT id FROM documents").fetchall():
        indexed = archive.indexed_columns(document_id)
        if indexed is None:
            missing += 1
        elif indexed != archive.search_columns(document_id):
            stale += 1
    return missing, stale


def repair(archive: Archive) -> CheckReport:
    """Rebuild what is derived (the full-text index, links) from the source data, then check again."""
    rebuilt = archive.rebuild_index()
    with archive.transaction():
        archive.conn.execute("UPDATE links SET target_id = NULL")
        resolved = sum(
            archive.resolve_links(document_id)
            for (document_id,) in archive.conn.execute("SELECT id FROM documents").fetchall()
        )
    report = check(archive)
    report.repairs = [f"rebuilt the full-text index of {rebuilt} documents", f"re-resolved {resolved} links"]
    return report
