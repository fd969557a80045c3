"""Window state remembered between runs (geometry, splitters, last document, tab).

Kept apart from user preferences, as qutebrowser and Picard do. Tests and screenshots pass their
own settings file so runs never share state; ``ARCHIVE_VIEWER_SETTINGS`` points at one too, and
``ARCHIVE_VIEWER_HOME`` keeps it in that folder with the rest (``viewer.paths``).
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from PySide6.QtCore import QByteArray, QObject, QSettings, QTimer

from .. import APP_NAME, ORG_NAME, paths

ENV_SETTINGS = "ARCHIVE_VIEWER_SETTINGS"

# key: (type, default) — declared once
STATE: dict[str, tuple[type, object]] = {
    "window/geometry": (bytes, b""),
    "window/state": (bytes, b""),
    "window/main_splitter": (bytes, b""),
    "window/vertical_splitter": (bytes, b""),
    "window/timeline_visible": (bool, True),
    "list/header": (bytes, b""),  # the list's columns: shown, widths, sort
    "list/search_sort": (str, "relevance"),  # the list's order while searching: "relevance", "date desc", …
    "annotations/visible": (bool, True),  # False once the person closed the pane
    "annotations/auto_hide": (bool, True),  # folded while the open document has no annotations
    "document/last": (str, ""),
    "document/tab": (str, "translation"),
    "text/point_size": (float, 12.0),
    "text/side_by_side": (bool, False),
    "citation/style": (str, ""),  # "" is the source's own citation (Edit > Citation Style)
}


def open_settings(path: str | Path | None = None) -> QSettings:
    """The settings store: a named INI file, $ARCHIVE_VIEWER_SETTINGS, settings.ini in
    $ARCHIVE_VIEWER_HOME, or the platform's place."""
    path = path or os.environ.get(ENV_SETTINGS) or paths.settings_file()
    if path:
        return QSettings(str(path), QSettings.Format.IniFormat)
    return QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope, ORG_NAME, APP_NAME)


def read(settings: QSettings, key: str) -> Any:
    """The value of ``key`` as the type STATE declares for it; the default if missing or unreadable
    (an INI file hands back text, a native store the type itself)."""
    kind, default = STATE[key]
    value = settings.value(key, default)
    if value is None:
        return default
    try:
        if kind is bool:
            return value if isinstance(value, bool) else str(value).lower() in ("true", "1")
        if kind is bytes:
            if isinstance(value, QByteArray):
                return value.data()
            return bytes(value) if isinstance(value, bytes | bytearray) else default
        return kind(value)
    except (TypeError, ValueError):
        return default


def write(settings: QSettings, key: str, value: object) -> None:
    """Set ``key``, unless it already holds ``value``: after any setValue, equal or not, QSettings
    rewrote its whole file at the event loop's next turn (7 ms on the GUI thread; the list's order
    while searching was set again at every query typed)."""
    if settings.contains(key) and settings.value(key) == value:
        return
    settings.setValue(key, value)


class WrittenSoon(QObject):
    """A setting that changes at every step (the open document, as the list is walked or a query
    typed) written a moment after its last change, not at each: QSettings rewrote its whole file on
    the GUI thread every time (7 ms, in the stretch that takes in a typed query's first results).
    ``flush`` writes at once (the window closing)."""

    def __init__(self, settings: QSettings, key: str, delay_ms: int = 1000, parent: QObject | None = None):
        super().__init__(parent)
        self.settings, self.key = settings, key
        self.pending: object = None
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(delay_ms)
        self.timer.timeout.connect(self.flush)

    def set(self, value: object) -> None:
        self.pending = value
        self.timer.start()

    def flush(self, value: object = None) -> None:
        """Write the pending value now, or ``value`` in its place."""
        self.timer.stop()
        self.pending = self.pending if value is None else value
        if self.pending is not None:
            write(self.settings, self.key, self.pending)
            self.pending = None
