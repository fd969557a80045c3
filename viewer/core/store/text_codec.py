"""How a text's body is stored (issue 16): zlib-compressed where that saves, else as written.

Bodies are most of an archive (4.1 of 10.2 MB per 1,000 documents before this); zlib shrinks them
about 2.3 times. A compressed body is a BLOB in the same ``texts.body`` column (a BLOB keeps its type
in a TEXT column), a plain one stays TEXT, so ``typeof(body)`` tells them apart and archives written
before keep reading. Short bodies stay plain: compressing them saves a few bytes and costs every read.

The store reads bodies through ``unpack`` (records, snippets, index rows), never in SQL. Copies
meant for other programs (the Datasette copy) hold plain text (``plain_texts``).
"""

from __future__ import annotations

import sqlite3
import zlib
from collections.abc import Callable
from typing import Any

# zlib's level 1 compresses within 5% of level 6 (2.25 against 2.36 times on the bench's texts) and
# costs the writer the least, which matters at a thousand documents a second.
LEVEL = 1
SHORTEST = 200  # bytes of UTF-8: below this a body stays plain


def pack(body: str) -> str | bytes:
    """What to store for ``body``: its zlib stream when that is at most 90% of the text, else the text."""
    data = body.encode("utf-8")
    if len(data) < SHORTEST:
        return body
    packed = zlib.compress(data, LEVEL)
    return packed if len(packed) * 10 <= len(data) * 9 else body


DAMAGED = "[This text is damaged in the archive file and cannot be read: restore a backup.]"


def unpack(value: str | bytes) -> str:
    """The text a stored body holds (a plain body is returned as it is). A compressed body damaged
    on disk gives DAMAGED in its place, never an error: the document still opens, can be corrected,
    deleted and exported, and ``check`` names the text (``readable``). Nothing of a damaged stream
    is shown: deflate decodes the bits after the damage into plausible words (copies of earlier
    phrases) before it notices, and a historical text must not gain words."""
    if isinstance(value, str):
        return value
    try:
        return zlib.decompress(value).decode("utf-8")
    except (zlib.error, UnicodeDecodeError):
        return DAMAGED


def readable(value: str | bytes) -> bool:
    """Whether a stored body unpacks whole (a compressed one damaged on disk does not)."""
    if isinstance(value, str):
        return True
    try:
        zlib.decompress(value).decode("utf-8")
    except (zlib.error, UnicodeDecodeError):
        return False
    return True


def plain_texts(conn: sqlite3.Connection, batch: int = 500) -> int:
    """Store every compressed body of ``conn`` as plain text, in the caller's transaction (a copy
    for a program that reads the column itself); returns how many were unpacked."""
    return _rewrite(conn, "blob", unpack, batch)


def pack_texts(conn: sqlite3.Connection, batch: int = 500) -> int:
    """Compress every plain body of ``conn`` worth compressing, in the caller's transaction, a batch
    of rows at a time (a large archive's texts are never all in memory); returns how many changed."""
    return _rewrite(conn, "text", pack, batch)


def _rewrite(conn: sqlite3.Connection, stored: str, convert: Callable[[Any], str | bytes], batch: int) -> int:
    changed, last = 0, -1
    while True:
        rows = conn.execute(
            "SELECT id, body FROM texts WHERE id > ? AND typeof(body) = ? ORDER BY id LIMIT ?", (last, stored, batch)
        ).fetchall()
        if not rows:
            return changed
        last = rows[-1][0]
        updates = [(new, row[0]) for row in rows if (new := convert(row[1])) is not row[1]]
        conn.executemany("UPDATE texts SET body = ? WHERE id = ?", updates)
        changed += len(updates)
