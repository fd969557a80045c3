"""The archive's date span (the timeline's whole view as the window opens), read on indexes."""

from __future__ import annotations


def test_the_span_is_the_first_start_and_the_last_end(seeded):
    def truth():
        return seeded.conn.execute("SELECT min(date_start), max(date_end) FROM documents").fetchone()

    assert seeded.date_span() == tuple(truth())
    first = seeded.resolve_id("000")
    seeded.correct(first, {"date": "1953"}, "t")  # a year: it ends on the year's last day, after every other
    assert seeded.date_span() == tuple(truth()) and seeded.date_span()[1] == "1953-12-31"
    plan = " ".join(row[3] for row in seeded.conn.execute("EXPLAIN QUERY PLAN SELECT max(date_end) FROM documents"))
    assert "documents_date_end" in plan  # not a read of every document (0.27 s at a million)


def test_an_archive_without_dates_has_no_span(archive):
    assert archive.date_span() == (None, None)
