"""Where the archive, settings, cache and logs live.

Defaults come from the platform's folders (platformdirs); ``ARCHIVE_VIEWER_HOME`` or a flag moves
everything into one folder (a portable install, a kiosk, a test). The bundled sample archive is
found beside the package in a checkout, inside it in a wheel, or beside the executable when frozen.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from . import APP_NAME, ORG_NAME

ENV_HOME = "ARCHIVE_VIEWER_HOME"
ENV_DB = "ARCHIVE_VIEWER_DB"


def _home() -> Path | None:
    value = os.environ.get(ENV_HOME)
    return Path(value).expanduser() if value else None


def data_dir() -> Path:
    home = _home()
    if home:
        return home
    import platformdirs

    return Path(platformdirs.user_data_dir(APP_NAME, ORG_NAME))


def cache_dir() -> Path:
    home = _home()
    if home:
        return home / "cache"
    import platformdirs

    return Path(platformdirs.user_cache_dir(APP_NAME, ORG_NAME))


def log_dir() -> Path:
    home = _home()
    if home:
        return home / "logs"
    import platformdirs

    return Path(platformdirs.user_log_dir(APP_NAME, ORG_NAME))


def project_root() -> Path:
    """The checkout (or bundle) folder holding ``resources/`` and the bundled ``archive.db``."""
    if getattr(sys, "frozen", False):
        return Path(getattr(sys, "_MEIPASS", Path(sys.executable).parent))
    return Path(__file__).resolve().parent.parent


def resources_dir() -> Path:
    return project_root() / "resources"


def bundled_archive() -> Path:
    return project_root() / "archive.db"


def default_archive() -> Path:
    """The archive opened when none is named: $ARCHIVE_VIEWER_DB, else the bundled archive.db in a
    checkout, else the user's own copy in the data folder — made from the bundled archive on first
    start when the app is installed (a frozen bundle, or a read-only checkout); see first_start."""
    named = os.environ.get(ENV_DB)
    if named:
        return Path(named).expanduser()
    bundled = bundled_archive()
    if bundled.exists() and os.access(bundled, os.W_OK) and not getattr(sys, "frozen", False):
        return bundled
    from .first_start import user_archive

    return user_archive(bundled, data_dir() / "archive.db")
