"""Every field of ../shared/seeds/EXPECTED.md, read from the five seed files by the real importer."""

from __future__ import annotations

import pytest

KEYS = {
    "000": "000_0f4d882c8d8fa40e",
    "001": "001_56bc44923964e047",
    "002": "002_17641bb20539a64a",
    "003": "003_8eea2ab9ee4e7676",
    "004": "004_b1a35747eb61871d",
}

EXPECTED = {
    "000": {
        "date": "1950-05-13",
        "title": "Cable from Roshchin to Stalin, Relaying Mao's Request for Clarification on North Korea "
        "Taking Action Against South Korea",
        "sender": "Roshchin",
        "recipient": "Stalin",
        "original_language": "Russian",
        "texts": [("translation", "en")],
        "classification": None,
        "reference_numbers": [],
        "source": "Russian Presidential Archives",
        "url": "digitalarchive.wilsoncenter.org/document/115977",
        "summary": "The telegram relays a request from Mao",
    },
    "001": {
        "date": "1950-05-14",
        "title": "Ciphered Telegram No. 8600, Vyshinsky to Mao Zedong",
        "sender": "Vyshinsky",
        "recipient": "Mao Zedong",
        "original_language": None,
        "texts": [("translation", "en")],
        "classification": "Top Secret",
        "reference_numbers": ["No. 8600", "Special no. 550"],
        "source": None,
        "url": None,
        "summary": "The cable contains Stalin’s personal response",
    },
    "002": {
        "date": "1950-10-13",
        "title": "Ciphered Telegram, Roshchin to Filippov (Stalin)",
        "sender": "Roshchin",
        "recipient": "Stalin",
        "original_language": None,
        "texts": [("translation", "en")],
        "classification": None,
        "reference_numbers": ["No. 25629", "No. 2406", "incoming No. 25612", "No. 2408"],
        "source": "APRF, fond 45, opis 1, delo 335, listy 1-2",
        "url": None,
        "summary": "Message to Stalin from Roshchin relaying",
    },
    "003": {
        "date": "1950-04-10",
        "title": "Ciphered telegram, Soviet Representative Aleksei Ignatieff in Pyongyang to Vyshinsky",
        "sender": "Aleksei Ignatieff",
        "recipient": "Vyshinsky",
        "original_language": None,
        "texts": [("translation", "en")],
        "classification": "Strictly Secret",
        "reference_numbers": [],
        "source": "APRF, Listy 148-149, Fond and Opis not given; and AVP RF, Fond 059a, Opis 5a, Delo 3, "
        "Papka 11, Listy 98-99",
        "url": None,
        "summary": "In a discussion between Mao Zedong and Ri Ju-yeon",
    },
    "004": {
        "date": "1950-05-16",
        "title": "Telegram, Filippov [Stalin] to Mao Zedong via the Soviet ambassador",
        "sender": "Stalin",
        "recipient": "Mao Zedong",
        "original_language": "Russian",
        "texts": [("transcript", "ru"), ("translation", "en")],
        "classification": "Top Secret (СОВ. СЕКРЕТНО)",
        "reference_numbers": ["Исход. № 8691", "Спец. № 556", "На № 812"],
        "source": "RGASPI, F. 588, Op. 11, D. 334, p. 57",
        "url": "digitalarchive.umd.edu/document/114901",
        "summary": "Stalin notifies Mao Zedong that he believes",
    },
}


def record(archive, seed: str) -> dict:
    document_id = archive.resolve_id(seed)
    assert document_id is not None
    result = archive.record(document_id)
    assert result is not None and result.key == KEYS[seed]
    return result.as_json()


@pytest.mark.parametrize("seed", sorted(EXPECTED))
def test_every_expected_field(seeded, seed):
    expected = EXPECTED[seed]
    got = record(seeded, seed)
    assert got["date"] == expected["date"]
    assert got["date_precision"] == "day"
    assert got["title"] == expected["title"]
    assert got["sender"] == expected["sender"]
    assert got["recipient"] == expected["recipient"]
    assert got["original_language"] == expected["original_language"]
    assert [(t["kind"], t["language"]) for t in got["texts"]] == expected["texts"]
    assert got["classification"] == expected["classification"]
    assert got["reference_numbers"] == expected["reference_numbers"]
    assert got["source"] == expected["source"]
    if expected["url"]:
        assert got["url"].split("://", 1)[1] == expected["url"]
    else:
        assert got["url"] is None
    assert got["summary"].startswith(expected["summary"])
    assert not got["needs_review"], got["review_reasons"]


def test_001_skips_the_related_summary_and_empty_labels(seeded):
    got = record(seeded, "001")
    body = got["texts"][0]["body"]
    assert body.startswith("MFA USSR")
    assert body.rstrip().endswith("5. Comr. Copy")
    assert "The telegram relays a request" not in body
    assert got["type"] == "Ciphered telegram"  # from the title: the "Type" label is empty
    assert got["record_id"] is None
    report = seeded.conn.execute("SELECT report FROM imports WHERE document_id = ?", (got["id"],)).fetchone()[0]
    assert "a related document's summary" in report
    assert "empty label “Record ID”" in report
    assert "empty label “Type”" in report


def test_000_credits_citation_and_footnote(seeded):
    got = record(seeded, "000")
    assert got["citation"].startswith("“Cable from Roshchin to Stalin")
    assert "Given by Russian President Boris Yeltsin" in got["citation"]
    assert got["credits"].startswith("This document was made possible")
    assert got["contents"] == ["English Translation"]
    body = got["texts"][0]["body"]
    assert body.startswith("Making copies is forbidden")
    assert body.rstrip().endswith("to South Korea.]")
    assert got["date_as_written"] == "May 13, 1950"


def test_002_and_003_boilerplate_is_set_aside(seeded):
    for seed in ("002", "003"):
        got = record(seeded, seed)
        body = got["texts"][0]["body"]
        assert "Skip to content" not in body
        assert "welcomes reuse" not in body
        assert "Record ID" not in body
        assert got["summary"] not in body
        assert got["rights"].startswith("The History and Public Policy Program welcomes reuse")


def test_003_archival_references_in_parts(seeded):
    got = record(seeded, "003")
    refs = got["archival_refs"]
    assert [r["archive"] for r in refs] == ["APRF", "AVP RF"]
    assert refs[0]["listy"] == "148-149" and refs[0]["fond"] is None
    assert (refs[1]["fond"], refs[1]["opis"], refs[1]["delo"], refs[1]["papka"], refs[1]["listy"]) == (
        "059a",
        "5a",
        "3",
        "11",
        "98-99",
    )
    assert any(
        p["name"] == "Aleksei Ignatieff" and p["role"] == "signatory" and p["as_written"] == "IGNATIEV"
        for p in got["people"]
    )


def test_004_splits_russian_from_english(seeded):
    got = record(seeded, "004")
    transcript, translation = got["texts"]
    assert transcript["body"].startswith("МИД СССР")
    assert "Сообщите Мао Цзе-дуну" in transcript["body"]
    assert "Сообщите Мао Цзэдуну" in transcript["body"]  # the retyped copy is kept too
    assert "Inform Mao Zedong" not in transcript["body"]
    assert translation["body"].startswith("Top Secret")
    assert "Inform Mao Zedong" in translation["body"]
    assert "Сообщите" not in translation["body"]
    assert got["contents"] == ["Original Scan", "Transcript - Russian", "Translation - English"]
    archival = got["archival_refs"][0]
    assert (archival["archive"], archival["fond"], archival["opis"], archival["delo"], archival["listy"]) == (
        "RGASPI",
        "588",
        "11",
        "334",
        "57",
    )
    signatories = {p["name"] for p in got["people"] if p["role"] == "signatory"}
    assert signatories == {"Stalin", "Vyshinsky"}  # Filippov signs; A. Vyshinsky sends it


def test_reply_and_continuation_links(seeded):
    reply = [link for link in record(seeded, "001")["links"] if link["relation"] == "reply_to"]
    assert [link["key"] for link in reply] == [KEYS["000"]]
    assert reply[0]["evidence"] == "response to Mao's 13 May telegram"
    replied_by = [link for link in record(seeded, "000")["links"] if link["label"] == "replied by"]
    assert [link["key"] for link in replied_by] == [KEYS["001"]]
    continues = record(seeded, "002")["links"]
    assert [(link["label"], link["document_id"], link["unresolved"]) for link in continues] == [
        ("continues", None, "2406")
    ]
    answers = record(seeded, "004")["links"]
    assert [(link["label"], link["document_id"], link["unresolved"]) for link in answers] == [("reply to", None, "812")]


def test_filippov_is_stalin(seeded):
    for seed in ("000", "002", "004"):
        stalin = [p for p in record(seeded, seed)["people"] if p["name"] == "Stalin"]
        assert stalin, seed
        assert "Filippov" in stalin[0]["aliases"]
