"""Importing many files: a result per file, progress as it goes.

The same generator serves the command line (a progress bar) and the window (signals from a worker
thread). Text files are written in groups, a transaction every fraction of a second (groups.py);
PDFs, images and spreadsheets one file per transaction. A file that cannot be read is refused with
its reason and the batch goes on; a cancelled batch stops between files, so the archive only ever
holds whole documents.
"""

from __future__ import annotations

import hashlib
import os
import sqlite3
from collections.abc import Callable, Generator, Iterable, Iterator
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path

from ..errors import ImportRefused
from ..records import ParsedDocument
from ..store import Archive
from .exchange import holds_many, import_many
from .garbage import fewer_collections
from .groups import WriteGroup, write_text
from .images import IMAGE_SUFFIXES, import_image
from .mupdf import PasswordRequired
from .pdf import import_pdf
from .prepare import Prepared, prepare, prepared_in_order, read_file
from .results import FileResult
from .text import parse_text_file

TEXT_SUFFIXES = {".txt", ".md", ".markdown", ".text"}

Importer = Callable[[Archive, Path, bytes, str], FileResult]


@dataclass
class Progress:
    done: int
    total: int
    current: Path | None
    result: FileResult | None = None
    # after the files: "indexes", those a large import left out being made again; "indexes_waiting",
    # they could not be (``note`` says why: the archive answers without them until the next import)
    stage: str = ""
    note: str = ""


@dataclass
class Summary:
    results: list[FileResult] = field(default_factory=list)
    cancelled: bool = False

    def count(self, outcome: str) -> int:
        return sum(1 for r in self.results if r.outcome == outcome)

    def refused(self) -> list[FileResult]:
        return [r for r in self.results if r.outcome == "refused"]

    def skipped(self) -> list[FileResult]:
        """Links that lead out of the folders imported, not followed."""
        return [r for r in self.results if r.outcome == "skipped"]

    def line(self) -> str:
        text = ", ".join(f"{self.count(o)} {o}" for o in ("imported", "updated", "unchanged", "refused"))
        if self.count("skipped"):
            text += f", {self.count('skipped')} skipped"
        return text + (" (cancelled)" if self.cancelled else "")


@dataclass
class Found:
    """What a batch will import, and the symbolic links it will not follow (each with why)."""

    files: list[Path] = field(default_factory=list)
    skipped: list[tuple[Path, str]] = field(default_factory=list)


def collect(paths: Iterable[str | Path], suffixes: set[str] | None = None) -> list[Path]:
    """Files named directly, and the importable files inside folders (recursively, sorted)."""
    return find_files(paths, suffixes).files


def find_files(paths: Iterable[str | Path], suffixes: set[str] | None = None, *, follow_links: bool = False) -> Found:
    """Files named directly, and the importable files inside folders (recursively, sorted).

    A symbolic link inside a folder that leads out of it (to ``/etc/passwd``, to another disk) is not
    followed unless ``follow_links``: importing a folder reads that folder. A file named directly is
    read wherever its link leads, since the user chose it."""
    files, skipped = _walk(paths, suffixes, follow_links)
    return Found([Path(file) for file in files], skipped)


def _walk(
    paths: Iterable[str | Path], suffixes: set[str] | None, follow_links: bool
) -> tuple[list[str], list[tuple[Path, str]]]:
    """``find_files``'s files as text (``str`` of each Path): a million Path objects took half a
    gigabyte, and making them most of a batch's start."""
    suffixes = suffixes or set(TEXT_SUFFIXES) | set(EXTRA_IMPORTERS)
    files: list[str] = []
    skipped: list[tuple[Path, str]] = []
    for entry in paths:
        if not os.path.isdir(entry or "."):  # a file named: as text, no Path made (a third of a batch's Paths)
            files.append(os.fspath(entry) if isinstance(entry, Path) else str(Path(entry)))
            continue
        _walk_folder(Path(entry), suffixes, follow_links, files, skipped)
    return list(dict.fromkeys(files)), skipped


def _walk_folder(
    path: Path, suffixes: set[str], follow_links: bool, files: list[str], skipped: list[tuple[Path, str]]
) -> None:
    """A folder's files, each folder's own (sorted) before its subfolders' (sorted), as ``os.walk``
    goes top down; read with ``os.scandir``, whose entries know a link from the folder listing (a
    ``lstat`` of each of a million files was half of a batch's start)."""
    base = path.resolve()
    seen = {base}
    folders = [os.fspath(path)]
    while folders:
        root = folders.pop()
        try:
            with os.scandir(root or ".") as listing:
                entries = sorted(listing, key=lambda e: e.name)
        except OSError:  # a folder that cannot be listed is passed over, as os.walk does
            continue
        prefix = root if root.endswith(os.sep) else root + os.sep
        inner = []
        for item in entries:
            if item.name.startswith("."):
                continue
            try:
                is_dir = item.is_dir()  # a link to a folder is a folder, as in os.walk
            except OSError:
                is_dir = False
            if is_dir:
                link = item.is_symlink()
                if link and not follow_links:
                    target = Path(item.path).resolve()
                    if not target.is_relative_to(base):
                        skipped.append((Path(item.path), _not_followed(target)))
                    continue
                if _first_visit(Path(item.path), seen):  # a folder reached twice (a link's loop) once
                    inner.append(prefix + item.name)
                continue
            if _suffix(item.name).lower() not in suffixes:
                continue
            file = prefix + item.name
            if not follow_links and item.is_symlink() and not (target := Path(file).resolve()).is_relative_to(base):
                skipped.append((Path(file), _not_followed(target)))
            else:
                files.append(file)
        folders.extend(reversed(inner))


def _suffix(name: str) -> str:
    """``os.path.splitext(name)[1]`` (a third of a batch's start-up at a million files, so in short)."""
    dot = name.rfind(".")
    return name[dot:] if dot > 0 and name[:dot].lstrip(".") else ""


def _first_visit(folder: Path, seen: set[Path]) -> bool:
    real = folder.resolve()
    if real in seen:
        return False
    seen.add(real)
    return True


def _not_followed(target: Path) -> str:
    return f"not followed: a symbolic link to {target}, outside the folder imported (--follow-links follows it)"


def import_text(
    archive: Archive, path: Path, data: bytes, sha256: str, parsed: ParsedDocument | None = None
) -> FileResult:
    """Write one text file's document (parsed here, or already by a worker process)."""
    outcome, existing = archive.find_existing(sha256, str(path.resolve()), None, path.stem)
    if outcome == "unchanged":  # a first look, to skip parsing; the look that decides is below
        return FileResult(path, "unchanged", existing, "already in the archive, unchanged")
    if parsed is None:
        parsed = parse_text_file(data, path, archive.gazetteer())
    with archive.transaction():
        return write_text(archive, path, sha256, parsed)


SCAN_BESIDE = [
    suffix for name in (".pdf", *sorted(IMAGE_SUFFIXES)) for suffix in (name, name.upper(), name.capitalize())
]


_SCAN_SUFFIXES = {suffix.lower() for suffix in SCAN_BESIDE}


def pdf_beside(path: Path, folders: dict[Path, set[str] | None] | None = None) -> Path | None:
    """The PDF (or scan image) of the same name beside a text file, if any: the text is then that
    scan's metadata (a sidecar), not a document of its own. With ``folders`` (a batch's), each
    folder is listed once and a file with no such name beside it asks nothing more of the disk (a
    name is looked for in any case, as a disk that ignores case would find it)."""
    if folders is not None and path.name.isascii():
        if path.parent not in folders:
            try:
                folders[path.parent] = {name.lower() for name in os.listdir(path.parent)}
            except OSError:
                folders[path.parent] = None
        names = folders[path.parent]
        if names is not None and not any(path.stem.lower() + suffix in names for suffix in _SCAN_SUFFIXES):
            return None
    return next((scan for scan in (path.with_suffix(s) for s in SCAN_BESIDE) if scan.is_file()), None)


def _scan_stems(folder: str) -> set[str] | None:
    """The names (lower case, without their suffix) of the scans in a folder; None if it cannot be listed."""
    try:
        names = os.listdir(folder or ".")
    except OSError:
        return None
    stems = set()
    for name in names:
        name = name.lower()
        dot = name.rfind(".")
        if dot >= 0 and name[dot:] in _SCAN_SUFFIXES:  # each of them one dot and a word
            stems.add(name[:dot])
    return stems


def _plain_text(file: str, folders: dict[str, set[str] | None]) -> bool:
    """Whether a file of a batch is a text file of its own: a text suffix and no scan beside it
    (``pdf_beside`` is None). Each folder is listed once (``folders``, a batch's), and only the names
    of its scans are kept: a folder of a million text files is held as an empty set."""
    head, sep, name = file.rpartition(os.sep)
    folder = head or sep  # as os.path.split: "/a.txt" is in "/", "a.txt" in ""
    suffix = _suffix(name)
    if suffix.lower() not in TEXT_SUFFIXES:
        return False
    stem = name[: len(name) - len(suffix)]
    if name.isascii():  # else a disk that ignores case may match it another way: ask the disk
        if folder not in folders:
            folders[folder] = _scan_stems(folder)
        stems = folders[folder]
        if stems is not None and stem.lower() not in stems:
            return True
    return pdf_beside(Path(file)) is None


def import_text_or_sidecar(archive: Archive, path: Path, data: bytes, sha256: str) -> FileResult:
    """A text file, unless it is a PDF's sidecar (read with the PDF, so nothing to do here)."""
    pdf = pdf_beside(path)
    if pdf is not None:
        return FileResult(path, "unchanged", None, f"read as the metadata of {pdf.name}")
    return import_text(archive, path, data, sha256)


# Importers by file suffix besides plain text: PDFs, scan images, and text files that may be a scan's sidecar.
EXTRA_IMPORTERS: dict[str, Importer] = {
    ".pdf": import_pdf,
    **dict.fromkeys(IMAGE_SUFFIXES, import_image),
    **dict.fromkeys(TEXT_SUFFIXES, import_text_or_sidecar),
}


def import_file(archive: Archive, path: Path, prepared: Prepared | None = None) -> FileResult:
    """Import one file in its own transaction; every failure becomes a refused result."""
    try:
        if prepared is not None:
            if prepared.refused:
                raise ImportRefused(str(path), prepared.refused)
            if prepared.unchanged_id is not None:
                return FileResult(path, "unchanged", prepared.unchanged_id, "already in the archive, unchanged")
            return import_text(archive, path, b"", prepared.sha256 or "", prepared.parsed)
        data = read_file(path)
        sha256 = hashlib.sha256(data).hexdigest()
        importer = EXTRA_IMPORTERS.get(path.suffix.lower(), import_text)
        return importer(archive, path, data, sha256)
    except ImportRefused as refused:
        result = FileResult(path, "refused", None, refused.reason, needs_password=isinstance(refused, PasswordRequired))
    except sqlite3.OperationalError as error:
        reason = str(error)
        if "full" in reason:
            reason = "the disk is full (or the archive reached its size limit); nothing of this file was written"
        result = FileResult(path, "refused", None, f"could not be written: {reason}")
    except Exception as error:  # one bad file never stops a batch
        result = FileResult(path, "refused", None, f"unexpected error: {type(error).__name__}: {error}")
    try:
        with archive.transaction():
            archive.record_import(str(path), None, None, "refused", {"reason": result.message})
    except Exception:  # a full or read-only disk: the result still says why
        pass
    return result


def run_import(
    archive: Archive,
    paths: Iterable[str | Path],
    cancelled: Callable[[], bool] = lambda: False,
    *,
    follow_links: bool = False,
) -> Iterator[Progress]:
    """Import files and folders, yielding progress after each file; the last item has done == total.
    Symbolic links leading out of a folder come first, each a "skipped" result (see ``find_files``)."""
    files, skipped = _walk(paths, None, follow_links)
    total = len(files)
    yield Progress(0, total, Path(files[0]) if files else None)
    for link, why in skipped:
        yield Progress(0, total, link, FileResult(link, "skipped", None, why))
    folders: dict[str, set[str] | None] = {}
    plain_text = bytearray(_plain_text(file, folders) for file in files)  # a flag per file
    del folders
    ahead = prepared_in_order(archive, files, plain_text)
    group = WriteGroup(archive, partial(import_file, archive))
    resolved: dict[str, str] = {}  # folders resolved, for the files this thread reads itself
    # see garbage.py, store/checkpoints.py, store/index_pause.py
    with fewer_collections(), archive.checkpoints_aside(), archive.indexes_aside(sum(plain_text)) as aside:
        yield from _written(archive, files, plain_text, ahead, group, resolved, cancelled)
        if aside.out:  # a few seconds at a million documents: said first, and said if it failed
            yield Progress(total, total, None, stage="indexes")
            failed = aside.finish()
            if failed is not None:
                yield Progress(total, total, None, stage="indexes_waiting", note=failed)


def _written(
    archive: Archive,
    files: list[str],
    plain_text: bytearray,
    ahead: Generator[Prepared | None, None, None],
    group: WriteGroup,
    resolved: dict[str, str],
    cancelled: Callable[[], bool],
) -> Iterator[Progress]:
    """``run_import``'s files written, in order, each reported."""
    total = len(files)
    try:
        for index, prepared in enumerate(ahead):
            path = Path(files[index])
            if cancelled():
                yield from _committed(group, total)
                return
            if plain_text[index]:  # written in the open group, committed every fraction of a second
                group.add(index, path, prepared or prepare(archive, path, resolved))
                if group.due():
                    yield from _committed(group, total)
                continue
            yield from _committed(group, total)  # files of other kinds write in their own transactions
            if holds_many(path):  # a spreadsheet of metadata or an archive's export: a result per document
                for many in import_many(archive, path, cancelled):
                    yield Progress(index, total, path, many)
                yield Progress(index + 1, total, path)
                continue
            result = import_file(archive, path, prepared)
            yield Progress(index + 1, total, path, result)
        yield from _committed(group, total)
    except GeneratorExit:  # the caller stopped early: the documents written are whole, keep them
        group.close()
        raise
    except BaseException:
        group.abandon()
        raise
    finally:
        ahead.close()  # stops the worker pool, also when the caller stops early


def _committed(group: WriteGroup, total: int) -> Iterator[Progress]:
    """Commit the open group, then report each of its files."""
    for index, path, result in group.commit():
        yield Progress(index + 1, total, path, result)


def import_all(archive: Archive, paths: Iterable[str | Path]) -> Summary:
    summary = Summary()
    for progress in run_import(archive, paths):
        if progress.result:
            summary.results.append(progress.result)
    return summary
