"""File dialogs that open in the folder the user chose last time, per kind of file.

Qt's own (non-native) file dialog is used, so it speaks the console's language
(see :mod:`console.ui.qt_texts`) and looks the same on every desktop. Each kind
of file ("report", "table", "eido", "bill", "plan") keeps its own folder in QSettings.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QDir, QSettings
from PySide6.QtWidgets import QDialog, QFileDialog, QWidget

from console.ui.settings_store import open_settings

__all__ = ["FOLDER_KEY", "ask_open_path", "ask_save_path", "remembered_folder"]

FOLDER_KEY = "dialogs/{kind}/folder"
"""QSettings key of the last folder a dialog of one kind was answered in."""


def _settings(settings: QSettings | None) -> QSettings:
    return settings if settings is not None else open_settings()


def remembered_folder(kind: str, settings: QSettings | None = None) -> str:
    """The folder the last ``kind`` dialog saved to (the home folder at first)."""
    saved = _settings(settings).value(FOLDER_KEY.format(kind=kind), "")
    if isinstance(saved, str) and saved and Path(saved).is_dir():
        return saved
    return QDir.homePath()


def ask_save_path(
    parent: QWidget | None,
    kind: str,
    title: str,
    file_name: str,
    filters: str,
    *,
    settings: QSettings | None = None,
) -> Path | None:
    """Ask where to save ``file_name``; ``None`` when the user cancels.

    The dialog opens in the folder of the last ``kind`` save and remembers the
    chosen one for next time.
    """
    store = _settings(settings)
    dialog = QFileDialog(parent, title, remembered_folder(kind, store), filters)
    dialog.setObjectName(f"saveDialog_{kind}")
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    dialog.setFileMode(QFileDialog.FileMode.AnyFile)
    suffix = Path(file_name).suffix.lstrip(".")
    if suffix:
        dialog.setDefaultSuffix(suffix)
    dialog.selectFile(file_name)
    return _answer(dialog, kind, store)


def ask_open_path(
    parent: QWidget | None,
    kind: str,
    title: str,
    filters: str,
    *,
    settings: QSettings | None = None,
) -> Path | None:
    """Ask which existing file to open; ``None`` when the user cancels.

    Like :func:`ask_save_path`, the dialog opens in the folder of the last
    ``kind`` dialog and remembers the chosen one.
    """
    store = _settings(settings)
    dialog = QFileDialog(parent, title, remembered_folder(kind, store), filters)
    dialog.setObjectName(f"openDialog_{kind}")
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptOpen)
    dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
    return _answer(dialog, kind, store)


def _answer(dialog: QFileDialog, kind: str, store: QSettings) -> Path | None:
    """Run ``dialog``; the chosen path (its folder remembered for ``kind``) or None."""
    try:
        if dialog.exec() != QDialog.DialogCode.Accepted or not dialog.selectedFiles():
            return None
        chosen = Path(dialog.selectedFiles()[0])
    finally:
        dialog.deleteLater()
    store.setValue(FOLDER_KEY.format(kind=kind), str(chosen.parent))
    return chosen
