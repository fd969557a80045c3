"""Errors the core raises with a message meant for the person at the keyboard."""

from __future__ import annotations


class ArchiveError(Exception):
    """Anything wrong with an archive file that the user must hear about in one clear line."""


class ImportRefused(Exception):
    """A file the importer will not take, with the reason; the batch goes on without it."""

    def __init__(self, name: str, reason: str):
        super().__init__(f"{name}: {reason}")
        self.name = name
        self.reason = reason
