"""A console against a real database that goes away, comes back, or announces commits.

Runs on a SQLite file and on a PostgreSQL schema. SQLite is made unreachable by
moving its folder away (and dropping the pooled connections, whose open files
would otherwise keep working); PostgreSQL by forbidding the console's own role
to log in and terminating its sessions. A test-only use of the data layer.
"""

from __future__ import annotations

import time
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import psycopg
import pytest
from PySide6.QtCore import QSettings
from pytestqt.qtbot import QtBot
from sqlalchemy import Engine
from sqlalchemy.engine import make_url

from console.db.backend import DatabaseBackend
from console.ui.app import build_main_window
from console.ui.main_window import MainWindow
from tests.support.databases import PG_URL, postgres_unavailable_reason
from tests.support.workspace import new_call, open_backend, seeded_postgres, seeded_sqlite

POLL_MS = 200
"""Poll interval of the console in the outage test."""
WAIT_MS = 10_000
"""Generous upper bound for state changes on a busy machine (waitUntil returns early)."""


@dataclass
class LiveDatabase:
    """A seeded database the console reads as ``console_url``; ``kill``/``restore`` it."""

    console_url: str
    writer_url: str
    kill: Callable[[Engine], None]
    restore: Callable[[], None]


def _admin(sql: str, *params: object) -> None:
    conninfo = make_url(PG_URL).set(drivername="postgresql").render_as_string(hide_password=False)
    with psycopg.connect(conninfo, autocommit=True) as connection:
        connection.execute(sql, params or None)  # type: ignore[arg-type]


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def live_db(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[LiveDatabase]:
    """A seeded database of each kind that the test can take away and give back."""
    if request.param == "sqlite":
        share, away = tmp_path / "share", tmp_path / "away"
        share.mkdir()
        url = seeded_sqlite(share)

        def kill_sqlite(engine: Engine) -> None:
            share.rename(away)
            engine.dispose()

        yield LiveDatabase(url, url, kill_sqlite, lambda: away.rename(share))
        return
    reason = postgres_unavailable_reason()
    if reason:
        pytest.skip(reason)
    role = f"r_{uuid.uuid4().hex[:12]}"
    with seeded_postgres() as url:
        options = make_url(url).query["options"]
        assert isinstance(options, str)
        schema = options.split("=", 1)[1]
        _admin(f'CREATE ROLE "{role}" LOGIN')
        _admin(f'GRANT USAGE ON SCHEMA "{schema}" TO "{role}"')
        _admin(f'GRANT ALL ON ALL TABLES IN SCHEMA "{schema}" TO "{role}"')
        _admin(f'GRANT ALL ON ALL SEQUENCES IN SCHEMA "{schema}" TO "{role}"')

        def kill_postgres(_engine: Engine) -> None:
            _admin(f'ALTER ROLE "{role}" NOLOGIN')
            _admin(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE usename = %s", role
            )

        def restore_postgres() -> None:
            _admin(f'ALTER ROLE "{role}" LOGIN')

        console_url = make_url(url).set(username=role).render_as_string(hide_password=False)
        try:
            yield LiveDatabase(console_url, url, kill_postgres, restore_postgres)
        finally:
            _admin(f'ALTER ROLE "{role}" NOLOGIN')
            _admin(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE usename = %s", role
            )
            _admin(f'DROP OWNED BY "{role}"')
            _admin(f'DROP ROLE "{role}"')


@pytest.fixture
def postgres_url() -> Iterator[str]:
    """A seeded PostgreSQL schema (skipped, saying why, when the server is not there)."""
    reason = postgres_unavailable_reason()
    if reason:
        pytest.skip(reason)
    with seeded_postgres() as url:
        yield url


def open_console(
    qtbot: QtBot, tmp_path: Path, backend: DatabaseBackend, poll_ms: int
) -> MainWindow:
    settings = QSettings(str(tmp_path / "console.ini"), QSettings.Format.IniFormat)
    window = build_main_window(backend, "en", settings=settings, poll_ms=poll_ms)
    qtbot.addWidget(window)
    with qtbot.waitExposed(window):
        window.show()
    return window


def test_losing_the_database_keeps_rows_and_draft_and_recovers(
    qtbot: QtBot, tmp_path: Path, live_db: LiveDatabase
) -> None:
    engine, backend = open_backend(live_db.console_url, "dispatcher:a")
    window = open_console(qtbot, tmp_path, backend, POLL_MS)
    try:
        shown = window.model.rowCount()
        assert shown > 0
        assert window.is_connected
        dialog = window.open_intake()
        dialog.texts["phone"].setText("13800001111")
        dialog.notes.setPlainText("caller is on the hard shoulder")

        live_db.kill(engine)
        qtbot.waitUntil(lambda: not window.is_connected, timeout=WAIT_MS)
        assert "Disconnected, retrying" in window.connection_label.text()
        assert window.model.rowCount() == shown
        assert window.isVisible()
        assert window.intake is dialog
        assert dialog.isVisible()

        live_db.restore()
        writer_engine, writer = open_backend(live_db.writer_url, "dispatcher:b")
        try:
            created = new_call(writer)
        finally:
            writer_engine.dispose()
        qtbot.waitUntil(
            lambda: window.is_connected and window.model.position_of(created) is not None,
            timeout=WAIT_MS,
        )
        assert window.connection_label.text().startswith("Connected")
        assert window.intake is dialog
        assert dialog.texts["phone"].text() == "13800001111"
        assert dialog.notes.toPlainText() == "caller is on the hard shoulder"
    finally:
        window.close()
        backend.close()
        engine.dispose()


@pytest.mark.postgres
def test_a_commit_wakes_the_console_long_before_the_next_poll(
    qtbot: QtBot, tmp_path: Path, postgres_url: str
) -> None:
    poll_ms = 60_000
    engine_a, backend_a = open_backend(postgres_url, "dispatcher:a")
    engine_b, backend_b = open_backend(postgres_url, "dispatcher:b")
    window = open_console(qtbot, tmp_path, backend_a, poll_ms)
    try:
        assert window.sync.pushes_changes
        listener = backend_a.change_listener
        assert listener is not None
        qtbot.waitUntil(listener.connected.is_set, timeout=WAIT_MS)
        qtbot.waitUntil(lambda: not window.sync.busy, timeout=WAIT_MS)

        for _ in range(3):
            started = time.perf_counter()
            created = new_call(backend_b)
            qtbot.waitUntil(
                lambda created=created: window.model.position_of(created) is not None, timeout=5000
            )
            took_ms = (time.perf_counter() - started) * 1000
            assert took_ms < poll_ms / 20, f"took {took_ms:.0f} ms"
    finally:
        window.close()
        for engine, backend in ((engine_a, backend_a), (engine_b, backend_b)):
            backend.close()
            engine.dispose()
