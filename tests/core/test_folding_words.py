"""The indexed words of a text (``tokens``, ``word_set``), made cheaper for an import (issue 16), are
what the unicode61 split the index makes gives: every run of letters and digits, lower-cased. They are
compared with that plain reference on the test pages, on generated ASCII, Cyrillic, CJK and mixed
texts (ASCII paragraphs among others, as a translation beside its original) and on odd characters."""

from __future__ import annotations

import random
import re
from pathlib import Path

from viewer.core.folding import index_text, tokens, word_set

REAL = Path(__file__).resolve().parents[1] / "data" / "real"
_WORD = re.compile(r"[^\W_]+")


def _reference(folded: str) -> list[str]:
    return [word.lower() for word in _WORD.findall(folded)]


_ALPHABETS = [
    "".join(map(chr, range(128))),
    "abcdefghijKLMNOPQRSTuvwxyz0123456789 .,;:-_'\"()[]*#\n\t",
    "абвгдеёжзийклмнопрстуфхцчшщъыьэюяАБВГДЕЁЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯ ,.«»—–-\n",
    "毛泽东斯大林同志关于朝鲜问题김일성동지ひらがなカタカナ，。、：\u3000 \n",
    "ÀÉÎõüßẞİıſΣσςΑΒΓ\u00a0\u2028\u0301\u0307ǅǈﬁ①²½٣\ufeff\u200b _-.",
]


def _texts(count: int) -> list[str]:
    rng = random.Random(16)
    texts = []
    for _ in range(count):
        paragraphs = []
        for _ in range(rng.randint(1, 6)):
            letters = "".join(rng.sample(_ALPHABETS, rng.randint(1, len(_ALPHABETS))))
            paragraphs.append("".join(rng.choice(letters) for _ in range(rng.randint(0, 80))))
        texts.append(rng.choice(["\n\n", "\n", " ", "\n\n\n"]).join(paragraphs))
    return texts


def test_tokens_and_word_set_are_the_lower_cased_runs_of_letters_and_digits():
    real = [path.read_text("utf-8", "replace") for path in sorted(REAL.glob("*.txt"))]
    assert len(real) > 20
    # a Russian original with its English translation, paragraph by paragraph, as an import indexes it
    mixed = ["\n\n".join(real[i : i + 3]) for i in range(len(real))]
    texts = real + mixed + _texts(3000) + ["", "\n\n", "ΣΑΣ ΟΔΟΣ İstanbul\n\nplain ASCII", "ASCII\n\nΣ"]
    assert any(not text.isascii() and any(part.isascii() for part in text.split("\n\n")) for text in texts)
    for text in texts:
        for folded in (text, index_text(text)):
            expected = _reference(folded)
            assert tokens(folded) == expected, folded
            assert word_set(folded) == set(expected), folded
