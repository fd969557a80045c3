"""Finding annotated words again after a re-import replaced the text under them.

Pure text logic, no archive: the store's ``reanchor_annotations`` asks :func:`locate` where each
quote now is and decides what to write.
"""

from __future__ import annotations


def _common_suffix(a: str, b: str) -> int:
    n = 0
    while n < min(len(a), len(b)) and a[-1 - n] == b[-1 - n]:
        n += 1
    return n


def _common_prefix(a: str, b: str) -> int:
    n = 0
    while n < min(len(a), len(b)) and a[n] == b[n]:
        n += 1
    return n


def locate(body: str, quote: str, prefix: str, suffix: str, hint: int | None) -> tuple[int | None, bool]:
    """Where ``quote`` now is in ``body``: (offset, exact). Exact means the same words with the same
    context around them; otherwise the offset is the one candidate left when the context decides
    (or the only occurrence), and None when the words are gone or the choice would be a guess."""
    if not quote:
        return None, False
    candidates = []
    position = body.find(quote)
    while position >= 0:
        candidates.append(position)
        position = body.find(quote, position + 1)
    if not candidates:
        return None, False
    scored = []
    for offset in candidates:
        before = body[max(0, offset - len(prefix)) : offset]
        after = body[offset + len(quote) : offset + len(quote) + len(suffix)]
        score = _common_suffix(before, prefix) + _common_prefix(after, suffix)
        exact = before == prefix and after == suffix
        scored.append((exact, score, -abs(offset - (hint or 0)), offset))
    scored.sort(reverse=True)
    best = scored[0]
    if best[0]:
        # the same words in the same surroundings; with repeated boilerplate, the nearest to the old place
        return best[3], True
    if len(scored) == 1 or best[1] > scored[1][1]:
        return best[3], False
    return None, False
