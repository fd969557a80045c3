"""The classification filter selects a group (every spelling of one meaning) in SQL, on the stored
``classification_group`` column; a group's count is the sum of its spellings' counts."""

from __future__ import annotations

import json

from viewer.core.classification import normalise
from viewer.core.store import Archive, Filters
from viewer.core.store.schema_classification import add_classification_group
from viewer.core.store.schema_tallies import add_tallies


def _key(archive: Archive, key: str) -> int:
    found = archive.resolve_id(key)
    assert found is not None
    return found


def _check_counts(archive: Archive, filters: Filters | None = None) -> None:
    """Every group's count is the sum of its spellings' and what choosing it leaves in the list."""
    filters = filters or Filters()
    spellings = dict(archive.facet_counts("classification", filters))
    groups = archive.classification_groups(filters)
    assert sum(g.count for g in groups) == sum(spellings.values())
    for group in groups:
        assert group.count == sum(n for s, n in spellings.items() if normalise(s) == group.name)
        assert dict(group.spellings) == {s: n for s, n in spellings.items() if normalise(s) == group.name}
        assert archive.count(Filters(query=filters.query, classification=group.name)) == group.count


def test_group_counts_are_the_sum_of_their_spellings(seeded):
    groups = {g.name: g for g in seeded.classification_groups()}
    top = groups["Top Secret"]
    assert dict(top.spellings) == {"Top Secret": 1, "Top Secret (СОВ. СЕКРЕТНО)": 1}
    assert top.count == 2
    _check_counts(seeded)
    _check_counts(seeded, Filters(query="Mao"))


def test_choosing_a_group_or_any_of_its_spellings_lists_every_spelling(seeded):
    everyone = {_key(seeded, "001_56bc44923964e047"), _key(seeded, "004_b1a35747eb61871d")}
    for value in ("Top Secret", "Top Secret (СОВ. СЕКРЕТНО)", "TOP SECRET", "Совершенно секретно"):
        assert {row.id for row in seeded.page(Filters(classification=value), limit=-1)} == everyone, value
    plan = " ".join(
        str(row[3])
        for row in seeded.conn.execute(
            "EXPLAIN QUERY PLAN SELECT count(*) FROM documents d WHERE d.classification_group = ?", ("Top Secret",)
        )
    )
    # on an index of the group (with the spelling, or with the list's date), at a million documents too
    assert "documents_classification_group" in plan or "documents_group_date" in plan


def test_a_corrected_spelling_joins_its_group(seeded):
    doc = _key(seeded, "000_0f4d882c8d8fa40e")
    seeded.correct(doc, {"classification": "СОВ. СЕКРЕТНО"}, "alice")
    top = next(g for g in seeded.classification_groups() if g.name == "Top Secret")
    assert top.count == 3 and ("СОВ. СЕКРЕТНО", 1) in top.spellings
    _check_counts(seeded)
    seeded.correct(doc, {"classification": None}, "alice")
    assert next(g for g in seeded.classification_groups() if g.name == "Top Secret").count == 2


def test_the_migration_fills_documents_and_the_trash(seeded):
    trashed = _key(seeded, "004_b1a35747eb61871d")
    seeded.delete_documents([trashed], "alice")
    conn = seeded.conn
    # the archive as it was before the migration: no column, no group in the trash's snapshot (nor
    # the tallies of a later migration, which count by group)
    for kind, name in conn.execute(
        "SELECT type, name FROM sqlite_master WHERE name LIKE 'tally%' AND type IN ('trigger', 'table') "
        "OR name = 'documents_group_date'"
    ).fetchall():
        conn.execute(f"DROP {kind.upper()} {name}")
    conn.execute("DROP INDEX documents_classification_group")
    conn.execute("ALTER TABLE documents DROP COLUMN classification_group")
    (snapshot,) = conn.execute("SELECT snapshot FROM trash WHERE document_id = ?", (trashed,)).fetchone()
    old = json.loads(snapshot)
    del old["documents"][0]["classification_group"]
    conn.execute("UPDATE trash SET snapshot = ? WHERE document_id = ?", (json.dumps(old), trashed))
    with conn:
        add_classification_group(conn)
        conn.execute("DROP INDEX documents_language_date")  # the later migration makes them again
        conn.execute("DROP INDEX documents_type_date")
        add_tallies(conn)
    assert [g.name for g in seeded.classification_groups()] == ["Strictly Secret", "Top Secret"]
    seeded.restore_documents([trashed], "alice")
    group = conn.execute("SELECT classification_group FROM documents WHERE id = ?", (trashed,)).fetchone()[0]
    assert group == "Top Secret"
    _check_counts(seeded)
