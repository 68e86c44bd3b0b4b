"""The per-user settings store (window state, language), reachable before the main window loads.

The sign-in reads the saved language from here, so it must not wait for the
main window's module (and everything it pulls in) to load.
"""

from __future__ import annotations

from PySide6.QtCore import QSettings

__all__ = ["LANGUAGE_KEY", "SETTINGS_APPLICATION", "SETTINGS_ORGANISATION", "open_settings"]

SETTINGS_ORGANISATION = "Roadside"
SETTINGS_APPLICATION = "Console"
LANGUAGE_KEY = "ui/language"


def open_settings() -> QSettings:
    """The per-user settings store of the console (window state, language)."""
    return QSettings(SETTINGS_ORGANISATION, SETTINGS_APPLICATION)
