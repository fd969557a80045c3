"""Opening the program's windows: ``gui``, ``kiosk`` and ``screenshot`` (the window rendered offscreen)."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import click

from ..core.errors import ArchiveError
from .context import CliContext, fail, file_option, pass_cli, with_cli

CONFIG_HELP = "The kiosk's kiosk.toml (see docs/kiosk.md)."


def kiosk_config_option(help_text: str = CONFIG_HELP) -> Any:
    """The ``--config`` option naming a kiosk.toml (on the group, ``kiosk`` and ``screenshot``)."""
    return file_option("--config", "kiosk_config", help_text)


def _kiosk_archive(cli: CliContext, config: Any) -> Path:
    """--db wins, then the archive named in kiosk.toml, then the default."""
    if cli.db_given or config.archive is None:
        return Path(cli.db)
    return Path(config.archive)


@click.command("kiosk")
@kiosk_config_option()
@pass_cli
def kiosk_command(cli: CliContext, kiosk_config: Path | None) -> None:
    """Open the kiosk: full screen, read-only, touch-friendly (the same as --kiosk)."""
    try:
        from ..gui.kiosk.launch import run_kiosk
    except ImportError as error:
        fail(f"the kiosk cannot start here ({error}).")
    sys.exit(run_kiosk(cli.db, kiosk_config or cli.kiosk_config, db_given=cli.db_given))


@click.command()
@with_cli
def gui(cli: CliContext) -> None:
    """Open the window on the archive."""
    try:
        from ..gui.app import run
    except ImportError as error:
        fail(f"the window cannot start here ({error}).")
    sys.exit(run(cli.db))


def _size(text: str) -> tuple[int, int]:
    """``WxH`` as a (width, height) pair."""
    width, _, height = text.lower().partition("x")
    return int(width), int(height)


@click.command()
@click.argument("out", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--doc", "document", default=None, help="Document to open (id or key).")
@click.option("--tab", default=None, help="Tab to show: scan, transcript, translation, details.")
@click.option("--size", default=None, help="Window size WxH (default 1280x800; 1920x1080 with --kiosk).")
@click.option("--kiosk", is_flag=True, help="Render the kiosk (its start screen, or --doc) instead of the window.")
@kiosk_config_option("The kiosk's kiosk.toml.")
@with_cli
def screenshot(
    cli: CliContext,
    out: Path,
    document: str | None,
    tab: str | None,
    size: str | None,
    kiosk: bool,
    kiosk_config: Path | None,
) -> None:
    """Render the window offscreen to a PNG."""
    from ..gui.screenshot import render

    if kiosk or cli.kiosk:
        from ..core.kiosk_config import KioskConfigError, load
        from ..gui.kiosk.launch import render_kiosk

        try:
            config = load(kiosk_config or cli.kiosk_config)
        except KioskConfigError as error:
            raise ArchiveError(str(error)) from None
        render_kiosk(
            _kiosk_archive(cli, config), out, config, document=document, part=tab, size=_size(size or "1920x1080")
        )
    else:
        render(cli.db, out, document=document, tab=tab, size=_size(size or "1280x800"))
    click.echo(str(out))
