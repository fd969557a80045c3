"""Annotating and handing out: ``annotate``, ``annotations`` and ``export``."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from .context import CliContext, author, document_id, echo_json, fail, file_option, json_option, plural, with_cli


@click.command()
@click.argument("document")
@click.option(
    "--part",
    type=click.Choice(["transcript", "translation", "notes"]),
    default="translation",
    show_default=True,
    help="Which text to highlight in.",
)
@click.option("--quote", required=True, help="The exact words to highlight.")
@click.option(
    "--occurrence", default=1, show_default=True, type=click.IntRange(min=1), help="Which occurrence of the words."
)
@click.option("--note", default=None, help="A note attached to the highlight.")
@click.option("--color", default="yellow", show_default=True, help="yellow, green, blue, pink or orange.")
@click.option(
    "--author", "author_name", default=None, help="Author (default: $ARCHIVE_VIEWER_AUTHOR or the user name)."
)
@json_option("the new annotation")
@with_cli
def annotate(
    cli: CliContext,
    document: str,
    part: str,
    quote: str,
    occurrence: int,
    note: str | None,
    color: str,
    author_name: str | None,
    as_json: bool,
) -> None:
    """Highlight the first (or --occurrence N) appearance of the quoted words in a document's text."""
    from ..core import annotations

    archive = cli.archive()
    found = document_id(archive, document)
    try:
        annotation = annotations.highlight_quote(
            archive, found, part, quote, occurrence, note=note, color=color, author=author(author_name)
        )
    except annotations.AnnotationError as error:
        fail(str(error), 1)
    annotations.Create(annotation).redo(archive)
    if as_json:
        echo_json(annotation.as_json())
    else:
        click.echo(f"annotation {annotation.id}: {part} {annotation.start}–{annotation.end} “{annotation.label()}”")


@click.command("annotations")
@click.argument("document")
@json_option("the annotations")
@with_cli
def annotations_command(cli: CliContext, document: str, as_json: bool) -> None:
    """List a document's annotations (highlights, rectangles, pinned notes)."""
    from ..core.annotations import list_annotations

    archive = cli.archive()
    found = list_annotations(archive, document_id(archive, document))
    if as_json:
        echo_json([a.as_json() for a in found])
        return
    for a in found:
        flag = "  [needs review]" if a.status != "ok" else ""
        click.echo(f"{a.id:>5}  {a.part:<11} {a.color:<7} {a.author or '':<12.12} {a.updated_at}  {a.label()}{flag}")
        if a.note:
            click.echo(f"       note: {a.note}")
    if not found:
        click.echo("no annotations")


@click.command("export")
@click.argument("documents", nargs=-1)
@file_option("--pdf", "out", "The PDF to write.", required=True)
@click.option("--search", "query", default=None, help="Also export the documents this search finds.")
@click.option("--collection", default=None, help="Also export the documents of this collection.")
@click.option(
    "--layout",
    type=click.Choice(["sequential", "facing"]),
    default="sequential",
    show_default=True,
    help="Parts one after another, or original beside translation on landscape pages.",
)
@click.option(
    "--parts", default="scan,transcript,translation", show_default=True, help="Comma-separated parts to include."
)
@click.option("--no-annotations", is_flag=True, help="Leave the annotations out.")
@click.option("--colors", default=None, help="Only annotations of these colours (comma-separated).")
@click.option(
    "--author", "author_name", default=None, help="The PDF's author (default: $ARCHIVE_VIEWER_AUTHOR or the user name)."
)
@click.option("--title", default=None, help="The PDF's title (default: the document's, or 'N documents').")
@click.option("--quiet", "-q", is_flag=True, help="No progress bar.")
@with_cli
def export_command(
    cli: CliContext,
    documents: tuple[str, ...],
    out: Path,
    query: str | None,
    collection: str | None,
    layout: str,
    parts: str,
    no_annotations: bool,
    colors: str | None,
    author_name: str | None,
    title: str | None,
    quiet: bool,
) -> None:
    """Export documents with their annotations as one PDF, a section per document (a handout)."""
    from ..core.exporters import PARTS, ExportOptions, export_pdf

    archive = cli.archive(readonly=False)
    ids = [document_id(archive, d) for d in documents]
    if query:
        ids += [hit.id for hit in archive.search(query, limit=10000).hits]
    if collection:
        found = archive.collection(collection)
        if found is None:
            fail(f"no collection “{collection}” in {archive.path}")
        ids += found.document_ids
    ids = list(dict.fromkeys(ids))
    if not ids:
        fail("nothing to export (name documents, --search or --collection)")
    chosen = tuple(p.strip() for p in parts.split(",") if p.strip())
    unknown = set(chosen) - set(PARTS)
    if unknown:
        fail(f"unknown part(s) {', '.join(sorted(unknown))}")
    options = ExportOptions(
        parts=chosen,
        annotations=not no_annotations,
        layout=layout,
        author=author(author_name),
        title=title,
        colors=frozenset(c.strip() for c in colors.split(",")) if colors else None,
    )
    last = None
    with click.progressbar(length=len(ids) + 1, label="Exporting", file=sys.stderr, hidden=quiet) as bar:
        for last in export_pdf(archive, ids, out, options):
            bar.update(last.done - bar.pos)
    click.echo(f"{out}: {plural(len(ids), 'document')}, {last.message if last else ''}")
