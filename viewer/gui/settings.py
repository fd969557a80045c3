"""Window state remembered between runs (geometry, splitters, last document, tab).

Kept apart from user preferences, as qutebrowser and Picard do. Tests and screenshots pass their
own settings file so runs never share state; ``ARCHIVE_VIEWER_SETTINGS`` points at one too.
"""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QSettings

from .. import APP_NAME, ORG_NAME

ENV_SETTINGS = "ARCHIVE_VIEWER_SETTINGS"

# key: (type, default) — declared once
STATE = {
    "window/geometry": (bytes, b""),
    "window/state": (bytes, b""),
    "window/main_splitter": (bytes, b""),
    "window/vertical_splitter": (bytes, b""),
    "window/timeline_visible": (bool, True),
    "document/last": (str, ""),
    "document/tab": (str, "translation"),
    "text/point_size": (float, 12.0),
    "text/side_by_side": (bool, False),
}


def open_settings(path: str | Path | None = None) -> QSettings:
    """The settings store: a named INI file, $ARCHIVE_VIEWER_SETTINGS, or the platform's place."""
    path = path or os.environ.get(ENV_SETTINGS)
    if path:
        return QSettings(str(path), QSettings.Format.IniFormat)
    return QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope, ORG_NAME, APP_NAME)


def read(settings: QSettings, key: str):
    kind, default = STATE[key]
    value = settings.value(key, default)
    if value is None:
        return default
    try:
        if kind is bool:
            return value if isinstance(value, bool) else str(value).lower() in ("true", "1")
        if kind is bytes:
            return bytes(value.data() if hasattr(value, "data") else value)
        return kind(value)
    except (TypeError, ValueError):
        return default


def write(settings: QSettings, key: str, value: object) -> None:
    settings.setValue(key, value)
