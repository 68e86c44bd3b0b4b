"""Storing one batch of 500 fixes from 500 crews: one transaction, one ledger event.

The goal is a few tens of milliseconds on PostgreSQL, so one gateway process
stores well over 2,000 fixes a second. Each round is the next 5 s of the fleet
(every crew moves ~50 m), so every fix is accepted. Run with
``pytest tests/bench/test_telemetry_bench.py --benchmark-enable``.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta

import pytest
from pytest_benchmark.fixture import BenchmarkFixture
from sqlalchemy import Engine, func, insert, select

from console.core.field.fix import Fix, FixSource, Verdict
from console.core.roles import Permission, Principal
from console.core.vocab import CrewStatus, Shift, VehicleKind
from console.db import schema
from console.db.models import Crew, Depot, Event, Partner
from console.db.services import Services
from console.db.telemetry.store import TelemetryStore
from tests.bench.databases import filled_engine

CREWS = 500
START = datetime(2026, 11, 23, 2, 0, tzinfo=UTC)


def fill_fleet(engine: Engine) -> None:
    """The schema and CREWS crews spread around Hangzhou."""
    schema.ensure_schema(engine, auto_upgrade=True)
    with Services(engine, principal=Principal.system("bench")).unit_of_work(
        Permission.MAINTAIN
    ) as uow:
        uow.session.execute(
            insert(Partner),
            [{"id": 1, "code": "P1", "name_zh": "杭州安途", "name_en": "Hangzhou Antu",
              "phone": "4008100100", "revision": uow.revision}],
        )  # fmt: skip
        uow.session.execute(
            insert(Depot),
            [{"id": 1, "code": "D1", "name_zh": "杭州", "name_en": "Hangzhou", "city_zh": "杭州",
              "city_en": "Hangzhou", "province_zh": "浙江", "province_en": "Zhejiang",
              "adcode": "330100", "lat": 30.25, "lon": 120.16, "partner_id": 1,
              "phone": "13800000000", "revision": uow.revision}],
        )  # fmt: skip
        uow.session.execute(
            insert(Crew),
            [{"id": i, "call_sign": f"HZ-{i:03d}", "depot_id": 1,
              "vehicle_kind": VehicleKind.FLATBED.value, "skills": [],
              "status": CrewStatus.AVAILABLE.value, "lat": 30.0 + i / 1000, "lon": 120.0,
              "shift": Shift.DAY.value, "version": 1, "revision": uow.revision}
             for i in range(1, CREWS + 1)],
        )  # fmt: skip
        uow.record("bench.fleet", crews=CREWS)


class Fleet:
    """The next batch of the fleet's fixes, 5 s after the last."""

    def __init__(self) -> None:
        self.round = 0

    def now(self) -> datetime:
        return START + timedelta(seconds=5 * self.round)

    def batch(self) -> list[Fix]:
        self.round += 1
        at = self.now()
        return [
            Fix(device_id=crew, crew_id=crew, at=at, lat=30.0 + crew / 1000 + self.round * 0.0005,
                lon=120.0 + self.round * 0.0001, source=FixSource.OSMAND, speed_kmh=36.0,
                bearing=10.0, accuracy_m=5.0, battery_pct=80.0)
            for crew in range(1, CREWS + 1)
        ]  # fmt: skip


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def fleet_db(request: pytest.FixtureRequest) -> Iterator[Engine]:
    with filled_engine(request.param, "telemetry.db", fill_fleet) as engine:
        yield engine


def test_a_batch_of_500_fixes_from_500_crews(benchmark: BenchmarkFixture, fleet_db: Engine) -> None:
    fleet = Fleet()
    store = TelemetryStore(fleet_db, clock=fleet.now)
    with fleet_db.connect() as connection:
        events_before = connection.scalar(select(func.count()).select_from(Event))

    def setup() -> tuple[tuple[list[Fix]], dict[str, object]]:
        return (fleet.batch(),), {}

    verdicts = benchmark.pedantic(store.write_batch, setup=setup, rounds=60, warmup_rounds=5)

    assert verdicts == [Verdict.ACCEPTED] * CREWS
    with fleet_db.connect() as connection:
        events = connection.scalar(select(func.count()).select_from(Event))
    assert events == (events_before or 0) + fleet.round  # one event per batch
