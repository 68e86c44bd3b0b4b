"""Commit announcements: NOTIFY inside each unit of work, and the listener that hears them."""

from __future__ import annotations

import threading
import time

import psycopg
import pytest
from sqlalchemy import Engine

from console.core.ports import ChangeKind
from console.core.roles import Permission
from console.core.vocab import CrewStatus
from console.db.backend import DatabaseBackend
from console.db.changes import channel_of, notice_kind
from console.db.services import Services
from tests.support.fix_batches import store_positions
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
    heard: list[ChangeKind] = []
    woke = threading.Event()

    def hear(kind: ChangeKind) -> None:
        heard.append(kind)
        woke.set()

    unsubscribe = backend.subscribe_changes(hear)
    try:
        if engine.dialect.name != "postgresql":
            services.set_crew_status(fleet[0], CrewStatus.OFF_DUTY)
            assert backend.change_listener is None  # SQLite: nothing to hear; consoles poll
            return
        listener = backend.change_listener
        assert listener is not None
        assert listener.connected.wait(5)
        assert woke.wait(5)  # every (re)connect: anything may have been missed
        assert heard == [ChangeKind.BUSINESS]
        heard.clear()
        woke.clear()
        conninfo = engine.url.set(drivername="postgresql").render_as_string(hide_password=False)
        with psycopg.connect(conninfo, autocommit=True) as spy:
            _listen(spy)
            services.set_crew_status(fleet[0], CrewStatus.OFF_DUTY)
            notes = list(spy.notifies(timeout=5, stop_after=1))
        assert [n.payload for n in notes] == [f"b:{backend.revision()}"]
        assert woke.wait(5)
        assert heard == [ChangeKind.BUSINESS]
    finally:
        unsubscribe()
        backend.close()


def test_a_batch_of_fixes_is_heard_as_positions_only(
    engine: Engine, services: Services, fleet: list[int]
) -> None:
    if engine.dialect.name != "postgresql":
        return
    backend = DatabaseBackend(engine, principal=desk("dispatcher:test"))
    heard: list[ChangeKind] = []
    unsubscribe = backend.subscribe_changes(heard.append)
    try:
        listener = backend.change_listener
        assert listener is not None
        assert listener.connected.wait(5)
        deadline = time.monotonic() + 5
        while not heard and time.monotonic() < deadline:
            time.sleep(0.01)
        heard.clear()  # the wake-up of the connect
        revision = backend.revision()
        store_positions(engine, {fleet[0]: (30.3, 120.2)})
        store_positions(engine, {fleet[1]: (30.4, 120.3)})
        services.set_crew_status(fleet[2], CrewStatus.OFF_DUTY)
        while len(heard) < 3 and time.monotonic() < deadline:
            time.sleep(0.01)
        assert heard == [ChangeKind.POSITIONS, ChangeKind.POSITIONS, ChangeKind.BUSINESS]
        assert backend.revision() == revision + 1  # the fixes left the business revision alone
    finally:
        unsubscribe()
        backend.close()


@pytest.mark.parametrize(
    ("payload", "kind"),
    [
        ("p:17", ChangeKind.POSITIONS),
        ("b:17", ChangeKind.BUSINESS),
        ("17", ChangeKind.BUSINESS),  # a writer of an older version: a business change
        ("", ChangeKind.BUSINESS),
        ("p", ChangeKind.BUSINESS),
        ("x:1", ChangeKind.BUSINESS),
    ],
)
def test_a_notice_is_classified_by_its_payload(payload: str, kind: ChangeKind) -> None:
    assert notice_kind(payload) is kind


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
