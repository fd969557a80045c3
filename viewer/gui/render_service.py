"""The window's side of the drawing process (page_renderer.py): requests in order, answers on the GUI thread.

One process draws for every scan view of the application (the window's and the kiosk's). It starts
with the first request and stays; requests wait here and go one at a time, the shown page before
thumbnails, so the window never waits for PyMuPDF and never holds its memory. A view that moves to
another document drops what it asked for; if a page of the old document is still being drawn after
RESTART_S, the process is ended and the next request starts a fresh one, so a very complex page never
holds up the next document. If the process dies (a page that crashes MuPDF), that page fails with a
sentence and the next request starts a new process.
"""

from __future__ import annotations

import contextlib
import itertools
import multiprocessing
import threading
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any

import shiboken6
from PySide6.QtCore import QObject, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QImage

from .messages import shown
from .page_renderer import Drawer, Drawn, serve

RESTART_S = 1.0  # a stale page still drawing after this long is abandoned with its process


@dataclass
class _Request:
    ident: int
    owner: QObject
    args: tuple[str, int, int, float]
    done: Callable[[QImage, float, float], None]
    failed: Callable[[str], None]


class RenderService(QObject):
    """Draws pages in a separate process; ``request`` calls back on the GUI thread.

    Signals (from the reader thread, queued to this object's thread): _arrived and _ended.
    """

    _arrived = Signal(int, int, object, object, str)  # process generation, request, Drawn or None, pixels, error
    _ended = Signal(int)  # the process of that generation closed its pipe (it ended or died)

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._queue: deque[_Request] = deque()
        self._current: _Request | None = None
        self._sent_at = 0.0
        self._ids = itertools.count(1)
        self._generation = 0
        self._process: Any = None
        self._requests: Connection | None = None
        self._owners: set[int] = set()  # owners whose deletion we watch
        self._arrived.connect(self._receive, Qt.ConnectionType.QueuedConnection)
        self._ended.connect(self._process_ended, Qt.ConnectionType.QueuedConnection)

    # -- asking -------------------------------------------------------------------------------

    def request(
        self,
        owner: QObject,
        archive_path: Path,
        file_id: int,
        file_page: int,
        zoom: float,
        done: Callable[[QImage, float, float], None],
        failed: Callable[[str], None],
        urgent: bool = False,
    ) -> None:
        """Draw a page for ``owner``: ``done(image, page width, page height)`` or ``failed(reason)``
        is called later on this thread, unless ``owner`` cancelled or was deleted meanwhile."""
        request = _Request(next(self._ids), owner, (str(archive_path), file_id, file_page, zoom), done, failed)
        self._watch(owner)
        if urgent:
            self._queue.appendleft(request)
        else:
            self._queue.append(request)
        self._pump()

    def cancel(self, owner: QObject) -> None:
        """Forget what ``owner`` asked for; a page of its still being drawn RESTART_S after it was sent
        is abandoned (at once, or when that time comes)."""
        self._queue = deque(r for r in self._queue if r.owner is not owner)
        current = self._current
        if current is None or current.owner is not owner:
            return
        left = RESTART_S - (time.monotonic() - self._sent_at)
        if left <= 0:
            self._abandon(current.ident)
        else:
            QTimer.singleShot(int(left * 1000) + 1, self, lambda ident=current.ident: self._abandon(ident))

    def _abandon(self, ident: int) -> None:
        """End the process if it is still drawing request ``ident``, which nobody wants any more."""
        if self._current is not None and self._current.ident == ident:
            self._restart()
            self._pump()

    def _watch(self, owner: QObject) -> None:
        """A view that goes away wants nothing more drawn (its id, as the object is half gone by then)."""
        key = id(owner)
        if key not in self._owners:
            self._owners.add(key)
            owner.destroyed.connect(lambda *_: self._owner_gone(key))

    def _owner_gone(self, key: int) -> None:
        """An owner was deleted: drop its requests, and abandon its page if one is being drawn."""
        self._owners.discard(key)
        self._queue = deque(r for r in self._queue if id(r.owner) != key)
        if self._current is not None and id(self._current.owner) == key:
            self._restart()
            self._pump()

    def pending(self, owner: QObject | None = None) -> int:
        """How many requests (of ``owner``, or of anyone) wait or are being drawn."""
        requests = [*self._queue, *([self._current] if self._current else [])]
        return sum(1 for r in requests if owner is None or r.owner is owner)

    def drawing(self, owner: QObject) -> tuple[int, int, float] | None:
        """The page (file id, page, zoom) being drawn for ``owner`` now, if one is."""
        current = self._current
        return current.args[1:] if current is not None and current.owner is owner else None

    def pid(self) -> int | None:
        """The drawing process, while there is one (a test reads its memory)."""
        return self._process.pid if self._process is not None and self._process.is_alive() else None

    def shutdown(self) -> None:
        """End the drawing process (the application is quitting)."""
        self._queue.clear()
        self._restart()

    # -- the process --------------------------------------------------------------------------

    def _start(self) -> None:
        context = multiprocessing.get_context("spawn")  # no fork of a process that runs Qt threads
        requests_in, requests_out = context.Pipe(duplex=False)
        replies_in, replies_out = context.Pipe(duplex=False)
        process = context.Process(
            target=serve, args=(requests_in, replies_out), name="archive-viewer-pages", daemon=True
        )
        process.start()
        requests_in.close()
        replies_out.close()
        self._generation += 1
        self._process, self._requests = process, requests_out
        reader = threading.Thread(
            target=self._read, args=(replies_in, self._generation), name="archive-viewer-pages-reader", daemon=True
        )
        reader.start()

    def _read(self, replies: Connection, generation: int) -> None:
        """The reader thread: hand every answer to the GUI thread until the process's pipe closes."""
        try:
            while True:
                ident, drawn, error = replies.recv()
                pixels = replies.recv_bytes() if drawn is not None else b""
                self._arrived.emit(generation, ident, drawn, pixels, error)
        except (EOFError, OSError, RuntimeError):  # RuntimeError: the service is gone (the app is quitting)
            pass
        finally:
            replies.close()
        with contextlib.suppress(RuntimeError):
            self._ended.emit(generation)

    def _restart(self) -> None:
        """End the process (the reader thread notices); answers still on their way are ignored."""
        self._generation += 1
        self._current = None
        process, requests = self._process, self._requests
        self._process, self._requests = None, None
        if requests is not None:
            requests.close()
        if process is not None and process.is_alive():
            process.kill()
            process.join(2)

    def _pump(self) -> None:
        while self._current is None and self._queue:
            request = self._queue.popleft()
            if not shiboken6.isValid(request.owner):
                continue
            if self._process is None or not self._process.is_alive():
                self._restart()
                self._start()
            assert self._requests is not None
            try:
                self._requests.send((request.ident, *request.args))
            except OSError:  # the process died a moment ago: a new one takes the request
                self._restart()
                self._queue.appendleft(request)
                continue
            self._current, self._sent_at = request, time.monotonic()

    @Slot(int, int, object, object, str)
    def _receive(self, generation: int, ident: int, drawn: Drawn | None, pixels: bytes, error: str) -> None:
        request = self._current
        if generation != self._generation or request is None or request.ident != ident:
            return  # from a process we ended
        self._current = None
        if shiboken6.isValid(request.owner):
            if drawn is None:
                request.failed(shown(error))  # the drawing process says it in the core's English
            else:
                image = QImage(pixels, drawn.width, drawn.height, drawn.stride, QImage.Format.Format_RGB888).copy()
                request.done(image, drawn.page_width, drawn.page_height)
        self._pump()

    @Slot(int)
    def _process_ended(self, generation: int) -> None:
        if generation != self._generation:
            return  # ended on purpose
        request = self._current
        self._current = None
        self._process = None
        if request is not None and shiboken6.isValid(request.owner):
            request.failed(self.tr("the drawing process stopped on this page (the file may be damaged)"))
        self._pump()


def render_page(archive_path: Path, file_id: int, file_page: int, zoom: float) -> tuple[QImage, float, float]:
    """Render one page to a QImage in this process (the benchmark's way; the view uses the drawing
    process); returns the image and the page size in points."""
    drawer = Drawer()
    try:
        drawn, pixmap = drawer.draw(archive_path, file_id, file_page, zoom)
        image = QImage(pixmap.samples, drawn.width, drawn.height, drawn.stride, QImage.Format.Format_RGB888)
        return image.copy(), drawn.page_width, drawn.page_height
    finally:
        drawer.close()


_service: RenderService | None = None


def render_service() -> RenderService:
    """The application's one drawing service."""
    global _service
    if _service is None or not shiboken6.isValid(_service):
        _service = RenderService()
    return _service
