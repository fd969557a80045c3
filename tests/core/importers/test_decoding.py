"""Text that is not misread: a stray byte in UTF-8 is marked, not a reason to read the whole file as
KOI8-R; a legacy encoding is chosen only when the text reads as natural language in it."""

from __future__ import annotations

import random
import re

import pytest

from viewer.core.errors import ImportRefused
from viewer.core.importers.decode import _holds_letters, decode
from viewer.core.importers.text import parse_text_file

RUSSIAN = (
    "Строго секретно. Шифртелеграмма из Пекина товарищу Филиппову. Мао Цзэдун согласен с мнением "
    "о положении на фронте и просит сообщить о решении как можно скорее.\n"
) * 6
FRENCH = "Le télégramme chiffré est arrivé à Pékin ; la réponse était prévue pour le lendemain, à l'aube.\n" * 6
GERMAN = "Die Übergabe der Nachricht an Genosse Müller wurde für Dienstag geplant, schließlich ohne Verzögerung.\n" * 6


def test_one_stray_byte_in_utf8_is_marked_not_a_reason_to_misread_the_rest():
    data = RUSSIAN.encode("utf-8")
    cut = data.index("Филиппову".encode())
    text, encoding = decode(data[:cut] + b"\xff" + data[cut:])
    assert "Строго секретно" in text and "Филиппову" in text
    assert text.count("\ufffd") == 1
    assert encoding.startswith("utf-8") and "not UTF-8" in encoding


def test_a_stray_byte_flags_the_document_for_review(tmp_path):
    data = ("May 16, 1950\n\nA telegram\n\n" + RUSSIAN).encode("utf-8")
    path = tmp_path / "stray.txt"
    parsed = parse_text_file(data.replace("Пекина".encode(), "Пек".encode() + b"\xc3" + "ина".encode()), path)
    assert parsed.needs_review
    assert any("not UTF-8" in reason for reason in parsed.review_reasons)
    assert any("Строго секретно" in text.body for text in parsed.texts)


@pytest.mark.parametrize(
    ("text", "encoding"),
    [(FRENCH, "latin-1"), (GERMAN, "latin-1"), (FRENCH, "cp1252"), (RUSSIAN, "cp1251"), (RUSSIAN, "koi8_r")],
)
def test_a_legacy_encoding_is_the_one_the_text_reads_naturally_in(text, encoding):
    decoded, chosen = decode(text.encode(encoding))
    assert decoded == text, chosen


def test_bytes_that_read_naturally_in_no_encoding_are_marked_and_flagged():
    garbled = bytes([0xD7, 0xD8, 0xD9, 0xDE, 0xDF, 0xDC, 0x20]) * 8  # no language's words in any encoding
    data = b"Report of 12 May 1950: " + garbled + b" end of the report.\n" * 40
    text, encoding = decode(data)
    assert "Report of 12 May 1950" in text and "\ufffd" in text
    assert "not UTF-8" in encoding


def test_a_clean_file_is_not_flagged(tmp_path):
    parsed = parse_text_file(("May 16, 1950\n\nA telegram\n\n" + RUSSIAN).encode("utf-8"), tmp_path / "ok.txt")
    assert not any("not UTF-8" in reason for reason in parsed.review_reasons)
    assert decode(RUSSIAN.encode("utf-8")) == (RUSSIAN, "utf-8")


def test_letters_are_counted_as_the_word_pattern_counts_them_whichever_part_decides():
    """A file is refused when it holds too few letters; its ASCII letters are counted first and the
    others only when those are too few: the answer is the count of [^\\W\\d_] either way."""
    rng = random.Random(16)
    pieces = ["a", "Z", "7", "_", " ", "\n", ".", "я", "Ё", "中", "١", "ß", "\u0301", "\ufffd", "\ud800", "ⅷ", "ǅ"]
    for _ in range(3000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 40)))
        letters = len(re.findall(r"[^\W\d_]", text))
        for needed in (1, letters - 1, letters, letters + 1):
            assert _holds_letters(text, needed) == (letters >= needed), (text, needed)
    assert decode("Stalin \u0421\u0442\u0430\u043b\u0438\u043d 1950".encode())[0]
    numbers = "1950 — 1951, 1952 — 1953, 1954 — 1955 №5 "  # a letter needed for every 20 characters
    assert decode((numbers + "ЯЯ").encode())[0]
    with pytest.raises(ImportRefused):
        decode((numbers + "Я").encode())
