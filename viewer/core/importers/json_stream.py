"""Reading a large JSON export one document at a time.

An export made ``--with-scans`` carries every scan's bytes in base64: it can be many times larger than
the texts, and ``json.loads`` of the whole file held it about five times over (the bytes, the text, the
parsed strings): an export of 4 GB needed some 20 GB. The exporter writes its envelope first and then
one document after another (exporters/json_out.py), so a file of UTF-8 whose envelope (``format``,
``version``) stands before its ``documents`` is read here a value at a time with the standard decoder,
in memory for one document. The file is read through twice: once to check that all of it is JSON (an
export that is not is refused whole, as before), once to hand out its documents.
"""

from __future__ import annotations

import codecs
import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

WHOLE = 32 << 20  # smaller files are read whole (json_archive.read_export)
CHUNK = 1 << 20
_SPACE = re.compile(r"[ \t\n\r]*")
_DECODER = json.JSONDecoder()


class _Values:
    """JSON values read off a text stream, keeping only what the current value needs in memory."""

    def __init__(self, stream: IO[str]) -> None:
        self.stream = stream
        self.buffer = ""
        self.position = 0
        self.lines = 0  # newlines in the text already dropped from the buffer
        self.end = False

    def _more(self) -> None:
        """Drop what was read and read on: as much again as the value under way holds, so a value of
        n characters is decoded O(log n) times, O(n) in all."""
        self.lines += self.buffer.count("\n", 0, self.position)
        rest = self.buffer[self.position :]
        self.buffer = ""
        data = self.stream.read(max(CHUNK, len(rest)))
        self.end = not data
        self.buffer, self.position = rest + data, 0

    def peek(self) -> str:
        """The next character that is not white space ('' at the end of the file)."""
        while True:
            self.position = _SPACE.match(self.buffer, self.position).end()  # type: ignore[union-attr]
            if self.position < len(self.buffer) or self.end:
                return self.buffer[self.position : self.position + 1]
            self._more()

    def expect(self, character: str) -> None:
        if self.peek() != character:
            raise self.error(f"Expecting {character!r}")
        self.position += 1

    def value(self) -> Any:
        """The next value whole; more is read while it runs past the buffer (doubling, so a value of
        n characters costs O(n))."""
        self.peek()
        while True:
            try:
                value, end = _DECODER.raw_decode(self.buffer, self.position)
            except json.JSONDecodeError:
                if self.end:
                    raise self.error("Invalid value or one cut short") from None
                self._more()
                continue
            if end < len(self.buffer) or self.end:  # a number at the buffer's end may go on
                self.position = end
                return value
            self._more()

    def error(self, message: str) -> json.JSONDecodeError:
        """The decoder's error, at the line of the file (its column within the buffer's line)."""
        before = self.buffer[: self.position]
        line = self.lines + before.count("\n") + 1
        column = self.position - (before.rfind("\n") + 1) + 1
        error = json.JSONDecodeError(message, self.buffer, self.position)
        error.lineno, error.colno = line, column
        return error


def _envelope(values: _Values) -> dict[str, Any] | None:
    """The keys before ``documents`` (None when the file does not begin with an object or names its
    documents before its format and version: it is then read whole)."""
    if values.peek() != "{":
        return None
    values.expect("{")
    envelope: dict[str, Any] = {}
    while values.peek() == '"':
        key = values.value()
        values.expect(":")
        if key == "documents":
            return envelope if {"format", "version"} <= set(envelope) and values.peek() == "[" else None
        envelope[key] = values.value()
        if values.peek() != ",":
            return None
        values.expect(",")
    return None


def _documents(values: _Values) -> Iterator[Any]:
    """The documents, then the rest of the object (its count) checked to the end of the file."""
    values.expect("[")
    if values.peek() == "]":
        values.expect("]")
    else:
        while True:
            yield values.value()
            if values.peek() != ",":
                values.expect("]")
                break
            values.expect(",")
    while values.peek() == ",":
        values.expect(",")
        if not isinstance(values.value(), str):
            raise values.error("Expecting a key")
        values.expect(":")
        values.value()
    values.expect("}")
    if values.peek():
        raise values.error("Extra data")


def _open(path: Path) -> IO[str]:
    return path.open(encoding="utf-8-sig", newline="")


def streamable(path: Path) -> bool:
    """Whether ``path`` is large, UTF-8 and opens with its envelope, so it is read a document at a time."""
    try:
        if path.stat().st_size < WHOLE:
            return False
        with path.open("rb") as raw:
            head = raw.read(CHUNK)
        codecs.getincrementaldecoder("utf-8-sig")().decode(head)  # a character cut at the end waits
        with _open(path) as stream:
            return _envelope(_Values(stream)) is not None
    except (OSError, UnicodeDecodeError, json.JSONDecodeError):
        return False


def read_streamed(path: Path) -> tuple[dict[str, Any], Iterator[Any]]:
    """The envelope and an iterator over the documents of a ``streamable`` file, after a first reading
    found all of it JSON. Raises json.JSONDecodeError (with the file's line), UnicodeDecodeError, OSError."""
    with _open(path) as stream:
        values = _Values(stream)
        envelope = _envelope(values)
        assert envelope is not None
        for _document in _documents(values):
            pass
    return envelope, _each(path)


def _each(path: Path) -> Iterator[Any]:
    with _open(path) as stream:
        values = _Values(stream)
        _envelope(values)
        yield from _documents(values)
