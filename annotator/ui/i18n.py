"""The interface language: our French catalogue and Qt's own, chosen from the settings.

Strings in the widgets go through ``tr()`` (or ``QCoreApplication.translate``); the
catalogue is resources/i18n/annotator_fr.ts, compiled to annotator_fr.qm with
``pyside6-lrelease`` (see resources/i18n/README.md). English is the source language.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from annotator.paths import resource_dir
from annotator.services.messages import translated

LANGUAGES = ("en", "fr")
_installed: list[QTranslator] = []
_language = ["en"]


def QT_TRANSLATE_NOOP(context: str, source: str) -> str:  # noqa: N802 (the name lupdate reads)
    """Mark a module-level string for the catalogue; translate it where it is shown.

    PySide6's own QT_TRANSLATE_NOOP returns ``object`` for mypy; this one returns the str.
    """
    return source


def interface_language(choice: str) -> str:
    """The language to show: the setting, else the system's if we have it, else English."""
    if choice in LANGUAGES:
        return choice
    system = QLocale.system().name().split("_")[0]
    return system if system in LANGUAGES else "en"


def install_translations(app: QCoreApplication, choice: str) -> str:
    """Load the catalogues for the chosen language into the application; returns it."""
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    language = interface_language(choice)
    _language[0] = language
    if language == "en":
        return language
    qt = QTranslator(app)
    if qt.load(f"qtbase_{language}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        app.installTranslator(qt)
        _installed.append(qt)
    ours = QTranslator(app)
    if ours.load(f"annotator_{language}", str(resource_dir() / "i18n")):
        app.installTranslator(ours)
        _installed.append(ours)
    return language


def service_text(text: str) -> str:
    """A message or title made by a service, in the interface's language (Qt-free catalogue)."""
    return translated(text, _language[0])
