"""Demand points: the twin's calls over several planning days, grouped by place, need and target.

The planning days are drawn from the scenario with their own random stream
(``PLAN_STREAM``), so the plan never sees the days it is evaluated on. Only
calls that need a crew count. A call in town belongs to its city; a call on an
expressway or a rural road (scattered up to 35 km) to a grid cell of about
20 km, so its mean location is near where the crew must go.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from console.core.capability import CapabilityRules, VehicleFacts
from console.core.fleet_layout import City
from console.core.geo import ServiceArea
from console.core.sla import SlaTargets
from console.core.vocab import RoadType, ServiceType, Skill, VehicleKind
from console.sim.demand import CallSet, generate_calls, streams
from console.sim.scenario import Scenario

FloatArray = npt.NDArray[np.float64]

PLAN_STREAM = 0x504C414E
"""Spawn key of the planning days' seed: apart from every evaluation replication's."""
CELL_KM = 20.0
KM_PER_DEGREE = 111.2
TRAVEL_GUESS_MINUTES = 20.0
"""Driving to a job, for the load estimate (the twin's median time to arrival is ~21 min)."""
SKILLS = tuple(Skill)
TOW_SPEED_KMH = {RoadType.URBAN: 28.0, RoadType.RURAL: 46.0, RoadType.EXPRESSWAY: 70.0}


_Key = tuple[
    str, str, tuple[int, int] | None, tuple[VehicleKind, ...], tuple[Skill, ...], str, float
]
"""Province, city, grid cell (None in town), kinds, skills, road, target."""


@dataclass(frozen=True, slots=True)
class NeedClass:
    """What a call asks of a crew: the vehicle kinds allowed and the skills required."""

    kinds: frozenset[VehicleKind]
    skills: frozenset[Skill]


@dataclass(frozen=True)
class DemandPoint:
    """Calls of one need class and target at one place, as an expected daily rate."""

    region: str
    """Province code (the twin dispatches by province)."""
    city: str
    need: NeedClass
    road: RoadType
    target: float
    """Arrival target, minutes from queueing."""
    weight: float
    """Expected calls a day."""
    lat: float
    lon: float
    job_minutes: float
    """Mean minutes a crew is busy with one of these calls."""
    prefer: tuple[tuple[Skill, float], ...]
    """Skills some of these calls prefer (not require), with the share of calls preferring each."""


def demand_points(
    scenario: Scenario,
    *,
    seed: int,
    days: int,
    cities: Sequence[City],
    area: ServiceArea,
    rules: CapabilityRules | None = None,
    sla: SlaTargets | None = None,
) -> list[DemandPoint]:
    """Expected daily demand for crews, grouped into points (sorted, deterministic)."""
    rules = rules or CapabilityRules.default()
    sla = sla or SlaTargets()
    groups: dict[_Key, list[float]] = {}
    for day in range(days):
        root = np.random.SeedSequence(seed, spawn_key=(PLAN_STREAM, day))
        calls: CallSet = generate_calls(scenario, streams(root), cities, area)
        for i in range(len(calls)):
            if calls.remote[i] or calls.service[i] is ServiceType.REMOTE_GUIDANCE:
                continue
            needs = rules.needs(
                VehicleFacts(
                    calls.service[i],
                    calls.powertrain[i],
                    calls.vehicle_class[i],
                    bool(calls.awd[i]),
                    calls.language[i],
                )
            )
            if needs.no_crew or not needs.kinds:
                continue
            road = calls.road[i]
            lat, lon = float(calls.lat[i]), float(calls.lon[i])
            place: tuple[int, int] | None = None
            if road is not RoadType.URBAN:
                place = _cell(lat, lon)
            key: _Key = (
                calls.region[i],
                calls.city[i],
                place,
                tuple(sorted(needs.kinds)),
                tuple(sorted(needs.skills)),
                road.value,
                float(sla.arrival_minutes[calls.priority[i]][road]),
            )
            tow = 0.0
            if calls.service[i] is ServiceType.TOW:
                tow = float(calls.tow_km[i]) / TOW_SPEED_KMH[road] * 60.0 + scenario.unload_minutes
            job = TRAVEL_GUESS_MINUTES + float(calls.on_scene[i]) + tow
            acc = groups.setdefault(key, [0.0] * (4 + len(SKILLS)))
            acc[0] += 1
            acc[1] += lat
            acc[2] += lon
            acc[3] += job
            for s, skill in enumerate(SKILLS):
                if skill in needs.prefer:
                    acc[4 + s] += 1
    points = []
    for group in sorted(groups, key=repr):
        region, city, _, kinds, skills, road_name, target = group
        n, lat_sum, lon_sum, job_sum, *preferring = groups[group]
        points.append(
            DemandPoint(
                region=str(region),
                city=str(city),
                need=NeedClass(
                    frozenset(VehicleKind(k) for k in kinds),
                    frozenset(Skill(s) for s in skills),
                ),
                road=RoadType(road_name),
                target=target,
                weight=n / days,
                lat=lat_sum / n,
                lon=lon_sum / n,
                job_minutes=job_sum / n,
                prefer=tuple(
                    (skill, count / n)
                    for skill, count in zip(SKILLS, preferring, strict=True)
                    if count
                ),
            )
        )
    return points


def _cell(lat: float, lon: float) -> tuple[int, int]:
    step = CELL_KM / KM_PER_DEGREE
    row = math.floor(lat / step)
    centre = (row + 0.5) * step
    return row, math.floor(lon * math.cos(math.radians(centre)) / step)
