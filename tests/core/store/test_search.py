"""Search as an archivist uses it: aliases, transliterations, OCR slips, stems, CJK inside runs."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from viewer.core.importers.batch import import_all
from viewer.core.store import Filters


def keys(result) -> list[str]:
    return sorted(hit.key[:3] for hit in result.hits)


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("Filippov", ["000", "001", "002", "004"]),
        ("Stalin", ["000", "001", "002", "004"]),
        ("Вышинский", ["001", "003", "004"]),
        ("Vyshinsky", ["001", "003", "004"]),
        ("ВЬШИНСКИЙ", ["001", "003", "004"]),
        ("объединение", ["004"]),
        ("Ignatiev", ["003"]),
        ('"Kim Il Sung"', ["000", "003"]),
        ("Pyongyang", ["003"]),
        ("Mao -Vyshinsky", ["000", "002"]),
        ("Syngman OR Shtykov", ["002", "003"]),
        ("echel*", ["002"]),
        ("8691", ["004"]),
        ("APRF", ["002", "003"]),
    ],
)
def test_seed_searches(seeded, query, expected):
    result = seeded.search(query)
    assert keys(result) == expected
    assert result.total == len(expected)


def test_snippets_mark_the_hit(seeded):
    result = seeded.search("Вышинский")
    snippets = {hit.key[:3]: hit.snippet for hit in result.hits}
    assert "\x02" in snippets["004"] and "\x03" in snippets["004"]
    assert "\x02Vyshinsky\x03" in snippets["001"] or "\x02VYSHINSKY\x03" in snippets["001"]


def test_stems_cross_languages(seeded):
    assert seeded.search("telegrams").total == 5
    assert seeded.search("телеграмма").total == 5
    assert "004" in keys(seeded.search("объединения"))


def test_alias_search_finds_a_document_that_names_only_the_code_name(tmp_path: Path, archive):
    note = tmp_path / "note.txt"
    note.write_text("Cable to comrade Filippov\n\n12 June 1950\n\nFilippov agrees with the plan.\n", "utf-8")
    import_all(archive, [note])
    assert [hit.title for hit in archive.search("Stalin").hits] == ["Cable to comrade Filippov"]
    assert archive.search("Сталин").total == 1


def test_learned_code_name(tmp_path: Path, archive):
    page = tmp_path / "fynsi.txt"
    page.write_text(
        "June 1, 1950\n\nTelegram, Fynsi [Stalin] to Mao Zedong\n\nComrade Fynsi agrees.\n\nFynsi [Stalin]\n",
        "utf-8",
    )
    other = tmp_path / "later.txt"
    other.write_text("June 2, 1950\n\nNote about Fynsi\n\nFynsi has not replied.\n", "utf-8")
    import_all(archive, [page])
    import_all(archive, [other])
    # the second file names only the code name the first one taught the archive
    assert sorted(hit.title for hit in archive.search("Stalin").hits) == [
        "Note about Fynsi",
        "Telegram, Fynsi [Stalin] to Mao Zedong",
    ]


def test_chinese_and_korean_names_inside_longer_runs(tmp_path: Path, archive):
    (tmp_path / "zh.txt").write_text("1950年5月13日\n\n毛泽东主席致电斯大林同志关于朝鲜问题\n", "utf-8")
    (tmp_path / "ko.txt").write_text("1950년\n\n김일성은 평양에서 연설하였다\n", "utf-8")
    import_all(archive, [tmp_path])
    assert archive.search("泽东").total == 1
    assert archive.search("斯大林").total == 1
    assert archive.search("일성").total == 1
    assert archive.search("평양").total == 1
    hit = archive.search("斯大林").hits[0]
    assert "\x02斯大林\x03" in hit.snippet


def test_search_with_filters(seeded):
    russian = seeded.search("Mao", Filters(language="Russian"))
    assert keys(russian) == ["000", "004"]
    may = seeded.search("Mao", Filters(date_from=date(1950, 5, 1), date_to=date(1950, 5, 31)))
    assert keys(may) == ["000", "001", "004"]


def test_queries_that_hold_nothing(seeded):
    assert seeded.search("").total == 0
    assert seeded.search('" "').total == 0
    assert seeded.search("***").total == 0
    assert seeded.search("zzzzqqq").total == 0


def test_a_word_in_too_many_documents_is_not_ranked_but_still_listed(tmp_path: Path, archive):
    from viewer.core.store import RANK_LIMIT

    folder = tmp_path / "many"
    folder.mkdir()
    for number in range(RANK_LIMIT + 50):
        (folder / f"n{number:05d}.txt").write_text(
            f"Note {number} on the railway\n\n{1 + number % 28} March 1951\n\nThe railway question, part {number}.\n",
            "utf-8",
        )
    summary = import_all(archive, [folder])
    assert summary.count("imported") == RANK_LIMIT + 50
    common = archive.search("railway")
    assert (common.total, common.total_exact, common.ranked) == (RANK_LIMIT, False, False)
    assert len(common.hits) == 100
    assert all("\x02railway\x03" in hit.snippet.lower() or "\x02Railway\x03" in hit.snippet for hit in common.hits)
    assert archive.count(Filters(query="railway")) == RANK_LIMIT + 50  # the list counts them all
    rare = archive.search('"part 1049"')
    assert (rare.total, rare.total_exact, rare.ranked) == (1, True, True)
