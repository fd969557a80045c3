"""Exchanging: ``export`` (the annotated PDF handout and the formats other tools read), ``cite``, ``merge``
(another archive into this one) and ``publish`` (read-only, with Datasette)."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

import click

from .context import (
    CliContext,
    author,
    author_option,
    document_id,
    echo_json,
    fail,
    file_option,
    json_option,
    plural,
    terminal_text,
    with_cli,
)

if TYPE_CHECKING:
    from ..core.exporters import ExportOptions
    from ..core.store import Archive

FORMAT_CHOICES = ("pdf", "csv", "json", "tei", "cmif", "csl-json", "ris")


@click.command("export")
@click.argument("documents", nargs=-1)
@click.option("--search", "query", default=None, help="Also export every document this search finds.")
@click.option("--collection", default=None, help="Also export the documents of this collection.")
@click.option("--all", "everything", is_flag=True, help="Export the whole archive.")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(FORMAT_CHOICES),
    default=None,
    help="pdf (an annotated handout), csv, json, tei (TEI P5), cmif (letters for correspSearch), "
    "csl-json or ris (reference managers). Default: pdf with --pdf, else json.",
)
@click.option(
    "--out",
    type=click.Path(path_type=Path),
    default=None,
    help="The file to write (for tei, a folder gives a file per document).",
)
@file_option("--pdf", "pdf_out", "The PDF to write (the same as --format pdf --out PDF).")
@click.option(
    "--layout",
    type=click.Choice(["sequential", "facing"]),
    default="sequential",
    show_default=True,
    help="PDF: parts one after another, or original beside translation on landscape pages.",
)
@click.option(
    "--parts", default="scan,transcript,translation", show_default=True, help="PDF: comma-separated parts to include."
)
@click.option("--no-annotations", is_flag=True, help="PDF: leave the annotations out.")
@click.option("--colors", default=None, help="PDF: only annotations of these colours (comma-separated).")
@author_option("PDF: the author")
@click.option("--title", default=None, help="The title of the PDF, the TEI corpus or the CMIF file.")
@click.option("--spreadsheet", is_flag=True, help="CSV: a byte-order mark for Excel, and no cell read as a formula.")
@click.option("--with-scans", is_flag=True, help="JSON: the scan files themselves too (base64), not only their sha256.")
@click.option("--tei-files", is_flag=True, help="TEI: one file per document in the folder --out.")
@click.option("--editor", default=None, help="CMIF: the editor's name (default: --author, or the user name).")
@click.option("--email", default=None, help="CMIF: the editor's e-mail address (correspSearch asks for one).")
@click.option("--base-url", default=None, help="CMIF: where the archive is published (a letter's address: URL/KEY).")
@click.option("--quiet", "-q", is_flag=True, help="No progress bar.")
@with_cli
def export_command(
    cli: CliContext,
    documents: tuple[str, ...],
    query: str | None,
    collection: str | None,
    everything: bool,
    fmt: str | None,
    out: Path | None,
    pdf_out: Path | None,
    layout: str,
    parts: str,
    no_annotations: bool,
    colors: str | None,
    author_name: str | None,
    title: str | None,
    spreadsheet: bool,
    with_scans: bool,
    tei_files: bool,
    editor: str | None,
    email: str | None,
    base_url: str | None,
    quiet: bool,
) -> None:
    """Export documents: an annotated PDF handout, or CSV, JSON, TEI, CMIF, CSL-JSON or RIS.

    Name documents by id or key, or choose them with --search (every match), --collection or --all.
    """
    from ..core.exporters import Chosen, ExchangeOptions, export_documents
    from ..core.exporters.runner import chosen_ids, default_out

    if pdf_out is not None:
        if fmt not in (None, "pdf") or (out is not None and out != pdf_out):
            fail("--pdf writes a PDF: give either --pdf PATH or --format F --out PATH")
        fmt, out = "pdf", pdf_out
    fmt = fmt or "json"
    if with_scans and fmt != "json":  # else the file would silently lack the scans asked for
        fail(f"--with-scans is for --format json (the {fmt} format holds no scan files)")
    if out is None:
        out = Path("handout.pdf") if fmt == "pdf" else default_out(fmt)
    archive = cli.archive()
    from ..core.store import Filters

    chosen = Chosen(
        ids=tuple(document_id(archive, d) for d in documents),
        collection=collection,
        filters=Filters(query=query) if query else None,
        everything=everything,
    )
    if chosen.is_empty():
        fail("nothing to export (name documents, --search, --collection or --all)")
    if fmt == "pdf":
        ids, _ = chosen_ids(archive, chosen)
        if not ids:
            fail("nothing to export: no document matches")
        pdf_options = _pdf_options(parts, layout, not no_annotations, author(author_name), title, colors)
        _export_pdf(archive, list(ids), out, pdf_options, quiet)
        return
    options = ExchangeOptions(
        spreadsheet=spreadsheet,
        with_scans=with_scans,
        tei_files=True if tei_files else None,
        title=title,
        editor=editor or author(author_name),
        email=email,
        base_url=base_url,
    )
    steps = export_documents(archive, chosen, fmt, out, options)
    first = next(steps)
    if first.total == 0:
        steps.close()
        fail("nothing to export: no document matches")
    last = first
    with click.progressbar(length=first.total, label="Exporting", file=sys.stderr, hidden=quiet) as bar:
        for last in steps:
            bar.update(last.done - bar.pos)
    click.echo(f"{out}: {last.message}")


def _pdf_options(
    parts: str, layout: str, annotations: bool, who: str, title: str | None, colors: str | None
) -> ExportOptions:
    """The handout's ``ExportOptions`` from the command line; unknown parts fail before anything is written."""
    from ..core.exporters import PARTS, ExportOptions

    chosen_parts = tuple(p.strip() for p in parts.split(",") if p.strip())
    unknown = set(chosen_parts) - set(PARTS)
    if unknown:
        fail(f"unknown part(s) {', '.join(sorted(unknown))}")
    return ExportOptions(
        parts=chosen_parts,
        annotations=annotations,
        layout=layout,
        author=who,
        title=title,
        colors=frozenset(c.strip() for c in colors.split(",")) if colors else None,
    )


def _export_pdf(archive: Archive, ids: list[int], out: Path, options: ExportOptions, quiet: bool) -> None:
    """The annotated handout (``core.exporters.export_pdf``), as ``export --pdf`` always made it."""
    from ..core.exporters import export_pdf

    last = None
    with click.progressbar(length=len(ids) + 1, label="Exporting", file=sys.stderr, hidden=quiet) as bar:
        for last in export_pdf(archive, ids, out, options):
            bar.update(last.done - bar.pos)
    click.echo(f"{out}: {plural(len(ids), 'document')}, {last.message if last else ''}")


@click.command()
@click.argument("documents", nargs=-1, required=True)
@click.option(
    "--style",
    default="chicago-note",
    show_default=True,
    help="chicago-note, chicago-bibliography, apa or mla.",
)
@with_cli
def cite(cli: CliContext, documents: tuple[str, ...], style: str) -> None:
    """Print a formatted citation of each document, one per line."""
    from ..core.exporters import STYLES
    from ..core.exporters import cite as format_citation

    if style not in STYLES:
        fail(f"unknown citation style “{style}”; choose one of {', '.join(STYLES)}")
    archive = cli.archive()
    for document in documents:
        record = archive.record(document_id(archive, document))
        if record is None:
            fail(f"no document “{document}” in {archive.path}")
        click.echo(terminal_text(format_citation(record, style)))


@click.command()
@click.argument("other", type=click.Path(dir_okay=False, path_type=Path))
@json_option("the report")
@author_option("Who merges")
@with_cli
def merge(cli: CliContext, other: Path, as_json: bool, author_name: str | None) -> None:
    """Merge another archive into this one (OTHER is only read, never written).

    Documents are matched by the sha256 of their source, their url or their key; new ones come whole,
    annotations of both sides are kept, the newer of two different corrections wins and the document
    is flagged for review. One transaction; merging the same archive again changes nothing.
    """
    from ..core.merge import merge_archives

    if not other.exists():
        fail(f"{other}: no such archive (the file is missing)")
    archive = cli.writable_archive("nothing was merged")
    report = merge_archives(archive, other, author(author_name))
    if as_json:
        echo_json(report.as_json())
        return
    for heading, entries in (("added", report.added), ("updated", report.updated),
                             ("conflicting", report.conflicting), ("skipped", report.skipped)):  # fmt: skip
        for entry in entries:
            if heading == "skipped" and not entry.details:
                continue
            details = f"  ({'; '.join(entry.details)})" if entry.details else ""
            click.echo(f"{heading:>11}  {entry.key}{details}")
    click.echo(f"{report.line()} — merged {other} into {archive.path}")


@click.command()
@click.argument("outdir", type=click.Path(file_okay=False, path_type=Path))
@click.option("--title", default=None, help="The site's title (default: the archive's name).")
@click.option("--replace", is_flag=True, help="Publish over an earlier copy in OUTDIR.")
@click.option("--serve", is_flag=True, help="Then serve it with Datasette (read-only) until Ctrl+C.")
@click.option("--port", default=8001, show_default=True, help="With --serve: the port.")
@click.option("--host", default="127.0.0.1", show_default=True, help="With --serve: 0.0.0.0 for a classroom.")
@with_cli
def publish(cli: CliContext, outdir: Path, title: str | None, replace: bool, serve: bool, port: int, host: str) -> None:
    """Publish the archive read-only with Datasette: a copy and its metadata (facets, full-text search,
    canned queries such as documents by person and replies to a document) in OUTDIR."""
    import subprocess

    from ..core.publish import INSTALL, datasette_available
    from ..core.publish import publish as publish_archive

    if serve and not datasette_available():
        fail(f"Datasette is not installed; install it with: {INSTALL}")
    archive = cli.archive(readonly=True)
    published = publish_archive(archive, outdir, title, replace=replace)
    click.echo(f"{published.database}: {plural(published.documents, 'document')}; metadata {published.metadata}")
    command = f"datasette serve --immutable {published.database} -m {published.metadata}"
    if not serve:
        note = "" if datasette_available() else f" (first install Datasette: {INSTALL})"
        click.echo(f"serve it with: {command}{note}")
        return
    click.echo(f"serving on http://{host}:{port}/ (Ctrl+C stops)")
    sys.exit(subprocess.call(published.serve_command(port, host)))
