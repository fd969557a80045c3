"""An import's group counts the documents it writes itself, all at once as it commits (issue 16).

The tallies' triggers (schema_tallies.py) count every document and every mention as it is written:
on an import that was a quarter of the writer's time, most of it SQLite starting a trigger for
each row even when it had nothing to do. So a group of an import (``Connection.begin_write``):

- ``pause``: its new documents (ids from one past the last) are left to it; the two triggers that
  every new document and mention would start are dropped, in the group's own transaction;
- ``hold``: a document that was there before and that the group rewrites (a re-imported file) is
  first counted out, then left to the group too;
- ``resume``, before the commit: the documents left to it are counted as they are then, the
  triggers are made again, and the rows that said which documents were left are removed.

Every other trigger still runs, but skips the documents a row of ``tally_paused`` names, so a
document the group writes twice or deletes is counted once, as it ends. Nothing of this is ever
committed half-way: a group rolled back or killed keeps the triggers and leaves no row.
"""

from __future__ import annotations

import sqlite3

from .schema_tallies import TRIGGERS, fresh_counts

PAUSED_TABLE = "CREATE TABLE tally_paused (low INTEGER NOT NULL, high INTEGER NOT NULL)"
LAST_ID = 2**63 - 1
# the triggers every new document and every mention would start, dropped while a group is open
INSERTING = {
    name: trigger
    for trigger in TRIGGERS
    if (name := trigger.split()[2]) in ("tally_document_added", "tally_mention_added")
}
# the documents left to the group: its new ones (ids from ?1) and the ones it held
# (each read on its index: with an OR, the mentions were all read, millions of them at a million documents)
LEFT = "{id} IN (SELECT id FROM documents WHERE id >= ?1 UNION ALL SELECT low FROM tally_paused WHERE low = high)"


def _taken(table: str, names: list[str], counts: str) -> list[str]:
    """Statements that take the ``counts`` (rows of ``names`` and a count) off ``table``."""
    same = " AND ".join(f"{table}.{name} IS g.{name}" for name in names)
    counted = f"WITH g({', '.join(names)}, n) AS ({counts})"
    return [
        f"{counted} UPDATE {table} SET n = {table}.n - g.n FROM g WHERE {same}",
        f"{counted} DELETE FROM {table} WHERE rowid IN (SELECT {table}.rowid FROM g JOIN {table} ON {same}) AND n <= 0",
    ]


def _added(table: str, names: list[str], counts: str) -> list[str]:
    """Statements that add a group's ``counts`` to ``table``, counted once into a table of this
    connection's own (``temp.g_<table>``, ``COUNTED_TABLES``): counted in each of the two
    statements that add them, they were counted twice, and counting was most of a group's commit."""
    columns = ", ".join(names)
    same = " AND ".join(f"{table}.{name} IS g.{name}" for name in names)
    counted = f"temp.g_{table}"
    return [
        f"DELETE FROM {counted}",
        f"INSERT INTO {counted} ({columns}, n) {counts}",
        f"UPDATE {table} SET n = {table}.n + g.n FROM {counted} g WHERE {same}",
        f"INSERT INTO {table} ({columns}, n) SELECT {columns}, n FROM {counted} g "
        f"WHERE NOT EXISTS (SELECT 1 FROM {table} WHERE {same})",
    ]


COUNTED_TABLES = [
    f"CREATE TEMP TABLE IF NOT EXISTS g_{table} ({', '.join(names)}, n INTEGER NOT NULL)"
    for table, names, _counts in fresh_counts(LEFT)
]
ADDED = [statement for table, names, counts in fresh_counts(LEFT) for statement in _added(table, names, counts)]
TAKEN = [statement for table, names, counts in fresh_counts("{id} = ?1") for statement in _taken(table, names, counts)]


def make_pausable(conn: sqlite3.Connection) -> None:
    """Migration 9: the table of the documents left to a group, and the triggers remade to skip them."""
    conn.execute(PAUSED_TABLE)
    remake_triggers(conn)


def remake_triggers(conn: sqlite3.Connection) -> None:
    """Migration 10: the triggers made as ``TRIGGERS`` says now (their key compared on the tallies'
    whole index, see ``schema_tallies.FACET_KEY``); what they count is unchanged."""
    for trigger in TRIGGERS:
        conn.execute(f"DROP TRIGGER IF EXISTS {trigger.split()[2]}")
        conn.execute(trigger)


def pause(conn: sqlite3.Connection) -> None:
    """In a group's open write transaction: leave the documents it adds to it (``resume``)."""
    conn.execute("INSERT INTO tally_paused (low, high) SELECT 1 + coalesce(max(id), 0), ? FROM documents", (LAST_ID,))
    for name in INSERTING:
        conn.execute(f"DROP TRIGGER IF EXISTS {name}")


def hold(conn: sqlite3.Connection, document_id: int) -> None:
    """Before a group rewrites a document that was there before it: count it out, and leave it to
    the group from now on (nothing when it is left to the group already)."""
    if conn.execute("SELECT 1 FROM tally_paused WHERE ? BETWEEN low AND high", (document_id,)).fetchone():
        return
    for statement in TAKEN:
        conn.execute(statement, (document_id,))
    conn.execute("INSERT INTO tally_paused (low, high) VALUES (?, ?)", (document_id, document_id))


def resume(conn: sqlite3.Connection) -> None:
    """Count the documents left to the group as they are now, and let the triggers count again."""
    first = conn.execute("SELECT low FROM tally_paused WHERE high = ?", (LAST_ID,)).fetchone()
    if first is None:
        return
    for statement in COUNTED_TABLES:  # IF NOT EXISTS: made by the connection's first group (its temp schema)
        conn.execute(statement)
    for statement in ADDED:
        conn.execute(statement, (first[0],) if "?1" in statement else ())
    for name, trigger in INSERTING.items():
        conn.execute(f"DROP TRIGGER IF EXISTS {name}")
        conn.execute(trigger)
    conn.execute("DELETE FROM tally_paused")
