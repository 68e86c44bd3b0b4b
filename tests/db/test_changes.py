"""Commit announcements: NOTIFY inside each unit of work, and the listener that hears them."""

from __future__ import annotations

import threading

import psycopg
from sqlalchemy import Engine

from console.core.roles import Permission
from console.core.vocab import CrewStatus
from console.db.backend import DatabaseBackend
from console.db.changes import channel_of
from console.db.services import Services
from tests.support.principals import desk


def _listen(spy: psycopg.Connection[tuple[object, ...]], schema: str | None = None) -> None:
    """LISTEN on the channel of ``schema`` (default: the connection's own schema)."""
    if schema is None:
        row = spy.execute("SELECT current_schema()").fetchone()
        assert row is not None
        schema = str(row[0])
    spy.execute(psycopg.sql.SQL("LISTEN {}").format(psycopg.sql.Identifier(channel_of(schema))))


def test_a_commit_is_announced_with_its_revision_and_wakes_subscribers(
    engine: Engine, services: Services, fleet: list[int]
) -> None:
    backend = DatabaseBackend(engine, principal=desk("dispatcher:test"))
    woke = threading.Event()
    unsubscribe = backend.subscribe_changes(woke.set)
    try:
        if engine.dialect.name != "postgresql":
            services.set_crew_status(fleet[0], CrewStatus.OFF_DUTY)
            assert backend.change_listener is None  # SQLite: nothing to hear; consoles poll
            return
        listener = backend.change_listener
        assert listener is not None
        assert listener.connected.wait(5)
        woke.clear()  # the wake-up every (re)connect brings
        conninfo = engine.url.set(drivername="postgresql").render_as_string(hide_password=False)
        with psycopg.connect(conninfo, autocommit=True) as spy:
            _listen(spy)
            services.set_crew_status(fleet[0], CrewStatus.OFF_DUTY)
            notes = list(spy.notifies(timeout=5, stop_after=1))
        assert [n.payload for n in notes] == [str(backend.revision())]
        assert woke.wait(5)
    finally:
        unsubscribe()
        backend.close()


def test_a_rolled_back_unit_of_work_announces_nothing(
    engine: Engine, services: Services, fleet: list[int]
) -> None:
    if engine.dialect.name != "postgresql":
        return
    conninfo = engine.url.set(drivername="postgresql").render_as_string(hide_password=False)
    with psycopg.connect(conninfo, autocommit=True) as spy:
        _listen(spy)
        try:
            with services.unit_of_work(Permission.TRIAGE) as uow:
                uow.record("test.nothing")
                raise RuntimeError("abandon")
        except RuntimeError:
            pass
        assert list(spy.notifies(timeout=0.3, stop_after=1)) == []


def test_a_commit_is_not_announced_to_consoles_of_another_schema(
    engine: Engine, services: Services, fleet: list[int]
) -> None:
    if engine.dialect.name != "postgresql":
        return
    conninfo = engine.url.set(drivername="postgresql").render_as_string(hide_password=False)
    with psycopg.connect(conninfo, autocommit=True) as spy:
        _listen(spy, schema="some_other_centre")
        services.set_crew_status(fleet[0], CrewStatus.OFF_DUTY)
        assert list(spy.notifies(timeout=0.5, stop_after=1)) == []
