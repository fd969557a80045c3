"""File names as text that can be stored and printed.

On Linux a file name is bytes; one written in Latin-1 or cp1251 days is not valid UTF-8, and Python
hands it over with each bad byte as a lone surrogate. Such a string cannot go into SQLite or onto a
UTF-8 terminal or JSON. ``printable`` shows each bad byte as ``\\xNN`` instead, the same way every
time, so the name still tells the file apart and a re-import finds it again.
"""

from __future__ import annotations

from typing import Any


def printable(text: str) -> str:
    """``text`` unchanged when it is valid Unicode, else with its undecodable bytes as ``\\xNN``."""
    if text.isascii():  # no surrogate, and no copy made to find out (str.isascii is O(1))
        return text
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        try:
            return text.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
        except UnicodeEncodeError:  # a surrogate that was never a byte of a file name
            return text.encode("utf-8", "backslashreplace").decode("utf-8")
    return text


def printable_values(value: Any) -> Any:
    """``value`` (a report: dicts, lists, strings) with every string made ``printable``."""
    if isinstance(value, str):
        return printable(value)
    if isinstance(value, dict):
        return {printable_values(key): printable_values(item) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        return [printable_values(item) for item in value]
    return value
