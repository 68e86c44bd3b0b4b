"""Demo data: nationwide, plausible, inside mainland China, and reproducible."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine, func, select
from sqlalchemy.orm import Session

from console.cli import main
from console.core.errors import StorageError, ValidationError
from console.core.geo import ServiceArea
from console.core.vocab import CrewStatus, RequestStatus, Skill, VehicleKind
from console.db.audit import verify_ledger
from console.db.engine import make_engine
from console.db.models import Base, Crew, Depot, Request, User
from console.db.seed import SeedOptions, seed_database

AT = datetime(2026, 11, 23, 0, 0, tzinfo=UTC)


def dump(engine: Engine) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every table, in primary-key order."""
    tables: dict[str, list[tuple[Any, ...]]] = {}
    with engine.connect() as connection:
        for table in Base.metadata.sorted_tables:
            rows = connection.execute(select(table).order_by(*table.primary_key.columns))
            tables[table.name] = [tuple(row) for row in rows]
    return tables


def seeded_file(tmp_path: Path, name: str, *extra: str) -> Engine:
    url = f"sqlite:///{tmp_path / name}"
    assert main(["seed", "--db", url, "--requests", "40", *extra]) == 0
    return make_engine(url)


def test_seed_covers_the_country_with_a_realistic_fleet(tmp_path: Path) -> None:
    engine = seeded_file(tmp_path, "a.db", "--at", "2026-11-23T08:00:00+08:00")
    area = ServiceArea.default()
    with Session(engine) as session:
        depots = list(session.scalars(select(Depot)))
        crews = list(session.scalars(select(Crew)))
        users = list(session.scalars(select(User)))
        requests = list(session.scalars(select(Request)))
    assert len(depots) >= 300
    assert len({d.province_zh for d in depots}) >= 30
    assert len({d.adcode for d in depots}) >= 300, "at least 300 different cities"
    assert len(crews) >= 1500
    points = (
        [(d.lat, d.lon) for d in depots]
        + [(c.lat, c.lon) for c in crews]
        + [(r.lat, r.lon) for r in requests]
    )
    outside = [p for p in points if not area.contains(*p)]
    assert outside == []
    assert all(d.name_zh and d.name_en.isascii() is not None for d in depots)
    kinds = {VehicleKind(c.vehicle_kind) for c in crews}
    assert kinds == set(VehicleKind)
    assert sum(Skill.EV_HV_CERTIFIED.value in c.skills for c in crews) > len(crews) / 5
    assert 0 < sum(Skill.BILINGUAL.value in c.skills for c in crews) < len(crews) / 4
    busy = {CrewStatus(c.status) for c in crews} - {CrewStatus.AVAILABLE}
    assert CrewStatus.OFF_DUTY in busy and CrewStatus.ASSIGNED in busy
    assert {u.role for u in users} == {"DISPATCHER", "SUPERVISOR", "ADMIN"}
    assert all(u.is_demo and u.password_hash.startswith("$argon2id$") for u in users)
    assert RequestStatus.QUEUED.value in {r.status for r in requests}
    assert verify_ledger(engine).ok


def test_same_seed_and_time_give_identical_databases(tmp_path: Path) -> None:
    pinned = ("--seed", "7", "--at", "2026-11-23T08:00:00+08:00")
    first = dump(seeded_file(tmp_path, "one.db", *pinned))
    second = dump(seeded_file(tmp_path, "two.db", *pinned))
    # Each database's own secret key is random by design; every record is the same.
    assert first.pop("console_secrets") != second.pop("console_secrets")
    assert first == second
    assert len(first["events"]) > 40


def test_same_seed_gives_the_same_fleet_at_any_time_and_another_seed_another(
    tmp_path: Path,
) -> None:
    def fleet(engine: Engine) -> list[tuple[Any, ...]]:
        with engine.connect() as connection:
            return [tuple(r) for r in connection.execute(
                select(Crew.call_sign, Crew.vehicle_kind, Crew.skills, Crew.depot_id).order_by(Crew.id))]  # fmt: skip

    a = fleet(seeded_file(tmp_path, "a.db", "--seed", "3"))
    b = fleet(seeded_file(tmp_path, "b.db", "--seed", "3"))
    c = fleet(seeded_file(tmp_path, "c.db", "--seed", "4"))
    assert a == b
    assert a != c


def test_seeding_works_on_each_backend_and_refuses_to_seed_twice(engine: Engine) -> None:
    counts = seed_database(engine, SeedOptions(requests=10, at=AT))
    assert counts["depots"] >= 300 and counts["crews"] >= 1500
    before = dump(engine)
    with pytest.raises(StorageError) as caught:
        seed_database(engine, SeedOptions(requests=10, at=AT))
    assert caught.value.code == "db.not_empty"
    assert dump(engine) == before
    seed_database(engine, SeedOptions(requests=5, at=AT, replace=True))
    with Session(engine) as session:
        assert session.scalar(select(func.count()).select_from(Request)) == 5
    assert verify_ledger(engine).ok


@pytest.mark.parametrize(
    "options",
    [
        {"seed": -1},
        {"requests": -1},
        {"requests": 10**6},
        {"at": datetime(2026, 1, 1)},
        {"seed": True},
    ],
)
def test_bad_seed_options_are_typed_errors(options: dict[str, Any]) -> None:
    with pytest.raises(ValidationError) as caught:
        SeedOptions(**options)
    assert caught.value.code == "seed.invalid"
