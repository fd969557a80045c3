"""Writing text files in groups: one transaction for every fraction of a second of documents.

A commit per document re-appends the same hot pages of the archive (the documents list, the index)
to the write-ahead log each time: a 1.6 GB archive wrote 40 GB that way. So a batch of text files is
written in groups, committed every ``GROUP_SECONDS``. A group holds whole documents only (a kill
loses at most the group being written, never part of a document; a re-run imports it), and the
"already imported?" check of each file still runs inside the transaction that writes it. When a
write fails (a damaged file the parser let through, a full disk), the group is rolled back and
replayed one document per transaction, so the file at fault is named, refused, and the rest kept.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from ..records import ParsedDocument
from ..store import Archive
from ..store.index import Terms
from .prepare import Prepared
from .results import FileResult

GROUP_SECONDS = 0.25  # a kill loses at most this much work; a commit costs a few milliseconds


def write_text(
    archive: Archive,
    path: Path,
    sha256: str,
    parsed: ParsedDocument,
    where: str | None = None,
    terms: Terms | None = None,
    bodies: list[str | bytes] | None = None,
) -> FileResult:
    """Write one parsed text file; call inside a write transaction (one file's, or a group's).
    ``where``, ``terms`` and ``bodies``: the file's resolved path, indexed words and texts as stored,
    when a worker made them already (``prepare.resolved``, ``prepare.index_terms``, ``text_codec.pack``)."""
    # new, unchanged, or an update (the same bytes, else path or file name, else web address or key),
    # asked inside the write transaction: another import (another process) may have written this
    # very file while it was being parsed, and two imports of one file make one document
    where = where or str(path.resolve())
    outcome, existing, free_key = archive.match_existing(sha256, where, path.stem, parsed.url, parsed.key)
    if outcome == "unchanged":
        return FileResult(path, "unchanged", existing, "already in the archive, unchanged")
    report = parsed.report.as_dict()
    document_id = archive.save_document(
        parsed, source_path=where, sha256=sha256, replace_id=existing, free_key=free_key, terms=terms, packed=bodies
    )
    # the row just written, not read back, is what the report is compared with
    archive.record_import(str(path), sha256, document_id, outcome, report, archive.saved_row(document_id))
    message = "; ".join(parsed.review_reasons) if parsed.review_reasons else ""
    return FileResult(path, outcome, document_id, message, report)


@dataclass
class _Entry:
    position: int  # the file's place in the batch, for progress
    path: Path
    prepared: Prepared
    result: FileResult


class WriteGroup:
    """The documents written since the last commit, in one open write transaction.

    ``add`` writes a file; ``due`` says when to ``commit``, which yields each file's result once it
    is committed. ``replay`` writes one file in its own transaction (``batch.import_file``): used
    for every file of a group whose write failed."""

    def __init__(
        self, archive: Archive, replay: Callable[[Path, Prepared], FileResult], seconds: float | None = None
    ) -> None:
        self.archive = archive
        self.replay = replay
        self.seconds = GROUP_SECONDS if seconds is None else seconds
        self.entries: list[_Entry] = []
        self.started = 0.0
        self.open = False  # a write transaction is open
        self.failed = False  # a write failed: the group was rolled back and waits to be replayed

    def add(self, position: int, path: Path, prepared: Prepared) -> None:
        """Write one file into the group (opening it if need be); a write that fails rolls the group
        back, and the next commit replays it file by file."""
        if self.failed:
            self.entries.append(_Entry(position, path, prepared, FileResult(path, "refused")))
            return
        if not self.entries:
            self.archive.begin_write(group=True)
            self.open, self.started = True, time.monotonic()
        try:
            result = self._write(path, prepared)
        except Exception:
            self._rollback()
            result = FileResult(path, "refused")
        self.entries.append(_Entry(position, path, prepared, result))

    def due(self) -> bool:
        return bool(self.entries) and (self.failed or time.monotonic() - self.started >= self.seconds)

    def _write(self, path: Path, prepared: Prepared) -> FileResult:
        if prepared.refused is not None:
            self.archive.record_import(str(path), None, None, "refused", {"reason": prepared.refused})
            return FileResult(path, "refused", None, prepared.refused)
        if prepared.unchanged_id is not None or prepared.parsed is None:
            return FileResult(path, "unchanged", prepared.unchanged_id, "already in the archive, unchanged")
        return write_text(
            self.archive, path, prepared.sha256 or "", prepared.parsed, prepared.where, prepared.terms, prepared.bodies
        )

    def commit(self) -> Iterator[tuple[int, Path, FileResult]]:
        """Commit the group and yield each file's (position, path, result); a group whose write or
        commit failed is replayed one file per transaction instead."""
        entries, self.entries = self.entries, []
        if not entries:
            return
        if not self.failed:
            try:
                self.archive.commit_write()
                self.open = False
            except Exception:  # a full disk at the commit: nothing of the group was written
                self._rollback()
        if self.failed:
            self.failed = False
            for entry in entries:
                entry.result = self.replay(entry.path, entry.prepared)
        for entry in entries:
            yield entry.position, entry.path, entry.result

    def _rollback(self) -> None:
        self.archive.rollback_write()
        self.open, self.failed = False, True

    def close(self) -> None:
        """Leave no transaction open: what was written, whole documents, is committed (a batch the
        caller stopped early); on an error the group is rolled back."""
        if self.open:
            self.open = False
            self.archive.commit_write()
        self.entries, self.failed = [], False

    def abandon(self) -> None:
        """Roll back what the group wrote (an error outside it stopped the batch)."""
        if self.open:
            self.open = False
            self.archive.rollback_write()
        self.entries, self.failed = [], False
