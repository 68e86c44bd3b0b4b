"""Spec: an administrator manages accounts in File ▸ Users…; other roles do not get it."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from argon2 import PasswordHasher
from PySide6.QtCore import QSettings
from pytestqt.qtbot import QtBot
from sqlalchemy import Engine

from console.core.ports import ConsoleBackend
from console.core.roles import Principal
from console.core.vocab import Role
from console.db.accounts import Accounts
from console.db.backend import DatabaseBackend
from console.db.engine import make_engine
from console.ui.app import build_main_window
from console.ui.main_window import MainWindow
from console.ui.session import ConsoleSession
from console.ui.users_dialog import PasswordDialog, UsersDialog
from tests.support.workspace import seeded_sqlite

FAST = PasswordHasher(time_cost=2, memory_cost=1024, parallelism=1)


@pytest.fixture
def engine(tmp_path: Path) -> Iterator[Engine]:
    engine = make_engine(seeded_sqlite(tmp_path, requests=0))
    yield engine
    engine.dispose()


def answering(
    dialog: UsersDialog, username: str = "", password: str = "", repeat: str | None = None
) -> None:
    """Make the dialog's account form answer with these values."""

    def ask(new_account: bool) -> PasswordDialog:
        form = PasswordDialog(new_account=new_account, parent=dialog)
        form.username.setText(username)
        form.display_name.setText("李娜 Li Na")
        form.role.setCurrentIndex(form.role.findData(Role.SUPERVISOR.value))
        form.password.setText(password)
        form.repeat.setText(password if repeat is None else repeat)
        return form

    dialog.ask = ask


def rows(dialog: UsersDialog) -> list[list[str]]:
    table = dialog.table
    return [
        [table.item(r, c).text() for c in range(table.columnCount())]
        for r in range(table.rowCount())
    ]


def test_an_administrator_adds_resets_and_disables_accounts(qtbot: QtBot, engine: Engine) -> None:
    admin = Accounts(engine, principal=Principal.user("admin", Role.ADMIN), hasher=FAST)
    dialog = UsersDialog(admin)
    qtbot.addWidget(dialog)
    assert rows(dialog)[0] == ["admin", "演示管理员 Demo Admin", "Administrator", "Active · DEMO"]

    answering(dialog, "li.na", "short")
    dialog.add_user()
    assert dialog.message.text() == "The password must be 8 to 128 characters long."
    assert len(rows(dialog)) == 3

    answering(dialog, "li.na", "Night-Shift-2026")
    dialog.add_user()
    assert dialog.message.text() == "Added li.na."
    assert ["li.na", "李娜 Li Na", "Supervisor", "Active"] in rows(dialog)
    assert dialog.selected() is not None and dialog.selected().username == "li.na"  # type: ignore[union-attr]

    answering(dialog, password="Day-Shift-2027")
    dialog.reset_password()
    assert dialog.message.text() == "New password set for li.na."
    assert Accounts(engine).sign_in("li.na", "Day-Shift-2027", "desk-1").role is Role.SUPERVISOR

    assert dialog.disable_button.text() == "Disable"
    dialog.disable_button.click()
    assert dialog.message.text() == "Disabled li.na."
    assert ["li.na", "李娜 Li Na", "Supervisor", "Disabled"] in rows(dialog)
    assert dialog.disable_button.text() == "Enable"


def test_the_password_must_be_typed_the_same_twice(qtbot: QtBot) -> None:
    form = PasswordDialog(new_account=False)
    qtbot.addWidget(form)
    assert not form.username.isVisibleTo(form) and form.password.isVisibleTo(form)
    form.password.setText("Night-Shift-2026")
    form.repeat.setText("Night-Shift-2062")
    form.buttons.accepted.emit()
    assert form.result() != PasswordDialog.DialogCode.Accepted
    assert form.message.text() == "The two passwords are not the same."


@pytest.mark.parametrize(("role", "offered"), [(Role.ADMIN, True), (Role.SUPERVISOR, False)])
def test_only_administrators_get_file_users(  # noqa: PLR0917
    qtbot: QtBot,
    engine: Engine,
    qsettings: QSettings,
    monkeypatch: pytest.MonkeyPatch,
    role: Role,
    offered: bool,
) -> None:
    def build(backend: ConsoleBackend, principal: Principal) -> MainWindow:
        window = build_main_window(backend, "en", settings=qsettings, poll_ms=60_000,
                                   principal=principal)  # fmt: skip
        qtbot.addWidget(window)
        return window

    session = ConsoleSession(
        Accounts(engine),
        lambda p: DatabaseBackend(engine, principal=p),
        build,
        workstation="desk-1",
        open_user_admin=lambda p: Accounts(engine, principal=p),
    )
    monkeypatch.setattr(session, "sign_in", lambda: Principal.user("x", role))
    assert session.start()
    window = session.current_window()
    assert window is not None
    names = [a.objectName() for a in window.file_menu.actions()]
    assert ("usersAction" in names) is offered
    assert "signOutAction" in names
