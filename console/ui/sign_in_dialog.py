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
from console.ui.background_call import BackgroundCall
from console.ui.i18n import LANGUAGES, current_language, install_language
from console.ui.icons import colour
from console.ui.labels import error_text, label
from console.ui.plain_text import make_plain
from console.ui.screen_fit import available_geometry, fit_rect, fit_to_screen
from console.ui.startup_progress import ProgressStrip

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

    sig_signed_in = Signal(object)
    """The password was right (carries the :class:`Principal`); the dialog accepts next."""

    def __init__(
        self,
        gate: SignInGate | None,
        workstation: str,
        *,
        username: str | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("signInDialog")
        self.setModal(True)
        self._gate: SignInGate | None = None
        self._workstation = workstation
        self._username = username
        self._check: BackgroundCall | None = None
        self._unavailable = False
        self.principal: Principal | None = None
        """Who signed in, once the dialog was accepted."""
        self.demo_accounts: list[DemoAccount] = []

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
        make_plain(self.message)
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
        demo_layout = self._demo_layout = QVBoxLayout(self.demo_box)
        self.demo_badge = QLabel(self.demo_box)
        self.demo_badge.setObjectName("demoBadge")
        self.demo_badge.setStyleSheet(demo_badge_style())
        self.demo_title = QLabel(self.demo_box)
        self.demo_title.setWordWrap(True)
        demo_layout.addWidget(self.demo_badge, 0, Qt.AlignmentFlag.AlignLeft)
        demo_layout.addWidget(self.demo_title)
        self.demo_buttons: dict[str, QPushButton] = {}
        self.demo_box.setVisible(False)
        self.progress = ProgressStrip(self)

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
        layout.addWidget(self.progress)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(520)

        self.retranslate_ui()
        if gate is not None:
            self.set_gate(gate)
        else:
            self.username.setText(username or "")
            self._set_form_enabled(False)
            self.progress.show_busy(self.tr("Opening the database…"))
        fit_to_screen(self)

    # -- text ----------------------------------------------------------------------

    def retranslate_ui(self) -> None:
        """Set every string in the current language."""
        self.setWindowTitle(self.tr("Sign in"))
        self.heading.setText(self.tr("Roadside Assistance Dispatch Console"))
        labels = (self.tr("&User name"), self.tr("&Password"), self.tr("&Language"))
        for widget, text in zip(self.form_labels, labels, strict=True):
            widget.setText(text)
        where = self._gate.describe() if self._gate is not None else "…"
        self.database.setText(self.tr("Database: {url}").format(url=where))
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

    @property
    def ready(self) -> bool:
        """True when a sign-in can be tried: the database is open and no check is running."""
        return self._gate is not None and self._check is None and not self._unavailable

    def set_gate(self, gate: SignInGate) -> None:
        """The database is open: list its demo accounts, fill in the form, allow signing in."""
        self._gate = gate
        self.demo_accounts = self._load_demo_accounts()
        layout = self._demo_layout
        for account in self.demo_accounts:
            button = QPushButton(self.demo_box)
            button.setObjectName(f"demo-{account.username}")
            button.setAutoDefault(False)
            button.clicked.connect(lambda _=False, a=account: self.fill(a.username, a.password))
            layout.addWidget(button)
            self.demo_buttons[account.username] = button
        centre = self.frameGeometry().center()
        self.demo_box.setVisible(bool(self.demo_accounts))
        self.progress.finish()
        self._set_form_enabled(True)
        self.retranslate_ui()
        self._prefill(self._username if self._username else None)
        if self.isVisible():
            # Grown by the demo accounts: stay centred where it was, not hang downwards.
            self.adjustSize()
            frame = self.frameGeometry()
            frame.moveCenter(centre)
            self.move(fit_rect(frame, available_geometry(self)).topLeft())

    def show_preparing(self, done: int, total: int) -> None:
        """Demo data is being loaded on a first start: ``done`` of ``total`` steps."""
        self.progress.show_steps(self.tr("First start: loading demo data…"), done, total)

    def show_unavailable(self, reason: str) -> None:
        """The database could not be opened: say why; only Quit is left."""
        self._unavailable = True
        self.progress.finish()
        self._set_form_enabled(False)
        self.show_message(
            self.tr("The database could not be opened: {reason}").format(reason=reason)
        )
        self.quit_button.setFocus()

    def try_sign_in(self) -> None:
        """Ask the gate on a worker thread; the dialog is busy until it answers."""
        gate = self._gate
        if gate is None or not self.ready:
            return
        username, password = self.username.text(), self.password.text()
        self._set_form_enabled(False)
        self.message.setVisible(False)
        self.progress.show_busy(self.tr("Checking the password…"))
        self._check = BackgroundCall("sign-in-check", self)
        self._check.sig_finished.connect(self._on_accepted)
        self._check.sig_failed.connect(self._on_refused)
        self._check.start(lambda _progress: gate.sign_in(username, password, self._workstation))

    def wait_for_check(self, timeout_s: float = 10.0) -> bool:
        """Block until a running password check returned (shutdown, tests)."""
        return self._check is None or self._check.wait(timeout_s)

    def _on_accepted(self, principal: Principal) -> None:
        self._check = None
        self.password.clear()
        self.principal = principal
        self.progress.show_busy(self.tr("Opening the console…"))
        # Painted now: whoever listens builds the console window next, on this thread.
        self.repaint()
        self.sig_signed_in.emit(principal)
        self.accept()

    def _on_refused(self, exc: Exception) -> None:
        self._check = None
        self.progress.finish()
        self._set_form_enabled(True)
        if isinstance(exc, DomainError):
            self.show_message(error_text(exc))
            self.password.clear()
            self.password.setFocus()
            return
        # An unreachable database must not close the console silently.
        logger.warning("sign-in could not be checked", exc_info=exc)
        self.show_message(self.tr("Sign-in could not be checked; the database may be down."))

    def _set_form_enabled(self, enabled: bool) -> None:
        for widget in (self.username, self.password, self.language, self.demo_box):
            widget.setEnabled(enabled)
        self.sign_in_button.setEnabled(enabled)

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
        if self._gate is None:
            return []
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
