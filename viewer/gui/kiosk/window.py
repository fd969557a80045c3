"""Kiosk mode: the archive on a touch screen in a library or an exhibition, read-only by construction.

The archive is opened with ``readonly=True`` (SQLite mode=ro, immutable when the file cannot change),
so the store refuses every write whatever the screen allows. The window offers no menu, action,
dialog or setting that imports, edits, exports or opens files; an application-wide guard swallows
command keys and context menus; closing is refused until the administrator's chord and PIN.
When nobody touches it, the kiosk returns to the start and then runs an attract loop. A missing or
damaged archive shows a calm "out of order" page, logs the cause and tries again later.
"""

from __future__ import annotations

import sqlite3
import time
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QStackedWidget, QVBoxLayout, QWidget

from ... import APP_NAME, paths
from ...core.errors import ArchiveError
from ...core.kiosk_config import KioskConfig
from ...core.messages import say
from ...core.store import Archive, Filters
from ..actions import ActionRegistry
from ..i18n import QT_TRANSLATE_NOOP
from ..tasks import TaskRunner
from ..timeline import day_of
from .document_page import DocumentPage
from .guard import KioskGuard, chord_of
from .idle import Clock, IdleWatcher
from .language import LanguageSwitch
from .log import LOG, log_to
from .pads import OutOfOrder, PinPad
from .pages import KioskTimeline, StartPage
from .style import on_paper, stylesheet
from .touch import SwipeDetector, install, remove

# The only commands of the window's registry a kiosk may hold; none has a shortcut here.
KIOSK_ACTIONS = frozenset({"previous", "next"})
DEFAULT_INTRODUCTION = QT_TRANSLATE_NOOP(
    "KioskWindow",
    "Documents from the archive, in the order they were written. Touch one to read it in "
    "its original language or in English translation, or find words with the search.",
)


class KioskWindow(QWidget):
    """The kiosk: the start page and the document page over a timeline, or the out-of-order page.

    Pass ``clock`` (monotonic seconds) to drive idle and lockout times from a test.

    Signals: exited() after the administrator left with the PIN; returned_to_start();
    document_shown(int); failed(str) with the cause when the kiosk goes out of order.
    """

    exited = Signal()
    returned_to_start = Signal()
    document_shown = Signal(int)
    failed = Signal(str)

    def __init__(
        self,
        archive_path: str | Path,
        config: KioskConfig | None = None,
        clock: Clock = time.monotonic,
        config_error: str | None = None,
        log_file: Path | None = None,
    ):
        super().__init__()
        self.setObjectName("kiosk")
        self.setWindowTitle(APP_NAME)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.NoContextMenu)
        self.config = config = config or KioskConfig()
        self.archive_path = Path(archive_path)
        self.clock = clock
        self.log_file = log_to(log_file or config.log_file or paths.log_dir() / "kiosk.log")
        self.unlocked = False
        self.archive: Archive | None = None
        self.exhibit_ids: list[int] = []
        self.attract_index = -1
        self.content: QWidget | None = None
        self.registry = ActionRegistry(self, allowed=set(KIOSK_ACTIONS))
        for action in self.registry.actions.values():
            action.setShortcuts([])
        self.runner = TaskRunner(parent=self)
        self.idle = IdleWatcher(config.reset_after, config.attract_after, config.attract_step, clock, parent=self)
        self.idle.reset_due.connect(self.go_to_start)
        self.idle.attract_started.connect(self._attract_started)
        self.idle.attract_stepped.connect(self.attract_step)
        self.idle.woke.connect(self._woke)
        chord = chord_of(config.exit_chord)
        if chord is None:
            LOG.warning("exit chord %r is not a key Qt knows; using Ctrl+Alt+Shift+Q", config.exit_chord)
            chord = chord_of("Ctrl+Alt+Shift+Q")
        self.guard = KioskGuard(self.idle, chord, self)
        self.guard.exit_chord_pressed.connect(self.ask_pin)
        self.guard.blocked.connect(lambda what: LOG.info("blocked %s", what))
        self.swipe: SwipeDetector | None = None

        self.stack = QStackedWidget(self)
        self.out_of_order = OutOfOrder(self)
        self.out_of_order.retry.timeout.connect(self.try_open)
        self.stack.addWidget(self.out_of_order)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.stack)
        self.pin_pad = PinPad(config.check_pin, clock, config.max_attempts, config.lockout, self)
        self.pin_pad.unlocked.connect(self.leave)
        self.attract_banner = QLabel(self.tr("Touch the screen to explore the documents"), self)
        self.attract_banner.setObjectName("kiosk_attract")
        self.attract_banner.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.attract_banner.hide()
        self.setStyleSheet(stylesheet(config.point_size))
        install(self.guard)
        LOG.info("kiosk starting on %s (config %s)", self.archive_path, config.source or "defaults")
        if config_error:
            self.fail(config_error)
        else:
            self.try_open()
        self.language = LanguageSwitch(self)  # the pages' English / Русский button
        self.idle.start()

    # -- opening and failing ------------------------------------------------------------------

    def try_open(self) -> bool:
        """Open the archive read-only and build the pages; on failure, the out-of-order page."""
        try:
            archive = Archive(self.archive_path, readonly=True)
        except (ArchiveError, sqlite3.Error, OSError) as error:
            self.fail(str(error))
            return False
        try:
            title, introduction, ids, restrict = self._exhibit(archive)
        except (ArchiveError, sqlite3.Error) as error:
            archive.close()
            self.fail(str(error))
            return False
        self.archive, self.exhibit_ids = archive, ids
        self._build(title, introduction, restrict)
        self.out_of_order.retry.stop()
        LOG.info("open: %s, %d documents (%s)", archive.path, len(ids), archive.readonly_reason)
        return True

    def _exhibit(self, archive: Archive) -> tuple[str, str, list[int], bool]:
        config = self.config
        if config.collection:
            found = archive.collection(config.collection)
            if found is None:
                names = ", ".join(f"“{name}”" for name, _title, _count in archive.collections())
                where = {"path": archive.path, "name": config.collection}  # said in the window's language
                raise ArchiveError(
                    say("kiosk_no_collection", **where, names=names) if names else say("kiosk_no_collections", **where)
                )
            return (
                config.title or found.title,
                config.introduction or found.introduction,
                found.document_ids,
                True,
            )
        return (
            config.title or self.tr("Documents from the archive"),
            config.introduction or self.tr(DEFAULT_INTRODUCTION),
            archive.ordered_ids(),
            False,
        )

    def fail(self, cause: str) -> None:
        """Out of order: log why, show the calm page, try again every ``retry_after`` seconds."""
        LOG.error("out of order: %s", cause)
        self.out_of_order.set_cause(cause, self.config.retry_after)
        self._drop_content()
        self.stack.setCurrentWidget(self.out_of_order)
        self.attract_banner.hide()
        self.out_of_order.retry.start(int(self.config.retry_after * 1000))
        self.failed.emit(cause)

    def _drop_content(self) -> None:
        if self.swipe is not None:
            remove(self.swipe)
            self.swipe.deleteLater()
            self.swipe = None
        if self.content is not None:
            self.stack.removeWidget(self.content)
            self.content.deleteLater()
            self.content = None
        if self.archive is not None:
            self.runner.wait(3000)
            self.archive.close()
            self.archive = None

    def is_out_of_order(self) -> bool:
        return self.stack.currentWidget() is self.out_of_order

    # -- building -----------------------------------------------------------------------------

    def _build(self, title: str, introduction: str, restrict: bool) -> None:
        assert self.archive is not None
        config, archive = self.config, self.archive
        self.content = QWidget(self)
        self.content.setObjectName("kiosk_content")
        self.pages = QStackedWidget(self.content)
        self.start = StartPage(
            archive,
            self.exhibit_ids,
            title,
            introduction,
            config.search,
            config.layouts,
            config.point_size,
            restrict,
            self.pages,
        )
        self.document = DocumentPage(
            archive, self.runner, config.parts, config.point_size, config.transition_ms, self.pages
        )
        self.pages.addWidget(self.start)
        self.pages.addWidget(self.document)
        self.start.document_chosen.connect(lambda document_id: self.open_document(document_id))
        self.document.start_requested.connect(self.go_to_start)
        self.document.step_requested.connect(self.step)
        self.registry["previous"].triggered.connect(lambda: self.step(-1))
        self.registry["next"].triggered.connect(lambda: self.step(1))
        column = QVBoxLayout(self.content)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        column.addWidget(self.pages, 1)
        days = self._exhibit_days() if restrict else None
        self.timeline = KioskTimeline(archive, days, self.content)
        self.timeline.set_filters(Filters(ids=tuple(self.exhibit_ids)) if restrict else Filters())
        on_paper(self.timeline, config.point_size * 0.7)
        self.timeline.setFixedHeight(200)
        self.timeline.document_activated.connect(lambda document_id: self.open_document(document_id))
        caption = QLabel(self.tr("Timeline: touch a mark to open that document"), self.content)
        caption.setObjectName("kiosk_timeline_caption")
        caption.setContentsMargins(48, 4, 0, 0)
        caption.setVisible(config.timeline)
        self.timeline.setVisible(config.timeline)
        column.addWidget(caption)
        column.addWidget(self.timeline)
        self.stack.addWidget(self.content)
        self.stack.setCurrentWidget(self.content)
        self.timeline.fit_all()
        self.swipe = SwipeDetector(self.document.body, self)
        self.swipe.swiped.connect(self.step)
        install(self.swipe)
        self.pin_pad.raise_()
        self.setFocus()  # the window's own: a touched kiosk shows no focus frame until the keyboard is used

    def _exhibit_days(self) -> tuple[float, float] | None:
        assert self.archive is not None
        rows = self.archive.list_rows(self.exhibit_ids)
        days = [d for d in (day_of(r.date_start) for r in rows.values()) if d is not None]
        return (min(days), max(days)) if days else None

    # -- moving about -------------------------------------------------------------------------

    def on_start(self) -> bool:
        return self.content is not None and self.pages.currentWidget() is self.start

    def current_document(self) -> int | None:
        if self.content is None or self.pages.currentWidget() is not self.document or self.document.record is None:
            return None
        return int(self.document.record.id)

    def sequence(self) -> list[int]:
        """What Previous and Next walk through: the search hits shown, or the exhibit."""
        return self.start.model.ids if self.content is not None else []

    def open_document(self, document_id: int, part: str | None = None, animate: bool = False) -> bool:
        if self.content is None or self.archive is None:
            return False
        ids = self.sequence()
        number = ids.index(document_id) + 1 if document_id in ids else 0
        if not self.document.show_document(document_id, part or self.config.start_part, (number, len(ids)), animate):
            return False
        self.pages.setCurrentWidget(self.document)
        self.start.select(document_id)
        self.timeline.set_current(document_id, self.archive.document_date(document_id))
        self.document_shown.emit(document_id)
        return True

    def step(self, delta: int) -> None:
        """The previous or next document of the list (a swipe, or the arrows)."""
        current, ids = self.current_document(), self.sequence()
        if current is None or current not in ids:
            return
        target = ids.index(current) + delta
        if 0 <= target < len(ids):
            self.open_document(ids[target], self.document.part)

    def go_to_start(self) -> None:
        """The state the next visitor should find: start page, no search, nothing zoomed."""
        if self.pin_pad.isVisible():
            self.pin_pad.cancel()
        if self.content is None:
            return
        self.start.reset()
        self.document.record = None
        self.document.fade.setEnabled(False)
        self.pages.setCurrentWidget(self.start)
        self.timeline.set_current(None, None)
        self.timeline.fit_all()
        self.setFocus()  # the next visitor meets no focus frame, whoever used the keyboard before
        self.returned_to_start.emit()

    # -- attract loop -------------------------------------------------------------------------

    def _attract_started(self) -> None:
        LOG.info("attract loop started")
        self.go_to_start()
        self.attract_index = -1
        self._place_banner()
        self.attract_banner.setVisible(self.content is not None)
        self.attract_banner.raise_()
        self.attract_step()

    def attract_step(self) -> int | None:
        """Show the next document of the exhibit, faded in; returns its id."""
        if self.content is None or not self.exhibit_ids:
            return None
        self.attract_index = (self.attract_index + 1) % len(self.exhibit_ids)
        document_id = self.exhibit_ids[self.attract_index]
        self.open_document(document_id, self.config.start_part, animate=True)
        return document_id

    def _woke(self) -> None:
        self.attract_banner.hide()
        self.go_to_start()

    def _place_banner(self) -> None:
        self.attract_banner.adjustSize()
        x = (self.width() - self.attract_banner.width()) // 2
        # over the timeline (the least needed part while nobody is looking), not over the text
        middle = self.height() - 110 if self.config.timeline else self.height() - 80
        self.attract_banner.move(max(0, x), max(0, middle - self.attract_banner.height() // 2))

    # -- leaving ------------------------------------------------------------------------------

    def ask_pin(self) -> None:
        if not self.config.exit_enabled:
            LOG.warning("exit chord pressed, but no PIN is configured ([admin] pin): staying")
            return
        LOG.info("exit chord pressed: PIN pad open")
        self.pin_pad.open()

    def leave(self) -> None:
        LOG.info("administrator left the kiosk")
        self.unlocked = True
        self.shutdown()
        self.close()
        self.exited.emit()

    def shutdown(self) -> None:
        """Stop timers, give the application its keys back, close the archive (idempotent)."""
        self.idle.stop()
        self.out_of_order.retry.stop()
        remove(self.guard)
        self._drop_content()

    def closeEvent(self, event) -> None:
        if not self.unlocked:
            LOG.info("close refused (the kiosk leaves only with the PIN)")
            event.ignore()
            return
        super().closeEvent(event)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        if self.pin_pad.isVisible():
            self.pin_pad.setGeometry(self.rect())
        self._place_banner()

    def show_kiosk(self) -> None:
        if self.config.fullscreen:
            self.setWindowFlags(Qt.WindowType.FramelessWindowHint | Qt.WindowType.WindowStaysOnTopHint)
            self.showFullScreen()
        else:
            self.resize(*self.config.size)
            self.show()

    def unexpected(self, kind: type[BaseException], error: BaseException, trace: Any) -> None:
        """sys.excepthook while the kiosk runs: log, and fall back to a safe state instead of dying."""
        LOG.error("unexpected error", exc_info=(kind, error, trace))
        if isinstance(error, sqlite3.Error | ArchiveError):
            self.fail(str(error))
        else:
            self.go_to_start()
