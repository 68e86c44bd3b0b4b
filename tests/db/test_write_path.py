"""What one write sends while it holds the writer lock (SQLite and PostgreSQL)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import pytest
from psycopg.pq import TransactionStatus
from sqlalchemy import Connection, Engine, event, text

from console.core.errors import Conflict
from console.db.audit import verify_ledger
from console.db.records import capture
from console.db.services import Services
from tests.db.helpers import draft, state


@contextmanager
def _statements(engine: Engine) -> Iterator[list[str]]:
    seen: list[str] = []

    def note(*args: Any) -> None:
        seen.append(" ".join(args[2].split()))

    event.listen(engine, "before_cursor_execute", note)
    try:
        yield seen
    finally:
        event.remove(engine, "before_cursor_execute", note)


@contextmanager
def _round_trips(engine: Engine) -> Iterator[list[str]]:
    """What goes to the server and waits for its answer: statements, a driver's own BEGIN, COMMIT."""
    seen: list[str] = []

    def statement(*args: Any) -> None:
        seen.append(" ".join(args[2].split()))

    def began(connection: Connection) -> None:
        # psycopg sends a BEGIN of its own unless the connection is in autocommit mode.
        raw = connection.connection.dbapi_connection
        if engine.dialect.name == "postgresql" and not raw.autocommit:  # type: ignore[union-attr]
            seen.append("BEGIN")

    listeners = [("before_cursor_execute", statement), ("begin", began),
                 ("commit", lambda *_: seen.append("COMMIT"))]  # fmt: skip
    for name, listener in listeners:
        event.listen(engine, name, listener)
    try:
        yield seen
    finally:
        for name, listener in listeners:
            event.remove(engine, name, listener)


def test_a_dispatch_write_opens_its_transaction_with_the_writers_lock_in_one_round_trip(
    services: Services, engine: Engine
) -> None:
    if engine.dialect.name != "postgresql":
        pytest.skip("SQLite takes its write lock with BEGIN IMMEDIATE")
    row = services.take_call(draft())
    services.assign(row.id, 1)
    with _round_trips(engine) as trips:
        services.start_journey(row.id)
    assert [trip.split(" ", 2)[:2] for trip in trips] == [
        ["BEGIN;", "SELECT"],  # the transaction and the shared writers' lock
        ["SELECT", "requests.id,"],  # the request, locked
        ["SELECT", "crews.id,"],  # its crew, locked
        ["UPDATE", "crews"],
        ["UPDATE", "requests"],
        ["WITH", "numbered"],  # the seal
        ["COMMIT"],
    ]
    assert "pg_advisory_xact_lock_shared" in trips[0]
    assert verify_ledger(engine).ok


def test_a_dispatch_write_hands_its_connection_back_as_it_took_it(
    services: Services, engine: Engine
) -> None:
    if engine.dialect.name != "postgresql":
        pytest.skip("only PostgreSQL's dispatch writes run their connection in autocommit mode")
    row = services.take_call(draft())
    services.assign(row.id, 1)
    before = state(engine)
    with pytest.raises(Conflict):
        services.assign(services.take_call(draft()).id, 1)  # the crew is taken
    assert state(engine)[0] == before[0] + 1  # the call was stored, the assignment was not
    with engine.connect() as connection:
        connection.execute(text("SELECT 1"))
        raw = connection.connection.dbapi_connection
        assert not raw.autocommit  # type: ignore[union-attr]
        # A reader's statements run in one transaction, as before any dispatch write.
        assert raw.info.transaction_status is TransactionStatus.INTRANS  # type: ignore[union-attr]


def test_the_event_and_the_new_head_go_in_one_statement_on_postgresql(
    services: Services, engine: Engine
) -> None:
    with _statements(engine) as seen:
        row = services.take_call(draft())
        services.assign(row.id, 1)
    appends = [text for text in seen if "INSERT INTO events" in text]
    assert len(appends) == 2
    if engine.dialect.name == "postgresql":
        # One round trip under the writer lock: the head taken, the event, the new head, the
        # revision stamped on the rows and the announcement; nothing else waits for the head.
        assert all("UPDATE chain_head" in text and "pg_notify" in text for text in appends)
        assert all("FOR UPDATE" in text for text in appends)
        assert sum("FROM chain_head" in text for text in seen) == 2
        assert sum("pg_notify" in text for text in seen) == 2
    else:
        assert sum(text.startswith("UPDATE chain_head") for text in seen) == 2
    assert verify_ledger(engine).ok


def test_the_changes_cut_where_the_revision_goes_join_back_to_the_recorded_changes() -> None:
    noted = capture.Capture(concurrent=True)
    # Texts that look like the cut's token must not be mistaken for it.
    noted.new("requests", 7, {"id": 7, "notes": "\x01" + "0" * 32, "revision": 0})
    noted.set("crews", 2, {"status": "ASSIGNED", "revision": 0})
    noted.set("crews", 3, {"lat": 30.1})
    noted.new("reference_counters", "20261123", {"day": "20261123", "last": 4})
    pieces, stamped = noted.pieces("revision", 0)
    assert stamped == {"requests": [7], "crews": [2]}
    assert "981".join(pieces) == noted.entries_with("revision", 981).json()
    noted.set("crews", 4, {"revision": 5})
    with pytest.raises(RuntimeError):
        noted.pieces("revision", 0)
