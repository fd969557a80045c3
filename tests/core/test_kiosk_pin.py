"""The kiosk PIN: only a salted, slow hash in kiosk.toml, a plain PIN refused with how to make the hash,
and a lockout that doubles with every round of wrong PINs."""

from __future__ import annotations

import tomllib

import pytest
from click.testing import CliRunner

from viewer.cli import main
from viewer.core.kiosk_config import KioskConfigError, parse
from viewer.core.kiosk_pin import COST, MOST_LOCKOUT, PinAttempts, hash_pin, pin_matches


@pytest.mark.parametrize(
    "admin",
    [{"pin": "2468"}, {"pin_sha256": "a1fb4e703a9ef1fa4936801721ff285a97ac85330856674412e054892afe6972"}],
    ids=["plain", "sha256"],
)
def test_a_pin_anyone_reading_the_file_could_use_is_refused(admin):
    with pytest.raises(KioskConfigError) as refused:
        parse({"admin": admin})
    assert "refused" in str(refused.value) and "archive-viewer kiosk-pin" in str(refused.value)


def test_the_hash_is_salted_and_slow():
    first, second = hash_pin("2468"), hash_pin("2468")
    assert first != second  # a fresh salt each time: no table of 10,000 digests serves
    assert pin_matches("2468", first) and pin_matches("2468", second)
    assert not pin_matches("2469", first) and not pin_matches("", first)
    assert first.startswith(f"scrypt${COST}$") and COST >= 2**14
    config = parse({"admin": {"pin_hash": first}})
    assert config.exit_enabled and config.check_pin("2468") and not config.check_pin("1357")


def test_a_hash_that_is_not_ours_is_refused_with_how_to_make_one():
    with pytest.raises(KioskConfigError, match="archive-viewer kiosk-pin"):
        parse({"admin": {"pin_hash": "sha1$abc"}})
    weak = hash_pin("2468").replace(f"scrypt${COST}$", "scrypt$2$", 1)
    with pytest.raises(KioskConfigError):
        parse({"admin": {"pin_hash": weak}})


def test_kiosk_pin_prints_the_line_to_paste():
    result = CliRunner().invoke(main, ["kiosk-pin"], input="2468\n2468\n")
    assert result.exit_code == 0, result.output
    line = next(text for text in result.output.splitlines() if text.startswith("pin_hash = "))
    config = parse(tomllib.loads("[admin]\n" + line))
    assert config.check_pin("2468") and "2468" not in line
    mismatch = CliRunner().invoke(main, ["kiosk-pin"], input="2468\n2469\n")
    assert mismatch.exit_code != 0 and "pin_hash" not in mismatch.output
    short = CliRunner().invoke(main, ["kiosk-pin"], input="12\n12\n")
    assert short.exit_code != 0 and "4 to 12 digits" in short.output


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_the_lockout_doubles_with_every_round_and_the_right_pin_resets_it():
    clock = Clock()
    attempts = PinAttempts(max_attempts=3, lockout=30.0, clock=clock)
    waits = []
    for _round in range(4):
        assert not attempts.failed() and not attempts.failed()
        assert attempts.failed() and attempts.locked()
        waits.append(attempts.wait())
        clock.now += attempts.wait() + 0.1
        assert not attempts.locked()
    assert waits == [30.0, 60.0, 120.0, 240.0]
    attempts.succeeded()
    for _ in range(3):
        attempts.failed()
    assert attempts.wait() == 30.0
    for _ in range(30):  # never more than a day
        clock.now += attempts.wait() + 1
        for _ in range(3):
            attempts.failed()
    assert attempts.wait() == MOST_LOCKOUT
