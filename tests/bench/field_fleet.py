"""The fleet a field-load run drives: the seeded crews, more when needed, one new device each.

One device per crew: a crew's newest fix bounds the next one (stale, jump), so
several devices in one vehicle would refuse each other's fixes as a real crew's
phone and tracker would not (they agree on the time and place). The demo seed
has about 2,100 crews; a run of 10,000 devices adds bench crews at the seeded
depots (one unit of work). Devices are registered afresh for every run: their
identifiers are secrets stored hashed, so an earlier run's cannot be recovered.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass

from sqlalchemy import Engine, func, insert, select

from console.core.geo import ServiceArea
from console.core.roles import Permission, Principal
from console.core.vocab import CrewStatus, Shift
from console.db import schema
from console.db.models import Crew, Depot
from console.db.seed import SeedOptions, seed_database
from console.db.services import Services
from console.db.telemetry.devices import DeviceRegistry
from tests.bench.field_tracks import Device

__all__ = ["BENCH_ACTOR", "Fleet", "prepare_fleet"]

BENCH_ACTOR = "field-load"
"""The ledger actor of the bench's own set-up writes."""
BENCH_PREFIX = "FL-"
"""Call-sign prefix of the crews the bench adds."""
BENCH_DEVICE_LABEL = "field-load"
"""The label of the devices the bench registers."""


@dataclass(frozen=True)
class Fleet:
    """The devices of one run and how the fleet was made."""

    devices: list[Device]
    seeded: bool
    """True when this run seeded the database."""
    added_crews: int


def prepare_fleet(engine: Engine, count: int) -> Fleet:
    """``count`` newly registered devices, one per crew; seeds and adds crews as needed."""
    schema.ensure_schema(engine, auto_upgrade=True)
    with engine.connect() as connection:
        depots = connection.scalar(select(func.count()).select_from(Depot)) or 0
    seeded = not depots
    if seeded:
        seed_database(engine, SeedOptions(requests=0))
    added = _add_crews(engine, count)
    with engine.connect() as connection:
        crews = connection.execute(
            select(Crew.id, Crew.call_sign, Crew.lat, Crew.lon).order_by(Crew.id).limit(count)
        ).all()
    tokens = register_devices(engine, [crew_id for crew_id, _, _, _ in crews])
    devices = [
        Device(index=i, token=token, device_id=device_id, crew_id=crew_id, lat=lat, lon=lon)
        for i, ((crew_id, _, lat, lon), (token, device_id)) in enumerate(
            zip(crews, tokens, strict=True)
        )
    ]
    return Fleet(devices=devices, seeded=seeded, added_crews=added)


def _add_crews(engine: Engine, count: int) -> int:
    """Add crews at the seeded depots (copies of seeded crews) until there are ``count``."""
    with engine.connect() as connection:
        have = connection.scalar(select(func.count()).select_from(Crew)) or 0
        models = connection.execute(
            select(Crew.depot_id, Crew.vehicle_kind, Crew.skills, Crew.lat, Crew.lon)
            .where(~Crew.call_sign.startswith(BENCH_PREFIX))
            .order_by(Crew.id)
        ).all()
    missing = count - have
    if missing <= 0:
        return 0
    area = ServiceArea.default()
    services = Services(engine, principal=Principal.system(BENCH_ACTOR))
    with services.unit_of_work(Permission.MAINTAIN) as uow:
        start = have + 1
        rows = []
        for n in range(missing):
            depot_id, kind, skills, lat, lon = models[n % len(models)]
            # A few hundred metres apart, so the added crews do not sit on one point.
            spread = (n // len(models) + 1) * 0.003
            if area.contains(lat + spread, lon - spread):
                lat, lon = lat + spread, lon - spread
            rows.append(
                {
                    "call_sign": f"{BENCH_PREFIX}{start + n:05d}",
                    "depot_id": depot_id,
                    "vehicle_kind": kind,
                    "skills": skills,
                    "status": CrewStatus.AVAILABLE.value,
                    "lat": lat,
                    "lon": lon,
                    "shift": Shift.DAY.value,
                    "version": 1,
                    "revision": uow.revision,
                }
            )
        uow.session.execute(insert(Crew), rows)
        uow.record("bench.fleet", crews=missing)
    return missing


def register_devices(engine: Engine, crew_ids: list[int]) -> list[tuple[str, int]]:
    """Register one device for each crew through the registry; ``(identifier, row id)`` each."""
    registry = DeviceRegistry(engine, principal=Principal.system(BENCH_ACTOR))
    made = []
    for n, crew_id in enumerate(crew_ids, start=1):
        row, token = registry.add_for_crew(crew_id, BENCH_DEVICE_LABEL)
        made.append((token, row.id))
        if n % 2000 == 0:
            print(f"registered {n} of {len(crew_ids)} devices", file=sys.stderr, flush=True)
    return made
