"""Editing commands: ``edit`` (fields, people, links, texts, or a whole record as JSON), ``history``,
``undo`` and ``redo``. Every change is recorded with its author (``--author``, else
$ARCHIVE_VIEWER_AUTHOR, else the system user name) and can be undone from here or from the window."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from .context import CliContext, author, document_id, echo_json, fail, json_option, with_cli

if TYPE_CHECKING:
    from ..core.curation import Change
    from ..core.store import Archive

ROLE_FIELDS = {"sender": "sender", "recipient": "recipient", "signatory": "signatory", "signed": "signatory"}
ROLE_FIELDS |= {"mentioned": "mentioned", "place": "places", "places": "places"}


def author_option() -> Any:
    return click.option("--author", "who", default=None, help="Who makes the change (default: your user name).")


def change_json(change: Change) -> dict[str, Any]:
    return {
        "id": change.id,
        "kind": change.kind,
        "label": change.label,
        "author": change.author,
        "at": change.at,
        "reverts": change.reverts,
        "reverted_by": change.reverted_by,
        "reversible": change.reversible,
        "documents": change.document_count,
        "items": [
            {"document_id": i.document_id, "target": i.target, "name": i.name, "before": i.before, "after": i.after}
            for i in change.items
        ],
    }


def _read(path: Path) -> str:
    try:
        if str(path) == "-":
            return sys.stdin.read()
        return path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        fail(f"{path}: cannot be read ({error})")


def _role(text: str) -> str:
    field = ROLE_FIELDS.get(text.strip().lower())
    if field is None:
        fail(f"unknown role “{text}” (sender, recipient, signatory, mentioned, place)")
    return field


def _people_values(archive: Archive, doc: int, add: tuple[str, ...], remove: tuple[str, ...]) -> dict[str, Any]:
    """The people fields after --add-person NAME:ROLE and --remove-person NAME[:ROLE]."""
    values: dict[str, Any] = {}

    def current(field: str) -> list[dict[str, Any]]:
        return values.setdefault(field, list(archive.field_value(doc, field)))

    for given in remove:
        name, _, role = given.rpartition(":") if ":" in given else (given, "", "")
        fields = [_role(role)] if role else list(dict.fromkeys(ROLE_FIELDS.values()))
        [canonical] = archive.resolve_people(fields[0], [{"name": name, "kind": None, "as_written": name}])
        found = False
        for field in fields:
            entries = current(field)
            kept = [e for e in entries if name.lower() not in (e["name"].lower(), (e["as_written"] or "").lower())]
            kept = [e for e in kept if e["name"] != canonical["name"]]
            found = found or len(kept) != len(entries)
            values[field] = kept
        if not found:
            fail(f"“{name}” is not named{' as ' + role if role else ''} by this document")
    for given in add:
        name, colon, role = given.rpartition(":")
        if not colon or not name.strip():
            fail(f"“{given}”: write --add-person NAME:ROLE, e.g. “Filippov:sender”")
        current(_role(role)).append({"name": name.strip()})
    return {field: entries for field, entries in values.items()}


def _link_values(archive: Archive, doc: int, link: tuple[str, ...], unlink: tuple[str, ...]) -> dict[str, Any]:
    if not link and not unlink:
        return {}
    from ..core.field_values import relation

    links = list(archive.field_value(doc, "links"))
    for given in unlink:
        kind, _, target = given.partition(":")
        wanted = (relation(kind), document_id(archive, target))
        kept = [entry for entry in links if (entry["relation"], entry["target_id"]) != wanted]
        if len(kept) == len(links):
            fail(f"no link {given} from this document")
        links = kept
    return {"links": links + list(link)}


@click.command("edit")
@click.argument("document")
@click.option("--title", help="The title.")
@click.option("--date", help="The date as written (13 May 1950, 1950-05-13, May 1950, 1950; '' for unknown).")
@click.option("--date-start", help="The first day of the date range (ISO).")
@click.option("--date-end", help="The last day of the date range (ISO).")
@click.option("--precision", type=click.Choice(["day", "month", "year"]), help="The date's precision.")
@click.option("--type", "doc_type", help="The document type.")
@click.option("--classification", help="The classification (Top secret, …).")
@click.option("--language", help="The original language.")
@click.option("--summary", help="The summary.")
@click.option("--citation", help="The citation.")
@click.option("--rights", help="The rights statement.")
@click.option("--source", help="The archival source as written.")
@click.option("--note", help="A free note.")
@click.option("--add-person", multiple=True, metavar="NAME:ROLE", help="Add a person (role: sender, recipient, …).")
@click.option("--remove-person", multiple=True, metavar="NAME[:ROLE]", help="Remove a person (from one role).")
@click.option("--link", multiple=True, metavar="RELATION:ID", help="Link to a document (reply-to, continues, related).")
@click.option("--unlink", multiple=True, metavar="RELATION:ID", help="Remove a link.")
@click.option(
    "--transcript", type=click.Path(path_type=Path), help="Replace the transcript with a file's text (-: stdin)."
)
@click.option("--translation", type=click.Path(path_type=Path), help="Replace the translation with a file's text.")
@click.option("--json", "json_file", type=click.Path(path_type=Path), help="A record as show --json prints it, edited.")
@author_option()
@with_cli
def edit(cli: CliContext, document: str, json_file: Path | None, who: str | None, **options: Any) -> None:
    """Correct a document's fields: only what is given changes, in one step you can undo."""
    archive = cli.writable_archive("nothing was changed")
    doc = document_id(archive, document)
    values: dict[str, Any] = {}
    if json_file is not None:
        from ..core.record_edits import values_from_record

        try:
            data = json.loads(_read(json_file))
        except json.JSONDecodeError as error:
            fail(f"{json_file}: not JSON ({error})")
        values |= values_from_record(archive, doc, data)
    simple = {"title": "title", "doc_type": "type", "classification": "classification", "language": "language"}
    simple |= {name: name for name in ("summary", "citation", "rights", "source", "note")}
    values |= {field: options[option] for option, field in simple.items() if options[option] is not None}
    if options["date_start"] or options["date_end"] or options["precision"]:
        parts = {"start": options["date_start"], "end": options["date_end"], "precision": options["precision"]}
        values["date"] = {k: v for k, v in parts.items() if v} | ({"text": options["date"]} if options["date"] else {})
    elif options["date"] is not None:
        values["date"] = options["date"]
    values |= _people_values(archive, doc, options["add_person"], options["remove_person"])
    values |= _link_values(archive, doc, options["link"], options["unlink"])
    for kind in ("transcript", "translation"):
        if options[kind] is not None:
            values[kind] = _read(options[kind])
    if not values:
        if json_file is not None:
            fail("nothing to change: the record says what the archive holds already", 1)
        fail("nothing to change: give a field (see archive-viewer edit --help) or --json FILE")
    change = archive.correct(doc, values, author(who))
    click.echo(f"{archive.document_key(doc)}: {change.label.lower()} (change {change.id}, by {change.author})")


@click.command("history")
@click.argument("document", required=False)
@click.option("--limit", default=50, show_default=True, help="Without DOCUMENT: how many recent changes.")
@json_option("the changes")
@with_cli
def history(cli: CliContext, document: str | None, limit: int, as_json: bool) -> None:
    """What was changed in a document (or lately, in the whole archive), by whom and when, newest first."""
    archive = cli.archive()
    changes = archive.history(document_id(archive, document)) if document else archive.recent_changes(limit)
    if as_json:
        echo_json([change_json(change) for change in changes])
        return
    if not changes:
        click.echo("no changes recorded")
    for change in changes:
        state = " (undone)" if change.reverted_by is not None else ""
        click.echo(f"{change.id:>6}  {change.at}  {change.author:<12} {change.label}{state}")


@click.command("undo")
@author_option()
@with_cli
def undo(cli: CliContext, who: str | None) -> None:
    """Undo your last change (edits, tags, deletes, merges…), as the window's Ctrl+Z does."""
    _step_back_or_forth(cli, who, "undo")


@click.command("redo")
@author_option()
@with_cli
def redo(cli: CliContext, who: str | None) -> None:
    """Redo what you undid last, unless you changed something else since."""
    _step_back_or_forth(cli, who, "redo")


def _step_back_or_forth(cli: CliContext, who: str | None, verb: str) -> None:
    """``undo`` and ``redo`` alike: the author's last change (or last undone one), or a failure naming the verb."""
    archive = cli.writable_archive(f"nothing was {verb}ne")
    step = archive.undo_last if verb == "undo" else archive.redo_last
    change = step(author(who))
    if change is None:
        fail(f"nothing to {verb} for {author(who)}", 1)
    click.echo(f"{change.label} (change {change.id})")
