"""A deterministic synthetic archive: documents shaped like the seeds, at any size.

Same seed, same documents: titles, dates 1940-1991, summaries, English translations of about
2,500 characters, a Russian transcript for a third, a few Chinese and Korean originals, written
as text files in the seeds' labelled shape so that the real importer reads them.

The English text draws its words from a Zipf-distributed vocabulary (``VOCABULARY``: the common
words first, then tens of thousands of made-up terms) with names and numbers mixed in, so a
benchmark can ask for words by how many documents hold them (``document_share``) and never repeat
a query: a fixed list of twenty words measures the cache, not the search.
"""

from __future__ import annotations

import itertools
import random
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

PEOPLE = [
    ("Stalin", "Сталин"),
    ("Mao Zedong", "Мао Цзэдун"),
    ("Kim Il Sung", "Ким Ир Сен"),
    ("Vyshinsky", "Вышинский"),
    ("Molotov", "Молотов"),
    ("Zhou Enlai", "Чжоу Эньлай"),
    ("Roshchin", "Рощин"),
    ("Shtykov", "Штыков"),
    ("Gromyko", "Громыко"),
    ("Khrushchev", "Хрущёв"),
    ("Malenkov", "Маленков"),
    ("Bulganin", "Булганин"),
    ("Liu Shaoqi", "Лю Шаоци"),
    ("Peng Dehuai", "Пэн Дэхуай"),
]
PLACES = ["Moscow", "Beijing", "Pyongyang", "Seoul", "Shanghai", "Harbin", "Vladivostok", "Port Arthur"]
TYPES = ["Ciphered Telegram", "Cable", "Letter", "Memorandum", "Record of Conversation", "Report"]
CLASSIFICATIONS = ["Top Secret", "Secret", "Strictly Secret", None, None]
EN_WORDS = [
    "the",
    "of",
    "and",
    "to",
    "in",
    "that",
    "for",
    "on",
    "with",
    "by",
    "as",
    "at",
    "from",
    "this",
    "was",
    "which",
    "are",
    "be",
    "it",
    "an",
    "government",
    "comrade",
    "question",
    "situation",
    "troops",
    "assistance",
    "border",
    "army",
    "party",
    "committee",
    "central",
    "delegation",
    "meeting",
    "agreement",
    "proposal",
    "treaty",
    "negotiations",
    "supplies",
    "aviation",
    "divisions",
    "railway",
    "credit",
    "armaments",
    "industry",
    "plan",
    "report",
    "instructions",
    "conversation",
    "opinion",
    "decision",
    "answer",
    "telegram",
    "discussion",
    "unification",
    "friendship",
    "alliance",
    "military",
    "political",
    "economic",
    "international",
    "cooperation",
    "consultation",
    "preparation",
    "deployment",
    "support",
]
RU_WORDS = [
    "и",
    "в",
    "на",
    "с",
    "что",
    "по",
    "для",
    "о",
    "к",
    "от",
    "как",
    "правительство",
    "товарищ",
    "вопрос",
    "положение",
    "войска",
    "помощь",
    "граница",
    "армия",
    "партия",
    "комитет",
    "делегация",
    "встреча",
    "соглашение",
    "предложение",
    "договор",
    "переговоры",
    "поставки",
    "авиация",
    "дивизии",
    "железная",
    "дорога",
    "кредит",
    "вооружение",
    "промышленность",
    "план",
    "доклад",
    "указания",
    "беседа",
    "мнение",
    "решение",
    "ответ",
    "телеграмма",
    "обсуждение",
    "объединение",
    "дружба",
    "союз",
    "военный",
    "политический",
    "экономический",
    "сотрудничество",
]
ZH_TEXT = "毛泽东主席同斯大林同志关于朝鲜问题进行了会谈双方同意加强中苏友好同盟互助条约的合作"
KO_TEXT = "김일성 동지는 평양에서 조선의 통일 문제에 관하여 소련 대사와 회담하였다 "
ONSETS = ["b", "d", "g", "k", "l", "m", "n", "p", "r", "s", "t", "v", "z", "sh", "kr", "pl", "st", "tr"]
NUCLEI = ["a", "e", "i", "o", "u", "ia", "ov", "en", "ar", "ol"]
CODAS = ["", "n", "r", "s", "k", "m", "sk", "nt"]
MADE_UP_TERMS = 30_000
ZIPF_EXPONENT = 1.0
WORDS_PER_DOCUMENT = 400  # English words of a document (translation and summary), for document_share
NUMBER_SHARE = 0.08  # of sentences that carry a number
BLOCK = 1000  # documents per random stream and per folder
BLOCK_DONE = ".whole"  # the mark of a folder whose files are all written
GENERATOR_VERSION = 2  # changes whenever the same seed would give other documents


def _made_up_terms(count: int) -> list[str]:
    """``count`` distinct pronounceable terms of two or three syllables, the same on every run."""
    syllables = [o + n + c for o in ONSETS for n in NUCLEI for c in CODAS]
    rng = random.Random(1917)
    size = len(syllables)
    picked = rng.sample(range(size * size), count + len(EN_WORDS))
    terms = dict.fromkeys(syllables[i // size] + syllables[i % size] for i in picked)  # distinct, in order
    return [term for term in terms if term not in EN_WORDS][:count]


VOCABULARY: list[str] = EN_WORDS + _made_up_terms(MADE_UP_TERMS)  # by rank: the most frequent first
TABLE_BITS = 20  # a word is drawn as one of 2**20 table slots: one getrandbits, no search


def _slots() -> list[int]:
    """How many of the table's slots each word of the vocabulary gets: its Zipf weight, rounded
    (the rarest word still gets a few); the exact probabilities are these counts, not the weights."""
    weights = [1 / (rank**ZIPF_EXPONENT) for rank in range(1, len(VOCABULARY) + 1)]
    total, size = sum(weights), 1 << TABLE_BITS
    edges = [round(upto / total * size) for upto in itertools.accumulate(weights)]
    return [high - low for low, high in zip([0, *edges], edges, strict=False)]


_SLOTS = _slots()
_table: list[str] = []  # built on the first draw: the bench's GUI children only need the shares


def word_probability(rank: int) -> float:
    """The chance that one drawn word is the word of ``rank`` (0 = the most frequent)."""
    return _SLOTS[rank] / (1 << TABLE_BITS)


def document_share(rank: int, words: int = WORDS_PER_DOCUMENT) -> float:
    """The expected share of documents whose English text holds the word of ``rank`` at least once."""
    return 1 - (1 - word_probability(rank)) ** words


def ranks_with_share(low: float, high: float) -> list[int]:
    """Ranks whose expected document share lies in [low, high] (most frequent first)."""
    return [rank for rank in range(len(VOCABULARY)) if low <= document_share(rank) <= high]


def _zipf_words(rng: random.Random, count: int) -> list[str]:
    if not _table:
        for word, slots in zip(VOCABULARY, _SLOTS, strict=True):
            _table.extend([word] * slots)
    table, bits = _table, rng.getrandbits
    return [table[bits(TABLE_BITS)] for _ in range(count)]


@dataclass
class SyntheticDocument:
    number: int
    when: date
    title: str
    sender: str
    recipient: str
    summary: str
    translation: str
    original: str | None
    original_language: str | None
    classification: str | None
    doc_type: str

    def as_page(self) -> str:
        """The document in the labelled shape of seed 000/004."""
        contents = ["- English Translation"]
        if self.original:
            contents.insert(0, f"- Transcript - {self.original_language}")
        lines = [
            f"**{self.when.strftime('%B')} {self.when.day}, {self.when.year}**",
            "",
            f"**{self.title}**",
            "",
            "**Citation:**",
            "",
            f"“{self.title},” {self.when.strftime('%B')} {self.when.day}, {self.when.year}, Synthetic Digital "
            f"Archive, APRF, fond {self.number % 90}, opis {self.number % 7}, delo {self.number % 400}. "
            f"<https://archive.example/document/{self.number}>",
            "",
            "**Summary:**",
            "",
            self.summary,
            "",
            "**Original Language:**",
            "",
            self.original_language or "English",
            "",
            "**Contents:**",
            "",
            *contents,
            "",
        ]
        if self.classification:
            lines += [self.classification, ""]
        if self.original:
            lines += [self.original, ""]
        lines += [self.translation, ""]
        return "\n".join(lines)


def _sentence(rng: random.Random, words: list[str] | None, names: list[str], length: int) -> str:
    """A sentence of ``length`` words from ``words`` (None: the Zipf vocabulary) with one name in it,
    and in the vocabulary's sentences now and then a number."""
    picked = _zipf_words(rng, length) if words is None else rng.choices(words, k=length)
    picked.insert(rng.randrange(length), rng.choice(names))
    if words is None and rng.random() < NUMBER_SHARE:
        picked.insert(rng.randrange(length), str(rng.randrange(1, 100_000)))
    text = " ".join(picked)
    return text[0].upper() + text[1:] + "."


def _paragraphs(rng: random.Random, words: list[str] | None, names: list[str], characters: int) -> str:
    paragraphs, size = [], 0
    while size < characters:
        paragraph = " ".join(_sentence(rng, words, names, rng.randint(8, 18)) for _ in range(rng.randint(3, 6)))
        paragraphs.append(paragraph)
        size += len(paragraph)
    return "\n\n".join(paragraphs)


def documents(count: int, seed: int = 1950, first: int = 0) -> Iterator[SyntheticDocument]:
    """Documents ``first`` to ``count - 1``. Each block of ``BLOCK`` numbers has a random stream of
    its own, so a block is the same whoever makes it (a worker process, a smaller archive's run) and
    ``first`` may be any number (the block it falls in is made from its start)."""
    rng = random.Random()
    for block in range(first // BLOCK, -(-count // BLOCK)):
        rng.seed(seed * 1_000_003 + block)
        for number in range(block * BLOCK, min(count, (block + 1) * BLOCK)):
            document = _document(rng, number)
            if number >= first:
                yield document


_START, _SPAN = date(1940, 1, 1), (date(1991, 12, 31) - date(1940, 1, 1)).days
_ENGLISH_NAMES = [p[0] for p in PEOPLE] + PLACES
_RUSSIAN_NAMES = [p[1] for p in PEOPLE]


def _document(rng: random.Random, number: int) -> SyntheticDocument:
    sender, recipient = rng.sample(PEOPLE, 2)
    when = _START + timedelta(days=rng.randrange(_SPAN))
    doc_type = rng.choice(TYPES)
    title = f"{doc_type} No. {10000 + number}, {sender[0]} to {recipient[0]}"
    roll = rng.random()
    original, language = None, None
    if roll < 1 / 3:
        original, language = _paragraphs(rng, RU_WORDS, _RUSSIAN_NAMES, 1800), "Russian"
    elif roll < 1 / 3 + 0.01:
        original, language = ZH_TEXT * rng.randint(3, 8), "Chinese"
    elif roll < 1 / 3 + 0.02:
        original, language = KO_TEXT * rng.randint(3, 8), "Korean"
    return SyntheticDocument(
        number=number,
        when=when,
        title=title,
        sender=sender[0],
        recipient=recipient[0],
        summary=_sentence(rng, None, _ENGLISH_NAMES, 25) + " " + _sentence(rng, None, _ENGLISH_NAMES, 20),
        translation=_paragraphs(rng, None, _ENGLISH_NAMES, 2500),
        original=original,
        original_language=language,
        classification=rng.choice(CLASSIFICATIONS),
        doc_type=doc_type,
    )


def block_folder(folder: Path, block: int) -> Path:
    """Where the files of one block go: a sub-folder per ``BLOCK`` documents."""
    return folder / f"{block:04d}"


def document_path(folder: Path, number: int) -> Path:
    """The text file of document ``number`` under ``folder``."""
    return block_folder(folder, number // BLOCK) / f"doc-{number:06d}.md"


def write_block(folder: Path, block: int, count: int, seed: int = 1950) -> None:
    """Write the documents of ``block`` (those below ``count``) as text files, then a hidden mark
    that the block is whole (the importer skips dot-files), so an interrupted writing resumes."""
    sub = block_folder(folder, block)
    sub.mkdir(parents=True, exist_ok=True)
    for document in documents(min(count, (block + 1) * BLOCK), seed, block * BLOCK):
        with open(document_path(folder, document.number), "w", encoding="utf-8") as stream:
            stream.write(document.as_page())
    (sub / BLOCK_DONE).write_text(f"{count}\n")


def write_files(folder: Path, count: int, seed: int = 1950) -> int:
    """Write ``count`` documents as text files in sub-folders of ``BLOCK`` (one process; the bench
    writes its blocks in parallel, corpus.py) and return how many."""
    for block in range(-(-count // BLOCK)):
        write_block(folder, block, count, seed)
    return count
