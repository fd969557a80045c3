"""Which names a batch's parsing knows: those the archive knew when the batch began, in every process.

A parse worker that read the archive's names when it first parsed (not when the batch began) also
knew the people the batch's first groups had written: a "Zorin" named once in a title was then found
in the texts that worker parsed, and not in those another process parsed, so a file's people
depended on which process parsed it, and when (938 of 3,000 bench documents differed between two
runs of the same import).
"""

from __future__ import annotations

import os
from pathlib import Path

from viewer.core.importers import prepare
from viewer.core.importers.batch import import_all
from viewer.core.store import Archive

FIRST = "# Telegram from Zorin to Stalin\n\nDate: 12 May 1950\n\nThe matter of the treaty is settled.\n"
LATER = "# Report on the treaty\n\nDate: 14 May 1950\n\nThe delegation met Zorin and discussed the treaty.\n"


def mentioned(parsed) -> set[str]:
    return {mention.name for mention in parsed.mentions}


def test_a_worker_parses_with_the_names_known_when_the_batch_began(tmp_path: Path):
    first, later = tmp_path / "first.md", tmp_path / "later.md"
    first.write_text(FIRST, "utf-8")
    later.write_text(LATER, "utf-8")
    db = tmp_path / "a.db"
    with Archive(db) as archive:
        known = archive.gazetteer().entities  # the batch begins: no Zorin
        import_all(archive, [first])  # the batch's first group writes him, from the title
    with Archive(db, readonly=True) as late:  # a process reading the archive's names after that commit
        assert "Zorin" in {entity.name for entity in late.gazetteer().entities}
        now = prepare.prepare(late, later)
        assert now.parsed is not None and "Zorin" in mentioned(now.parsed)
    prepare._start_worker(str(db), os.getppid(), 1, known)  # a worker started after that commit
    try:
        [worker] = prepare._prepare_chunk([str(later)])
    finally:
        assert prepare._worker_archive is not None
        prepare._worker_archive.close()
        prepare._worker_archive = prepare._worker_names = None
    assert worker.parsed is not None and "Zorin" not in mentioned(worker.parsed)
