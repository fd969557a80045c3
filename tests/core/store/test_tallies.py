"""The tallies (schema_tallies.py) stay exactly a fresh count after every write path, and the counts
read from them are the counts read from the documents (issue 16)."""

from __future__ import annotations

import sqlite3
from datetime import date

import pytest

from viewer.core.store import Archive, Filters
from viewer.core.store.schema_tallies import differences, recount

from .test_index_consistency import PATHS, doc


def _facets(a: Archive, filters: Filters) -> dict:
    """Everything a facet change recounts, read as the window reads it."""
    selection = a.select(filters)
    return {
        "count": a.count(selection),
        **{facet: a.facet_counts(facet, selection) for facet in ("language", "type", "person", "tag")},
        "classification": a.classification_groups(selection),
        "months": a.date_histogram(40, date(1949, 11, 7), date(1951, 3, 20), selection),
        "days": a.date_histogram(10, date(1950, 1, 1), date(1950, 12, 31), selection),
    }


def _from_documents(a: Archive, filters: Filters) -> dict:
    a._has_tallies = False  # every count read from the documents, as before the tallies
    try:
        return _facets(a, filters)
    finally:
        a._has_tallies = None


def _selections(a: Archive) -> list[Filters]:
    chosen = [Filters(), Filters(needs_review=True)]
    chosen += [Filters(language=value) for value, _n in a.facet_counts("language")]
    chosen += [Filters(doc_type=value) for value, _n in a.facet_counts("type")]
    chosen += [Filters(classification=group.name) for group in a.classification_groups()]
    people = [value for value, _n in a.facet_counts("person")]
    chosen += [Filters(person=people[0], language="English")] if people else []
    # queries (with facets, and with none matching): their people from the tallies when they match most
    chosen += [Filters(query="Stalin"), Filters(query="Stalin", language="English"), Filters(query="zzzqqq")]
    chosen += [Filters(query="telegram", needs_review=True), Filters(query="Mao", classification="TOP SECRET")]
    # the people of a query matching few documents counted over them; of most, as the rest left out
    chosen += [Filters(query="Pyongyang"), Filters(query="Molotov", language="English")]
    return chosen


def assert_counted(a: Archive) -> None:
    assert differences(a.conn) == 0
    for filters in _selections(a):
        assert _facets(a, filters) == _from_documents(a, filters), filters
        for start, end in ((date(1949, 11, 7), date(1951, 3, 20)), (date(1950, 2, 1), date(1950, 2, 20))):
            dated = a.dated_documents(start, end, filters, limit=1000)
            assert a.dated_count(start, end, filters) in (len(dated), None), filters  # markers or not
            assert filters.person or filters.query or a.dated_count(start, end, filters) is not None  # facets alone


def _facet_columns(a: Archive, folder) -> None:
    """Every counted column changed by a correction, and back by undo."""
    d = doc(a, "001")
    a.correct(d, {"language": "Korean", "type": "Memo", "classification": "TOP SECRET"}, "t")
    a.correct(doc(a, "002"), {"date": {"start": "1950-03-01", "end": "1950-03-31"}}, "t")
    with a.transaction():
        a.set_review(doc(a, "003"), True, ["a reason"])
    assert_counted(a)
    a.mark_reviewed([doc(a, "003")], "t")
    assert_counted(a)
    a.undo_last("t")
    a.undo_last("t")


@pytest.mark.parametrize("path", [*PATHS.values(), _facet_columns], ids=[*PATHS.keys(), "facet columns"])
def test_every_write_path_leaves_the_tallies_as_a_fresh_count(editable, path):
    archive, folder = editable
    assert_counted(archive)
    path(archive, folder)
    assert_counted(archive)
    assert archive.check().ok


def test_a_person_named_twice_in_a_document_counts_it_once(editable):
    archive, _folder = editable
    d = doc(archive, "001")
    entity, role = archive.conn.execute(
        "SELECT entity_id, role FROM document_entities WHERE document_id = ? LIMIT 1", (d,)
    ).fetchone()
    other = "recipient" if role != "recipient" else "sender"
    before = dict(archive.facet_counts("person"))
    with archive.transaction():
        archive.conn.execute(
            "INSERT OR IGNORE INTO document_entities (document_id, entity_id, role) VALUES (?, ?, ?)",
            (d, entity, other),
        )
        assert dict(archive.facet_counts("person")) == before
        archive.conn.execute(
            "DELETE FROM document_entities WHERE document_id = ? AND entity_id = ? AND role = ?", (d, entity, role)
        )
    assert dict(archive.facet_counts("person")) == before
    assert_counted(archive)


def test_check_finds_a_tally_out_of_step_and_repair_recounts(editable):
    archive, _folder = editable
    with archive.transaction():
        archive.conn.execute(
            "UPDATE tally_documents SET n = n + 1 WHERE rowid = (SELECT min(rowid) FROM tally_documents)"
        )
    # the counts read from the tallies differ from those read from the documents (else the comparison
    # of every write path above could not fail)
    assert _facets(archive, Filters()) != _from_documents(archive, Filters())
    report = archive.check()
    assert not report.ok and any("tall" in problem for problem in report.problems), report.problems
    assert archive.repair().ok
    assert_counted(archive)


def test_a_read_only_archive_without_tallies_counts_on_the_documents(editable, tmp_path):
    """An archive from before the tallies, opened read-only (it is not migrated), still counts."""
    archive, _folder = editable
    expected = _facets(archive, Filters(language="English"))
    archive.close()
    conn = sqlite3.connect(tmp_path / "archive.db")
    conn.execute("DROP TABLE tally_people")
    conn.commit()
    conn.close()
    with Archive(tmp_path / "archive.db", readonly=True) as old:
        assert _facets(old, Filters(language="English")) == expected


def test_a_query_matching_most_documents_counts_its_people_as_those_it_leaves_out(editable):
    """A query in every document: its people are the facets' tally of people, nothing subtracted."""
    archive, _folder = editable
    everywhere = archive.select(Filters(query="telegram"))
    assert archive.count(everywhere) == archive.count()
    assert archive.facet_counts("person", everywhere) == archive.facet_counts("person")
    assert _facets(archive, everywhere.filters) == _from_documents(archive, everywhere.filters)


def test_the_tag_facet_counts_the_selected_documents_with_each_tag(editable):
    """Counted from the tags to their documents, for facets, a query and both."""
    archive, _folder = editable
    ids = [doc(archive, key) for key in ("000", "001", "002")]
    archive.tag(ids, add=["Korean War"], author="t")
    archive.tag(ids[1:], add=["to check"], author="t")
    tagged = {"Korean War": set(ids), "to check": set(ids[1:])}
    for filters in [*_selections(archive), Filters(query="Stalin", doc_type="Cable")]:
        selected = {row.id for row in archive.page(filters, limit=-1)}
        expected = sorted(
            ((tag, len(selected & chosen)) for tag, chosen in tagged.items() if selected & chosen),
            key=lambda counted: (-counted[1], counted[0]),
        )
        assert archive.facet_counts("tag", filters) == expected, filters


def test_recount_is_what_the_triggers_kept(editable):
    archive, _folder = editable
    kept = archive.conn.execute("SELECT * FROM tally_documents ORDER BY 1, 2, 3, 4, 5").fetchall()
    with archive.transaction():
        recount(archive.conn)
    assert archive.conn.execute("SELECT * FROM tally_documents ORDER BY 1, 2, 3, 4, 5").fetchall() == kept
