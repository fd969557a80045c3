"""The kiosk's PIN pad shuts for longer after every round of wrong PINs."""

from __future__ import annotations

from viewer.gui.kiosk.pads import PinPad


class Clock:
    def __init__(self) -> None:
        self.now = 500.0

    def __call__(self) -> float:
        return self.now


def _enter(pad: PinPad, pin: str) -> bool:
    for digit in pin:
        pad.press(digit)
    return pad.submit()


def test_the_pad_locks_longer_each_round(qtbot):
    clock = Clock()
    pad = PinPad(lambda pin: pin == "2468", clock, max_attempts=2, lockout=10.0)
    qtbot.addWidget(pad)
    for seconds in (10.0, 20.0, 40.0):
        _enter(pad, "0000")
        _enter(pad, "0000")
        assert pad.locked() and "wait" in pad.message.text()
        clock.now += seconds - 1
        assert not _enter(pad, "2468")  # still shut: the right PIN is not even tried
        clock.now += 1.5
        assert not pad.locked()
    assert _enter(pad, "2468")
