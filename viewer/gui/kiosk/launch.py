"""Starting the kiosk: on a screen until the administrator leaves, or offscreen to a PNG."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import Qt

from ...core.errors import ArchiveError
from ...core.kiosk_config import KioskConfig, KioskConfigError, load
from ..tasks import settle
from .window import KioskWindow


def run_kiosk(
    db_path: str | Path, config_path: str | Path | None = None, db_given: bool = False, language: str | None = None
) -> int:
    """Start the kiosk and run until the administrator leaves; returns the exit status. It starts in
    ``language`` (en, ru), else the system's; visitors switch with its language button."""
    from .. import i18n
    from ..app import create_app

    app = create_app(sys.argv[:1])
    i18n.install(i18n.resolve(language))
    config_error = None
    try:
        config = load(config_path)
    except KioskConfigError as error:
        config, config_error = KioskConfig(), str(error)
    path = Path(db_path) if db_given or config.archive is None else config.archive
    window = KioskWindow(path, config, config_error=config_error)
    sys.excepthook = window.unexpected
    if config.hide_cursor:
        app.setOverrideCursor(Qt.CursorShape.BlankCursor)
    app.setQuitOnLastWindowClosed(False)
    window.exited.connect(app.quit)
    window.show_kiosk()
    return app.exec()


def render_kiosk(
    db_path: str | Path,
    out_path: str | Path,
    config: KioskConfig | None = None,
    document: str | None = None,
    part: str | None = None,
    size: tuple[int, int] = (1920, 1080),
    language: str = "en",
) -> Path:
    """Render the kiosk offscreen (its start page, or a document) to a PNG, in ``language``."""
    import os

    from PySide6.QtWidgets import QApplication

    if QApplication.instance() is None:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from .. import i18n
    from ..app import create_app

    create_app()
    previous = i18n.current()
    i18n.install(language)
    window = KioskWindow(db_path, config or KioskConfig(), clock=lambda: 0.0)
    out = Path(out_path)
    try:
        window.resize(*size)
        window.show()
        if document:
            if window.archive is None:
                raise ArchiveError(window.out_of_order.cause)
            document_id = window.archive.resolve_id(document)
            if document_id is None:
                raise ArchiveError(f"no document “{document}” in {db_path}")
            if part is not None and part not in window.config.parts:
                raise ArchiveError(f"no part “{part}” in this kiosk: choose one of {', '.join(window.config.parts)}")
            window.open_document(document_id, part)
        settle(window.runner)
        if not window.grab().save(str(out)):
            raise ArchiveError(f"{out}: could not write the PNG")
    finally:
        window.unlocked = True
        window.shutdown()
        window.close()
        window.deleteLater()
        i18n.install(previous)
    return out
