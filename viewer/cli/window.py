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


def lang_option() -> Any:
    """``--lang en|ru``: the interface's language for this run, over View ▸ Language and the system's."""
    return click.option(
        "--lang",
        type=click.Choice(["en", "ru"]),
        default=None,
        help="Language of the window and the kiosk: en or ru (default: View ▸ Language, else the system's).",
    )


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
    sys.exit(run_kiosk(cli.db, kiosk_config or cli.kiosk_config, db_given=cli.db_given, language=cli.lang))


@click.command()
@with_cli
def gui(cli: CliContext) -> None:
    """Open the window on the archive."""
    try:
        from ..gui.app import run
    except ImportError as error:
        fail(f"the window cannot start here ({error}).")
    sys.exit(run(cli.db, language=cli.lang))


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
@lang_option()
@with_cli
def screenshot(
    cli: CliContext,
    out: Path,
    document: str | None,
    tab: str | None,
    size: str | None,
    kiosk: bool,
    kiosk_config: Path | None,
    lang: str | None,
) -> None:
    """Render the window offscreen to a PNG."""
    from ..gui.screenshot import render

    language = lang or cli.lang or "en"  # a picture does not depend on the machine it is made on

    if kiosk or cli.kiosk:
        from ..core.kiosk_config import KioskConfigError, load
        from ..gui.kiosk.launch import render_kiosk

        try:
            config = load(kiosk_config or cli.kiosk_config)
        except KioskConfigError as error:
            raise ArchiveError(str(error)) from None
        render_kiosk(
            _kiosk_archive(cli, config),
            out,
            config,
            document=document,
            part=tab,
            size=_size(size or "1920x1080"),
            language=language,
        )
    else:
        render(cli.db, out, document=document, tab=tab, size=_size(size or "1280x800"), language=language)
    click.echo(str(out))
