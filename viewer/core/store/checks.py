"""Checking an archive: SQLite's and FTS5's integrity checks, derived data compared with its
sources, and the repair of what is derived (the full-text index, links) from the sources.

Only derived data is repaired here; documents, texts and stored files are the user's and are never
rewritten by a check.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .index_pause import alive, left_out, make_again
from .schema_compact import SEARCH_COLUMNS, SEARCH_TABLE
from .schema_tallies import differences as tally_differences
from .schema_tallies import recount as recount_tallies
from .text_codec import readable
from .writing import Writing


@dataclass
class CheckReport:
    problems: list[str] = field(default_factory=list)
    repairs: list[str] = field(default_factory=list)
    figures: dict[str, int] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return not self.problems

    def as_dict(self) -> dict[str, Any]:
        return {"ok": self.ok, "problems": self.problems, "repairs": self.repairs, "figures": self.figures}


def file_integrity(path: Path) -> list[str]:
    """SQLite's integrity check of a file too damaged to open as an archive, read-only."""
    raw = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        return [row[0] for row in raw.execute("PRAGMA integrity_check")]
    finally:
        raw.close()


class Checks(Writing):
    """The integrity checks and the repair of derived data."""

    def check(self) -> CheckReport:
        """Run SQLite's and FTS5's integrity checks and compare derived data with its sources."""
        report = CheckReport()
        try:
            rows = [row[0] for row in self.conn.execute("PRAGMA integrity_check")]
        except sqlite3.DatabaseError as error:
            report.problems.append(f"SQLite integrity check failed: {error}")
            return report
        if rows != ["ok"]:
            report.problems += [f"SQLite: {row}" for row in rows[:20]]
            report.problems.append("the file itself is damaged: restore the latest backup (archive-viewer restore)")
            return report
        try:
            if not self.readonly:  # FTS5 takes its check as a write command
                self.conn.execute("INSERT INTO search(search, rank) VALUES ('integrity-check', 1)")
        except sqlite3.DatabaseError as error:
            report.problems.append(f"full-text index: {error} (repair: archive-viewer check --repair)")
        unreadable = self.damaged_texts()
        if unreadable:
            report.problems.append(
                f"texts whose stored body cannot be read: {', '.join(map(str, unreadable[:10]))} (ids; cannot be "
                "repaired here: restore a backup)"
            )
        missing, stale, orphans = (len(ids) for ids in self.index_differences(unreadable))
        if missing:
            report.problems.append(f"full-text index: {missing} documents are missing (repair: check --repair)")
        if stale:
            report.problems.append(f"full-text index: {stale} documents are out of date (repair: check --repair)")
        if orphans:
            report.problems.append(f"full-text index: {orphans} rows for deleted documents (repair: check --repair)")
        if self._one("SELECT count(*) FROM sqlite_master WHERE name = 'tally_documents'"):
            wrong = tally_differences(self.conn)
            if wrong:
                report.problems.append(
                    f"facet tallies: {wrong} counts differ from the documents (repair: check --repair)"
                )
        waiting = [name for name, owner, host in left_out(self.conn) if not alive(self.path, owner, host)]
        if waiting:
            report.problems.append(
                f"indexes an import that did not end left out: {', '.join(waiting)} (the archive answers without "
                "them, slower; repair: check --repair)"
            )
        bad_files = self.damaged_files()
        if bad_files:
            report.problems.append(
                f"stored files whose bytes no longer match their sha256: {', '.join(bad_files[:10])} "
                "(cannot be repaired here: re-attach the originals or restore a backup)"
            )
        report.figures = {
            "documents": self._one("SELECT count(*) FROM documents"),
            "texts": self._one("SELECT count(*) FROM texts"),
            "files": self._one("SELECT count(*) FROM files"),
            "index_missing": missing,
            "index_stale": stale,
            "files_damaged": len(bad_files),
        }
        return report

    def damaged_files(self) -> list[str]:
        """Names of stored files whose bytes no longer match their sha256 (read one at a time)."""
        bad = []
        for file_id, sha256, name in self.conn.execute("SELECT id, sha256, name FROM files").fetchall():
            data = self._one("SELECT data FROM files WHERE id = ?", (file_id,))
            if hashlib.sha256(data).hexdigest() != sha256:
                bad.append(name)
        return bad

    def damaged_texts(self) -> list[int]:
        """Ids of the texts whose compressed body no longer unpacks (text_codec): damage inside a
        row that SQLite's own check cannot see. Plain bodies are always readable."""
        found = self._tuples("SELECT id, body FROM texts WHERE typeof(body) = 'blob' ORDER BY id")
        return [text_id for text_id, body in found if not readable(body)]

    def index_drift(self) -> tuple[int, int]:
        """(documents without an index row, documents whose index row differs from their sources)."""
        missing, stale, _orphans = self.index_differences()
        return len(missing), len(stale)

    def index_differences(self, damaged_texts: list[int] | None = None) -> tuple[set[int], set[int], set[int]]:
        """The ids of documents missing from the index, of those whose row differs from their sources,
        and of index rows without a document. The contentless index keeps no copy to compare, so one
        is built afresh in a temporary table and the two are compared by their token counts per
        document and column, then term by term (each term's documents and counts, and for a term that
        differs, every place it occurs). A document with a text that no longer unpacks is left out: its
        row cannot be made again (``damaged_texts`` names it, and a backup mends it, not a repair); the
        caller that has just found those texts passes them (each is read whole to know)."""
        damaged = {
            row[0]
            for row in self.conn.execute(
                "SELECT document_id FROM texts WHERE id IN (SELECT value FROM json_each(?))",
                (json.dumps(self.damaged_texts() if damaged_texts is None else damaged_texts),),
            )
        }
        documents = {row[0] for row in self.conn.execute("SELECT id FROM documents")} - damaged
        indexed = {row[0] for row in self.conn.execute("SELECT id FROM main.search_docsize")} - damaged
        try:
            self._build_fresh_index(documents)
            differing = {
                row[0]
                for row in self.conn.execute(
                    "SELECT f.id FROM temp.search_fresh_docsize f JOIN main.search_docsize m ON m.id = f.id "
                    "WHERE f.sz IS NOT m.sz"
                )
            }
            terms = [
                row[0]
                for row in self.conn.execute(
                    "SELECT term FROM (SELECT term, doc, cnt FROM temp.vocab_live EXCEPT "
                    "SELECT term, doc, cnt FROM temp.vocab_fresh) UNION SELECT term FROM (SELECT term, doc, cnt "
                    "FROM temp.vocab_fresh EXCEPT SELECT term, doc, cnt FROM temp.vocab_live)"
                )
            ]
            for term in terms:
                places = [
                    set(self.conn.execute(f"SELECT doc, col, offset FROM temp.{table} WHERE term = ?", (term,)))
                    for table in ("places_live", "places_fresh")
                ]
                differing |= {place[0] for place in places[0] ^ places[1]}
            differing -= damaged
        finally:
            for table in ("vocab_live", "vocab_fresh", "places_live", "places_fresh", "search_fresh"):
                self.conn.execute(f"DROP TABLE IF EXISTS temp.{table}")
        orphans = (indexed | differing) - documents
        return documents - indexed, (differing & documents) - (documents - indexed), orphans

    def _build_fresh_index(self, documents: set[int]) -> None:
        """The index as the sources say it should be, in ``temp.search_fresh``, with vocabulary tables
        over it and over the archive's own index."""
        self.conn.execute(SEARCH_TABLE.replace("TABLE search", "TABLE temp.search_fresh", 1))
        for name, schema, table in (("live", "main", "search"), ("fresh", "temp", "search_fresh")):
            self.conn.execute(f"CREATE VIRTUAL TABLE temp.vocab_{name} USING fts5vocab({schema}, {table}, 'row')")
            self.conn.execute(f"CREATE VIRTUAL TABLE temp.places_{name} USING fts5vocab({schema}, {table}, 'instance')")
        self.conn.execute("SAVEPOINT fresh_index")  # one transaction for the temporary rows, not one each
        for document_id in sorted(documents):
            columns = self.search_columns(document_id)  # a damaged text reads as text_codec.DAMAGED
            if columns is not None:
                self.conn.execute(
                    f"INSERT INTO temp.search_fresh (rowid, {SEARCH_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?)",
                    (document_id, *columns),
                )
        self.conn.execute("RELEASE fresh_index")

    def repair(self) -> CheckReport:
        """Rebuild what is derived (the full-text index, links) from the source data, then check again."""
        made = make_again(self.conn)  # first: the checks below read the documents on them
        rebuilt = self.rebuild_index()
        with self.transaction():
            self.conn.execute("UPDATE links SET target_id = NULL")
            resolved = sum(
                self.resolve_links(document_id)
                for (document_id,) in self.conn.execute("SELECT id FROM documents").fetchall()
            )
            recount_tallies(self.conn)
        report = self.check()
        report.repairs = [
            f"rebuilt the full-text index of {rebuilt} documents",
            f"re-resolved {resolved} links",
            "recounted the facet tallies",
        ]
        if made:
            report.repairs.append(f"made again the indexes an import left out: {', '.join(made)}")
        return report
