"""Language switching at run time and a font that can show Chinese.

Installing or removing a QTranslator makes Qt send ``LanguageChange`` to every
widget, whose ``retranslate_ui()`` then redraws its text: no restart needed.
English is the source language, so English means "no translators installed".
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

from console.paths import resource_path

__all__ = [
    "CJK_FAMILIES",
    "LANGUAGES",
    "choose_cjk_font",
    "current_language",
    "install_language",
    "normalise_language",
    "system_language",
]

logger = logging.getLogger(__name__)

LANGUAGES: tuple[str, ...] = ("zh", "en")
"""Languages the console ships, as accepted by :func:`install_language`."""

CJK_FAMILIES: tuple[str, ...] = (
    "Noto Sans CJK SC",
    "Source Han Sans SC",
    "WenQuanYi Micro Hei",
    "Microsoft YaHei",
    "PingFang SC",
)
"""Font families able to render Simplified Chinese, most preferred first."""

CATALOGUE = "console_zh_CN.qm"


class _LanguageState:
    """What :func:`install_language` installed last, so it can be undone."""

    def __init__(self) -> None:
        # Unparented translators: this list owns them, so one that fails to load
        # leaves nothing behind.
        self.translators: list[QTranslator] = []
        self.current = "en"


_state = _LanguageState()


def normalise_language(lang: str) -> str:
    """Map "zh", "zh_CN", "zh-Hans", "EN", "en_GB"... to "zh" or "en".

    Raises ``ValueError`` for any other language.
    """
    code = lang.strip().lower().replace("-", "_")
    for known in LANGUAGES:
        if code == known or code.startswith(known + "_"):
            return known
    raise ValueError(f"unsupported language {lang!r}; choose one of {', '.join(LANGUAGES)}")


def current_language() -> str:
    """The language last installed ("zh" or "en")."""
    return _state.current


def system_language() -> str:
    """Return "zh" when the operating system's locale is Chinese, else "en"."""
    if QLocale.system().language() == QLocale.Language.Chinese:
        return "zh"
    return "en"


def _load(translator: QTranslator, name: str, directory: str) -> bool:
    if translator.load(name, directory):
        return True
    logger.warning("translation catalogue %s not found in %s", name, directory)
    return False


def install_language(app: QCoreApplication, lang: str) -> None:
    """Make ``lang`` ("zh" or "en") the user-interface language of ``app``.

    Removes translators installed earlier, loads our catalogue and Qt's own
    (standard dialogs, context menus) for Chinese, and sets the default QLocale
    so numbers and dates follow the language.
    """
    language = normalise_language(lang)
    for translator in _state.translators:
        app.removeTranslator(translator)
    _state.translators.clear()

    if language == "zh":
        QLocale.setDefault(QLocale(QLocale.Language.Chinese, QLocale.Country.China))
        ours = QTranslator()
        if _load(ours, CATALOGUE, str(resource_path("i18n"))):
            _state.translators.append(ours)
        qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        qtbase = QTranslator()
        if _load(qtbase, "qtbase_zh_CN.qm", qt_dir):
            _state.translators.append(qtbase)
        for translator in _state.translators:
            app.installTranslator(translator)
    else:
        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom))
    _state.current = language
    logger.info("user-interface language: %s", language)


def choose_cjk_font(app: QApplication) -> str | None:
    """Use the first installed CJK-capable family, keeping the default size.

    Returns the family chosen, or ``None`` when none is installed (Chinese text
    then falls back to whatever the platform finds, often empty boxes on Linux).
    """
    installed = set(QFontDatabase.families())
    for family in CJK_FAMILIES:
        if family in installed:
            font = QFont(app.font())
            font.setFamilies([family])
            app.setFont(font)
            return family
    logger.info("no CJK font found; install e.g. fonts-noto-cjk to show Chinese")
    return None
