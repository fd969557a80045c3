"""Keeping an archive safe: backups, restores, and checks that say what is wrong and how to mend it.

Backups are consistent copies taken with SQLite's backup API while the archive is in use. The
check (its statements are in ``store.checks``) compares what can be derived (the full-text index,
links) with the source data (documents, texts, stored files) and repairs only the derived part.
"""

from __future__ import annotations

import errno
import hashlib
import os
import shutil
import sqlite3
import tempfile
from datetime import UTC, datetime, timedelta
from pathlib import Path

from .archive_files import remove_companions
from .errors import ArchiveError, ArchiveMissing, NotAnArchive
from .store import Archive
from .store.checks import CheckReport, file_integrity
from .store.copies import UnreadableTarget

KEEP_BACKUPS = 7
DAILY = timedelta(hours=24)


def backup(archive: Archive, dest: Path) -> Path:
    """A consistent copy of ``archive`` at ``dest`` (a file, or a folder to put a dated file in)."""
    if dest.is_dir():
        stamp = datetime.now(UTC).strftime("%Y%m%d-%H%M%S")
        dest = dest / f"{archive.path.stem}-{stamp}.db"
    if dest.exists():
        raise ArchiveError(f"{dest}: already exists; choose another name")
    if not dest.parent.is_dir():
        raise ArchiveError(f"{dest}: the folder {dest.parent} does not exist; no backup was made")
    partial = dest.with_name(f"{dest.name}.{os.getpid()}.partial")
    try:
        archive.backup_into(partial)
    except sqlite3.Error as error:
        partial.unlink(missing_ok=True)
        raise ArchiveError(f"{dest}: backup failed ({_reason(error)}); no backup was made") from None
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
    """Put ``backup_file`` in place of the archive ``target``; returns where the replaced archive is
    kept (None when there was none).

    Safe against every other user of ``target``: the backup goes in through SQLite's backup API, one
    write transaction into the live file, so a window or an import keeps working on the restored
    archive and a kill at any moment leaves the old archive or the new one at the path, never none.
    The backup is read from a staged copy of it and its -wal (commits still in its log included),
    never written to, and checked before anything of ``target`` is touched."""
    _restorable(target)
    work = Path(tempfile.mkdtemp(prefix=f".{target.name}.restoring-", dir=target.parent))
    try:
        staged = _stage(backup_file, work)
        try:
            source = Archive(staged, create=False)
        except ArchiveError as error:
            reason = str(error).replace(f"{staged}: ", "").replace(str(staged), str(backup_file))
            raise ArchiveError(f"{backup_file}: cannot be restored ({reason}); nothing was restored") from None
        with source:
            problems = source.check().problems
            if problems:
                raise ArchiveError(f"{backup_file}: the backup itself is damaged ({problems[0]}); nothing was restored")
            if not target.exists():
                _swap(_whole(source, work), target, None)
                return None
            kept = target.with_name(f"{target.name}.replaced-{_stamp()}")
            try:
                source.restore_into(target, kept)
            except UnreadableTarget:  # not a database at all: no one can be using it, so swap the file
                _swap(_whole(source, work), target, kept)
            return kept
    except (sqlite3.Error, OSError) as error:
        raise ArchiveError(f"{target}: the restore failed ({_reason(error)}); nothing was restored") from None
    finally:
        shutil.rmtree(work, ignore_errors=True)


def _restorable(target: Path) -> None:
    """Refuse at once, in one line, a restore that could not write to ``target``."""
    if not target.parent.is_dir():
        raise ArchiveError(f"{target}: the folder {target.parent} does not exist; nothing was restored")
    if target.is_dir():
        raise ArchiveError(f"{target}: is a folder, not an archive file; nothing was restored")
    writable = os.access(target.parent, os.W_OK) and (not target.exists() or os.access(target, os.W_OK))
    if not writable:
        raise ArchiveError(
            f"{target}: the archive is read-only (read-only media, or a read-only file or folder); nothing was restored"
        )


def _stage(backup_file: Path, work: Path) -> Path:
    """Copy the backup and its -wal into ``work`` as plain files: SQLite then reads every commit
    the backup holds, and the backup's own folder is never written to (not even a -shm)."""
    staged = work / "staged.db"
    shutil.copyfile(backup_file, staged)
    wal = Path(f"{backup_file}-wal")
    if wal.exists():
        shutil.copyfile(wal, f"{staged}-wal")
    return staged


def _whole(source: Archive, work: Path) -> Path:
    """The staged archive as one self-contained file (no -wal), ready to be renamed into place."""
    whole = work / "whole.db"
    source.backup_into(whole)
    return whole


def _swap(whole: Path, target: Path, kept: Path | None) -> None:
    """Rename ``whole`` onto ``target`` (atomic), for a path with no file SQLite can use: no archive
    yet, or bytes that are not a database. The old bytes are copied to ``kept`` first; a stale -wal,
    -shm or -journal beside them goes before the rename, lest SQLite replay it into the new file."""
    if kept is not None:
        shutil.copyfile(target, kept)
    remove_companions(target)
    os.replace(whole, target)


def _stamp() -> str:
    return datetime.now(UTC).strftime("%Y%m%d-%H%M%S")


def _reason(error: BaseException) -> str:
    text = str(error)
    if "full" in text or getattr(error, "errno", None) == errno.ENOSPC:
        return "the disk is full"
    if "locked" in text or "busy" in text:
        return "another program kept the archive busy: try again"
    if isinstance(error, OSError) and error.strerror:
        return error.strerror
    return text


def check_file(path: Path, repair_derived: bool = False) -> CheckReport:
    """Check an archive file, also one too damaged to open as an archive (read-only, no writes).
    With ``repair_derived`` what is derived is rebuilt: on a copy first, and in place only once the
    copy came out sound, the archive as it was kept beside it; a damaged file is never written to."""
    if repair_derived and path.exists():
        problems = _file_problems(path)
        if problems:
            return CheckReport(
                problems=[
                    *problems,
                    "not repaired: the file itself is damaged; restore a backup (archive-viewer restore)",
                ]
            )
    try:
        archive = Archive(path, readonly=False, create=False)
    except (ArchiveMissing, NotAnArchive):
        raise  # nothing of ours to check
    except ArchiveError as error:
        report = CheckReport(problems=[str(error)])
        report.problems += _file_problems(path)
        return report
    with archive:
        report = archive.check()
        if not repair_derived:
            return report
        if report.ok:
            report.repairs = ["nothing to repair"]
            return report
        return _repair_on_a_copy(archive)


def _file_problems(path: Path) -> list[str]:
    """What SQLite's own integrity check finds in the file, read-only."""
    try:
        rows = file_integrity(path)
    except (sqlite3.DatabaseError, UnicodeDecodeError) as error:
        return [f"SQLite cannot read it: {error}"]
    return [] if rows == ["ok"] else [f"SQLite: {row}" for row in rows[:20]]


def _repair_on_a_copy(archive: Archive) -> CheckReport:
    """Repair a consistent copy first; only when the copy comes out sound repair the archive itself.
    The copy taken before is kept beside the archive, so the repair can be undone."""
    kept = archive.path.with_name(f"{archive.path.name}.before-repair-{_stamp()}")
    backup(archive, kept)
    work = Path(tempfile.mkdtemp(prefix=f".{archive.path.name}.repairing-", dir=archive.path.parent))
    try:
        trial = work / "trial.db"
        shutil.copyfile(kept, trial)
        with Archive(trial) as copy:
            tried = copy.repair()
    except (ArchiveError, sqlite3.Error) as error:
        tried = CheckReport(problems=[f"the repair failed on a copy ({error})"])
    finally:
        shutil.rmtree(work, ignore_errors=True)
    if not tried.ok:
        tried.problems.append(f"{archive.path} was left as it was; restore a backup (archive-viewer restore)")
        kept.unlink(missing_ok=True)
        return tried
    report = archive.repair()
    report.repairs.append(f"the archive as it was before the repair is kept in {kept}")
    return report
