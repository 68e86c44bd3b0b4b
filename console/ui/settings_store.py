"""The per-user settings store (window state, language), reachable before the main window loads.

The sign-in reads the saved language from here, so it must not wait for the
main window's module (and everything it pulls in) to load.
"""

from __future__ import annotations

import contextlib
from pathlib import Path

from PySide6.QtCore import QSettings

from console.core.files import create_private_file, private_folder, tighten

__all__ = [
    "LANGUAGE_KEY",
    "SETTINGS_APPLICATION",
    "SETTINGS_ORGANISATION",
    "make_private",
    "open_settings",
]

SETTINGS_ORGANISATION = "Roadside"
SETTINGS_APPLICATION = "Console"
LANGUAGE_KEY = "ui/language"


def open_settings() -> QSettings:
    """The per-user settings store of the console (window state, language).

    Its folder is 0700 and its file 0600 (POSIX): it holds the intake draft,
    personal data. Qt rewrites the file through a temporary copy that keeps the
    existing file's mode, so creating it private once keeps it private.
    """
    settings = QSettings(SETTINGS_ORGANISATION, SETTINGS_APPLICATION)
    make_private(settings)
    return settings


def make_private(settings: QSettings) -> None:
    """Give the file behind ``settings`` mode 0600 in a 0700 folder (created if missing)."""
    if settings.format() not in {QSettings.Format.NativeFormat, QSettings.Format.IniFormat}:
        return
    path = Path(settings.fileName())
    if not path.is_absolute():
        return  # not a file (the registry on Windows)
    with contextlib.suppress(OSError):  # unwritable settings are Qt's to report (status())
        private_folder(path.parent)
        if not create_private_file(path):
            tighten(path)
