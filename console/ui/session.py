"""One signed-in session of the console: sign in, open the window, sign out, switch user.

The main window knows nothing of accounts: this controller signs the user in
through the gate, opens a backend for that principal, builds the window, hides
what the role may not do, shows who is signed in, and offers File ▸ Sign out.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QApplication, QLabel, QSizeGrip, QWidget

from console import startup
from console.core.accounts import SignInGate, UserAdmin
from console.core.errors import DomainError
from console.core.roles import Permission, Principal
from console.ui.background_call import BackgroundCall, Progress
from console.ui.labels import error_text, label
from console.ui.sign_in_dialog import SignInDialog, demo_badge_style

if TYPE_CHECKING:
    # The main window (and the map, the dashboard...) loads after the sign-in shows.
    from console.core.ports import ConsoleBackend
    from console.ui.main_window import MainWindow

__all__ = ["ConsoleSession", "RoleBadge", "install_sign_out", "install_users_action"]

logger = logging.getLogger(__name__)

OpenBackend = Callable[[Principal], "ConsoleBackend"]
OpenUserAdmin = Callable[[Principal], UserAdmin]
BuildWindow = Callable[["ConsoleBackend", Principal], "MainWindow"]
Prepare = Callable[[Progress], SignInGate]
"""Opens the database (loading demo data on a first start) and returns its sign-in gate."""


class RoleBadge(QLabel):
    """Status-bar text with the signed-in role, and a DEMO badge for demo accounts."""

    def __init__(self, principal: Principal, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("roleBadge")
        self._principal = principal
        if principal.is_demo:
            self.setStyleSheet(demo_badge_style())
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        """Set the text in the current language."""
        role = label(self._principal.role) if self._principal.role else self.tr("System")
        text = self.tr("Role: {role}").format(role=role)
        if self._principal.is_demo:
            text = self.tr("{role} · DEMO account").format(role=text)
        self.setText(text)

    def changeEvent(self, event: QEvent) -> None:
        """Re-translate on a language switch."""
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)


class _SignOutAction(QAction):
    """File ▸ Sign out (translated on language change)."""

    def retranslate_ui(self) -> None:
        self.setText(self.tr("Sign out / switch user…"))
        self.setStatusTip(self.tr("Close the console and sign in as someone else"))


class _UsersAction(QAction):
    """File ▸ Users… (administrators only)."""

    def retranslate_ui(self) -> None:
        self.setText(self.tr("Users…"))
        self.setStatusTip(self.tr("Add users, reset passwords, disable accounts"))


class _Retranslator(QObject):
    """Re-translates one of this module's actions when the window's language changes."""

    def __init__(self, action: _SignOutAction | _UsersAction, window: MainWindow) -> None:
        super().__init__(window)
        self._action = action

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.LanguageChange:
            self._action.retranslate_ui()
        return False


def install_sign_out(
    window: MainWindow, principal: Principal, on_sign_out: Callable[[], None]
) -> QAction:
    """Put the role badge in the status bar and File ▸ Sign out in the menu."""
    status = window.statusBar()
    status.insertPermanentWidget(_after_user_name(window), RoleBadge(principal, window))
    action = _SignOutAction(window)
    action.setObjectName("signOutAction")
    action.setShortcut(QKeySequence("Ctrl+Shift+O"))
    action.triggered.connect(lambda _checked=False: on_sign_out())
    action.retranslate_ui()
    window.addAction(action)
    window.file_menu.insertAction(window.quit_action, action)
    window.installEventFilter(_Retranslator(action, window))
    return action


def install_users_action(window: MainWindow, open_admin: Callable[[], UserAdmin]) -> QAction:
    """File ▸ Users…, opening the account management dialog."""
    action = _UsersAction(window)
    action.setObjectName("usersAction")

    def show() -> None:
        from console.ui.users_dialog import UsersDialog

        dialog = UsersDialog(open_admin(), window)
        dialog.exec()
        dialog.deleteLater()

    action.triggered.connect(lambda _checked=False: show())
    action.retranslate_ui()
    window.addAction(action)
    window.file_menu.insertAction(window.quit_action, action)
    window.installEventFilter(_Retranslator(action, window))
    return action


def _after_user_name(window: MainWindow) -> int:
    """The status-bar index right after the signed-in user's name.

    QStatusBar counts its message widgets and permanent widgets in one list, in
    the order they were added, and refuses a permanent index among the message
    widgets (it warns "Index out of range" and appends at the far right).
    """
    status = window.statusBar()
    widgets = [
        child
        for child in status.findChildren(QWidget, options=Qt.FindChildOption.FindDirectChildrenOnly)
        if not isinstance(child, QSizeGrip)
    ]
    return widgets.index(window.user_label) + 1 if window.user_label in widgets else len(widgets)


PREPARE_WAIT_S = 60.0
"""How long quitting waits for the database to finish opening (or seeding)."""


class ConsoleSession(QObject):
    """Runs sign-in -> console -> sign-out cycles until the user quits."""

    sig_language_chosen = Signal(str)
    """The user picked a language in the sign-in dialog ("zh" or "en")."""

    sig_sign_in_shown = Signal()
    """The sign-in dialog is on screen."""

    def __init__(
        self,
        gate: SignInGate | None,
        open_backend: OpenBackend,
        build_window: BuildWindow,
        *,
        workstation: str,
        username: str | None = None,
        open_user_admin: OpenUserAdmin | None = None,
        prepare: Prepare | None = None,
    ) -> None:
        """``gate`` may be ``None`` with ``prepare``: the sign-in then shows at once and
        ``prepare`` opens the database on a worker thread meanwhile."""
        super().__init__()
        if gate is None and prepare is None:
            raise ValueError("give a sign-in gate or a way to prepare one")
        self._open_user_admin = open_user_admin
        self._gate = gate
        self._prepare = prepare
        self._preparing: BackgroundCall | None = None
        self._failure: BaseException | None = None
        self.prepare_error: BaseException | None = None
        """Why the database could not be opened, if it could not."""
        self._open_backend = open_backend
        self._build_window = build_window
        self._workstation = workstation
        self._username = username
        self._switching = False
        self.window: MainWindow | None = None
        self.backend: ConsoleBackend | None = None
        self.principal: Principal | None = None

    def sign_in(self) -> Principal | None:
        """Show the sign-in dialog; the principal, or None if the user quit.

        The console window is built while the dialog still shows "Opening the
        console…", right after the password was accepted.
        """
        dialog = SignInDialog(self._gate, self._workstation, username=self._username)
        dialog.sig_language_changed.connect(self.sig_language_chosen)
        dialog.sig_signed_in.connect(self._open_while_signing_in)
        if self._gate is None:
            self._start_preparing(dialog)
        dialog.show()
        self.sig_sign_in_shown.emit()
        accepted = dialog.exec() == SignInDialog.DialogCode.Accepted
        principal = dialog.principal if accepted else None
        dialog.wait_for_check(5.0)
        dialog.deleteLater()
        preparing = self._preparing
        if preparing is not None and preparing.running:
            # Quit while demo data was loading: let it finish rather than leave half of it.
            logger.info("waiting for the database to finish opening")
            preparing.wait(PREPARE_WAIT_S)
        failure, self._failure = self._failure, None
        if failure is not None:
            raise failure
        return principal

    def start(self) -> bool:
        """Sign in and open the console; False when the user quit at the sign-in."""
        principal = self.sign_in()
        if principal is None:
            return False
        if self.window is None or self.principal is not principal:
            self._open(principal)
        return True

    def _open_while_signing_in(self, principal: Principal) -> None:
        startup.mark("password checked")
        try:
            self._open(principal)
        except Exception as exc:  # raised again once the dialog's loop has ended
            self._failure = exc

    def _open(self, principal: Principal) -> None:
        self.principal = principal
        self.backend = self._open_backend(principal)
        self.window = self._build_window(self.backend, principal)
        if self._open_user_admin is not None and principal.can(Permission.MANAGE_USERS):
            opener = self._open_user_admin
            install_users_action(self.window, lambda: opener(principal))
        install_sign_out(self.window, principal, self.sign_out)
        self.window.installEventFilter(self)

    def _start_preparing(self, dialog: SignInDialog) -> None:
        prepare = self._prepare
        assert prepare is not None
        call = BackgroundCall("open-database", self)
        self._preparing = call
        call.sig_progress.connect(dialog.show_preparing)

        def ready(gate: SignInGate) -> None:
            self._gate = gate
            dialog.set_gate(gate)
            startup.mark("sign-in ready")

        def failed(exc: Exception) -> None:
            self.prepare_error = exc
            dialog.show_unavailable(error_text(exc) if isinstance(exc, DomainError) else str(exc))

        call.sig_finished.connect(ready)
        call.sig_failed.connect(failed)
        call.start(prepare)

    def sign_out(self) -> None:
        """Close the console and offer the sign-in again (quit if it is cancelled)."""
        window, backend = self.window, self.backend
        if window is None or not window.confirm_leave_work():
            return
        logger.info("%s signed out", self.principal.actor if self.principal else "?")
        self._switching = True
        self._username = None
        window.close()
        window.deleteLater()
        close = getattr(backend, "close", None)
        if callable(close):
            close()
        self.window = self.backend = self.principal = None
        self._switching = False
        started = self.start()
        reopened = self.current_window()
        if started and reopened is not None:
            reopened.show()
        else:
            _quit()

    def current_window(self) -> MainWindow | None:
        """The open console window, if someone is signed in."""
        return self.window

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Quit when the user closes the console window (not when signing out)."""
        if event.type() == QEvent.Type.Close and watched is self.window and not self._switching:
            QTimer.singleShot(0, self._quit_if_closed)
        return False

    def _quit_if_closed(self) -> None:
        window = self.window
        if window is not None and not shiboken6.isValid(window):
            self.window = None  # deleted on the way out (console.ui.app.release_widgets)
            return
        if window is not None and not window.isVisible():
            _quit()


def _quit() -> None:
    app = QApplication.instance()
    if app is not None:
        app.quit()
