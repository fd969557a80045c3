"""The screenshot set of issue 18: the main window on a real multi-language archive (the five seeds
of ../shared/seeds and the real pages of tests/data/real, in Russian, English, Chinese and Korean,
through the real importer) at 1024×600, 1280×800 and 1920×1080, side by side for seed 004, a
search, the timeline over several years, the Russian interface and the kiosk example.

The PNGs go to tests/screenshots/set-*.png (ignored by git) for people to look at; never compared
with anything. Each shot is checked for what a machine can see: the whole window is in the picture,
no widget is cut by the window's edge, no text is wider than its widget unless it carries a tooltip
(elided on purpose), and no text falls on a missing glyph (Qt's own font merging, fallbacks and all,
lays it out: a glyph index 0 is the box a reader would see).
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest
from PySide6.QtCore import QAbstractListModel, QCoreApplication, QModelIndex, QPoint, QRect, Qt
from PySide6.QtGui import QFont, QFontMetrics, QImage, QTextLayout
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QComboBox,
    QLabel,
    QLineEdit,
    QMenuBar,
    QPlainTextEdit,
    QPushButton,
    QStyle,
    QStyleOptionButton,
    QStyleOptionComboBox,
    QTabBar,
    QTextEdit,
    QWidget,
)

from viewer.core.importers.batch import import_all
from viewer.core.store import Archive
from viewer.gui.screenshot import grab
from viewer.gui.tasks import settle

from ..conftest import ROOT, SHARED
from .helpers import seed_id, shown
from .test_screen_sizes import outside

SEEDS = SHARED / "seeds"
REAL = ROOT / "tests" / "data" / "real"
SIZES = ((1024, 600), (1280, 800), (1920, 1080))
LINE_BREAKS = "\n\r\t\f\u2028\u2029"

pytestmark = pytest.mark.slow


# -- what a machine can see in a shot --------------------------------------------------------------


def missing_glyphs(text: str, font: QFont) -> list[str]:
    """The characters of ``text`` that ``font`` (with every fallback Qt would merge in) has no glyph
    for, each with the family Qt fell back to: Qt lays the text out as a widget would."""
    line_text = "".join(" " if ch in LINE_BREAKS else ch for ch in text)
    if not line_text.strip():
        return []
    layout = QTextLayout(line_text, font)
    layout.beginLayout()
    layout.createLine().setLineWidth(1e7)
    layout.endLayout()
    found = []
    flags = QTextLayout.GlyphRunRetrievalFlag
    for run in layout.glyphRuns(-1, -1, flags.RetrieveGlyphIndexes | flags.RetrieveStringIndexes):
        absent = [line_text[i] for i, glyph in zip(run.stringIndexes(), run.glyphIndexes(), strict=True) if not glyph]
        found += [f"U+{ord(ch):04X} {ch!r} ({run.rawFont().familyName()})" for ch in dict.fromkeys(absent)]
    return found


def seen(widget: QWidget) -> bool:
    return widget.isVisible() and widget.width() > 0 and not widget.visibleRegion().isEmpty()


def name(widget: QWidget) -> str:
    return widget.objectName() or type(widget).__name__


def cells(view: QAbstractItemView) -> Iterator[tuple[QRect, object]]:
    """The cells of a view that are on screen: their rectangle and index."""
    model, area, top = view.model(), view.viewport().rect(), QModelIndex()
    columns = 1 if isinstance(model, QAbstractListModel) else model.columnCount(top)  # private on a list model
    for row in range(min(model.rowCount(top), 500)):
        for column in range(columns):
            index = model.index(row, column)
            rect = view.visualRect(index)
            if rect.isValid() and rect.intersects(area):
                yield rect, index


def texts(window: QWidget) -> list[tuple[str, str, QFont]]:
    """Every text the window shows: (where, text, font)."""
    found = [("window title", window.windowTitle(), window.font())]
    for widget in [window, *window.findChildren(QWidget)]:
        if not seen(widget):
            continue
        where = name(widget)
        if isinstance(widget, QAbstractButton) or (
            isinstance(widget, QLabel) and widget.textFormat() != Qt.TextFormat.RichText
        ):
            found.append((where, widget.text(), widget.font()))
        elif isinstance(widget, QLineEdit):
            found.append((where, widget.text() or widget.placeholderText(), widget.font()))
        elif isinstance(widget, QComboBox):
            found.append((where, widget.currentText(), widget.font()))
        elif isinstance(widget, QTabBar):
            found += [(where, widget.tabText(i), widget.font()) for i in range(widget.count())]
        elif isinstance(widget, QMenuBar):
            found += [(where, action.text().replace("&", ""), widget.font()) for action in widget.actions()]
        elif isinstance(widget, (QTextEdit, QPlainTextEdit)):
            found.append((where, widget.toPlainText(), widget.document().defaultFont()))
        elif isinstance(widget, QAbstractItemView) and widget.model() is not None:
            for _rect, index in cells(widget):
                value = index.data(Qt.ItemDataRole.DisplayRole)
                if isinstance(value, str):
                    font = index.data(Qt.ItemDataRole.FontRole) or widget.font()
                    found.append((f"{where}[{index.row()},{index.column()}]", value, font))
    timeline = getattr(window, "timeline", None)
    if timeline is not None and seen(timeline):
        labelled = [m for m in timeline.markers if m.id in timeline.labelled]
        found += [("timeline label", timeline.label_text(m), timeline.font()) for m in labelled]
    return found


def tofu(window: QWidget) -> list[str]:
    return [
        f"{where}: {text[:60]!r} lacks {', '.join(missing)}"
        for where, text, font in texts(window)
        if (missing := missing_glyphs(text, font))
    ]


def clipped(window: QWidget) -> list[str]:
    """Texts wider (or, wrapped, taller) than their widget that carry no tooltip to read them whole."""
    found = []
    for widget in window.findChildren(QWidget):
        if not seen(widget) or widget.toolTip():
            continue
        where = name(widget)
        if isinstance(widget, QLabel) and widget.text() and widget.textFormat() != Qt.TextFormat.RichText:
            if widget.wordWrap():
                need = widget.heightForWidth(widget.width())
                if need > widget.height():
                    found.append(f"{where} {widget.text()[:40]!r}: {widget.height()} px high, needs {need}")
            elif widget.sizeHint().width() > widget.width():
                found.append(f"{where} {widget.text()!r}: {widget.width()} px wide, needs {widget.sizeHint().width()}")
        elif isinstance(widget, QPushButton) and widget.text():
            option = QStyleOptionButton()
            widget.initStyleOption(option)
            room = widget.style().subElementRect(QStyle.SubElement.SE_PushButtonContents, option, widget).width()
            need = widget.fontMetrics().horizontalAdvance(widget.text().replace("&", ""))
            need += widget.iconSize().width() + 4 if not widget.icon().isNull() else 0
            if need > room:
                found.append(f"button {where} {widget.text()!r}: {room} px for its text, needs {need}")
        elif isinstance(widget, QComboBox) and widget.currentText() and not widget.isEditable():
            option = QStyleOptionComboBox()
            widget.initStyleOption(option)
            field = QStyle.SubControl.SC_ComboBoxEditField
            room = widget.style().subControlRect(QStyle.ComplexControl.CC_ComboBox, option, field, widget).width()
            need = widget.fontMetrics().horizontalAdvance(widget.currentText())
            if need > room:
                found.append(f"combo {where} {widget.currentText()!r}: {room} px for its text, needs {need}")
        elif isinstance(widget, QAbstractButton) and widget.text():
            if widget.sizeHint().width() > widget.width():
                found.append(f"{where} {widget.text()!r}: {widget.width()} px wide, needs {widget.sizeHint().width()}")
        elif isinstance(widget, QTabBar):
            metrics = widget.fontMetrics()
            for i in range(widget.count()):
                if metrics.horizontalAdvance(widget.tabText(i)) > widget.tabRect(i).width():
                    found.append(f"tab {widget.tabText(i)!r}: {widget.tabRect(i).width()} px wide")
        elif isinstance(widget, QAbstractItemView) and widget.model() is not None:
            for rect, index in cells(widget):
                value = index.data(Qt.ItemDataRole.DisplayRole)
                font = index.data(Qt.ItemDataRole.FontRole) or widget.font()
                if not isinstance(value, str) or index.data(Qt.ItemDataRole.ToolTipRole):
                    continue
                if QFontMetrics(font).horizontalAdvance(value.split("\n")[0]) + 8 > rect.width():
                    found.append(f"{where}[{index.row()},{index.column()}] {value[:40]!r}: {rect.width()} px wide")
    return found


def on_screen(widget: QWidget, window: QWidget) -> QRect:
    """The part of a widget its ancestors let show, in the window's coordinates."""
    rect = QRect(widget.mapTo(window, QPoint(0, 0)), widget.size())
    parent = widget.parentWidget()
    while parent is not None and parent is not window:
        rect &= QRect(parent.mapTo(window, QPoint(0, 0)), parent.size())
        parent = parent.parentWidget()
    return rect


def overlapping(window: QWidget) -> list[str]:
    """Controls drawn over one another (a button over a search field), neither inside the other."""
    kinds = (QAbstractButton, QLineEdit, QComboBox, QTabBar)
    controls = [
        (widget, on_screen(widget, window))
        for widget in window.findChildren(QWidget)
        if seen(widget)
        and (isinstance(widget, kinds) or (isinstance(widget, QLabel) and widget.text()))
        and not isinstance(widget.parentWidget(), kinds)  # a part of a control: the clear button of a field
    ]
    found = []
    for n, (one, first) in enumerate(controls):
        for other, second in controls[n + 1 :]:
            if one.isAncestorOf(other) or other.isAncestorOf(one):
                continue
            common = first & second
            if common.width() > 1 and common.height() > 1:
                found.append(f"{name(one)} and {name(other)} overlap at {common}")
    return found


def checked_shot(window: QWidget, size: tuple[int, int], path: Path) -> None:
    """Grab the window once its work is done, check the picture and the widgets, save the PNG."""
    if hasattr(window, "panel"):
        pixmap = grab(window)
    else:  # the kiosk
        settle(window.runner)
        pixmap = window.grab()
    pixmap.save(str(path))
    assert (pixmap.width(), pixmap.height()) == size, path.name
    assert outside(window) + clipped(window) + overlapping(window) + tofu(window) == [], path.name


# -- the archive and the windows ------------------------------------------------------------------


@pytest.fixture(scope="module")
def multilingual(tmp_path_factory) -> Path:
    """The seeds and the real pages in one archive, imported once for the module."""
    if not SEEDS.is_dir():
        pytest.skip(f"{SEEDS} is not here: the shared seeds come with the project's working folder")
    folder = tmp_path_factory.mktemp("pages")
    shutil.copytree(SEEDS, folder / "seeds", ignore=shutil.ignore_patterns("*.md"))
    shutil.copytree(REAL, folder / "real", ignore=shutil.ignore_patterns("*.toml"))
    path = folder.parent / "multilingual.db"
    with Archive(path) as archive:
        summary = import_all(archive, [folder])
        assert summary.count("imported") == len(list(folder.rglob("*.txt"))), summary.results
        ids = [i for window in archive.selected_ids() for i in window]
        languages = {record.original_language for record in map(archive.record, ids) if record}
    assert {"Russian", "Chinese", "Korean"} <= languages
    return path


@pytest.fixture
def open_window(qtbot, multilingual, settings):
    made = []

    def open_one(size: tuple[int, int]):
        from viewer.gui.main_window import MainWindow

        window = shown(qtbot, MainWindow(multilingual, settings=settings, restore=False), size)
        qtbot.waitUntil(lambda: (window.width(), window.height()) == size)
        made.append(window)
        return window

    yield open_one
    for window in made:
        window.runner.wait(5000)


# -- the shots -------------------------------------------------------------------------------------


def test_the_checks_see_a_box_and_a_cut_text(qtbot):
    """The checks themselves: a character no font has; a button, a label and a choice too narrow
    for their words, and drawn over one another."""
    assert missing_glyphs("Сталин 斯大林 스탈린 毛泽东 № «»", QFont()) == []
    assert missing_glyphs("a\ue000b", QFont())  # a private-use character: a box
    holder = QWidget()
    button = QPushButton("A button with a long caption", holder)
    label = QLabel("A label with a long text", holder)
    combo = QComboBox(holder)
    combo.addItem("A choice with a long name")
    shown(qtbot, holder, (300, 120))
    for row, widget in enumerate((button, label, combo)):
        widget.setGeometry(0, 40 * row, 60, 30)
    assert len(clipped(holder)) == 3 and overlapping(holder) == []
    combo.move(30, 20)  # over the button and the label
    assert len(overlapping(holder)) == 2
    label.setToolTip(label.text())  # elided on purpose, readable whole in its tooltip
    assert len(clipped(holder)) == 2


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_the_window_at_each_size(open_window, screenshots, size):
    window = open_window(size)
    window.open_document(seed_id(window.archive, "004"))
    window.panel.show_tab("transcript")
    checked_shot(window, size, screenshots / f"set-window-{size[0]}x{size[1]}.png")


def test_the_screenshot_command_at_1024_by_600(multilingual, screenshots):
    """``archive-viewer screenshot --size 1024x600``: the whole window, 1024 pixels wide."""
    from click.testing import CliRunner

    from viewer.cli import main

    out = screenshots / "set-command-zh-1024x600.png"
    command = ["--db", str(multilingual), "screenshot", str(out), "--size", "1024x600", "--doc", "zh_yenke"]
    result = CliRunner().invoke(main, [*command, "--tab", "transcript"])
    assert result.exit_code == 0, result.output
    image = QImage(str(out))
    assert (image.width(), image.height()) == (1024, 600)


@pytest.mark.parametrize("key", ("zh_marxist", "ko_nkd_stalin_kim"))
def test_chinese_and_korean_documents(open_window, screenshots, key):
    window = open_window((1280, 800))
    window.open_document(seed_id(window.archive, key))
    window.panel.show_tab("transcript")
    assert window.panel.record.key.startswith(key)
    checked_shot(window, (1280, 800), screenshots / f"set-{key.split('_')[0]}-1280x800.png")


@pytest.mark.parametrize("size", ((1024, 600), (1280, 800)), ids=lambda s: f"{s[0]}x{s[1]}")
def test_side_by_side_for_seed_004(open_window, screenshots, size):
    window = open_window(size)
    window.open_document(seed_id(window.archive, "004"))
    window.registry["side_by_side"].trigger()
    window.panel.show_tab("transcript")
    checked_shot(window, size, screenshots / f"set-side-by-side-004-{size[0]}x{size[1]}.png")


def test_the_timeline_over_several_years(open_window, screenshots):
    window = open_window((1280, 800))
    window.open_document(seed_id(window.archive, "dv_moskovsky_kim_1962"))
    window.timeline.fit_all()
    first, last = window.archive.date_span()
    assert int(last[:4]) - int(first[:4]) >= 20
    window.timeline.grab()
    assert window.timeline.current_id in window.timeline.labelled
    assert any(" 19" in window.timeline.label_text(m) for m in window.timeline.markers)  # labels carry the year
    checked_shot(window, (1280, 800), screenshots / "set-timeline-years-1280x800.png")


def test_a_search_with_snippets(qtbot, open_window, screenshots):
    """A search for Mao over the four languages: the list holds the hits, each row a snippet line
    with the hit marked (drawn in the same fonts, so checked for boxes too), the text marks them."""
    from viewer.gui import roles

    snippet_role = getattr(roles, "SNIPPET_ROLE", None)
    window = open_window((1280, 800))
    window.filter_bar.set_query("Mao")
    window.open_document(seed_id(window.archive, "004"))
    window.panel.show_tab("translation")
    model = window.model
    assert 0 < model.rowCount() < window.archive.count()
    assert snippet_role is not None, "the list shows a snippet line while searching (issue 18)"
    title = next(c for c in range(model.columnCount()) if model.headerData(c, Qt.Orientation.Horizontal) == "Title")

    def snippets() -> list[tuple[str, list[tuple[int, int]]]]:
        found = (model.index(row, title).data(snippet_role) for row in range(min(model.rowCount(), 8)))
        return [snippet for snippet in found if snippet]

    qtbot.waitUntil(lambda: len(snippets()) >= min(model.rowCount(), 8), timeout=10000)
    checked_shot(window, (1280, 800), screenshots / "set-search-mao-1280x800.png")
    font = window.document_list.font()
    marked = []
    for text, hits in snippets():
        assert hits and all(0 <= start < end <= len(text) for start, end in hits), (text, hits)
        marked += [text[start:end] for start, end in hits]
        assert missing_glyphs(text, font) == [], text
    assert all(word.strip() for word in marked)
    assert all(word.lower().startswith(("mao", "мао", "毛")) for word in marked), marked  # his names, any script


def test_every_snippet_line_shows_a_hit(qtbot, open_window):
    from viewer.gui.list_snippets import fit_snippet
    from viewer.gui.roles import SNIPPET_ROLE

    window = open_window((1280, 800))
    window.filter_bar.set_query("Mao")
    model, view = window.model, window.document_list
    title = next(c for c in range(model.columnCount()) if model.headerData(c, Qt.Orientation.Horizontal) == "Title")
    rows = range(min(model.rowCount(), 8))
    qtbot.waitUntil(lambda: all(model.index(row, title).data(SNIPPET_ROLE) for row in rows), timeout=10000)
    advance = QFontMetrics(view.font()).horizontalAdvance
    width = view.columnWidth(title) - 8  # the delegate's margins
    hidden = []
    for row in rows:
        text, hits = model.index(row, title).data(SNIPPET_ROLE)
        if not fit_snippet(text, hits, width, advance)[1]:
            hidden.append(f"{model.index(row, 0).data()}: {text[:50]!r}")
    assert hidden == []


@pytest.mark.parametrize("size", ((1024, 600), (1280, 800)), ids=lambda s: f"{s[0]}x{s[1]}")
def test_the_russian_interface(open_window, screenshots, size):
    from viewer.gui import i18n

    assert i18n.install("ru") == "ru", f"no Russian translation to load ({i18n.qm_path('ru')})"
    if QCoreApplication.translate("Actions", "&File") == "&File":
        i18n.install(i18n.ENGLISH)
        pytest.fail("the Russian translation does not translate the File menu")
    try:
        window = open_window(size)
        window.open_document(seed_id(window.archive, "004"))
        window.panel.show_tab("translation")
        menus = [action.text().replace("&", "") for action in window.menuBar().actions()]
        assert all(any("а" <= ch.lower() <= "я" for ch in menu) for menu in menus), menus
        checked_shot(window, size, screenshots / f"set-russian-{size[0]}x{size[1]}.png")
    finally:
        i18n.install(i18n.ENGLISH)


@pytest.fixture
def example_kiosk(qtbot, tmp_path) -> Iterator:
    """resources/kiosk.example.toml as shipped (in a window instead of full screen) on archive.db."""
    from viewer.core.kiosk_config import load
    from viewer.gui.kiosk.window import KioskWindow

    shutil.copy(ROOT / "archive.db", tmp_path / "archive.db")
    config = load(ROOT / "resources" / "kiosk.example.toml")
    kiosk = KioskWindow(tmp_path / "archive.db", replace(config, fullscreen=False), clock=lambda: 0.0)
    try:
        yield shown(qtbot, kiosk, tuple(config.size))
    finally:
        kiosk.unlocked = True
        kiosk.shutdown()
        kiosk.runner.wait(5000)


def test_the_kiosk_example_on_the_bundled_archive(example_kiosk, screenshots):
    size = (example_kiosk.width(), example_kiosk.height())
    assert size == (1920, 1080)  # the example's own size
    assert not example_kiosk.is_out_of_order(), example_kiosk.out_of_order.cause
    checked_shot(example_kiosk, size, screenshots / "set-kiosk-example-1920x1080.png")


def test_the_kiosk_example_in_russian(example_kiosk, screenshots):
    """The visitor touches Русский: the kiosk speaks Russian at once."""
    from viewer.gui import i18n

    assert hasattr(example_kiosk, "language"), "the kiosk offers a language button (issue 18)"
    try:
        assert example_kiosk.language.switch("ru") == "ru"
        assert QCoreApplication.translate("Actions", "&File") != "&File", "the Russian translation is empty"
        assert example_kiosk.start.findChild(QPushButton, "kiosk_language").text() == "English"
        checked_shot(example_kiosk, (1920, 1080), screenshots / "set-kiosk-example-ru-1920x1080.png")
        assert any("а" <= ch <= "я" for ch in example_kiosk.start.search.placeholderText().lower())
    finally:
        example_kiosk.language.switch(i18n.ENGLISH)
