"""Curating: ``collection create`` and ``collection list`` (the exhibits a kiosk shows)."""

from __future__ import annotations

import click

from .context import CliContext, document_id, with_cli


@click.group()
def collection() -> None:
    """Collections ("exhibits"): ordered sets of documents with a title and an introduction."""


@collection.command("create")
@click.argument("name")
@click.argument("documents", nargs=-1, required=True)
@click.option("--title", required=True, help="The title a kiosk shows for the exhibit.")
@click.option("--intro", default="", help="The introduction text (plain text; blank lines separate paragraphs).")
@click.option("--replace", is_flag=True, help="Remake the collection if it exists.")
@with_cli
def collection_create(
    cli: CliContext, name: str, documents: tuple[str, ...], title: str, intro: str, replace: bool
) -> None:
    """Make collection NAME from DOCUMENTS (ids or keys), in the order given."""
    archive = cli.writable_archive("no collection was made")
    ids = [document_id(archive, document) for document in documents]
    archive.create_collection(name, title, intro, ids, replace=replace)
    click.echo(f"collection {name}: {len(dict.fromkeys(ids))} documents — {archive.path}")


@collection.command("list")
@with_cli
def collection_list(cli: CliContext) -> None:
    """List the collections with their titles and sizes."""
    for name, title, count in cli.archive(readonly=True).collections():
        click.echo(f"{name:<24} {count:>5}  {title}")
