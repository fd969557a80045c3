"""The importer on real pages nobody here wrote, scored field by field against hand-written truth.

tests/data/real holds the text of 50 public pages (the archive's own document pages, mirrors of
it, re-hosted PDF exports, reposts in Russian, Chinese and Korean) and truth.toml what a reader
wrote down for each. ``python -m tests.core.importers.score_real`` prints the table and every miss.
"""

from __future__ import annotations

import tomllib
from pathlib import Path

from viewer.core.importers import labels, page
from viewer.core.importers.page import parse_page

from .score_real import TARGETS, below_target, score, table

REAL = Path(__file__).resolve().parents[2] / "data" / "real"


def test_the_set_is_real_and_whole():
    truth = tomllib.loads((REAL / "truth.toml").read_text("utf-8"))["page"]
    files = {path.name for path in REAL.glob("*.txt")}
    assert len(truth) >= 40
    assert {page["file"] for page in truth} == files
    assert all(page["source"].startswith("http") for page in truth)
    assert {page["language"] for page in truth} >= {"Russian", "Chinese", "Korean", ""}


def test_every_field_meets_its_target(tmp_path: Path):
    rows = score(REAL, REAL / "truth.toml", tmp_path / "real.db")
    assert rows["title"].total == 50
    assert not below_target(rows), table(rows)
    assert set(rows) == set(TARGETS)


def test_a_heading_misdating_its_document_is_kept_and_flagged(tmp_path: Path):
    page = (REAL / "ko_nkd_kim_stalin_1948.txt").read_text("utf-8")
    parsed = parse_page(page, "kim")
    assert parsed.date.start == "1948-10-22"
    assert parsed.extra["date in the text"] == "22 September 1948"
    assert any(reason.startswith("date:") for reason in parsed.review_reasons)
    assert parsed.original_language is None  # the poster's Korean around an English document


def test_the_report_says_where_the_title_came_from():
    parsed = parse_page((REAL / "docslib_mao_liu_1950_01_13.txt").read_text("utf-8"), "doc")
    assert parsed.report.recognised["title from"] == "line 1, after the date on it"
    assert ("document-sharing site", "Total Page:16") in parsed.report.set_aside
    assert parsed.original_language == "Chinese" and parsed.url.endswith("/document/112674")


class CountedLines(list):
    """A page's lines that count every line read from them, one by one, by iteration or by slice
    (copying the lines after a label for each blank line was what made reading quadratic)."""

    read = 0

    def __getitem__(self, item):  # type: ignore[override]
        CountedLines.read += len(range(*item.indices(len(self)))) if isinstance(item, slice) else 1
        return super().__getitem__(item)

    def __iter__(self):
        for line in super().__iter__():
            CountedLines.read += 1
            yield line


def test_a_page_with_blank_lines_in_its_labels_is_read_in_linear_work(monkeypatch):
    """Reading a label's value was quadratic in the lines after it (a 1 MB page took 14 s, 4 MB
    186 s). The work is counted, not timed: the label reader's line reads and the label checks
    stay a few per line, and four times the page costs four times the work."""
    block = (
        "Citation:\n\n\n\nA citation\n\n\n\nSummary:\n\n\n\nA summary.\n\n\n\nAssociated Topics\n\n\n\nA topic\n\n\n\n"
    )
    checks = [0]
    as_counted: dict[int, CountedLines] = {}

    def take(lines, ahead, index, mode, inline):
        counted = as_counted.setdefault(id(lines), CountedLines(lines))  # made once per page
        return real_take(counted, ahead, index, mode, inline)

    def next_nonblank(lines):
        return real_next_nonblank(as_counted.setdefault(id(lines), CountedLines(lines)))

    def label_of(line):
        checks[0] += 1
        return real_label_of(line)

    real_take, real_next_nonblank, real_label_of = labels.take, labels.next_nonblank, labels.label_of
    monkeypatch.setattr(page, "take", take)
    monkeypatch.setattr(page, "next_nonblank", next_nonblank)
    monkeypatch.setattr(page, "label_of", label_of)
    monkeypatch.setattr(labels, "label_of", label_of)

    def work(blocks: int) -> tuple[int, int, int]:
        CountedLines.read, checks[0] = 0, 0
        as_counted.clear()
        text = "May 13, 1950\n\nA title\n\n" + block * blocks
        parsed = page.parse_page(text, "big")
        assert parsed.title == "A title" and parsed.date.start == "1950-05-13"
        assert (parsed.summary or "").startswith("A summary.")
        lines = len(next(iter(as_counted.values())))
        return CountedLines.read, checks[0], lines

    one = work(500)
    four = work(2000)
    for read, checked, lines in (one, four):
        assert read <= 4 * lines, (read, lines)  # each line read a bounded number of times
        assert checked <= 3 * lines, (checked, lines)
    assert four[0] <= 4.2 * one[0] and four[1] <= 4.2 * one[1], (one, four)  # linear in the page
