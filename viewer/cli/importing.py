"""Bringing files in: ``import``, ``attach``, ``ocr`` and ``build-sample``."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import click

from .. import paths
from ..core.archive_files import remove_archive_files
from ..core.errors import ArchiveError
from ..core.names import printable, printable_values
from .context import CliContext, clear_errors, document_id, echo_json, fail, json_option, plural, with_cli


def _shown_name(path: Path | str | None) -> str:
    """The file being imported (or what the import does after its files), as the progress bar shows it."""
    if isinstance(path, str):
        return path
    return path.name[:40] if path else ""


def _pdf_options(pdf: dict[str, Any]) -> None:
    """The import command's PDF options, for the PDF and scan importers of this run."""
    from ..core.importers.pdf import use_options

    click.get_current_context().call_on_close(
        use_options(
            password=pdf.get("password"),
            languages=pdf.get("ocr_languages"),
            ocr=False if pdf.get("no_ocr") else None,
            metadata_csv=pdf.get("metadata"),
        )
    )


@click.command("import")
@click.argument("sources", nargs=-1, type=click.Path(path_type=Path))
@click.option("--quiet", "-q", is_flag=True, help="Print only the summary.")
@json_option("a report per file")
@click.option("--follow-links", is_flag=True, help="Follow symbolic links that lead out of the folders named.")
@click.option("--password", default=None, help="Password for encrypted PDFs.")
@click.option("--ocr-languages", default=None, help="Tesseract languages for scans (default rus+eng).")
@click.option("--no-ocr", is_flag=True, help="Do not OCR scans now (they are marked; see the ocr command).")
@click.option(
    "--metadata",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    default=None,
    help="A CSV of metadata: for the PDFs imported, or alone, a document per row (see docs/import-csv.md).",
)
@with_cli
def import_command(cli: CliContext, sources: tuple[Path, ...], quiet: bool, as_json: bool, **pdf: Any) -> None:
    """Import files and folders (recursively) into the archive.

    A CSV named here is a spreadsheet of metadata (a document per row, its file named in a ``file``
    column); a JSON file is another archive's export (``export --format json``).
    """
    if not sources:
        if pdf.get("metadata") is None:
            fail("nothing to import: name files or folders (or --metadata FILE.csv)")
        sources = (pdf["metadata"],)
    from ..core.importers.batch import Summary, collect, run_import
    from ..core.maintenance import daily_backup

    created = not cli.db.exists()
    archive = cli.writable_archive("nothing was imported", create=True)
    if created:  # on stderr with --json, so that stdout stays one JSON value
        click.echo(f"archive-viewer: created the archive {archive.path}", err=as_json)
    try:
        daily_backup(archive)
    except ArchiveError as error:  # a failed copy must not stop the import; say so
        click.echo(f"archive-viewer: warning: the daily backup was not made ({error})", err=True)
    _pdf_options(pdf)
    summary = Summary()
    waiting = ""
    total = len(collect(sources))
    show_bar = not quiet and not as_json and total > 0
    with click.progressbar(
        length=total,
        label="Importing",
        file=sys.stderr,
        show_pos=True,
        item_show_func=_shown_name,
        hidden=not show_bar,
    ) as bar:
        for progress in run_import(archive, sources, follow_links=pdf.get("follow_links", False)):
            if progress.result is not None:  # a CSV or an export gives a result per document
                summary.results.append(progress.result)
            if progress.stage == "indexes_waiting":
                waiting = progress.note
            said = "making the indexes again" if progress.stage == "indexes" else progress.current
            bar.update(progress.done - bar.pos, said)
    if waiting:  # the documents are in: a warning, not a failure
        click.echo(
            f"archive-viewer: warning: the indexes this import left out could not be made again ({waiting}); "
            "the archive answers without them, more slowly, until the next import or `check --repair`",
            err=True,
        )
    if as_json:
        echo_json(
            [
                {
                    "path": printable(str(r.path)),
                    "outcome": r.outcome,
                    "document_id": r.document_id,
                    "message": printable(r.message),
                    "report": printable_values(r.report),
                }
                for r in summary.results
            ]
        )
    else:
        if not quiet:
            for result in summary.results:
                if result.outcome not in ("refused", "skipped"):
                    note = f"  ({result.message})" if result.message else ""
                    click.echo(printable(f"{result.outcome:>9}  {result.path}{note}"))
        click.echo(f"{summary.line()} — {archive.path}")
        for result in [*summary.refused(), *summary.skipped()]:
            click.echo(printable(f"  {result.outcome}: {result.path}: {result.message}"), err=True)
    if summary.results and summary.count("refused") == len(summary.results):
        sys.exit(1)


@click.command()
@click.argument("documents", nargs=-1)
@click.option("--languages", default=None, help="Tesseract languages (default rus+eng).")
@with_cli
def ocr(cli: CliContext, documents: tuple[str, ...], languages: str | None) -> None:
    """OCR the scanned pages still waiting for it (all documents, or the DOCUMENTS named)."""
    from ..core.importers.ocr_later import complete_ocr
    from ..core.ocr import OcrError

    archive = cli.archive()
    ids = [document_id(archive, document) for document in documents] if documents else None
    try:
        steps = complete_ocr(archive, ids, languages)
        first = next(steps)
        with click.progressbar(length=first.total, label="OCR", file=sys.stderr, show_pos=True) as bar:
            last = first
            for last in steps:
                bar.update(1)
                if last.message:
                    click.echo(f"  document {last.document_id}: {last.message}", err=True)
    except OcrError as error:
        fail(str(error))
    click.echo(f"{plural(last.done, 'document')}, {plural(last.pages, 'page')} read")


@click.command()
@click.argument("document")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--password", default=None, help="Password of an encrypted PDF.")
@click.option("--no-ocr", is_flag=True, help="Do not OCR the pages now.")
@click.option("--ocr-languages", default=None, help="Tesseract languages (default rus+eng).")
@with_cli
def attach(
    cli: CliContext, document: str, file: Path, password: str | None, no_ocr: bool, ocr_languages: str | None
) -> None:
    """Attach a scan (PDF, JPEG, PNG, TIFF) to a document, after its existing pages."""
    from ..core.importers.images import attach_scan

    archive = cli.archive()
    found = document_id(archive, document)
    result = attach_scan(archive, found, file, password=password, ocr=not no_ocr, languages=ocr_languages)
    if result.outcome == "refused":
        fail(f"{file}: {result.message}", 1)
    click.echo(f"{result.outcome}: {file} → document {found} ({result.message})")


@click.command("build-sample")
@click.argument("out", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--force", is_flag=True, help="Replace OUT if it exists.")
@clear_errors
def build_sample(out: Path, force: bool) -> None:
    """Build the bundled sample archive from resources/samples (how archive.db is made)."""
    from ..core.samples import build_sample_archive

    if out.exists() and force:
        remove_archive_files(out)
    archive = build_sample_archive(paths.resources_dir() / "samples", out)
    click.echo(f"{archive.count()} documents in {out}")
    archive.close()
