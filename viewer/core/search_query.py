"""From what a person types in the search field to an FTS5 MATCH expression.

The syntax is the one people already use: words (all must match), "quoted phrases", a trailing *
for a prefix, OR between alternatives, and -word to exclude. Each word is widened to the indexed
terms that share its folded key (transliterations, OCR slips, inflections) and to the aliases of
the person it names, so the index itself stays plain.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from . import folding

Expander = Callable[[str], list[str]]
# Words and phrases of one query that are searched; a longer query is searched by its first ones (and
# says so, see ``notice``): every part costs look-ups and widens the expression SQLite must parse.
MAX_PARTS = 200
Namer = Callable[[str], list[tuple[int, int]]]  # where a text names someone in more than one word
_TOKEN = re.compile(r'(-?)"([^"]*)"|(\S+)')
_NAME_ENDS = ",;:.!?)"  # what may follow a name typed in a query besides a space
_WORD_REST = re.compile(r"\w*")


def _quote(text: str) -> str:
    return '"' + text.replace('"', '""') + '"'


def _phrase(text: str) -> str | None:
    """A phrase of index tokens (CJK split per character), quoted for FTS5, or None if empty."""
    tokens = folding.words(text)
    return _quote(" ".join(tokens)) if tokens else None


def quote_names(query: str, names: Namer) -> str:
    """``query`` with each name of several words typed outside quotes put in quotes ("Ким Ир Сен",
    Mao Tse-tung, Chou En lai), so it is read as one name that finds its person, not as words
    that must each be found. A name's last word is taken whole (Ким Ир Сена)."""
    quoted = [m.span() for m in _TOKEN.finditer(query) if m.group(2) is not None]
    pieces: list[str] = []
    last = 0
    for start, end in names(query):
        rest = _WORD_REST.match(query, end)
        end = rest.end() if rest else end
        if start >= last and _standalone(query, start, end) and not any(s < end and start < e for s, e in quoted):
            pieces += [query[last:start], '"', query[start:end], '"']
            last = end
    return "".join(pieces) + query[last:]


def _standalone(query: str, start: int, end: int) -> bool:
    """True when query[start:end] is whole words: a space (or a leading minus) before, a space or
    punctuation after, so quoting it cannot glue it to a prefix star or another word."""
    before = query[max(start - 1, 0) : start]
    before_minus = query[max(start - 2, 0) : max(start - 1, 0)]
    after = query[end : end + 1]
    opens = not before.strip() or (before == "-" and not before_minus.strip())
    return opens and (after == "" or after.isspace() or after in _NAME_ENDS)


def parse(query: str) -> list[tuple[str, str, bool, bool]]:
    """(kind, text, negated, prefix) per query part; kind is "word", "phrase" or "or"."""
    parts = []
    for match in _TOKEN.finditer(query):
        if match.group(2) is not None:
            parts.append(("phrase", match.group(2), match.group(1) == "-", False))
            continue
        raw = match.group(3)
        if raw == "OR":
            parts.append(("or", raw, False, False))
            continue
        negated = raw.startswith("-") and len(raw) > 1
        raw = raw[1:] if negated else raw
        prefix = raw.endswith("*")
        for word in folding.words(raw.rstrip("*")):
            parts.append(("word", word, negated, prefix))
    return _shortened(_group_cjk(parts))


def _shortened(parts: list[tuple[str, str, bool, bool]]) -> list[tuple[str, str, bool, bool]]:
    """The parts up to the MAX_PARTS-th word or phrase (an ``OR`` is not counted)."""
    searched = 0
    for index, part in enumerate(parts):
        searched += part[0] != "or"
        if searched > MAX_PARTS:
            return parts[:index]
    return parts


def notice(query: str) -> str | None:
    """What a person should know about how ``query`` is searched: None, or that it was too long
    and only its first MAX_PARTS words are searched. The list and the kiosk show it where they
    show the query; the command line prints it."""
    typed = sum(1 for match in _TOKEN.finditer(query) if match.group(0) != "OR")
    if typed <= MAX_PARTS:
        return None
    return f"the query is long: only its first {MAX_PARTS} words are searched"


def _group_cjk(parts: list[tuple[str, str, bool, bool]]) -> list[tuple[str, str, bool, bool]]:
    """Consecutive CJK characters of one typed run become one phrase."""
    grouped: list[tuple[str, str, bool, bool]] = []
    for part in parts:
        kind, text, negated, _prefix = part
        if (
            kind == "word"
            and folding.is_cjk(text[0])
            and grouped
            and grouped[-1][0] == "cjk"
            and grouped[-1][2] == negated
        ):
            grouped[-1] = ("cjk", grouped[-1][1] + text, negated, False)
        elif kind == "word" and folding.is_cjk(text[0]):
            grouped.append(("cjk", text, negated, False))
        else:
            grouped.append(part)
    return [("phrase", t, n, p) if k == "cjk" else (k, t, n, p) for k, t, n, p in grouped]


def alternatives(kind: str, text: str, prefix: bool, expand: Expander) -> list[str]:
    if kind == "phrase":
        phrase = _phrase(text)
        options = [phrase] if phrase else []
        options += [p for p in (_phrase(v) for v in expand(text)) if p]  # a name of several words too
        return list(dict.fromkeys(options))
    if prefix:
        return [_quote(text) + "*"]
    options = [_quote(text)]
    for variant in expand(text):
        phrase = _phrase(variant)
        if phrase:
            options.append(phrase)
    return list(dict.fromkeys(options))


@dataclass(frozen=True)
class CompiledQuery:
    """A query read once: its MATCH expression (None when it holds nothing to search for) and the
    surface words a view should highlight."""

    match: str | None
    terms: tuple[str, ...]


def compile_query(query: str, expand: Expander, surface: Expander, names: Namer | None = None) -> CompiledQuery:
    """Parse ``query`` once. ``expand`` widens a word or a name to the indexed terms it also matches,
    ``surface`` to the words to highlight; pass them memoised so each word is looked up once.
    ``names`` finds the names of several words in the query, each then searched as one name."""
    parts = parse(quote_names(query, names) if names else query)
    return CompiledQuery(_match(parts, expand), _highlights(parts, surface))


def _match(parts: list[tuple[str, str, bool, bool]], expand: Expander) -> str | None:
    """The MATCH expression, flat however long the query: ``(a OR b OR c) AND d NOT e NOT f``.
    FTS5's parser has a small fixed stack, so nesting a level per OR or per -word (as
    ``((a OR b) OR c)`` would) overflows it at about a hundred; a flat chain never does."""
    groups: list[list[str]] = []  # clauses that must all match, each a group of alternatives
    negatives: list[str] = []
    pending_or = False
    for kind, text, negated, prefix in parts:
        if kind == "or":
            pending_or = bool(groups)
            continue
        options = alternatives(kind, text, prefix, expand)
        if not options:
            continue
        clause = "(" + " OR ".join(options) + ")" if len(options) > 1 else options[0]
        if negated:
            negatives.append(clause)
        elif pending_or:
            groups[-1].append(clause)
        else:
            groups.append([clause])
        pending_or = False
    if not groups:
        return None
    expression = " AND ".join(group[0] if len(group) == 1 else "(" + " OR ".join(group) + ")" for group in groups)
    if negatives:  # NOT is left-associative: (E) NOT a NOT b is ((E) NOT a) NOT b
        expression = f"({expression}) " + " ".join(f"NOT {clause}" for clause in negatives)
    return expression


def _highlights(parts: list[tuple[str, str, bool, bool]], surface: Expander) -> tuple[str, ...]:
    terms: list[str] = []
    for kind, text, negated, _prefix in parts:
        if kind == "or" or negated:
            continue
        terms.append(text)
        terms += surface(text)
    return tuple(dict.fromkeys(t for t in terms if t))
