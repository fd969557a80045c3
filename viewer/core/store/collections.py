"""Collections: exhibits a kiosk shows, each an ordered list of documents."""

from __future__ import annotations

from collections.abc import Sequence

from ..errors import ArchiveError
from ..records import Collection
from .connection import Connection, now


class Collections(Connection):
    """The collections and collection_items tables."""

    def collection(self, name: str) -> Collection | None:
        """An exhibit: its title, introduction and document ids in the order a kiosk shows them."""
        row = self.conn.execute(
            "SELECT id, name, title, introduction FROM collections WHERE name = ?", (name,)
        ).fetchone()
        if row is None:
            return None
        ids = [
            int(r[0])
            for r in self.conn.execute(
                "SELECT document_id FROM collection_items WHERE collection_id = ? ORDER BY position, document_id",
                (row["id"],),
            )
        ]
        return Collection(int(row["id"]), row["name"], row["title"], row["introduction"] or "", ids)

    def collections(self) -> list[tuple[str, str, int]]:
        """(name, title, number of documents) of every collection, by name."""
        rows = self.conn.execute(
            "SELECT c.name, c.title, count(i.document_id) FROM collections c "
            "LEFT JOIN collection_items i ON i.collection_id = c.id GROUP BY c.id ORDER BY c.name"
        )
        return [(r[0], r[1], int(r[2])) for r in rows]

    def create_collection(
        self, name: str, title: str, introduction: str, document_ids: Sequence[int], *, replace: bool = False
    ) -> int:
        """Make (or with ``replace``, remake) an exhibit in one transaction of its own; returns its id."""
        ordered = list(dict.fromkeys(document_ids))
        with self.transaction():
            missing = [i for i in ordered if self._one("SELECT 1 FROM documents WHERE id = ?", (i,)) is None]
            if missing:
                raise ArchiveError(f"no document with id {', '.join(map(str, missing))} in {self.path}")
            existing = self._one("SELECT id FROM collections WHERE name = ?", (name,))
            if existing is not None and not replace:
                raise ArchiveError(f"a collection “{name}” exists already (use --replace to remake it)")
            if existing is not None:
                self.conn.execute("DELETE FROM collections WHERE id = ?", (existing,))
            cursor = self.conn.execute(
                "INSERT INTO collections (name, title, introduction, created_at) VALUES (?, ?, ?, ?)",
                (name, title, introduction or None, now()),
            )
            collection_id = int(cursor.lastrowid or 0)
            self.conn.executemany(
                "INSERT INTO collection_items (collection_id, document_id, position) VALUES (?, ?, ?)",
                [(collection_id, document_id, position) for position, document_id in enumerate(ordered)],
            )
        return collection_id

    def rename_collection(self, name: str, title: str) -> None:
        """Give a collection another title (its name, which kiosk.toml refers to, stays)."""
        title = " ".join(title.split())
        if not title:
            raise ArchiveError("a collection needs a title")
        with self.transaction():
            cursor = self.conn.execute("UPDATE collections SET title = ? WHERE name = ?", (title, name))
            if not cursor.rowcount:
                raise ArchiveError(f"no collection “{name}”")

    def set_collection_documents(self, name: str, document_ids: Sequence[int]) -> None:
        """Make ``document_ids`` the collection's documents, in this order (add, remove, reorder)."""
        ordered = list(dict.fromkeys(document_ids))
        with self.transaction():
            collection_id = self._one("SELECT id FROM collections WHERE name = ?", (name,))
            if collection_id is None:
                raise ArchiveError(f"no collection “{name}”")
            missing = [i for i in ordered if self._one("SELECT 1 FROM documents WHERE id = ?", (i,)) is None]
            if missing:
                raise ArchiveError(f"no document with id {', '.join(map(str, missing))} in {self.path}")
            self.conn.execute("DELETE FROM collection_items WHERE collection_id = ?", (collection_id,))
            self.conn.executemany(
                "INSERT INTO collection_items (collection_id, document_id, position) VALUES (?, ?, ?)",
                [(collection_id, document_id, position) for position, document_id in enumerate(ordered)],
            )

    def delete_collection(self, name: str) -> None:
        """Remove a collection (its documents stay in the archive)."""
        with self.transaction():
            cursor = self.conn.execute("DELETE FROM collections WHERE name = ?", (name,))
            if not cursor.rowcount:
                raise ArchiveError(f"no collection “{name}”")
