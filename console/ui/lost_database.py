"""The question asked at start when a database that held data is missing.

The console used to load demo data wherever its file was missing, so a
deleted database was silently replaced by a fresh demo one. Now the start
asks: create a new database there, or quit (and restore the lost one first).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from console.ui.i18n import choose_cjk_font, install_language
from console.ui.web_sandbox import allow_web_engine_as_root

__all__ = ["LostDatabaseDialog", "ask_new_database"]


class LostDatabaseDialog(QMessageBox):
    """Names the missing database and offers a new database there, or quitting."""

    def __init__(self, path: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("lostDatabaseDialog")
        self.setIcon(QMessageBox.Icon.Warning)
        # The text names a file path, which may hold anything: never render it as HTML.
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.path = path
        # Qt refuses a button without a title: the texts are set again in retranslate_ui().
        self.create_button = self.addButton("…", QMessageBox.ButtonRole.AcceptRole)
        self.quit_button = self.addButton("…", QMessageBox.ButtonRole.RejectRole)
        self.setDefaultButton(self.quit_button)
        self.setEscapeButton(self.quit_button)
        self.retranslate_ui()

    @property
    def chose_new_database(self) -> bool:
        """True when the user asked for a new database."""
        return self.clickedButton() is self.create_button

    def retranslate_ui(self) -> None:
        """Set every text in the current language."""
        self.setWindowTitle(self.tr("Database missing"))
        self.setText(
            self.tr("The database {path} held data before and is now missing or empty.").format(
                path=self.path
            )
        )
        self.setInformativeText(
            self.tr(
                "If it was deleted or moved by mistake, quit and restore it from the latest "
                "backup (roadside-console restore BACKUP). A new database starts empty, "
                "with demo data only."
            )
        )
        self.create_button.setText(self.tr("Create a new database"))
        self.quit_button.setText(self.tr("Quit"))

    def changeEvent(self, event: QEvent) -> None:
        """Follow a language switch."""
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)


def ask_new_database(path: Path, *, language: str | None, argv: list[str]) -> bool:
    """Ask (before the sign-in) whether to create a new database where ``path`` was lost."""
    from console.ui.app import APPLICATION_NAME, ORGANISATION_NAME, resolve_language
    from console.ui.settings_store import open_settings

    allow_web_engine_as_root()  # before the application exists, as the console start does
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(argv)
    app.setApplicationName(APPLICATION_NAME)
    app.setOrganizationName(ORGANISATION_NAME)
    choose_cjk_font(app)
    install_language(app, resolve_language(language, open_settings()))
    dialog = LostDatabaseDialog(path)
    dialog.exec()
    return dialog.chose_new_database
