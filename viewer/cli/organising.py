"""Organising commands: ``person`` (list, merge, alias, kind), ``delete`` and ``trash`` (list, restore,
empty), ``tag`` and ``review``. Each change is recorded with its author and undone by ``undo``."""

from __future__ import annotations

from typing import TYPE_CHECKING

import click

from .context import CliContext, author, document_id, echo_json, fail, json_option, plural, with_cli
from .editing import author_option

if TYPE_CHECKING:
    from ..core.store import Archive


# -- people -------------------------------------------------------------------------------------


@click.group("person")
def person() -> None:
    """People and organisations: list them, merge two entries, add or remove an alias, set the kind."""


@person.command("list")
@click.argument("query", required=False, default="")
@json_option("the people")
@with_cli
def person_list(cli: CliContext, query: str, as_json: bool) -> None:
    """People and organisations with their aliases and how many documents name each (QUERY: part of a name)."""
    people = cli.archive().persons(query)
    if as_json:
        echo_json(
            [
                {"name": p.name, "kind": p.kind, "note": p.note, "aliases": p.aliases, "documents": p.documents}
                for p in people
            ]
        )
        return
    for entry in people:
        kind = " (organisation)" if entry.kind == "organization" else ""
        aliases = f" — also {', '.join(entry.aliases)}" if entry.aliases else ""
        click.echo(f"{entry.documents:>6}  {entry.name}{kind}{aliases}")


@person.command("merge")
@click.argument("source")
@click.argument("target")
@author_option()
@with_cli
def person_merge(cli: CliContext, source: str, target: str, who: str | None) -> None:
    """Merge entry SOURCE into TARGET ("Filippov" into Stalin): documents, aliases and search follow."""
    change = cli.writable_archive("nothing was merged").merge_persons(source, target, author(who))
    click.echo(f"{change.label}: {plural(change.document_count, 'document')} (change {change.id})")


@person.command("alias")
@click.argument("name")
@click.argument("alias")
@click.option("--remove", is_flag=True, help="Take the alias away instead.")
@author_option()
@with_cli
def person_alias(cli: CliContext, name: str, alias: str, remove: bool, who: str | None) -> None:
    """Give NAME the alias ALIAS (or with --remove take it away); search follows at once."""
    archive = cli.writable_archive("no alias was changed")
    change = (archive.remove_alias if remove else archive.add_alias)(name, alias, author(who))
    click.echo(f"{change.label} (change {change.id})")


@person.command("kind")
@click.argument("name")
@click.argument("kind", type=click.Choice(["person", "organisation", "organization"]))
@author_option()
@with_cli
def person_kind(cli: CliContext, name: str, kind: str, who: str | None) -> None:
    """Mark entry NAME as a person or an organisation."""
    archive = cli.writable_archive("nothing was changed")
    change = archive.set_entity_kind(name, "person" if kind == "person" else "organization", author(who))
    click.echo(f"{change.label} (change {change.id})")


# -- delete and the trash ---------------------------------------------------------------------------


@click.command("delete")
@click.argument("documents", nargs=-1, required=True)
@author_option()
@with_cli
def delete(cli: CliContext, documents: tuple[str, ...], who: str | None) -> None:
    """Move documents (ids or keys) to the trash; `trash restore` or `undo` brings them back."""
    archive = cli.writable_archive("nothing was deleted")
    ids = [document_id(archive, d) for d in documents]
    change = archive.delete_documents(ids, author(who))
    click.echo(f"{change.label}: moved to the trash (change {change.id})")


def _trashed(archive: Archive, given: tuple[str, ...]) -> list[int]:
    """Trashed documents by id, key, or the start of one key."""
    entries = archive.trash()
    ids = []
    for text in given:
        text = text.strip()
        found = [e.document_id for e in entries if e.key == text or str(e.document_id) == text]
        found = found or [e.document_id for e in entries if e.key.startswith(text)]
        if len(found) != 1:
            fail(f"no document “{text}” in the trash" if not found else f"“{text}” names several documents")
        ids.append(found[0])
    return ids


@click.group("trash", invoke_without_command=True)
@json_option("the trash")
@click.pass_context
def trash(ctx: click.Context, as_json: bool) -> None:
    """The deleted documents: list them (no subcommand), restore them, or empty the trash."""
    if ctx.invoked_subcommand is None:
        ctx.invoke(trash_list, as_json=as_json)


@with_cli
def trash_list(cli: CliContext, as_json: bool) -> None:
    entries = cli.archive().trash()
    if as_json:
        echo_json(
            [
                {
                    "id": e.document_id,
                    "key": e.key,
                    "title": e.title,
                    "date": e.date,
                    "deleted_at": e.deleted_at,
                    "deleted_by": e.deleted_by,
                    "annotations": e.annotations,
                    "pages": e.pages,
                }
                for e in entries
            ]
        )
        return
    if not entries:
        click.echo("the trash is empty")
    for e in entries:
        click.echo(
            f"{e.document_id:>6}  {e.key:<22} {e.date or '????-??-??'}  {e.title}  ({e.deleted_by}, {e.deleted_at})"
        )


@trash.command("restore")
@click.argument("documents", nargs=-1, required=True)
@author_option()
@with_cli
def trash_restore(cli: CliContext, documents: tuple[str, ...], who: str | None) -> None:
    """Bring documents back from the trash, whole (texts, pages, annotations, tags, links)."""
    archive = cli.writable_archive("nothing was restored")
    change = archive.restore_documents(_trashed(archive, documents), author(who))
    click.echo(f"{change.label} (change {change.id})")


@trash.command("empty")
@click.argument("documents", nargs=-1)
@author_option()
@with_cli
def trash_empty(cli: CliContext, documents: tuple[str, ...], who: str | None) -> None:
    """Remove the documents in the trash (all, or those named) for good, and files nothing else uses."""
    archive = cli.writable_archive("nothing was removed")
    emptied = archive.empty_trash(author(who), _trashed(archive, documents) if documents else None)
    click.echo(f"removed {plural(emptied.documents, 'document')} and {plural(emptied.files_removed, 'stored file')}")


# -- tags and review ----------------------------------------------------------------------------------


@click.command("tag", context_settings={"ignore_unknown_options": True})
@click.argument("words", nargs=-1, required=True)
@author_option()
@with_cli
def tag(cli: CliContext, words: tuple[str, ...], who: str | None) -> None:
    """Tag documents: DOCUMENTS… then +name to add, -name to remove (quote names with spaces)."""
    archive = cli.writable_archive("no tag was changed")
    add = [w[1:] for w in words if w.startswith("+")]
    remove = [w[1:] for w in words if w.startswith("-")]
    ids = [document_id(archive, w) for w in words if not w.startswith(("+", "-"))]
    if not ids or not (add or remove):
        fail("write: archive-viewer tag DOCUMENT… +name -name")
    change = archive.tag(ids, add, remove, author=author(who))
    click.echo(f"{change.label} (change {change.id})")


@click.command("review")
@click.argument("documents", nargs=-1)
@click.option("--done", is_flag=True, help="Mark DOCUMENTS reviewed.")
@click.option("--list", "listing", is_flag=True, help="List the documents that need review, with the reasons.")
@json_option("the review queue")
@author_option()
@with_cli
def review(
    cli: CliContext, documents: tuple[str, ...], done: bool, listing: bool, as_json: bool, who: str | None
) -> None:
    """The review queue: --list what needs review and why, or mark DOCUMENTS reviewed with --done."""
    if done:
        if not documents:
            fail("name the documents to mark reviewed")
        archive = cli.writable_archive("nothing was marked")
        change = archive.mark_reviewed([document_id(archive, d) for d in documents], author(who))
        click.echo(f"{change.label} (change {change.id})")
        return
    if documents and not listing:
        archive = cli.archive()
        for given in documents:
            doc = document_id(archive, given)
            reasons = archive.review_reasons(doc)
            click.echo(f"{archive.document_key(doc)}: " + ("; ".join(reasons) if reasons else "nothing to review"))
        return
    queue = cli.archive().review_queue()
    if as_json:
        echo_json(
            [{"id": e.document_id, "key": e.key, "title": e.title, "date": e.date, "reasons": e.reasons} for e in queue]
        )
        return
    click.echo(f"{plural(len(queue), 'document')} need review")
    for entry in queue:
        click.echo(f"{entry.document_id:>6}  {entry.key:<22} {entry.date or '????-??-??'}  {entry.title}")
        for reason in entry.reasons:
            click.echo(f"        - {reason}")
