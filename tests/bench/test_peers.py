"""The bench's schema floor: the same rows bulk-loaded make the same archive, tallies included."""

from __future__ import annotations

from viewer.bench import peers
from viewer.core.store import Archive


def test_the_floor_loads_the_same_archive_and_its_triggers_make_the_tallies(seeded, tmp_path):
    seeded.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchall()
    staging, target = tmp_path / "rows.db", tmp_path / "floor.db"
    peers.stage_index_rows(seeded.path, staging)
    Archive(target).close()
    assert peers.schema_floor(seeded.path, staging, target) > 0
    with Archive(target) as floor:
        assert floor.count() == seeded.count() == 5
        assert floor.facet_counts("language") == seeded.facet_counts("language")
        assert floor.search("Filippov").total == seeded.search("Filippov").total > 0
        assert floor.check().ok, floor.check().problems  # tallies equal a fresh count, not doubled
