"""Where annotated words go when someone corrects a text (an OCR slip, a typo in a transcript).

A re-import only has the new text, so the store's ``reanchor_annotations`` searches for each quote
again. A correction knows both texts, so the offsets can follow the edit exactly: an annotation over
words the edit did not touch moves with them (and stays as it was); one over words the edit changed is
kept, now over the new words, and marked for review — the rule re-import applies, with less guessing.
No archive and no Qt here.
"""

from __future__ import annotations

from difflib import SequenceMatcher

EXACT_LIMIT = 20_000  # characters of changed middle compared character by character; beyond, one block

Opcodes = list[tuple[str, int, int, int, int]]


def edits(old: str, new: str) -> Opcodes:
    """The edit from ``old`` to ``new`` as difflib opcodes, cheap for a few corrections in a long text:
    the common start and end are set aside first and only the middle is compared."""
    head = 0
    limit = min(len(old), len(new))
    while head < limit and old[head] == new[head]:
        head += 1
    tail = 0
    while tail < limit - head and old[len(old) - 1 - tail] == new[len(new) - 1 - tail]:
        tail += 1
    middle_old, middle_new = old[head : len(old) - tail], new[head : len(new) - tail]
    codes: Opcodes = [("equal", 0, head, 0, head)] if head else []
    if max(len(middle_old), len(middle_new)) <= EXACT_LIMIT:
        matcher = SequenceMatcher(None, middle_old, middle_new, autojunk=False)
        codes += [(tag, i1 + head, i2 + head, j1 + head, j2 + head) for tag, i1, i2, j1, j2 in matcher.get_opcodes()]
    elif middle_old or middle_new:
        codes.append(("replace", head, len(old) - tail, head, len(new) - tail))
    if tail:
        codes.append(("equal", len(old) - tail, len(old), len(new) - tail, len(new)))
    return codes


def _position(codes: Opcodes, offset: int, end: bool) -> int:
    """Where an offset of the old text is in the new one (inside a changed block: its edge)."""
    for tag, i1, i2, j1, j2 in codes:
        if tag == "equal" and i1 <= offset <= i2:
            return j1 + offset - i1
        if i1 <= offset < i2 or (offset == i2 and end):
            return j2 if end else j1
    return codes[-1][4] if codes else offset


def follow(codes: Opcodes, start: int, end: int) -> tuple[int, int, bool]:
    """(new start, new end, whether the edit touched the words in between)."""
    touched = any(
        tag != "equal" and ((i1 < end and i2 > start) or (i1 == i2 and start < i1 < end)) for tag, i1, i2, _, _ in codes
    )
    return _position(codes, start, False), _position(codes, end, True), touched
