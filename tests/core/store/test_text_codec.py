"""Texts stored compressed (issue 16, store/text_codec.py): the same text read back everywhere, older
archives with plain bodies read and upgraded (migration 6), copies for other programs in plain text.
Migration 6 also keeps a document's people without rowid, in the order they had."""

from __future__ import annotations

import json
import random
import sqlite3
from pathlib import Path

from viewer.core import folding
from viewer.core.curation import PEOPLE_ROLES
from viewer.core.importers.text import parse_text_file
from viewer.core.publish import publish
from viewer.core.store import Archive
from viewer.core.store.copies import content_dump
from viewer.core.store.schema import MIGRATIONS, SCHEMA_VERSION, backup_path
from viewer.core.store.schema_compact import compress_texts
from viewer.core.store.text_codec import DAMAGED as DAMAGED_NOTE
from viewer.core.store.text_codec import SHORTEST, pack, plain_texts, readable, unpack

from .test_index_consistency import assert_in_step

PLAIN_VERSION = MIGRATIONS.index(compress_texts)  # the last version with plain bodies


def stored(archive: Archive) -> dict[str, int]:
    """How many bodies are stored as each SQLite type."""
    return dict(archive.conn.execute("SELECT typeof(body), count(*) FROM texts GROUP BY 1").fetchall())


def people_of(archive: Archive) -> dict[tuple[int, str], object]:
    """Every document's people fields (each role's names in their order), as an editor reads them."""
    ids = [row[0] for row in archive.conn.execute("SELECT id FROM documents")]
    return {(i, name): archive.field_value(i, name) for i in ids for name in PEOPLE_ROLES}


def texts_of(archive: Archive) -> dict[tuple[str, int], str]:
    """Every seed's texts, read through the store, by (key, position)."""
    found = {}
    for key in ("000", "001", "002", "003", "004"):
        found.update({(key, t.position): t.body for t in archive.texts(archive.resolve_id(key) or 0)})
    return found


def test_pack_keeps_short_and_incompressible_bodies_as_text_and_round_trips_the_rest():
    assert pack("Short telegram.") == "Short telegram."
    short = "Срочно. Filippov to Mao: " * ((SHORTEST - 1) // len("Срочно. Filippov to Mao: ".encode()))
    assert len(short.encode()) < SHORTEST and pack(short) == short  # compressible, but too short to bother
    long_text = "Строго секретно. Товарищу Филиппову — 毛泽东 — 김일성.\n" * 40
    packed = pack(long_text)
    assert isinstance(packed, bytes) and len(packed) < len(long_text.encode()) / 5
    assert unpack(packed) == long_text
    assert unpack(long_text) == long_text
    rng = random.Random(9)
    for top in (0x7F, 0x800, 0x10000):  # random letters from ASCII to every plane: stored smaller, or as they are
        random_text = "".join(chr(rng.randrange(0x21, top)) for _ in range(2000)).encode("utf-8", "ignore").decode()
        packed = pack(random_text)
        assert packed == random_text or len(packed) * 10 <= len(random_text.encode()) * 9
        assert unpack(packed) == random_text


def test_an_import_stores_bodies_compressed_and_reads_them_back(seeded, samples):
    kinds = stored(seeded)
    assert kinds.get("blob", 0) >= 5, kinds  # every seed has a text of a few kB
    for sample in sorted(samples.glob("*.txt")):
        parsed = parse_text_file(sample.read_bytes(), sample, seeded.gazetteer())
        read = [(text.kind, text.body) for text in seeded.texts(seeded.resolve_id(sample.name[:3]) or 0)]
        assert read == [(text.kind, text.body) for text in parsed.texts], sample.name
    hits = seeded.search("Filippov", limit=10).hits
    assert hits and all(hit.snippet for hit in hits)
    assert seeded.check().ok


def plain_archive(seeded: Archive, path: Path) -> None:
    """The seeded archive's rows in an archive of the last version before compressed texts, made by
    its migrations, its texts plain (as that version wrote them) and its index rows as the store writes them."""
    old = sqlite3.connect(path, isolation_level=None)
    for migration in MIGRATIONS[:PLAIN_VERSION]:
        migration(old)
    old.execute(f"PRAGMA user_version = {PLAIN_VERSION}")
    old.execute("ATTACH ? AS seeded", (str(seeded.path),))
    old.execute("BEGIN")
    tables = "SELECT name FROM {}.sqlite_master WHERE type = 'table' AND name NOT LIKE 'search%'"
    for (table,) in old.execute(f"{tables.format('main')} INTERSECT {tables.format('seeded')}").fetchall():
        columns = ", ".join(row[1] for row in old.execute(f"PRAGMA main.table_info({table})"))  # no generated ones
        order = " ORDER BY position" if table == "document_entities" else ""  # rowids in the order of mentions
        old.execute(f"INSERT INTO main.{table} ({columns}) SELECT {columns} FROM seeded.{table}{order}")
    for (document_id,) in old.execute("SELECT id FROM documents").fetchall():
        old.execute(
            "INSERT INTO search (rowid, title, summary, body, names, refs) VALUES (?, ?, ?, ?, ?, ?)",
            (document_id, *seeded.search_columns(document_id)),
        )
    assert plain_texts(old) >= 5
    old.execute("COMMIT")
    old.execute("DETACH seeded")
    old.close()


def test_an_archive_with_plain_bodies_is_upgraded_and_reads_the_same_text(seeded, tmp_path):
    document_id = seeded.resolve_id("001") or 0
    recipients = seeded.field_value(document_id, "mentioned")
    seeded.correct(
        document_id,
        {"mentioned": [*recipients[::-1], {"name": "Zhou Enlai", "kind": "person", "as_written": "Chou"}]},
        "t",
    )  # an order the entity ids do not give
    before, people = texts_of(seeded), people_of(seeded)
    path = tmp_path / "plain.db"
    plain_archive(seeded, path)
    with sqlite3.connect(path) as old:
        assert (
            old.execute(
                "SELECT count(*) FROM sqlite_master WHERE name = 'sqlite_autoindex_document_entities_1'"
            ).fetchone()[0]
            == 1
        )
    old.close()
    with Archive(path) as archive:
        assert archive.conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        assert stored(archive) == stored(seeded)
        assert texts_of(archive) == before
        assert people_of(archive) == people
        assert [entry["name"] for entry in archive.field_value(document_id, "mentioned")][-1] == "Zhou Enlai"
        assert (
            archive.conn.execute(
                "SELECT count(*) FROM sqlite_master WHERE name LIKE 'sqlite_autoindex_document_entities%'"
            ).fetchone()[0]
            == 0
        )  # the table is its primary key's index
        assert archive.conn.execute("PRAGMA freelist_count").fetchone()[0] == 0  # the space went back
        assert_in_step(archive)  # the index was left as it was: the same text
        assert archive.check().ok
        for query in ("Filippov", '"Korean comrades"', "Mao*"):
            assert archive.search(query).total == seeded.search(query).total > 0, query
        assert content_dump(archive.conn) == content_dump(seeded.conn)
    with sqlite3.connect(backup_path(path, PLAIN_VERSION)) as kept:  # the archive as it was, plain
        assert kept.execute("SELECT count(*) FROM texts WHERE typeof(body) != 'text'").fetchone()[0] == 0
    kept.close()


def test_corrected_and_trashed_texts_keep_their_words(seeded):
    document_id = seeded.resolve_id("002") or 0
    new_body = "A corrected translation naming Zorblatov, retyped by hand.\n" * 20
    seeded.correct_text(document_id, "translation", new_body, "t")
    assert seeded.search("Zorblatov").total == 1
    assert next(t.body for t in seeded.texts(document_id) if t.kind == "translation") == new_body
    before = seeded.texts(document_id)
    seeded.delete_documents([document_id], "t")
    snapshot = json.loads(seeded.conn.execute("SELECT snapshot FROM trash").fetchone()[0])
    assert new_body in [text["body"] for text in snapshot["texts"]]  # the snapshot holds the text itself
    seeded.restore_documents([document_id], "t")
    assert seeded.texts(document_id) == before
    assert (
        seeded.conn.execute(
            "SELECT typeof(body) FROM texts WHERE document_id = ? AND kind = 'translation'", (document_id,)
        ).fetchone()[0]
        == "blob"
    )
    assert seeded.search("Zorblatov").total == 1
    assert_in_step(seeded)


def test_people_keep_the_order_given_through_edits_the_trash_and_merges(seeded):
    document_id = seeded.resolve_id("001") or 0
    people = seeded.field_value(document_id, "mentioned")
    assert len(people) >= 2
    seeded.correct(document_id, {"mentioned": people[::-1]}, "t")
    assert seeded.field_value(document_id, "mentioned") == people[::-1]
    before = people_of(seeded)
    seeded.delete_documents([document_id], "t")
    seeded.restore_documents([document_id], "t")
    assert people_of(seeded) == before
    seeded.undo_last("t")  # the restore
    seeded.undo_last("t")  # the delete
    assert people_of(seeded) == before
    assert_in_step(seeded)


def test_the_published_copy_holds_plain_text(seeded, tmp_path: Path):
    published = publish(seeded, tmp_path / "site")
    copy = sqlite3.connect(published.database)
    try:
        assert copy.execute("SELECT count(*) FROM texts WHERE typeof(body) != 'text'").fetchone()[0] == 0
        bodies = {row[0]: row[1] for row in copy.execute("SELECT id, body FROM texts")}
    finally:
        copy.close()
    assert bodies == {row[0]: unpack(row[1]) for row in seeded.conn.execute("SELECT id, body FROM texts")}
    assert stored(seeded).get("blob", 0) >= 5  # the archive itself is left compressed


def test_check_names_a_compressed_text_damaged_inside_its_row(seeded):
    text_id, body = seeded.conn.execute("SELECT id, body FROM texts WHERE typeof(body) = 'blob' LIMIT 1").fetchone()
    assert seeded.check().ok and seeded.damaged_texts() == []
    other = sqlite3.connect(seeded.path)  # past the store, as damage on disk would be
    with other:
        other.execute("UPDATE texts SET body = ? WHERE id = ?", (body[:20] + bytes(20) + body[40:], text_id))
    other.close()
    assert seeded.damaged_texts() == [text_id]
    report = seeded.check()
    assert any(problem.startswith(f"texts whose stored body cannot be read: {text_id} ") for problem in report.problems)


def test_a_damaged_compressed_text_is_not_sent_to_a_repair_that_cannot_mend_it(seeded):
    """The index row of a document whose text no longer unpacks cannot be made again: check names the
    text (restore a backup), not an index row out of date, and a repair rebuilds the rest instead of
    stopping on zlib.error (before: check --repair raised it)."""
    from viewer.core.maintenance import check_file

    text_id, body = seeded.conn.execute("SELECT id, body FROM texts WHERE typeof(body) = 'blob' LIMIT 1").fetchone()
    path = seeded.path
    seeded.close()
    other = sqlite3.connect(path)
    with other:
        other.execute("UPDATE texts SET body = ? WHERE id = ?", (body[:20] + bytes(20) + body[40:], text_id))
    other.close()
    report = check_file(path)
    assert report.problems == [
        f"texts whose stored body cannot be read: {text_id} (ids; cannot be repaired here: restore a backup)"
    ]
    repaired = check_file(path, repair_derived=True)  # raised zlib.error
    assert repaired.problems[0] == report.problems[0]
    assert repaired.problems[-1] == f"{path} was left as it was; restore a backup (archive-viewer restore)"
    with Archive(path) as archive:
        archive.repair()  # in place too: the rest of the index rebuilt, the damaged document left out
        assert archive.check().problems == report.problems
        assert archive.search("Filippov").total > 0


def test_export_and_merge_carry_the_text(seeded, tmp_path):
    from viewer.core.exporters import Chosen, export_documents
    from viewer.core.merge import merge_archives

    list(export_documents(seeded, Chosen(everything=True), "json", tmp_path / "all.json"))
    exported = json.loads((tmp_path / "all.json").read_text("utf-8"))
    records = exported["documents"] if isinstance(exported, dict) else exported
    bodies = sorted(text["body"] for record in records for text in record["texts"])
    assert bodies == sorted(texts_of(seeded).values())
    with Archive(tmp_path / "merged.db") as merged:
        merge_archives(merged, seeded.path, "t")
        assert texts_of(merged) == texts_of(seeded)
        assert stored(merged) == stored(seeded)  # written compressed as an import writes them
        # the same people (a merge writes a role's people by name, as it did before: Archive.people's order)
        assert [sorted(map(str, p)) for p in people_of(merged).values()] == [
            sorted(map(str, p)) for p in people_of(seeded).values()
        ]
        assert merged.check().ok


def test_a_search_that_finds_a_document_with_a_damaged_text_still_lists_it(seeded):
    """A text that no longer unpacks (check names it) leaves its document's snippet to the summary or
    title: the search lists every hit instead of stopping on zlib.error (before: every query that
    found that document failed, whatever else it found)."""
    document_id, text_id, body = seeded.conn.execute(
        "SELECT document_id, id, body FROM texts WHERE typeof(body) = 'blob' ORDER BY document_id LIMIT 1"
    ).fetchone()
    title = seeded.record(document_id).title
    word = max(title.split(), key=len)
    found = seeded.search(word)
    assert document_id in [hit.id for hit in found.hits]
    other = sqlite3.connect(seeded.path)
    with other:
        other.execute("UPDATE texts SET body = ? WHERE id = ?", (body[:20] + bytes(20) + body[40:], text_id))
    other.close()
    again = seeded.search(word)  # raised zlib.error
    assert [hit.id for hit in again.hits] == [hit.id for hit in found.hits]
    hit = next(hit for hit in again.hits if hit.id == document_id)
    assert folding.MARK_START + word.lower() in hit.snippet.lower()  # from the summary or the title instead


def test_check_unpacks_each_compressed_text_once(seeded, monkeypatch):
    """Knowing a text is readable means unpacking it whole (gigabytes at a million documents): check
    looks once, and its index comparison is handed what it found."""
    from viewer.core.store import checks

    looked: list[str | bytes] = []

    def counting(value: str | bytes) -> bool:
        looked.append(value)
        return readable(value)

    monkeypatch.setattr(checks, "readable", counting)
    assert seeded.check().ok
    assert len(looked) == stored(seeded)["blob"] > 0


def test_a_document_with_a_damaged_text_still_opens_is_edited_and_deleted(seeded):
    """A compressed body damaged on disk loses that text, not the document: it opens with a note in
    the text's place, its title can be corrected and the document deleted (before: zlib.error on
    opening, and 'user-defined function raised exception' on any edit or delete); check still names
    the text."""
    from viewer.core.store.text_codec import DAMAGED

    document_id, text_id, body = seeded.conn.execute(
        "SELECT document_id, id, body FROM texts WHERE typeof(body) = 'blob' ORDER BY document_id LIMIT 1"
    ).fetchone()
    other = sqlite3.connect(seeded.path)  # past the store, as damage on disk would be
    with other:
        other.execute("UPDATE texts SET body = ? WHERE id = ?", (body[: len(body) // 2] + bytes(40), text_id))
    other.close()
    shown = next(text.body for text in seeded.record(document_id).texts if text.id == text_id)
    assert shown == DAMAGED  # nothing decoded past the damage: deflate makes plausible words of it
    seeded.correct(document_id, {"title": "A corrected title"}, "tester")
    assert seeded.record(document_id).title == "A corrected title"
    assert any(str(text_id) in problem for problem in seeded.check().problems)
    seeded.delete_documents([document_id], "tester")
    assert document_id not in [row[0] for row in seeded.conn.execute("SELECT id FROM documents")]
    seeded.repair()  # the index still held the lost text's words: a rebuild from the texts drops them
    assert seeded.check().ok


def test_unpack_of_a_damaged_stream_says_so():
    text = "Совершенно секретно. " * 200
    packed = pack(text)
    assert isinstance(packed, bytes)
    assert unpack(packed[: len(packed) // 3]) == DAMAGED_NOTE
    assert unpack(b"not zlib at all") == DAMAGED_NOTE
    assert not readable(packed[:-1]) and readable(packed) and readable("plain")
