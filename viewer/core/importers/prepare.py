"""Reading and parsing text files in worker processes, ahead of the one thread that writes.

Parsing a page costs about three times what writing it does, and SQLite takes one writer at a
time: so on a machine with several cores a large batch parses in a pool of processes while the
calling thread writes the documents in the order of the files (in groups, see groups.py). Workers
only read (the archive too, to skip unchanged files and to learn the archive's aliases); nothing
they do can leave half a document behind. Small batches do not pay for starting the pool.
"""

from __future__ import annotations

import contextlib
import copy
import errno
import hashlib
import multiprocessing
import os
import stat
import sys
import zlib
from collections import deque
from collections.abc import Callable, Generator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from .. import folding
from ..errors import ImportRefused
from ..gazetteer import Entity, Gazetteer
from ..messages import say
from ..names import printable
from ..records import ParsedDocument
from ..store.index_rows import Terms, indexed_words, text_columns
from ..store.text_codec import pack
from .transfer import parsed_from_state, parsed_state

if TYPE_CHECKING:
    from ..store import Archive

PARALLEL_FROM = 200  # files; below this the pool costs more than it saves
# files per task: with a task per file, the pool's pipes cost the writer more than parsing; 32 rather
# than 16 saved the writing process a twentieth of its time (fewer results to wait for and unpickle),
# 64 rather than 32 another (5,000 files: 926 -> 954 docs/s, medians of 3 interleaved)
CHUNK = 64
WINDOW = 8  # tasks parsed ahead of the writer at most


@dataclass
class Prepared:
    """What a worker made of one file: its hash, and the parsed document or why it was refused."""

    sha256: str | None
    parsed: ParsedDocument | None = None
    unchanged_id: int | None = None
    refused: str | None = None
    where: str | None = None  # the file's resolved path (``resolved``), what the archive keeps as its source
    terms: Terms | None = None  # the words it adds to the index, and this process's share of their keys
    bodies: list[str | bytes] | None = None  # its texts' bodies as stored (text_codec.pack): compressed here

    def __reduce__(self) -> tuple[object, ...]:
        """Pickled with its document as tuples (transfer.py): the writing process unpickles every one."""
        parsed = None if self.parsed is None else parsed_state(self.parsed)
        return _unpickled, (self.sha256, parsed, self.unchanged_id, self.refused, self.where, self.terms, self.bodies)


def _unpickled(sha256: str | None, parsed: tuple[object, ...] | None, *rest: object) -> Prepared:
    return Prepared(sha256, None if parsed is None else parsed_from_state(parsed), *rest)  # type: ignore[arg-type]


# the words this process has met (a bound on what it keeps of a large vocabulary), and its share of
# the keys to work out: a pool's workers each key their own part of the words, not all of them each
_keyed: set[str] = set()
KEYED_MOST = 200_000
_share = (0, 1)  # (this worker's number, how many workers)
_stream, _place = "", 0  # the documents whose words _keyed holds (named, "" before the first) and how many


def index_terms(parsed: ParsedDocument) -> Terms:
    """The document's indexed words, those this process has not met before (mostly all the writer
    need look at, see index_rows.Terms), and the folded keys of its share of those: the writer's terms
    table needs a key for every word new to the archive, and working them out was a fifth of the
    writer's time (a word without a key the writer works out)."""
    global _stream, _place
    title = printable(parsed.title)  # as the documents row holds them (store/writing.py)
    summary = printable(parsed.summary) if parsed.summary else parsed.summary
    body = "\n\n".join([text.body for text in parsed.texts])
    texts = text_columns(title, summary, body)
    words = indexed_words(texts)
    if len(_keyed) > KEYED_MOST or not _stream:  # a new stream: its first document names all its words new
        _keyed.clear()
        _stream, _place = os.urandom(8).hex(), 0
    new = words - _keyed
    _keyed.update(new)
    mine, of = _share
    keys = {
        word: folding.key(word)
        for word in new
        if folding.is_indexable_term(word) and (of == 1 or zlib.crc32(word.encode("utf-8", "replace")) % of == mine)
    }
    _place += 1
    every = " ".join(words) if multiprocessing.parent_process() is None else ""  # see index_rows.Terms
    plain = texts == [title or "", summary or "", body]  # what the writer would fold, folding changed nothing
    return Terms(every, " ".join(new), keys, _stream, _place - 1, None if plain else texts)


def resolved(path: Path, folders: dict[str, str]) -> str:
    """``str(path.resolve())`` with each folder resolved once (``folders``: a batch's, folder to
    resolved folder): a file that is not a link resolves to its resolved folder and its name,
    where ``resolve`` looks at every folder on the way for every file."""
    if path.is_symlink():
        return str(path.resolve())
    folder = str(path.parent)
    real = folders.get(folder)
    if real is None:
        real = folders[folder] = str(path.parent.resolve())
    return os.path.join(real, path.name)


_worker_archive = None
_worker_folders: dict[str, str] = {}  # the pool's batch's folders, resolved (see ``resolved``)
_worker_names: Gazetteer | None = None  # the names the archive knew when the batch began


def _start_worker(archive_path: str, parent: int, of: int = 1, names: list[Entity] | None = None) -> None:
    global _worker_archive, _share, _worker_names
    from ..store import Archive

    _watch_parent(parent)  # given, not read here: the parent may be gone already
    _yield_to_the_writer()
    _worker_archive = Archive(archive_path, readonly=True)
    _worker_names = Gazetteer(names) if names is not None else None
    # a pool starts its workers one after the other, so their numbers (SpawnProcess-7, -8) share the keys out
    number = getattr(multiprocessing.current_process(), "_identity", None) or (0,)
    _share = (number[-1] % of, of)


# how much less of the processor a parse worker asks for than the process that writes (and shows
# the window): with as many workers as cores, the writer got a fair share, two thirds of a core on
# two, and the import went at the pace of that share while the workers waited for it
WORKER_NICENESS = 5


def _yield_to_the_writer() -> None:
    """Lower this worker's priority (``WORKER_NICENESS``), where the system lets a process do so."""
    # no os.nice (Windows), or not allowed: the same priority, still correct
    with contextlib.suppress(AttributeError, OSError):
        os.nice(WORKER_NICENESS)


def _watch_parent(parent: int, every: float = 1.0) -> None:
    """End this worker when the importing process is gone (killed, crashed): a worker blocked on
    the pool's queue never sees it closed, because every worker holds the queue's write end too,
    so without this a killed import left its workers running for good. A worker the pool started
    waits on the pipe its starter holds open (``parent_process().sentinel``: the starter may not be
    its parent process, see ``_context``); one started otherwise watches its parent."""
    import threading
    import time
    from multiprocessing.connection import wait

    starter = multiprocessing.parent_process()

    def watch() -> None:
        if starter is not None and starter.pid == parent and starter.sentinel is not None:
            wait([starter.sentinel])
        else:
            while os.getppid() == parent:
                time.sleep(every)
        os._exit(0)

    threading.Thread(target=watch, name="watch-parent", daemon=True).start()


def _prepare_chunk(path_texts: list[str]) -> list[Prepared]:
    archive = _worker_archive
    assert archive is not None
    read_ahead(path_texts)
    return [prepare(archive, Path(path_text), _worker_folders, _worker_names) for path_text in path_texts]


def read_ahead(path_texts: Sequence[str]) -> None:
    """Ask the system to start reading a chunk's files at once (``POSIX_FADV_WILLNEED``), so that
    the disk reads the next files while the first is parsed: files not in memory (an import from
    disk, or after a large one pushed them out) were read one at a time, each read a wait with the
    processor idle, and the import went 8% slower (955 against 1,035 docs/s on 20,000 files). Opened
    without blocking (a named pipe waits for a writer); nothing where the system has no such advice."""
    advise = getattr(os, "posix_fadvise", None)
    if advise is None:
        return
    for path_text in path_texts:
        try:
            handle = os.open(path_text, os.O_RDONLY | os.O_NONBLOCK)
        except OSError:  # gone, or not allowed: prepare says so
            continue
        try:
            advise(handle, 0, 0, os.POSIX_FADV_WILLNEED)
        except OSError:
            pass
        finally:
            os.close(handle)


_MISSING = {errno.ENOENT, errno.ENOTDIR, errno.EBADF, errno.ELOOP}  # what Path.exists takes for "not there"


def read_file(path: Path) -> bytes:
    """A file's bytes, or ImportRefused saying why not (gone, a folder, a named pipe or a device, not
    readable), from one look at it: read, a named pipe would wait for a writer for good."""
    try:
        mode = path.stat().st_mode
    except OSError as error:
        if error.errno in _MISSING:
            raise ImportRefused(str(path), say("no_such_file")) from None
        raise ImportRefused(str(path), say("cannot_read", detail=error.strerror)) from None  # a name too long
    if stat.S_ISDIR(mode):
        raise ImportRefused(str(path), say("is_folder"))
    if not stat.S_ISREG(mode):
        raise ImportRefused(str(path), say("not_regular_file"))
    try:
        return path.read_bytes()
    except OSError as error:
        raise ImportRefused(str(path), say("cannot_read", detail=error.strerror)) from None


def prepare(
    archive: Archive, path: Path, folders: dict[str, str] | None = None, names: Gazetteer | None = None
) -> Prepared:
    """Read, hash and parse one text file, in a worker process or (a batch too small for them) in
    the writing thread; every failure becomes a refusal, so one bad file never stops a batch (nor
    the other files of a worker's chunk). ``names``: the batch's gazetteer (else the archive's)."""
    from .text import parse_text_file

    try:
        data = read_file(path)
        sha256 = hashlib.sha256(data).hexdigest()
        # a first look, to skip parsing the same bytes; the look that decides is the writer's
        outcome, existing = archive.find_existing(sha256, None, None, "")
        if outcome == "unchanged":
            return Prepared(sha256, unchanged_id=existing)
        where = resolved(path, folders) if folders is not None else None
        parsed = parse_text_file(data, path, names if names is not None else archive.gazetteer())
        bodies = [pack(text.body) for text in parsed.texts]  # the worker's time, not the writer's
        return Prepared(sha256, parsed=parsed, where=where, terms=index_terms(parsed), bodies=bodies)
    except ImportRefused as refused:
        return Prepared(None, refused=refused.reason)
    except Exception as error:
        return Prepared(None, refused=f"unexpected error: {type(error).__name__}: {error}")


def workers() -> int:
    return min(4, os.cpu_count() or 1)


# what a fork server imports once, so that the workers it forks for each batch need not
PRELOAD = [__name__, f"{__package__}.text", f"{__package__.rpartition('.')[0]}.store"]


def _context() -> multiprocessing.context.BaseContext:
    """How the pool starts its workers: never a fork of this process, which may run Qt threads (the
    window imports on one; a fork copies their locks as they are). Where it exists, a fork server:
    a new interpreter, started once as 'spawn' starts one, that imports the parser (``PRELOAD``)
    and forks each batch's workers from itself, so they start in milliseconds instead of importing
    it all again (a third of a second of CPU a worker, most of a second on a busy machine). A
    worker's parent is then that server: it watches the import through ``parent_process()``. A
    frozen bundle (PyInstaller, packaging/launcher.py) and a system without fork servers use 'spawn'."""
    if getattr(sys, "frozen", False) or "forkserver" not in multiprocessing.get_all_start_methods():
        return multiprocessing.get_context("spawn")
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(PRELOAD)
    return context


# A chunk's results: a worker's future, this thread's list, or None while nobody has it. A future is
# never cancelled to take its chunk back: Python 3.11's pool, when a worker dies, sets an error on
# every future it holds, and one cancelled made that raise, so its thread ended before stopping the
# other workers, and the import's process then waited at exit for them for good.
Chunk = Future[list[Prepared]] | list[Prepared] | None
IN_FLIGHT = 2  # chunks given to the pool at once, per worker: one parsed, one waiting


def prepared_in_order(
    archive: Archive, files: Sequence[str], wanted: Sequence[int]
) -> Generator[Prepared | None, None, None]:
    """For each file in order: its Prepared if ``wanted`` (a flag per file) and the batch is worth
    a pool, else None (the caller imports it the ordinary way). Files are paths as text: a batch of
    a million holds no million Path objects."""
    if sum(wanted) < PARALLEL_FROM or workers() < 2 or not archive.path.exists():
        yield from (None for _ in files)
        return
    # Every process parses with the names the archive knew when the batch began. A process that read
    # them later would also know the people this batch's first groups wrote (a "Gromyko" named once in
    # a title, then found in every text), so which process parsed a file, and when, changed its people.
    known = archive.gazetteer().entities
    names = Gazetteer(copy.deepcopy(known))  # this thread's own copy: the writer adds learned aliases to the archive's
    pool = ProcessPoolExecutor(
        max_workers=workers(),
        mp_context=_context(),
        initializer=_start_worker,
        initargs=(str(archive.path), os.getpid(), workers(), known),
    )
    # each chunk of files in order: where it starts, and its results for the wanted files among them,
    # a worker's (a future), this thread's (a list), or None while no worker has been given it
    pending: deque[tuple[int, Chunk]] = deque()
    starts = iter(range(0, len(files), CHUNK))
    folders: dict[str, str] = {}  # for the chunks this thread parses itself
    broken: list[BrokenProcessPool] = []  # a worker died (killed, out of memory): the rest is parsed here

    def parse(start: int) -> list[Prepared]:
        chunk = [files[n] for n in range(start, min(start + CHUNK, len(files))) if wanted[n]]
        read_ahead(chunk)
        return [prepare(archive, Path(path_text), folders, names) for path_text in chunk]

    try:

        def feed() -> None:
            """Keep WINDOW chunks ahead, and IN_FLIGHT of them given to the workers (the furthest left
            for this thread to take: a task given to the pool is never taken back, see ``Chunk``)."""
            while len(pending) < WINDOW and (start := next(starts, None)) is not None:
                pending.append((start, None))
            if broken:
                return
            given = sum(1 for _, chunk in pending if isinstance(chunk, Future) and not chunk.done())
            for index, (start, chunk) in enumerate(pending):
                if given >= IN_FLIGHT * workers():
                    break
                if chunk is None:
                    part = [files[n] for n in range(start, min(start + CHUNK, len(files))) if wanted[n]]
                    try:
                        pending[index] = (start, pool.submit(_prepare_chunk, part))
                    except BrokenProcessPool as error:
                        broken.append(error)
                        return
                    given += 1

        feed()
        started = False  # a worker has parsed a chunk: until then this thread parses nothing ahead
        while pending:
            start, chunk = pending[0]
            # While the workers start (0.2-0.3 s: an interpreter each, the parser's imports, the names),
            # parsing here too made three busy processes on two cores and slowed their start.
            started = started or any(isinstance(c, Future) and c.done() for _, c in pending)
            while started and isinstance(chunk, Future) and not chunk.done() and _prepare_one_ahead(pending, parse):
                feed()
            if chunk is None:  # not given to a worker yet: parse it here
                _prepare_one_ahead(pending, parse, 0)
            start, chunk = pending.popleft()
            feed()
            try:
                results = iter(chunk.result() if isinstance(chunk, Future) else chunk or ())
            except BrokenProcessPool as error:  # its files are parsed here, as are those after them
                broken.append(error)
                results = iter(parse(start))
            for n in range(start, min(start + CHUNK, len(files))):
                yield next(results) if wanted[n] else None
    finally:
        # wait for the workers (each ends its chunk in hand): one still running when the caller closes the
        # archive holds it open, so its WAL stays beside it, and an archive made anew at that path took
        # that WAL's documents in. A broken pool's workers are ended by the pool itself.
        pool.shutdown(wait=not broken, cancel_futures=True)


def _prepare_one_ahead(pending: deque[tuple[int, Chunk]], parse: Callable[[int], list[Prepared]], at: int = -1) -> bool:
    """While the chunk to write next is still being parsed (the workers are starting, or are behind),
    this thread parses the furthest chunk no worker was given (or the one ``at``) in their place;
    whether there was one. Which process parses a file does not matter: each has its own copy of the
    names the archive knew when the batch began (only an alias a document itself declares,
    "Filippov [Stalin]", is learned by the process that parsed it)."""
    indexes = [at] if at >= 0 else range(len(pending) - 1, -1, -1)
    for index in indexes:
        start, chunk = pending[index]
        if chunk is None:
            pending[index] = (start, parse(start))
            return True
    return False
