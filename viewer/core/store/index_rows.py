"""What a document's row of the full-text index holds, read from the archive's tables with a plain
connection: the store (store/index.py) and migration 5 (schema_compact.py), which builds the
contentless index from the documents, make it the same way.

The contentless index forgets a row only when given the values it indexed, so every version must
make the same row of the same sources: a change here needs a migration that rebuilds the index."""

from __future__ import annotations

import sqlite3
from collections.abc import Mapping
from datetime import date
from functools import lru_cache
from typing import Any, NamedTuple

from .. import folding
from ..dates import years_overlapped
from .text_codec import unpack


class Terms(NamedTuple):
    """A document's indexed words as a parse worker hands them to the writer (``prepare.index_terms``),
    which keeps the terms table from them (``Index.reindex``).

    A process names a document's words it had not met in the documents it parsed before (``new``):
    it parses its files in the batch's order, so when the writer has indexed every one of those
    documents, with these terms, since it last knew its terms table whole, the others are known to it
    already, and it need not look at hundreds of words a document. Otherwise (a document of the stream
    was refused, or updated; a group was rolled back; the process parsed ahead out of order) it looks
    at ``words``, all of them."""

    # all of them, a space between two (a word has none: one string unpickles far faster than a set);
    # "" from a worker process, whose documents the writer seldom cannot trust: it reads them from the row
    words: str
    new: str  # those the process had not met before in this stream, the same way
    keys: Mapping[str, str]  # the folded keys of some new words (this process's share of them)
    stream: str  # the process's run of documents, named anew whenever it forgets the words it met
    place: int  # the document's place in it: 0, 1, 2...
    # the document's title, summary and body columns (``text_columns``) when folding changed one of
    # them, else None: they are the values as they are ("" for none, the bodies joined), and the
    # writer need not fold the texts again to know it (``Index.columns_of``)
    texts: list[str] | None = None


YEAR_TOKEN = "zzyear"
ENTITY_TOKEN = "zzentity"


def year_tokens(start: date | str | None, end: date | str | None, most: int = 60) -> list[str]:
    """Index tokens for the years a date range overlaps (none for an open or a too long range)."""
    return [f"{YEAR_TOKEN}{year}" for year in years_overlapped(start, end, most)]


@lru_cache(maxsize=1 << 16)  # a document names a dozen, the same ones again and again
def entity_token(entity_id: int) -> str:
    """The index token standing for one person or place (letters only, so no tokenizer splits it)."""
    return ENTITY_TOKEN + "".join(chr(ord("a") + int(d)) for d in str(entity_id))


def columns(
    doc: Mapping[str, Any] | sqlite3.Row,
    bodies: list[str],
    names: list[tuple[int, str, str | None]],
    labels: list[str],
    texts: list[str] | None = None,
) -> list[str]:
    """A document's full-text row: title, summary, body, names, refs (folded for the index). Each
    person or place is indexed by one token; a query naming any alias of it asks for that token (see
    ``Index._expand``), so aliases need not be copied into every document's row. ``texts``: its
    first three, when made already (``text_columns``)."""
    people = [f"{entity_token(entity_id)} {name} {as_written or ''}" for entity_id, name, as_written in names]
    refs = [*labels, doc["source"] or "", doc["date_text"] or "", *year_tokens(doc["date_start"], doc["date_end"])]
    return [
        *(texts if texts is not None else text_columns(doc["title"], doc["summary"], "\n\n".join(bodies))),
        folding.index_text(" ; ".join(dict.fromkeys(filter(None, people)))),
        folding.index_text(" ; ".join(filter(None, refs))),
    ]


def text_columns(title: str | None, summary: str | None, body: str) -> list[str]:
    """A document's title, summary and body columns (``body``: its texts' bodies joined by a blank line)."""
    return [folding.index_text(title), folding.index_text(summary), folding.index_text(body)]


def indexed_words(texts: list[str]) -> set[str]:
    """The words of a document's title, summary and body columns (``text_columns``, of the values
    as the documents row holds them): what the terms table keeps (``Index.reindex``)."""
    found = folding.word_set(texts[2])
    found.update(folding.tokens(texts[0]))
    found.update(folding.tokens(texts[1]))
    return found


def search_columns(conn: sqlite3.Connection, document_id: int) -> list[str] | None:
    """What the full-text index should hold for a document (title, summary, body, names, refs)."""
    cursor = conn.cursor()
    cursor.row_factory = sqlite3.Row
    doc = cursor.execute(
        "SELECT title, summary, source, date_text, date_start, date_end FROM documents WHERE id = ?",
        (document_id,),
    ).fetchone()
    if doc is None:
        return None
    bodies = [
        unpack(row[0])
        for row in conn.execute("SELECT body FROM texts WHERE document_id = ? ORDER BY position", (document_id,))
    ]
    # page text not yet taken into a text of the document (a scan beside typed texts)
    bodies += [
        row[0]
        for row in conn.execute(
            "SELECT text FROM pages WHERE document_id = ? AND text IS NOT NULL AND NOT EXISTS "
            "(SELECT 1 FROM texts WHERE document_id = ? AND origin IN ('pdf', 'ocr')) ORDER BY position",
            (document_id, document_id),
        )
    ]
    names = conn.execute(
        "SELECT e.id, e.name, de.as_written FROM document_entities de JOIN entities e ON e.id = de.entity_id "
        "WHERE de.document_id = ? ORDER BY e.id, de.role",
        (document_id,),
    ).fetchall()
    refs = [
        row[0]
        for row in conn.execute("SELECT label FROM reference_numbers WHERE document_id = ? ORDER BY id", (document_id,))
    ]
    return columns(doc, bodies, [(row[0], row[1], row[2]) for row in names], refs)
