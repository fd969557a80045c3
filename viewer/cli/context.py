"""What every command shares: the typed context, the error policy, the id resolver and JSON output.

A command receives the ``CliContext`` the group built (``@pass_cli``), opens the archive through it
(closed when the command ends) and turns what a user typed into a document id with ``document_id``,
so "no such document" is the same line and exit status everywhere.
"""

from __future__ import annotations

import errno
import json
import os
import sqlite3
import sys
from collections.abc import Callable
from dataclasses import dataclass
from functools import wraps
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn

import click

from ..core.errors import ArchiveError

if TYPE_CHECKING:
    from ..core.store import Archive


@dataclass
class CliContext:
    """The group's options, handed to every command through click's context object."""

    db: Path
    db_given: bool = False
    kiosk: bool = False
    kiosk_config: Path | None = None
    lang: str | None = None  # --lang: the interface's language for this run (en, ru); None follows the settings

    def archive(self, *, readonly: bool = False, create: bool = False) -> Archive:
        """Open the archive for the running command; it is closed when the command ends."""
        from ..core.store import Archive

        archive = Archive(self.db, readonly=readonly, create=create)
        click.get_current_context().call_on_close(archive.close)
        return archive

    def writable_archive(self, nothing_done: str, *, create: bool = False) -> Archive:
        """Open an archive that must be written, or refuse saying what was not done."""
        archive = self.archive(create=create)
        if archive.readonly:
            raise ArchiveError(f"{archive.path}: {archive.readonly_reason}; {nothing_done}")
        return archive


pass_cli = click.make_pass_decorator(CliContext)


def with_cli(function: Callable[..., Any]) -> Callable[..., Any]:
    """The usual pair for a command: it receives the ``CliContext`` and its archive errors are one line."""
    return pass_cli(clear_errors(function))


def json_option(what: str) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """``--json``: print ``what`` as JSON instead of text (the command gets ``as_json``)."""
    return click.option("--json", "as_json", is_flag=True, help=f"Print {what} as JSON.")


def author_option(who: str) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """``--author``: ``who`` annotates or merges; the command gets ``author_name`` for ``author``."""
    return click.option(
        "--author", "author_name", default=None, help=f"{who} (default: $ARCHIVE_VIEWER_AUTHOR or the user name)."
    )


def file_option(
    flag: str, dest: str, help_text: str, **extra: Any
) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """An option naming a file (not a folder), given to the command as a ``Path`` or None."""
    return click.option(
        flag, dest, type=click.Path(dir_okay=False, path_type=Path), default=None, help=help_text, **extra
    )


def clear_errors(function: Callable[..., Any]) -> Callable[..., Any]:
    """Turn archive errors into one line on stderr with exit status 2; so are a damaged page met while
    reading (the archive opened, but part of it cannot be read), a write the disk refused (full,
    read-only, removed) and a file that could not be written (an export to a full or missing folder)."""

    @wraps(function)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return function(*args, **kwargs)
        except ArchiveError as error:
            fail(str(error), 2)
        except sqlite3.OperationalError as error:
            problem = _write_problem(str(error))
            if problem is None:
                raise
            fail(f"{_where()}{problem}", 2)
        except OSError as error:
            if error.errno not in _FILE_ERRORS:
                raise
            name = f"{error.filename}: " if error.filename else ""
            fail(f"{name}could not be written or read ({error.strerror}); nothing more was done", 2)
        except sqlite3.DatabaseError as error:
            if not _damage(error):
                raise
            where = _where()
            fail(
                f"{where}the archive is damaged ({error}); what was read may be incomplete: run "
                "`archive-viewer check`, or restore a backup (`archive-viewer restore`)",
                2,
            )

    return wrapper


# errno values that say a file could not be written or read, not that the program went wrong
_FILE_ERRORS = {
    errno.ENOSPC,
    errno.EDQUOT,
    errno.EROFS,
    errno.EACCES,
    errno.EPERM,
    errno.ENOENT,
    errno.ENOTDIR,
    errno.EISDIR,
    errno.EIO,
    errno.EFBIG,
}


def _where() -> str:
    """``PATH: `` of the archive the running command uses."""
    database = click.get_current_context().find_object(CliContext)
    return f"{database.db}: " if database else ""


def _write_problem(message: str) -> str | None:
    """One line for an SQLite error the disk or another writer caused, None for any other."""
    if "full" in message:
        return "the disk is full (or the archive reached its size limit); nothing was saved: free some space"
    if "readonly" in message or "read-only" in message:
        return "the archive is read-only (read-only media or file); nothing was saved"
    if "locked" in message or "busy" in message:
        return "another program kept the archive busy; nothing was saved: try again"
    if "disk I/O error" in message:
        return "the disk could not be written (full, removed or failing); nothing was saved"
    return None


def _damage(error: sqlite3.DatabaseError) -> bool:
    """Whether SQLite says the file itself is damaged (not a mistake of ours in a statement)."""
    return any(words in str(error) for words in ("malformed", "not a database", "corrupt"))


def fail(message: str, status: int = 2) -> NoReturn:
    """One line on stderr, then exit with ``status``."""
    click.echo(f"archive-viewer: {message}", err=True)
    sys.exit(status)


def document_id(archive: Archive, document: str) -> int:
    """A document id from what was typed, by the rule of ``documents_named`` (a key or the start of
    one key; a number without leading zeros is also an id; ``id:N`` only an id), or (through
    ``clear_errors``) one clear line and exit status 2: no such document, or which ones it could be."""
    found = archive.documents_named(document, most=6)
    if not found:
        raise ArchiveError(f"no document “{document}” in {archive.path}")
    if len(found) > 1:
        typed = document.strip()
        could = ", ".join(f"id {i} (key {key})" if str(i) == typed else key for i, key in found[:5])
        could += ", …" if len(found) > 5 else ""
        pick = f"id:{typed} for id {typed}" if any(str(i) == typed for i, _ in found) else "id:N for an id"
        raise ArchiveError(
            f"“{document}” is ambiguous in {archive.path}: it could be {could}; type the whole key, or {pick}"
        )
    return found[0][0]


# Control characters other than line breaks and tabs (C0, DEL, C1): in stored text printed on a
# terminal, ESC and BEL would let an imported file retitle or rewrite the reader's terminal.
_CONTROLS = {code: "\ufffd" for code in [*range(0x20), 0x7F, *range(0x80, 0xA0)] if chr(code) not in "\n\t"}


def terminal_text(text: str) -> str:
    """Text from the archive as the command line prints it for people: every control character
    but line breaks and tabs shown as U+FFFD (--json output escapes them instead)."""
    return text.translate(_CONTROLS)


def echo_json(value: Any) -> None:
    """Print ``value`` as indented JSON, keeping non-ASCII text readable."""
    click.echo(json.dumps(value, ensure_ascii=False, indent=2))


def author(given: str | None) -> str:
    """Who annotates: --author, $ARCHIVE_VIEWER_AUTHOR, else the system user name (the window's default)."""
    from ..core.annotations import default_author

    return given or os.environ.get("ARCHIVE_VIEWER_AUTHOR") or default_author()


def plural(count: int, noun: str) -> str:
    """``1 document``, ``2 documents``."""
    return f"{count} {noun}{'s' * (count != 1)}"
