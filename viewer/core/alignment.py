"""Aligning an original with its translation by their structure, for side by side reading.

A transcript and its translation rarely split the same way: the original's letterhead is a dozen
short lines that the translation renders as three, a retyped copy follows the scan's transcription,
a list of addressees is one block on one side and three lines on the other. Pairing paragraphs by
number drifts apart at the first difference ("МИД СССР" beside "Top Secret").

So the texts are cut into *units* (paragraphs, and the lines of a paragraph made of short lines:
header fields, numbered lines, a signature), and the units are aligned in order by dynamic
programming over beads of 1:1, 1:2, 2:1, 2:2, 1:3 and 3:1 units or a unit left alone, as in Gale and
Church's sentence aligner: a bead's cost is the improbability of its two lengths (in letters, scaled
by the languages' usual ratio) plus a price for its shape, lowered by the *anchors* both sides
share — dates, numbers, people and places (the gazetteer knows "Мао Цзэдун" is "Mao Zedong"),
words that transliterate alike (телеграмма, telegram) and a few words of document furniture
(секретно, secret). Units left without a partner are priced as runs, so an untranslated
letterhead or a second copy of the original stays together instead of scattering the pairs.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass

from .alignment_anchors import GAP_MARK, Anchors, anchor_score, anchors
from .folding import CJK_CLASS

ROLES = ("header", "body", "numbered", "closing", "line")

# Letters of English per letter of the language, on average (Gale and Church's c, per language).
_LETTERS_PER_ENGLISH = {"zh": 0.3, "ja": 0.4, "ko": 0.45, "ru": 1.05, "uk": 1.05, "de": 1.1, "fr": 1.1}
_VARIANCE = 6.8  # Gale and Church's s², letters
# -log of how often each bead shape occurs (Gale and Church's counts, the rarer shapes guessed)
_SHAPES = {
    (1, 1): -math.log(0.89),
    (2, 1): -math.log(0.089 / 2),
    (1, 2): -math.log(0.089 / 2),
    (2, 2): -math.log(0.011),
    (3, 1): -math.log(0.005),
    (1, 3): -math.log(0.005),
}
_GAP_OPEN = 2.5  # starting a run of units without partner
_GAP_UNIT = 1.0  # each unit of the run, plus a little for its length
_GAP_LENGTH = 0.25  # per square root of a left-alone unit's letters, at most _GAP_LENGTH_CAP
_GAP_LENGTH_CAP = 5.0
_LENGTH_CAP = 12.0
_IDLE_IN_MERGE = 1.5  # a unit of a merged run that shares nothing while its neighbours do
_FULL_LIMIT = 15_000  # cells of the full table; longer texts are aligned in a band around the diagonal

_LIST_ITEM = re.compile(r"^\s*(?:[-•*–]\s+|\(?\d{1,3}[.)]\s|\(?[a-zа-я]\)\s|[①-⑳]|[一二三四五六七八九十]+、)", re.I)
_SENTENCE_END = re.compile(r"[.!?:;»\"”’)\]。！？]\s*$")
_CJK = re.compile(f"[{CJK_CLASS}]")


@dataclass(frozen=True)
class Unit:
    """A stretch of a text that is aligned as a whole: ``role`` is one of ROLES."""

    start: int
    end: int
    role: str


@dataclass(frozen=True)
class Row:
    """One line of the side by side view: a stretch of the original beside a stretch of the
    translation (offsets into each body; None where a side has nothing to set there)."""

    left: tuple[int, int] | None
    right: tuple[int, int] | None
    role: str


def units(body: str) -> list[Unit]:
    """The units of a body: paragraphs between blank lines; a paragraph of short lines (a
    letterhead, an address, a list, a signature block) gives one unit per line, and lines that
    merely wrap a sentence are kept together."""
    spans: list[tuple[int, int]] = []
    start = 0
    for match in re.finditer(r"\n[^\S\n]*\n\s*", body + "\n\n"):
        chunk_end = min(match.start(), len(body))
        spans += _lines_of(body, start, chunk_end)
        start = match.end()
    spans = _absorb_rules(body, spans)
    lengths = [_letters(body[a:b]) for a, b in spans]
    bodies = [i for i, (a, b) in enumerate(spans) if _is_prose(body[a:b], lengths[i])]
    result = []
    for index, (a, b) in enumerate(spans):
        text = body[a:b]
        if index in bodies:
            role = "body"
        elif _LIST_ITEM.match(text):
            role = "numbered"
        elif not bodies:
            role = "line"
        elif index < bodies[0]:
            role = "header"
        elif index > bodies[-1]:
            role = "closing"
        else:
            role = "line"
        result.append(Unit(a, b, role))
    return result


def _lines_of(body: str, start: int, end: int) -> list[tuple[int, int]]:
    """The units of one paragraph body[start:end], stripped of blank space at either end."""
    chunk = body[start:end]
    if not chunk.strip():
        return []
    lines: list[tuple[int, int]] = []
    offset = start
    for line in chunk.split("\n"):
        stripped = line.strip()
        if stripped:
            lead = len(line) - len(line.lstrip())
            a = offset + lead
            b = a + len(stripped)
            if lines and _wraps(body[lines[-1][0] : lines[-1][1]], stripped):
                lines[-1] = (lines[-1][0], b)
            else:
                lines.append((a, b))
        offset += len(line) + 1
    return lines


def _absorb_rules(body: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Lines with nothing to read (a rule of underscores, a row of stars) join the unit before them
    (the first such lines the unit after), so they are shown without being aligned."""
    result: list[tuple[int, int]] = []
    pending: int | None = None  # start of rules met before any unit
    for a, b in spans:
        if _letters(body[a:b]) or GAP_MARK.search(body[a:b]):
            result.append((pending if pending is not None else a, b))
            pending = None
        elif result:
            result[-1] = (result[-1][0], b)
        elif pending is None:
            pending = a
    if pending is not None:
        result.append((pending, spans[-1][1]))
    return result


def _wraps(previous: str, line: str) -> bool:
    """Whether ``line`` goes on with the sentence ``previous`` broke off (a hard-wrapped paragraph)."""
    if _LIST_ITEM.match(line) or len(previous) < 40 or _SENTENCE_END.search(previous):
        return False
    first = line[0]
    return first.islower() or previous.endswith(("-", ",")) or bool(_CJK.match(first))


def _is_prose(text: str, letters: int) -> bool:
    words = len(text.split())
    return letters >= 100 or (letters >= 50 and words >= 8 and bool(_SENTENCE_END.search(text)))


def _letters(text: str) -> int:
    return sum(1 for ch in text if ch.isalnum())


def _ratio(original_language: str | None, translation_language: str | None) -> float:
    """Letters of the translation per letter of the original, on average."""
    source = _LETTERS_PER_ENGLISH.get((original_language or "")[:2], 1.0)
    target = _LETTERS_PER_ENGLISH.get((translation_language or "")[:2], 1.0)
    return source / target


def _length_cost(left: int, right: int, ratio: float) -> float:
    """-log of the chance that ``left`` letters translate into ``right`` (Gale and Church's δ)."""
    mean = (left + right / ratio) / 2 or 1.0
    delta = (right - left * ratio) / math.sqrt(_VARIANCE * mean * ratio)
    tail = math.erfc(abs(delta) / math.sqrt(2))  # 2 (1 - Φ(|δ|))
    return min(-math.log(max(tail, 1e-300)), _LENGTH_CAP)


class _Side:
    """One text's units with what a bead needs from them: letters and anchors of a run."""

    def __init__(self, body: str, found: list[Unit]):
        self.body = body
        self.units = found
        self.sums = [0]
        for unit in found:
            self.sums.append(self.sums[-1] + _letters(body[unit.start : unit.end]))
        self._anchors = [Anchors.of(anchors(body[u.start : u.end])) for u in found]
        self._runs: dict[tuple[int, int], Anchors] = {}

    def letters(self, i: int, count: int) -> int:
        return self.sums[i + count] - self.sums[i]

    def anchors(self, i: int, count: int) -> Anchors:
        if count == 1:
            return self._anchors[i]
        found = self._runs.get((i, count))
        if found is None:
            found = self._runs[(i, count)] = self.anchors(i, count - 1) | self._anchors[i + count - 1]
        return found


def align(
    original: str,
    translation: str,
    original_language: str | None = None,
    translation_language: str | None = None,
) -> list[Row]:
    """Rows to set side by side: every unit of each text once, in order; stretches that
    translate each other on one row."""
    left, right = _Side(original, units(original)), _Side(translation, units(translation))
    beads = _beads(left, right, _ratio(original_language, translation_language))
    rows = []
    i = j = 0
    for di, dj in beads:
        span_l = (left.units[i].start, left.units[i + di - 1].end) if di else None
        span_r = (right.units[j].start, right.units[j + dj - 1].end) if dj else None
        role = left.units[i].role if di else right.units[j].role
        if di and dj and role != right.units[j].role and "body" in (role, right.units[j].role):
            role = "body"
        rows.append(Row(span_l, span_r, role))
        i, j = i + di, j + dj
    return rows


def _beads(left: _Side, right: _Side, ratio: float) -> list[tuple[int, int]]:
    """The cheapest path of beads, by dynamic programming over (units of left used, of right used,
    whether the last bead left a left or a right unit alone: gaps are priced as runs)."""
    n, m = len(left.units), len(right.units)
    inf = math.inf
    width = None if n * m <= _FULL_LIMIT else max(30, int(0.1 * max(n, m)))
    # state 0: after a pair, 1: in a run of left units alone, 2: in a run of right units alone
    cost = [[[inf] * 3 for _ in range(m + 1)] for _ in range(n + 1)]
    back: dict[tuple[int, int, int], tuple[int, int, int]] = {}
    cost[0][0][0] = 0.0
    gap_l = [_GAP_UNIT + min(_GAP_LENGTH * math.sqrt(left.letters(i, 1)), _GAP_LENGTH_CAP) for i in range(n)]
    gap_r = [_GAP_UNIT + min(_GAP_LENGTH * math.sqrt(right.letters(j, 1)), _GAP_LENGTH_CAP) for j in range(m)]
    for i in range(n + 1):
        low, high = 0, m
        if width is not None:
            middle = round(i * m / max(n, 1))
            low, high = max(0, middle - width), min(m, middle + width)
        for j in range(low, high + 1):
            cell = cost[i][j]
            best = min(cell)
            if best == inf:
                continue
            state_of_best = cell.index(best)
            # a left unit alone
            if i < n:
                for state in (0, 1, 2):
                    if cell[state] == inf:
                        continue
                    value = cell[state] + gap_l[i] + (0.0 if state == 1 else _GAP_OPEN)
                    if value < cost[i + 1][j][1]:
                        cost[i + 1][j][1] = value
                        back[(i + 1, j, 1)] = (i, j, state)
            if j < m:
                for state in (0, 1, 2):
                    if cell[state] == inf:
                        continue
                    value = cell[state] + gap_r[j] + (0.0 if state == 2 else _GAP_OPEN)
                    if value < cost[i][j + 1][2]:
                        cost[i][j + 1][2] = value
                        back[(i, j + 1, 2)] = (i, j, state)
            for (di, dj), shape in _SHAPES.items():
                ni, nj = i + di, j + dj
                if ni > n or nj > m:
                    continue
                value = (
                    best
                    + shape
                    + _length_cost(left.letters(i, di), right.letters(j, dj), ratio)
                    - anchor_score(left.anchors(i, di), right.anchors(j, dj))
                )
                if (di > 1 or dj > 1) and value < cost[ni][nj][0]:
                    value += _idle_units(left, i, di, right.anchors(j, dj)) + _idle_units(
                        right, j, dj, left.anchors(i, di)
                    )
                if value < cost[ni][nj][0]:
                    cost[ni][nj][0] = value
                    back[(ni, nj, 0)] = (i, j, state_of_best)
    end = (n, m, min(range(3), key=lambda s: cost[n][m][s]))
    if cost[n][m][end[2]] == inf:  # outside the band: fall back to pairing in order
        return [(1 if k < n else 0, 1 if k < m else 0) for k in range(max(n, m))]
    path = []
    while end[:2] != (0, 0):
        previous = back[end]
        path.append((end[0] - previous[0], end[1] - previous[1]))
        end = previous
    return path[::-1]


def _idle_units(side: _Side, i: int, count: int, other: Anchors) -> float:
    """The price of units merged into a bead that share no anchor with the other side while the
    rest of the run does: a label ("Куда") that belongs alone, not with its neighbour."""
    if count < 2:
        return 0.0
    sharing = [side.anchors(i + k, 1).touches(other) for k in range(count)]
    return _IDLE_IN_MERGE * sharing.count(False) if any(sharing) else 0.0


def pairs(rows: Sequence[Row], original: str, translation: str) -> list[tuple[str, str]]:
    """The rows as text (what a reader sees side by side), for tests and the export's checks."""
    return [
        (original[r.left[0] : r.left[1]] if r.left else "", translation[r.right[0] : r.right[1]] if r.right else "")
        for r in rows
    ]
