"""The command line: ``archive-viewer`` opens the window; subcommands import, search and show.

Every command takes ``--db PATH``; a missing or damaged archive is one clear line on stderr and
exit status 2, never a traceback.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from functools import wraps
from pathlib import Path
from typing import Any

import click

from . import __version__, paths
from .core.errors import ArchiveError


def _archive(ctx: click.Context, *, readonly: bool = False, create: bool = False) -> Any:
    from .core.store import Archive

    path = ctx.obj["db"]
    archive = Archive(path, readonly=readonly, create=create)
    ctx.call_on_close(archive.close)
    return archive


def clear_errors(function: Callable[..., Any]) -> Callable[..., Any]:
    """Turn archive errors into one line on stderr with exit status 2."""

    @wraps(function)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return function(*args, **kwargs)
        except ArchiveError as error:
            click.echo(f"archive-viewer: {error}", err=True)
            sys.exit(2)

    return wrapper


@click.group(invoke_without_command=True, context_settings={"help_option_names": ["-h", "--help"]})
@click.option(
    "--db",
    "db",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="Archive file to use (default: the bundled archive.db, or $ARCHIVE_VIEWER_DB).",
)
@click.option("--kiosk", is_flag=True, help="Open the read-only, full-screen kiosk instead of the window.")
@click.option(
    "--config",
    "kiosk_config",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="The kiosk's kiosk.toml (see docs/kiosk.md).",
)
@click.version_option(__version__, "--version", prog_name="archive-viewer")
@click.pass_context
def main(ctx: click.Context, db: Path | None, kiosk: bool, kiosk_config: Path | None) -> None:
    """Archive Viewer: read, search and annotate collections of historical documents, offline.

    Without a command, opens the window on the archive (with --kiosk, the kiosk).
    """
    ctx.ensure_object(dict)
    ctx.obj["db"] = db or paths.default_archive()
    ctx.obj["db_given"] = db is not None
    ctx.obj["kiosk"] = kiosk
    ctx.obj["kiosk_config"] = kiosk_config
    if ctx.invoked_subcommand is None:
        if kiosk:
            ctx.invoke(kiosk_command)
        else:
            ctx.invoke(gui)


def _kiosk_archive(ctx: click.Context, config: Any) -> Path:
    """--db wins, then the archive named in kiosk.toml, then the default."""
    if ctx.obj.get("db_given") or config.archive is None:
        return Path(ctx.obj["db"])
    return Path(config.archive)


@main.command("kiosk")
@click.option(
    "--config",
    "kiosk_config",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="The kiosk's kiosk.toml (see docs/kiosk.md).",
)
@click.pass_context
def kiosk_command(ctx: click.Context, kiosk_config: Path | None) -> None:
    """Open the kiosk: full screen, read-only, touch-friendly (the same as --kiosk)."""
    try:
        from .gui.kiosk import run_kiosk
    except ImportError as error:
        click.echo(f"archive-viewer: the kiosk cannot start here ({error}).", err=True)
        sys.exit(2)
    sys.exit(
        run_kiosk(ctx.obj["db"], kiosk_config or ctx.obj.get("kiosk_config"), db_given=bool(ctx.obj.get("db_given")))
    )


@main.command()
@click.pass_context
@clear_errors
def gui(ctx: click.Context) -> None:
    """Open the window on the archive."""
    try:
        from .gui.app import run
    except ImportError as error:
        click.echo(f"archive-viewer: the window cannot start here ({error}).", err=True)
        sys.exit(2)
    sys.exit(run(ctx.obj["db"]))


@main.command("import")
@click.argument("sources", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--quiet", "-q", is_flag=True, help="Print only the summary.")
@click.option("--json", "as_json", is_flag=True, help="Print a JSON report per file.")
@click.option("--password", default=None, help="Password for encrypted PDFs.")
@click.option("--ocr-languages", default=None, help="Tesseract languages for scans (default rus+eng).")
@click.option("--no-ocr", is_flag=True, help="Do not OCR scans now (they are marked; see the ocr command).")
@click.option(
    "--metadata",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    default=None,
    help="A CSV of metadata for the PDFs (file name, title, date, ...).",
)
@click.pass_context
@clear_errors
def import_command(ctx: click.Context, sources: tuple[Path, ...], quiet: bool, as_json: bool, **pdf: Any) -> None:
    """Import files and folders (recursively) into the archive."""
    from .core.importers.batch import Summary, collect, run_import
    from .core.maintenance import daily_backup

    archive = _archive(ctx, create=True)
    if archive.readonly:
        raise ArchiveError(f"{archive.path}: {archive.readonly_reason}; nothing was imported")
    try:
        daily_backup(archive)
    except ArchiveError as error:  # a failed copy must not stop the import; say so
        click.echo(f"archive-viewer: warning: the daily backup was not made ({error})", err=True)
    _pdf_options(ctx, pdf)
    summary = Summary()
    total = len(collect(sources))
    show_bar = not quiet and not as_json and total > 0
    with click.progressbar(
        length=total,
        label="Importing",
        file=sys.stderr,
        show_pos=True,
        item_show_func=lambda p: p.name[:40] if p else "",
        hidden=not show_bar,
    ) as bar:
        for progress in run_import(archive, sources):
            if progress.result is None:
                continue
            summary.results.append(progress.result)
            bar.update(1, progress.current)
    if as_json:
        click.echo(
            json.dumps(
                [
                    {
                        "path": str(r.path),
                        "outcome": r.outcome,
                        "document_id": r.document_id,
                        "message": r.message,
                        "report": r.report,
                    }
                    for r in summary.results
                ],
                ensure_ascii=False,
                indent=2,
            )
        )
    else:
        if not quiet:
            for result in summary.results:
                if result.outcome != "refused":
                    note = f"  ({result.message})" if result.message else ""
                    click.echo(f"{result.outcome:>9}  {result.path}{note}")
        click.echo(f"{summary.line()} — {archive.path}")
        for result in summary.refused():
            click.echo(f"  refused: {result.path}: {result.message}", err=True)
    if total and summary.count("refused") == total:
        sys.exit(1)


def _highlight(snippet: str, color: bool) -> str:
    if color:
        return snippet.replace("\x02", "\x1b[1;33m").replace("\x03", "\x1b[0m")
    return snippet.replace("\x02", "[").replace("\x03", "]")


@main.command()
@click.argument("query", nargs=-1, required=True)
@click.option("--limit", default=20, show_default=True, help="How many hits to print.")
@click.option("--json", "as_json", is_flag=True, help="Print hits as JSON.")
@click.pass_context
@clear_errors
def search(ctx: click.Context, query: tuple[str, ...], limit: int, as_json: bool) -> None:
    """Full-text search: words, "phrases", prefix*, OR, -excluded."""
    archive = _archive(ctx, readonly=False)
    text = " ".join(query)
    result = archive.search(text, limit=limit)
    if as_json:
        click.echo(
            json.dumps(
                {
                    "query": text,
                    "total": result.total,
                    "total_exact": result.total_exact,
                    "ranked": result.ranked,
                    "hits": [
                        {
                            "id": h.id,
                            "key": h.key,
                            "date": h.date,
                            "title": h.title,
                            "snippet": _highlight(h.snippet, False),
                            "score": h.score,
                        }
                        for h in result.hits
                    ],
                },
                ensure_ascii=False,
                indent=2,
            )
        )
        return
    order = "by relevance" if result.ranked else "in archive order (too many to rank)"
    count = (
        f"{result.total} document{'s' * (result.total != 1)}"
        if result.total_exact
        else (f"more than {result.total} documents")
    )
    click.echo(f"{count} match “{text}”, {order}")
    color = sys.stdout.isatty()
    for hit in result.hits:
        click.echo(f"{hit.key:<22} {hit.date or '????-??-??'}  {hit.title}")
        snippet = " ".join(_highlight(hit.snippet, color).split())
        click.echo(f"    {snippet}")


@main.command("list")
@click.option("--limit", default=0, help="At most this many documents (0: all).")
@click.option("--json", "as_json", is_flag=True, help="Print full records as JSON.")
@click.pass_context
@clear_errors
def list_command(ctx: click.Context, limit: int, as_json: bool) -> None:
    """List documents by date."""
    archive = _archive(ctx)
    rows = archive.page(limit=limit or -1)
    if as_json:
        click.echo(json.dumps([archive.record(row["id"]) for row in rows], ensure_ascii=False, indent=2))
        return
    for row in rows:
        click.echo(
            f"{row['id']:>6}  {row['key']:<22} {row['date_start'] or '????-??-??'}  "
            f"{(row['doc_type'] or ''):<18.18}  {row['title']}"
        )


@main.command()
@click.argument("document")
@click.option("--json", "as_json", is_flag=True, help="Print the record as JSON.")
@click.pass_context
@clear_errors
def show(ctx: click.Context, document: str, as_json: bool) -> None:
    """Print one document: its fields and texts (DOCUMENT is an id or a key such as 001)."""
    archive = _archive(ctx)
    document_id = archive.resolve_id(document)
    record = archive.record(document_id) if document_id else None
    if record is None:
        click.echo(f"archive-viewer: no document “{document}” in {archive.path}", err=True)
        sys.exit(2)
    if as_json:
        click.echo(json.dumps(record, ensure_ascii=False, indent=2))
        return
    click.echo(format_record(record))


def format_record(record: dict[str, Any]) -> str:
    lines = [record["title"], "=" * min(len(record["title"]), 100)]
    fields = [
        ("Date", f"{record['date'] or 'unknown'} ({record['date_precision']}; written “{record['date_as_written']}”)"),
        ("Sender", record["sender"]),
        ("Recipient", record["recipient"]),
        ("Signed", record["signatory"]),
        ("Type", record["type"]),
        ("Classification", record["classification"]),
        ("Original language", record["original_language"]),
        ("Reference numbers", ", ".join(record["reference_numbers"])),
        ("Archival source", record["source"]),
        ("Address", record["url"]),
        ("Citation", record["citation"]),
        ("Credits", record["credits"]),
        ("Key", f"{record['key']} (id {record['id']})"),
    ]
    lines += [f"{name + ':':<19}{value}" for name, value in fields if value]
    for link in record["links"]:
        target = (
            f"{link['key']} ({link['date']}) {link['title']}"
            if link["document_id"]
            else (f"{link['unresolved']} — not in this archive")
        )
        lines.append(f"{link['label'].capitalize() + ':':<19}{target}")
    if record["review_reasons"]:
        lines.append(f"{'Needs review:':<19}{'; '.join(record['review_reasons'])}")
    if record["summary"]:
        lines += ["", "Summary", "-------", record["summary"]]
    for text in record["texts"]:
        heading = f"{text['kind'].capitalize()} ({text['language']})"
        lines += ["", heading, "-" * len(heading), text["body"]]
    return "\n".join(lines)


@main.command()
@click.argument("dest", required=False, type=click.Path(path_type=Path))
@click.pass_context
@clear_errors
def backup(ctx: click.Context, dest: Path | None) -> None:
    """Copy the archive consistently, even while it is in use (DEST: a file or a folder)."""
    from .core.maintenance import backup as make_backup
    from .core.maintenance import backup_folder

    archive = _archive(ctx, readonly=True)
    folder = backup_folder(archive.path)
    if dest is None:
        folder.mkdir(parents=True, exist_ok=True)
    click.echo(str(make_backup(archive, dest or folder)))


@main.command()
@click.argument("backup_file", metavar="BACKUP", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--yes", is_flag=True, help="Do not ask for confirmation.")
@click.pass_context
@clear_errors
def restore(ctx: click.Context, backup_file: Path, yes: bool) -> None:
    """Put a backup in place of the archive (the replaced file is kept beside it)."""
    from .core.maintenance import restore as put_back

    target: Path = ctx.obj["db"]
    if not yes and not click.confirm(f"Replace {target} with {backup_file}?", default=False):
        click.echo("Nothing changed.")
        return
    kept = put_back(backup_file, target)
    click.echo(f"Restored {target} from {backup_file}" + (f"; the replaced file is {kept}" if kept else ""))


@main.command()
@click.option("--json", "as_json", is_flag=True, help="Print the report as JSON.")
@click.option("--repair", is_flag=True, help="Rebuild what can be rebuilt (full-text index, links).")
@click.pass_context
@clear_errors
def check(ctx: click.Context, as_json: bool, repair: bool) -> None:
    """Check the archive's integrity, its full-text index and its stored files."""
    from .core import maintenance

    report = maintenance.check_file(Path(ctx.obj["db"]), repair_derived=repair)
    if as_json:
        click.echo(json.dumps(report.as_dict(), ensure_ascii=False, indent=2))
    else:
        for line in report.repairs:
            click.echo(f"repaired: {line}")
        for line in report.problems:
            click.echo(f"problem: {line}")
        figures = ", ".join(f"{value} {name.replace('_', ' ')}" for name, value in report.figures.items())
        click.echo(("ok" if report.ok else "problems found") + (f" — {figures}" if figures else ""))
    if not report.ok:
        sys.exit(1)


@main.group()
def collection() -> None:
    """Collections ("exhibits"): ordered sets of documents with a title and an introduction."""


@collection.command("create")
@click.argument("name")
@click.argument("documents", nargs=-1, required=True)
@click.option("--title", required=True, help="The title a kiosk shows for the exhibit.")
@click.option("--intro", default="", help="The introduction text (plain text; blank lines separate paragraphs).")
@click.option("--replace", is_flag=True, help="Remake the collection if it exists.")
@click.pass_context
@clear_errors
def collection_create(
    ctx: click.Context, name: str, documents: tuple[str, ...], title: str, intro: str, replace: bool
) -> None:
    """Make collection NAME from DOCUMENTS (ids or keys), in the order given."""
    archive = _archive(ctx)
    if archive.readonly:
        raise ArchiveError(f"{archive.path}: {archive.readonly_reason}; no collection was made")
    ids = []
    for document in documents:
        found = archive.resolve_id(document)
        if found is None:
            raise ArchiveError(f"no document “{document}” in {archive.path}")
        ids.append(found)
    archive.create_collection(name, title, intro, ids, replace=replace)
    click.echo(f"collection {name}: {len(dict.fromkeys(ids))} documents — {archive.path}")


@collection.command("list")
@click.pass_context
@clear_errors
def collection_list(ctx: click.Context) -> None:
    """List the collections with their titles and sizes."""
    for name, title, count in _archive(ctx, readonly=True).collections():
        click.echo(f"{name:<24} {count:>5}  {title}")


def _document_id(archive: Any, document: str) -> int:
    """A document id from an id or key, or one clear line and exit status 2."""
    found = archive.resolve_id(document)
    if found is None:
        click.echo(f"archive-viewer: no document “{document}” in {archive.path}", err=True)
        sys.exit(2)
    return int(found)


def _author(author: str | None) -> str:
    """Who annotates: --author, $ARCHIVE_VIEWER_AUTHOR, else the system user name (the window's default)."""
    import os

    from .core.annotations import default_author

    return author or os.environ.get("ARCHIVE_VIEWER_AUTHOR") or default_author()


@main.command()
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
@click.option("--author", default=None, help="Author (default: $ARCHIVE_VIEWER_AUTHOR or the user name).")
@click.option("--json", "as_json", is_flag=True, help="Print the new annotation as JSON.")
@click.pass_context
@clear_errors
def annotate(
    ctx: click.Context,
    document: str,
    part: str,
    quote: str,
    occurrence: int,
    note: str | None,
    color: str,
    author: str | None,
    as_json: bool,
) -> None:
    """Highlight the first (or --occurrence N) appearance of the quoted words in a document's text."""
    from .core import annotations

    archive = _archive(ctx)
    document_id = _document_id(archive, document)
    try:
        annotation = annotations.highlight_quote(
            archive, document_id, part, quote, occurrence, note=note, color=color, author=_author(author)
        )
    except annotations.AnnotationError as error:
        click.echo(f"archive-viewer: {error}", err=True)
        sys.exit(1)
    annotations.Create(annotation).redo(archive)
    if as_json:
        click.echo(json.dumps(annotation.as_json(), ensure_ascii=False, indent=2))
    else:
        click.echo(f"annotation {annotation.id}: {part} {annotation.start}–{annotation.end} “{annotation.label()}”")


@main.command("annotations")
@click.argument("document")
@click.option("--json", "as_json", is_flag=True, help="Print the annotations as JSON.")
@click.pass_context
@clear_errors
def annotations_command(ctx: click.Context, document: str, as_json: bool) -> None:
    """List a document's annotations (highlights, rectangles, pinned notes)."""
    from .core.annotations import list_annotations

    archive = _archive(ctx)
    found = list_annotations(archive, _document_id(archive, document))
    if as_json:
        click.echo(json.dumps([a.as_json() for a in found], ensure_ascii=False, indent=2))
        return
    for a in found:
        flag = "  [needs review]" if a.status != "ok" else ""
        click.echo(f"{a.id:>5}  {a.part:<11} {a.color:<7} {a.author or '':<12.12} {a.updated_at}  {a.label()}{flag}")
        if a.note:
            click.echo(f"       note: {a.note}")
    if not found:
        click.echo("no annotations")


@main.command("export")
@click.argument("documents", nargs=-1)
@click.option("--pdf", "out", required=True, type=click.Path(dir_okay=False, path_type=Path), help="The PDF to write.")
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
@click.option("--author", default=None, help="The PDF's author (default: $ARCHIVE_VIEWER_AUTHOR or the user name).")
@click.option("--title", default=None, help="The PDF's title (default: the document's, or 'N documents').")
@click.option("--quiet", "-q", is_flag=True, help="No progress bar.")
@click.pass_context
@clear_errors
def export_command(
    ctx: click.Context,
    documents: tuple[str, ...],
    out: Path,
    query: str | None,
    collection: str | None,
    layout: str,
    parts: str,
    no_annotations: bool,
    colors: str | None,
    author: str | None,
    title: str | None,
    quiet: bool,
) -> None:
    """Export documents with their annotations as one PDF, a section per document (a handout)."""
    from .core.export import PARTS, ExportOptions, export_pdf

    archive = _archive(ctx, readonly=False)
    ids = [_document_id(archive, d) for d in documents]
    if query:
        ids += [hit.id for hit in archive.search(query, limit=10000).hits]
    if collection:
        found = archive.collection(collection)
        if found is None:
            click.echo(f"archive-viewer: no collection “{collection}” in {archive.path}", err=True)
            sys.exit(2)
        ids += found["document_ids"]
    ids = list(dict.fromkeys(ids))
    if not ids:
        click.echo("archive-viewer: nothing to export (name documents, --search or --collection)", err=True)
        sys.exit(2)
    chosen = tuple(p.strip() for p in parts.split(",") if p.strip())
    unknown = set(chosen) - set(PARTS)
    if unknown:
        click.echo(f"archive-viewer: unknown part(s) {', '.join(sorted(unknown))}", err=True)
        sys.exit(2)
    options = ExportOptions(
        parts=chosen,
        annotations=not no_annotations,
        layout=layout,
        author=_author(author),
        title=title,
        colors=frozenset(c.strip() for c in colors.split(",")) if colors else None,
    )
    last = None
    with click.progressbar(length=len(ids) + 1, label="Exporting", file=sys.stderr, hidden=quiet) as bar:
        for last in export_pdf(archive, ids, out, options):
            bar.update(last.done - bar.pos)
    click.echo(f"{out}: {len(ids)} document{'s' * (len(ids) != 1)}, {last.message if last else ''}")


@main.command()
@click.option("--docs", default=100_000, show_default=True, help="Size of the synthetic archive.")
@click.option(
    "--json",
    "json_out",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="Write the figures as JSON here.",
)
@click.option(
    "--keep",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    help="Build the archive in this folder and keep it.",
)
@click.option("--runs", default=7, show_default=True, help="Runs per figure (the median is reported).")
def bench(docs: int, json_out: Path | None, keep: Path | None, runs: int) -> None:
    """Measure the program on a deterministic synthetic archive of DOCS documents."""
    from .bench.run import run_bench

    report = run_bench(docs, json_out, keep, runs, say=lambda line: click.echo(line, err=True))
    click.echo(report.table())


@main.command("build-sample")
@click.argument("out", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--force", is_flag=True, help="Replace OUT if it exists.")
@clear_errors
def build_sample(out: Path, force: bool) -> None:
    """Build the bundled sample archive from resources/samples (how archive.db is made)."""
    from .core.samples import build_sample_archive

    if out.exists() and force:
        for suffix in ("", "-wal", "-shm"):
            Path(f"{out}{suffix}").unlink(missing_ok=True)
    archive = build_sample_archive(paths.resources_dir() / "samples", out)
    click.echo(f"{archive.count()} documents in {out}")
    archive.close()


def _pdf_options(ctx: click.Context, pdf: dict[str, Any]) -> None:
    """The import command's PDF options, for the PDF and scan importers of this run."""
    from .core.importers.pdf import use_options

    ctx.call_on_close(
        use_options(
            password=pdf.get("password"),
            languages=pdf.get("ocr_languages"),
            ocr=False if pdf.get("no_ocr") else None,
            metadata_csv=pdf.get("metadata"),
        )
    )


@main.command()
@click.argument("documents", nargs=-1)
@click.option("--languages", default=None, help="Tesseract languages (default rus+eng).")
@click.pass_context
@clear_errors
def ocr(ctx: click.Context, documents: tuple[str, ...], languages: str | None) -> None:
    """OCR the scanned pages still waiting for it (all documents, or the DOCUMENTS named)."""
    from .core.importers.ocr_later import complete_ocr
    from .core.ocr import OcrError

    archive = _archive(ctx)
    ids: list[int] | None = None
    if documents:
        ids = []
        for document in documents:
            found = archive.resolve_id(document)
            if found is None:
                click.echo(f"archive-viewer: no document “{document}” in {archive.path}", err=True)
                sys.exit(2)
            ids.append(found)
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
        click.echo(f"archive-viewer: {error}", err=True)
        sys.exit(2)
    click.echo(f"{last.done} document{'s' * (last.done != 1)}, {last.pages} page{'s' * (last.pages != 1)} read")


@main.command()
@click.argument("document")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--password", default=None, help="Password of an encrypted PDF.")
@click.option("--no-ocr", is_flag=True, help="Do not OCR the pages now.")
@click.option("--ocr-languages", default=None, help="Tesseract languages (default rus+eng).")
@click.pass_context
@clear_errors
def attach(
    ctx: click.Context, document: str, file: Path, password: str | None, no_ocr: bool, ocr_languages: str | None
) -> None:
    """Attach a scan (PDF, JPEG, PNG, TIFF) to a document, after its existing pages."""
    from .core.importers.images import attach_scan

    archive = _archive(ctx)
    document_id = archive.resolve_id(document)
    if document_id is None:
        click.echo(f"archive-viewer: no document “{document}” in {archive.path}", err=True)
        sys.exit(2)
    result = attach_scan(archive, document_id, file, password=password, ocr=not no_ocr, languages=ocr_languages)
    if result.outcome == "refused":
        click.echo(f"archive-viewer: {file}: {result.message}", err=True)
        sys.exit(1)
    click.echo(f"{result.outcome}: {file} → document {document_id} ({result.message})")


@main.command()
@click.argument("out", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--doc", "document", default=None, help="Document to open (id or key).")
@click.option("--tab", default=None, help="Tab to show: scan, transcript, translation, details.")
@click.option("--size", default=None, help="Window size WxH (default 1280x800; 1920x1080 with --kiosk).")
@click.option("--kiosk", is_flag=True, help="Render the kiosk (its start screen, or --doc) instead of the window.")
@click.option(
    "--config",
    "kiosk_config",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="The kiosk's kiosk.toml.",
)
@click.pass_context
@clear_errors
def screenshot(
    ctx: click.Context,
    out: Path,
    document: str | None,
    tab: str | None,
    size: str | None,
    kiosk: bool,
    kiosk_config: Path | None,
) -> None:
    """Render the window offscreen to a PNG."""
    from .gui.screenshot import render

    if kiosk or ctx.obj.get("kiosk"):
        from .core.kiosk_config import KioskConfigError, load
        from .gui.kiosk import render_kiosk

        try:
            config = load(kiosk_config or ctx.obj.get("kiosk_config"))
        except KioskConfigError as error:
            raise ArchiveError(str(error)) from None
        width, _, height = (size or "1920x1080").lower().partition("x")
        render_kiosk(
            _kiosk_archive(ctx, config), out, config, document=document, part=tab, size=(int(width), int(height))
        )
        click.echo(str(out))
        return
    width, _, height = (size or "1280x800").lower().partition("x")
    render(ctx.obj["db"], out, document=document, tab=tab, size=(int(width), int(height)))
    click.echo(str(out))


if __name__ == "__main__":
    main()
