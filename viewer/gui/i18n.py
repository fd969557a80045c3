"""The language of the interface: English (the source strings) or Russian (a shipped translation).

Every visible string goes through Qt's translation: ``self.tr(...)`` in QObject subclasses,
``QCoreApplication.translate(context, ...)`` elsewhere, so ``pyside6-lupdate`` finds them
(``python -m viewer.gui.i18n`` re-extracts ``resources/i18n/archive_viewer_ru.ts`` and compiles the
``.qm`` beside it). Qt's own ``qtbase_<lang>.qm`` from PySide6 translates the standard buttons and
the file dialogs. The language follows the system locale unless the person chose one (View ▸
Language, kept in the settings) or ``archive-viewer --lang`` overrides both for one run.

Counted phrases ("%n documents") sit in :class:`Counts`: ``lupdate`` marks a phrase as having plural
forms only for ``tr()`` (not for ``translate()`` with a variable count), and PySide's ``tr()`` finds
plural forms only when called on the very class that holds the phrase, not a subclass.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QLibraryInfo, QLocale, QObject, QSettings, QTranslator

ENGLISH = "en"
LANGUAGES: dict[str, str] = {"en": "English", "ru": "Русский"}  # each in its own language, as menus show them
SETTING = "interface/language"  # "" follows the system
I18N_DIR = Path(__file__).resolve().parent.parent / "resources" / "i18n"
DOMAIN = "archive_viewer"
_installed: list[QTranslator] = []
_current = ENGLISH


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


class Counts(QObject):
    """Phrases with a number in them, each with its plural forms in the translation."""

    def documents(self, n: int) -> str:
        return self.tr("%n document(s)", "", n)

    def per_bar(self, n: int) -> str:
        """The timeline's histogram scale."""
        return self.tr("up to %n document(s) per bar", "", n)


def counts() -> Counts:
    return Counts()


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
