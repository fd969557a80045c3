"""The text importer on real files: encodings, refusals, batches, re-imports, random input."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from viewer.core.errors import ImportRefused
from viewer.core.importers.batch import import_all
from viewer.core.importers.decode import decode
from viewer.core.importers.text import parse_text_file

from ...conftest import SAMPLES

SEED_004 = (SAMPLES / "004_b1a35747eb61871d.txt").read_text("utf-8")


@pytest.mark.parametrize("encoding", ["cp1251", "koi8_r", "utf-16", "utf-8-sig", "utf-16-le", "utf-16-be"])
def test_legacy_and_unicode_encodings(tmp_path: Path, archive, encoding):
    path = tmp_path / f"seed004-{encoding}.md"
    text = SEED_004.replace("\u00a0", " ")
    # cp1251 and KOI8-R cannot hold the typographic quotes of the English part
    data = text.encode(encoding, errors="replace") if "utf" not in encoding else text.encode(encoding)
    path.write_bytes(data)
    summary = import_all(archive, [path])
    assert summary.count("imported") == 1, summary.results
    record = archive.record(summary.results[0].document_id)
    assert record.texts[0].language == "ru"
    assert "Сообщите Мао Цзе-дуну" in record.texts[0].body
    assert record.classification == "Top Secret (СОВ. СЕКРЕТНО)"
    assert archive.search("Вышинский").total == 1


def test_decoder_tells_cp1251_from_koi8():
    russian = "Сообщите товарищу Мао, что Филиппов и друзья считают мнение правильным."
    assert decode(russian.encode("cp1251")) == (russian, "cp1251")
    assert decode(russian.encode("koi8_r")) == (russian, "koi8_r")


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b"", "the file is empty"),
        (b"   \n\n\t  \n", "the file is empty"),
        (bytes(range(256)) * 20, "not a text file"),
        (b"\x89PNG\r\n\x1a\n" + bytes(2000), "not a text file"),
        (b"\x00\x01\x02\x03" * 100, "not a text file"),
    ],
)
def test_refusals_name_the_problem(tmp_path: Path, content, reason):
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    with pytest.raises(ImportRefused) as refused:
        parse_text_file(content, path)
    assert reason in refused.value.reason
    assert str(path) in str(refused.value)


def test_a_batch_goes_on_past_bad_files(tmp_path: Path, archive):
    folder = tmp_path / "batch"
    shutil.copytree(SAMPLES, folder)
    (folder / "binary.txt").write_bytes(bytes(range(256)) * 40)
    (folder / "empty.txt").write_bytes(b"")
    (folder / "sub").mkdir()
    (folder / "sub" / "note.md").write_text("A note on the 1950 talks\n\nNothing else.\n", "utf-8")
    summary = import_all(archive, [folder])
    assert summary.count("imported") == 6
    refused = {r.path.name: r.message for r in summary.refused()}
    assert refused == {
        "binary.txt": "not a text file (it holds binary data)",
        "empty.txt": "the file is empty",
    }
    assert archive.count() == 6
    # a refused file leaves nothing but its line in the import log
    outcomes = dict(archive.conn.execute("SELECT outcome, count(*) FROM imports GROUP BY outcome").fetchall())
    assert outcomes == {"imported": 6, "refused": 2}
    note = archive.record(archive.resolve_id("note"))
    assert note.title == "A note on the 1950 talks"
    assert note.needs_review
    assert note.date == "1950-01-01" and note.date_precision == "year"


def test_reimport_is_idempotent_and_a_changed_file_updates(tmp_path: Path, archive):
    folder = tmp_path / "seeds"
    shutil.copytree(SAMPLES, folder)
    first = import_all(archive, [folder])
    assert first.count("imported") == 5
    snapshot = archive.conn.execute("SELECT * FROM documents ORDER BY id").fetchall()
    texts = archive.conn.execute("SELECT * FROM texts ORDER BY id").fetchall()
    second = import_all(archive, [folder])
    assert second.count("unchanged") == 5
    assert archive.conn.execute("SELECT * FROM documents ORDER BY id").fetchall() == snapshot
    assert archive.conn.execute("SELECT * FROM texts ORDER BY id").fetchall() == texts

    changed = folder / "003_8eea2ab9ee4e7676.txt"
    changed.write_text(changed.read_text("utf-8").replace("Kim Chaek asked me", "Kim Chaek begged me"), "utf-8")
    third = import_all(archive, [folder])
    assert (third.count("unchanged"), third.count("updated")) == (4, 1)
    assert archive.count() == 5
    assert archive.search("begged").total == 1
    assert "003" not in [hit.key[:3] for hit in archive.search("asked").hits]  # the old words left the index
    # the update kept the document's identity and links
    assert archive.resolve_id("003") == third.results[3].document_id


def test_plain_text_without_labels_imports_for_review(tmp_path: Path, archive):
    path = tmp_path / "memo.txt"
    path.write_text("Memorandum on the Korean question\n\nWritten in Moscow, 16.V.50 г.\n\nText.\n", "utf-8")
    summary = import_all(archive, [path])
    record = archive.record(summary.results[0].document_id)
    assert record.title == "Memorandum on the Korean question"
    assert record.date == "1950-05-16"
    assert record.needs_review
    assert any("no labels" in reason for reason in record.review_reasons)


def test_dates_written_many_ways(tmp_path: Path, archive):
    for name, written, iso, precision in [
        ("a", "13/5-50", "1950-05-13", "day"),
        ("b", "October 1950", "1950-10-01", "month"),
        ("c", "1950", "1950-01-01", "year"),
        ("d", "16.У 1950 г.", "1950-05-16", "day"),
    ]:
        path = tmp_path / f"{name}.txt"
        path.write_text(f"Telegram {name}\n\n{written}\n\nText of telegram {name}.\n", "utf-8")
        result = import_all(archive, [path]).results[0]
        record = archive.record(result.document_id)
        assert (record.date, record.date_precision) == (iso, precision), written


_SEEDS = [p.read_text("utf-8") for p in sorted(SAMPLES.glob("*.txt"))]


@st.composite
def mutated_seed(draw):
    text = draw(st.sampled_from(_SEEDS))
    for _ in range(draw(st.integers(0, 6))):
        kind = draw(st.sampled_from(["cut", "insert", "swap", "dup"]))
        if not text:
            break
        i = draw(st.integers(0, len(text) - 1))
        j = draw(st.integers(i, min(len(text), i + 400)))
        if kind == "cut":
            text = text[:i] + text[j:]
        elif kind == "insert":
            text = text[:i] + draw(st.text(max_size=60)) + text[i:]
        elif kind == "swap":
            text = text[j:] + text[:i] + text[i:j]
        else:
            text = text[:j] + text[i:j] + text[j:]
    encoding = draw(st.sampled_from(["utf-8", "utf-16", "cp1251", "koi8_r", "latin-1"]))
    return text.encode(encoding, errors="replace")


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.one_of(mutated_seed(), st.binary(max_size=3000), st.text(max_size=2000).map(str.encode)))
def test_random_and_mutated_input_imports_or_is_refused(data):
    try:
        parsed = parse_text_file(data, Path("random.txt"))
    except ImportRefused as refused:
        assert refused.reason
        return
    assert isinstance(parsed.title, str)
    for text in parsed.texts:
        assert text.kind in ("transcript", "translation", "notes")
        assert text.body.strip()
