"""The notice shown when the database file disappears or is replaced under the console.

Writes are refused from that moment (the data layer says so with
``db.file_missing`` / ``db.file_replaced``); the notice explains what happened
and what to do, and offers to quit or to keep the window open to read what
is still on screen. It is window-modal but never blocks the event loop, so
the live view and the tests go on.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import QMessageBox, QWidget

from console.core.errors import DomainError
from console.ui.labels import error_text

__all__ = ["DatabaseLostNotice"]


class DatabaseLostNotice(QMessageBox):
    """Says the database file is gone (or replaced), why nothing more is saved, what to do."""

    sig_quit_requested = Signal()
    """Emitted when the user chooses to quit the console."""

    sig_rescue_requested = Signal()
    """Emitted when the user asks for a rescue copy of what the console still reaches."""

    def __init__(
        self, problem: DomainError, parent: QWidget | None = None, *, can_rescue: bool = False
    ) -> None:
        super().__init__(parent)
        self.setObjectName("databaseLostNotice")
        self.setIcon(QMessageBox.Icon.Critical)
        # The text names a file path, which may hold anything: never render it as HTML.
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.problem = problem
        # Qt refuses a button without a title: the texts are set again in retranslate_ui().
        self.rescue_button = (
            self.addButton("…", QMessageBox.ButtonRole.ActionRole) if can_rescue else None
        )
        self.quit_button = self.addButton("…", QMessageBox.ButtonRole.DestructiveRole)
        self.keep_button = self.addButton("…", QMessageBox.ButtonRole.RejectRole)
        self.setDefaultButton(self.keep_button)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.buttonClicked.connect(self._on_clicked)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        """Set every text in the current language."""
        missing = self.problem.code == "db.file_missing"
        self.setWindowTitle(
            self.tr("Database file is missing")
            if missing
            else self.tr("Database file was replaced")
        )
        self.setText(error_text(self.problem))
        advice = self.tr(
            "Saving is stopped so that no call is reported as saved when it is not. "
            "Write down the calls you are taking, restore the database from the "
            "latest backup (roadside-console restore BACKUP) and start the console "
            "again. Other workstations on the same file are affected too."
        )
        if self.rescue_button is not None:
            advice = self.tr(
                "Saving is stopped so that no call is reported as saved when it is not. "
                "This console still reaches the lost database: save a rescue copy first "
                "(it holds everything saved up to now), then restore it with "
                "roadside-console restore COPY and start the console again. Other "
                "workstations on the same file are affected too."
            )
            self.rescue_button.setText(self.tr("Save a rescue copy…"))
        self.setInformativeText(advice)
        self.quit_button.setText(self.tr("Quit the console"))
        self.keep_button.setText(self.tr("Keep the window open (read only)"))

    def changeEvent(self, event: QEvent) -> None:
        """Follow a language switch."""
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def _on_clicked(self, button: object) -> None:
        if button is self.quit_button:
            self.sig_quit_requested.emit()
        elif button is not None and button is self.rescue_button:
            self.sig_rescue_requested.emit()
