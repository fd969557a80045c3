"""The migration that stores each document's classification group (viewer.core.classification):
its own module, so the schema reads it without the store's mixins."""

from __future__ import annotations

import json
import sqlite3

from ..classification import normalise

GROUP_COLUMN = "classification_group"


def add_classification_group(conn: sqlite3.Connection) -> None:
    """Migration: the group column, indexed with the spelling (a group's spellings are counted on
    the index), filled for every document and for the documents the trash holds (a restore writes
    back the columns its snapshot has)."""
    conn.execute(f"ALTER TABLE documents ADD COLUMN {GROUP_COLUMN} TEXT")
    conn.execute(f"CREATE INDEX documents_{GROUP_COLUMN} ON documents ({GROUP_COLUMN}, classification)")
    spellings = [
        row[0] for row in conn.execute("SELECT DISTINCT classification FROM documents WHERE classification IS NOT NULL")
    ]
    conn.executemany(
        f"UPDATE documents SET {GROUP_COLUMN} = ? WHERE classification = ?", [(normalise(s), s) for s in spellings]
    )
    for rowid, snapshot in list(conn.execute("SELECT rowid, snapshot FROM trash")):
        kept = json.loads(snapshot)
        for row in kept.get("documents", []):
            row[GROUP_COLUMN] = normalise(row.get("classification"))
        conn.execute("UPDATE trash SET snapshot = ? WHERE rowid = ?", (json.dumps(kept, ensure_ascii=False), rowid))
