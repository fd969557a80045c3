"""One export runner for the exchange formats: which documents (ids, a search, a collection, the
whole archive), streamed one record at a time into the format's writer, into a file written beside
its target and renamed at the end (a failed or cancelled export leaves no half file).

Documents come in windows of ids from the store (``Archive.selected_ids``), so a search exports
every match, not the first screen of ranked hits, and an archive of a million documents is
exported in the memory of one record.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Generator, Iterator
from contextlib import ExitStack
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any, BinaryIO, Protocol, TextIO, cast

from ..errors import ArchiveError
from ..messages import say
from .fields import ExportItem
from .options import ExportProgress

if TYPE_CHECKING:
    from ..store import Archive, Filters

FORMATS = ("csv", "json", "tei", "cmif", "csl-json", "ris")
SUFFIXES = {"csv": ".csv", "json": ".json", "tei": ".xml", "cmif": ".xml", "csl-json": ".json", "ris": ".ris"}


class Writer(Protocol):
    def write(self, item: ExportItem) -> None: ...

    def close(self) -> None: ...


@dataclass(frozen=True)
class Chosen:
    """Which documents to export: named ids, then a collection's, then every document of a selection
    (the list's filters: a search, facets, dates), or (``everything``) the whole archive; in that
    order, each document once."""

    ids: tuple[int, ...] = ()
    collection: str | None = None
    filters: Filters | None = None
    everything: bool = False

    def is_empty(self) -> bool:
        return not (self.ids or self.collection or self.filters is not None or self.everything)


@dataclass(frozen=True)
class ExchangeOptions:
    spreadsheet: bool = False  # CSV: byte-order mark and formulas defused
    tei_files: bool | None = None  # TEI: a file per document in a folder (None: when ``out`` is a folder)
    title: str | None = None  # of the TEI corpus or the CMIF file
    editor: str | None = None  # CMIF
    email: str | None = None  # CMIF
    base_url: str | None = None  # CMIF: where the archive is published
    with_scans: bool = False  # JSON: the scan files' bytes too (base64), not only their names and sha256


def _collection_ids(archive: Archive, name: str) -> list[int]:
    found = archive.collection(name)
    if found is None:
        raise ArchiveError(f"no collection “{name}” in {archive.path}")
    return list(found.document_ids)


def chosen_ids(archive: Archive, chosen: Chosen) -> tuple[Iterator[int], int]:
    """The ids to export in order, and how many there are (counted in SQL, not by reading them)."""
    if chosen.everything:
        return (i for window in archive.selected_ids() for i in window), archive.count()
    named = list(dict.fromkeys([*chosen.ids, *(_collection_ids(archive, chosen.collection) if chosen.collection
                                               else [])]))  # fmt: skip
    selection = chosen.filters
    if selection is None:
        return iter(named), len(named)
    both = named if selection.ids is None else [i for i in named if i in set(selection.ids)]
    overlap = archive.count(replace(selection, ids=tuple(both))) if both else 0  # named and selected too
    total = len(named) + archive.count(selection) - overlap

    def ordered() -> Iterator[int]:
        yield from named
        seen = set(named)
        for window in archive.selected_ids(selection):
            yield from (i for i in window if i not in seen)

    return ordered(), total


def default_out(fmt: str, stem: str = "export") -> Path:
    return Path(stem + SUFFIXES[fmt])


def export_documents(
    archive: Archive,
    chosen: Chosen,
    fmt: str,
    out: str | Path,
    options: ExchangeOptions | None = None,
    cancelled: Callable[[], bool] = lambda: False,
) -> Generator[ExportProgress, None, None]:
    """Export the chosen documents to ``out`` in ``fmt``; yields progress after each document, the
    last step carries the path and a summary ("5 documents", "4 letters, 1 not a letter")."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")
    options = options or ExchangeOptions()
    out = Path(out)
    ids, total = chosen_ids(archive, chosen)
    from ... import APP_NAME, __version__

    exported_at = datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    context = {
        "archive": archive.path.name,
        "exported_at": exported_at,
        "generator": f"{APP_NAME} {__version__}",
        "sentence": f"Exported from {archive.path.name} by {APP_NAME} {__version__} on {exported_at[:10]}.",
    }
    in_folder = fmt == "tei" and (options.tei_files if options.tei_files is not None else out.is_dir())
    yield ExportProgress(0, total, say("exporting", count=total))
    with ExitStack() as stack:
        if in_folder:
            out.mkdir(parents=True, exist_ok=True)
            from .tei import TeiFilesWriter

            writer: Writer = TeiFilesWriter(out, exported=context["sentence"])
            partial = None
        elif out.is_symlink() or (out.exists() and not out.is_file()):
            # a link (/dev/stdout), pipe or device: written through, never replaced by a renamed .part
            partial = None
            stream = stack.enter_context(_open(out, fmt))
            writer = _writer(fmt, stream, options, context)
        else:
            partial = out.with_name(out.name + ".part")
            stack.callback(_drop, partial)  # removed (once closed) unless renamed into place below
            stream = stack.enter_context(_open(partial, fmt))
            writer = _writer(fmt, stream, options, context)
        done = 0
        from .json_out import curated

        for document_id in ids:
            if cancelled():
                return
            record = archive.record(document_id)
            if record is None:
                continue
            item = ExportItem(record, archive.document_annotations(document_id))
            if fmt == "json":  # tags, corrections and scans too
                item = curated(archive, item, with_scans=options.with_scans)
            writer.write(item)
            done += 1
            yield ExportProgress(done, total, record.title[:60] or record.key)
        writer.close()
        if partial is not None:
            stream.close()
            os.replace(partial, out)
    yield ExportProgress(total, total, _summary(fmt, done, writer), out)


def _open(path: Path, fmt: str) -> IO[Any]:
    if fmt in ("tei", "cmif"):
        return open(path, "wb")  # lxml writes its own bytes
    return open(path, "w", encoding="utf-8", newline="")  # the writers choose their line ends


def _drop(path: Path) -> None:
    path.unlink(missing_ok=True)


def _writer(fmt: str, stream: IO[Any], options: ExchangeOptions, context: dict[str, str]) -> Writer:
    """The format's writer over an open stream (its module imported only when asked for)."""
    text, binary = cast(TextIO, stream), cast(BinaryIO, stream)  # as ``_open`` opened it for the format
    if fmt == "csv":
        from .csv_out import CsvWriter

        return CsvWriter(text, spreadsheet=options.spreadsheet)
    if fmt == "json":
        from .json_out import JsonWriter

        return JsonWriter(
            text, archive=context["archive"], exported_at=context["exported_at"], generator=context["generator"]
        )
    if fmt == "csl-json":
        from .csl import CslJsonWriter

        return CslJsonWriter(text)
    if fmt == "ris":
        from .csl import RisWriter

        return RisWriter(text)
    title = options.title or f"Documents of {context['archive']}"
    if fmt == "tei":
        from .tei import TeiCorpusWriter

        return TeiCorpusWriter(binary, title=title, exported=context["sentence"])
    from .cmif import CmifOptions, CmifWriter

    editor = options.editor or "Archive Viewer"
    cmif = CmifOptions(
        title=options.title or f"Letters and telegrams of {context['archive']}",
        editor=editor,
        email=options.email,
        base_url=options.base_url,
        exported_at=context["exported_at"],
        edition=f"{context['archive']}, an archive kept with {context['generator']}",
    )
    return CmifWriter(binary, cmif)


def _summary(fmt: str, done: int, writer: Writer) -> str:
    letters, skipped = getattr(writer, "letters", None), getattr(writer, "skipped", 0)
    if fmt == "cmif" and letters is not None:
        return say(
            ("letters_one" if letters == 1 else "letters") + ("_skipped" if skipped else ""),
            count=letters,
            skipped=skipped,
        )
    return say("exported_one" if done == 1 else "exported", count=done)
