"""People and organisations: listing them, merging two entries, aliases, and the kind of an entry.

The search index holds one token per entity (store/index.py) and a query naming any alias asks for
that token through the gazetteer, so: an alias added or removed needs no reindexing (the gazetteer is
rebuilt and search follows at once); a merge moves mentions to another entity, so the documents that
named the merged entry are reindexed. Names the built-in gazetteer would bring back (an alias removed,
an entry merged away or turned into an organisation) are kept in ``retired_names``.

Each change stores a snapshot of the entries it touched (rows by kind and name, not ids, which a
restore could not promise) and of their mentions in the documents concerned; undo writes it back.
"""

from __future__ import annotations

from typing import Any

from ..curation import Change, ChangeItem, InvalidValue, PersonEntry, UnknownEntity
from .history import History

PEOPLE_KINDS = ("person", "organization")
Name = tuple[str, str]  # (kind, name)


class People(History):
    """The entities, aliases and retired_names tables, as the people view and the command line see them."""

    def persons(self, query: str = "", kinds: tuple[str, ...] = PEOPLE_KINDS) -> list[PersonEntry]:
        """People (and organisations) by name, with aliases and how many documents name each; ``query``
        keeps those whose name or an alias contains it."""
        marks = ",".join("?" * len(kinds))
        like = f"%{query.strip()}%"
        found = self.conn.execute(
            "SELECT e.id, e.name, e.kind, e.note, (SELECT count(DISTINCT document_id) FROM document_entities "
            f"WHERE entity_id = e.id) FROM entities e WHERE e.kind IN ({marks}) AND (e.name LIKE ? OR EXISTS "
            "(SELECT 1 FROM aliases a WHERE a.entity_id = e.id AND a.alias LIKE ?)) ORDER BY e.name, e.kind",
            [*kinds, like, like],
        ).fetchall()
        aliases: dict[int, list[str]] = {}
        for entity_id, alias in self.conn.execute(
            f"SELECT a.entity_id, a.alias FROM aliases a JOIN entities e ON e.id = a.entity_id "
            f"WHERE e.kind IN ({marks}) ORDER BY a.alias",
            kinds,
        ):
            aliases.setdefault(entity_id, []).append(alias)
        return [PersonEntry(i, n, k, note, aliases.get(i, []), count) for i, n, k, note, count in found]

    def entity_names(self, kinds: tuple[str, ...] = PEOPLE_KINDS) -> list[str]:
        """The names of the entries of ``kinds``, in ``persons``' order, without counting their
        documents (what a name box offers: counting every person's documents took 0.6 s a call at a
        million documents, and the details form asked five times as the window opened)."""
        marks = ",".join("?" * len(kinds))
        rows = self.conn.execute(f"SELECT name FROM entities WHERE kind IN ({marks}) ORDER BY name, kind", kinds)
        return [row[0] for row in rows]

    def entity_named(self, name: str, kinds: tuple[str, ...] = (*PEOPLE_KINDS, "place")) -> Name:
        """The (kind, name) of the entry a typed name means: its name, else a unique alias."""
        for kind in kinds:
            if self._one("SELECT 1 FROM entities WHERE kind = ? AND name = ?", (kind, name)):
                return kind, name
        found = self.conn.execute(
            f"SELECT DISTINCT e.kind, e.name FROM aliases a JOIN entities e ON e.id = a.entity_id WHERE a.alias = ? "
            f"AND e.kind IN ({','.join('?' * len(kinds))})",
            (name, *kinds),
        ).fetchall()
        if len(found) == 1:
            return found[0][0], found[0][1]
        if found:
            raise UnknownEntity(f"“{name}” is an alias of several entries: {', '.join(r[1] for r in found)}")
        raise UnknownEntity(f"no person or organisation “{name}” in the archive")

    # -- changes ------------------------------------------------------------------------------

    def merge_persons(self, source: str, target: str, author: str) -> Change:
        """Merge entry ``source`` into ``target``: its mentions, names and aliases become target's."""
        merged, kept = self.entity_named(source), self.entity_named(target)
        if merged == kept:
            raise InvalidValue(f"“{source}” and “{target}” are the same entry")
        merged_id, kept_id = self._entity_row(merged), self._entity_row(kept)
        documents = self._documents_naming(merged_id)
        scope = {"names": [list(merged), list(kept)], "documents": documents}
        with self.transaction():
            before = self._snapshot(scope)
            names = [merged[1], *self._aliases(merged_id)]
            self.conn.executemany(
                "INSERT OR IGNORE INTO aliases (entity_id, alias, kind) VALUES (?, ?, 'variant')",
                [(kept_id, name) for name in names if name != kept[1]],
            )
            self.conn.execute(
                "INSERT OR IGNORE INTO document_entities (document_id, entity_id, role, as_written, position) "
                "SELECT document_id, ?, role, as_written, position FROM document_entities WHERE entity_id = ?",
                (kept_id, merged_id),
            )
            self.conn.execute("DELETE FROM entities WHERE id = ?", (merged_id,))
            self._retire_builtin(merged)
            return self._entity_change("merge", f"Merge {merged[1]} into {kept[1]}", author, scope, before)

    def add_alias(self, name: str, alias: str, author: str) -> Change:
        """Give an entry another name; a search for it finds the entry's documents at once."""
        entity = self.entity_named(name)
        alias = " ".join(alias.split())
        if not alias or alias == entity[1]:
            raise InvalidValue("an alias must be a name other than the entry's own", "alias")
        entity_id = self._entity_row(entity)
        if alias in self._aliases(entity_id):
            raise InvalidValue(f"“{alias}” is an alias of {entity[1]} already", "alias")
        scope = {"names": [list(entity)], "documents": []}
        with self.transaction():
            before = self._snapshot(scope)
            self.conn.execute(
                "INSERT INTO aliases (entity_id, alias, kind) VALUES (?, ?, 'variant')", (entity_id, alias)
            )
            self.conn.execute("DELETE FROM retired_names WHERE kind = ? AND name = ? AND alias = ?", (*entity, alias))
            return self._entity_change("alias", f"Add alias {alias} to {entity[1]}", author, scope, before)

    def remove_alias(self, name: str, alias: str, author: str) -> Change:
        """Take a name away from an entry (also one the built-in gazetteer gave it)."""
        entity = self.entity_named(name)
        entity_id = self._entity_row(entity)
        if alias not in self._aliases(entity_id):
            raise InvalidValue(f"“{alias}” is not an alias of {entity[1]}", "alias")
        scope = {"names": [list(entity)], "documents": self._documents_naming(entity_id)}
        with self.transaction():
            before = self._snapshot(scope)
            self.conn.execute("DELETE FROM aliases WHERE entity_id = ? AND alias = ?", (entity_id, alias))
            builtin = self.gazetteer().get(entity[1], entity[0])
            if builtin is not None and alias in builtin.aliases:
                self.conn.execute(
                    "INSERT OR IGNORE INTO retired_names (kind, name, alias) VALUES (?, ?, ?)", (*entity, alias)
                )
            return self._entity_change("alias", f"Remove alias {alias} from {entity[1]}", author, scope, before)

    def set_entity_kind(self, name: str, kind: str, author: str) -> Change:
        """Make an entry a person or an organisation (an office, a ministry, a committee)."""
        if kind not in PEOPLE_KINDS:
            raise InvalidValue(f"unknown kind {kind!r} (person, organization)", "kind")
        entity = self.entity_named(name, PEOPLE_KINDS)
        if entity[0] == kind:
            raise InvalidValue(f"{entity[1]} is a {kind} already", "kind")
        if self._one("SELECT 1 FROM entities WHERE kind = ? AND name = ?", (kind, entity[1])):
            raise InvalidValue(f"a {kind} named {entity[1]} exists already: merge the two instead", "kind")
        entity_id = self._entity_row(entity)
        scope = {"names": [list(entity), [kind, entity[1]]], "documents": self._documents_naming(entity_id)}
        with self.transaction():
            before = self._snapshot(scope)
            self.conn.execute("UPDATE entities SET kind = ? WHERE id = ?", (kind, entity_id))
            self._retire_builtin(entity)
            label = f"Make {entity[1]} {'an organisation' if kind == 'organization' else 'a person'}"
            return self._entity_change("entity_kind", label, author, scope, before)

    # -- snapshots and the target -------------------------------------------------------------

    def _entity_change(self, kind: str, label: str, author: str, scope: dict[str, Any], before: Any) -> Change:
        self._gazetteer = None  # the next search reads the names anew
        for document_id in scope["documents"]:
            self.reindex(document_id)
        after = self._snapshot(scope)
        item = ChangeItem(None, "entities", label, before, after)
        return self.record_change(kind, label, author, [item], documents=scope["documents"])

    def _snapshot(self, scope: dict[str, Any]) -> dict[str, Any]:
        names = [tuple(n) for n in scope["names"]]
        entities, aliases, mentions, retired = [], [], [], []
        for kind, name in names:
            row = self.conn.execute(
                "SELECT id, note FROM entities WHERE kind = ? AND name = ?", (kind, name)
            ).fetchone()
            retired += [
                [kind, name, r[0]]
                for r in self.conn.execute(
                    "SELECT alias FROM retired_names WHERE kind = ? AND name = ? ORDER BY alias", (kind, name)
                )
            ]
            if row is None:
                continue
            entities.append({"kind": kind, "name": name, "note": row[1]})
            aliases += [
                [kind, name, a, k]
                for a, k in self.conn.execute(
                    "SELECT alias, kind FROM aliases WHERE entity_id = ? ORDER BY alias", (row[0],)
                )
            ]
            for document_id in scope["documents"]:
                mentions += [
                    [document_id, kind, name, role, written]
                    for role, written in self.conn.execute(
                        "SELECT role, as_written FROM document_entities WHERE entity_id = ? AND document_id = ? "
                        "ORDER BY position",
                        (row[0], document_id),
                    )
                ]
        return {"scope": scope, "entities": entities, "aliases": aliases, "mentions": mentions, "retired": retired}

    def _get_entities(self, item: ChangeItem) -> Any:
        return self._snapshot(item.after["scope"])

    def _set_entities(self, item: ChangeItem, value: Any, author: str) -> None:
        scope = value["scope"]
        wanted = {(e["kind"], e["name"]): e for e in value["entities"]}
        for kind, name in (tuple(n) for n in scope["names"]):
            self.conn.execute("DELETE FROM retired_names WHERE kind = ? AND name = ?", (kind, name))
            entity_id = self._one("SELECT id FROM entities WHERE kind = ? AND name = ?", (kind, name))
            if entity_id is None:
                continue
            if (kind, name) not in wanted:
                self.conn.execute("DELETE FROM entities WHERE id = ?", (entity_id,))
                continue
            self.conn.execute("DELETE FROM aliases WHERE entity_id = ?", (entity_id,))
            self.conn.executemany(
                "DELETE FROM document_entities WHERE entity_id = ? AND document_id = ?",
                [(entity_id, d) for d in scope["documents"]],
            )
        ids = {}
        for (kind, name), entity in wanted.items():
            self.conn.execute(
                "INSERT OR IGNORE INTO entities (kind, name, note) VALUES (?, ?, ?)", (kind, name, entity["note"])
            )
            ids[(kind, name)] = int(self._one("SELECT id FROM entities WHERE kind = ? AND name = ?", (kind, name)))
        self.conn.executemany(
            "INSERT OR IGNORE INTO aliases (entity_id, alias, kind) VALUES (?, ?, ?)",
            [(ids[(k, n)], a, ak) for k, n, a, ak in value["aliases"]],
        )
        self.conn.executemany(  # each after the document's other mentions, as a new rowid came after them
            "INSERT OR IGNORE INTO document_entities (document_id, entity_id, role, as_written, position) "
            "VALUES (?1, ?2, ?3, ?4, "
            "(SELECT coalesce(max(position) + 1, 0) FROM document_entities WHERE document_id = ?1))",
            [(d, ids[(k, n)], role, w) for d, k, n, role, w in value["mentions"]],
        )
        self.conn.executemany(
            "INSERT OR IGNORE INTO retired_names (kind, name, alias) VALUES (?, ?, ?)", value["retired"]
        )
        self._gazetteer = None
        for document_id in scope["documents"]:
            if self._one("SELECT 1 FROM documents WHERE id = ?", (document_id,)):
                self.reindex(document_id)

    # -- helpers --------------------------------------------------------------------------------

    def _entity_row(self, entity: Name) -> int:
        return int(self._one("SELECT id FROM entities WHERE kind = ? AND name = ?", entity))

    def _aliases(self, entity_id: int) -> list[str]:
        return [
            r[0]
            for r in self.conn.execute("SELECT alias FROM aliases WHERE entity_id = ? ORDER BY alias", (entity_id,))
        ]

    def _documents_naming(self, entity_id: int) -> list[int]:
        return [
            r[0]
            for r in self.conn.execute(
                "SELECT DISTINCT document_id FROM document_entities WHERE entity_id = ? ORDER BY document_id",
                (entity_id,),
            )
        ]

    def _retire_builtin(self, entity: Name) -> None:
        """Keep the built-in gazetteer from bringing back an entry the archivist merged or re-kinded."""
        if self.gazetteer().get(entity[1], entity[0]) is not None:
            self.conn.execute("INSERT OR IGNORE INTO retired_names (kind, name, alias) VALUES (?, ?, '')", entity)
