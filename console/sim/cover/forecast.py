"""Expected demand by place, hour and need class, from the scenario's rates alone.

This is what a centre knows from its history (the scenario's daily volume, its
hourly profile, the service mix and the city weights), never the day's calls:
a policy that plans with it does not peek at the future. Each city stands for
ten places: its centre and a ring of three at 6 km for calls in town (scattered
up to 8 km), and a ring of six at 24 km for calls on expressways and rural
roads (scattered up to 35 km). Places off land are dropped and their share goes
to the city's other places. Each place holds one demand point per arrival
target its calls have (a P1 call in town must be reached in 30 minutes, a P2
one in 60), so a crew covers the urgent calls of a place only when it is near.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from console.core.capability import CapabilityRules, VehicleFacts
from console.core.dispatch import skill_mask
from console.core.fleet_layout import TIER_WEIGHT, City
from console.core.geo import ServiceArea
from console.core.sla import SlaTargets
from console.core.vocab import (
    CallerLanguage,
    Powertrain,
    Priority,
    RoadType,
    ServiceType,
    VehicleClass,
    VehicleKind,
)
from console.sim.demand import AWD_SHARE, EV_ONLY, VEHICLE_CLASSES, offset_many
from console.sim.scenario import HOURS, Scenario

FloatArray = npt.NDArray[np.float64]
IntArray = npt.NDArray[np.int64]

TOWN_RING_KM = 6.0
TOWN_CENTRE_SHARE = 0.25
"""Calls in town fall uniformly on a disc of 8 km: a quarter within 4 km of the centre."""
OUTER_RING_KM = 24.0
TOWN_RING, OUTER_RING = 3, 6


@dataclass(frozen=True, slots=True)
class NeedClass:
    """What a call asks of a crew: one of these vehicle kinds, all of these skills."""

    kinds: frozenset[VehicleKind]
    skills: int
    """Required skills as a bit mask (see :func:`console.core.dispatch.skill_mask`)."""

    def served_by(self, kind: VehicleKind, skills: int) -> bool:
        """True when a crew of ``kind`` with ``skills`` may serve these calls."""
        return kind in self.kinds and skills & self.skills == self.skills


@dataclass(frozen=True)
class DemandForecast:
    """Expected calls needing a crew, per hour of the day, demand point and need class."""

    lat: FloatArray
    lon: FloatArray
    region: list[str]
    """Province code of each point (the twin dispatches by province)."""
    road: list[RoadType]
    """The road a crew takes to the point (sets the travel time)."""
    target: FloatArray
    """Arrival target at the point, minutes."""
    classes: tuple[NeedClass, ...]
    rate: FloatArray
    """Expected calls per hour, shape (24, points, classes)."""

    def __len__(self) -> int:
        return len(self.lat)


def coming_hour(rate: FloatArray, minute: float) -> FloatArray:
    """Expected calls in the hour after ``minute`` from hourly ``rate`` (24 x ...); none after the day."""
    if minute >= HOURS * 60:
        return np.zeros(rate.shape[1:])
    hour = int(minute // 60)
    share = minute / 60 - hour
    later = rate[hour + 1] if hour + 1 < HOURS else np.zeros(rate.shape[1:])
    mixed: FloatArray = (1 - share) * rate[hour] + share * later
    return mixed


def need_mix(
    scenario: Scenario, rules: CapabilityRules
) -> tuple[tuple[NeedClass, ...], FloatArray]:
    """The need classes of a scenario's calls and the share of calls in each (crew calls only)."""
    services = {s: w for s, w in scenario.service_mix.items() if w > 0}
    total = sum(services.values())
    powertrains = (
        (Powertrain.EV, scenario.ev_share),
        (Powertrain.HEV, scenario.hev_share),
        (Powertrain.ICE, 1 - scenario.ev_share - scenario.hev_share),
    )
    shares: dict[NeedClass, float] = {}
    for (service, weight), (power, p_power), (vclass, p_class), awd in itertools.product(
        services.items(), powertrains, VEHICLE_CLASSES, (False, True)
    ):
        p_awd = AWD_SHARE if vclass in {VehicleClass.CAR, VehicleClass.SUV} else 0.0
        share = weight / total * p_power * p_class * (p_awd if awd else 1 - p_awd)
        actual = (
            ServiceType.JUMP_START if service in EV_ONLY and power is not Powertrain.EV else service
        )
        share *= 1 - scenario.remote_fix.get(actual, 0.0)
        if share <= 0:
            continue
        needs = rules.needs(VehicleFacts(actual, power, vclass, awd, CallerLanguage.ZH))
        if needs.no_crew or not needs.kinds:
            continue
        need = NeedClass(frozenset(needs.kinds), skill_mask(needs.skills))
        shares[need] = shares.get(need, 0.0) + share
    classes = tuple(sorted(shares, key=lambda n: (sorted(n.kinds), n.skills)))
    return classes, np.array([shares[c] for c in classes], dtype=float)


def target_groups(scenario: Scenario, sla: SlaTargets) -> list[tuple[RoadType, float, float]]:
    """(road, arrival target, share of calls) for the scenario's mix of roads and priorities.

    Every expressway call is P1, as in :func:`console.sim.demand.generate_calls`.
    """
    total = max(1e-9, sum(scenario.roads.values()))
    shares: dict[tuple[RoadType, float], float] = {}
    for road, weight in scenario.roads.items():
        if road is RoadType.EXPRESSWAY:
            priorities = {Priority.P1: 1.0}
        else:
            priorities = {
                Priority.P1: scenario.p1_share,
                Priority.P2: 1 - scenario.p1_share - scenario.p3_share,
                Priority.P3: scenario.p3_share,
            }
        for priority, share in priorities.items():
            if share * weight > 0:
                key = (road, float(sla.arrival_minutes[priority][road]))
                shares[key] = shares.get(key, 0.0) + share * weight / total
    return [(road, minutes, share) for (road, minutes), share in sorted(shares.items())]


def forecast_demand(
    scenario: Scenario,
    cities: Sequence[City],
    area: ServiceArea,
    *,
    rules: CapabilityRules | None = None,
    sla: SlaTargets | None = None,
) -> DemandForecast:
    """The scenario's expected calls, spread over its cities' demand points by hour."""
    rules = rules or CapabilityRules.default()
    sla = sla or SlaTargets()
    classes, mix = need_mix(scenario, rules)
    per_city = np.zeros((HOURS, len(cities)))
    for region in scenario.regions:
        members = [i for i, c in enumerate(cities) if c.adcode.startswith(region.code)]
        weights = np.array([TIER_WEIGHT[cities[i].tier] for i in members], dtype=float)
        profile = np.array(region.profile, dtype=float)
        hourly = region.calls * scenario.demand_scale * profile / profile.sum()
        per_city[:, members] += np.outer(hourly, weights / weights.sum())
    lat: list[float] = []
    lon: list[float] = []
    region_of: list[str] = []
    road: list[RoadType] = []
    target: list[float] = []
    columns: list[FloatArray] = []
    groups = target_groups(scenario, sla)
    for c, city in enumerate(cities):
        if not per_city[:, c].any():
            continue
        town = _ring(city, area, TOWN_RING_KM, TOWN_RING, centre=True)
        outer = _ring(city, area, OUTER_RING_KM, OUTER_RING)
        for kind, minutes, share in groups:
            for (p_lat, p_lon), weight in town if kind is RoadType.URBAN else outer:
                lat.append(p_lat)
                lon.append(p_lon)
                region_of.append(city.province_code)
                road.append(kind)
                target.append(minutes)
                columns.append(per_city[:, c] * share * weight)
    rate = (
        np.stack(columns, axis=1)[:, :, None] * mix[None, None, :]
        if columns
        else np.zeros((HOURS, 0, len(classes)))
    )
    return DemandForecast(
        lat=np.array(lat, dtype=float),
        lon=np.array(lon, dtype=float),
        region=region_of,
        road=road,
        target=np.array(target, dtype=float),
        classes=classes,
        rate=rate,
    )


def _ring(
    city: City, area: ServiceArea, km: float, count: int, *, centre: bool = False
) -> list[tuple[tuple[float, float], float]]:
    """Points around ``city`` with their share of its calls (off-land points dropped)."""
    bearings = np.arange(count) * 2 * math.pi / count
    lat, lon = offset_many(
        np.full(count, city.lat), np.full(count, city.lon), np.full(count, km), bearings
    )
    ring_share = 1 - TOWN_CENTRE_SHARE if centre else 1.0
    points = [
        ((float(a), float(b)), ring_share / count)
        for a, b in zip(lat.tolist(), lon.tolist(), strict=True)
        if area.contains(a, b)
    ]
    if centre:
        points.append(((city.lat, city.lon), TOWN_CENTRE_SHARE))
    if not points:
        points = [((city.lat, city.lon), 1.0)]
    total = sum(w for _, w in points)
    return [(p, w / total) for p, w in points]
