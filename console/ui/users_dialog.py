"""File ▸ Users…: an administrator adds accounts, resets passwords, disables and enables.

Talks to a :class:`~console.core.accounts.UserAdmin` only; every change is one
checked, ledgered service call, and a refused one is explained in the dialog.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from console.core.accounts import UserAdmin, UserRow
from console.core.errors import DomainError, ValidationError
from console.core.roles import PASSWORD_MAX
from console.core.vocab import Role
from console.ui.icons import colour
from console.ui.labels import error_text, label
from console.ui.plain_text import make_plain
from console.ui.record_list import message_line, record_table
from console.ui.screen_fit import fit_to_screen

__all__ = ["PasswordDialog", "UsersDialog"]

logger = logging.getLogger(__name__)


class PasswordDialog(QDialog):
    """Asks for a new account (name, display name, role) or only a new password, typed twice."""

    def __init__(self, *, new_account: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("passwordDialog")
        self._new_account = new_account
        self.username = QLineEdit(self)
        self.username.setMaxLength(64)
        self.display_name = QLineEdit(self)
        self.display_name.setMaxLength(100)
        self.role = QComboBox(self)
        for role in Role:
            self.role.addItem("", role.value)
        self.password = QLineEdit(self)
        self.repeat = QLineEdit(self)
        for field in (self.password, self.repeat):
            field.setEchoMode(QLineEdit.EchoMode.Password)
            field.setMaxLength(PASSWORD_MAX)
        self.message = QLabel(self)
        make_plain(self.message)
        self.message.setWordWrap(True)
        self.message.setStyleSheet(f"color: {colour('danger').name()};")
        self.message.setVisible(False)
        self.labels = [QLabel(self) for _ in range(5)]
        form = QFormLayout()
        rows: tuple[QWidget, ...] = (
            self.username,
            self.display_name,
            self.role,
            self.password,
            self.repeat,
        )
        for index, (text, row) in enumerate(zip(self.labels, rows, strict=True)):
            form.addRow(text, row)
            visible = new_account or index >= 3  # a reset asks only for the password
            text.setVisible(visible)
            row.setVisible(visible)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self._check)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        """Set every string in the current language."""
        self.setWindowTitle(self.tr("Add user") if self._new_account else self.tr("New password"))
        texts = (
            self.tr("User name"),
            self.tr("Display name"),
            self.tr("Role"),
            self.tr("Password"),
            self.tr("Repeat password"),
        )
        for widget, text in zip(self.labels, texts, strict=True):
            widget.setText(text)
        for index in range(self.role.count()):
            self.role.setItemText(index, label(Role(self.role.itemData(index))))

    def changeEvent(self, event: QEvent) -> None:
        """Re-translate on a language switch."""
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def chosen_role(self) -> Role:
        """The role picked for a new account."""
        return Role(self.role.currentData())

    def show_message(self, text: str) -> None:
        """Explain why the entry was not accepted."""
        self.message.setText(text)
        self.message.setVisible(True)

    def _check(self) -> None:
        if self.password.text() != self.repeat.text():
            self.show_message(error_text(ValidationError("password.mismatch", field="password")))
            return
        self.accept()


class UsersDialog(QDialog):
    """Every account with its role and state, and the administrator's actions on them."""

    COLUMNS = 4

    def __init__(self, admin: UserAdmin, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("usersDialog")
        self._admin = admin
        self._users: list[UserRow] = []
        self.table = record_table(self.COLUMNS, self)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self.message = message_line(self)
        self.add_button = QPushButton(self)
        self.reset_button = QPushButton(self)
        self.disable_button = QPushButton(self)
        self.close_button = QPushButton(self)
        self.add_button.clicked.connect(self.add_user)
        self.reset_button.clicked.connect(self.reset_password)
        self.disable_button.clicked.connect(self.toggle_disabled)
        self.close_button.clicked.connect(self.accept)
        buttons = QHBoxLayout()
        for button in (self.add_button, self.reset_button, self.disable_button):
            button.setAutoDefault(False)
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.message)
        layout.addLayout(buttons)
        self.resize(640, 360)
        fit_to_screen(self)
        self.ask: Callable[[bool], PasswordDialog | None] = self._ask
        """Opens the account / password form (tests replace it)."""
        self.retranslate_ui()
        self.reload()

    # -- text ----------------------------------------------------------------------

    def retranslate_ui(self) -> None:
        """Set every string in the current language."""
        self.setWindowTitle(self.tr("Users"))
        self.table.setHorizontalHeaderLabels(
            [self.tr("User name"), self.tr("Display name"), self.tr("Role"), self.tr("State")]
        )
        self.add_button.setText(self.tr("Add user…"))
        self.reset_button.setText(self.tr("Reset password…"))
        self.close_button.setText(self.tr("Close"))
        self._fill()

    def changeEvent(self, event: QEvent) -> None:
        """Re-translate on a language switch."""
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    # -- data ----------------------------------------------------------------------

    def reload(self) -> None:
        """Read the accounts again."""
        try:
            self._users = self._admin.users()
        except DomainError as exc:
            self.show_message(error_text(exc), error=True)
            self._users = []
        self._fill()

    def selected(self) -> UserRow | None:
        """The account of the selected row, if any."""
        rows = self.table.selectionModel().selectedRows()
        return self._users[rows[0].row()] if rows else None

    def select(self, username: str) -> None:
        """Select the row of ``username``."""
        for row, user in enumerate(self._users):
            if user.username == username:
                self.table.selectRow(row)

    def add_user(self) -> None:
        """Ask for a new account and create it."""
        form = self.ask(True)
        if form is None:
            return
        self._run(
            lambda: self._admin.add_user(
                form.username.text(),
                form.display_name.text(),
                form.chosen_role(),
                form.password.text(),
            ),
            self.tr("Added {user}."),
        )

    def reset_password(self) -> None:
        """Give the selected account a new password."""
        user = self.selected()
        if user is None:
            return
        form = self.ask(False)
        if form is None:
            return
        self._run(
            lambda: self._admin.reset_password(user.username, form.password.text()),
            self.tr("New password set for {user}."),
        )

    def toggle_disabled(self) -> None:
        """Disable the selected account, or enable it again."""
        user = self.selected()
        if user is None:
            return
        done = (
            self.tr("{user} can sign in again.") if user.disabled else self.tr("Disabled {user}.")
        )
        self._run(lambda: self._admin.set_disabled(user.username, not user.disabled), done)

    def show_message(self, text: str, *, error: bool) -> None:
        """Say what happened (red for a refusal)."""
        tone = colour("danger" if error else "ok").name()
        self.message.setStyleSheet(f"color: {tone};")
        self.message.setText(text)
        self.message.setVisible(True)

    # -- helpers -------------------------------------------------------------------

    def _run(self, change: Callable[[], UserRow], done: str) -> None:
        try:
            user = change()
        except DomainError as exc:
            self.show_message(error_text(exc), error=True)
            return
        self.reload()
        self.select(user.username)
        self.show_message(done.format(user=user.username), error=False)

    def _ask(self, new_account: bool) -> PasswordDialog | None:
        form = PasswordDialog(new_account=new_account, parent=self)
        return form if form.exec() == QDialog.DialogCode.Accepted else None

    def _fill(self) -> None:
        self.table.setRowCount(len(self._users))
        for row, user in enumerate(self._users):
            state = self.tr("Disabled") if user.disabled else self.tr("Active")
            if user.is_demo:
                state = self.tr("{state} · DEMO").format(state=state)
            cells = (user.username, user.display_name, label(user.role), state)
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
                self.table.setItem(row, column, item)
        self._update_buttons()

    def _update_buttons(self) -> None:
        user = self.selected()
        self.reset_button.setEnabled(user is not None)
        self.disable_button.setEnabled(user is not None)
        self.disable_button.setText(
            self.tr("Enable") if user is not None and user.disabled else self.tr("Disable")
        )
