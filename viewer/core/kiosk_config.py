"""kiosk.toml: what a kiosk shows and how it behaves, read and checked before any window opens.

No Qt here, so the file can be checked (and tested) without a display. Every option has a default,
so an empty file is a valid kiosk. An unknown key or a wrong type is an error that names the key:
a typo silently ignored on an unattended display would only be found weeks later.
"""

from __future__ import annotations

import tomllib
from collections.abc import Callable
from dataclasses import dataclass, fields, replace
from pathlib import Path
from typing import Any

from .kiosk_pin import pin_matches, valid_hash

SEARCH_MODES = ("keyboard", "hidden", "system")
PARTS = ("transcript", "translation", "scan")
LAYOUTS = ("latin", "cyrillic")
DEFAULT_EXIT_CHORD = "Ctrl+Alt+Shift+Q"


class KioskConfigError(ValueError):
    """A kiosk.toml that cannot be used, with the file, the section and the key at fault."""


@dataclass(frozen=True)
class KioskConfig:
    """Every kiosk option with its default; ``docs/kiosk.md`` explains each one."""

    archive: Path | None = None  # None: --db, $ARCHIVE_VIEWER_DB or the default archive
    collection: str | None = None  # None: the whole archive
    title: str | None = None  # None: the collection's title (or "The archive")
    introduction: str | None = None
    fullscreen: bool = True
    size: tuple[int, int] = (1920, 1080)  # the window's size when not full screen
    point_size: float = 20.0
    parts: tuple[str, ...] = ("transcript", "translation", "scan")
    start_part: str = "translation"
    timeline: bool = True
    hide_cursor: bool = False
    reset_after: float = 90.0  # seconds without input before returning to the start
    attract_after: float = 300.0  # seconds without input before the attract loop (0: never)
    attract_step: float = 15.0  # seconds per document in the attract loop
    transition_ms: int = 800
    search: str = "keyboard"
    layouts: tuple[str, ...] = LAYOUTS
    exit_chord: str = DEFAULT_EXIT_CHORD
    pin_hash: str | None = None  # kiosk_pin.hash_pin's text ("scrypt$..."): never the PIN itself
    max_attempts: int = 5
    lockout: float = 60.0  # seconds the PIN pad first stays shut after max_attempts wrong PINs (then doubling)
    retry_after: float = 60.0  # seconds between attempts to reopen an archive that is out of order
    log_file: Path | None = None  # None: kiosk.log in the logs folder
    source: Path | None = None  # the file this came from, for messages

    @property
    def exit_enabled(self) -> bool:
        """Without a PIN nobody can leave the kiosk from the screen (only by stopping the system's service)."""
        return bool(self.pin_hash)

    def check_pin(self, entered: str) -> bool:
        """Whether ``entered`` is the PIN (scrypt, compared in constant time); with no PIN, none is."""
        return bool(self.pin_hash) and pin_matches(entered, self.pin_hash or "")


# -- checking values ------------------------------------------------------------------------------

Check = Callable[[Any], Any]


def _bool(value: Any) -> bool:
    if not isinstance(value, bool):
        raise ValueError("must be true or false")
    return value


def _number(low: float, high: float) -> Check:
    def check(value: Any) -> float:
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise ValueError(f"must be a number from {low:g} to {high:g}")
        if not low <= value <= high:
            raise ValueError(f"must be from {low:g} to {high:g} (got {value:g})")
        return float(value)

    return check


def _integer(low: int, high: int) -> Check:
    def check(value: Any) -> int:
        if isinstance(value, bool) or not isinstance(value, int):
            raise ValueError(f"must be a whole number from {low} to {high}")
        if not low <= value <= high:
            raise ValueError(f"must be from {low} to {high} (got {value})")
        return value

    return check


def _text(allow_empty: bool = True) -> Check:
    def check(value: Any) -> str | None:
        if not isinstance(value, str):
            raise ValueError("must be a string in quotes")
        if not value.strip():
            if allow_empty:
                return None
            raise ValueError("must not be empty")
        return value

    return check


def _choice(options: tuple[str, ...]) -> Check:
    def check(value: Any) -> str:
        if value not in options:
            raise ValueError(f"must be one of {', '.join(repr(o) for o in options)} (got {value!r})")
        return str(value)

    return check


def _choices(options: tuple[str, ...]) -> Check:
    def check(value: Any) -> tuple[str, ...]:
        if not isinstance(value, list) or not value:
            raise ValueError(f"must be a non-empty list drawn from {', '.join(repr(o) for o in options)}")
        for item in value:
            _choice(options)(item)
        if len(set(value)) != len(value):
            raise ValueError("lists an entry twice")
        return tuple(value)

    return check


def _size(value: Any) -> tuple[int, int]:
    if (
        not isinstance(value, list)
        or len(value) != 2
        or not all(isinstance(v, int) and not isinstance(v, bool) and 320 <= v <= 16384 for v in value)
    ):
        raise ValueError("must be [width, height] in pixels, each from 320 to 16384")
    return int(value[0]), int(value[1])


MAKE_HASH = 'run `archive-viewer kiosk-pin` and paste the line it prints (pin_hash = "scrypt$...") in its place'


def _pin_hash(value: Any) -> str:
    if not isinstance(value, str) or not valid_hash(value):
        raise ValueError(f"is not a PIN hash made by this program: {MAKE_HASH}")
    return value


def _chord(value: Any) -> str:
    if not isinstance(value, str) or not value.strip():
        raise ValueError('must be a key sequence such as "Ctrl+Alt+Shift+Q"')
    if "+" not in value or "," in value:
        raise ValueError(
            'must be one key with modifiers, such as "Ctrl+Alt+Shift+Q" (a bare key '
            "would let any visitor open the PIN pad)"
        )
    return value.strip()


def _path(value: Any) -> Path:
    if not isinstance(value, str) or not value.strip():
        raise ValueError("must be a file path in quotes")
    return Path(value).expanduser()


# (section, key) -> (field, check); "" is the top level of the file
OPTIONS: dict[tuple[str, str], tuple[str, Check]] = {
    ("", "archive"): ("archive", _path),
    ("exhibit", "collection"): ("collection", _text()),
    ("exhibit", "title"): ("title", _text()),
    ("exhibit", "introduction"): ("introduction", _text()),
    ("display", "fullscreen"): ("fullscreen", _bool),
    ("display", "size"): ("size", _size),
    ("display", "point_size"): ("point_size", _number(10, 60)),
    ("display", "parts"): ("parts", _choices(PARTS)),
    ("display", "start_part"): ("start_part", _choice(PARTS)),
    ("display", "timeline"): ("timeline", _bool),
    ("display", "hide_cursor"): ("hide_cursor", _bool),
    ("idle", "reset_after"): ("reset_after", _number(5, 86400)),
    ("idle", "attract_after"): ("attract_after", _number(0, 86400)),
    ("idle", "attract_step"): ("attract_step", _number(1, 3600)),
    ("idle", "transition_ms"): ("transition_ms", _integer(0, 5000)),
    ("search", "mode"): ("search", _choice(SEARCH_MODES)),
    ("search", "layouts"): ("layouts", _choices(LAYOUTS)),
    ("admin", "exit_chord"): ("exit_chord", _chord),
    ("admin", "pin_hash"): ("pin_hash", _pin_hash),
    ("admin", "max_attempts"): ("max_attempts", _integer(1, 100)),
    ("admin", "lockout"): ("lockout", _number(0, 86400)),
    ("robust", "retry_after"): ("retry_after", _number(5, 86400)),
    ("robust", "log_file"): ("log_file", _path),
}
SECTIONS = sorted({section for section, _key in OPTIONS if section})
# Options refused with the reason and what to write instead: a PIN anyone reading the file could use.
REFUSED = {
    ("admin", "pin"): f"is refused: a PIN in plain text is read by anyone who can read this file; {MAKE_HASH}",
    ("admin", "pin_sha256"): (f"is refused: an unsalted SHA-256 of a few digits is reversed in a moment; {MAKE_HASH}"),
}


def parse(data: dict[str, Any], source: Path | None = None) -> KioskConfig:
    """A checked KioskConfig from a parsed TOML table; relative paths are taken from the file's folder."""
    name = str(source) if source else "kiosk.toml"
    values: dict[str, Any] = {"source": source}
    for section_name, section in data.items():
        if isinstance(section, dict):
            if section_name not in SECTIONS:
                raise KioskConfigError(
                    f"{name}: unknown section [{section_name}] (known: {', '.join(f'[{s}]' for s in SECTIONS)})"
                )
            items = [(section_name, key, value) for key, value in section.items()]
        else:
            items = [("", section_name, section)]
        for section_key, key, value in items:
            where = f"[{section_key}] {key}" if section_key else key
            if (section_key, key) in REFUSED:
                raise KioskConfigError(f"{name}: {where} {REFUSED[section_key, key]}")
            option = OPTIONS.get((section_key, key))
            if option is None:
                known = sorted(k for s, k in OPTIONS if s == section_key)
                raise KioskConfigError(f"{name}: unknown option {where} (known here: {', '.join(known)})")
            field_name, check = option
            try:
                values[field_name] = check(value)
            except ValueError as error:
                raise KioskConfigError(f"{name}: {where} {error}") from None
    config = KioskConfig(**values)
    return _consistent(_anchored(config, source), name)


def _anchored(config: KioskConfig, source: Path | None) -> KioskConfig:
    """Relative paths in the file mean 'beside this file', wherever the kiosk is started from."""
    if source is None:
        return config
    folder = source.resolve().parent
    changes = {
        f.name: folder / getattr(config, f.name)
        for f in fields(config)
        if f.name in ("archive", "log_file")
        and getattr(config, f.name) is not None
        and not getattr(config, f.name).is_absolute()
    }
    return replace(config, **changes) if changes else config


def _consistent(config: KioskConfig, name: str) -> KioskConfig:
    if config.start_part not in config.parts:
        raise KioskConfigError(
            f"{name}: [display] start_part {config.start_part!r} is not one of the "
            f"parts shown ({', '.join(config.parts)})"
        )
    if config.attract_after and config.attract_after < config.reset_after:
        raise KioskConfigError(
            f"{name}: [idle] attract_after ({config.attract_after:g} s) must be at least "
            f"reset_after ({config.reset_after:g} s), or 0 for no attract loop"
        )
    return config


def load(path: str | Path | None) -> KioskConfig:
    """Read a kiosk.toml (None: every default). Raises KioskConfigError with one clear line."""
    if path is None:
        return KioskConfig()
    source = Path(path).expanduser()
    try:
        text = source.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise KioskConfigError(f"{source}: no such kiosk configuration") from None
    except (OSError, UnicodeDecodeError) as error:
        raise KioskConfigError(f"{source}: cannot be read ({error})") from None
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise KioskConfigError(f"{source}: not valid TOML ({error})") from None
    return parse(data, source)
