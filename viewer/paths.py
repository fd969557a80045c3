"""Where the archive, settings, cache and logs live.

Defaults come from the platform's folders (platformdirs for data, cache and logs; Qt's own place for
the window's settings). ``ARCHIVE_VIEWER_HOME`` moves all of them into one folder (a portable
install, a kiosk, a test); ``ARCHIVE_VIEWER_DB`` or ``--db`` names the archive.

``resources/`` (samples, icons, the kiosk example) and the bundled sample ``archive.db`` sit beside
the package in a checkout, and in the frozen bundle's own folder (packaging/archive-viewer.spec puts
them there). A wheel carries only the package and its data (the gazetteer): an app installed from
one has no bundled archive and starts on the user's own, in the data folder.
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


def settings_file() -> Path | None:
    """The window's settings file when ``ARCHIVE_VIEWER_HOME`` is set; None for the platform's place."""
    home = _home()
    return home / "settings.ini" if home else None


def project_root() -> Path:
    """The folder meant to hold ``resources/`` and the bundled ``archive.db``: the checkout, or the
    frozen bundle's folder. Beside an installed wheel (site-packages) neither is there."""
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
