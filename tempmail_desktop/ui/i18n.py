"""Languages: English (source) and Simplified Chinese, following the system
locale unless the user chose one in the settings."""

from __future__ import annotations

import logging

from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator
from PySide6.QtWidgets import QApplication

from ..core import log_names
from ..assets import TRANSLATIONS

log = logging.getLogger(log_names.UI)

LANGUAGES = {"en": "English", "zh_CN": "简体中文"}
_installed: list[QTranslator] = []


def resolve_language(choice: str) -> str:
    if choice in LANGUAGES:
        return choice
    name = QLocale.system().name()  # e.g. zh_CN, en_US
    return "zh_CN" if name.startswith("zh") else "en"


def install_translators(app: QApplication, choice: str) -> str:
    """Install our and Qt's own translations; returns the language in use."""
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    language = resolve_language(choice)
    # Dates and numbers follow the chosen language too, not only the words.
    QLocale.setDefault(QLocale.system() if choice == "system" else QLocale(language))
    if language == "en":
        return language
    ours = QTranslator(app)
    if ours.load(str(TRANSLATIONS / f"tempmail_{language}.qm")):
        app.installTranslator(ours)
        _installed.append(ours)
    else:
        log.warning("translation %s is missing", language)
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    qt_base = QTranslator(app)
    if qt_base.load(f"qtbase_{language}", qt_dir):
        app.installTranslator(qt_base)
        _installed.append(qt_base)
    return language
