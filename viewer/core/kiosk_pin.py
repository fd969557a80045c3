"""The kiosk administrator's PIN: kept only as a salted, slow hash, and guarded by a lockout that grows.

A PIN of four digits has 10,000 values. Stored plainly, or as an unsalted SHA-256 (a table of all
10,000 digests takes a moment to make), anyone who can read kiosk.toml has it. scrypt with a random
salt makes each guess cost about a tenth of a second and a fresh computation per file, and the pad
doubles its lockout after every round of wrong PINs, so guessing at the screen takes days.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import os
import re
from collections.abc import Callable
from dataclasses import dataclass, field

# scrypt's cost: N=2**15, r=8 takes about 0.1 s and 32 MB per guess on an ordinary machine
COST, BLOCK, PARALLEL = 2**15, 8, 1
_MAX_MEMORY = 64 * 1024 * 1024
PIN_PATTERN = re.compile(r"\d{4,12}")
HASH_PATTERN = re.compile(r"scrypt\$(\d+)\$(\d+)\$(\d+)\$([A-Za-z0-9+/=]{16,})\$([A-Za-z0-9+/=]{40,})")
MOST_LOCKOUT = 24 * 3600.0  # the lockout stops doubling at a day


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _derive(pin: str, salt: bytes, cost: int, block: int, parallel: int) -> bytes:
    return hashlib.scrypt(pin.encode(), salt=salt, n=cost, r=block, p=parallel, maxmem=_MAX_MEMORY, dklen=32)


def hash_pin(pin: str, salt: bytes | None = None) -> str:
    """The text to put in kiosk.toml as ``pin_hash``: ``scrypt$N$r$p$salt$digest``."""
    if not PIN_PATTERN.fullmatch(pin):
        raise ValueError("a PIN is 4 to 12 digits")
    salt = salt if salt is not None else os.urandom(16)
    return f"scrypt${COST}${BLOCK}${PARALLEL}${_b64(salt)}${_b64(_derive(pin, salt, COST, BLOCK, PARALLEL))}"


def valid_hash(text: str) -> bool:
    """Whether ``text`` reads as a PIN hash this program made (and its costs are ones it can pay)."""
    found = HASH_PATTERN.fullmatch(text)
    if not found:
        return False
    cost, block, parallel = (int(found.group(n)) for n in (1, 2, 3))
    affordable = 128 * cost * block < _MAX_MEMORY and 1 <= parallel <= 4  # scrypt needs 128·N·r bytes
    return cost >= 2**14 and cost & (cost - 1) == 0 and block >= 1 and affordable


def pin_matches(pin: str, stored: str) -> bool:
    """Whether ``pin`` is the PIN ``stored`` (a ``hash_pin`` text) was made from, compared in constant time."""
    found = HASH_PATTERN.fullmatch(stored)
    if not found or not PIN_PATTERN.fullmatch(pin):
        return False
    cost, block, parallel = (int(found.group(n)) for n in (1, 2, 3))
    salt, digest = base64.b64decode(found.group(4)), base64.b64decode(found.group(5))
    try:
        derived = _derive(pin, salt, cost, block, parallel)
    except (ValueError, MemoryError):
        return False
    return hmac.compare_digest(derived, digest)


@dataclass
class PinAttempts:
    """Wrong PINs counted against a clock: after ``max_attempts`` in a row the pad shuts for
    ``lockout`` seconds, then twice as long after the next round, and so on up to a day; the right
    PIN starts the count afresh."""

    max_attempts: int
    lockout: float
    clock: Callable[[], float]
    failures: int = 0
    rounds: int = 0  # lockouts since the last right PIN
    locked_until: float = field(default=0.0)

    def locked(self) -> bool:
        return self.clock() < self.locked_until

    def wait(self) -> float:
        """Seconds until the pad opens again (0 when it is open)."""
        return max(0.0, self.locked_until - self.clock())

    def failed(self) -> bool:
        """Count a wrong PIN; True when it shut the pad."""
        self.failures += 1
        if self.failures < self.max_attempts:
            return False
        self.failures = 0
        self.rounds += 1
        self.locked_until = self.clock() + min(MOST_LOCKOUT, self.lockout * 2 ** (self.rounds - 1))
        return True

    def succeeded(self) -> None:
        self.failures = self.rounds = 0
        self.locked_until = 0.0
