"""Reading commands: ``search``, ``list`` and ``show``."""

from __future__ import annotations

import re
import sys
from typing import TYPE_CHECKING

import click

from .context import CliContext, document_id, echo_json, fail, json_option, plural, terminal_text, with_cli

if TYPE_CHECKING:
    from ..core.records import DocumentRecord
    from ..core.store.search import SearchHit


# Marks around a matched word when the output is not a terminal: brackets no historical text uses
# (square brackets are the editors' insertions, "Liu [Shaoqi]", and must stay readable as such).
PLAIN_MARKS = ("⟦", "⟧")


def _highlight(snippet: str, color: bool) -> str:
    """Snippet match markers (\\x02, \\x03) as bold on a terminal, or as ⟦ ⟧; the text between
    them as terminal_text shows it (the markers are the only control characters kept)."""
    start, end = ("\x1b[1m", "\x1b[22m") if color else PLAIN_MARKS
    pieces = re.split("([\x02\x03])", snippet)
    return "".join(start if p == "\x02" else end if p == "\x03" else terminal_text(p) for p in pieces)


def _hit_json(hit: SearchHit) -> dict[str, object]:
    """One hit for --json: the snippet as plain text and its matched words as character offsets
    (start, end) into it, so a program marks them as it likes."""
    from ..core.folding import marks as marked

    snippet, marks = marked(hit.snippet)
    return {
        "id": hit.id,
        "key": hit.key,
        "date": hit.date,
        "title": hit.title,
        "snippet": snippet,
        "marks": [list(span) for span in marks],
        "score": hit.score,
    }


@click.command()
@click.argument("query", nargs=-1, required=True)
@click.option("--limit", default=20, show_default=True, help="How many hits to print.")
@json_option("hits")
@with_cli
def search(cli: CliContext, query: tuple[str, ...], limit: int, as_json: bool) -> None:
    """Full-text search: words, "phrases", prefix*, OR, -excluded."""
    archive = cli.archive(readonly=False)
    text = " ".join(query)
    result = archive.search(text, limit=limit)
    from ..core.search_query import notice  # here: the module costs start-up time other commands need not pay

    shortened = notice(text)
    if shortened:
        click.echo(f"archive-viewer: note: {shortened}", err=True)
    if as_json:
        echo_json(
            {
                "query": text,
                "total": result.total,
                "total_exact": result.total_exact,
                "ranked": result.ranked,
                "hits": [_hit_json(hit) for hit in result.hits],
            }
        )
        return
    order = "by relevance" if result.ranked else "in archive order (too many to rank)"
    count = plural(result.total, "document") if result.total_exact else f"more than {result.total} documents"
    click.echo(f"{count} match “{text}”, {order}")
    color = sys.stdout.isatty()
    for hit in result.hits:
        click.echo(terminal_text(f"{hit.key:<22} {hit.date or '????-??-??'}  {hit.title}"))
        snippet = " ".join(_highlight(hit.snippet, color).split())
        click.echo(f"    {snippet}")


@click.command("list")
@click.option("--limit", default=0, help="At most this many documents (0: all).")
@json_option("full records")
@with_cli
def list_command(cli: CliContext, limit: int, as_json: bool) -> None:
    """List documents by date."""
    archive = cli.archive()
    rows = archive.page(limit=limit or -1)
    if as_json:
        records = [archive.record(row.id) for row in rows]
        echo_json([record.as_json() for record in records if record is not None])
        return
    for row in rows:
        kind = row.doc_type or ""
        click.echo(
            terminal_text(f"{row.id:>6}  {row.key:<22} {row.date_start or '????-??-??'}  {kind:<18.18}  {row.title}")
        )


@click.command()
@click.argument("document")
@json_option("the record")
@with_cli
def show(cli: CliContext, document: str, as_json: bool) -> None:
    """Print one document: its fields and texts. DOCUMENT is a key or its start (001), or id:N; a
    number is also an id, and one that names two documents (id 1, key 001_…) says so."""
    archive = cli.archive()
    record = archive.record(document_id(archive, document))
    if record is None:
        fail(f"no document “{document}” in {archive.path}")
    if as_json:
        echo_json(record.as_json())
        return
    click.echo(terminal_text(format_record(record)))


def format_record(record: DocumentRecord) -> str:
    """A document record as the plain text ``show`` prints: a title, labelled fields, then the texts."""
    lines = [record.title, "=" * min(len(record.title), 100)]
    fields = [
        ("Date", f"{record.date or 'unknown'} ({record.date_precision}; written “{record.date_as_written}”)"),
        ("Sender", record.sender),
        ("Recipient", record.recipient),
        ("Signed", record.signatory),
        ("Type", record.type),
        ("Classification", record.classification),
        ("Original language", record.original_language),
        ("Reference numbers", ", ".join(record.reference_numbers)),
        ("Archival source", record.source),
        ("Address", record.url),
        ("Citation", record.citation),
        ("Credits", record.credits),
        ("Key", f"{record.key} (id {record.id})"),
    ]
    lines += [f"{name + ':':<19}{value}" for name, value in fields if value]
    for link in record.links:
        target = (
            f"{link.key} ({link.date}) {link.title}"
            if link.document_id
            else (f"{link.unresolved} — not in this archive")
        )
        lines.append(f"{link.label.capitalize() + ':':<19}{target}")
    if record.review_reasons:
        lines.append(f"{'Needs review:':<19}{'; '.join(record.review_reasons)}")
    if record.summary:
        lines += ["", "Summary", "-------", record.summary]
    for text in record.texts:
        heading = f"{text.kind.capitalize()} ({text.language})"
        lines += ["", heading, "-" * len(heading), text.body]
    return "\n".join(lines)
