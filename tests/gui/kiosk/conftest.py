"""Kiosk fixtures: kiosks shown in a window of 1280×800 and given back to the application afterwards."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from viewer.core.kiosk_config import KioskConfig
from viewer.gui.kiosk.window import KioskWindow

from ..helpers import shown


@pytest.fixture
def open_kiosk(qtbot, tmp_path) -> Iterator[Callable[[Path, KioskConfig, Callable[[], float]], KioskWindow]]:
    """Open a kiosk (logging to tmp_path) shown at 1280×800; every kiosk opened is unlocked, shut
    down and its runner waited for when the test ends, so none outlives its test."""
    made: list[KioskWindow] = []

    def open_one(path: Path, config: KioskConfig, clock: Callable[[], float]) -> KioskWindow:
        window = shown(qtbot, KioskWindow(path, config, clock=clock, log_file=tmp_path / "kiosk.log"), (1280, 800))
        made.append(window)
        return window

    yield open_one
    for window in made:
        window.unlocked = True
        window.shutdown()
        window.runner.wait(5000)
