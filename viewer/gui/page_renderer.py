"""Drawing scanned pages with PyMuPDF, in a process of their own. Nothing here imports Qt.

PyMuPDF holds the interpreter lock while it draws, so a page of two million path operations drawn
on a worker thread still froze the window for minutes; and MuPDF keeps what it decodes in a store of
up to 256 MB per process, which grew the window by a scan's worth with every document opened. The
window's RenderService (render_service.py) therefore starts ``serve`` in a spawned process and sends
it one request at a time; the pixels come back as raw RGB bytes. The drawing process keeps the last
document open (its pages and thumbnails are read from the archive once) and empties MuPDF's store
when it moves to another document, so its memory stays flat too.
"""

from __future__ import annotations

from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any, NamedTuple

from ..core.messages import say


class FileMissing(LookupError):
    """The archive no longer holds the file (said to the window in the core's words, which it translates)."""


class PageMissing(LookupError):
    """The archive names a page past the end of its file (a JSON import before it checked): said, not
    an IndexError from PyMuPDF."""


class Drawn(NamedTuple):
    """A drawn page: its pixels' shape (RGB, 3 bytes a pixel, ``stride`` bytes a row) and the page's
    size in points. The pixels travel apart, as bytes."""

    width: int
    height: int
    stride: int
    page_width: float
    page_height: float


class Drawer:
    """Draws pages of the files stored in archives, keeping the last file open."""

    def __init__(self) -> None:
        self._key: tuple[str, int] | None = None
        self._document: Any = None

    def draw(self, archive_path: Path | str, file_id: int, file_page: int, zoom: float) -> tuple[Drawn, Any]:
        """The page drawn at ``zoom`` (pixels per point) and the PyMuPDF pixmap holding its pixels."""
        import pymupdf

        key = (str(archive_path), file_id)
        if key != self._key:
            self.close()
            from ..core.store import Archive

            with Archive(archive_path, readonly=True) as archive:
                data = archive.file_bytes(file_id)
            if data is None:
                raise FileMissing(say("file_not_in_archive", id=file_id))
            self._document = pymupdf.open(stream=data)
            self._key = key
        if not 0 <= file_page < self._document.page_count:
            raise PageMissing(say("page_not_in_file", page=file_page + 1, count=self._document.page_count))
        page = self._document[file_page]
        pixmap = page.get_pixmap(matrix=pymupdf.Matrix(zoom, zoom), alpha=False)
        drawn = Drawn(pixmap.width, pixmap.height, pixmap.stride, page.rect.width, page.rect.height)
        return drawn, pixmap

    def close(self) -> None:
        """Close the open file and give back what MuPDF kept of it."""
        if self._document is None:
            return
        import pymupdf

        self._document.close()
        self._document, self._key = None, None
        pymupdf.TOOLS.store_shrink(100)


def serve(requests: Connection, replies: Connection) -> None:
    """The drawing process: answer each ``(ident, archive_path, file_id, file_page, zoom)`` request with
    ``(ident, Drawn, "")`` followed by the pixels, or with ``(ident, None, error)``, until the window
    closes its end of the pipe (or sends None)."""
    drawer = Drawer()
    while True:
        try:
            request = requests.recv()
        except (EOFError, OSError):
            break
        if request is None:
            break
        ident, archive_path, file_id, file_page, zoom = request
        try:
            drawn, pixmap = drawer.draw(archive_path, file_id, file_page, zoom)
        except (FileMissing, PageMissing) as error:
            replies.send((ident, None, str(error)))
            continue
        except Exception as error:  # a damaged file or page: said to the window, the process goes on
            replies.send((ident, None, f"{type(error).__name__}: {error}"))
            continue
        try:
            replies.send((ident, drawn, ""))
            replies.send_bytes(pixmap.samples_mv)
        except OSError:  # the window is gone
            break
        del pixmap
    drawer.close()
