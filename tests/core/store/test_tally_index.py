"""The tallies' rows are found on their whole index (migration 10): an import group's counts and a
document's count taken off read one row each, not every month of a language, type and group; an
archive of schema 9 gets the triggers remade and keeps true counts."""

from __future__ import annotations

import re
import sqlite3

from viewer.core.importers.batch import import_all
from viewer.core.store import Archive
from viewer.core.store.schema import MIGRATIONS, SCHEMA_VERSION
from viewer.core.store.schema_tallies import DOCUMENT_TALLIES, PEOPLE_KEY, TRIGGERS, differences
from viewer.core.store.tally_pause import ADDED, COUNTED_TABLES, TAKEN, remake_triggers

from ...conftest import SAMPLES
from .test_tallies_adversarial import assert_true_counts

# each tally's index, and the last of its key's columns (found on the whole key when that one is)
LAST_COLUMN = {
    **{f"{table}_key": key[-1][0] for table, key in DOCUMENT_TALLIES.items()},
    "tally_people_key": PEOPLE_KEY[-1][0],
}


def _index_searches(conn: sqlite3.Connection, statement: str) -> list[str]:
    parameters = (1,) if "?1" in statement else ()
    plan = [row[3] for row in conn.execute(f"EXPLAIN QUERY PLAN {statement}", parameters)]
    return [step for step in plan if re.search(r"INDEX tally_\w+_key", step)]


def test_a_group_and_a_count_taken_off_find_their_tally_rows_on_the_whole_key(tmp_path):
    with Archive(tmp_path / "archive.db") as archive:
        import_all(archive, [SAMPLES])
        for table in COUNTED_TABLES:
            archive.conn.execute(table)
        checked = 0
        for statement in (*ADDED, *TAKEN):
            for step in _index_searches(archive.conn, statement):
                index = re.search(r"INDEX (tally_\w+_key)", step)
                assert index is not None
                assert f"{LAST_COLUMN[index.group(1)]}=?)" in step, step
                checked += 1
        assert checked == 4 * len(LAST_COLUMN)  # each tally's two statements adding, and two taking off


def _old_triggers(conn: sqlite3.Connection) -> None:
    """The triggers as migration 9 made them: the review compared with SQLite's conversion."""
    for trigger in TRIGGERS:
        conn.execute(f"DROP TRIGGER {trigger.split()[2]}")
        conn.execute(trigger.replace("+NEW.needs_review", "NEW.needs_review").replace("+OLD.", "OLD."))


def test_an_archive_of_schema_9_gets_the_triggers_remade_and_keeps_true_counts(tmp_path):
    path = tmp_path / "archive.db"
    with Archive(path) as archive:
        import_all(archive, [SAMPLES])
    conn = sqlite3.connect(path, isolation_level=None)
    _old_triggers(conn)
    conn.execute(f"PRAGMA user_version = {MIGRATIONS.index(remake_triggers)}")
    old = {row[0] for row in conn.execute("SELECT sql FROM sqlite_master WHERE type = 'trigger'")}
    conn.close()
    assert not any("+NEW.needs_review" in sql for sql in old)
    with Archive(path) as archive:
        assert archive.conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        made = {row[0] for row in archive.conn.execute("SELECT sql FROM sqlite_master WHERE type = 'trigger'")}
        assert {sql for sql in made if sql.split()[2].startswith("tally_")} == {t.rstrip(";") for t in TRIGGERS}
        document_id = archive.conn.execute("SELECT min(id) FROM documents").fetchone()[0]
        with archive.transaction():  # the counted columns changed, then a document deleted: the triggers count
            archive.conn.execute(
                "UPDATE documents SET needs_review = 1 - needs_review, doc_type = 'memo' WHERE id = ?", (document_id,)
            )
        archive.delete_document(document_id + 1)
        assert differences(archive.conn) == 0
        assert_true_counts(archive)
