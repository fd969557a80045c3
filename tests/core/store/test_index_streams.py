"""The writer keeps the terms table from the words a parse process names new to it (index_rows.Terms):
only while it indexed every earlier document of that process's stream, in order, since it last knew
its terms table whole. A document of the stream left unwritten, or written in a transaction rolled
back, had the only mention of a word the later ones leave out: the terms table must still hold it,
as a rebuild from the documents makes it."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from viewer.core.importers import prepare as preparing
from viewer.core.importers.groups import write_text
from viewer.core.importers.prepare import Prepared, prepare
from viewer.core.store import Archive
from viewer.core.store.copies import index_places
from viewer.core.store.schema_compact import SEARCH_TABLE

TEXTS = {
    "a.txt": "Telegram about the harbour\n\nThe quartermaster ordered zanzibarite and periwinkle.\n",
    "b.txt": "Telegram about the railway\n\nThe zanzibarite arrived with marmalade.\n",
    "c.txt": "Letter about the railway\n\nPeriwinkle and marmalade, then zanzibarite again.\n",
    "d.txt": 'Записка об"единения\n\nТекст об"единения и 中国共产党 rest.\n',  # folding changes it
}


@pytest.fixture
def parsed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> dict[str, tuple[Path, Prepared]]:
    """The files parsed in order by one process that has met no word before (a stream of its own)."""
    monkeypatch.setattr(preparing, "_keyed", set())
    monkeypatch.setattr(preparing, "_stream", "")
    folder = tmp_path / "files"
    folder.mkdir()
    made = {}
    with Archive(tmp_path / "empty.db") as empty:
        for name, text in TEXTS.items():
            (folder / name).write_text(text, encoding="utf-8")
            made[name] = (folder / name, prepare(empty, folder / name, {}))
    return made


def write(archive: Archive, item: tuple[Path, Prepared]) -> None:
    path, prepared = item
    assert prepared.parsed is not None and prepared.sha256 is not None
    write_text(archive, path, prepared.sha256, prepared.parsed, prepared.where, prepared.terms)


def terms(archive: Archive) -> list[tuple[str, str]]:
    return [tuple(row) for row in archive.conn.execute("SELECT term, key FROM terms ORDER BY term")]


def assert_as_rebuilt(archive: Archive) -> None:
    kept = terms(archive)
    archive.rebuild_index()
    assert kept == terms(archive)


def test_a_stream_in_order_names_each_word_once(parsed: dict[str, tuple[Path, Prepared]], tmp_path: Path) -> None:
    later = parsed["b.txt"][1].terms
    assert later is not None and "zanzibarite" in later.words.split() and "zanzibarite" not in later.new.split()
    with Archive(tmp_path / "archive.db") as archive:
        with archive.transaction():
            for item in parsed.values():
                write(archive, item)
        assert ("zanzibarite",) in [row[:1] for row in terms(archive)]
        assert_as_rebuilt(archive)


def _write_all_but_the_first(parsed: dict[str, tuple[Path, Prepared]], tmp_path: Path) -> None:
    """b.txt and c.txt written, a.txt (first in their stream) not: their words are all in the terms."""
    with Archive(tmp_path / "archive.db") as archive:
        with archive.transaction():
            write(archive, parsed["b.txt"])  # a.txt, first in the stream, is not written
            write(archive, parsed["c.txt"])
        assert {"zanzibarite", "periwinkle"} <= {row[0] for row in terms(archive)}
        assert_as_rebuilt(archive)


def test_a_document_left_unwritten_does_not_lose_its_words(
    parsed: dict[str, tuple[Path, Prepared]], tmp_path: Path
) -> None:
    _write_all_but_the_first(parsed, tmp_path)


def test_a_rolled_back_group_does_not_lose_its_words(parsed: dict[str, tuple[Path, Prepared]], tmp_path: Path) -> None:
    with Archive(tmp_path / "archive.db") as archive:
        archive.begin_write(group=True)
        write(archive, parsed["a.txt"])
        archive.rollback_write()
        with archive.transaction():
            write(archive, parsed["b.txt"])
            write(archive, parsed["c.txt"])
        assert {"zanzibarite", "periwinkle"} <= {row[0] for row in terms(archive)}
        assert_as_rebuilt(archive)


def test_the_text_columns_a_worker_folded_are_what_the_archive_would_make(
    parsed: dict[str, tuple[Path, Prepared]], tmp_path: Path
) -> None:
    folded, plain = parsed["d.txt"][1].terms, parsed["a.txt"][1].terms
    assert folded is not None and folded.texts is not None and "объединения" in folded.texts[2]
    assert plain is not None and plain.texts is None  # folding changes nothing: the writer takes them as they are
    with Archive(tmp_path / "archive.db") as archive:
        with archive.transaction():
            for item in parsed.values():
                write(archive, item)
        fresh = sqlite3.connect(":memory:")
        fresh.execute(SEARCH_TABLE)
        for (document_id,) in archive.conn.execute("SELECT id FROM documents").fetchall():
            fresh.execute(
                "INSERT INTO search (rowid, title, summary, body, names, refs) VALUES (?, ?, ?, ?, ?, ?)",
                (document_id, *archive.search_columns(document_id)),
            )
        assert set(index_places(archive.conn)) == set(index_places(fresh))


def test_an_update_amid_a_stream_keeps_it_trusted(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A file imported again with new text is an update, its row read back from the archive: the
    worker's words still count for it, so the documents after it need not name all theirs."""
    monkeypatch.setattr(preparing, "_keyed", set())
    monkeypatch.setattr(preparing, "_stream", "")
    folder = tmp_path / "files"
    folder.mkdir()
    (folder / "b.txt").write_text("An older telegram\n\nNothing of note.\n", encoding="utf-8")
    with Archive(tmp_path / "archive.db") as archive:
        older = prepare(archive, folder / "b.txt", {})  # the stream's place 0, written
        with archive.transaction():
            write(archive, (folder / "b.txt", older))
        stream = []
        for name in ("a.txt", "b.txt", "c.txt"):
            (folder / name).write_text(TEXTS[name], encoding="utf-8")
            stream.append((folder / name, prepare(archive, folder / name, {})))
        with archive.transaction():
            for item in stream:
                write(archive, item)
        last = stream[-1][1].terms
        assert last is not None and archive._streams[last.stream] == last.place + 1  # still trusted
        assert archive.conn.execute("SELECT count(*) FROM imports WHERE outcome = 'updated'").fetchone()[0] == 1
        kept = set(terms(archive))
        archive.rebuild_index()
        # every word of every document, and the words of the older version (a word is never taken out)
        rebuilt = set(terms(archive))
        assert rebuilt <= kept and {term for term, _ in kept - rebuilt} == {"older", "nothing", "note"}


def test_a_worker_document_after_a_gap_has_its_words_read_from_its_row(
    parsed: dict[str, tuple[Path, Prepared]], tmp_path: Path
) -> None:
    """A worker process hands on no list of all a document's words (only those new to it): the writer
    reads them from the row when it cannot trust the stream."""
    for name in ("b.txt", "c.txt"):
        prepared = parsed[name][1]
        assert prepared.terms is not None
        prepared.terms = prepared.terms._replace(words="")  # as a worker hands them on
    _write_all_but_the_first(parsed, tmp_path)
