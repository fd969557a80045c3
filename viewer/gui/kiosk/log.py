"""The kiosk's log: a rotated file an administrator reads after the fact (nobody watches a kiosk's
terminal)."""

from __future__ import annotations

import logging
import sys
from logging.handlers import RotatingFileHandler
from pathlib import Path

LOG = logging.getLogger("viewer.kiosk")


def log_to(path: Path) -> Path | None:
    """Send the kiosk's log to ``path`` (rotated: three files of 1 MB), once per path. A folder that
    cannot be written leaves the log on stderr: a kiosk must not fail to start over its log."""
    LOG.setLevel(logging.INFO)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.touch(exist_ok=True)
    except OSError as error:
        print(f"archive-viewer: kiosk log {path}: {error}; logging to stderr", file=sys.stderr)
        if not LOG.handlers:
            LOG.addHandler(logging.StreamHandler())
        return None
    for handler in list(LOG.handlers):
        if isinstance(handler, RotatingFileHandler):
            if Path(handler.baseFilename) == path.resolve():
                return path
            LOG.removeHandler(handler)
            handler.close()
    handler = RotatingFileHandler(path, maxBytes=1_000_000, backupCount=3, encoding="utf-8")
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(message)s"))
    LOG.addHandler(handler)
    return path
