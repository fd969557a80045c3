"""Publishing read-only with Datasette (issue 14): the copy and its metadata, then a real Datasette on a
free local port answering a full-text search and canned queries through its JSON API."""

from __future__ import annotations

import importlib.util
import json
import socket
import subprocess
import time
import urllib.error
import urllib.parse
import urllib.request

import pytest

from viewer.core import annotations as ann
from viewer.core.errors import ArchiveError
from viewer.core.importers.batch import import_all
from viewer.core.publish import publish
from viewer.core.store import Archive

needs_datasette = pytest.mark.skipif(
    importlib.util.find_spec("datasette") is None, reason="Datasette is not installed (pip install -e '.[publish]')"
)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def get(port: int, path: str, **params: str):
    query = urllib.parse.urlencode({**params, "_shape": "array"})
    with urllib.request.urlopen(f"http://127.0.0.1:{port}{path}?{query}", timeout=10) as answer:
        return json.load(answer)


@pytest.fixture
def published(seeded, tmp_path):
    made = ann.highlight_quote(
        seeded, seeded.resolve_id("001"), "translation", "Korean comrades", note="who?", author="teacher"
    )
    ann.Create(made).redo(seeded)
    gone = tmp_path / "gone.txt"
    gone.write_text("June 1, 1950\n\nA page deleted before publishing\n\nNothing to see.\n", "utf-8")
    import_all(seeded, [gone])
    seeded.delete_documents([seeded.resolve_id("gone")], "alice")
    return publish(seeded, tmp_path / "site")


def test_publish_writes_a_copy_without_the_trash_and_metadata_for_datasette(published, seeded, tmp_path):
    assert sorted(p.name for p in published.folder.iterdir()) == ["README.txt", "archive.db", "metadata.json"]
    metadata = json.loads(published.metadata.read_text("utf-8"))
    database = metadata["databases"]["archive"]
    documents = database["tables"]["documents"]
    assert (documents["fts_table"], documents["fts_pk"]) == ("search", "id")
    assert "doc_type" in documents["facets"] and database["tables"]["trash"] == {"hidden": True}
    assert {"documents_by_person", "replies_to_document"} <= set(database["queries"])
    with Archive(published.database, readonly=True) as copy:
        assert copy.count() == 5 and copy.trash() == []
        assert {copy.record(i).source_file for i in copy.document_ids()} == {
            copy.document_row(i).source_path for i in copy.document_ids()
        }  # no folder of anyone's machine
        assert copy.stats()["annotations"] == 1
    with pytest.raises(ArchiveError, match="exists already"):
        publish(seeded, tmp_path / "site")
    assert publish(seeded, tmp_path / "site", replace=True).documents == 5


@needs_datasette
@pytest.mark.slow
def test_datasette_serves_the_archive_with_search_and_canned_queries(published):
    port = free_port()
    server = subprocess.Popen(published.serve_command(port), stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                versions = get(port, "/-/versions.json")
                break
            except (urllib.error.URLError, ConnectionError):
                assert server.poll() is None, server.stderr.read().decode() if server.stderr else ""
                assert time.monotonic() < deadline, "Datasette did not start"
                time.sleep(0.2)
        assert versions  # a real Datasette answered

        found = get(port, "/archive/documents.json", _search="Vyshinsky", _sort="key")
        assert [row["key"][:3] for row in found] == ["001", "003", "004"]
        transliterated = get(port, "/archive/documents.json", _search="Филиппов", _sort="key")
        assert [row["key"][:3] for row in transliterated] == ["004"]

        by_person = get(port, "/archive/documents_by_person.json", name="Filippov")  # Stalin's code name
        assert {(row["key"][:3], row["role"]) for row in by_person} >= {("004", "sender"), ("000", "recipient")}
        assert {row["person"] for row in by_person} == {"Stalin"}
        replies = get(port, "/archive/replies_to_document.json", key="000")
        assert [(row["key"][:3], row["evidence"]) for row in replies] == [("001", "response to Mao's 13 May telegram")]
        notes = get(port, "/archive/annotations_of_document.json", key="001")
        assert [(row["quote"], row["note"], row["author"]) for row in notes] == [("Korean comrades", "who?", "teacher")]

        request = urllib.request.Request(
            f"http://127.0.0.1:{port}/archive/-/query", data=b"sql=DELETE+FROM+documents", method="POST"
        )
        with pytest.raises(urllib.error.HTTPError):
            urllib.request.urlopen(request, timeout=10)  # read-only: nothing writes
    finally:
        server.terminate()
        server.wait(timeout=30)
    with Archive(published.database, readonly=True) as copy:
        assert copy.count() == 5


def test_publish_command_says_how_to_install_datasette_when_it_is_missing(seeded, tmp_path, monkeypatch):
    from click.testing import CliRunner

    from viewer.cli import main

    monkeypatch.setattr("viewer.core.publish.datasette_available", lambda: False)
    seeded.close()
    runner = CliRunner()
    result = runner.invoke(main, ["--db", str(seeded.path), "publish", str(tmp_path / "out"), "--serve"])
    assert result.exit_code == 2
    assert "Datasette is not installed; install it with: pip install -e '.[publish]'" in result.output
    result = runner.invoke(main, ["--db", str(seeded.path), "publish", str(tmp_path / "out")])
    assert result.exit_code == 0, result.output
    assert "first install Datasette: pip install -e '.[publish]'" in result.output


def test_publish_refuses_a_file_for_a_folder(seeded, tmp_path):
    (tmp_path / "taken").write_text("x")
    with pytest.raises(ArchiveError, match="is a file"):
        publish(seeded, tmp_path / "taken")
