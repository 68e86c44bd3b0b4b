"""Spec: the window and the sign-in dialog show the database without its password."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QSettings
from pytestqt.qtbot import QtBot
from sqlalchemy import Engine

from console.core.roles import Principal
from console.core.vocab import Role
from console.db import schema
from console.db.accounts import Accounts
from console.db.backend import DatabaseBackend
from console.db.engine import make_engine
from console.ui.app import build_main_window
from console.ui.sign_in_dialog import SignInDialog
from tests.support.databases import postgres_schema_url, postgres_unavailable_reason

SECRET = "Tr0ub4dor-query-secret"

pytestmark = pytest.mark.postgres


@pytest.fixture
def secret_engine() -> Iterator[Engine]:
    """A PostgreSQL schema opened by a URL that carries a password in its query string."""
    reason = postgres_unavailable_reason()
    if reason:
        pytest.skip(reason)
    with postgres_schema_url() as url:
        engine = make_engine(f"{url}&password={SECRET}")
        schema.ensure_schema(engine, auto_upgrade=True)
        yield engine
        engine.dispose()


def test_the_status_bar_names_the_database_without_its_password(
    qtbot: QtBot, secret_engine: Engine, qsettings: QSettings
) -> None:
    principal = Principal.user("supervisor", Role.SUPERVISOR)
    backend = DatabaseBackend(secret_engine, principal=principal)
    window = build_main_window(
        backend, "en", settings=qsettings, poll_ms=60_000, user="x", principal=principal
    )
    qtbot.addWidget(window)
    shown = window.connection_label.text()
    assert "password=***" in shown and SECRET not in shown


def test_the_sign_in_dialog_names_the_database_without_its_password(
    qtbot: QtBot, secret_engine: Engine
) -> None:
    dialog = SignInDialog(Accounts(secret_engine), "desk-7")
    qtbot.addWidget(dialog)
    shown = dialog.database.text()
    assert "password=***" in shown and SECRET not in shown
