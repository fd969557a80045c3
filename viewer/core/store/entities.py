"""People and places: the built-in gazetteer plus what this archive has learned."""

from __future__ import annotations

from ..gazetteer import Entity, Gazetteer, builtin_entities
from .connection import Connection


class Entities(Connection):
    """The entities and aliases tables."""

    _people_version: int | None = None  # the last people change (merge, alias, kind) the gazetteer holds

    def gazetteer(self) -> Gazetteer:
        """Built-in people and places plus everything this archive has learned. Made again after a
        people change, also one another connection committed (the command line beside the window)."""
        version = self._one("SELECT max(change_id) FROM change_items WHERE target = 'entities'")
        if version != self._people_version:
            self._gazetteer, self._people_version = None, version
        if self._gazetteer is None:
            entities = {(e.kind, e.name): e for e in self._builtin_entities()}
            rows = self.conn.execute(
                "SELECT e.kind, e.name, e.note, a.alias, a.kind AS alias_kind FROM entities e "
                "LEFT JOIN aliases a ON a.entity_id = e.id"
            )
            for row in rows:
                entity = entities.setdefault((row["kind"], row["name"]), Entity(row["kind"], row["name"], row["note"]))
                if row["alias"] and row["alias"] != entity.name:
                    entity.aliases.setdefault(row["alias"], row["alias_kind"])
            self._gazetteer = Gazetteer(list(entities.values()))
        return self._gazetteer

    def _builtin_entities(self) -> list[Entity]:
        """The built-in list less what the archivist took away (retired_names, see store/people.py)."""
        retired: dict[tuple[str, str], set[str]] = {}
        for kind, name, alias in self.conn.execute("SELECT kind, name, alias FROM retired_names"):
            retired.setdefault((kind, name), set()).add(alias)
        entities = []
        for entity in builtin_entities():
            gone = retired.get((entity.kind, entity.name), set())
            if "" not in gone:
                entity.aliases = {a: k for a, k in entity.aliases.items() if a not in gone}
                entities.append(entity)
        return entities

    def _entity_id(self, kind: str, name: str) -> int:
        """The id of a person or place, added on first mention. Cached in an import's group of
        documents (see ``begin_write``), which names the same people again and again."""
        cache = self._entity_ids if self._entity_ids is not None else {}
        if (kind, name) in cache:
            return cache[(kind, name)]
        found = self._one("SELECT id FROM entities WHERE kind = ? AND name = ?", (kind, name))
        if found:
            cache[(kind, name)] = int(found)
            return int(found)
        entity = self.gazetteer().get(name, kind)
        cursor = self.conn.execute(
            "INSERT INTO entities (kind, name, note) VALUES (?, ?, ?)",
            (kind, name, entity.note if entity else None),
        )
        entity_id = int(cursor.lastrowid or 0)
        if entity:
            self.conn.executemany(
                "INSERT OR IGNORE INTO aliases (entity_id, alias, kind) VALUES (?, ?, ?)",
                [(entity_id, alias, alias_kind) for alias, alias_kind in entity.aliases.items()],
            )
        cache[(kind, name)] = entity_id
        return entity_id
