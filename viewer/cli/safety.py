"""Keeping the archive safe: ``backup``, ``restore`` and ``check``."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from .context import CliContext, echo_json, json_option, with_cli


@click.command()
@click.argument("dest", required=False, type=click.Path(path_type=Path))
@with_cli
def backup(cli: CliContext, dest: Path | None) -> None:
    """Copy the archive consistently, even while it is in use (DEST: a file or a folder)."""
    from ..core.maintenance import backup as make_backup
    from ..core.maintenance import backup_folder

    archive = cli.archive(readonly=True)
    folder = backup_folder(archive.path)
    if dest is None:
        folder.mkdir(parents=True, exist_ok=True)
    click.echo(str(make_backup(archive, dest or folder)))


@click.command()
@click.argument("backup_file", metavar="BACKUP", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--yes", is_flag=True, help="Do not ask for confirmation.")
@with_cli
def restore(cli: CliContext, backup_file: Path, yes: bool) -> None:
    """Put a backup in place of the archive (the replaced file is kept beside it)."""
    from ..core.maintenance import restore as put_back

    target = cli.db
    if not yes and not click.confirm(f"Replace {target} with {backup_file}?", default=False):
        click.echo("Nothing changed.")
        return
    kept = put_back(backup_file, target)
    click.echo(f"Restored {target} from {backup_file}" + (f"; the replaced file is {kept}" if kept else ""))


@click.command()
@json_option("the report")
@click.option("--repair", is_flag=True, help="Rebuild what can be rebuilt (full-text index, links).")
@with_cli
def check(cli: CliContext, as_json: bool, repair: bool) -> None:
    """Check the archive's integrity, its full-text index and its stored files."""
    from ..core import maintenance

    report = maintenance.check_file(Path(cli.db), repair_derived=repair)
    if as_json:
        echo_json(report.as_dict())
    else:
        for line in report.repairs:
            click.echo(f"repaired: {line}")
        for line in report.problems:
            click.echo(f"problem: {line}")
        figures = ", ".join(f"{value} {name.replace('_', ' ')}" for name, value in report.figures.items())
        click.echo(("ok" if report.ok else "problems found") + (f" — {figures}" if figures else ""))
    if not report.ok:
        sys.exit(1)
