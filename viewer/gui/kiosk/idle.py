"""When nobody touches the kiosk: back to the start, then an attract loop, until the next touch.

The decisions read time from an injected clock (a callable returning monotonic seconds) and happen
in ``tick()``; a QTimer calls ``tick`` once a second in the kiosk, while tests move a fake clock and
call it themselves, so no test ever waits in real time.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer, Signal

Clock = Callable[[], float]


class IdleWatcher(QObject):
    """Counts idle seconds since the last input and says when to reset and when to attract.

    Signals: reset_due() once per idle spell, after ``reset_after`` seconds; attract_started() after
    ``attract_after`` seconds (0: never); attract_stepped() every ``attract_step`` seconds while the
    loop runs; woke() when input ends the loop.
    """

    reset_due = Signal()
    attract_started = Signal()
    attract_stepped = Signal()
    woke = Signal()

    def __init__(
        self,
        reset_after: float,
        attract_after: float,
        attract_step: float,
        clock: Clock = time.monotonic,
        tick_ms: int = 1000,
        parent: QObject | None = None,
    ):
        super().__init__(parent)
        self.reset_after = reset_after
        self.attract_after = attract_after
        self.attract_step = attract_step
        self.clock = clock
        self.last_input = clock()
        self.reset_done = True  # the kiosk starts at the start
        self.attracting = False
        self._last_step = 0.0
        self.timer = QTimer(self)
        self.timer.setInterval(tick_ms)
        self.timer.timeout.connect(self.tick)

    def start(self) -> None:
        self.last_input = self.clock()
        self.timer.start()

    def stop(self) -> None:
        self.timer.stop()
        self.attracting = False

    def idle_seconds(self) -> float:
        return self.clock() - self.last_input

    def activity(self) -> bool:
        """Someone touched the screen. Returns True when that ended the attract loop, so the
        caller can swallow the touch (waking the screen must not also press a button)."""
        self.last_input = self.clock()
        self.reset_done = False
        if self.attracting:
            self.attracting = False
            self.woke.emit()
            return True
        return False

    def tick(self) -> None:
        idle = self.idle_seconds()
        if not self.reset_done and idle >= self.reset_after:
            self.reset_done = True
            self.reset_due.emit()
        if self.attract_after and not self.attracting and idle >= self.attract_after:
            self.attracting = True
            self._last_step = self.clock()
            self.attract_started.emit()
        elif self.attracting and self.clock() - self._last_step >= self.attract_step:
            self._last_step = self.clock()
            self.attract_stepped.emit()
