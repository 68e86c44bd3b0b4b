"""Dispatch engine speed at national scale: 10,000 crews from 3,000 depots.

Targets (issue: dispatch engine): one request's suggestions, median under 2 ms;
a joint proposal for 500 queued requests, under 100 ms. Run with
``pytest tests/bench --benchmark-enable``.
"""

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta

import pytest
from pytest_benchmark.fixture import BenchmarkFixture

from console.core.dispatch import CrewInfo, DispatchEngine, RequestInfo
from console.core.vocab import (
    CrewStatus,
    Powertrain,
    Priority,
    RoadType,
    ServiceType,
    Skill,
    VehicleClass,
    VehicleKind,
)
from console.db.seed import load_cities

NOW = datetime(2026, 11, 23, 3, 0, tzinfo=UTC)
KINDS = [(VehicleKind.FLATBED, 35), (VehicleKind.WHEEL_LIFT, 15), (VehicleKind.SERVICE_VAN, 28),
         (VehicleKind.EV_SERVICE_VAN, 14), (VehicleKind.HEAVY_WRECKER, 8)]  # fmt: skip


def national_fleet(depots: int = 3000, crews: int = 10_000, seed: int = 1) -> list[CrewInfo]:
    rng = random.Random(seed)
    cities = load_cities()
    weights = [{1: 12, 2: 4, 3: 1}[c.tier] for c in cities]
    sites = []
    for _ in range(depots):
        city = rng.choices(cities, weights=weights)[0]
        sites.append(
            (city.adcode[:2], city.lat + rng.gauss(0, 0.12), city.lon + rng.gauss(0, 0.12))
        )
    fleet = []
    for i in range(1, crews + 1):
        depot = rng.randrange(depots)
        region, lat, lon = sites[depot]
        fleet.append(
            CrewInfo(
                id=i, call_sign=f"C{i:05d}", depot_id=depot, partner_id=depot % 60, region=region,
                vehicle_kind=rng.choices([k for k, _ in KINDS], weights=[w for _, w in KINDS])[0],
                skills=frozenset({Skill.EV_HV_CERTIFIED}) if rng.random() < 0.35 else frozenset(),
                status=CrewStatus.AVAILABLE if rng.random() < 0.85 else CrewStatus.OFF_DUTY,
                lat=lat + rng.gauss(0, 0.03), lon=lon + rng.gauss(0, 0.03),
                gps_at=NOW - timedelta(minutes=rng.uniform(0, 15)), version=1,
                recent_jobs=rng.randrange(5), partner_quality=rng.uniform(0.75, 1.0),
            )
        )  # fmt: skip
    return fleet


def queue(n: int, fleet: list[CrewInfo], seed: int = 2) -> list[RequestInfo]:
    rng = random.Random(seed)
    services = [ServiceType.TOW] * 40 + [ServiceType.JUMP_START] * 20 + [ServiceType.LOCKOUT] * 16 + [
        ServiceType.TYRE_CHANGE] * 10 + [ServiceType.FUEL_DELIVERY, ServiceType.EXTRACTION,
        ServiceType.EV_CHARGING, ServiceType.EV_HV_CHECK] * 3  # fmt: skip
    requests = []
    for i in range(1, n + 1):
        anchor = rng.choice(fleet)
        requests.append(
            RequestInfo(
                id=i, reference=f"RA-{i:05d}", lat=anchor.lat + rng.gauss(0, 0.05),
                lon=anchor.lon + rng.gauss(0, 0.05), road_type=rng.choice(list(RoadType)),
                service_type=rng.choice(services), priority=rng.choice(list(Priority)),
                powertrain=Powertrain.EV if rng.random() < 0.3 else Powertrain.ICE,
                vehicle_class=VehicleClass.HEAVY_TRUCK if rng.random() < 0.05 else VehicleClass.CAR,
                queued_at=NOW - timedelta(minutes=rng.uniform(0, 8)),
            )
        )  # fmt: skip
    return requests


@pytest.fixture(scope="module")
def engine() -> DispatchEngine:
    return DispatchEngine(national_fleet(), now=NOW)


def test_suggestions_for_one_request_among_ten_thousand_crews(
    benchmark: BenchmarkFixture, engine: DispatchEngine
) -> None:
    requests = queue(200, engine.crews)
    cycle = iter(range(10**9))

    def one() -> int:
        return len(engine.suggest(requests[next(cycle) % len(requests)]).suggestions)

    found = benchmark(one)
    assert found > 0
    assert benchmark.stats.stats.median < 0.002


def test_joint_proposal_for_five_hundred_queued_requests(
    benchmark: BenchmarkFixture, engine: DispatchEngine
) -> None:
    requests = queue(500, engine.crews)
    proposal = benchmark(engine.propose, requests)
    assert proposal.assigned > 400
    assert proposal.objective <= proposal.baseline_objective
    assert benchmark.stats.stats.median < 0.100


def test_building_the_engine_for_ten_thousand_crews(benchmark: BenchmarkFixture) -> None:
    fleet = national_fleet()
    built = benchmark(lambda: DispatchEngine(fleet, now=NOW))
    assert len(built.crews) > 8000
