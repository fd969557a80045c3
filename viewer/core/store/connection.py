"""The connection to one archive file: opening it safely, its transactions, and the plumbing
every family of statements shares.

Reads use the plain ``sqlite3`` connection (the first window must not wait for ``sqlite_utils``
to import); writes go through ``BEGIN IMMEDIATE`` transactions holding whole documents (one, or a group an import
commits together), so a crash or a refused file never leaves half a document behind.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, Self

from ..errors import ArchiveError, ArchiveMissing, NotAnArchive
from ..gazetteer import Gazetteer
from .checkpoints import checkpoints_aside
from .index_pause import Aside, indexes_aside, make_again_orphans, orphaned
from .schema import APPLICATION_ID, SCHEMA_VERSION, NewerArchiveError, looks_like_ours, migrate
from .tally_pause import pause as pause_tallies
from .tally_pause import resume as resume_tallies

if TYPE_CHECKING:
    import sqlite_utils

GROUP_CACHE_KB = -65536  # an import's page cache (64 MB; SQLite's default of 2 MB spilled a group's pages)


def now() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def _open_connection(path: Path, readonly: bool, immutable: bool = False) -> sqlite3.Connection:
    """A connection in autocommit mode (transactions are explicit) that only its own thread may use:
    sqlite3 raises ProgrammingError when another thread touches it, so a worker must open its own."""
    if readonly:
        uri = f"{path.resolve().as_uri()}?mode=ro" + ("&immutable=1" if immutable else "")
        conn = sqlite3.connect(uri, uri=True, isolation_level=None, check_same_thread=True)
    else:
        conn = sqlite3.connect(path, isolation_level=None, check_same_thread=True)
    conn.row_factory = sqlite3.Row
    conn.execute("PRAGMA busy_timeout = 10000")
    conn.execute("PRAGMA foreign_keys = ON")
    return conn


def _writable(path: Path) -> bool:
    """Whether SQLite can write here: the file and its folder (for the -wal and -shm files)."""
    return os.access(path, os.W_OK) and os.access(path.parent, os.W_OK)


def _check_header(path: Path) -> None:
    """Refuse, without writing to it, a file that is not an SQLite database."""
    try:
        with path.open("rb") as handle:
            header = handle.read(100)
    except OSError as error:
        raise ArchiveError(f"{path}: cannot be read ({error.strerror})") from None
    if not header:
        raise ArchiveError(f"{path}: the file is empty, not an archive")
    if not header.startswith(b"SQLite format 3\x00"):
        raise ArchiveError(f"{path}: not an archive (not an SQLite database)")
    if len(header) < 100:
        raise ArchiveError(f"{path}: the archive is truncated")


def _create(path: Path) -> None:
    """Build a new archive beside its path and put it there whole: a kill while the schema is being
    written must not leave an empty file at the path, which every later run refuses (so an import
    killed at its very start could never be completed by running it again)."""
    partial = path.with_name(f".{path.name}.creating-{os.getpid()}")
    partial.unlink(missing_ok=True)
    try:
        conn = _open_connection(partial, False)
        try:
            migrate(conn, None)
        finally:
            conn.close()
        try:
            os.link(partial, path)  # never over an archive another process made meanwhile
        except FileExistsError:
            pass
        except OSError:  # a file system without hard links (a FAT memory stick)
            if not path.exists():
                os.replace(partial, path)
    except sqlite3.DatabaseError as error:
        raise ArchiveError(f"{path}: cannot create the archive ({error})") from None
    finally:
        partial.unlink(missing_ok=True)


def _refuse_full_disk(path: Path, error: sqlite3.DatabaseError) -> None:
    """Say so when a full disk, not damage, is why the archive cannot be opened: SQLite needs a
    little room beside it (its -shm and -wal) even to read, and says only "disk I/O error"."""
    if not isinstance(error, sqlite3.OperationalError):
        return
    if getattr(error, "sqlite_errorname", "") == "SQLITE_FULL":  # an upgrade (migrations) ran out of room
        raise ArchiveError(
            f"{path}: cannot be opened: the disk is full (upgrading the archive to this version needs room "
            "beside it); free some space and try again"
        ) from None
    try:
        free = shutil.disk_usage(path.parent).free
    except OSError:
        return
    if free < 1024 * 1024:
        raise ArchiveError(
            f"{path}: cannot be opened: the disk is full (SQLite needs a little room beside the archive); "
            "free some space and try again"
        ) from None


class Connection:
    """An open archive file. One per thread: sqlite3 connections belong to their thread."""

    def __init__(self, path: str | Path, *, readonly: bool = False, create: bool = True):
        """Open (or create) an archive. A file that cannot be written to opens read-only and
        ``readonly_reason`` says why; a damaged or foreign file raises ArchiveError before anything
        is written to it."""
        self.path = Path(path)
        self.readonly = readonly
        self.readonly_reason: str | None = "the archive was opened for reading only" if readonly else None
        if not self.path.exists():
            if readonly or not create:
                raise ArchiveMissing(f"{self.path}: no such archive (the file is missing)")
            if not self.path.parent.exists():
                raise ArchiveError(f"{self.path}: the folder {self.path.parent} does not exist")
            if not os.access(self.path.parent, os.W_OK):
                raise ArchiveError(f"{self.path}: cannot create an archive in a read-only folder")
            _create(self.path)
        elif self.path.is_dir():
            raise ArchiveError(f"{self.path}: is a folder, not an archive file")
        else:
            _check_header(self.path)
            if not readonly and not _writable(self.path):
                self.readonly = True
                self.readonly_reason = "the archive is on read-only media or its file is read-only"
            self._probe()
        try:
            if self.readonly:
                self.conn = _open_connection(self.path, True, immutable=not _writable(self.path))
            else:
                self.conn = _open_connection(self.path, False)
                self.conn.execute("PRAGMA journal_mode = WAL")
                # In WAL mode NORMAL stays consistent through crashes and kills; it only skips the
                # fsync per commit (a power cut may lose the last commits, never corrupt the file).
                self.conn.execute("PRAGMA synchronous = NORMAL")
                migrate(self.conn, self.path)
            self.conn.execute("SELECT count(*) FROM documents").fetchone()
        except NewerArchiveError as error:
            raise ArchiveError(f"{self.path}: {error}") from None
        except (sqlite3.DatabaseError, UnicodeDecodeError) as error:  # damaged text in its schema too
            if isinstance(error, sqlite3.DatabaseError):
                _refuse_full_disk(self.path, error)
            raise ArchiveError(f"{self.path}: not a readable archive ({error})") from None
        self._db: sqlite_utils.Database | None = None
        self._gazetteer: Gazetteer | None = None
        # words this connection has already put in the terms table (a cache, so re-adding is harmless)
        self._known_terms: set[str] = set()
        self._entity_ids: dict[tuple[str, str], int] | None = None  # (kind, name): id, in an import's group
        self._written_version: int | None = None  # data_version when this connection last wrote
        # what the index rows of documents changed in the open transaction held (store/index.py)
        self._unindexed: dict[int, list[str]] = {}
        # the index rows of an import group's new documents, written as it commits (store/index.py)
        self._deferred: dict[int, tuple[list[str], Any]] = {}
        self._writing = False  # a write transaction of begin_write is open (the index is kept in step only there)
        self._group_cache = False  # this connection's page cache was made large enough for a group
        if not self.readonly:
            self._watch_index()

    def _watch_index(self) -> None:
        """Start noticing changes to what the full-text index is built from (store/index.py)."""

    def _probe(self) -> None:
        """Read an existing file without writing to it: whose it is, its version, its schema, its documents."""
        try:
            probe = _open_connection(self.path, True, immutable=not _writable(self.path))
        except sqlite3.DatabaseError as error:
            raise ArchiveError(f"{self.path}: cannot be opened ({error})") from None
        try:
            owner = probe.execute("PRAGMA application_id").fetchone()[0]
            if owner != APPLICATION_ID and (owner or not looks_like_ours(probe)):
                raise NotAnArchive(
                    f"{self.path}: not an Archive Viewer archive (another program's SQLite database); "
                    "nothing was written to it"
                )
            version = probe.execute("PRAGMA user_version").fetchone()[0]
            if version > SCHEMA_VERSION:
                raise ArchiveError(
                    f"{self.path}: written by a newer Archive Viewer (schema {version}, this program knows "
                    f"{SCHEMA_VERSION}); open it with that version"
                )
            if version < SCHEMA_VERSION and self.readonly:
                raise ArchiveError(f"{self.path}: an older archive; open it once for writing to upgrade it")
            probe.execute("SELECT count(*) FROM sqlite_master").fetchone()
            if version:
                probe.execute("SELECT max(id), count(*) FROM documents").fetchone()
        except (sqlite3.DatabaseError, UnicodeDecodeError) as error:  # a page of names not even text
            if isinstance(error, sqlite3.DatabaseError):
                _refuse_full_disk(self.path, error)
            raise ArchiveError(
                f"{self.path}: the archive is damaged ({error}); restore a backup "
                "(archive-viewer restore) or check it (archive-viewer check)"
            ) from None
        finally:
            probe.close()

    # -- plumbing -----------------------------------------------------------------------------

    @property
    def db(self) -> sqlite_utils.Database:
        """The sqlite-utils view of the connection, imported on first write."""
        if self._db is None:
            import sqlite_utils

            self._db = sqlite_utils.Database(self.conn)
        return self._db

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """One write transaction, taken at once so a concurrent writer waits instead of failing."""
        self.begin_write()
        try:
            yield
        except BaseException:
            self.rollback_write()
            raise
        self.commit_write()

    def begin_write(self, *, group: bool = False) -> None:
        """Take the write lock (``BEGIN IMMEDIATE``). ``transaction()`` for one change; an import opens
        a ``group`` of documents and commits it every fraction of a second (importers/batch.py), with
        entity ids cached meanwhile (nothing but the import writes in that transaction)."""
        if self.readonly:
            raise ArchiveError(f"{self.path}: the archive is open read-only")
        self.conn.execute("BEGIN IMMEDIATE")
        self._writing = True
        self._entity_ids = {} if group else None
        try:  # a failure here (a full disk) leaves no transaction open behind it
            if group:
                if not self._group_cache:  # a group rewrites the same index pages: 2 MB spilled them mid-group
                    self.conn.execute(f"PRAGMA cache_size = {GROUP_CACHE_KB}")
                    self._group_cache = True
                pause_tallies(self.conn)
            version = self.data_version()
        except BaseException:
            self.rollback_write()
            raise
        if version != self._written_version:  # another connection wrote (a restore, a repair): caches may lie
            self._known_terms.clear()
            self._written_version = version

    @contextmanager
    def checkpoints_aside(self) -> Iterator[object]:
        """While an import writes: the write-ahead log copied into the archive by a thread of its
        own, not in the writer's commits (store/checkpoints.py); nothing for a read-only archive."""
        if self.readonly:
            yield None
            return
        with checkpoints_aside(self.conn, self.path) as thread:
            yield thread

    @contextmanager
    def indexes_aside(self, files: int) -> Iterator[Aside]:
        """While an import of ``files`` text files writes: the indexes in an order unrelated to it left
        out when that is worth it, made again at its end (store/index_pause.py); nothing read-only."""
        if self.readonly:
            yield Aside(self.conn, self.path, False)
            return
        with indexes_aside(self.conn, self.path, files) as aside:
            yield aside

    def indexes_waiting(self) -> bool:
        """Whether indexes an import killed meanwhile left out wait to be made again."""
        return not self.readonly and orphaned(self.conn, self.path)

    def make_indexes_again(self) -> list[str]:
        """Make again the indexes a killed import left out (seconds at a million documents: a worker's
        job); the names made."""
        return make_again_orphans(self.conn, self.path)

    def commit_write(self) -> None:
        if self._entity_ids is not None:  # a group: its documents counted, before its commit
            resume_tallies(self.conn)
        self.conn.execute("COMMIT")
        self._writing = False
        self._entity_ids = None

    def rollback_write(self) -> None:
        """Undo the open write transaction and forget what it cached (it may have been rolled back)."""
        if self.conn.in_transaction:
            self.conn.execute("ROLLBACK")
        self._writing = False
        self._known_terms.clear()
        self._entity_ids = None

    def data_version(self) -> int:
        """Changes whenever another connection (another process, a worker) commits to the archive;
        a window polls it to notice new documents without a restart."""
        return int(self._one("PRAGMA data_version"))

    def _tuples(self, sql: str, params: Sequence[Any] = ()) -> sqlite3.Cursor:
        """Rows as plain tuples, for the hot paths that build named-tuple records straight from them."""
        cursor = self.conn.cursor()
        cursor.row_factory = None
        return cursor.execute(sql, params)

    def _one(self, sql: str, params: Sequence[Any] = ()) -> Any:
        row = self.conn.execute(sql, params).fetchone()
        return row[0] if row else None
