"""Formatted citations of the five seeds, checked against citations written by hand from the seeds'
metadata as a Chicago note (and bibliography entry) reads: sender, “title,” genre to recipient,
date, location in the archive, archive, address. The names are the archive's canonical names as
written (``Aleksei Ignatieff``): it does not know given from family names, so none is inverted."""

from __future__ import annotations

from dataclasses import replace

import pytest

from viewer.core.exporters import STYLES, CitationError, cite

CHICAGO_NOTES = {
    "000": "Roshchin, “Cable from Roshchin to Stalin, Relaying Mao's Request for Clarification on North Korea "
    "Taking Action Against South Korea,” cable to Stalin, May 13, 1950, Russian Presidential Archives, "
    "http://digitalarchive.wilsoncenter.org/document/115977.",
    "001": "Vyshinsky, “Ciphered Telegram No. 8600, Vyshinsky to Mao Zedong,” ciphered telegram to Mao Zedong, "
    "May 14, 1950.",
    "002": "Roshchin, “Ciphered Telegram, Roshchin to Filippov (Stalin),” ciphered telegram to Stalin, "
    "October 13, 1950, fond 45, opis 1, delo 335, listy 1-2, APRF.",
    "003": "Aleksei Ignatieff, “Ciphered Telegram, Soviet Representative Aleksei Ignatieff in Pyongyang to "
    "Vyshinsky,” ciphered telegram to Vyshinsky, April 10, 1950, listy 148-149, APRF.",
    "004": "Stalin, “Telegram, Filippov [Stalin] to Mao Zedong via the Soviet Ambassador,” telegram to Mao Zedong, "
    "May 16, 1950, fond 588, opis 11, delo 334, list 57, RGASPI, https://digitalarchive.umd.edu/document/114901.",
}
CHICAGO_BIBLIOGRAPHY = {
    "000": "Roshchin. “Cable from Roshchin to Stalin, Relaying Mao's Request for Clarification on North Korea "
    "Taking Action Against South Korea.” Cable to Stalin. May 13, 1950. Russian Presidential Archives. "
    "http://digitalarchive.wilsoncenter.org/document/115977.",
    # Chicago lists nothing unpublished without a repository or an address: the note stands in
    "001": CHICAGO_NOTES["001"],
    "002": "Roshchin. “Ciphered Telegram, Roshchin to Filippov (Stalin).” Ciphered telegram to Stalin. "
    "October 13, 1950. Fond 45, opis 1, delo 335, listy 1-2. APRF.",
    "003": "Aleksei Ignatieff. “Ciphered Telegram, Soviet Representative Aleksei Ignatieff in Pyongyang to "
    "Vyshinsky.” Ciphered telegram to Vyshinsky. April 10, 1950. Listy 148-149. APRF.",
    "004": "Stalin. “Telegram, Filippov [Stalin] to Mao Zedong via the Soviet Ambassador.” Telegram to Mao Zedong. "
    "May 16, 1950. Fond 588, opis 11, delo 334, list 57. RGASPI. https://digitalarchive.umd.edu/document/114901.",
}


def record(archive, prefix: str):
    found = archive.resolve_id(prefix)
    assert found is not None
    return archive.record(found)


@pytest.mark.parametrize("prefix", sorted(CHICAGO_NOTES))
def test_chicago_note_of_each_seed(seeded, prefix):
    assert cite(record(seeded, prefix), "chicago-note") == CHICAGO_NOTES[prefix]


@pytest.mark.parametrize("prefix", sorted(CHICAGO_BIBLIOGRAPHY))
def test_chicago_bibliography_entry_of_each_seed(seeded, prefix):
    assert cite(record(seeded, prefix), "chicago-bibliography") == CHICAGO_BIBLIOGRAPHY[prefix]


def test_apa_and_mla_render_through_the_same_processor(seeded):
    assert cite(record(seeded, "004"), "apa") == (
        "Stalin. (1950, May 16). Telegram, Filippov [Stalin] to Mao Zedong via the Soviet ambassador "
        "[Telegram to Mao Zedong]. RGASPI (fond 588, opis 11, delo 334, list 57). "
        "https://digitalarchive.umd.edu/document/114901"
    )
    assert cite(record(seeded, "002"), "mla") == (
        "Roshchin. “Ciphered Telegram, Roshchin to Filippov (Stalin).” Ciphered telegram. 13 Oct. 1950, APRF, "
        "fond 45, opis 1, delo 335, listy 1-2."
    )
    # APA lists no personal communication: an unarchived telegram is given as a manuscript
    assert cite(record(seeded, "001"), "apa") == (
        "Vyshinsky. (1950). Ciphered Telegram No. 8600, Vyshinsky to Mao Zedong [Ciphered telegram to Mao Zedong]."
    )


def test_a_date_cited_at_its_precision_and_an_unknown_one_as_no_date(seeded):
    telegram = record(seeded, "002")
    month = replace(telegram, date="1950-10-01", date_end="1950-10-31", date_precision="month")
    undated = replace(telegram, date=None, date_end=None, date_precision="unknown")
    assert ",” ciphered telegram to Stalin, October 1950, fond 45," in cite(month)
    assert ",” ciphered telegram to Stalin, n.d., fond 45," in cite(undated)


def test_a_document_without_author_gives_its_title_once(seeded):
    anonymous = replace(record(seeded, "002"), people=[])
    assert cite(anonymous, "chicago-bibliography") == (
        "“Ciphered Telegram, Roshchin to Filippov (Stalin).” Ciphered telegram. October 13, 1950. "
        "Fond 45, opis 1, delo 335, listy 1-2. APRF."
    )
    assert cite(anonymous, "apa") == (
        "Ciphered Telegram, Roshchin to Filippov (Stalin). (1950). [Ciphered telegram]. "
        "APRF (fond 45, opis 1, delo 335, listy 1-2)."
    )


def test_unknown_style_is_refused_and_every_listed_style_renders(seeded):
    with pytest.raises(CitationError, match="chicago-note"):
        cite(record(seeded, "000"), "harvard-1")
    for name in STYLES:
        assert cite(record(seeded, "000"), name).startswith("Roshchin")
