"""The bench's work folder: N synthetic text files and the archive the product's importer made of
them, made once and reused (``--keep``).

``manifest.json`` beside them says what they are: the number of documents, the generator's seed
and version, the schema the archive was built with, whether the files and the archive are whole,
and how each build went (seconds, documents, the importer's peak memory). A later run with the same
N, generator and schema reuses them and skips the build; anything else starts them afresh. Files
are written a block of 1,000 at a time in parallel processes, each block marked whole when done, so
an interrupted writing resumes at the blocks not yet marked; an interrupted build resumes through
the importer itself (a re-run of the same import skips the documents already in).
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import dataclass
from multiprocessing import get_context
from pathlib import Path
from typing import Any

from . import peers
from .measure import remove_archive_files
from .progress import Progress
from .synthetic import BLOCK, BLOCK_DONE, GENERATOR_VERSION, block_folder, write_block

SEED = 1950
MANIFEST = "manifest.json"


@dataclass
class Build:
    """How the archive came to be: this run built (or finished) it, or a previous run did."""

    seconds: float  # all sessions of the build, resumed ones included
    imported: int
    sessions: int
    peak_rss_mb: float  # the importer process's peak, the largest over the sessions
    this_run: bool
    when: str


def _schema_version() -> int:
    from ..core.store.schema import SCHEMA_VERSION

    return SCHEMA_VERSION


class Corpus:
    """The files and the archive of ``docs`` documents in ``work``."""

    def __init__(self, work: Path, docs: int) -> None:
        self.work, self.docs = work, docs
        self.files = work / "files"
        self.db = work / "bench.db"
        self.manifest_path = work / MANIFEST
        self._migrated = False
        self.manifest = self._read_manifest()
        if self._migrated:
            self._save()  # the kept archive is at this program's schema now: say so once

    def _read_manifest(self) -> dict[str, Any]:
        fresh = {"docs": self.docs, "seed": SEED, "generator": GENERATOR_VERSION, "files": {}, "archive": {}}
        try:
            manifest = json.loads(self.manifest_path.read_text("utf-8"))
        except (OSError, ValueError):
            manifest = {}
        if any(manifest.get(key) != fresh[key] for key in ("docs", "seed", "generator")):
            shutil.rmtree(self.files, ignore_errors=True)
            remove_archive_files(self.db)
            return fresh
        if not self.files.is_dir():
            manifest["files"] = {}
        if not self.db.exists():
            manifest["archive"] = {}
        schema = manifest.get("archive", {}).get("schema")
        if schema is not None and schema > _schema_version():
            remove_archive_files(self.db)  # built by a newer program: this one cannot read it
            manifest["archive"] = {}
        elif schema is not None and schema < _schema_version():
            self.migrate(manifest["archive"], schema)
        return manifest

    def migrate(self, archive: dict[str, Any], schema: int) -> None:
        """Bring a kept archive of an older schema to this program's, the way a user's archive is
        brought (the product's own migrations), instead of building a million documents again; the
        backup the migration makes first is removed (the files can always rebuild it)."""
        from ..core.store import Archive
        from ..core.store.schema import backup_path

        began = time.monotonic()
        Archive(self.db).close()
        remove_archive_files(backup_path(self.db, schema))
        archive.setdefault("migrations", []).append(
            {"from": schema, "to": _schema_version(), "seconds": round(time.monotonic() - began, 1)}
        )
        archive["schema"] = _schema_version()
        self._migrated = True

    def _save(self) -> None:
        temporary = self.manifest_path.with_suffix(".tmp")
        temporary.write_text(json.dumps(self.manifest, indent=2), "utf-8")
        os.replace(temporary, self.manifest_path)

    @property
    def blocks(self) -> int:
        return -(-self.docs // BLOCK)

    def write_files(self, progress: Progress, workers: int | None = None) -> None:
        """Write the blocks of files not yet whole, in parallel (one process per core)."""
        if self.manifest["files"].get("complete"):
            progress.say(f"  the {self.docs:,} files are there already (manifest): not written again")
            return
        self.files.mkdir(parents=True, exist_ok=True)
        missing = [b for b in range(self.blocks) if not (block_folder(self.files, b) / BLOCK_DONE).exists()]
        done = self.blocks - len(missing)
        began = time.monotonic()
        workers = workers or min(len(missing), os.cpu_count() or 1) or 1
        if workers == 1:
            for block in missing:
                write_block(self.files, block, self.docs, SEED)
                done += 1
                progress.step(min(done * BLOCK, self.docs), self.docs, "files")
        else:
            with ProcessPoolExecutor(workers, mp_context=get_context("spawn")) as pool:
                futures = [pool.submit(write_block, self.files, block, self.docs, SEED) for block in missing]
                for future in as_completed(futures):
                    future.result()
                    done += 1
                    progress.step(min(done * BLOCK, self.docs), self.docs, "files")
        self.manifest["files"] = {"complete": True, "seconds": round(time.monotonic() - began, 1)}
        self._save()

    def build(self, progress: Progress) -> Build:
        """Import the files into the archive with the product's importer (unless a whole archive of
        them is here already) and say how the build went."""
        archive = self.manifest["archive"]
        if not archive.get("complete"):
            if not archive.get("started"):
                remove_archive_files(self.db)  # no build of ours started it: start afresh
            archive.update(started=True, schema=_schema_version())
            archive.setdefault("sessions", [])
            self._save()
            session = self._import(progress)
            archive["sessions"].append(session)
            self._save()
            count = self.count()
            if count != self.docs:
                raise RuntimeError(f"the build made {count:,} documents of {self.docs:,} (refused files above)")
            peers.checkpoint(self.db)
            archive.update(complete=True, when=time.strftime("%Y-%m-%d %H:%M"), this_run=True)
            self._save()
            this_run = True
        else:
            progress.say(f"  the archive of {self.docs:,} documents is whole already (manifest): not built again")
            this_run = False
        sessions = archive["sessions"]
        return Build(
            seconds=sum(s["seconds"] for s in sessions),
            imported=sum(s["imported"] for s in sessions),
            sessions=len(sessions),
            peak_rss_mb=max(s["peak_rss_mb"] for s in sessions),
            this_run=this_run,
            when=archive.get("when", ""),
        )

    def count(self) -> int:
        from ..core.store import Archive

        with Archive(self.db, readonly=True) as archive:
            return archive.count()

    def _import(self, progress: Progress) -> dict[str, Any]:
        """One session of the build: the importer in a child process, its progress relayed."""
        since = self.count() if self.db.exists() else 0
        command = [sys.executable, "-m", "viewer.bench.build", str(self.db), str(self.files), str(os.getpid())]
        began = time.monotonic()
        child = subprocess.Popen(command, stdout=subprocess.PIPE, text=True, cwd=Path.cwd())
        assert child.stdout is not None
        final = ""
        for line in child.stdout:
            kind, _, rest = line.strip().partition(" ")
            if kind == "progress":
                done, total = (int(word) for word in rest.split())
                progress.step(done, total, "docs", since)
            elif kind == "done":
                final = rest
            else:
                progress.say(f"  importer: {line.rstrip()}")
        if child.wait() != 0 or not final:
            raise RuntimeError(f"the importer ended with status {child.returncode} (a re-run resumes the build)")
        imported, unchanged, refused, _seconds, peak_kb = final.split()
        return {
            "seconds": round(time.monotonic() - began, 2),
            "imported": int(imported),
            "unchanged": int(unchanged),
            "refused": int(refused),
            "peak_rss_mb": round(int(peak_kb) / 1024, 1),
            "resumed_from": since,
        }
