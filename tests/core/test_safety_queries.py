"""Long queries never overflow the full-text parser: the CLI, the store's selection (the window's list,
facets and timeline, the kiosk) and the ranked search all answer, with the same meaning as a short query."""

from __future__ import annotations

import shutil

import pytest
from click.testing import CliRunner

from viewer.cli import main
from viewer.core.search_query import MAX_PARTS, notice
from viewer.core.store import Archive, Filters

from ..conftest import ROOT


@pytest.fixture
def archive(tmp_path):
    path = tmp_path / "archive.db"
    shutil.copy(ROOT / "archive.db", path)
    with Archive(path) as opened:
        yield opened


def _or(words: int) -> str:
    return "Filippov OR Vyshinsky OR " + " OR ".join(f"zzmissing{n}" for n in range(words))


def _not(words: int) -> str:
    return "Stalin " + " ".join(f"-zzmissing{n}" for n in range(words))


@pytest.mark.parametrize(
    ("query", "same_as"),
    [
        (_or(97), "Filippov OR Vyshinsky"),
        (_or(150), "Filippov OR Vyshinsky"),
        (_not(95), "Stalin"),
        (_not(150), "Stalin"),
        ("Mao " + " ".join(f"-zzmissing{n} OR zzother{n}" for n in range(60)), "Mao"),
    ],
    ids=["97 OR", "150 OR", "95 NOT", "150 NOT", "mixed"],
)
def test_long_queries_mean_what_short_ones_do(archive, query, same_as):
    expected = archive.search(same_as).total
    assert expected > 0
    assert archive.search(query).total == expected
    filters = Filters(query=query)
    assert archive.count(filters) == expected  # the window's list and the kiosk
    assert archive.facet_counts("language", filters) == archive.facet_counts("language", Filters(query=same_as))
    assert len(archive.page(filters)) == expected


def test_a_very_long_query_is_shortened_and_says_so(archive):
    words = " ".join(f"zzmissing{n}" for n in range(MAX_PARTS + 50))
    query = "Stalin " + " OR ".join(f"-x{n}" for n in range(3)) + " " + words
    message = notice(query)
    assert message is not None and str(MAX_PARTS) in message
    assert notice("Stalin Mao") is None
    archive.search(query)  # answers (nothing matches all those words), never raises
    archive.count(Filters(query=query))


def test_the_command_line_answers_a_long_query(tmp_path):
    path = tmp_path / "archive.db"
    shutil.copy(ROOT / "archive.db", path)
    runner = CliRunner()
    result = runner.invoke(main, ["--db", str(path), "search", _or(120)])
    assert result.exit_code == 0, result.output
    assert result.output.startswith(
        f"{runner.invoke(main, ['--db', str(path), 'search', 'Filippov OR Vyshinsky']).output.split()[0]} "
    )
    long = " ".join(f"zzmissing{n}" for n in range(MAX_PARTS + 1))
    result = runner.invoke(main, ["--db", str(path), "search", long])
    assert result.exit_code == 0, result.output
    assert f"first {MAX_PARTS}" in result.output
