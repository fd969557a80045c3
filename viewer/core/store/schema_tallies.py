"""The migration that keeps documents counted by what the filter bar narrows by (issue 16).

At a million documents the counts behind a facet change (the total, each facet's values, the
timeline's months) took seconds read from ``documents`` and ``document_entities``. Three small
tables hold them counted: ``tally_documents`` by (language, type, classification group and
spelling, needs review), ``tally_months`` by the same facets and the month of the list's date, and
``tally_people`` by person and facet. A selection of facets alone is then answered from a few
hundred rows (a few thousand for the timeline) at any archive size (``Tallies``). Triggers keep
them exact on every write, whichever code writes: a document inserted, deleted (its people counted
off before its rows cascade away) or changed in a counted column, and a person's mention added,
removed or moved (a person counts a document once, however many roles).
``check`` compares them with a fresh count and ``repair`` recounts them.
"""

from __future__ import annotations

import sqlite3

Key = tuple[tuple[str, str], ...]
# (column of the tally, the same value over a documents row ``{r}``). ``needs_review`` is an INTEGER
# column and the tallies' columns have no type: compared as it is, SQLite would convert the tally's
# side, so its index was read on the first three columns only (every month of a language, type and
# group: 30 ms a group at 100,000 documents, growing with the archive). ``+`` compares it as it is.
FACET_KEY: Key = (
    ("language", "{r}.original_language"),
    ("doc_type", "{r}.doc_type"),
    ("class_group", "{r}.classification_group"),
    ("review", "+{r}.needs_review"),
)
DOCUMENT_KEY: Key = (*FACET_KEY, ("classification", "{r}.classification"))  # each group's spellings
MONTH_KEY: Key = (*FACET_KEY, ("month", "substr({r}.sort_date, 1, 7)"))
PEOPLE_KEY = FACET_KEY
DOCUMENT_TALLIES: dict[str, Key] = {"tally_documents": DOCUMENT_KEY, "tally_months": MONTH_KEY}
COUNTED_COLUMNS = "original_language, doc_type, classification_group, classification, needs_review, date_start"


def _names(key: Key) -> str:
    return ", ".join(name for name, _ in key)


TABLES = [
    *(
        statement
        for table, key in DOCUMENT_TALLIES.items()
        for statement in (
            f"CREATE TABLE {table} ({_names(key)}, n INTEGER NOT NULL)",
            f"CREATE INDEX {table}_key ON {table} ({_names(key)})",
        )
    ),
    f"CREATE TABLE tally_people (entity_id INTEGER NOT NULL, {_names(PEOPLE_KEY)}, n INTEGER NOT NULL)",
    f"CREATE INDEX tally_people_key ON tally_people (entity_id, {_names(PEOPLE_KEY)})",
]
# The list's first screen of one facet in date order, and its whole order, read on an index
# (was: every document of the value sorted). They replace the indexes on the value alone.
FACET_DATE_INDEXES = """
DROP INDEX IF EXISTS documents_language;
DROP INDEX IF EXISTS documents_type;
CREATE INDEX documents_language_date ON documents (original_language, sort_date, id);
CREATE INDEX documents_type_date ON documents (doc_type, sort_date, id);
CREATE INDEX documents_group_date ON documents (classification_group, sort_date, id);
"""


def _same(key: Key, row: str, table: str = "") -> str:
    """The tally's key columns equal (IS: NULL is a value here) to documents row ``row``'s."""
    return " AND ".join(f"{table}{name} IS {value.format(r=row)}" for name, value in key)


def _values(key: Key, row: str) -> str:
    return ", ".join(value.format(r=row) for _name, value in key)


def _document(row: str, sign: str, table: str, key: Key) -> list[str]:
    """Statements that count documents row ``row`` (NEW or OLD) in (+) or out (-) of ``table``."""
    same = _same(key, row)
    if sign == "+":
        return [
            f"INSERT INTO {table} ({_names(key)}, n) SELECT {_values(key, row)}, 0 "
            f"WHERE NOT EXISTS (SELECT 1 FROM {table} WHERE {same});",
            f"UPDATE {table} SET n = n + 1 WHERE {same};",
        ]
    return [f"UPDATE {table} SET n = n - 1 WHERE {same};", f"DELETE FROM {table} WHERE {same} AND n <= 0;"]


def _documents(row: str, sign: str) -> list[str]:
    return [statement for table, key in DOCUMENT_TALLIES.items() for statement in _document(row, sign, table, key)]


def _people_of(row: str, sign: str) -> list[str]:
    """Statements that count documents row ``row`` in (+) or out (-) for every person it names."""
    names, same = ", ".join(name for name, _ in PEOPLE_KEY), _same(PEOPLE_KEY, row)
    named = f"entity_id IN (SELECT entity_id FROM document_entities WHERE document_id = {row}.id)"
    if sign == "+":
        return [
            f"INSERT INTO tally_people (entity_id, {names}, n) SELECT DISTINCT de.entity_id, "
            f"{_values(PEOPLE_KEY, row)}, 0 FROM document_entities de WHERE de.document_id = {row}.id "
            f"AND NOT EXISTS (SELECT 1 FROM tally_people t WHERE t.entity_id = de.entity_id AND "
            f"{_same(PEOPLE_KEY, row, 't.')});",
            f"UPDATE tally_people SET n = n + 1 WHERE {named} AND {same};",
        ]
    return [
        f"UPDATE tally_people SET n = n - 1 WHERE {named} AND {same};",
        f"DELETE FROM tally_people WHERE {named} AND {same} AND n <= 0;",
    ]


def _mention(row: str, sign: str) -> list[str]:
    """Statements that count the document of mention ``row`` (document_entities NEW or OLD) in (+)
    or out (-) for its person; nothing when the document is not (or no longer) there."""
    names = ", ".join(name for name, _ in PEOPLE_KEY)
    found = (
        f"SELECT t.rowid FROM tally_people t JOIN documents d ON d.id = {row}.document_id "
        f"WHERE t.entity_id = {row}.entity_id AND {_same(PEOPLE_KEY, 'd', 't.')}"
    )
    if sign == "+":
        return [
            f"INSERT INTO tally_people (entity_id, {names}, n) SELECT {row}.entity_id, {_values(PEOPLE_KEY, 'd')}, 0 "
            f"FROM documents d WHERE d.id = {row}.document_id AND NOT EXISTS ({found});",
            f"UPDATE tally_people SET n = n + 1 WHERE rowid = ({found});",
        ]
    return [
        f"UPDATE tally_people SET n = n - 1 WHERE rowid = ({found});",
        f"DELETE FROM tally_people WHERE rowid = ({found}) AND n <= 0;",
    ]


def _first(row: str) -> str:
    """Whether mention ``row`` is its person's only one in its document (a second role counts nothing)."""
    return (
        f"(SELECT count(*) FROM document_entities WHERE entity_id = {row}.entity_id "
        f"AND document_id = {row}.document_id) = 1"
    )


def _none_left(row: str) -> str:
    return (
        f"NOT EXISTS (SELECT 1 FROM document_entities WHERE entity_id = {row}.entity_id "
        f"AND document_id = {row}.document_id)"
    )


def _counted(document_id: str) -> str:
    """Whether the triggers count a change to document ``document_id``: not while an import's group
    counts it itself (store/tally_pause.py)."""
    return f"NOT EXISTS (SELECT 1 FROM tally_paused WHERE {document_id} BETWEEN low AND high)"


def _trigger(name: str, when: str, table: str, statements: list[str], condition: str = "", row: str = "") -> str:
    """``row``: the document the changed row belongs to, when the trigger is one that a group may pause."""
    conditions = [c for c in (_counted(row) if row else "", condition) if c]
    condition = " AND ".join(f"({c})" for c in conditions) if len(conditions) > 1 else "".join(conditions)
    body = "\n    ".join(statements)
    when = f"{when} ON {table}{f' WHEN {condition}' if condition else ''}"
    return f"CREATE TRIGGER {name} {when}\nBEGIN\n    {body}\nEND;"


def _changed(key: Key) -> str:
    return " OR ".join(f"{value.format(r='OLD')} IS NOT {value.format(r='NEW')}" for _name, value in key)


MOVED = "(OLD.entity_id IS NOT NEW.entity_id OR OLD.document_id IS NOT NEW.document_id)"


def _triggers(pausable: bool) -> list[str]:
    """The tallies' triggers: as migration 7 made them, or as migration 9 remade them (``pausable``)."""

    def row(name: str) -> str:
        return name if pausable else ""

    return [
        _trigger(
            "tally_document_added",
            "AFTER INSERT",
            "documents",
            _documents("NEW", "+") + _people_of("NEW", "+"),
            row=row("NEW.id"),
        ),
        # before: the document's mentions are still there (they cascade away with it)
        _trigger(
            "tally_document_removed",
            "BEFORE DELETE",
            "documents",
            _documents("OLD", "-") + _people_of("OLD", "-"),
            row=row("OLD.id"),
        ),
        *(
            _trigger(
                f"{table}_changed",
                f"AFTER UPDATE OF {COUNTED_COLUMNS}",
                "documents",
                _document("OLD", "-", table, key) + _document("NEW", "+", table, key),
                _changed(key),
                row("NEW.id"),
            )
            for table, key in DOCUMENT_TALLIES.items()
        ),
        _trigger(
            "tally_document_people_changed",
            f"AFTER UPDATE OF {COUNTED_COLUMNS}",
            "documents",
            _people_of("OLD", "-") + _people_of("NEW", "+"),
            _changed(PEOPLE_KEY),
            row("NEW.id"),
        ),
        _trigger(
            "tally_mention_added",
            "AFTER INSERT",
            "document_entities",
            _mention("NEW", "+"),
            _first("NEW"),
            row("NEW.document_id"),
        ),
        _trigger(
            "tally_mention_removed",
            "AFTER DELETE",
            "document_entities",
            _mention("OLD", "-"),
            _none_left("OLD"),
            row("OLD.document_id"),
        ),
        _trigger(
            "tally_mention_moved_from",
            "AFTER UPDATE OF entity_id, document_id",
            "document_entities",
            _mention("OLD", "-"),
            f"{MOVED} AND {_none_left('OLD')}",
            row("OLD.document_id"),
        ),
        _trigger(
            "tally_mention_moved_to",
            "AFTER UPDATE OF entity_id, document_id",
            "document_entities",
            _mention("NEW", "+"),
            f"{MOVED} AND {_first('NEW')}",
            row("NEW.document_id"),
        ),
    ]


TRIGGERS = _triggers(pausable=True)


def _first_columns(number: int) -> str:
    return ", ".join(str(column) for column in range(1, number + 1))


# (table, what it holds, what it should hold)
COUNTS = [
    *(
        (
            table,
            f"SELECT {_names(key)}, n FROM {table}",
            f"SELECT {_values(key, 'd')}, count(*) FROM documents d GROUP BY {_first_columns(len(key))}",
        )
        for table, key in DOCUMENT_TALLIES.items()
    ),
    (
        "tally_people",
        f"SELECT entity_id, {_names(PEOPLE_KEY)}, n FROM tally_people",
        f"SELECT x.entity_id, {_values(PEOPLE_KEY, 'd')}, count(*) FROM "
        "(SELECT DISTINCT entity_id, document_id FROM document_entities) x JOIN documents d ON d.id = x.document_id "
        f"GROUP BY {_first_columns(len(PEOPLE_KEY) + 1)}",
    ),
]


def fresh_counts(chosen: str) -> list[tuple[str, list[str], str]]:
    """For each tally: its table, its key's columns, and the counts of the documents ``chosen``
    selects (a condition on the id ``{id}``), as ``COUNTS`` makes them of every document."""
    counts = [
        (
            table,
            [name for name, _ in key],
            f"SELECT {_values(key, 'd')}, count(*) FROM documents d WHERE {chosen.format(id='d.id')} "
            f"GROUP BY {_first_columns(len(key))}",
        )
        for table, key in DOCUMENT_TALLIES.items()
    ]
    counts.append(
        (
            "tally_people",
            ["entity_id", *(name for name, _ in PEOPLE_KEY)],
            f"SELECT x.entity_id, {_values(PEOPLE_KEY, 'd')}, count(*) FROM (SELECT DISTINCT entity_id, "
            f"document_id FROM document_entities WHERE {chosen.format(id='document_id')}) x "
            f"JOIN documents d ON d.id = x.document_id GROUP BY {_first_columns(len(PEOPLE_KEY) + 1)}",
        )
    )
    return counts


def add_tallies(conn: sqlite3.Connection) -> None:
    """Migration 7: the tallies, their triggers and the facet-and-date indexes, counted afresh."""
    for statement in (*TABLES, *FACET_DATE_INDEXES.strip().split(";\n")):
        conn.execute(statement)
    for trigger in _triggers(pausable=False):
        conn.execute(trigger)
    recount(conn)


def recount(conn: sqlite3.Connection) -> None:
    """Count the tallies afresh from the documents and their mentions (the migration, ``repair``)."""
    for table, _stored, fresh in COUNTS:
        conn.execute(f"DELETE FROM {table}")
        conn.execute(f"INSERT INTO {table} {fresh}")


def differences(conn: sqlite3.Connection) -> int:
    """How many counted rows differ between the tallies and a fresh count (0: exact)."""
    differing = 0
    for _table, stored, fresh in COUNTS:
        either = f"SELECT * FROM ({stored} EXCEPT {fresh}) UNION ALL SELECT * FROM ({fresh} EXCEPT {stored})"
        sql = f"SELECT count(*) FROM ({either})"
        differing += int(conn.execute(sql).fetchone()[0])
    return differing
