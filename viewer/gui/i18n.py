"""The language of the interface: English (the source strings) or Russian (a shipped translation).

Every visible string goes through Qt's translation: ``self.tr(...)`` in QObject subclasses,
``QCoreApplication.translate(context, ...)`` elsewhere, so ``pyside6-lupdate`` finds them
(``python -m viewer.gui.i18n`` re-extracts ``resources/i18n/archive_viewer_ru.ts`` and compiles the
``.qm`` beside it). Qt's own ``qtbase_<lang>.qm`` from PySide6 translates the standard buttons and
the file dialogs. The language follows the system locale unless the person chose one (View ▸
Language, kept in the settings) or ``archive-viewer --lang`` overrides both for one run.

Counted phrases ("%n documents") sit in ``counts.py``; the core's sentences (review reasons, refused
files, export progress, history labels), made in English from ``core/messages.py``, are translated by
``messages.py``.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QSettings, QTranslator
from PySide6.QtGui import QActionGroup
from PySide6.QtWidgets import QMenu


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # the name lupdate looks for
    """Marks ``text`` for translation in ``context`` where it is declared (a table of English words);
    the code translates it where it is shown. Typed, unlike PySide's, which returns an object."""
    return text


ENGLISH = "en"
LANGUAGES: dict[str, str] = {"en": "English", "ru": "Русский"}  # each in its own language, as menus show them
SETTING = "interface/language"  # "" follows the system
I18N_DIR = Path(__file__).resolve().parent.parent / "resources" / "i18n"
DOMAIN = "archive_viewer"
_installed: list[QTranslator] = []
_current = ENGLISH


class Translated(dict[str, str]):
    """A table of English words (marked with QT_TRANSLATE_NOOP in ``context``) that hands each back
    in the interface's language, read at the moment it is asked (so a live switch shows at once)."""

    def __init__(self, context: str, words: dict[str, str]):
        super().__init__(words)
        self.context = context

    def __getitem__(self, key: str) -> str:
        return QCoreApplication.translate(self.context, super().__getitem__(key))

    def get(self, key: str, default: Any = None) -> Any:
        return self[key] if key in self else default  # noqa: SIM401 (self.get is this method)

    def values(self):
        return [self[key] for key in self]

    def items(self):
        return [(key, self[key]) for key in self]


def qm_path(language: str) -> Path:
    return I18N_DIR / f"{DOMAIN}_{language}.qm"


def ts_path(language: str) -> Path:
    return I18N_DIR / f"{DOMAIN}_{language}.ts"


def system_language() -> str:
    """The system locale's language when we have it, else English."""
    for name in QLocale.system().uiLanguages():
        code = name.replace("_", "-").split("-")[0].lower()
        if code in LANGUAGES:
            return code
    return ENGLISH


def chosen(settings: QSettings | None) -> str:
    """The language set in View ▸ Language ("" when the system's is followed)."""
    if settings is None:
        return ""
    value = str(settings.value(SETTING, "") or "")
    return value if value in LANGUAGES else ""


def choose(settings: QSettings, language: str) -> None:
    """Remember a language for the next start ("" to follow the system)."""
    settings.setValue(SETTING, language if language in LANGUAGES else "")
    settings.sync()


def resolve(override: str | None = None, settings: QSettings | None = None) -> str:
    """The language to use: the command line's, then the setting, then the system's."""
    if override in LANGUAGES:
        return override
    return chosen(settings) or system_language()


def current() -> str:
    return _current


def install(language: str) -> str:
    """Load the interface in ``language`` (English removes every translator); returns the language
    in effect. Widgets already built get a LanguageChange event; those that rebuild their texts on it
    (the kiosk) follow at once, the window at its next start."""
    global _current
    app = QCoreApplication.instance()
    if app is None:
        raise RuntimeError("install() needs a QCoreApplication")
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    _current = ENGLISH
    if language not in LANGUAGES or language == ENGLISH:
        return _current
    ours = QTranslator(app)
    if not ours.load(str(qm_path(language))):
        return _current
    qt_folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    qt_own = QTranslator(app)
    if qt_own.load(f"qtbase_{language}", qt_folder):  # OK, Cancel, the file dialogs
        app.installTranslator(qt_own)
        _installed.append(qt_own)
    app.installTranslator(ours)
    _installed.append(ours)
    _current = language
    return _current


# The labels of the document's fields (viewer/core/curation.py FIELDS), for the forms and lists
FIELD_LABELS = {
    "title": QT_TRANSLATE_NOOP("Fields", "Title"),
    "date": QT_TRANSLATE_NOOP("Fields", "Date"),
    "type": QT_TRANSLATE_NOOP("Fields", "Type"),
    "classification": QT_TRANSLATE_NOOP("Fields", "Classification"),
    "language": QT_TRANSLATE_NOOP("Fields", "Original language"),
    "sender": QT_TRANSLATE_NOOP("Fields", "Sender"),
    "recipient": QT_TRANSLATE_NOOP("Fields", "Recipient"),
    "signatory": QT_TRANSLATE_NOOP("Fields", "Signed"),
    "mentioned": QT_TRANSLATE_NOOP("Fields", "Mentioned"),
    "places": QT_TRANSLATE_NOOP("Fields", "Places"),
    "source": QT_TRANSLATE_NOOP("Fields", "Archival source"),
    "archival_refs": QT_TRANSLATE_NOOP("Fields", "Archival references"),
    "reference_numbers": QT_TRANSLATE_NOOP("Fields", "Reference numbers"),
    "links": QT_TRANSLATE_NOOP("Fields", "Links"),
    "url": QT_TRANSLATE_NOOP("Fields", "Address"),
    "summary": QT_TRANSLATE_NOOP("Fields", "Summary"),
    "citation": QT_TRANSLATE_NOOP("Fields", "Citation"),
    "credits": QT_TRANSLATE_NOOP("Fields", "Credits"),
    "rights": QT_TRANSLATE_NOOP("Fields", "Rights"),
    "note": QT_TRANSLATE_NOOP("Fields", "Note"),
    "transcript": QT_TRANSLATE_NOOP("Fields", "Transcript"),
    "translation": QT_TRANSLATE_NOOP("Fields", "Translation"),
    "notes": QT_TRANSLATE_NOOP("Fields", "Notes"),
}


def field_label(name: str, english: str = "") -> str:
    """A field's label in the interface's language (``english``, the core's label, for a field not listed)."""
    label = FIELD_LABELS.get(name)
    return QCoreApplication.translate("Fields", label) if label else (english or name)


RELATION_LABELS = {
    "reply_to": QT_TRANSLATE_NOOP("Fields", "Reply to"),
    "continues": QT_TRANSLATE_NOOP("Fields", "Continues"),
    "related": QT_TRANSLATE_NOOP("Fields", "Related to"),
}
PRECISION_NAMES = {  # viewer/core/dates.py PRECISIONS
    "day": QT_TRANSLATE_NOOP("Fields", "day"),
    "month": QT_TRANSLATE_NOOP("Fields", "month"),
    "year": QT_TRANSLATE_NOOP("Fields", "year"),
    "unknown": QT_TRANSLATE_NOOP("Fields", "unknown"),
}


def field_list(names: list[str]) -> str:
    """ "title", "title and date", "title, date and sender" in the interface's language (change labels)."""
    labels = [field_label(name).lower() for name in names]
    if len(labels) <= 1:
        return "".join(labels)
    return QCoreApplication.translate("Fields", "{first} and {last}").format(
        first=", ".join(labels[:-1]), last=labels[-1]
    )


def relation_label(relation: str) -> str:
    """How a link between documents (reply_to, continues, related) is named."""
    words = RELATION_LABELS.get(relation)
    return QCoreApplication.translate("Fields", words) if words else relation.replace("_", " ").capitalize()


def precision_name(precision: str) -> str:
    name = PRECISION_NAMES.get(precision)
    return QCoreApplication.translate("Fields", name) if name else precision


# What the core's annotation operations call themselves (viewer/core/annotations.py), as Edit ▸ Undo shows it
OPERATIONS = (
    QT_TRANSLATE_NOOP("Operations", "Add highlight"),
    QT_TRANSLATE_NOOP("Operations", "Add note"),
    QT_TRANSLATE_NOOP("Operations", "Delete annotation"),
    QT_TRANSLATE_NOOP("Operations", "Edit note"),
    QT_TRANSLATE_NOOP("Operations", "Change colour"),
)


def operation_text(text: str) -> str:
    """An undoable operation's name in the interface's language (the curation steps are named in it
    already; the core's annotation operations are named in English)."""
    return QCoreApplication.translate("Operations", text) if text in OPERATIONS else text


def language_menu(window: Any) -> QMenu:
    """View ▸ Language: the system's, English or Русский, remembered in the window's settings and in
    effect from the next start (``archive-viewer --lang`` still wins for one run)."""
    menu = QMenu(QCoreApplication.translate("LanguageMenu", "&Language"), window)
    menu.setObjectName("menu_language")
    group = QActionGroup(menu)
    chosen_now = chosen(window.settings)
    for code, name in (("", QCoreApplication.translate("LanguageMenu", "System Default")), *LANGUAGES.items()):
        action = menu.addAction(name)
        action.setObjectName(f"action_language_{code or 'system'}")
        action.setCheckable(True)
        action.setChecked(code == chosen_now)
        group.addAction(action)

        def picked(_checked: bool = False, code: str = code) -> None:
            choose(window.settings, code)
            if resolve(None, window.settings) != current():
                window.statusBar().showMessage(
                    QCoreApplication.translate(
                        "LanguageMenu", "The new language takes effect when Archive Viewer starts again."
                    ),
                    10000,
                )

        action.triggered.connect(picked)
    view = window.findChild(QMenu, "menu_view")
    if view is not None:
        view.addSeparator()
        view.addMenu(menu)
    return menu


def regenerate(languages: tuple[str, ...] = ("ru",)) -> None:
    """Re-extract every string of viewer/gui into the .ts files and compile them into .qm (the
    translator's work in the .ts is kept; new strings come in unfinished)."""
    bin_dir = Path(sys.executable).parent
    sources = sorted(str(p) for p in (Path(__file__).resolve().parent).rglob("*.py"))
    for language in languages:
        ts = ts_path(language)
        subprocess.run(
            [str(bin_dir / "pyside6-lupdate"), "-no-obsolete", "-locations", "none", *sources, "-ts", str(ts)],
            check=True,
        )
        subprocess.run([str(bin_dir / "pyside6-lrelease"), str(ts), "-qm", str(qm_path(language))], check=True)


if __name__ == "__main__":
    regenerate()
