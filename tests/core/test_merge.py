"""Merging two archives (issue 14): two archivists imported overlapping files on their own laptops, each
annotated, tagged, collected and corrected; the merge keeps everyone's work, both ways, once."""

from __future__ import annotations

import hashlib
import shutil
import sqlite3

import pytest

from viewer.core import annotations as ann
from viewer.core.archive_files import remove_archive_files
from viewer.core.errors import ArchiveError
from viewer.core.importers.batch import import_all
from viewer.core.merge import merge_archives
from viewer.core.store import Archive

from ..conftest import SAMPLES
from ..pdfs import make_pdf

KEYS = {stem[:3]: stem for stem in (p.stem for p in SAMPLES.glob("*.txt"))}


def highlight(archive, key, part, quote, author, note=None):
    made = ann.highlight_quote(archive, archive.resolve_id(key), part, quote, note=note, author=author)
    ann.Create(made).redo(archive)


def at(monkeypatch, stamp):
    """Corrections made 'at' a given time, so which of two is newer does not depend on the clock."""
    monkeypatch.setattr("viewer.core.store.corrections.now", lambda: stamp)
    monkeypatch.setattr("viewer.core.store.history.now", lambda: stamp)


@pytest.fixture
def pair(tmp_path, monkeypatch):
    """Alice's archive (000-003 and a scan) and Bob's (002-004 and a page of his own)."""
    folders = {}
    for name, keys in (("alice", "0123"), ("bob", "234")):
        folder = folders[name] = tmp_path / name
        folder.mkdir()
        for key in keys:
            shutil.copy(SAMPLES / f"{KEYS['00' + key]}.txt", folder)
    (folders["alice"] / "harbour.pdf").write_bytes(make_pdf("Report on the harbour of Dalny", pages=3))
    (folders["bob"] / "005_reply.txt").write_text(
        "May 20, 1950\n\nTelegram from Mao Zedong to Stalin\n\nIn reply to No. 8691.\n\n"
        "We agree with your opinion on the treaty.\n",
        encoding="utf-8",
    )
    alice, bob = Archive(tmp_path / "alice.db"), Archive(tmp_path / "bob.db")
    assert import_all(alice, [folders["alice"]]).count("imported") == 5
    assert import_all(bob, [folders["bob"]]).count("imported") == 4

    highlight(alice, "002", "translation", "Zhou Enlai", "alice", "who sent him?")
    alice.tag([alice.resolve_id("002")], add=["alpha"], author="alice")
    alice.create_collection("may", "May 1950", "", [alice.resolve_id("000"), alice.resolve_id("002")])
    harbour = alice.resolve_id("harbour")
    ann.Create(ann.new_shape(alice, harbour, 1, "rect", (100, 100, 300, 200), note="the quay", author="alice")).redo(
        alice
    )
    at(monkeypatch, "2025-01-02T09:00:00Z")
    alice.correct(alice.resolve_id("003"), {"title": "Ignatiev to Vyshinsky on Kim's talks in Beijing"}, "alice")

    highlight(bob, "002", "translation", "Zhou Enlai", "bob", "Zhou, the premier")
    highlight(bob, "004", "transcript", "Филиппов", "bob")
    bob.tag([bob.resolve_id("002"), bob.resolve_id("005")], add=["beta"], author="bob")
    bob.create_collection("may", "May 1950", "", [bob.resolve_id("004"), bob.resolve_id("002")])
    at(monkeypatch, "2025-01-03T09:00:00Z")
    bob.correct(bob.resolve_id("003"), {"title": "Ignatiev reports Kim's talks with Mao"}, "bob")
    bob.correct(bob.resolve_id("002"), {"summary": "Zhou Enlai passes on Kim Il Sung's questions."}, "bob")
    at(monkeypatch, "2025-01-04T09:00:00Z")
    bob.correct(bob.resolve_id("005"), {"date": "1950-05-21"}, "bob")
    monkeypatch.undo()
    yield alice, bob
    alice.close()
    bob.close()


def snapshot(archive):
    """Everything a merge may change, without ids: records with annotations, tags, collections, history."""
    keys = {i: archive.record(i).key for i in archive.document_ids()}
    records = {}
    for document_id, key in keys.items():
        record = archive.record(document_id).as_json()
        record.pop("id")
        record["links"] = [(link["relation"], link["direction"], link["key"]) for link in record["links"]]
        record["annotations"] = sorted(
            (a.part, a.shape, a.author, a.quote, a.note, a.status, a.created_at)
            for a in archive.document_annotations(document_id)
        )
        record["tags"] = archive.document_tags(document_id)
        record["provenance"] = {k: (v.origin, v.author) for k, v in archive.provenance(document_id).items()}
        records[key] = record
    collections = [(n, t, [keys[i] for i in archive.collection(n).document_ids]) for n, t, _ in archive.collections()]
    changes = [(c.kind, c.label, c.author, c.at) for c in archive.recent_changes(limit=1000)]
    return {"records": records, "collections": collections, "changes": changes, "stats": archive.stats()}


def test_merge_brings_new_documents_whole_and_keeps_both_sides_work(pair, tmp_path):
    alice, bob = pair
    report = merge_archives(alice, bob.path, "alice")
    assert sorted(e.key for e in report.added) == [KEYS["004"], "005_reply"]
    assert [e.key for e in report.conflicting] == [KEYS["003"]]
    assert [e.key for e in report.updated] == [KEYS["002"]]
    assert report.skipped == [] and report.collections == ["may"]
    assert alice.count() == 7

    mine, theirs = snapshot(alice)["records"], snapshot(bob)["records"]
    for key in (KEYS["004"], "005_reply"):  # whole, as Bob has them (the date of 005 corrected by Bob)
        assert {k: v for k, v in mine[key].items() if k != "imported_at"} == {
            k: v for k, v in theirs[key].items() if k != "imported_at"
        }
    reply = alice.record(alice.resolve_id("005"))
    assert reply.date == "1950-05-21" and [link.key for link in reply.links] == [KEYS["004"]]
    edited, tagged = alice.history(reply.id)  # newest first, with Bob's names and times
    assert (edited.label, edited.author, edited.at, edited.reversible) == (
        "Edit date",
        "bob",
        "2025-01-04T09:00:00Z",
        True,
    )
    assert (tagged.label, tagged.reversible) == ("Tag +beta on 2 documents", False)  # it tagged 002 too: merged apart

    both = alice.resolve_id("002")
    notes = sorted((a.author, a.note) for a in alice.document_annotations(both))
    assert notes == [("alice", "who sent him?"), ("bob", "Zhou, the premier")]
    assert alice.document_tags(both) == ["alpha", "beta"]
    assert alice.record(both).summary == "Zhou Enlai passes on Kim Il Sung's questions."
    assert alice.provenance(both)["summary"].author == "bob"
    assert [alice.record(i).key[:3] for i in alice.collection("may").document_ids] == ["000", "002", "004"]

    conflict = alice.resolve_id("003")
    record = alice.record(conflict)
    assert record.title == "Ignatiev reports Kim's talks with Mao"  # Bob's is newer
    assert record.needs_review and "Title: corrected differently in bob.db" in record.review_reasons[-1]
    assert "Ignatiev to Vyshinsky on Kim's talks in Beijing" in record.review_reasons[-1]
    [decision, *_] = alice.history(conflict)
    assert decision.items[0].before == "Ignatiev to Vyshinsky on Kim's talks in Beijing"
    alice.revert(decision.id, "alice")  # the other value is one undo away
    assert alice.record(conflict).title == "Ignatiev to Vyshinsky on Kim's talks in Beijing"


def test_merging_the_other_way_keeps_the_newer_correction_and_the_scan(pair):
    alice, bob = pair
    report = merge_archives(bob, alice.path, "bob")
    assert sorted(e.key[:3] for e in report.added) == ["000", "001", "har"]
    assert [e.key for e in report.conflicting] == [KEYS["003"]]
    assert bob.record(bob.resolve_id("003")).title == "Ignatiev reports Kim's talks with Mao"  # his own, newer
    harbour = bob.resolve_id("harbour")
    pages = bob.scan_pages(harbour)
    assert len(pages) == 3 and bob.record(harbour).has_scan
    assert bob.file_bytes(pages[0].file_id) == alice.file_bytes(
        alice.scan_pages(alice.resolve_id("harbour"))[0].file_id
    )
    [quay] = bob.document_annotations(harbour)
    assert (quay.note, quay.page_id, quay.page_position) == ("the quay", pages[1].id, 1)
    assert bob.search("Dalny").total == 1
    assert [bob.record(i).key[:3] for i in bob.collection("may").document_ids] == ["004", "002", "000"]


def test_merging_twice_changes_nothing_and_both_ways_meet(pair, tmp_path):
    alice, bob = pair
    alice.backup_into(tmp_path / "alice-copy.db")
    bob.backup_into(tmp_path / "bob-copy.db")
    merge_archives(alice, tmp_path / "bob-copy.db", "alice")
    once = snapshot(alice)
    again = merge_archives(alice, tmp_path / "bob-copy.db", "alice")
    assert (again.added, again.updated, again.conflicting, again.collections) == ([], [], [], [])
    assert len(again.skipped) == 4
    assert snapshot(alice) == once

    merge_archives(bob, tmp_path / "alice-copy.db", "bob")
    merge_archives(bob, tmp_path / "alice-copy.db", "bob")
    a, b = snapshot(alice)["records"], snapshot(bob)["records"]
    assert a.keys() == b.keys()
    for key in a:
        assert a[key]["annotations"] == b[key]["annotations"], key
        assert a[key]["tags"] == b[key]["tags"], key
        assert a[key]["title"] == b[key]["title"], key
        assert a[key]["summary"] == b[key]["summary"], key


def test_the_other_archive_is_only_read(pair):
    alice, bob = pair
    bob.close()  # what Bob's laptop wrote is in the file
    assert sorted(p.name for p in bob.path.parent.glob("bob.db*")) == ["bob.db"]
    before = hashlib.sha256(bob.path.read_bytes()).hexdigest()
    merge_archives(alice, bob.path, "alice")
    assert hashlib.sha256(bob.path.read_bytes()).hexdigest() == before
    wal = bob.path.with_name("bob.db-wal")  # SQLite's read-only reader may leave an empty log behind
    assert not wal.exists() or wal.stat().st_size == 0


def test_what_is_not_an_archive_or_is_this_one_is_refused(pair, tmp_path):
    alice, _ = pair
    foreign = tmp_path / "places.sqlite"
    connection = sqlite3.connect(foreign)
    connection.execute("CREATE TABLE moz_places (id INTEGER PRIMARY KEY, url TEXT)")
    connection.commit()
    connection.close()
    untouched = foreign.read_bytes()
    with pytest.raises(ArchiveError, match="not an Archive Viewer archive"):
        merge_archives(alice, foreign, "alice")
    assert foreign.read_bytes() == untouched
    with pytest.raises(ArchiveError, match="the archive itself"):
        merge_archives(alice, alice.path, "alice")
    with pytest.raises(ArchiveError, match="no such archive"):
        merge_archives(alice, tmp_path / "missing.db", "alice")


def test_a_document_deleted_here_is_not_brought_back(pair):
    alice, bob = pair
    alice.delete_documents([alice.resolve_id("002")], "alice")
    report = merge_archives(alice, bob.path, "alice")
    skipped = {e.key: e.details for e in report.skipped}
    assert skipped == {KEYS["002"]: ["deleted here: it is in the trash (restore it to merge it)"]}
    assert alice.match_document(None, None, KEYS["002"]) is None


@pytest.mark.slow
def test_a_killed_merge_leaves_the_archive_before_or_after(tmp_path):
    """The merge runs as the command a user types, killed (SIGKILL) at several moments: the archive is
    then as it was before the merge or as it is after it, whole, never in between."""
    import os
    import signal
    import subprocess
    import sys
    import time

    pages = tmp_path / "pages"
    pages.mkdir()
    text = (SAMPLES / f"{KEYS['004']}.txt").read_text("utf-8")
    for n in range(80):
        (pages / f"{n:03d}_copy.txt").write_text(text.replace("114901", f"9{n:05d}") + f"\n\nCopy {n}.\n", "utf-8")
    with Archive(tmp_path / "other.db") as other:
        assert import_all(other, [pages]).count("imported") == 80
        for document_id in other.document_ids()[::4]:
            ann.Create(ann.highlight_quote(other, document_id, "translation", "Mao Zedong", author="bob")).redo(other)
    with Archive(tmp_path / "pristine.db") as pristine:
        import_all(pristine, [SAMPLES])
    command = [sys.executable, "-m", "viewer.cli", "--db", str(tmp_path / "a.db"), "merge", str(tmp_path / "other.db")]
    environment = {**os.environ, "ARCHIVE_VIEWER_AUTHOR": "alice"}
    outcomes = []
    for delay in (0.0, 0.03, 0.08, 0.15, 0.3, None):  # seconds after the command opened the archive
        remove_archive_files(tmp_path / "a.db")
        shutil.copy(tmp_path / "pristine.db", tmp_path / "a.db")
        process = subprocess.Popen(command, env=environment, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        opened = False
        if delay is not None:
            wal = tmp_path / "a.db-wal"  # made when the command opens the archive for writing
            deadline = time.monotonic() + 60
            while not wal.exists() and process.poll() is None and time.monotonic() < deadline:
                time.sleep(0.002)
            time.sleep(delay)
            opened = wal.exists() and process.poll() is None
            process.send_signal(signal.SIGKILL)
        process.wait(timeout=120)
        with Archive(tmp_path / "a.db") as archive:
            count, annotations = archive.count(), archive.stats()["annotations"]
            assert (count, annotations) in ((5, 0), (85, 20)), (delay, count, annotations)
            assert archive.check().ok, delay
            outcomes.append((process.returncode, count, opened))
    assert outcomes[-1] == (0, 85, False)
    assert (-signal.SIGKILL, 5, True) in outcomes[:-1], outcomes  # a kill landed while the merge was under way
