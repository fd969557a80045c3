"""A parse worker asks the system to read its chunk's files ahead (prepare.read_ahead): files not in
memory were read one at a time, the processor idle at each read. Checked here on the page cache
itself (mincore), and that no file the import may meet makes the asking block."""

from __future__ import annotations

import ctypes
import ctypes.util
import mmap
import os
import threading
import time
from pathlib import Path

import pytest

from viewer.core.importers.prepare import read_ahead

needs_advice = pytest.mark.skipif(not hasattr(os, "posix_fadvise"), reason="no posix_fadvise on this system")


def _resident_pages(path: Path) -> int:
    """How many of the file's pages are in memory (mincore on a private mapping of it)."""
    libc = ctypes.CDLL(ctypes.util.find_library("c"), use_errno=True)
    size = path.stat().st_size
    pages = -(-size // mmap.PAGESIZE)
    with path.open("rb") as file, mmap.mmap(file.fileno(), size, access=mmap.ACCESS_COPY) as mapped:
        start = ctypes.c_char.from_buffer(mapped)
        try:
            vector = (ctypes.c_ubyte * pages)()
            if libc.mincore(ctypes.c_void_p(ctypes.addressof(start)), ctypes.c_size_t(size), vector) != 0:
                pytest.skip(f"mincore failed: {os.strerror(ctypes.get_errno())}")
            return sum(1 for flag in vector if flag & 1)
        finally:
            del start  # the mapping closes only once nothing points into it


def _evicted(path: Path) -> bool:
    """Drop the file's pages from memory; whether the file system let them go."""
    with path.open("rb") as file:
        os.fsync(file.fileno())
        os.posix_fadvise(file.fileno(), 0, 0, os.POSIX_FADV_DONTNEED)
    return _resident_pages(path) == 0


@needs_advice
@pytest.mark.skipif(ctypes.util.find_library("c") is None, reason="no C library to ask mincore")
def test_a_chunks_files_are_read_into_memory_before_they_are_parsed(tmp_path):
    files = [tmp_path / f"doc-{n}.txt" for n in range(3)]
    for n, path in enumerate(files):
        path.write_bytes(f"**Telegram {n}**\n\n".encode() + b"Text of the telegram. " * 20_000)
    if not all(_evicted(path) for path in files):
        pytest.skip("this file system keeps the files in memory (tmpfs?): nothing to read ahead")
    read_ahead([str(path) for path in files])
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline and not all(_resident_pages(path) for path in files):
        time.sleep(0.02)
    assert all(_resident_pages(path) > 0 for path in files)


@needs_advice
def test_asking_never_blocks_nor_fails_on_what_a_folder_may_hold(tmp_path):
    regular = tmp_path / "a.txt"
    regular.write_text("**Telegram**\n")
    pipe = tmp_path / "pipe.txt"  # opened to read, a named pipe waits for a writer
    os.mkfifo(pipe)
    folder = tmp_path / "folder.txt"
    folder.mkdir()
    unreadable = tmp_path / "secret.txt"
    unreadable.write_text("x")
    unreadable.chmod(0)
    paths = [str(tmp_path / "missing.txt"), str(pipe), str(folder), str(unreadable), str(regular)]
    asked = threading.Thread(target=read_ahead, args=(paths,), daemon=True)
    asked.start()
    asked.join(10)
    assert not asked.is_alive(), "read_ahead blocked"
    assert regular.read_text() == "**Telegram**\n"  # and nothing was written


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes on this system")
@pytest.mark.parametrize("parallel_from", [2, 10_000], ids=["workers", "this thread"])
def test_a_named_pipe_in_an_imported_folder_is_refused_not_waited_for(tmp_path, monkeypatch, parallel_from):
    from viewer.core.importers import prepare
    from viewer.core.importers.batch import import_all
    from viewer.core.store import Archive

    from ..test_safety_imports import FILES, _folder

    monkeypatch.setattr(prepare, "PARALLEL_FROM", parallel_from)
    folder = _folder(tmp_path / "in")
    os.mkfifo(folder / "doc-pipe.txt")  # read, it would wait for a writer for good
    outcome: list[object] = []

    def run() -> None:
        with Archive(tmp_path / "a.db") as archive:
            outcome.append(import_all(archive, [folder]))

    importing = threading.Thread(target=run, daemon=True)
    importing.start()
    importing.join(120)
    assert not importing.is_alive(), "the import waited on the named pipe"
    summary = outcome[0]
    refused = summary.refused()  # type: ignore[attr-defined]
    assert [(r.path.name, r.message) for r in refused] == [
        ("doc-pipe.txt", "is not a regular file (a named pipe or a device)")
    ]
    assert summary.count("imported") == FILES  # type: ignore[attr-defined]


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes on this system")
def test_a_file_that_cannot_be_read_is_refused_saying_why_by_both_ways_in(tmp_path):
    """``read_file``, which a parse worker and a file imported on its own both read through."""
    from viewer.core.errors import ImportRefused
    from viewer.core.importers.batch import import_file
    from viewer.core.importers.prepare import prepare, read_file
    from viewer.core.store import Archive

    os.mkfifo(tmp_path / "pipe.txt")
    (tmp_path / "folder.txt").mkdir()
    (tmp_path / "dangling.txt").symlink_to(tmp_path / "gone.txt")
    expected = {
        "missing.txt": "no such file",
        "dangling.txt": "no such file",
        "folder.txt": "is a folder",
        "pipe.txt": "is not a regular file (a named pipe or a device)",
        "n" * 300 + ".txt": "cannot be read (File name too long)",  # said, not "unexpected error: OSError"
    }
    with Archive(tmp_path / "a.db") as archive:
        for name, reason in expected.items():
            path = tmp_path / name
            with pytest.raises(ImportRefused) as refused:
                read_file(path)
            assert refused.value.reason == reason
            assert prepare(archive, path).refused == reason
            result = import_file(archive, path)
            assert (result.outcome, result.message) == ("refused", reason)
        regular = tmp_path / "a.txt"
        regular.write_bytes(b"**Telegram**\n")
        assert read_file(regular) == b"**Telegram**\n"
