"""Request references come from a counter per local day, recorded in the ledger
(SQLite and PostgreSQL)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import pytest
from sqlalchemy import Engine, event, select
from sqlalchemy.orm import Session

from console.core.roles import Permission
from console.db import schema
from console.db.audit import verify_ledger
from console.db.backend import DatabaseBackend
from console.db.models import Event, ReferenceCounter
from console.db.references import take_number
from console.db.services import Services
from tests.db.conftest import FakeClock
from tests.db.helpers import as_written_before_table, draft
from tests.support.principals import SYSTEM, desk


def _take(services: Services, count: int = 1) -> list[str]:
    return [services.take_call(draft()).reference for _ in range(count)]


def _counters(engine: Engine) -> dict[str, int]:
    with Session(engine) as session:
        return {c.day: c.last for c in session.scalars(select(ReferenceCounter))}


@contextmanager
def _statements(engine: Engine) -> Iterator[list[str]]:
    seen: list[str] = []

    def note(*args: Any) -> None:
        seen.append(args[2])

    event.listen(engine, "before_cursor_execute", note)
    try:
        yield seen
    finally:
        event.remove(engine, "before_cursor_execute", note)


def test_calls_are_numbered_from_0001_each_local_day(
    services: Services, engine: Engine, clock: FakeClock
) -> None:
    assert _take(services, 3) == ["RA-20261123-0001", "RA-20261123-0002", "RA-20261123-0003"]
    clock.advance(hours=14)  # 16:00 UTC is midnight in Beijing
    assert _take(services, 2) == ["RA-20261124-0001", "RA-20261124-0002"]
    assert _counters(engine) == {"20261123": 3, "20261124": 2}
    assert verify_ledger(engine).ok


def test_taking_a_call_reads_no_other_request(services: Services, engine: Engine) -> None:
    _take(services)  # the day's counter exists from the first call on
    with _statements(engine) as seen:
        _take(services)
    assert not [text for text in seen if "LIKE" in text.upper() or "count(" in text.lower()]


def test_each_call_records_its_days_counter_in_its_event(
    services: Services, engine: Engine
) -> None:
    first, second = (services.take_call(draft()) for _ in range(2))
    with Session(engine) as session:
        changes = [
            [entry for entry in json.loads(e.changes or "[]") if entry["t"] == "reference_counters"]
            for e in session.scalars(
                select(Event).where(Event.request_id.in_([first.id, second.id])).order_by(Event.seq)
            )
        ]
    assert changes == [
        [{"t": "reference_counters", "id": "20261123", "new": {"day": "20261123", "last": 1}}],
        [{"t": "reference_counters", "id": "20261123", "set": {"last": 2}}],
    ]


def test_past_9999_calls_a_day_references_grow_a_fifth_digit(
    services: Services, engine: Engine
) -> None:
    with Services(engine, principal=SYSTEM).unit_of_work(Permission.MAINTAIN) as uow:
        uow.session.add(ReferenceCounter(day="20261123", last=9_998))
        uow.record("test.busy_day")
    assert _take(services, 2) == ["RA-20261123-9999", "RA-20261123-10000"]
    found = DatabaseBackend(engine, principal=desk("reader")).request_by_reference(
        "RA-20261123-10000"
    )
    assert found is not None
    assert verify_ledger(engine).ok


def test_an_upgraded_database_continues_each_days_numbers(
    services: Services, engine: Engine, clock: FakeClock
) -> None:
    _take(services, 2)
    clock.advance(days=1)
    _take(services, 3)
    # Back to the schema before counters: references numbered by an older console.
    as_written_before_table(engine, "reference_counters")
    schema.downgrade(engine, "0009")
    schema.upgrade(engine)
    assert _counters(engine) == {}
    assert _take(services) == ["RA-20261124-0004"]
    clock.advance(days=-1)  # a clock set back to a day that already has calls
    assert _take(services) == ["RA-20261123-0003"]
    clock.advance(days=2)
    assert _take(services) == ["RA-20261125-0001"]
    assert _counters(engine) == {"20261123": 3, "20261124": 4, "20261125": 1}
    report = verify_ledger(engine)
    assert report.ok, report.problem


def test_a_number_taken_by_a_failed_write_is_not_used_up(
    services: Services, engine: Engine
) -> None:
    _take(services)
    with pytest.raises(RuntimeError), services.unit_of_work(Permission.TAKE_CALL) as uow:
        assert take_number(uow.session, "20261123") == 2
        raise RuntimeError("the call could not be stored")
    assert _take(services) == ["RA-20261123-0002"]
