"""The command line: ``archive-viewer`` opens the window; subcommands import, search and show.

Every command takes ``--db PATH``; a missing or damaged archive is one clear line on stderr and
exit status 2, never a traceback. One module per family of commands; ``context`` holds what they
share (the typed context, the id resolver, the error policy).
"""

from __future__ import annotations

from pathlib import Path

import click

from .. import __version__, paths
from . import (
    annotating,
    bench,
    curating,
    editing,
    exchanging,
    importing,
    kiosk_admin,
    organising,
    reading,
    safety,
    window,
)
from .context import CliContext, file_option


@click.group(invoke_without_command=True, context_settings={"help_option_names": ["-h", "--help"]})
@file_option("--db", "db", "Archive file to use (default: the bundled archive.db, or $ARCHIVE_VIEWER_DB).")
@click.option("--kiosk", is_flag=True, help="Open the read-only, full-screen kiosk instead of the window.")
@window.kiosk_config_option()
@window.lang_option()
@click.version_option(__version__, "--version", prog_name="archive-viewer")
@click.pass_context
def main(ctx: click.Context, db: Path | None, kiosk: bool, kiosk_config: Path | None, lang: str | None) -> None:
    """Archive Viewer: read, search and annotate collections of historical documents, offline.

    Without a command, opens the window on the archive (with --kiosk, the kiosk).
    """
    ctx.obj = CliContext(
        db=db or paths.default_archive(), db_given=db is not None, kiosk=kiosk, kiosk_config=kiosk_config, lang=lang
    )
    if ctx.invoked_subcommand is None:
        ctx.invoke(window.kiosk_command if kiosk else window.gui)


# In the order ``--help`` has always listed them (click sorts them by name anyway).
for _command in (
    window.kiosk_command,
    window.gui,
    importing.import_command,
    reading.search,
    reading.list_command,
    reading.show,
    safety.backup,
    safety.restore,
    safety.check,
    curating.collection,
    editing.edit,
    editing.history,
    editing.undo,
    editing.redo,
    organising.person,
    organising.delete,
    organising.trash,
    organising.tag,
    organising.review,
    annotating.annotate,
    annotating.annotations_command,
    exchanging.export_command,
    exchanging.cite,
    exchanging.merge,
    exchanging.publish,
    bench.bench,
    importing.build_sample,
    importing.ocr,
    importing.attach,
    window.screenshot,
    kiosk_admin.kiosk_pin,
):
    main.add_command(_command)

__all__ = ["main"]
