"""Fixtures that run every data-layer test on SQLite and on PostgreSQL."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import Engine, insert

from console.core.roles import Permission
from console.core.vocab import CrewStatus, Shift, Skill, VehicleKind
from console.db import schema
from console.db.engine import make_engine
from console.db.models import Crew, Depot, Partner
from console.db.services import Services
from tests.support.databases import postgres_schema_url, postgres_unavailable_reason
from tests.support.principals import SYSTEM, desk


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """A fresh, empty database of each supported kind."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'console.db'}"
        return
    reason = postgres_unavailable_reason()
    if reason:
        pytest.skip(reason)
    with postgres_schema_url() as url:
        yield url


@pytest.fixture
def engine(db_url: str) -> Iterator[Engine]:
    """An engine on a database migrated to the head schema."""
    engine = make_engine(db_url)
    schema.ensure_schema(engine, auto_upgrade=True)
    yield engine
    engine.dispose()


class FakeClock:
    """A clock tests move by hand."""

    def __init__(self) -> None:
        self.now = datetime(2026, 11, 23, 2, 0, tzinfo=UTC)

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **delta: float) -> None:
        self.now += timedelta(**delta)


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


FLEET = (
    ("HZ-01", VehicleKind.FLATBED, [Skill.EV_HV_CERTIFIED], CrewStatus.AVAILABLE),
    ("HZ-02", VehicleKind.WHEEL_LIFT, [], CrewStatus.AVAILABLE),
    ("HZ-03", VehicleKind.SERVICE_VAN, [Skill.BILINGUAL], CrewStatus.AVAILABLE),
    ("HZ-04", VehicleKind.EV_SERVICE_VAN, [Skill.EV_HV_CERTIFIED], CrewStatus.AVAILABLE),
    ("HZ-05", VehicleKind.HEAVY_WRECKER, [], CrewStatus.OFF_DUTY),
    ("HZ-06", VehicleKind.FLATBED, [], CrewStatus.OUT_OF_SERVICE),
)


def install_fleet(engine: Engine) -> list[int]:
    """A partner, a depot in Hangzhou and the six crews of FLEET; returns crew ids."""
    with Services(engine, principal=SYSTEM).unit_of_work(Permission.MAINTAIN) as uow:
        uow.session.execute(
            insert(Partner),
            [{"id": 1, "code": "P1", "name_zh": "杭州安途", "name_en": "Hangzhou Antu",
              "phone": "4008100100", "revision": uow.revision}],
        )  # fmt: skip
        uow.session.execute(
            insert(Depot),
            [{"id": 1, "code": "D330100-01", "name_zh": "杭州中心救援站",
              "name_en": "Hangzhou Central Depot", "city_zh": "杭州", "city_en": "Hangzhou",
              "province_zh": "浙江", "province_en": "Zhejiang", "adcode": "330100",
              "lat": 30.25, "lon": 120.16, "partner_id": 1, "phone": "13800000000",
              "revision": uow.revision}],
        )  # fmt: skip
        uow.session.execute(
            insert(Crew),
            [
                {"id": i, "call_sign": sign, "depot_id": 1, "vehicle_kind": kind.value,
                 "skills": [s.value for s in skills], "status": status.value,
                 "lat": 30.25 + i / 100, "lon": 120.16, "shift": Shift.DAY.value,
                 "version": 1, "revision": uow.revision}
                for i, (sign, kind, skills, status) in enumerate(FLEET, start=1)
            ],
        )  # fmt: skip
        uow.record("fixture.fleet", crews=len(FLEET))
    if engine.dialect.name == "postgresql":
        with engine.begin() as connection:
            for table in ("partners", "depots", "crews"):
                connection.exec_driver_sql(
                    f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), (SELECT MAX(id) FROM {table}))"
                )
    return list(range(1, len(FLEET) + 1))


@pytest.fixture
def fleet(engine: Engine) -> list[int]:
    """Crew ids of a small Hangzhou fleet: 4 available, 1 off duty, 1 out of service."""
    return install_fleet(engine)


@pytest.fixture
def services(engine: Engine, clock: FakeClock, fleet: list[int]) -> Services:
    """The service layer at a desk (every dispatch operation allowed), on a database with a fleet."""
    return Services(engine, principal=desk("dispatcher:test"), clock=clock)
