"""Errors the core raises with a message meant for the person at the keyboard."""

from __future__ import annotations


class ArchiveError(Exception):
    """Anything wrong with an archive file that the user must hear about in one clear line."""


class ArchiveMissing(ArchiveError):
    """The archive's path holds no file (a typo, an unplugged drive, a restore that was killed):
    a window offers to make a new archive or open another; a read command says so and stops."""


class NotAnArchive(ArchiveError):
    """The file is an SQLite database of another program (a browser's history, a photo library):
    it is refused before anything is written to it."""


class ImportRefused(Exception):
    """A file the importer will not take, with the reason; the batch goes on without it."""

    def __init__(self, name: str, reason: str):
        super().__init__(f"{name}: {reason}")
        self.name = name
        self.reason = reason
