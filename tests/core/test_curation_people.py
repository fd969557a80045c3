"""People: merging two entries, aliases, organisations; search follows each change (issue 13)."""

from __future__ import annotations

import pytest

from viewer.core.curation import InvalidValue, UnknownEntity
from viewer.core.store import Archive, Filters


def _hits(archive, query):
    return sorted(hit.id for hit in archive.search(query).hits)


def _person(archive, name):
    return next((p for p in archive.persons(name) if p.name == name), None)


def test_persons_list_aliases_and_document_counts(seeded):
    stalin = _person(seeded, "Stalin")
    assert stalin.kind == "person" and "Filippov" in stalin.aliases and stalin.documents == 4
    assert [p.name for p in seeded.persons("Филиппов")] == ["Stalin"]  # found by an alias


def test_merge_two_entries_and_find_the_merged_documents_by_the_old_name(seeded):
    doc = seeded.resolve_id("003")
    seeded.correct(doc, {"mentioned": [*seeded.field_value(doc, "mentioned"), "Dzhugashvili"]}, "alice")
    assert _person(seeded, "Dzhugashvili").documents == 1  # a name nobody knew: an entry of its own
    stalin_docs = _hits(seeded, "Stalin")
    assert doc not in stalin_docs
    change = seeded.merge_persons("Dzhugashvili", "Stalin", "alice")
    assert change.label == "Merge Dzhugashvili into Stalin" and change.document_ids == [] and change.document_count == 1
    assert _person(seeded, "Dzhugashvili") is None
    assert "Dzhugashvili" in _person(seeded, "Stalin").aliases
    assert _hits(seeded, "Dzhugashvili") == sorted([*stalin_docs, doc])  # the old name finds every Stalin document
    assert _hits(seeded, "Stalin") == sorted([*stalin_docs, doc])
    assert doc in [row.id for row in seeded.page(Filters(person="Stalin"))]
    assert next(c.label for c in seeded.history(doc)) == "Merge Dzhugashvili into Stalin"
    assert seeded.check().ok
    seeded.undo_last("alice")
    assert _person(seeded, "Dzhugashvili").documents == 1 and "Dzhugashvili" not in _person(seeded, "Stalin").aliases
    assert _hits(seeded, "Stalin") == stalin_docs and _hits(seeded, "Dzhugashvili") == [doc]
    assert seeded.check().ok


def test_merging_a_built_in_entry_keeps_it_merged_in_a_new_session(seeded):
    molotov_docs = _hits(seeded, "Molotov")
    seeded.merge_persons("Molotov", "Vyshinsky", "alice")
    with Archive(seeded.path) as again:  # a fresh gazetteer: the built-in Molotov must not come back
        assert _person(again, "Molotov") is None
        assert set(molotov_docs) <= set(_hits(again, "Vyshinsky"))
        assert again.gazetteer().named("Molotov").name == "Vyshinsky"


def test_add_and_remove_an_alias_search_follows_at_once(seeded):
    stalin_docs = _hits(seeded, "Stalin")
    assert _hits(seeded, "Koba") == []
    seeded.add_alias("Stalin", "Koba", "alice")
    assert _hits(seeded, "Koba") == stalin_docs
    seeded.remove_alias("Stalin", "Koba", "alice")
    assert _hits(seeded, "Koba") == []
    seeded.remove_alias("Stalin", "Fengxi", "alice")  # one the built-in list gave
    with Archive(seeded.path) as again:
        assert "Fengxi" not in _person(again, "Stalin").aliases
        assert again.gazetteer().named("Fengxi") is None
    seeded.undo_last("alice")
    assert "Fengxi" in _person(seeded, "Stalin").aliases and seeded.gazetteer().named("Fengxi").name == "Stalin"


def test_mark_an_entry_as_an_organisation_and_back(seeded):
    docs = _hits(seeded, "Molotov")
    change = seeded.set_entity_kind("Molotov", "organization", "alice")
    assert change.label == "Make Molotov an organisation"
    assert _person(seeded, "Molotov").kind == "organization"
    assert _hits(seeded, "Molotov") == docs
    assert {p.kind for p in seeded.people(docs[0]) if p.name == "Molotov"} == {"organization"}
    seeded.undo_last("alice")
    assert _person(seeded, "Molotov").kind == "person" and _hits(seeded, "Molotov") == docs


def test_people_changes_refused_with_reasons(seeded):
    with pytest.raises(UnknownEntity):
        seeded.merge_persons("Nobody At All", "Stalin", "alice")
    with pytest.raises(InvalidValue, match="same entry"):
        seeded.merge_persons("Filippov", "Stalin", "alice")
    with pytest.raises(InvalidValue, match="already"):
        seeded.add_alias("Stalin", "Filippov", "alice")
    with pytest.raises(InvalidValue, match="not an alias"):
        seeded.remove_alias("Stalin", "Koba", "alice")
    with pytest.raises(InvalidValue, match="unknown kind"):
        seeded.set_entity_kind("Stalin", "ministry", "alice")
    assert seeded.recent_changes() == []


def test_another_connection_sees_a_people_change_at_once(seeded):
    assert _hits(seeded, "Koba") == []  # this connection has built and cached its gazetteer
    with Archive(seeded.path) as other:  # the command line beside an open window
        other.add_alias("Stalin", "Koba", "alice")
    assert _hits(seeded, "Koba") == _hits(seeded, "Stalin")


def test_entity_names_are_the_persons_names_in_their_order_without_counting(seeded):
    """What a name box offers (the details form opens with five): the names alone, as persons() lists them."""
    committee = {"name": "Central Committee", "kind": "organization"}
    seeded.correct(seeded.resolve_id("000"), {"mentioned": [committee]}, "t")
    assert seeded.entity_names() == [entry.name for entry in seeded.persons()]
    assert "Central Committee" in seeded.entity_names()
    assert seeded.entity_names(("place",)) == [entry.name for entry in seeded.persons(kinds=("place",))]
    assert "Central Committee" not in seeded.entity_names(("place",))
