"""Migration 5 (issue 16): an archive whose full-text table kept a copy of every text opens as a
contentless one holding the same index, searches as before, is kept as it was in a backup and
gives the freed space back."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from viewer.core.store import Archive, Filters
from viewer.core.store.schema import MIGRATIONS, SCHEMA_VERSION, backup_path
from viewer.core.store.schema_compact import compact
from viewer.core.store.text_codec import unpack

from .test_index_consistency import assert_in_step

OLD_VERSION = MIGRATIONS.index(compact)  # the version before the contentless index
COPIED = ("documents", "texts", "entities", "aliases", "document_entities", "reference_numbers")


def old_archive(seeded: Archive, path: Path) -> None:
    """The seeded archive's documents in an archive of the previous version, made by its migrations,
    its index rows as the store used to write them (with their content) and its texts as plain text."""
    old = sqlite3.connect(path, isolation_level=None)
    old.create_function("body_text", 1, unpack)  # the seeded archive's texts are compressed
    old.execute("PRAGMA page_size = 4096")
    for migration in MIGRATIONS[:OLD_VERSION]:
        migration(old)
    old.execute(f"PRAGMA user_version = {OLD_VERSION}")
    old.execute("ATTACH ? AS seeded", (str(seeded.path),))
    for table in COPIED:
        columns = ", ".join(row[1] for row in old.execute(f"PRAGMA table_info({table})"))  # no generated ones
        values = columns.replace("body", "body_text(body)") if table == "texts" else columns
        old.execute(f"INSERT INTO {table} ({columns}) SELECT {values} FROM seeded.{table}")
    old.execute("INSERT INTO terms (term, key) SELECT term, key FROM seeded.terms")
    for (document_id,) in old.execute("SELECT id FROM documents").fetchall():
        old.execute(
            "INSERT INTO search (rowid, title, summary, body, names, refs) VALUES (?, ?, ?, ?, ?, ?)",
            (document_id, *seeded.search_columns(document_id)),
        )
    old.execute("DETACH seeded")
    old.close()


def test_an_old_archive_opens_contentless_and_searches_as_before(seeded, tmp_path):
    path = tmp_path / "old.db"
    old_archive(seeded, path)
    with sqlite3.connect(path) as before:
        assert before.execute("SELECT count(*) FROM search_content").fetchone()[0] == seeded.count()
    with Archive(path) as archive:
        assert archive.conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        assert (
            archive.conn.execute("SELECT count(*) FROM sqlite_master WHERE name = 'search_content'").fetchone()[0] == 0
        )
        assert tuple(archive.conn.execute("SELECT title, body FROM search LIMIT 1").fetchone()) == (None, None)
        assert archive.conn.execute("PRAGMA freelist_count").fetchone()[0] == 0  # the space went back
        assert archive.conn.execute("PRAGMA page_size").fetchone()[0] == 16384
        assert archive.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert_in_step(archive)
        for query in ("Filippov", "reunification", '"Korean comrades"', "Kim Il Sung", "Mao*"):
            assert archive.search(query).total == seeded.search(query).total > 0, query
            assert archive.count(Filters(query=query)) == seeded.count(Filters(query=query))
        assert (
            archive.conn.execute("SELECT count(*) FROM terms").fetchone()[0]
            == seeded.conn.execute("SELECT count(*) FROM terms").fetchone()[0]
        )
        # and it keeps in step from here on
        archive.correct(archive.resolve_id("001"), {"title": "After the upgrade"}, "t")
        archive.delete_documents([archive.resolve_id("002")], "t")
        assert_in_step(archive)
        assert archive.check().ok
    with sqlite3.connect(backup_path(path, OLD_VERSION)) as kept:  # the archive as it was
        assert kept.execute("PRAGMA user_version").fetchone()[0] == OLD_VERSION
        assert kept.execute("SELECT count(*) FROM search_content").fetchone()[0] == seeded.count()
