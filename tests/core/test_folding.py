"""Snippets: the whole matched word marked, the marks as offsets, CJK as short on screen as Latin."""

from __future__ import annotations

from viewer.core.folding import SNIPPET_WIDTH, Highlighter, display_width, marks

ENGLISH = (
    "In accordance with your directive of the thirteenth of October I had a meeting with the chairman "
    "and communicated to him the contents of the telegram, after which Vyshinskii and the ambassador "
    "discussed the question of the railway, the port of Dalny and the loan at considerable length, "
    "and the chairman asked that the answer be sent before the end of the month by the usual channel."
)
CHINESE = (
    "根据谈话记录毛泽东提出希望下一次会见安排在十二月二十三日或二十四日并向斯大林提交了下一步谈判的两种方案"
    "第一种方案是签订新的中苏友好同盟条约第二种方案是由两国通讯社发表一个简单公报说明两国就旧条约交换了意见"
    "实际上推迟解决这个问题周恩来前来莫斯科完成签字手续中央档案馆藏毛泽东手稿"
)


def test_the_whole_word_is_marked_and_the_marks_are_offsets():
    snippet = Highlighter(["vyshinsk"]).snippet(ENGLISH)
    assert "\x02Vyshinskii\x03" in snippet
    plain, spans = marks(snippet)
    assert "\x02" not in plain and "\x03" not in plain
    assert [plain[start:end] for start, end in spans] == ["Vyshinskii"]
    russian = Highlighter(["сталин"]).snippet("Беседа Мао Цзэдуна с И. В. Сталиным в Кремле")
    assert [marks(russian)[0][s:e] for s, e in marks(russian)[1]] == ["Сталиным"]


def test_a_word_is_never_marked_from_its_middle():
    assert Highlighter(["kim"]).snippet("Akimov was not there.") == ""
    snippet = Highlighter(["kim"]).snippet("Akimov saw Kim-Il at noon.")
    assert [marks(snippet)[0][s:e] for s, e in marks(snippet)[1]] == ["Kim"]


def test_a_snippet_starts_and_ends_on_whole_words_with_a_third_before_the_match():
    snippet = Highlighter(["railway"]).snippet(ENGLISH)
    plain = marks(snippet)[0]
    assert plain.startswith("…") and plain.endswith("…")
    inner = plain.strip("…").split()
    assert all(word in ENGLISH.split() for word in inner)  # no word cut in two
    assert display_width(plain) <= SNIPPET_WIDTH + 2
    before = plain[: plain.index("railway")]
    assert SNIPPET_WIDTH // 5 <= display_width(before) <= SNIPPET_WIDTH // 3 + 2


def test_chinese_snippets_are_as_short_on_screen_as_english_ones():
    chinese = Highlighter(["斯大林"]).snippet(CHINESE * 3)
    english = Highlighter(["railway"]).snippet(ENGLISH * 3)
    assert "\x02斯大林\x03" in chinese
    plain = marks(chinese)[0]
    assert len(plain) < len(CHINESE * 3) / 2  # a run without spaces is not taken whole
    assert abs(display_width(plain) - display_width(marks(english)[0])) <= 20
    assert display_width(plain) <= SNIPPET_WIDTH + 2


def test_no_match_no_snippet():
    assert Highlighter(["stalin"]).snippet(ENGLISH) == ""
    assert Highlighter([]).snippet(ENGLISH) == ""
    assert marks("no marks") == ("no marks", [])


def test_the_first_match_is_found_past_look_alikes_and_across_lines():
    text = "Akim and Kimball came. Later Kim Il\nSung spoke, then KIM IL SUNG again."
    snippet = Highlighter(["kim il sung", "sung"]).snippet(text)
    plain, spans = marks(snippet)
    assert [plain[s:e] for s, e in spans] == ["Kim Il Sung", "KIM IL SUNG"]
    # a letter whose lower case is longer (İ) does not shift the offsets
    assert "\x02Kim\x03" in Highlighter(["kim"]).snippet("İstanbul: Kim spoke.")


def test_every_whole_word_match_is_marked_in_ascii_as_in_any_text():
    # ASCII text is marked by trying the pattern only where a term's first word stands: the same
    # marks as anywhere else (a longer term first, a word with digits or underscores whole, no middles)
    text = "the theme: thereby_the THE-them, 1953 the1953 xthe the"
    plain, spans = marks(Highlighter(["the", "them"]).snippet(text))
    assert plain == text
    assert [plain[s:e] for s, e in spans] == ["the", "theme", "thereby_the", "THE", "them", "the1953", "the"]
    plain, spans = marks(Highlighter(["kim il sung", "kim"]).snippet("Kim Il\n Sung, kim, Kimball, akim"))
    assert [plain[s:e] for s, e in spans] == ["Kim Il Sung", "kim", "Kimball"]
    # the same words in text that is not ASCII are marked alike
    plain, spans = marks(Highlighter(["the", "them"]).snippet(text + " — thé"))
    assert [plain[s:e] for s, e in spans] == ["the", "theme", "thereby_the", "THE", "them", "the1953", "the"]
