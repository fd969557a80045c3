"""The gazetteer's find, made fast for the importer (issue 16), finds what the alternation of a
text's names found before: the same entity, words, start and end for every hit.

The reference below is the earlier find, which compiled one alternation of the names a text may
hold for every text (and one of its naming words): correct, and most of a page's parse time. The
texts are names of the built-in list written every way an archive writes them (hyphenated, over a
line break, in capitals, inside a longer hyphenated word, glued to letters or digits, in a Russian
case), among words and the names' own words, so matches touch and overlap.
"""

from __future__ import annotations

import random
import re

from viewer.core import gazetteer as gazetteer_module
from viewer.core.folding import key
from viewer.core.gazetteer import (
    _CASE_TWINS,
    _WORD,
    Gazetteer,
    Hit,
    _alternation,
    builtin_entities,
    name_key,
)
from viewer.core.name_search import spellings as _spellings
from viewer.core.name_search import whole_words as _whole_words


def reference_find(gazetteer: Gazetteer, text: str) -> list[Hit]:
    """The find before issue 16: one alternation compiled per text."""
    if gazetteer._stale:
        gazetteer._rebuild()
    hits: list[Hit] = []
    taken: set[int] = set()
    found_words = set(_WORD.findall(text))
    words = {word.lower() for word in found_words}
    candidates = [n for w in words & gazetteer._multi_by_first.keys() for n in gazetteer._multi_by_first[w]]
    candidates += [name for name in gazetteer._cjk_names if name in text]
    if candidates:
        for match in _alternation(tuple(sorted(set(candidates), key=len, reverse=True))).finditer(text):
            entity = gazetteer._multi_entities.get(name_key(match.group(0)))
            if entity is not None:
                hits.append(Hit(entity, match.group(0), match.start(), match.end()))
                taken.update(range(match.start(), match.end()))
    named = {word for word in found_words if len(word) >= 3 and key(word) in gazetteer._single}
    if named:
        pattern = re.compile(
            r"(?<!\w)(?:" + "|".join(map(re.escape, sorted(named, key=len, reverse=True))) + r")(?![\w-])"
        )
        for match in pattern.finditer(text):
            if match.start() not in taken:
                word = match.group(0)
                hits.append(Hit(gazetteer._single[key(word)], word, match.start(), match.end()))
    hits.sort(key=lambda hit: hit.start)
    return hits


FORMS = [
    lambda name: name,
    lambda name: name.replace(" ", "-"),
    lambda name: name.replace(" ", "\n"),
    lambda name: name.replace(" ", "  "),
    lambda name: name.upper(),
    lambda name: name.lower(),
    lambda name: "Kim-" + name,
    lambda name: name + "-Il",
    lambda name: name + "'s",
    lambda name: "_" + name,
    lambda name: "7" + name,
    lambda name: name + "9",
    lambda name: name + "а",
    lambda name: name + "у",
    lambda name: name + "ем",
    lambda name: "I. " + name,
    lambda name: name.split()[0],
    lambda name: name.split()[-1],
    lambda name: name.split()[-1] + " " + name,
]
GLUE = [" ", " ", " ", "\n", ", ", "-", "", " and ", "(", ") ", ": ", " [", "] "]
FILLER = ["the", "Comrade", "said", "to", "Il", "Sung", "Kim", "Mao", "of", "Pak", "Li", "1950", "N.", "G."]


def _texts(count: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    names = [name for entity in builtin_entities() for name in entity.all_names()]
    texts = []
    for _ in range(count):
        parts = []
        for _ in range(rng.randint(1, 30)):
            if rng.random() < 0.6:
                parts.append(rng.choice(FORMS)(rng.choice(names)))
            else:
                parts.append(rng.choice(FILLER))
            parts.append(rng.choice(GLUE))
        texts.append("".join(parts))
    return texts


def _seen(hits: list[Hit]) -> list[tuple[str, str, str, int, int]]:
    return [(hit.entity.kind, hit.entity.name, hit.as_written, hit.start, hit.end) for hit in hits]


def test_find_finds_what_one_alternation_per_text_found():
    gazetteer = Gazetteer(builtin_entities())
    reference = Gazetteer(builtin_entities())
    texts = _texts(1500, seed=16)
    differ = [text for text in texts if _seen(gazetteer.find(text)) != _seen(reference_find(reference, text))]
    assert not differ, differ[:3]
    # the texts did hold names, and names that touch and overlap
    assert sum(len(gazetteer.find(text)) for text in texts) > 5000


def test_find_after_an_alias_is_learned_finds_it_as_before():
    gazetteer = Gazetteer(builtin_entities())
    reference = Gazetteer(builtin_entities())
    texts = _texts(300, seed=17)
    for text in texts[:100]:  # fill the caches: a learned alias must not be hidden by them
        gazetteer.find(text)
    for table in (gazetteer, reference):
        assert table.add_alias("Stalin", "Dubrovin", alias_kind="code name")
        assert table.add_alias("Mao Zedong", "Li Desheng Xiao", alias_kind="code name")
        # names whose words run into each other's: their matches overlap, and the longest wins
        assert table.add_alias("Stalin", "Il Sung Dubrovin", alias_kind="code name")
        assert table.add_alias("Molotov", "Sung Dubrovin Xiao Li", alias_kind="code name")
        assert table.add_alias("Molotov", "朴憲永金日", alias_kind="code name")
        assert table.add_alias("Molotov", "Zhukov-Dubrovin", alias_kind="code name")  # one word, with another in it
    endings = [
        " Dubrovin, LI-DESHENG-XIAO and Li Desheng\nXiao.",
        " Kim Il Sung Dubrovin Xiao Li Desheng Xiao",
        " Sung Dubrovin Xiao Li Desheng Xiao, Kim-Il-Sung-Dubrovin",
        " 朴憲永金日成 and 朴憲永金日",
        " Zhukov-Dubrovin; Dubrovin-Zhukov, Zhukov-Dubrovin-Li",
    ]
    texts = [text + endings[number % len(endings)] for number, text in enumerate(texts)]
    for text in texts:
        assert _seen(gazetteer.find(text)) == _seen(reference_find(reference, text))
    assert [hit.entity.name for hit in gazetteer.find("Kim Il Sung Dubrovin Xiao Li")] == ["Kim Il Sung", "Stalin"]
    assert [hit.entity.name for hit in gazetteer.find("Zhukov-Dubrovin, Dubrovin")] == ["Molotov", "Stalin"]
    assert {hit.entity.name for hit in gazetteer.find("Dubrovin to Li Desheng Xiao")} == {"Stalin", "Mao Zedong"}


PLAIN = "abcdefghijklmnopqrstuvwxyzабвгдежзийклмнопрстуфхцчшщъыьэюяё."


def test_case_twins_are_all_a_case_blind_pattern_takes_for_a_plain_letter_beyond_its_lower_case():
    """find looks for a name's opening letters in the text's lower case; a character this misses or
    misplaces (the pattern matches it, str.lower does not give the letter) sends the text to the
    patterns alone: the gazetteer's list of them must be complete."""
    everything = "".join(chr(code) for code in range(0x110000) if not 0xD800 <= code < 0xE000)
    blind = {letter: re.compile(re.escape(letter), re.IGNORECASE) for letter in PLAIN}  # as a name's pattern
    taken = set(re.compile("[" + re.escape(PLAIN) + "]", re.IGNORECASE).findall(everything))
    lowered_to_plain = {ch for ch in everything if ch.lower() in PLAIN}
    assert lowered_to_plain <= taken
    twins = {ch for ch in taken if [letter for letter in PLAIN if blind[letter].fullmatch(ch)] != [ch.lower()]}
    assert twins == set(_CASE_TWINS.findall(everything))
    # offsets of the lower case are the text's: only İ lower-cases to two characters, and it is a twin
    assert [ch for ch in everything if len(ch.lower()) != 1] == ["\u0130"]


def test_find_in_text_with_case_twins_finds_what_the_patterns_find():
    gazetteer = Gazetteer(builtin_entities())
    reference = Gazetteer(builtin_entities())
    texts = [text.replace("i", "ı").replace("s", "ſ") for text in _texts(200, seed=18)]
    texts += [text.replace("I", "\u0130") for text in _texts(200, seed=19)]
    texts += ["Kım Il Sung and Mao Tſe-tung met Peng Dehuaı", "Kim\u0130l Sung, KIM İL SUNG, Кım Il Sung"]
    for text in texts:
        assert _seen(gazetteer.find(text)) == _seen(reference_find(reference, text))
    # "Kim" puts the names opening with it in play; their pattern takes "Kım Il Sung" for one (str.lower
    # does not), which names no one but overlaps "Sung Dubrovin": the alternation decides, and finds neither
    for table in (gazetteer, reference):
        assert table.add_alias("Molotov", "Sung Dubrovin", alias_kind="code name")
    text = "Kim and Kım Il Sung Dubrovin"
    assert gazetteer.find(text) == reference_find(reference, text) == []
    assert [hit.entity.name for hit in gazetteer.find("Kim and Kim Il Sung Dubrovin")] == ["Kim Il Sung"]


def test_a_name_without_letters_or_cjk_is_found_in_any_text():
    """Names with no word of letters are looked for as written; a text without CJK characters is
    searched for those of them that hold none ("1950.12", "№.5"), not for the others."""
    gazetteer = Gazetteer(builtin_entities())
    reference = Gazetteer(builtin_entities())
    for table in (gazetteer, reference):
        assert table.add_alias("Stalin", "1950.12", alias_kind="code name")
        assert table.add_alias("Molotov", "№.5", alias_kind="code name")
    for text in ["Cable 1950.12 to №.5.", "斯大林 1950.12 and №.5", "1950.12, 毛泽东, Mao"]:
        assert _seen(gazetteer.find(text)) == _seen(reference_find(reference, text))
    assert [hit.entity.name for hit in gazetteer.find("Cable 1950.12 to №.5.")] == ["Stalin", "Molotov"]
    assert [hit.entity.name for hit in gazetteer.find("1950.12, 毛泽东")] == ["Stalin", "Mao Zedong"]


def test_short_texts_found_again_give_the_same_hits_until_a_name_is_learned():
    gazetteer = Gazetteer(builtin_entities())
    first = gazetteer.find("Dubrovin to Vyshinsky")
    assert [hit.entity.name for hit in first] == ["Vyshinsky"]
    first.clear()  # a caller's list is its own: the remembered hits are not changed through it
    assert gazetteer.find("Dubrovin to Vyshinsky") == gazetteer.find("Dubrovin to Vyshinsky") != []
    assert gazetteer.resolve("Dubrovin") is None
    assert gazetteer.add_alias("Stalin", "Dubrovin", alias_kind="code name")
    assert [hit.entity.name for hit in gazetteer.find("Dubrovin to Vyshinsky")] == ["Stalin", "Vyshinsky"]
    assert gazetteer.resolve("Dubrovin") is gazetteer.get("Stalin")


def test_spellings_of_a_first_word_are_every_string_that_lower_cases_to_it():
    """find lowers only the words of a text that lower-case to a multi-word name's first word; a
    letter missing from their spellings would hide the names opening with it in that spelling."""
    spelled: dict[str, set[str] | None] = {}
    for code in range(0x110000):
        if 0xD800 <= code < 0xE000:
            continue
        ch = chr(code)
        lowered = ch.lower()
        if lowered == ch or len(lowered) != 1 or lowered in "σς":
            continue
        if lowered not in spelled:
            spelled[lowered] = _spellings(lowered)
            assert spelled[lowered] is not None and all(other.lower() == lowered for other in spelled[lowered])
        assert ch in spelled[lowered], hex(code)
    assert _spellings("kim") == {a + b + c for a in "kK\u212a" for b in "iI" for c in "mM"}
    assert _spellings("σε") is None and _spellings("terentiiterentii") is None  # sigma by context; too many


def test_find_in_words_written_in_any_case_finds_what_the_alternation_found():
    rng = random.Random(20)
    gazetteer = Gazetteer(builtin_entities())
    reference = Gazetteer(builtin_entities())
    for text in _texts(400, seed=21):
        text = "".join(ch.upper() if rng.random() < 0.3 else ch for ch in text).replace("K", "\u212a", 1)
        assert _seen(gazetteer.find(text)) == _seen(reference_find(reference, text))
    assert [hit.entity.name for hit in gazetteer.find("kIM Il Sung, \u212aim Ir Sen")] == ["Kim Il Sung"] * 2


def test_find_reads_words_token_by_token_whatever_the_spaces_and_with_its_memory_bounded(monkeypatch):
    """find reads a text's words from its tokens (its runs of non-space), each token's remembered up
    to a bound: with every kind of space between the words, and the memory cleared on the way, it
    finds what the alternation found."""
    monkeypatch.setattr(gazetteer_module, "_MOST_KEPT", 50)
    rng = random.Random(22)
    spaces = [chr(code) for code in range(0x3001) if chr(code).isspace()]
    gazetteer = Gazetteer(builtin_entities())
    reference = Gazetteer(builtin_entities())
    for text in _texts(300, seed=23):
        text = "".join(rng.choice(spaces) if ch == " " else ch for ch in text)
        assert _seen(gazetteer.find(text)) == _seen(reference_find(reference, text))
        # the bound, and the token and words it last remembered (cleared when the next one comes)
        assert len(gazetteer._plain) + len(gazetteer._telling) + len(gazetteer._plain_words) <= 50 + 1 + 20
    # a text without spaces is one long token: told, not remembered
    for text in ["毛泽东同志和斯大林同志" * 20 + " Stalin", "Kim-Il-Sung-" * 20 + " Mao Zedong", "x" * 41 + " Kim Il"]:
        assert _seen(gazetteer.find(text)) == _seen(reference_find(reference, text))
        assert _seen(gazetteer.find(text)) == _seen(reference_find(reference, text))  # found again
    remembered = [*gazetteer._plain, *gazetteer._telling, *gazetteer._plain_words]
    assert remembered and max(map(len, remembered)) <= gazetteer_module._LONGEST_KEPT
    assert [hit.entity.name for hit in gazetteer.find("Kim\u3000Il\x1cSung\u00a0to\u2003Stalin")] == [
        "Kim Il Sung",
        "Stalin",
    ]


def test_whole_words_are_found_where_a_pattern_per_word_found_them():
    """find locates the words that name someone with str.find, a character before or after one
    checked with isalnum: where the pattern it replaced, with its \\w, found them."""
    everything = "".join(chr(code) for code in range(0x110000))
    assert {ch for ch in everything if ch.isalnum() or ch == "_"} == set(re.findall(r"\w", everything))
    rng = random.Random(24)
    words = ["Stalin", "Kim", "Mao", "Сталину", "ana", "Kimana"]
    for text in [*_texts(300, seed=25), "anana banana ana-ana _ana ana_ ana9 ана ana", "KimKim Kim Kim-Kim Kimana"]:
        text += rng.choice(["", "ana", " Kim", "Stalin-", "\u00e9Mao"])
        for word in words:
            pattern = re.compile(re.escape(word) + r"(?<!\w[\s\S]{" + str(len(word)) + r"})(?![\w-])")
            expected = [(match.start(), match.end(), word) for match in pattern.finditer(text)]
            assert _whole_words(text, [word]) == expected


class _OneByOne(Gazetteer):
    """Each new token told on its own, as before the ASCII ones were told at once."""

    def _tell_new(self, tokens: list[str]) -> list[tuple[frozenset[str], frozenset[str], bool, bool]]:
        return [told for token in tokens if (told := self._tell(token)) is not None]


def test_new_ascii_tokens_told_at_once_are_told_as_one_by_one():
    """A text's new ASCII tokens are told together (their words looked at once): a text holds the same
    first words, naming words, CJK and case twins, and find finds the same, as telling each token on its
    own did, in ASCII, Russian and mixed texts, names glued into longer tokens, found again from memory."""
    rng = random.Random(24)
    gazetteer, reference = Gazetteer(builtin_entities()), _OneByOne(builtin_entities())
    extra = ["Сталин", "Сталину,", "Вышинскому", "Stalingrad", "(Stalin)", "STALIN's", "毛泽东", "Kim-Il", "\u212aim"]
    extra += [name for entity in builtin_entities() for name in entity.all_names() if " " not in name]  # "Kit"
    texts = _texts(600, seed=25)
    texts += [" ".join(rng.choice(extra) + rng.choice(["", ",", "."]) for _ in range(8)) + text for text in texts[:200]]
    for text in texts + texts[::7]:
        assert _seen(gazetteer.find(text)) == _seen(reference.find(text)), text
        assert gazetteer._words(text) == reference._words(text), text
    assert sum(len(gazetteer.find(text)) for text in texts) > 2000
