"""The Russian interface (issue 18): every string of the window's menus, tabs, panes and dialogs is
translated, the shipped .qm is the compiled .ts and holds every string of the code, the kiosk
switches language at once, and the window still fits 1024×600 in Russian.

A text counts as untranslated when the same widget shows the same text in English and in Russian and
it still has Latin letters once the names that stay as they are (formats, keys, proper names) are
taken out. The window is built on an empty archive, so nothing shown is a document's data.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QAbstractButton, QGroupBox, QLabel, QMenu, QPushButton, QTabBar, QWidget

from viewer.core.store import Archive
from viewer.gui import i18n
from viewer.gui.counts import counts
from viewer.gui.document_parts import TABS

from .helpers import seed_id, shown
from .test_screen_sizes import outside

# names that stay as they are in Russian: formats, keys, proper names, the languages in their own words
KEPT = re.compile(
    r"CSV|TEI P5 XML|TEI|PDF|JSON|RIS|CMIF|CSL|Datasette|Zotero|correspSearch|OCR|ISO|JPEG|PNG|TIFF|"
    r"Archive Viewer|Chicago|APA|MLA|English|"
    r"(?:Ctrl|Shift|Alt)\+\S+|\bF\d+\b|\bEsc\b|\bHome\b|\bEnter\b|\bDelete\b|Page Up|Page Down|PgUp|PgDown|"
    r"\bOR\b|\*\.\w+|\b[SETWF]\b|\bA[−+]|\bid\b|\b\w+\.db\b"
)
LATIN = re.compile(r"[A-Za-z]")


def untranslatable(text: str) -> bool:
    """Whether ``text`` has Latin letters beyond the names that are kept in every language."""
    return bool(LATIN.search(KEPT.sub("", text)))


def texts(root: QWidget) -> dict[str, str]:
    """Every visible word of ``root``: window titles, labels, buttons, check boxes, group boxes, tabs
    and menus (recursively), keyed by where they sit so the English and the Russian build line up."""
    found: dict[str, str] = {}

    def key(widget: QWidget) -> str:
        parts = []
        while widget is not None and widget is not root.parentWidget():
            parent = widget.parentWidget()
            siblings = [w for w in (parent.findChildren(type(widget)) if parent else []) if w.parentWidget() is parent]
            number = siblings.index(widget) if widget in siblings else 0
            parts.append(f"{type(widget).__name__}:{widget.objectName()}:{number}")
            widget = parent
        return "/".join(reversed(parts))

    def menu(path: str, items: QMenu) -> None:
        found[f"{path}/title"] = items.title()
        for number, action in enumerate(items.actions()):
            if action.isSeparator():
                continue
            if action.menu() is not None:
                menu(f"{path}/{number}", action.menu())
            else:
                found[f"{path}/{action.objectName() or number}"] = action.text()
                found[f"{path}/{action.objectName() or number}/tip"] = action.statusTip()

    for widget in [root, *root.findChildren(QWidget)]:
        where = key(widget)
        if widget.isWindow() and widget.windowTitle():
            found[f"{where}/title"] = widget.windowTitle()
        if isinstance(widget, (QLabel, QAbstractButton)) and widget.text():
            found[where] = widget.text()
        if isinstance(widget, QGroupBox) and widget.title():
            found[where] = widget.title()
        if isinstance(widget, QTabBar):
            for number in range(widget.count()):
                found[f"{where}/tab{number}"] = widget.tabText(number)
        if isinstance(widget, QMenu) and widget.parentWidget() is not None and widget.title():
            menu(where, widget)
    if hasattr(root, "menuBar"):
        for number, action in enumerate(root.menuBar().actions()):
            if action.menu() is not None:
                menu(f"menubar/{number}", action.menu())
    return {k: v for k, v in found.items() if v}


def untranslated(make: Callable[[], Iterator[QWidget]]) -> list[str]:
    """Build the widgets in English, then in Russian, and list what reads the same in both."""
    english: dict[str, str] = {}
    for number, widget in enumerate(make()):
        english.update({f"{number}:{k}": v for k, v in texts(widget).items()})
    assert english, "nothing was read"
    assert i18n.install("ru") == "ru"
    try:
        russian: dict[str, str] = {}
        for number, widget in enumerate(make()):
            russian.update({f"{number}:{k}": v for k, v in texts(widget).items()})
    finally:
        i18n.install("en")
    assert russian.keys() == english.keys()
    return sorted(f"{k}: {v!r}" for k, v in russian.items() if v == english[k] and untranslatable(v))


@pytest.fixture
def empty(tmp_path: Path) -> Path:
    path = tmp_path / "empty.db"
    Archive(path, create=True).close()
    return path


@pytest.fixture(autouse=True)
def english_after():
    yield
    i18n.install("en")


def test_the_window_menus_tabs_and_panes_are_all_in_russian(qtbot, empty, settings):
    from viewer.gui.main_window import MainWindow

    def make() -> Iterator[QWidget]:
        window = shown(qtbot, MainWindow(empty, settings=settings, restore=False), (1280, 800))
        yield window
        window.runner.wait(5000)
        window.close()

    assert untranslated(make) == []


def test_the_dialogs_are_all_in_russian(qtbot, empty, settings):
    from viewer.gui.bulk import SetFieldDialog, TagDialog
    from viewer.gui.exchange_window import ExchangeExportDialog
    from viewer.gui.export_dialog import ExportDialog
    from viewer.gui.importing import ImportOutcome
    from viewer.gui.link_picker import LinkPicker
    from viewer.gui.main_window import MainWindow
    from viewer.gui.review import ImportSummary

    def make() -> Iterator[QWidget]:
        window = shown(qtbot, MainWindow(empty, settings=settings, restore=False), (1280, 800))
        changes = window.curating.changes
        outcome = ImportOutcome(2, 1, 1, ["a.txt: empty"], [], ["a.txt: empty"])
        made = [
            ExportDialog(window, 5),
            ExchangeExportDialog(window, True, 5, [("korea", "Korea", 3)], 5),
            TagDialog(window.archive, changes, "me", [1, 2], window),
            SetFieldDialog(window.archive, changes, "me", [1, 2], window),
            LinkPicker(window.archive, 1, window),
            ImportSummary(outcome, [], window),
        ]
        window.registry["people"].trigger()
        window.registry["trash"].trigger()
        made += [window.curating.people_view, window.curating.trash_view]
        for dialog in made:
            yield shown(qtbot, dialog)
            dialog.close()
        window.runner.wait(5000)
        window.close()

    assert untranslated(make) == []


def test_the_recovery_dialog_is_in_russian(tmp_path):
    from viewer.core.errors import ArchiveMissing
    from viewer.gui.recovery import recovery_box

    def make() -> Iterator[QWidget]:
        box, _buttons, _backup = recovery_box(tmp_path / "gone.db", ArchiveMissing("gone"))
        yield box
        box.deleteLater()

    assert untranslated(make) == []


def test_the_check_catches_a_string_left_in_english(qtbot, empty, settings, monkeypatch):
    """Take one translation away (as if its tr() were removed) and the check finds it."""
    from viewer.gui import filters

    monkeypatch.setattr(filters.FilterBar, "tr", lambda _self, text, *_args: text)
    from viewer.gui.main_window import MainWindow

    def make() -> Iterator[QWidget]:
        window = shown(qtbot, MainWindow(empty, settings=settings, restore=False), (1280, 800))
        yield window
        window.runner.wait(5000)
        window.close()

    left = untranslated(make)
    assert any("'Clear filters'" in line for line in left), left


def test_qt_buttons_come_in_russian_too():
    """Qt's own strings (OK, Cancel, the file dialogs) from PySide6's qtbase_ru.qm."""
    from PySide6.QtWidgets import QDialogButtonBox

    i18n.install("ru")
    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
    assert box.button(QDialogButtonBox.StandardButton.Cancel).text() == "Отмена"
    box.deleteLater()


def test_counted_phrases_take_russian_plural_forms_and_english_ones():
    said = counts()
    assert [said.documents(n) for n in (1, 5)] == ["1 document", "5 documents"]
    assert said.documents(100_000) == "100,000 documents"
    i18n.install("ru")
    assert [said.documents(n) for n in (1, 3, 5, 21, 111)] == [
        "1 документ",
        "3 документа",
        "5 документов",
        "21 документ",
        "111 документов",
    ]
    assert said.documents(100_000) == "100\u00a0000 документов"


def test_the_language_follows_the_option_then_the_setting_then_the_system(settings, monkeypatch):
    monkeypatch.setattr(i18n, "system_language", lambda: "ru")
    assert i18n.resolve(None, settings) == "ru"
    i18n.choose(settings, "en")
    assert i18n.resolve(None, settings) == "en"
    assert i18n.resolve("ru", settings) == "ru"
    i18n.choose(settings, "")
    assert i18n.resolve(None, settings) == "ru"


def test_view_language_remembers_the_choice(qtbot, empty, settings):
    from viewer.gui.main_window import MainWindow

    window = shown(qtbot, MainWindow(empty, settings=settings, restore=False), (1280, 800))
    menu = window.findChild(QMenu, "menu_language")
    assert menu is not None and [a.text() for a in menu.actions()] == ["System Default", "English", "Русский"]
    window.findChild(QMenu, "menu_language").actions()[2].trigger()
    assert i18n.chosen(settings) == "ru"
    assert "starts again" in window.statusBar().currentMessage()
    window.close()


def test_the_window_fits_1024_by_600_in_russian(qtbot, seeded, settings, screenshots):
    from viewer.gui.main_window import MainWindow
    from viewer.gui.screenshot import grab

    i18n.install("ru")
    window = shown(qtbot, MainWindow(seeded.path, settings=settings), (1280, 800))
    window.resize(1024, 600)  # as the English check does (test_screen_sizes)
    window.open_document(seed_id(window.archive, "004"))
    qtbot.waitUntil(lambda: window.width() == 1024)
    assert window.minimumSizeHint().width() <= 1000
    for tab in TABS:
        window.panel.show_tab(tab)
        assert window.panel.tabs.currentWidget().height() >= 300, tab
        assert outside(window) == []
    window.annotating.pane.auto_hide.setChecked(False)
    window.panel.show_tab("translation")
    assert window.minimumSizeHint().width() <= 1000 and window.width() == 1024 and outside(window) == []
    grab(window).save(str(screenshots / "window-ru-1024x600.png"))
    window.runner.wait(5000)
    window.close()


def test_the_kiosk_switches_language_at_once_and_back_after_a_reset(qtbot, seeded, tmp_path):
    from viewer.core.kiosk_config import KioskConfig
    from viewer.gui.kiosk.window import KioskWindow

    config = KioskConfig(fullscreen=False, reset_after=60, attract_after=0)
    now = [1000.0]
    kiosk = shown(qtbot, KioskWindow(seeded.path, config, clock=lambda: now[0], log_file=tmp_path / "k.log"))
    try:
        button = kiosk.start.findChild(QPushButton, "kiosk_language")
        assert button.text() == "Русский" and kiosk.start.search.placeholderText() == "Search the documents…"
        document = seed_id(seeded, "004")
        kiosk.open_document(document)
        kiosk.document.findChild(QPushButton, "kiosk_language").click()
        qtbot.waitUntil(lambda: i18n.current() == "ru")
        assert kiosk.current_document() == document  # the same document, now in Russian words
        assert kiosk.document.previous.text().endswith("Назад")
        assert kiosk.document.findChild(QPushButton, "kiosk_language").text() == "English"
        kiosk.go_to_start()
        assert kiosk.start.search.placeholderText() == "Поиск по документам…"
        kiosk.idle.reset_due.emit()  # nobody touched it: the next visitor meets the usual language
        assert i18n.current() == "en" and kiosk.start.search.placeholderText() == "Search the documents…"
    finally:
        kiosk.unlocked = True
        kiosk.shutdown()
        kiosk.close()


def test_the_shipped_translation_is_complete_and_compiled(tmp_path):
    """The .ts holds every string the code has (a fresh extraction adds nothing), each translated, and
    the .qm beside it is what lrelease makes of it."""
    tools = Path(sys.executable).parent
    lupdate, lrelease = tools / "pyside6-lupdate", tools / "pyside6-lrelease"
    if not lupdate.exists() or not lrelease.exists():
        pytest.skip("PySide6's lupdate/lrelease are not installed here")
    ts = tmp_path / "check_ru.ts"
    shutil.copy(i18n.ts_path("ru"), ts)
    sources = sorted(str(p) for p in Path(i18n.__file__).parent.rglob("*.py"))
    subprocess.run(
        [str(lupdate), "-no-obsolete", "-locations", "none", *sources, "-ts", str(ts)], check=True, capture_output=True
    )
    text = ts.read_text("utf-8")
    assert 'type="unfinished"' not in text and 'type="obsolete"' not in text and 'type="vanished"' not in text
    assert text == i18n.ts_path("ru").read_text("utf-8"), "run: python -m viewer.gui.i18n"
    qm = tmp_path / "check_ru.qm"
    subprocess.run([str(lrelease), str(ts), "-qm", str(qm)], check=True, capture_output=True)
    assert qm.read_bytes() == i18n.qm_path("ru").read_bytes(), "run: python -m viewer.gui.i18n"


def test_the_screenshot_command_speaks_russian_with_lang(seeded, tmp_path, screenshots):
    """``archive-viewer --lang ru screenshot`` and ``screenshot --lang ru``: the picture is 1024 wide
    and its menu bar reads in Russian (the Russian picture differs from the English one)."""
    import os

    from PySide6.QtGui import QImage

    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", ARCHIVE_VIEWER_SETTINGS=str(tmp_path / "settings.ini"))
    pictures = {}
    for name, lang in (("en", []), ("ru", ["--lang", "ru"])):
        out = tmp_path / f"{name}.png"
        command = [sys.executable, "-m", "viewer", "--db", str(seeded.path), *lang, "screenshot", str(out)]
        result = subprocess.run([*command, "--size", "1024x600"], capture_output=True, text=True, timeout=120, env=env)
        assert result.returncode == 0, result.stderr
        pictures[name] = QImage(str(out))
    assert (pictures["ru"].width(), pictures["ru"].height()) == (1024, 600)
    menu_bar = (0, 0, 400, 20)
    assert pictures["ru"].copy(*menu_bar) != pictures["en"].copy(*menu_bar)
    pictures["ru"].save(str(screenshots / "window-ru-command-1024x600.png"))
