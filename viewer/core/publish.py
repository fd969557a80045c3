"""Publishing an archive read-only for a team or a class, with Datasette (an existing engine: tables,
facets, full-text search, canned queries and a JSON API, in a browser).

``archive-viewer publish OUTDIR`` writes what Datasette needs: ``archive.db`` (a copy without the
trash, the import log and local folder names; see ``store.publishing``), ``metadata.json`` (titles,
descriptions, facets, the full-text table of ``documents``, canned queries such as documents by
person and replies to a document) and a README saying how to serve it. ``--serve`` then runs
``datasette serve --immutable archive.db -m metadata.json`` (read-only: Datasette never writes an
immutable database). Datasette is an optional extra: ``pip install -e '.[publish]'``.
"""

from __future__ import annotations

import importlib.util
import json
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from .archive_files import remove_archive_files
from .errors import ArchiveError

if TYPE_CHECKING:
    from .store import Archive

INSTALL = "pip install -e '.[publish]'"
DATABASE = "archive"  # the copy's file stem: the database's name in Datasette's addresses


@dataclass(frozen=True)
class Published:
    folder: Path
    database: Path
    metadata: Path
    documents: int

    def serve_command(self, port: int = 8001, host: str = "127.0.0.1") -> list[str]:
        """Datasette serving the copy read-only on ``host:port``."""
        return [
            sys.executable,
            "-m",
            "datasette",
            "serve",
            "--immutable",
            str(self.database),
            "-m",
            str(self.metadata),
            "--host",
            host,
            "--port",
            str(port),
        ]


def datasette_available() -> bool:
    return importlib.util.find_spec("datasette") is not None


def metadata_for(archive: Archive, database: str = DATABASE, title: str | None = None) -> dict[str, object]:
    """Datasette's metadata for ``archive`` served under the name ``database``."""
    from .store.publishing import datasette_metadata

    count = archive.count()
    title = title or f"{archive.path.stem} — Archive Viewer"
    description = (
        f"{count} document{'s' * (count != 1)}, published read-only from {archive.path.name}. Search the documents "
        "table, filter it by type, language or classification, or ask one of the canned queries below."
    )
    return datasette_metadata(database, title, description)


def publish(archive: Archive, folder: Path, title: str | None = None, *, replace: bool = False) -> Published:
    """Write the copy, its metadata and a README into ``folder`` (made if missing)."""
    folder = Path(folder)
    if folder.exists() and not folder.is_dir():
        raise ArchiveError(f"{folder}: is a file, not a folder to publish into")
    folder.mkdir(parents=True, exist_ok=True)
    database, metadata = folder / f"{DATABASE}.db", folder / "metadata.json"
    if database.exists():
        if not replace:
            raise ArchiveError(f"{database} exists already (use --replace to publish over it)")
        remove_archive_files(database)
    partial = folder / f".{DATABASE}.db.partial"
    partial.unlink(missing_ok=True)
    archive.publishable_copy(partial)
    partial.replace(database)
    metadata.write_text(json.dumps(metadata_for(archive, DATABASE, title), ensure_ascii=False, indent=2), "utf-8")
    published = Published(folder, database, metadata, archive.count())
    (folder / "README.txt").write_text(_readme(published), "utf-8")
    return published


def _readme(published: Published) -> str:
    return (
        f"A read-only copy of an archive ({published.documents} documents), for Datasette.\n\n"
        f"Serve it (Datasette: {INSTALL}, or pip install datasette):\n\n"
        "    datasette serve --immutable archive.db -m metadata.json\n\n"
        "then open http://127.0.0.1:8001/archive/documents and type in the search box, or try the canned\n"
        "queries (documents by person, replies to a document). Add ?_shape=array to any address, or .json\n"
        "before its query, for the same answer as JSON. Publish it on a server with `datasette publish`.\n"
    )
