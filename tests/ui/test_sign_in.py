"""Spec: sign-in before the console, demo accounts marked, the role decides what is offered."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt, qInstallMessageHandler
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot
from sqlalchemy import Engine

from console.core.accounts import DemoAccount
from console.core.errors import SignInFailed
from console.core.ports import ConsoleBackend
from console.core.roles import Principal
from console.core.vocab import CrewStatus, Role
from console.db.accounts import Accounts
from console.db.backend import DatabaseBackend
from console.db.engine import make_engine
from console.ui.app import build_main_window
from console.ui.main_window import MainWindow
from console.ui.pricing_panel import PricingSection
from console.ui.session import ConsoleSession, RoleBadge
from console.ui.sign_in_dialog import SignInDialog
from tests.support.workspace import seeded_sqlite


@pytest.fixture
def engine(tmp_path: Path) -> Iterator[Engine]:
    """A seeded SQLite file with the three demo accounts."""
    engine = make_engine(seeded_sqlite(tmp_path, requests=3))
    yield engine
    engine.dispose()


class SharedDatabaseGate:
    """A gate like PostgreSQL's: no demo accounts offered."""

    def __init__(self) -> None:
        self.attempts: list[tuple[str, str]] = []

    def sign_in(self, username: str, password: str, workstation: str) -> Principal:
        self.attempts.append((username, workstation))
        raise SignInFailed("auth.locked", minutes=4)

    def demo_accounts(self) -> list[DemoAccount]:
        return []

    def describe(self) -> str:
        return "postgresql+psycopg://ops@db/console"


def open_dialog(qtbot: QtBot, gate: object, username: str | None = None) -> SignInDialog:
    dialog = SignInDialog(gate, "desk-7", username=username)  # type: ignore[arg-type]
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def test_a_new_user_signs_in_as_the_demo_dispatcher_with_one_key(
    qtbot: QtBot, engine: Engine
) -> None:
    dialog = open_dialog(qtbot, Accounts(engine))
    assert dialog.demo_box.isVisible()
    assert dialog.demo_badge.text() == "DEMO"
    assert set(dialog.demo_buttons) == {"dispatcher", "supervisor", "admin"}
    assert (dialog.username.text(), dialog.password.text()) == ("dispatcher", "demo")
    with qtbot.waitSignal(dialog.sig_signed_in, timeout=10_000):
        qtbot.keyClick(dialog.sign_in_button, Qt.Key.Key_Return)
    assert dialog.result() == SignInDialog.DialogCode.Accepted
    principal = dialog.principal
    assert principal is not None
    assert (principal.actor, principal.role, principal.is_demo) == (
        "dispatcher",
        Role.DISPATCHER,
        True,
    )
    assert dialog.password.text() == ""


def test_a_demo_account_button_fills_the_form(qtbot: QtBot, engine: Engine) -> None:
    dialog = open_dialog(qtbot, Accounts(engine))
    dialog.demo_buttons["supervisor"].click()
    assert (dialog.username.text(), dialog.password.text()) == ("supervisor", "demo")
    assert "supervisor / password demo" in dialog.demo_buttons["supervisor"].text()


def test_a_wrong_password_is_refused_in_place(qtbot: QtBot, engine: Engine) -> None:
    dialog = open_dialog(qtbot, Accounts(engine), username="supervisor")
    assert dialog.password.text() == "demo"
    dialog.password.setText("not-it")
    dialog.sign_in_button.click()
    qtbot.waitUntil(dialog.message.isVisible, timeout=10_000)
    assert dialog.isVisible() and dialog.principal is None
    assert dialog.message.isVisible()
    assert dialog.message.text() == "Wrong user name or password."
    assert dialog.password.text() == ""


def test_a_shared_database_offers_no_demo_accounts_and_explains_a_lock(qtbot: QtBot) -> None:
    gate = SharedDatabaseGate()
    dialog = open_dialog(qtbot, gate)
    assert not dialog.demo_box.isVisible()
    assert dialog.username.text() == "" and dialog.password.text() == ""
    assert dialog.database.text() == "Database: postgresql+psycopg://ops@db/console"
    dialog.username.setText("wang")
    dialog.password.setText("guess")
    dialog.sign_in_button.click()
    qtbot.waitUntil(dialog.message.isVisible, timeout=10_000)
    assert gate.attempts == [("wang", "desk-7")]
    assert dialog.message.text() == "Too many failed sign-ins: try again in 4 minute(s)."


def window_for(
    engine: Engine, role: Role, qsettings: QSettings, qtbot: QtBot
) -> tuple[MainWindow, DatabaseBackend]:
    principal = Principal.user(role.lower(), role)
    backend = DatabaseBackend(engine, principal=principal)
    window = build_main_window(
        backend, "en", settings=qsettings, poll_ms=60_000, user="x", principal=principal
    )
    qtbot.addWidget(window)
    return window, backend


def offered_detail_actions(window: MainWindow, backend: DatabaseBackend) -> set[str]:
    """The request actions enabled on each open request, together."""
    offered: set[str] = set()
    for row in backend.open_requests().requests:
        window.detail.show_request(row.id)
        offered |= {k for k, a in window.detail.actions_by_key.items() if a.isEnabled()}
    return offered


def test_the_window_offers_what_the_role_may_do(
    qtbot: QtBot, engine: Engine, qsettings: QSettings
) -> None:
    dispatcher, backend = window_for(engine, Role.DISPATCHER, qsettings, qtbot)
    assert dispatcher.new_call_action.isVisible() and dispatcher.assign_first_action.isEnabled()
    assert offered_detail_actions(dispatcher, backend) >= {"cancel"}
    crew_actions = dispatcher.crew_board.status_actions
    assert crew_actions[CrewStatus.OFF_DUTY].isVisible()
    assert not crew_actions[CrewStatus.OUT_OF_SERVICE].isVisible()

    supervisor, _ = window_for(engine, Role.SUPERVISOR, qsettings, qtbot)
    assert supervisor.crew_board.status_actions[CrewStatus.OUT_OF_SERVICE].isVisible()

    admin, backend = window_for(engine, Role.ADMIN, qsettings, qtbot)
    assert not admin.new_call_action.isVisible() and not admin.assign_first_action.isEnabled()
    assert offered_detail_actions(admin, backend) == set()
    assert not admin.crew_menu.menuAction().isVisible()


def test_the_quote_and_bill_are_offered_only_to_roles_that_may_read_them(
    qtbot: QtBot, engine: Engine, qsettings: QSettings
) -> None:
    dispatcher, backend = window_for(engine, Role.DISPATCHER, qsettings, qtbot)
    request_id = backend.open_requests().requests[0].id
    dispatcher.detail.show_request(request_id)
    assert dispatcher.detail.pricing is not None
    assert dispatcher.detail.pricing.message.text() == ""

    admin, _ = window_for(engine, Role.ADMIN, qsettings, qtbot)
    admin.detail.show_request(request_id)
    assert admin.detail.pricing is None
    assert not [w for w in admin.detail.findChildren(PricingSection) if not w.isHidden()]


def test_the_queue_an_admin_sees_has_masked_numbers(
    qtbot: QtBot, engine: Engine, qsettings: QSettings
) -> None:
    admin, backend = window_for(engine, Role.ADMIN, qsettings, qtbot)
    phones = [row.caller_phone for row in backend.open_requests().requests]
    assert phones and all("****" in phone for phone in phones)
    del admin


def test_signing_out_closes_the_console_and_opens_it_for_the_next_user(
    qtbot: QtBot, engine: Engine, qsettings: QSettings, monkeypatch: pytest.MonkeyPatch
) -> None:
    people = [
        Principal.user("dispatcher", Role.DISPATCHER, is_demo=True),
        Principal.user("supervisor", Role.SUPERVISOR),
    ]
    built: list[MainWindow] = []

    def build(backend: ConsoleBackend, principal: Principal) -> MainWindow:
        window = build_main_window(
            backend, "en", settings=qsettings, poll_ms=60_000, user=principal.actor,
            principal=principal,
        )  # fmt: skip
        built.append(window)
        return window

    session = ConsoleSession(
        Accounts(engine),
        lambda p: DatabaseBackend(engine, principal=p),
        build,
        workstation="desk-7",
    )
    monkeypatch.setattr(session, "sign_in", lambda: people.pop(0) if people else None)
    assert session.start()
    first = session.current_window()
    assert first is not None
    first.show()
    badge = first.findChild(RoleBadge)
    assert badge is not None and badge.text() == "Role: Dispatcher · DEMO account"
    sign_out = next(a for a in first.file_menu.actions() if a.objectName() == "signOutAction")
    sign_out.trigger()
    second = session.current_window()
    assert second is not None and second is not first and second.isVisible()
    assert not first.isVisible()
    assert second.user_label.text() == "User: supervisor"
    labels = [w.text() for w in second.statusBar().findChildren(QLabel)]
    assert "Role: Supervisor" in labels
    assert session.principal is not None and session.principal.role is Role.SUPERVISOR


def test_the_dialog_switches_to_chinese_while_it_is_open(qtbot: QtBot, engine: Engine) -> None:
    dialog = open_dialog(qtbot, Accounts(engine))
    english = [w.text() for w in dialog.findChildren(QLabel) if w.text()]
    dialog.language.setCurrentIndex(dialog.language.findData("zh"))
    try:
        qtbot.waitUntil(lambda: dialog.windowTitle() == "登录")
        assert dialog.sign_in_button.text() == "登录"
        assert dialog.demo_badge.text() == "演示"
        assert dialog.demo_buttons["dispatcher"].text() == "调度员：dispatcher / 密码 demo"
        chinese = [w.text() for w in dialog.findChildren(QLabel) if w.text()]
        assert not set(english) & set(chinese) - {dialog.database.text()}
    finally:
        dialog.language.setCurrentIndex(dialog.language.findData("en"))
        qtbot.waitUntil(lambda: dialog.windowTitle() == "Sign in")


def test_a_dispatcher_is_not_offered_to_bring_a_crew_back_into_service(
    qtbot: QtBot, engine: Engine, qsettings: QSettings
) -> None:
    crews = {Role.DISPATCHER: False, Role.SUPERVISOR: True}
    for role, offered in crews.items():
        window, backend = window_for(engine, role, qsettings, qtbot)
        idle = next(c for c in backend.crews() if c.status is CrewStatus.OUT_OF_SERVICE)
        window.crew_board.select_crew(idle.id)
        actions = window.crew_board.status_actions
        qtbot.waitUntil(lambda a=actions, o=offered: a[CrewStatus.AVAILABLE].isEnabled() is o)
        assert actions[CrewStatus.OFF_DUTY].isEnabled() is offered


def test_the_role_badge_sits_right_of_the_user_name_without_a_qt_warning(
    qtbot: QtBot, engine: Engine, qsettings: QSettings, monkeypatch: pytest.MonkeyPatch
) -> None:
    def build(backend: ConsoleBackend, principal: Principal) -> MainWindow:
        return build_main_window(
            backend, "en", settings=qsettings, poll_ms=60_000, user=principal.actor,
            principal=principal,
        )  # fmt: skip

    session = ConsoleSession(
        Accounts(engine), lambda p: DatabaseBackend(engine, principal=p), build, workstation="d"
    )
    monkeypatch.setattr(session, "sign_in", lambda: Principal.user("dispatcher", Role.DISPATCHER))
    messages: list[str] = []
    previous = qInstallMessageHandler(lambda _kind, _context, text: messages.append(text))
    try:
        assert session.start()
    finally:
        qInstallMessageHandler(previous)
    window = session.current_window()
    assert window is not None
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    qtbot.waitExposed(window)
    assert not [m for m in messages if "insertPermanentWidget" in m]
    badge = window.findChild(RoleBadge)
    assert badge is not None and badge.isVisible()
    user, rows = window.user_label.geometry(), window.row_count_label.geometry()
    assert user.right() < badge.geometry().left() < rows.left()
