"""The sign-in dialog shown before the console opens (and after Sign out).

It talks to a :class:`~console.core.accounts.SignInGate` only: the gate checks
the password, counts failures and writes the ledger. On the embedded demo
database the demo accounts are listed with a DEMO badge and their password,
and the demo dispatcher is filled in, so a first start is one key press.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QFrame,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from console.core.accounts import DemoAccount, SignInGate
from console.core.errors import DomainError
from console.core.roles import Principal
from console.core.vocab import Role
from console.ui.i18n import LANGUAGES, current_language, install_language
from console.ui.icons import colour
from console.ui.labels import error_text, label
from console.ui.screen_fit import fit_to_screen

__all__ = ["SignInDialog", "demo_badge_style"]

logger = logging.getLogger(__name__)

_LANGUAGE_NAMES = {"en": "English", "zh": "中文"}


def demo_badge_style() -> str:
    """The look of a DEMO badge: on amber, so nobody takes it for a real account."""
    return (
        f"background: {colour('warn').name()}; color: {colour('on_warn').name()};"
        " font-weight: bold;"
        " border-radius: 3px; padding: 1px 6px;"
    )


class SignInDialog(QDialog):
    """Asks for a user name and password; :attr:`principal` holds who signed in."""

    sig_language_changed = Signal(str)
    """The user picked another language here (carries "zh" or "en")."""

    def __init__(
        self,
        gate: SignInGate,
        workstation: str,
        *,
        username: str | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("signInDialog")
        self.setModal(True)
        self._gate = gate
        self._workstation = workstation
        self.principal: Principal | None = None
        """Who signed in, once the dialog was accepted."""
        self.demo_accounts: list[DemoAccount] = self._load_demo_accounts()

        self.heading = QLabel(self)
        self.heading.setObjectName("signInHeading")
        font = self.heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        self.heading.setFont(font)
        self.database = QLabel(self)
        self.database.setObjectName("signInDatabase")
        self.database.setWordWrap(True)
        self.database.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.username = QLineEdit(self)
        self.username.setObjectName("signInUsername")
        self.username.setMaxLength(64)
        self.password = QLineEdit(self)
        self.password.setObjectName("signInPassword")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setMaxLength(128)
        self.language = QComboBox(self)
        self.language.setObjectName("signInLanguage")
        for code in LANGUAGES:
            self.language.addItem(_LANGUAGE_NAMES[code], code)
        self.language.setCurrentIndex(max(0, self.language.findData(current_language())))
        self.language.currentIndexChanged.connect(self._on_language)
        self.message = QLabel(self)
        self.message.setObjectName("signInMessage")
        self.message.setWordWrap(True)
        self.message.setStyleSheet(f"color: {colour('danger').name()};")
        self.message.setVisible(False)

        self.form = QFormLayout()
        self.form_labels = [QLabel(self) for _ in range(3)]
        fields = (self.username, self.password, self.language)
        for text, field in zip(self.form_labels, fields, strict=True):
            text.setBuddy(field)
            self.form.addRow(text, field)

        self.demo_box = QFrame(self)
        self.demo_box.setObjectName("demoAccounts")
        self.demo_box.setFrameShape(QFrame.Shape.StyledPanel)
        demo_layout = QVBoxLayout(self.demo_box)
        self.demo_badge = QLabel(self.demo_box)
        self.demo_badge.setObjectName("demoBadge")
        self.demo_badge.setStyleSheet(demo_badge_style())
        self.demo_title = QLabel(self.demo_box)
        self.demo_title.setWordWrap(True)
        demo_layout.addWidget(self.demo_badge, 0, Qt.AlignmentFlag.AlignLeft)
        demo_layout.addWidget(self.demo_title)
        self.demo_buttons: dict[str, QPushButton] = {}
        for account in self.demo_accounts:
            button = QPushButton(self.demo_box)
            button.setObjectName(f"demo-{account.username}")
            button.setAutoDefault(False)
            button.clicked.connect(lambda _=False, a=account: self.fill(a.username, a.password))
            demo_layout.addWidget(button)
            self.demo_buttons[account.username] = button
        self.demo_box.setVisible(bool(self.demo_accounts))

        self.buttons = QDialogButtonBox(self)
        self.sign_in_button = self.buttons.addButton("", QDialogButtonBox.ButtonRole.AcceptRole)
        self.sign_in_button.setObjectName("signInButton")
        self.sign_in_button.setDefault(True)
        self.quit_button = self.buttons.addButton("", QDialogButtonBox.ButtonRole.RejectRole)
        self.buttons.accepted.connect(self.try_sign_in)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.database)
        layout.addSpacing(6)
        layout.addLayout(self.form)
        layout.addWidget(self.message)
        layout.addWidget(self.demo_box)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(520)

        self._prefill(username)
        self.retranslate_ui()
        fit_to_screen(self)

    # -- text ----------------------------------------------------------------------

    def retranslate_ui(self) -> None:
        """Set every string in the current language."""
        self.setWindowTitle(self.tr("Sign in"))
        self.heading.setText(self.tr("Roadside Assistance Dispatch Console"))
        labels = (self.tr("&User name"), self.tr("&Password"), self.tr("&Language"))
        for widget, text in zip(self.form_labels, labels, strict=True):
            widget.setText(text)
        self.database.setText(self.tr("Database: {url}").format(url=self._gate.describe()))
        self.sign_in_button.setText(self.tr("Sign in"))
        self.quit_button.setText(self.tr("Quit"))
        self.demo_badge.setText(self.tr("DEMO"))
        self.demo_title.setText(
            self.tr(
                "Demo database. These demo accounts are for trying the console, "
                "never for real calls. Click one to fill it in:"
            )
        )
        for account in self.demo_accounts:
            self.demo_buttons[account.username].setText(
                self.tr("{role}: {username} / password {password}").format(
                    role=label(account.role), username=account.username, password=account.password
                )
            )

    def changeEvent(self, event: QEvent) -> None:
        """Re-translate on a language switch."""
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    # -- behaviour -----------------------------------------------------------------

    def fill(self, username: str, password: str = "") -> None:
        """Put ``username`` (and ``password``) in the form, ready to press Enter."""
        self.username.setText(username)
        self.password.setText(password)
        (self.password if not password else self.sign_in_button).setFocus()

    def try_sign_in(self) -> None:
        """Ask the gate; accept on success, else say why and clear the password."""
        try:
            principal = self._gate.sign_in(
                self.username.text(), self.password.text(), self._workstation
            )
        except DomainError as exc:
            self.show_message(error_text(exc))
            self.password.clear()
            self.password.setFocus()
            return
        except Exception:  # an unreachable database must not close the console silently
            logger.warning("sign-in could not be checked", exc_info=True)
            self.show_message(self.tr("Sign-in could not be checked; the database may be down."))
            return
        self.password.clear()
        self.principal = principal
        self.accept()

    def show_message(self, text: str) -> None:
        """Show ``text`` in red above the buttons."""
        self.message.setText(text)
        self.message.setVisible(True)

    def _prefill(self, username: str | None) -> None:
        demo = {a.username: a for a in self.demo_accounts}
        if username:
            account = demo.get(username.strip().lower())
            self.fill(username, account.password if account else "")
            return
        first = next((a for a in self.demo_accounts if a.role is Role.DISPATCHER), None)
        if first is not None:
            self.fill(first.username, first.password)
        else:
            self.username.setFocus()

    def _load_demo_accounts(self) -> list[DemoAccount]:
        try:
            return self._gate.demo_accounts()
        except Exception:
            logger.warning("demo accounts could not be read", exc_info=True)
            return []

    def _on_language(self, index: int) -> None:
        code = self.language.itemData(index)
        app = QApplication.instance()
        if isinstance(code, str) and isinstance(app, QApplication):
            install_language(app, code)
            self.sig_language_changed.emit(code)
