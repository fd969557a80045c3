"""Merging another archive into this one (``archive-viewer merge OTHER.db``): two archivists who imported
and annotated on their own laptops combine their work without losing any of it.

- The other archive is opened read-only and never written; a file that is not an archive is refused.
- Documents are the same when they share the sha256 of their source, else their url, else their key.
  A document only the other archive has comes whole: its texts, people, numbers, references, links,
  stored files and pages, annotations, tags, collections, corrections and their history.
- A document both have keeps everything it has here and gains what it lacks: annotations made there
  (never twice: an annotation is the same one when the same author made it at the same moment on the
  same words or page, see ``records_in.annotation_identity``), tags, the scan if it has none, places
  in collections, and the fields corrected there and not here. The same field corrected differently
  on both sides keeps the newer correction; the other is recorded in the history (undoing that change
  takes it) and the document is flagged for review, saying both.
- One transaction: a kill or a crash leaves the archive as it was before, or as it is after.
  Merging the same archive again changes nothing. A document deleted here (in the trash) is skipped.

The report lists the documents added, updated, conflicting and skipped, each with what happened.
"""

from __future__ import annotations

import os
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .curation import FIELDS, ChangeItem
from .errors import ArchiveError
from .field_values import describe
from .importers.records_in import add_annotations, identity_of, incoming, write_aliases
from .messages import say

if TYPE_CHECKING:
    from .records import DocumentRecord
    from .store import Archive


@dataclass
class Merged:
    """One document of the other archive and what the merge did with it."""

    key: str
    title: str
    document_id: int | None  # here
    other_id: int  # in the other archive
    details: list[str] = field(default_factory=list)


@dataclass
class MergeReport:
    other: str
    added: list[Merged] = field(default_factory=list)
    updated: list[Merged] = field(default_factory=list)
    conflicting: list[Merged] = field(default_factory=list)
    skipped: list[Merged] = field(default_factory=list)
    collections: list[str] = field(default_factory=list)  # collections made or added to

    def line(self) -> str:
        counts = {name: len(getattr(self, name)) for name in ("added", "updated", "conflicting", "skipped")}
        return say("merge_line", **counts)

    def as_json(self) -> dict[str, Any]:
        return asdict(self)


def merge_archives(archive: Archive, other_path: Path, author: str) -> MergeReport:
    """Bring another archive's documents and work into ``archive``, in one transaction."""
    from .store import Archive

    other_path = Path(other_path)
    if other_path.exists() and archive.path.exists() and os.path.samefile(other_path, archive.path):
        raise ArchiveError(f"{other_path}: this is the archive itself; name another archive to merge")
    with Archive(other_path, readonly=True) as other, archive.transaction():
        return _Merge(archive, other, author).run()


class _Merge:
    def __init__(self, archive: Archive, other: Archive, author: str):
        self.archive, self.other, self.author = archive, other, author
        self.name = other.path.name
        self.report = MergeReport(str(other.path))
        self.ids: dict[int, int] = {}  # other's id -> ours, for every document both now have
        self.added: dict[int, Any] = {}  # other's id -> what it brought (links to write last)
        self.files: dict[int, int] = {}  # other's file id -> ours

    def run(self) -> MergeReport:
        trashed = self.archive.trashed_keys()
        for other_id in self.other.document_ids():
            record = self.other.record(other_id)
            assert record is not None
            ours = self.archive.match_document(record.sha256, record.url, record.key)
            entry = Merged(record.key, record.title, ours, other_id)
            if ours is None and record.key in trashed:
                entry.details.append("deleted here: it is in the trash (restore it to merge it)")
                self.report.skipped.append(entry)
            elif ours is None:
                self._add(record, entry)
                self.report.added.append(entry)
            else:
                self.ids[other_id] = ours
                conflicts = self._update(record, ours, entry)
                target = self.report.conflicting if conflicts else self.report.updated if entry.details else None
                (target if target is not None else self.report.skipped).append(entry)
        for other_id, item in self.added.items():
            for link in item.links:
                self.archive.add_link(
                    self.ids[other_id], self.archive.match_document(None, None, link["target_key"]), link
                )
        self._copy_history()
        self._collections()
        return self.report

    # -- a document only the other archive has ------------------------------------------------

    def _add(self, record: DocumentRecord, entry: Merged) -> None:
        other, archive, other_id = self.other, self.archive, entry.other_id
        row = other.document_row(other_id)
        assert row is not None
        item = incoming(
            record.as_json(), numbers=other.reference_numbers(other_id), links=other.outgoing_links(other_id)
        )
        item.aliases = {(p.kind, p.name): other.entity_aliases(p.kind, p.name) for p in record.people}
        document_id = archive.save_document(item.parsed, source_path=row.source_path, sha256=record.sha256)
        entry.document_id = self.ids[other_id] = document_id
        self.added[other_id] = item
        archive.set_import_columns(
            document_id, source_name=row.source_name, source_path=row.source_path, imported_at=row.imported_at
        )
        write_aliases(archive, item)
        archive.set_review(document_id, row.needs_review, row.review_reasons)
        note = other.field_value(other_id, "note")
        if note:
            archive.write_field(document_id, "note", note)
        for name in other.corrected_fields(other_id):
            archive.write_correction(document_id, name, other.correction(other_id, name))
        pages = self._copy_pages(other_id, document_id)
        annotations = add_annotations(archive, document_id, [a.as_json() for a in other.document_annotations(other_id)])
        tags = archive.add_tags(document_id, other.document_tags(other_id))
        archive.reindex(document_id)
        archive.record_import(str(other.path), record.sha256, document_id, "imported", {"merged_from": self.name})
        entry.details += _counted(pages, "page") + _counted(annotations, "annotation") + _counted(len(tags), "tag")

    def _copy_pages(self, other_id: int, document_id: int) -> int:
        """The other document's pages and the stored files they come from (each file once)."""
        pages = self.other.page_rows(other_id)
        for page in pages:
            if page.file_id not in self.files:
                info = self.other.file_info(page.file_id)
                data = self.other.file_bytes(page.file_id)
                assert info is not None and data is not None
                self.files[page.file_id] = self.archive.store_file(info.sha256, info.name, info.mime, data)
            self.archive.save_pages(document_id, self.files[page.file_id], [page.stored_values()], append=True)
        return len(pages)

    # -- a document both archives have --------------------------------------------------------

    def _update(self, record: DocumentRecord, ours: int, entry: Merged) -> bool:
        """Give our document what the other's has and ours lacks; True when corrections conflicted."""
        archive, other, other_id = self.archive, self.other, entry.other_id
        conflicts = self._corrections(other_id, ours, entry)
        if not archive.page_rows(ours) and other.page_rows(other_id):
            entry.details += [say("merged_scan", pages=_counted(self._copy_pages(other_id, ours), "page")[0])]
            archive.reanchor_annotations(ours)
        theirs = [a.as_json() for a in other.document_annotations(other_id)]
        entry.details += _counted(add_annotations(archive, ours, theirs), "annotation")
        entry.details += self._newer_annotations(ours, other_id)
        before = archive.document_tags(ours)
        tags = archive.add_tags(ours, other.document_tags(other_id))
        if tags:
            after = sorted(archive.document_tags(ours), key=str.lower)
            item = ChangeItem(ours, "tags", "", sorted(before, key=str.lower), after)
            archive.insert_change(
                "tag",
                say("tag_merged", tags=" ".join("+" + t for t in tags), other=self.name),
                self.author,
                _now(),
                [item],
            )
            entry.details.append(say("merged_tags", tags=", ".join(tags)))
        people = incoming(record.as_json())
        people.aliases = {(p.kind, p.name): other.entity_aliases(p.kind, p.name) for p in record.people}
        write_aliases(archive, people)
        if entry.details:
            archive.reindex(ours)
        return conflicts

    def _newer_annotations(self, ours: int, other_id: int) -> list[str]:
        """An annotation both have, edited since on the other side (a later update): the newer note and colour."""
        mine = {identity_of(a): a for a in self.archive.document_annotations(ours)}
        changed = 0
        for theirs in self.other.document_annotations(other_id):
            here = mine.get(identity_of(theirs))
            if here is None or here.id is None or theirs.updated_at <= here.updated_at:
                continue
            values: dict[str, Any] = {"note": theirs.note, "color": theirs.color, "updated_at": theirs.updated_at}
            if theirs.part == "scan":
                values.update(x0=theirs.x0, y0=theirs.y0, x1=theirs.x1, y1=theirs.y1)
            self.archive.update_annotation(here.id, values)
            changed += 1
        return [say("annotation_edited" if changed == 1 else "annotations_edited", count=changed)] if changed else []

    def _corrections(self, other_id: int, ours: int, entry: Merged) -> bool:
        """Fields corrected on the other side: taken when not corrected here; when corrected here too and
        differently, the newer correction stays, the other is in the history and the document is flagged."""
        archive, other = self.archive, self.other
        conflicts = False
        for name in other.corrected_fields(other_id):
            if name not in FIELDS:
                continue
            theirs_record, mine_record = other.correction(other_id, name), archive.correction(ours, name)
            assert theirs_record is not None
            theirs, mine = other.field_value(other_id, name), archive.field_value(ours, name)
            if FIELDS[name].kind == "links" or theirs == mine:
                continue  # links name documents by id: each archive keeps its own
            take = mine_record is None or theirs_record["at"] > mine_record["at"]
            winner, loser = (
                ((theirs, theirs_record), (mine, mine_record))
                if take
                else ((mine, mine_record), (theirs, theirs_record))
            )
            if not take and self._settled(ours, name, theirs_record):
                continue  # a merge before this one met the same correction and kept ours
            if take:
                archive.write_field(ours, name, theirs)
                archive.write_correction(ours, name, theirs_record)
                if FIELDS[name].kind == "body":
                    archive.reanchor_annotations(ours)
            label = FIELDS[name].label
            items = [
                ChangeItem(ours, "field", name, loser[0], winner[0]),
                ChangeItem(ours, "provenance", name, loser[1], winner[1]),
            ]
            if mine_record is None:
                archive.insert_change(
                    "edit",
                    say("edit_merged", field=label.lower(), other=self.name),
                    theirs_record["author"],
                    theirs_record["at"],
                    items,
                )
                entry.details.append(say("corrected_there", field=label.lower(), author=theirs_record["author"]))
                continue
            conflicts = True
            reason = say(
                "merge_conflict",
                field=label,
                other=self.name,
                theirs=describe(name, theirs),
                their_author=theirs_record["author"],
                their_day=str(theirs_record["at"])[:10],
                mine=describe(name, mine),
                my_author=mine_record["author"],
                my_day=str(mine_record["at"])[:10],
                kept=describe(name, winner[0]),
            )
            state = archive.review_state(ours)
            archive.write_review_state(ours, {"needs_review": True, "reasons": [*state["reasons"], reason]})
            archive.insert_change(
                "edit", say("merge_kept_newer", field=label.lower(), other=self.name), self.author, _now(), items
            )
            entry.details.append(reason)
        return conflicts

    def _settled(self, ours: int, name: str, record: dict[str, Any]) -> bool:
        return any(
            item.target == "provenance" and item.name == name and item.before == record
            for change in self.archive.history(ours)
            for item in change.items
        )

    # -- after the documents --------------------------------------------------------------------

    def _copy_history(self) -> None:
        """The history of the documents that came whole: each change once, with its author and time; a
        change that also touched documents not brought here keeps only its items about these, and
        cannot be undone here (undoing half a change would be a new change nobody made)."""
        changes = {c.id: c for other_id in self.added for c in self.other.history(other_id)}
        copied: dict[int, int] = {}
        for change_id in sorted(changes):
            change = changes[change_id]
            items = [
                ChangeItem(self.ids[i.document_id], i.target, i.name, i.before, i.after)
                for i in change.items
                if i.document_id in self.added
            ]
            whole = len(items) == len(change.items)
            copied[change_id] = self.archive.insert_change(
                change.kind,
                change.label,
                change.author,
                change.at,
                items,
                reversible=change.reversible and whole,
                reverts=copied.get(change.reverts or 0),
            )
        for change_id, change in changes.items():
            if change.reverted_by in copied:
                self.archive.set_reverted_by(copied[change_id], copied[change.reverted_by])

    def _collections(self) -> None:
        """Collections of the same name become one (ours first, then what the other adds)."""
        for name, title, _count in self.other.collections():
            collection = self.other.collection(name)
            assert collection is not None
            ids = [self.ids[i] for i in collection.document_ids if i in self.ids]
            existed = self.archive.collection(name) is not None
            if self.archive.merge_collection(name, title, collection.introduction, ids) or not existed:
                self.report.collections.append(name)


def _counted(count: int, noun: str) -> list[str]:
    """ "3 pages", "1 annotation" (the templates pages_one, pages, annotations_one, annotations)."""
    return [say(f"{noun}s_one" if count == 1 else f"{noun}s", count=count)] if count else []


def _now() -> str:
    from .store import now

    return now()
