"""First start of an installed copy: the user's own archive, made from the bundled one.

An installed bundle (or a checkout on read-only media) carries ``archive.db`` as a read-only
sample. The first time the app starts without ``--db`` or ``ARCHIVE_VIEWER_DB``, it copies that
sample into the user's data folder (platformdirs, or ``ARCHIVE_VIEWER_HOME``) and works on the copy
from then on; the bundle's file is only ever read. The copy is made with SQLite's backup API into a
temporary file that is renamed into place, so a crash or a second window starting at the same
moment never leaves a half-written archive behind. If the copy cannot be made (a full or read-only
disk), the app opens the bundled archive read-only rather than an empty one.
"""

from __future__ import annotations

import logging
import os
import sqlite3
from pathlib import Path

from .core.store.copies import copy_file

log = logging.getLogger(__name__)


def copy_archive(source: Path, target: Path) -> None:
    """Copy the archive ``source`` to ``target`` (which must not exist yet) as one new, writable file."""
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(f".{target.name}.{os.getpid()}.partial")
    partial.unlink(missing_ok=True)
    try:
        copy_file(source, partial)
        if target.exists():  # another start won the race; theirs is as good as ours
            return
        os.replace(partial, target)
    finally:
        partial.unlink(missing_ok=True)


def user_archive(bundled: Path, target: Path) -> Path:
    """The archive to open when none is named: ``target``, made from ``bundled`` if it is missing.

    Returns ``bundled`` itself (to be opened read-only) if the copy cannot be made."""
    if target.exists() or not bundled.exists():
        return target
    try:
        copy_archive(bundled, target)
    except (OSError, sqlite3.Error) as error:
        log.warning("could not copy the bundled archive to %s (%s); opening it read-only", target, error)
        return bundled
    log.info("first start: copied the bundled archive to %s", target)
    return target
