"""Kiosk mode, offscreen, with real widgets on real archive files: nothing that writes or leaves is
reachable, the store itself refuses writes, idle and attract follow an injected clock, and the
exit chord needs the PIN."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QAction, QContextMenuEvent, QGuiApplication, QKeySequence, QShortcut
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialog, QMenu, QMenuBar, QPushButton, QScroller

from viewer.core.errors import ArchiveError
from viewer.core.kiosk_config import KioskConfig
from viewer.core.kiosk_pin import hash_pin
from viewer.gui.kiosk.touch import install, remove
from viewer.gui.kiosk.window import KIOSK_ACTIONS, KioskWindow

from ..helpers import seed_id

FORBIDDEN = ("open", "import", "export", "quit", "copy_citation", "find", "about")
PIN_HASH = hash_pin("2468")  # the administrator's PIN as kiosk.toml holds it


class FakeClock:
    """Monotonic seconds that move only when a test says so."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def exhibit(seeded) -> list[int]:
    """The five seeds as an exhibit, in an order that is not the date order."""
    ids = [seed_id(seeded, key) for key in ("003", "000", "001", "004", "002")]
    seeded.create_collection(
        "korea-1950", "Moscow, Beijing and Pyongyang, 1950", "Telegrams of 1950, in Russian and in English.", ids
    )
    return ids


@pytest.fixture
def make_kiosk(open_kiosk, seeded, clock):
    """Build kiosks in a window (not full screen) and give the application back afterwards."""

    def make(path: Path | None = None, **options) -> KioskWindow:
        config = KioskConfig(
            **{
                "fullscreen": False,
                "collection": "korea-1950",
                "pin_hash": PIN_HASH,
                "reset_after": 60,
                "attract_after": 120,
                "attract_step": 10,
                **options,
            }
        )
        return open_kiosk(path or seeded.path, config, clock)

    return make


@pytest.fixture
def kiosk(make_kiosk, exhibit) -> KioskWindow:
    return make_kiosk()


def visible_popups() -> list:
    return [w for w in QApplication.topLevelWidgets() if w.isVisible() and isinstance(w, QMenu | QDialog)]


# -- nothing to import, edit, export or leave -------------------------------------------------


def test_no_action_menu_or_shortcut_that_writes_or_leaves(qtbot, kiosk):
    assert kiosk.on_start() and kiosk.start.model.ids == kiosk.exhibit_ids
    assert not kiosk.findChildren(QMenuBar)
    names = {a.objectName() for a in kiosk.findChildren(QAction)}
    assert {f"action_{n}" for n in KIOSK_ACTIONS} == {n for n in names if n.startswith("action_")}
    assert not any(f"action_{n}" in names for n in FORBIDDEN)
    assert all(not a.shortcuts() for a in kiosk.findChildren(QAction))
    # even a shortcut someone adds later cannot fire: the guard takes every command key first
    fired = []
    shortcut = QShortcut(QKeySequence("Ctrl+I"), kiosk)
    shortcut.setContext(Qt.ShortcutContext.ApplicationShortcut)
    shortcut.activated.connect(lambda: fired.append("Ctrl+I"))
    kiosk.activateWindow()
    assert QTest.qWaitForWindowActive(kiosk)  # shortcuts only fire in the active window
    kiosk.start.list.setFocus()
    for key, modifiers in (
        (Qt.Key.Key_I, Qt.KeyboardModifier.ControlModifier),
        (Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier),
        (Qt.Key.Key_O, Qt.KeyboardModifier.ControlModifier),
        (Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier),
        (Qt.Key.Key_W, Qt.KeyboardModifier.ControlModifier),
        (Qt.Key.Key_F4, Qt.KeyboardModifier.AltModifier),
        (Qt.Key.Key_Tab, Qt.KeyboardModifier.AltModifier),
        (Qt.Key.Key_Menu, Qt.KeyboardModifier.NoModifier),
    ):
        qtbot.keyClick(kiosk.start.list, key, modifiers)
    assert fired == []
    assert kiosk.isVisible() and not visible_popups()
    remove(kiosk.guard)  # the control: without the guard the same key does fire
    qtbot.keyClick(kiosk.start.list, Qt.Key.Key_I, Qt.KeyboardModifier.ControlModifier)
    install(kiosk.guard)
    assert fired == ["Ctrl+I"]
    kiosk.close()  # what Alt+F4 from the window manager asks for
    assert kiosk.isVisible()


def test_no_context_menu_anywhere(qtbot, kiosk, exhibit):
    kiosk.open_document(exhibit[2])
    targets = [
        kiosk.document.views["translation"].viewport(),
        kiosk.start.search,
        kiosk.start.list.viewport(),
        kiosk.timeline,
        kiosk,
    ]
    for target in targets:
        event = QContextMenuEvent(QContextMenuEvent.Reason.Mouse, QPoint(20, 20), target.mapToGlobal(QPoint(20, 20)))
        QApplication.sendEvent(target, event)
        qtbot.wait(1)
        assert not visible_popups(), target.objectName()


def test_nothing_pastes_into_the_search(qtbot, kiosk):
    """Ctrl+V is a command key, but Shift+Insert pastes too (and Ctrl+Insert copies): the guard
    takes every key the platform binds to paste, copy or cut."""
    QGuiApplication.clipboard().setText("pasted")
    search = kiosk.start.search
    kiosk.activateWindow()
    assert QTest.qWaitForWindowActive(kiosk)
    search.setFocus()
    for key, modifiers in (
        (Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier),
        (Qt.Key.Key_Insert, Qt.KeyboardModifier.ShiftModifier),
    ):
        qtbot.keyClick(search, key, modifiers)
    qtbot.mouseClick(search, Qt.MouseButton.MiddleButton)  # X11's paste of the selection
    assert search.text() == ""
    remove(kiosk.guard)  # the control: without the guard Shift+Insert does paste
    qtbot.keyClick(search, Qt.Key.Key_Insert, Qt.KeyboardModifier.ShiftModifier)
    install(kiosk.guard)
    assert search.text() == "pasted"
    kiosk.start.reset()  # no search left pending after the test


def test_the_store_refuses_writes_not_only_the_screen(kiosk, exhibit):
    archive = kiosk.archive
    assert archive.readonly
    with pytest.raises(ArchiveError, match="read-only"), archive.transaction():
        pass
    with pytest.raises(ArchiveError):
        archive.create_collection("graffiti", "Graffiti", "", exhibit)
    with pytest.raises(sqlite3.OperationalError, match="readonly"):
        archive.conn.execute("DELETE FROM documents")
    with pytest.raises(sqlite3.OperationalError, match="readonly"):
        archive.conn.execute("UPDATE documents SET title = 'x'")
    assert archive.count() == 5


def test_an_archive_that_cannot_be_written_opens_immutable(make_kiosk, exhibit, seeded, tmp_path):
    """Read-only media: the store opens with immutable=1 (no -wal or -shm can be made) and still refuses."""
    import os

    folder = tmp_path / "readonly"
    folder.mkdir()
    seeded.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    shutil.copy(seeded.path, folder / "archive.db")
    (folder / "archive.db").chmod(0o444)
    folder.chmod(0o555)
    try:
        if os.access(folder, os.W_OK):
            pytest.skip("running as a user who can write anyway (root)")
        kiosk = make_kiosk(folder / "archive.db")
        assert not kiosk.is_out_of_order() and kiosk.archive.readonly
        assert kiosk.start.model.ids == exhibit
        with pytest.raises(sqlite3.OperationalError, match="readonly"):
            kiosk.archive.conn.execute("DELETE FROM documents")
        assert sorted(p.name for p in folder.iterdir()) == ["archive.db"]
    finally:
        folder.chmod(0o755)


# -- idle, reset and attract ------------------------------------------------------------------


def test_idle_returns_to_the_start_and_clears_the_search(qtbot, kiosk, clock, exhibit):
    qtbot.mouseClick(kiosk.start.search, Qt.MouseButton.LeftButton)
    assert kiosk.start.keyboard.isVisible()
    for key in ("m", "a", "o"):
        kiosk.start.keyboard.type_text(key)
    kiosk.start.run_search()
    assert kiosk.start.search.text() == "mao"
    assert 0 < len(kiosk.start.model.ids) <= len(exhibit)
    kiosk.open_document(kiosk.start.model.ids[0])
    assert kiosk.current_document() is not None
    clock.advance(59)
    kiosk.idle.tick()
    assert kiosk.current_document() is not None, "returned to the start too early"
    qtbot.mouseClick(kiosk.document.next, Qt.MouseButton.LeftButton)  # input postpones the reset
    clock.advance(59)
    kiosk.idle.tick()
    assert kiosk.current_document() is not None
    with qtbot.waitSignal(kiosk.returned_to_start, timeout=1000):
        clock.advance(2)
        kiosk.idle.tick()
    assert kiosk.on_start()
    assert kiosk.start.search.text() == "" and not kiosk.start.keyboard.isVisible()
    assert kiosk.start.model.ids == exhibit


def test_the_attract_loop_steps_through_the_exhibit_until_touched(qtbot, kiosk, clock, exhibit):
    clock.advance(120)
    kiosk.idle.tick()
    assert kiosk.idle.attracting and kiosk.attract_banner.isVisible()
    shown = [kiosk.current_document()]
    for _ in range(len(exhibit)):
        clock.advance(10)
        kiosk.idle.tick()
        shown.append(kiosk.current_document())
    assert shown == [*exhibit, exhibit[0]]  # the exhibit's order, round again
    assert kiosk.document.fade.isEnabled()  # faded in
    on_screen = kiosk.current_document()
    qtbot.mouseClick(kiosk.document.next, Qt.MouseButton.LeftButton)
    assert not kiosk.idle.attracting and not kiosk.attract_banner.isVisible()
    assert kiosk.on_start(), "the waking touch went back to the start"
    assert kiosk.guard.swallowed == 1 and on_screen is not None  # the press never reached Next


def test_no_attract_loop_when_switched_off(make_kiosk, exhibit, clock):
    kiosk = make_kiosk(attract_after=0)
    clock.advance(100_000)
    kiosk.idle.tick()
    assert not kiosk.idle.attracting and kiosk.on_start()


# -- leaving ----------------------------------------------------------------------------------


def press_chord(qtbot, kiosk) -> None:
    qtbot.keyClick(
        kiosk.start.list,
        Qt.Key.Key_Q,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier | Qt.KeyboardModifier.ShiftModifier,
    )


def enter(qtbot, kiosk, pin: str) -> None:
    for digit in pin:
        qtbot.mouseClick(kiosk.pin_pad.keys[digit], Qt.MouseButton.LeftButton)
    qtbot.mouseClick(kiosk.pin_pad.keys["ok"], Qt.MouseButton.LeftButton)


def test_the_exit_chord_without_the_pin_does_not_exit(qtbot, kiosk):
    press_chord(qtbot, kiosk)
    assert kiosk.pin_pad.isVisible()
    enter(qtbot, kiosk, "1111")
    assert kiosk.isVisible() and not kiosk.unlocked
    assert "not right" in kiosk.pin_pad.message.text()
    qtbot.mouseClick(kiosk.findChild(QPushButton, "kiosk_pin_cancel"), Qt.MouseButton.LeftButton)
    assert not kiosk.pin_pad.isVisible() and kiosk.isVisible()
    kiosk.close()
    assert kiosk.isVisible()


def test_the_exit_chord_with_the_pin_exits(qtbot, kiosk):
    press_chord(qtbot, kiosk)
    with qtbot.waitSignal(kiosk.exited, timeout=2000):
        enter(qtbot, kiosk, "2468")
    assert kiosk.unlocked and not kiosk.isVisible()


def test_too_many_wrong_pins_shut_the_pad_for_a_while(qtbot, make_kiosk, exhibit, clock):
    kiosk = make_kiosk(max_attempts=3, lockout=30)
    press_chord(qtbot, kiosk)
    for _ in range(3):
        enter(qtbot, kiosk, "0000")
    enter(qtbot, kiosk, "2468")
    assert not kiosk.unlocked and "wait" in kiosk.pin_pad.message.text()
    clock.advance(31)
    enter(qtbot, kiosk, "2468")
    assert kiosk.unlocked


def test_without_a_pin_the_chord_opens_nothing(qtbot, make_kiosk, exhibit):
    kiosk = make_kiosk(pin_hash=None)
    press_chord(qtbot, kiosk)
    assert not kiosk.pin_pad.isVisible()


# -- touch ------------------------------------------------------------------------------------


def test_targets_are_finger_sized_and_lists_scroll_kinetically(kiosk, exhibit):
    kiosk.open_document(exhibit[1])
    kiosk.start.open_keyboard()
    for page in (kiosk.document, kiosk.start):
        kiosk.pages.setCurrentWidget(page)
        buttons = [b for b in page.findChildren(QPushButton) if b.isVisible()]
        assert buttons
        for button in buttons:
            assert button.height() >= 44 and button.width() >= 44, button.objectName()
    assert kiosk.start.list.visualRect(kiosk.start.model.index(0)).height() >= 44
    assert kiosk.start.search.height() >= 44
    for area in (kiosk.start.list, kiosk.document.views["translation"], kiosk.document.scan.scroll_area):
        assert QScroller.hasScroller(area.viewport())


def test_swipe_moves_between_documents(qtbot, kiosk, exhibit):
    kiosk.open_document(exhibit[1])
    view = kiosk.document.views["translation"].viewport()
    middle = view.rect().center()

    def swipe(dx: int) -> None:
        qtbot.mousePress(view, Qt.MouseButton.LeftButton, pos=middle)
        qtbot.mouseMove(view, middle + QPoint(dx // 2, 5))
        qtbot.mouseRelease(view, Qt.MouseButton.LeftButton, pos=middle + QPoint(dx, 10))

    swipe(-300)
    assert kiosk.current_document() == exhibit[2]
    swipe(300)
    swipe(300)
    assert kiosk.current_document() == exhibit[0]
    swipe(40)  # a short drag is not a swipe
    assert kiosk.current_document() == exhibit[0]


def test_tapping_the_timeline_opens_a_document(qtbot, kiosk, exhibit):
    target = exhibit[4]
    point = kiosk.timeline.marker_position(target)
    assert point is not None
    qtbot.mouseClick(kiosk.timeline, Qt.MouseButton.LeftButton, pos=point + QPoint(12, -10))  # a finger's width off
    assert kiosk.current_document() == target


def test_keyboard_layouts_and_search_modes(make_kiosk, exhibit):
    kiosk = make_kiosk()
    keyboard = kiosk.start.keyboard
    letters = {b.text() for b in keyboard.letter_buttons if not b.isHidden()}
    assert "Q" in letters
    keyboard.next_layout()
    letters = {b.text() for b in keyboard.letter_buttons if not b.isHidden()}
    assert "Ж" in letters and "Q" not in letters
    assert make_kiosk(search="hidden").start.search.isHidden()
    system = make_kiosk(search="system")
    assert system.start.keyboard is None and system.start.search.isVisible()


# -- out of order -----------------------------------------------------------------------------


def test_a_missing_archive_is_out_of_order_and_logged(make_kiosk, seeded, exhibit, tmp_path):
    path = tmp_path / "later" / "archive.db"
    kiosk = make_kiosk(path)
    assert kiosk.is_out_of_order() and kiosk.archive is None
    assert kiosk.out_of_order.retry.isActive()
    assert "no such archive" in (tmp_path / "kiosk.log").read_text(encoding="utf-8")
    path.parent.mkdir()
    seeded.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    shutil.copy(seeded.path, path)
    assert kiosk.try_open()  # what the retry timer does
    assert kiosk.on_start() and not kiosk.out_of_order.retry.isActive()


def test_a_corrupt_archive_or_a_missing_exhibit_is_out_of_order(make_kiosk, seeded, tmp_path):
    corrupt = tmp_path / "corrupt.db"
    corrupt.write_bytes(b"SQLite format 3\x00" + b"\x13" * 4000)
    assert make_kiosk(corrupt).is_out_of_order()
    assert make_kiosk(seeded.path, collection="no-such-exhibit").is_out_of_order()
    log = (tmp_path / "kiosk.log").read_text(encoding="utf-8")
    assert "corrupt.db" in log and "no collection “no-such-exhibit”" in log


def test_the_whole_archive_without_a_collection(make_kiosk, seeded):
    kiosk = make_kiosk(collection=None)
    assert kiosk.exhibit_ids == seeded.ordered_ids() and len(kiosk.exhibit_ids) == 5


# -- command line and screenshots -------------------------------------------------------------


def test_collection_create_from_the_command_line(seeded):
    from viewer.cli import main

    result = CliRunner().invoke(
        main,
        [
            "--db",
            str(seeded.path),
            "collection",
            "create",
            "pair",
            "--title",
            "A pair",
            "--intro",
            "Two telegrams.",
            "001",
            "000",
        ],
    )
    assert result.exit_code == 0, result.output
    found = seeded.collection("pair")
    assert found.title == "A pair" and found.document_ids == [seed_id(seeded, "001"), seed_id(seeded, "000")]
    again = CliRunner().invoke(main, ["--db", str(seeded.path), "collection", "create", "pair", "--title", "x", "001"])
    assert again.exit_code == 2 and "exists already" in again.output


def test_screenshots_of_the_start_and_a_document(seeded, exhibit, screenshots, tmp_path):
    from viewer.cli import main

    config = tmp_path / "kiosk.toml"
    config.write_text(f'archive = "{seeded.path}"\n[exhibit]\ncollection = "korea-1950"\n', encoding="utf-8")
    start = screenshots / "kiosk-start-1920x1080.png"
    document = screenshots / "kiosk-document-1920x1080.png"
    runner = CliRunner()
    result = runner.invoke(main, ["screenshot", str(start), "--kiosk", "--config", str(config)])
    assert result.exit_code == 0, result.output
    result = runner.invoke(
        main, ["--kiosk", "--config", str(config), "screenshot", str(document), "--doc", "004", "--tab", "transcript"]
    )
    assert result.exit_code == 0, result.output
    from PySide6.QtGui import QImage

    for path in (start, document):
        image = QImage(str(path))
        assert (image.width(), image.height()) == (1920, 1080)
    bad = tmp_path / "bad.toml"
    bad.write_text("[display]\nsise = 1\n", encoding="utf-8")
    result = runner.invoke(main, ["screenshot", str(tmp_path / "x.png"), "--kiosk", "--config", str(bad)])
    assert result.exit_code == 2 and "unknown option [display] sise" in result.output


# -- a day of attract loop --------------------------------------------------------------------


@pytest.mark.slow
def test_attract_loop_soak(make_kiosk, exhibit, capsys):
    from viewer.bench import kiosk_soak as soak

    kiosk = make_kiosk(transition_ms=300)
    kiosk.resize(1024, 640)
    start, end = soak.run_soak(kiosk, 10_000)
    with capsys.disabled():
        print(
            f"\nkiosk attract soak, 10,000 steps: RSS {start / 1024:.1f} MB -> {end / 1024:.1f} MB "
            f"({(end - start) / 1024:+.1f} MB)"
        )
    assert end - start < 30 * 1024
    from PySide6.QtGui import QTextDocument

    from viewer.gui.kiosk.model import CACHED_CHUNKS
    from viewer.gui.scan_view import CACHE_SIZE

    assert kiosk.start.model.cached_chunks() <= CACHED_CHUNKS
    assert len(kiosk.document.scan.cache) <= CACHE_SIZE
    for view in kiosk.document.views.values():
        assert len(view.findChildren(QTextDocument)) <= 2  # the shown document (and its layout's)
