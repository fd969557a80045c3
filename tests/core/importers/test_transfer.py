"""A parse worker's result crosses to the writing process as tuples (importers/transfer.py): the
document made again from them equals the one parsed, every field and every part of it."""

from __future__ import annotations

import pickle
from dataclasses import fields
from pathlib import Path

from viewer.core.dates import DateInfo
from viewer.core.importers.prepare import Prepared, prepare
from viewer.core.importers.transfer import parsed_from_state, parsed_state
from viewer.core.records import ArchivalRef, LinkHint, Mention, ParsedDocument, ReferenceNumber, Text
from viewer.core.store import Archive

from ...conftest import SAMPLES


def _everything() -> ParsedDocument:
    """A document with every field set to something other than its default."""
    parsed = ParsedDocument(
        key="k",
        title="Title",
        date=DateInfo("1950-05-12", "1950-05-13", "day", "12 May 1950"),
        doc_type="telegram",
        classification="Secret",
        original_language="Russian",
        summary="Summary",
        citation="Citation",
        source="Source",
        url="https://example.org/1",
        record_id="r1",
        credits="Credits",
        rights="Rights",
        contents=["Russian Transcription"],
        extra={"box": "7"},
        texts=[Text("transcript", "ru", "Текст", "ocr", 0.5, 1, 9), Text("translation", "en", "Text")],
        mentions=[Mention("Stalin", "recipient", "Filippov"), Mention("Moscow", "place", "Moscow", "place")],
        learned_aliases=[("Stalin", "Filippov")],
        reference_numbers=[ReferenceNumber("No. 12", "No.", "reply")],
        link_hints=[LinkHint("reply_to", "your No. 11", number="11", date="1950-05-01", hint="Zhou")],
        archival_refs=[ArchivalRef("AVPRF f. 7", "AVPRF", "7", "1", "2", "3", "4")],
        review_reasons=["no date"],
    )
    parsed.report.recognised["title"] = "Title"
    parsed.report.aside("line", "an unread line")
    parsed.report.warnings.append("a warning")
    return parsed


def test_every_field_crosses_unchanged():
    parsed = _everything()
    for field in fields(ParsedDocument):  # a new field left at its default would not be tested here
        assert getattr(parsed, field.name) != getattr(ParsedDocument(key="k"), field.name) or field.name == "key"
    again = parsed_from_state(pickle.loads(pickle.dumps(parsed_state(parsed))))
    assert again == parsed and again is not parsed
    assert [type(text) for text in again.texts] == [Text, Text] and type(again.date) is DateInfo
    assert again.report.as_dict() == parsed.report.as_dict()


def test_prepared_seeds_unpickle_equal(tmp_path: Path):
    """What workers hand over for the seed files, and a refused and an unchanged file."""
    with Archive(tmp_path / "a.db") as archive:
        items = [prepare(archive, path, {}) for path in sorted(SAMPLES.glob("*.txt"))]
        items += [prepare(archive, tmp_path / "missing.txt"), Prepared("0" * 64, unchanged_id=3)]
    assert all(item.parsed is not None for item in items[:-2]) and items[-2].refused
    data = pickle.dumps(items, pickle.HIGHEST_PROTOCOL)
    assert pickle.loads(data) == items
    for record in (b"ParsedDocument", b"DateInfo", b"Mention", b"ReferenceNumber", b"ImportReport"):
        assert record not in data  # tuples cross, not the records (a class looked up and a dictionary each)


def test_texts_compressed_by_the_workers_are_stored_as_the_writer_would_store_them(tmp_path: Path, monkeypatch):
    """A batch large enough for the parse workers: each text as stored is ``pack`` of its body (the
    workers compress it now), and reads back as the file's own parse."""
    from viewer.core.importers import prepare as prepare_module
    from viewer.core.importers.batch import import_all
    from viewer.core.importers.text import parse_text_file
    from viewer.core.store.text_codec import pack, unpack

    monkeypatch.setattr(prepare_module, "PARALLEL_FROM", 2)
    monkeypatch.setattr(prepare_module, "CHUNK", 1)
    seeds = sorted(SAMPLES.glob("*.txt"))
    folder = tmp_path / "files"
    folder.mkdir()
    for seed in seeds:
        (folder / seed.name).write_text(seed.read_text("utf-8") + " A long closing line." * 20, "utf-8")
    with Archive(tmp_path / "a.db") as archive:
        summary = import_all(archive, [folder])
        assert summary.count("imported") == len(seeds)
        for result in summary.results:
            parsed = parse_text_file(result.path.read_bytes(), result.path, archive.gazetteer())
            stored = archive.conn.execute(
                "SELECT body FROM texts WHERE document_id = ? ORDER BY position", (result.document_id,)
            ).fetchall()
            assert [row[0] for row in stored] == [pack(text.body) for text in parsed.texts]
            assert [unpack(row[0]) for row in stored] == [text.body for text in parsed.texts]
        assert any(isinstance(row[0], bytes) for row in archive.conn.execute("SELECT body FROM texts"))
