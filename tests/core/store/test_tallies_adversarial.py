"""The counts a person sees (total, facets, classification groups, people, the timeline's months and
dated counts) equal a fresh count over the documents after every path that writes them, including
the unusual ones: precision and undated documents, several roles, merges of people and archives,
a group rolled back mid-import, an archive upgraded from schema 6 with documents, another process
writing while a reader holds the archive open, and the kiosk's read-only archive (issue 16).

The expected counts here are computed with SQL of this test's own over ``documents``,
``document_entities`` and the full-text table, not through the store's counting code."""

from __future__ import annotations

import calendar
import csv
import json
import shutil
import sqlite3
import subprocess
import sys
from collections import Counter
from collections.abc import Callable
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from viewer.core.classification import normalise
from viewer.core.dates import bin_counts
from viewer.core.errors import ArchiveError
from viewer.core.importers import groups
from viewer.core.importers.batch import import_all
from viewer.core.merge import merge_archives
from viewer.core.store import Archive, Filters
from viewer.core.store.schema_tallies import TRIGGERS

from ...conftest import SAMPLES
from ...pdfs import make_pdf
from ..conftest import another_archive_of, edit_source
from .test_index_consistency import doc

ROOT = Path(__file__).resolve().parents[3]


# -- the fresh count -------------------------------------------------------------------------


def _fresh_ids(a: Archive, filters: Filters) -> set[int]:
    """The documents ``filters`` selects, by this test's own SQL."""
    clauses: list[str] = []
    params: list[object] = []
    if filters.language:
        clauses.append("original_language = ?")
        params.append(filters.language)
    if filters.doc_type:
        clauses.append("doc_type = ?")
        params.append(filters.doc_type)
    if filters.classification:
        clauses.append("classification_group = ?")
        params.append(normalise(filters.classification))
    if filters.needs_review:
        clauses.append("needs_review = 1")
    if filters.person:
        clauses.append(
            "id IN (SELECT de.document_id FROM document_entities de JOIN entities e ON e.id = de.entity_id "
            "WHERE e.name = ?)"
        )
        params.append(filters.person)
    if filters.tag:
        clauses.append("id IN (SELECT document_id FROM document_tags WHERE tag = ?)")
        params.append(filters.tag)
    where = (" WHERE " + " AND ".join(clauses)) if clauses else ""
    ids = {row[0] for row in a.conn.execute(f"SELECT id FROM documents{where}", params)}
    if filters.query.strip():
        match = a.select(filters).match
        found = (
            set()
            if match is None
            else {r[0] for r in a.conn.execute("SELECT rowid FROM search WHERE search MATCH ?", (match,))}
        )
        ids &= found
    return ids


def _column(a: Archive, ids: set[int], column: str) -> Counter:
    found = a.conn.execute(
        f"SELECT {column} FROM documents WHERE id IN (SELECT value FROM json_each(?))", (json.dumps(sorted(ids)),)
    )
    return Counter(row[0] for row in found if row[0] is not None)


def _people(a: Archive, ids: set[int]) -> dict[str, int]:
    found = a.conn.execute(
        "SELECT e.name, count(DISTINCT de.document_id) FROM document_entities de "
        "JOIN entities e ON e.id = de.entity_id WHERE e.kind = 'person' "
        "AND de.document_id IN (SELECT value FROM json_each(?)) GROUP BY e.id",
        (json.dumps(sorted(ids)),),
    )
    counted: dict[str, int] = {}
    for name, number in found:
        counted[name] = counted.get(name, 0) + number
    return counted


def _dates(a: Archive, ids: set[int]) -> list[str]:
    found = a.conn.execute(
        "SELECT date_start FROM documents WHERE date_start IS NOT NULL AND id IN (SELECT value FROM json_each(?))",
        (json.dumps(sorted(ids)),),
    )
    return [row[0] for row in found]


def _months_between(first: date, last: date) -> list[tuple[date, date]]:
    months, year, month = [], first.year, first.month
    while (year, month) <= (last.year, last.month):
        months.append((date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])))
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return months


def _spans(a: Archive) -> list[tuple[date, date]]:
    """Ranges the timeline asks: the archive's whole span (with a margin), a range cutting two
    months in their middle, one inside a month, and each month of the span."""
    low, high = a.conn.execute("SELECT min(date_start), max(date_start) FROM documents").fetchone()
    if low is None:
        return [(date(1950, 1, 1), date(1950, 12, 31))]
    first, last = date.fromisoformat(low), date.fromisoformat(high)
    whole = (date(first.year - 1, 11, 7), date(last.year + 1, 3, 20))
    spans = [whole, (date(first.year, first.month, 10), date(last.year, last.month, 20))]
    spans.append((date(first.year, first.month, 2), date(first.year, first.month, 27)))
    return spans + _months_between(first, last)


def _selections(a: Archive) -> list[Filters]:
    languages = [r[0] for r in a.conn.execute("SELECT DISTINCT original_language FROM documents") if r[0]]
    types = [r[0] for r in a.conn.execute("SELECT DISTINCT doc_type FROM documents") if r[0]]
    spellings = [r[0] for r in a.conn.execute("SELECT DISTINCT classification FROM documents") if r[0]]
    people = [
        r[0]
        for r in a.conn.execute(
            "SELECT DISTINCT e.name FROM entities e JOIN document_entities de ON de.entity_id = e.id "
            "WHERE e.kind = 'person' ORDER BY e.name LIMIT 6"
        )
    ]
    chosen = [Filters(), Filters(needs_review=True)]
    chosen += [Filters(language=v) for v in languages] + [Filters(doc_type=v) for v in types]
    chosen += [Filters(classification=v) for v in spellings]
    chosen += [Filters(language=v, doc_type=t) for v in languages[:2] for t in types[:2]]
    chosen += [Filters(language=v, needs_review=True) for v in languages[:2]]
    chosen += [Filters(person=p) for p in people] + [
        Filters(person=p, language=v) for p in people[:2] for v in languages[:1]
    ]
    tags = [r[0] for r in a.conn.execute("SELECT DISTINCT tag FROM document_tags ORDER BY tag LIMIT 2")]
    chosen += [Filters(tag=t) for t in tags] + [Filters(tag=t, language=v) for t in tags[:1] for v in languages[:1]]
    chosen += [Filters(query=q) for q in ("Stalin", "telegram", "Pyongyang", "zzzqqq")]
    chosen += [Filters(query="Stalin", language=v) for v in languages[:2]]
    return chosen


def assert_true_counts(a: Archive) -> None:
    """Every count the window shows for many selections equals the fresh count; check is ok."""
    report = a.check()
    assert report.ok, report.problems
    for filters in _selections(a):
        selection = a.select(filters)
        ids = _fresh_ids(a, filters)
        assert a.count(selection) == len(ids), filters
        for facet, attribute, column in (
            ("language", "language", "original_language"),
            ("type", "doc_type", "doc_type"),
        ):
            expected = _column(a, _fresh_ids(a, replace(filters, **{attribute: None})), column)
            assert dict(a.facet_counts(facet, selection)) == dict(expected), (facet, filters)
        expected_people = _people(a, _fresh_ids(a, replace(filters, person=None)))
        assert dict(a.facet_counts("person", selection)) == expected_people, ("person", filters)
        tagged = _fresh_ids(a, replace(filters, tag=None))
        tags = Counter(
            r[0] for r in a.conn.execute("SELECT tag, document_id FROM document_tags").fetchall() if r[1] in tagged
        )
        assert dict(a.facet_counts("tag", selection)) == dict(tags), ("tag", filters)
        groups_expected = _column(a, _fresh_ids(a, replace(filters, classification=None)), "classification_group")
        assert {g.name: g.count for g in a.classification_groups(selection)} == dict(groups_expected), filters
        dates = _dates(a, ids)
        for start, end in _spans(a):
            inside = [d for d in dates if start.isoformat() <= d <= end.isoformat()]
            counted = a.dated_count(start, end, selection)
            assert counted in (len(inside), None), (filters, start, end, counted, len(inside))
            months = sorted(Counter(d[:7] for d in inside).items())
            for bins in (12, 40):
                by_month = ((end - start).days + 1) / bins >= 31
                if by_month:
                    expected_bins = bin_counts(months, start, end, bins, True)
                    assert a.date_histogram(bins, start, end, selection) == expected_bins, (filters, start, end)


# -- archives --------------------------------------------------------------------------------


def _seeds(tmp_path: Path) -> Path:
    folder = tmp_path / "files"
    shutil.copytree(SAMPLES, folder)
    return folder


@pytest.fixture
def seeded(tmp_path: Path):
    folder = _seeds(tmp_path)
    with Archive(tmp_path / "archive.db") as archive:
        import_all(archive, [folder])
        yield archive, folder


def _sheet(path: Path, header: list[str], rows: list[list[str]]) -> Path:
    with path.open("w", encoding="utf-8", newline="") as stream:
        writer = csv.writer(stream)
        writer.writerow(header)
        writer.writerows(rows)
    return path


# -- write paths -----------------------------------------------------------------------------


def _pdf_and_catalogue(a: Archive, folder: Path) -> None:
    extra = folder.parent / "extra"
    extra.mkdir()
    (extra / "memo.pdf").write_bytes(make_pdf("Memorandum to Stalin about Pyongyang, June 3, 1950"))
    sheet = _sheet(
        extra / "catalogue.csv",
        ["key", "title", "date", "type", "original_language", "classification", "mentioned"],
        [
            ["cat-1", "A catalogue entry", "1950", "Letter", "Russian", "Secret", "Stalin"],
            ["cat-2", "Another entry", "June 1950", "Memo", "Korean", "СЕКРЕТНО", "Kim Il Sung"],
            ["cat-3", "Undated entry", "", "Memo", "", "", ""],
        ],
    )
    summary = import_all(a, [extra / "memo.pdf", sheet])
    assert summary.count("refused") == 0, summary.results
    assert_true_counts(a)
    # the catalogue changed: rows update their documents
    _sheet(
        sheet,
        ["key", "title", "date", "type", "original_language", "classification", "mentioned"],
        [
            ["cat-1", "A catalogue entry", "1951-02-03", "Memo", "English", "Top Secret", "Molotov"],
            ["cat-2", "Another entry", "", "Memo", "Korean", "", "Kim Il Sung"],
        ],
    )
    assert import_all(a, [sheet]).count("refused") == 0
    assert_true_counts(a)
    roles = _sheet(
        extra / "roles.csv",
        ["key", "title", "date", "type", "original_language", "sender", "recipients", "signatories", "places"],
        [
            [
                "roles-1",
                "Stalin to himself",
                "1950-04-30",
                "Letter",
                "Russian",
                "Stalin",
                "Stalin; Molotov",
                "Stalin",
                "",
            ],
            ["roles-2", "Molotov twice", "1950-05-01", "Letter", "English", "Molotov", "Molotov", "", "Pyongyang"],
        ],
    )
    assert import_all(a, [roles]).count("refused") == 0
    several = a.conn.execute(
        "SELECT count(*) FROM document_entities de JOIN documents d ON d.id = de.document_id "
        "JOIN entities e ON e.id = de.entity_id WHERE d.key = 'roles-1' AND e.name = 'Stalin'"
    ).fetchone()[0]
    assert several == 3  # sender, recipient and signatory: one document for the facet


def _json_archive(a: Archive, folder: Path) -> None:
    with Archive(folder.parent / "other.db") as other:
        import_all(other, [folder])
        other.correct(doc(other, "004"), {"language": "Chinese", "type": "Note"}, "bob")
        other.correct(doc(other, "000"), {"date": {"start": "1949-12-01", "end": "1950-02-28"}}, "bob")
        from viewer.core.exporters import Chosen, export_documents

        list(export_documents(other, Chosen(everything=True), "json", folder.parent / "other.json"))
    import_all(a, [folder.parent / "other.json"])


def _reimport_changed(a: Archive, folder: Path) -> None:
    a.correct(doc(a, "001"), {"language": "Korean"}, "t")  # kept over the file's
    edit_source(next(folder.glob("001_*.txt")), "Korean comrades", "Manchurian comrades")
    edit_source(next(folder.glob("002_*.txt")), "Stalin", "Vasilevsky")
    path = next(folder.glob("003_*.txt"))
    text = path.read_text("utf-8")
    path.write_text(text.replace("1950", "1951"), "utf-8")  # another year: another month of the timeline
    assert import_all(a, [folder]).count("updated") == 3


def _corrections(a: Archive, folder: Path) -> None:
    ids = [doc(a, k) for k in ("000", "001", "002", "003", "004")]
    a.correct(ids[0], {"language": "Korean", "type": "Memo", "classification": "TOP SECRET"}, "t")
    a.correct(ids[1], {"date": {"start": "1950-01-20", "end": "1950-03-10"}}, "t")  # a range across months
    a.correct(ids[2], {"date": {"start": "1951-01-01", "end": "1951-12-31", "precision": "year"}}, "t")
    a.correct(ids[3], {"date": {"start": "1950-07-01", "end": "1950-07-31", "precision": "month"}}, "t")
    a.correct(ids[4], {"date": {"text": "", "start": None, "end": None, "precision": "unknown"}}, "t")  # undated
    a.correct_many(ids[:3], {"language": "Chinese", "classification": "Secret"}, "t")
    a.correct_many(ids[2:], {"type": "Report"}, "t")
    assert_true_counts(a)
    a.undo_last("t")
    a.undo_last("t")
    assert_true_counts(a)
    a.redo_last("t")


def _people_roles(a: Archive, folder: Path) -> None:
    d = doc(a, "001")
    a.correct(d, {"sender": ["Stalin"], "recipient": ["Stalin"], "mentioned": ["Stalin", "Molotov"]}, "t")
    a.correct(doc(a, "002"), {"mentioned": ["A New Person", "Stalin"]}, "t")
    assert_true_counts(a)
    a.correct(d, {"recipient": []}, "t")  # still the sender and mentioned: counted once
    assert_true_counts(a)
    a.merge_persons("Molotov", "Stalin", "t")  # both named in document 001
    assert_true_counts(a)
    a.undo_last("t")
    assert_true_counts(a)
    a.set_entity_kind("A New Person", "organization", "t")
    assert_true_counts(a)
    a.undo_last("t")


def _revert(a: Archive, folder: Path) -> None:
    change = a.correct(doc(a, "000"), {"language": "Korean", "classification": "Secret"}, "t")
    a.correct(doc(a, "000"), {"type": "Memo"}, "t")
    a.revert(change.id, "t")


def _trash(a: Archive, folder: Path) -> None:
    first, second = doc(a, "001"), doc(a, "002")
    a.tag([first, second, doc(a, "003")], add=["Korean War"], author="t")
    assert_true_counts(a)
    a.delete_documents([first, second], "t")
    assert_true_counts(a)
    a.restore_documents([first], "t")
    assert_true_counts(a)
    a.undo_last("t")  # the restore undone: back to the trash
    assert_true_counts(a)
    a.empty_trash("t")
    assert_true_counts(a)
    a.delete_documents([doc(a, "003")], "t")
    a.undo_last("t")


def _merge(a: Archive, folder: Path) -> None:
    def change(other: Archive) -> None:
        other.correct(doc(other, "000"), {"language": "Korean", "mentioned": ["Molotov", "Bob's person"]}, "bob")
        other.delete_documents([doc(other, "002")], "bob")

    other = another_archive_of(folder, change)
    merge_archives(a, other, "t")
    merge_archives(a, other, "t")  # again: nothing new


PATHS: dict[str, Callable[[Archive, Path], None]] = {
    "pdf and catalogue": _pdf_and_catalogue,
    "json archive": _json_archive,
    "re-import changed": _reimport_changed,
    "corrections undo redo": _corrections,
    "people roles": _people_roles,
    "revert": _revert,
    "trash": _trash,
    "merge": _merge,
}


@pytest.mark.parametrize("path", PATHS.values(), ids=PATHS.keys())
def test_counts_are_a_fresh_count_after(seeded, path):
    archive, folder = seeded
    assert_true_counts(archive)
    path(archive, folder)
    assert_true_counts(archive)


def test_a_group_rolled_back_mid_import_leaves_true_counts(tmp_path, monkeypatch):
    """A write that fails inside a group: the group is rolled back (its documents' tally rows with
    it) and replayed one file at a time."""
    folder = _seeds(tmp_path)
    original = groups.write_text
    failed: list[str] = []

    def failing(archive, path, *args, **kwargs):
        result = original(archive, path, *args, **kwargs)  # the document and its people written
        if path.name.startswith("003") and not failed:
            failed.append(path.name)
            raise sqlite3.OperationalError("disk I/O error (injected)")
        return result

    monkeypatch.setattr(groups, "write_text", failing)
    with Archive(tmp_path / "archive.db") as archive:
        summary = import_all(archive, [folder])
        assert failed, "the injected failure never ran"
        assert archive.count() == 5 - summary.count("refused")
        assert_true_counts(archive)


def _downgrade_to_schema_6(path: Path) -> None:
    """The archive as migration 6 left it: no tallies, triggers, facet-and-date or last-date indexes."""
    conn = sqlite3.connect(path)
    for (name,) in conn.execute(
        "SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'tally%'"
    ).fetchall():
        conn.execute(f"DROP TRIGGER {name}")
    for table in ("tally_documents", "tally_months", "tally_people", "tally_paused"):
        conn.execute(f"DROP TABLE {table}")
    for index in ("documents_language_date", "documents_type_date", "documents_group_date", "documents_date_end"):
        conn.execute(f"DROP INDEX {index}")
    conn.execute("CREATE INDEX documents_type ON documents (doc_type)")
    conn.execute("CREATE INDEX documents_language ON documents (original_language)")
    conn.execute("PRAGMA user_version = 6")
    conn.commit()
    conn.close()


def test_an_archive_upgraded_from_schema_6_counts_its_documents(seeded, tmp_path):
    archive, _folder = seeded
    archive.correct(doc(archive, "001"), {"mentioned": ["Stalin"], "sender": ["Stalin"]}, "t")
    archive.delete_documents([doc(archive, "004")], "t")
    archive.close()
    path = tmp_path / "archive.db"
    _downgrade_to_schema_6(path)
    with Archive(path) as upgraded:
        assert upgraded.conn.execute("PRAGMA user_version").fetchone()[0] >= 7
        triggers = {r[0] for r in upgraded.conn.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'")}
        assert {trigger.split()[2] for trigger in TRIGGERS} <= triggers  # every later migration kept them
        assert_true_counts(upgraded)
        upgraded.restore_documents([e.document_id for e in upgraded.trash()], "t")  # a snapshot from schema 6
        assert_true_counts(upgraded)


def test_the_kiosks_read_only_archive_counts_what_the_archive_holds(seeded, tmp_path):
    archive, _folder = seeded
    archive.correct(
        doc(archive, "002"), {"language": "Korean", "date": {"start": "1950-08-01", "end": "1950-08-31"}}, "t"
    )
    archive.delete_documents([doc(archive, "003")], "t")
    archive.close()
    with Archive(tmp_path / "archive.db", readonly=True) as kiosk:
        assert_true_counts(kiosk)


WRITER = """
import sys
from viewer.core.store import Archive
from viewer.core.importers.batch import import_all
from pathlib import Path
path, folder, language = sys.argv[1], Path(sys.argv[2]), sys.argv[3]
with Archive(path) as a:
    import_all(a, [folder])
    ids = [row[0] for row in a.conn.execute("SELECT id FROM documents ORDER BY id")]
    for i in ids[: len(ids) // 2]:
        a.correct(i, {"language": language}, language)
    a.delete_documents(ids[-1:], language)
    a.undo_last(language)
"""


def test_two_writer_processes_and_a_reader_holding_the_archive_open(tmp_path):
    """Two processes import and correct at once while this one holds the archive open and has read
    its counts (the timeline's months are kept per state of the archive): afterwards every count it
    reads is the fresh count."""
    folders = []
    for name in ("one", "two"):
        folder = tmp_path / name
        folder.mkdir()
        for number, path in enumerate(sorted(SAMPLES.glob("*.txt"))):
            text = path.read_text("utf-8").replace("document/11", f"document/{name}-{number}-11")
            (folder / f"{name}-{path.name}").write_text(text + f"\n\nCopy {name}.\n", "utf-8")
        folders.append(folder)
    path = tmp_path / "archive.db"
    with Archive(path) as reader:
        assert_true_counts(reader)  # caches filled for an empty archive
        env = {"PYTHONPATH": str(ROOT), "ARCHIVE_VIEWER_HOME": str(tmp_path / "home")}
        import os

        env = {**os.environ, **env}
        writers = [
            subprocess.Popen([sys.executable, "-c", WRITER, str(path), str(folder), language], env=env)
            for folder, language in zip(folders, ("Korean", "Chinese"), strict=True)
        ]
        for writer in writers:
            assert writer.wait(timeout=300) == 0
        assert reader.count() == 10
        assert_true_counts(reader)


def test_a_reader_sees_another_processs_change_in_the_months_it_has_read(seeded, tmp_path):
    """The timeline's months are kept per state of the archive: a date changed by another process
    must show in the next histogram of the same selection."""
    archive, _folder = seeded
    language = archive.record(doc(archive, "001")).original_language
    selection = Filters(language=language)
    span = (date(1949, 1, 1), date(1952, 12, 31))
    before = archive.date_histogram(12, *span, selection)
    script = (
        "import sys\nfrom viewer.core.store import Archive\n"
        "with Archive(sys.argv[1]) as a:\n"
        "    a.correct(a.resolve_id('001'), {'date': {'start': '1952-06-01', 'end': '1952-06-30'}}, 'other')\n"
    )
    import os

    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    subprocess.run([sys.executable, "-c", script, str(tmp_path / "archive.db")], check=True, env=env)
    after = archive.date_histogram(12, *span, selection)
    assert after != before
    assert_true_counts(archive)


@pytest.mark.xfail(
    strict=True,
    reason="selection.py (facets' file, older than the tallies): the person filter's members are the "
    "documents naming any entity of that name (e.name = ?), an organisation or place too, while the "
    "person facet counts the person alone: the facet says 1, choosing it lists 2. Lead to decide "
    "(other callers may pass an organisation's name as Filters.person).",
)
def test_a_person_and_an_organisation_of_one_name(seeded):
    """The person facet says how many documents name the person; choosing that entry must list as
    many (the filter selects by name alone, so it also takes an organisation or place so named)."""
    archive, _folder = seeded
    archive.correct(doc(archive, "000"), {"mentioned": [{"name": "Central Committee", "kind": "organization"}]}, "t")
    archive.correct(doc(archive, "001"), {"mentioned": [{"name": "Central Committee", "kind": "person"}]}, "t")
    kinds = archive.conn.execute("SELECT kind FROM entities WHERE name = 'Central Committee' ORDER BY kind").fetchall()
    assert [k for (k,) in kinds] == ["organization", "person"]
    people = dict(archive.facet_counts("person"))
    assert people["Central Committee"] == 1
    assert archive.count(Filters(person="Central Committee")) == people["Central Committee"]


def test_a_range_given_backwards_dates_nothing(seeded):
    """A range whose end is before its start holds no document, as the documents' count says."""
    archive, _folder = seeded
    dated = archive.conn.execute("SELECT date_start FROM documents WHERE date_start IS NOT NULL").fetchone()[0]
    day = date.fromisoformat(dated)
    later = date(day.year + (day.month == 12), day.month % 12 + 1, 1)
    start, end = date(later.year, later.month, 28), date(day.year, day.month, 28)
    assert start > end
    assert archive.dated_count(start, end, Filters()) in (0, None)
    assert archive.dated_count(start, end, Filters()) == len(archive.dated_documents(start, end, Filters()))


def test_the_person_facets_cut_at_300_people_is_the_fresh_counts(seeded):
    """More people than the facet lists: the 300 it lists are the most frequent, ties by name, for a
    facet selection (the tallies) and for queries matching few or most documents."""
    archive, _folder = seeded
    ids = [doc(archive, k) for k in ("000", "001", "002", "003", "004")]
    names = [f"Person {number:03d}" for number in range(320)] + ["ärzte", "Zhou", "zhou", "Émile"]
    archive.correct(ids[0], {"mentioned": names[:200]}, "t")
    archive.correct(ids[1], {"mentioned": names[150:]}, "t")
    archive.correct(ids[2], {"mentioned": names[::7]}, "t")
    for filters in (Filters(), Filters(query="telegram"), Filters(query="Pyongyang"), Filters(query="Stalin")):
        chosen = _fresh_ids(archive, filters)
        counted = sorted(_people(archive, chosen).items(), key=lambda item: (-item[1], item[0]))
        assert archive.facet_counts("person", filters) == counted[:300], filters


def test_a_kept_worker_connection_counts_a_query_after_another_connection_commits(tmp_path):
    """The window compiles the selection on its connection and hands it to a worker whose connection
    is kept between requests; an import commits in between: the worker's counts are the fresh ones."""
    first, later = tmp_path / "first", tmp_path / "later"
    first.mkdir()
    later.mkdir()
    for path in sorted(SAMPLES.glob("*.txt")):
        shutil.copy(path, first)
        text = path.read_text("utf-8").replace("document/11", "document/copy-11")  # another document, same words
        (later / f"copy-{path.name}").write_text(text + "\n\nA copy.\n", "utf-8")
    path = tmp_path / "archive.db"
    with Archive(path) as window:
        import_all(window, [first])
        with Archive(path, readonly=True) as worker:
            filters = Filters(query="Stalin")
            selection = window.select(filters)
            before = (worker.count(selection), worker.facet_counts("language", selection), len(worker.order(selection)))
            assert before[0] == len(_fresh_ids(window, filters))
            import_all(window, [later])  # (an import in another process commits the same way)
            recompiled = window.select(filters)  # compiled again: the archive changed
            assert recompiled.match == selection.match  # no new spelling of the word: the same MATCH
            selection = recompiled
            expected = _fresh_ids(window, filters)
            assert len(expected) > before[0]
            language = _column(window, expected, "original_language")
            assert (worker.count(selection), dict(worker.facet_counts("language", selection))) == (
                len(expected),
                dict(language),
            )
            assert set(worker.order(selection)) == expected


class _Stop(Exception):
    pass


def test_counts_read_inside_a_write_that_is_rolled_back_are_not_kept(seeded):
    """A change read back inside its own transaction (as the tally tests do), then rolled back:
    the next reads are the archive's, not the rolled-back state's."""
    archive, _folder = seeded
    span = (date(1940, 1, 1), date(1960, 12, 31))
    before = (archive.date_histogram(12, *span), archive.dated_count(*span), archive.documents_total())
    with pytest.raises(_Stop), archive.transaction():
        archive.conn.execute("UPDATE documents SET date_start = '1941-05-05' WHERE date_start IS NOT NULL")
        archive.conn.execute("DELETE FROM documents WHERE id = (SELECT max(id) FROM documents)")
        inside = (archive.date_histogram(12, *span), archive.dated_count(*span), archive.documents_total())
        assert inside != before
        raise _Stop
    assert (archive.date_histogram(12, *span), archive.dated_count(*span), archive.documents_total()) == before
    assert_true_counts(archive)


def test_merging_an_archive_of_schema_6(seeded, tmp_path):
    """Another archive from before the tallies: refused until upgraded, then its documents counted like
    any others."""
    archive, folder = seeded
    other_folder = tmp_path / "other"
    other_folder.mkdir()
    for path in sorted(folder.glob("*.txt")):
        text = path.read_text("utf-8").replace("document/11", "document/other-11")
        (other_folder / f"other-{path.name}").write_text(text + "\n\nThe other copy.\n", "utf-8")
    with Archive(tmp_path / "other.db") as other:
        import_all(other, [other_folder])
        other.correct(doc(other, "other-001"), {"language": "Korean"}, "bob")
    _downgrade_to_schema_6(tmp_path / "other.db")
    with pytest.raises(ArchiveError, match="older archive"):  # read-only, it is not upgraded: refused whole
        merge_archives(archive, tmp_path / "other.db", "t")
    assert_true_counts(archive)
    Archive(tmp_path / "other.db").close()  # upgraded, as the refusal says
    merge_archives(archive, tmp_path / "other.db", "t")
    assert archive.count() == 10
    assert_true_counts(archive)
