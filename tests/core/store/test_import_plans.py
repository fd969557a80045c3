"""What an import asks of the archive is read on indexes, not on every document: a link waiting for
a document of a date read the whole table once for each, about 0.7 s at 100,000 documents (issue 16).
Every statement an import of the seeds and of a reply to one of them by date runs is explained
(``EXPLAIN QUERY PLAN``); none may read all of the documents."""

from __future__ import annotations

import shutil
import sqlite3

from viewer.core.importers.batch import import_all
from viewer.core.store import Archive

from ...conftest import SAMPLES

REPLY = """


May 20, 1950

Cable from Stalin to Mao, in Answer to the Request

Citation:

"Cable from Stalin to Mao," May 20, 1950, a test page.

<http://digitalarchive.wilsoncenter.org/document/900001>

Summary:

This is a response to Roshchin's May 13, 1950 telegram relaying Mao's request.

Original Language:

Russian

Contents:

- English Translation

English Translation

Comrade Mao, the answer to your question.
"""


def _scans_documents(conn: sqlite3.Connection, statement: str) -> bool:
    plan = conn.execute(f"EXPLAIN QUERY PLAN {statement}").fetchall()
    return any(row[3] in ("SCAN documents", "SCAN d") for row in plan)


def test_an_import_never_reads_every_document(tmp_path):
    folder = tmp_path / "files"
    shutil.copytree(SAMPLES, folder, ignore=shutil.ignore_patterns("*.toml"))
    (folder / "zz_reply.txt").write_text(REPLY, "utf-8")  # last: its link finds Roshchin's cable in
    statements: list[str] = []
    with Archive(tmp_path / "a.db") as archive:
        archive.conn.set_trace_callback(statements.append)
        summary = import_all(archive, [folder])
        archive.conn.set_trace_callback(None)
        assert summary.count("imported") == 6, summary.line()
        reply = archive.conn.execute("SELECT id FROM documents WHERE url LIKE '%900001'").fetchone()[0]
        target = archive.conn.execute("SELECT id FROM documents WHERE date_start = '1950-05-13'").fetchone()[0]
        links = archive.conn.execute("SELECT target_id, target_date FROM links WHERE source_id = ?", (reply,))
        assert [tuple(link) for link in links.fetchall()] == [(target, "1950-05-13")]  # still found
        selects = [s for s in statements if s.lstrip().upper().startswith(("SELECT", "WITH")) and "documents" in s]
        assert any("date_start" in s for s in selects)  # the link's own query was among them
        scanning = [s for s in selects if _scans_documents(archive.conn, s)]
        assert not scanning, scanning[:3]
