"""Annotating: ``annotate`` and ``annotations`` (``export`` is in ``exchanging``)."""

from __future__ import annotations

import click

from .context import CliContext, author, author_option, document_id, echo_json, fail, json_option, with_cli


@click.command()
@click.argument("document")
@click.option(
    "--part",
    type=click.Choice(["transcript", "translation", "notes"]),
    default="translation",
    show_default=True,
    help="Which text to highlight in.",
)
@click.option(
    "--quote", required=True, help="The words to highlight (any case; line breaks in the text do not matter)."
)
@click.option(
    "--occurrence", default=1, show_default=True, type=click.IntRange(min=1), help="Which occurrence of the words."
)
@click.option("--note", default=None, help="A note attached to the highlight.")
@click.option("--color", default="yellow", show_default=True, help="yellow, green, blue, pink or orange.")
@author_option("Author")
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
