"""The full-text index: what each document's search row holds, rewriting it, and the terms
table that lets a word find its transliterations, OCR slips and inflections.

The search table is contentless (store/schema_compact.py): FTS5 forgets a row only when given the
values it indexed. So before anything a row is built from changes (a title, a text, a mention, a
person's name, a reference number, a page's text, a deleted document), temporary triggers on this
connection hand the document's id to ``_notice``, which keeps what its row holds then, once per
document until it is reindexed. ``reindex`` deletes with those values and inserts the new ones, and
every write transaction reindexes what it changed before it commits, so no write path has to
remember to. (Another program writing to the archive is not noticed: ``check`` finds it.) A change
made outside a write transaction of ``begin_write`` (a statement in autocommit, sqlite-utils' table
API with a transaction of its own) would be committed before anything reindexed it, so the triggers
refuse it (``REFUSED``).

So ``search_columns`` must make the same row of the same sources in every version: a change to what
it makes (store/index_rows.py, ``folding.index_text``) needs a migration that rebuilds the index, or the
rows written before could no longer be deleted."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from .. import folding
from ..records import ParsedDocument
from .entities import Entities
from .index_rows import ENTITY_TOKEN as ENTITY_TOKEN
from .index_rows import YEAR_TOKEN as YEAR_TOKEN  # the store's names for them, as before
from .index_rows import Terms as Terms
from .index_rows import columns as _columns
from .index_rows import entity_token as entity_token
from .index_rows import indexed_words, search_columns
from .index_rows import year_tokens as year_tokens
from .schema_compact import SEARCH_COLUMNS, SEARCH_TABLE, tune_search

YEARS_IN_QUERY = 10  # a date filter spanning more years is not selective enough to help the index
NOTICE = "archive_index_notice"  # the SQL function the triggers call
REFUSED = "a change to what the full-text index is built from must be made in a write transaction (begin_write)"

# What ``search_columns`` reads, and the document ids a change to it touches: (table, events, ids).
_SOURCES = [
    ("documents", "DELETE", ["OLD.id"]),
    ("documents", "UPDATE OF title, summary, source, date_text, date_start, date_end", ["OLD.id"]),
    ("texts", "INSERT", ["NEW.document_id"]),
    ("texts", "DELETE", ["OLD.document_id"]),
    ("texts", "UPDATE OF document_id, body, origin, position", ["OLD.document_id", "NEW.document_id"]),
    ("pages", "INSERT", ["NEW.document_id"]),
    ("pages", "DELETE", ["OLD.document_id"]),
    ("pages", "UPDATE OF document_id, text, position", ["OLD.document_id", "NEW.document_id"]),
    ("document_entities", "INSERT", ["NEW.document_id"]),
    ("document_entities", "DELETE", ["OLD.document_id"]),
    ("document_entities", "UPDATE", ["OLD.document_id", "NEW.document_id"]),
    ("reference_numbers", "INSERT", ["NEW.document_id"]),
    ("reference_numbers", "DELETE", ["OLD.document_id"]),
    ("reference_numbers", "UPDATE OF document_id, label", ["OLD.document_id", "NEW.document_id"]),
]
_INDEXED = "EXISTS (SELECT 1 FROM main.search_docsize WHERE id = {})"  # only indexed documents need noticing


def _notice_or_refuse(document_id: str) -> str:
    """The trigger's expression: hand the id to ``_notice``, and abort the statement when it refuses."""
    return f"CASE WHEN {NOTICE}({document_id}) THEN NULL ELSE RAISE(ABORT, '{REFUSED}') END"


def _triggers() -> list[str]:
    """The temporary triggers that tell ``_notice`` which documents' index rows a change touches."""
    statements = []
    for number, (table, event, ids) in enumerate(_SOURCES):
        body = " ".join(f"SELECT {_notice_or_refuse(i)} WHERE {_INDEXED.format(i)};" for i in ids)
        statements.append(
            f"CREATE TEMP TRIGGER IF NOT EXISTS index_notice_{number} BEFORE {event} ON main.{table} BEGIN {body} END"
        )
    # a person renamed changes the names column of every document naming them; one deleted too, and
    # before the row goes (its mentions go by cascade, when the name can no longer be read)
    for event in ("UPDATE OF name", "DELETE"):
        statements.append(
            f"CREATE TEMP TRIGGER IF NOT EXISTS index_notice_entities_{event.split()[0].lower()} BEFORE {event} "
            f"ON main.entities BEGIN SELECT {_notice_or_refuse('document_id')} FROM main.document_entities "
            f"WHERE entity_id = OLD.id AND {_INDEXED.format('document_id')}; END"
        )
    return statements


# The triggers an import's group drops while it is open: a row added to a document's texts, mentions
# or numbers, each of which cost SQLite a trigger program (14 mentions a document). The group writes
# new documents, which have no row to keep yet, and rewrites older ones with save_document, whose
# UPDATE of the documents row comes first and is noticed (the row as it was is kept then).
_QUIET_IN_GROUPS = [
    f"index_notice_{number}"
    for number, (table, event, _ids) in enumerate(_SOURCES)
    if event == "INSERT" and table in ("texts", "document_entities", "reference_numbers")
]


def _by_id_role(mention: tuple[int, str, str, str | None]) -> tuple[int, str]:
    return mention[0], mention[2]


class Index(Entities):
    """The search (FTS5) and terms tables."""

    # each stream of documents a parse process hands on (index_rows.Terms): the place of the next
    # document the writer may trust its new words for, -1 when it can trust none of it any more
    _streams: dict[str, int]

    def search_columns(self, document_id: int) -> list[str] | None:
        """What the full-text index should hold for a document (title, summary, body, names, refs)."""
        return search_columns(self.conn, document_id)

    def columns_of(
        self,
        row: Mapping[str, Any],
        parsed: ParsedDocument,
        named: list[tuple[int, str, str, str | None]],
        terms: Terms | None = None,
    ) -> list[str]:
        """What ``search_columns`` would read back for a new document just written from ``parsed`` (its
        documents ``row`` and the mentions ``named``), built from memory instead; with the text columns
        a parse worker made of it (``terms``), not folded again."""
        names = [(entity_id, name, as_written) for entity_id, name, _role, as_written in sorted(named, key=_by_id_role)]
        bodies = [text.body for text in parsed.texts]
        texts = None
        if terms is not None:
            plain = [row["title"] or "", row["summary"] or "", "\n\n".join(bodies)]
            texts = plain if terms.texts is None else terms.texts
        return _columns(row, bodies, names, [number.label for number in parsed.reference_numbers], texts)

    # -- keeping the contentless index in step ------------------------------------------------

    def _watch_index(self) -> None:
        """Install the triggers and the function they call (once per writable connection)."""
        self.conn.create_function(NOTICE, 1, self._notice)
        for statement in _triggers():
            self.conn.execute(statement)

    def _notice(self, document_id: int) -> bool:
        """Called by a trigger before a change to what an indexed document's row is built from; False
        (the statement is refused) outside a write transaction, where nothing would reindex it before
        its commit."""
        if not (self._writing and self.conn.in_transaction):
            return False
        if document_id not in self._unindexed:
            columns = self.search_columns(document_id)
            if columns is not None:
                self._unindexed[document_id] = columns
        return True

    def begin_write(self, *, group: bool = False) -> None:
        super().begin_write(group=group)
        if group:  # made again before the commit; a rollback puts them back by itself
            try:
                for name in _QUIET_IN_GROUPS:
                    self.conn.execute(f"DROP TRIGGER IF EXISTS temp.{name}")
            except BaseException:
                self.rollback_write()
                raise

    def commit_write(self) -> None:
        """Reindex every document the transaction changed (a path that forgot to is caught here), then
        commit. A commit that fails (a full disk) is rolled back, not left open half-done: a group has
        counted its documents and made its triggers again by then (``transaction()``, ``WriteGroup.close``)."""
        try:
            for document_id in list(self._unindexed):
                self.reindex(document_id)
            self._write_deferred()
            if self._entity_ids is not None:  # a group's: the triggers it dropped
                for statement in _triggers():
                    self.conn.execute(statement)
            super().commit_write()
        except BaseException:
            self.rollback_write()
            raise

    def rollback_write(self) -> None:
        self._unindexed.clear()  # what they held is what the index holds again
        self._deferred.clear()
        super().rollback_write()

    def is_indexed(self, document_id: int) -> bool:
        return self._one("SELECT 1 FROM search_docsize WHERE id = ?", (document_id,)) is not None

    def _unindex(self, document_id: int, columns: list[str]) -> None:
        """Take a row out of the contentless index: FTS5 needs the very values it indexed."""
        self.conn.execute(
            f"INSERT INTO search (search, rowid, {SEARCH_COLUMNS}) VALUES ('delete', ?, ?, ?, ?, ?, ?)",
            (document_id, *columns),
        )

    def reindex(self, document_id: int, columns: list[str] | None = None, terms: Terms | None = None) -> None:
        """Rewrite one document's full-text row (from ``columns`` when the caller has them, else read
        from the archive) and remember its words' folded keys. A document whose sources did not change
        since it was indexed keeps its row; a deleted one loses it. ``terms``: the words of the first
        three columns (``indexed_words``) and the keys of some, found by a parse worker, of a document
        written as it parsed it (no correction kept)."""
        if columns is not None and self._entity_ids is not None and document_id not in self._unindexed:
            # a new document of an import's group: its row is written as the group commits
            self._deferred[document_id] = (columns, terms)
            return
        self._deferred.pop(document_id, None)  # changed again in its group: its row is read from the archive
        old = self._unindexed.pop(document_id, None)
        if old is not None:
            self._unindex(document_id, old)
        elif self.is_indexed(document_id):
            return  # nothing it is built from changed (the triggers would have noticed)
        read = columns is None
        columns = self.search_columns(document_id) if columns is None else columns
        if columns is None:
            return
        self._write_row(document_id, columns, terms, read)

    def _write_deferred(self) -> None:
        """The rows of the new documents of an import's group, written as it commits. Written one
        after another with the documents, each row was flushed out of FTS5's memory into a segment of
        its own: the next statement that may be undone alone (any with a trigger) opens a savepoint,
        and FTS5 flushes at every savepoint (a fifth of the writer's time). A document deleted since
        gets no row; one written again was indexed then (``reindex``)."""
        deferred, self._deferred = self._deferred, {}
        if not deferred:
            return
        there = {row[0] for row in self.conn.execute("SELECT id FROM documents WHERE id >= ?", (min(deferred),))}
        for document_id, (columns, terms) in deferred.items():
            if document_id in there:
                self._write_row(document_id, columns, terms)

    def _write_row(self, document_id: int, columns: list[str], terms: Terms | None, read: bool = False) -> None:
        """Index a row and keep its words in the terms table; ``read``: its columns were read from the
        archive (an updated document), which may hold more than the parse worker saw (a former version's
        page text), so their words are looked at too, while the worker's stream is kept in step."""
        self.conn.execute(
            f"INSERT INTO search (rowid, {SEARCH_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?)", (document_id, *columns)
        )
        keys: Mapping[str, str] = terms.keys if terms is not None else {}
        words = self._words_to_look_at(terms, columns) if terms is not None else set()
        if terms is None or read:  # the columns are folded already
            words |= indexed_words(columns)
        fresh = words - self._known_terms
        if fresh:
            self._known_terms |= fresh
            self.conn.executemany(
                "INSERT OR IGNORE INTO terms (term, key) VALUES (?, ?)",
                [(t, keys[t] if t in keys else folding.key(t)) for t in fresh if folding.is_indexable_term(t)],
            )

    def _words_to_look_at(self, terms: Terms, columns: list[str]) -> set[str]:
        """The words of a document the terms table may lack: the ones new to the process that parsed
        it, when the writer indexed every document before it in that process's stream, in order, since
        it last knew its terms table whole; else all of them (see index_rows.Terms)."""
        if "" not in self._known_terms:  # no word is empty: its absence says the known terms were forgotten
            self._streams = {}
            self._known_terms.add("")
        place = self._streams.get(terms.stream, 0)
        if place == terms.place:
            self._streams[terms.stream] = place + 1
            return set(terms.new.split())
        self._streams[terms.stream] = -1
        if terms.words:
            return set(terms.words.split())
        return indexed_words(columns)  # a worker's: read from the row

    def rebuild_index(self) -> int:
        """Rebuild the whole full-text index from the stored texts (``check --repair``)."""
        with self.transaction():
            self.conn.execute("DROP TABLE search")  # a damaged index cannot be trusted to delete
            self.conn.execute(SEARCH_TABLE)
            tune_search(self.conn)
            self.conn.execute("DELETE FROM terms")
            self._known_terms.clear()
            self._unindexed.clear()
            ids = [row[0] for row in self.conn.execute("SELECT id FROM documents")]
            for document_id in ids:
                self.reindex(document_id)  # a damaged text indexes as text_codec.DAMAGED (check names it)
            self.conn.execute("INSERT INTO search (search) VALUES ('optimize')")
        return len(ids)

    def _expand(self, word: str) -> list[str]:
        """What ``word`` also matches: indexed terms with the same folded key (transliterations,
        OCR slips, inflections) and, when it names a person or place, every alias of it."""
        variants: list[str] = []
        if " " not in word.strip():
            rows = self.conn.execute("SELECT term FROM terms WHERE key = ? LIMIT 40", (folding.key(word),))
            variants = [row[0] for row in rows]
        entity = self.gazetteer().named(word)
        if entity is not None:
            entity_id = self._one("SELECT id FROM entities WHERE kind = ? AND name = ?", (entity.kind, entity.name))
            if entity_id is not None:
                variants.append(entity_token(int(entity_id)))
        return variants

    def _names_in(self, query: str) -> list[tuple[int, int]]:
        """Where ``query`` names a person or place in more than one word ("Ким Ир Сен", "Chou
        En-lai"): such a name is searched as one, so it finds its person, not its words apart."""
        return [
            (hit.start, hit.end)
            for hit in self.gazetteer().find(query)
            if len(folding.words(hit.as_written)) > 1 and not folding.is_cjk(hit.as_written[0])
        ]

    def _surface_forms(self, word: str, expand: Callable[[str], list[str]] | None = None) -> list[str]:
        """What to highlight for ``word``: its folded relatives and the names of whom it names."""
        variants = [v for v in (expand or self._expand)(word) if not v.startswith(ENTITY_TOKEN)]
        entity = self.gazetteer().named(word)
        return variants + (entity.all_names() if entity is not None else [])
