"""Paragraphs of a body and their pairing across a transcript and its translation (the facing layout)."""

from __future__ import annotations

import re
from collections.abc import Sequence


def paragraph_spans(body: str) -> list[tuple[int, int]]:
    """Paragraphs as (start, end) offsets: text between blank lines, as the window's side-by-side view
    splits them (so the handout pairs the same paragraphs the reader saw)."""
    spans, start = [], 0
    for match in re.finditer(r"\n[^\S\n]*\n\s*", body + "\n\n"):
        chunk = body[start : match.start()]
        if chunk.strip():
            lead = len(chunk) - len(chunk.lstrip("\n"))
            spans.append((start + lead, start + len(chunk.rstrip("\n"))))
        start = match.end()
    return spans


# two-sided groups of paragraphs: (left count, right count) and a small price for not being 1:1
_MOVES = ((1, 1, 0.0), (2, 1, 0.01), (1, 2, 0.01), (3, 1, 0.02), (1, 3, 0.02), (1, 0, 0.01), (0, 1, 0.01))


def align_paragraphs(
    left: Sequence[tuple[int, int]], right: Sequence[tuple[int, int]]
) -> list[tuple[list[tuple[int, int]], list[tuple[int, int]]]]:
    """Rows of paragraphs to set side by side. A transcript and its translation rarely have the same
    paragraphs (letterheads split differently), so pairing them by number drifts apart; like
    Gale and Church's sentence alignment, this pairs runs of paragraphs whose share of their
    text's length agree, keeping the order. Very long texts fall back to pairing by number."""
    n, m = len(left), len(right)
    if n * m > 200_000 or not n or not m:
        return [([left[i]] if i < n else [], [right[i]] if i < m else []) for i in range(max(n, m))]
    total_a = sum(b - a for a, b in left) or 1
    total_b = sum(b - a for a, b in right) or 1
    la = [0.0] + [(b - a) / total_a for a, b in left]
    lb = [0.0] + [(b - a) / total_b for a, b in right]
    for i in range(1, n + 1):
        la[i] += la[i - 1]
    for j in range(1, m + 1):
        lb[j] += lb[j - 1]
    inf = float("inf")
    cost = [[inf] * (m + 1) for _ in range(n + 1)]
    back: list[list[tuple[int, int]]] = [[(0, 0)] * (m + 1) for _ in range(n + 1)]
    cost[0][0] = 0.0
    for i in range(n + 1):
        for j in range(m + 1):
            here = cost[i][j]
            if here == inf:
                continue
            for di, dj, price in _MOVES:
                ni, nj = i + di, j + dj
                if ni > n or nj > m:
                    continue
                value = here + abs((la[ni] - la[i]) - (lb[nj] - lb[j])) + price
                if value < cost[ni][nj]:
                    cost[ni][nj] = value
                    back[ni][nj] = (di, dj)
    rows = []
    i, j = n, m
    while i or j:
        di, dj = back[i][j]
        rows.append((list(left[i - di : i]), list(right[j - dj : j])))
        i, j = i - di, j - dj
    return rows[::-1]
