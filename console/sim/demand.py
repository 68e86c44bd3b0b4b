"""The day's calls, drawn up front from the scenario (one random stream per purpose).

Everything random about a call (when, where, what, how long on scene, how far
the tow) is drawn here, before any dispatching. Two policies run on the same
seed therefore face exactly the same calls: common random numbers, so their
difference has far less noise than two independent runs.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from console.core.errors import ConfigError
from console.core.fleet_layout import TIER_WEIGHT, City
from console.core.geo import ServiceArea
from console.core.vocab import (
    CallerLanguage,
    Powertrain,
    Priority,
    RoadType,
    ServiceType,
    VehicleClass,
)
from console.sim.scenario import HOURS, Scenario

FloatArray = npt.NDArray[np.float64]
IntArray = npt.NDArray[np.int64]
BoolArray = npt.NDArray[np.bool_]

STREAMS = ("fleet", "arrivals", "places", "attributes", "durations")
"""Independent random streams, one per purpose (common random numbers across policies)."""

SCATTER_KM = {RoadType.URBAN: 8.0, RoadType.EXPRESSWAY: 35.0, RoadType.RURAL: 35.0}
VEHICLE_CLASSES = (
    (VehicleClass.CAR, 0.62),
    (VehicleClass.SUV, 0.30),
    (VehicleClass.LIGHT_TRUCK, 0.05),
    (VehicleClass.HEAVY_TRUCK, 0.03),
)
AWD_SHARE = 0.15
EV_ONLY = frozenset({ServiceType.EV_CHARGING, ServiceType.EV_HV_CHECK})


def streams(seed: int | np.random.SeedSequence) -> dict[str, np.random.Generator]:
    """One generator per purpose, all derived from ``seed``."""
    root = seed if isinstance(seed, np.random.SeedSequence) else np.random.SeedSequence(seed)
    children = root.spawn(len(STREAMS))
    return {
        name: np.random.default_rng(child) for name, child in zip(STREAMS, children, strict=True)
    }


@dataclass(frozen=True)
class CallSet:
    """All calls of the day, in arrival order (struct of arrays)."""

    minute: FloatArray
    """Minutes after local midnight when the call comes in."""
    queue_delay: FloatArray
    """Call handling minutes until queued (or resolved by phone)."""
    lat: FloatArray
    lon: FloatArray
    region: list[str]
    """Province code of the city the call comes from."""
    city: list[str]
    """Chinese name of that city."""
    road: list[RoadType]
    service: list[ServiceType]
    priority: list[Priority]
    powertrain: list[Powertrain]
    vehicle_class: list[VehicleClass]
    awd: BoolArray
    language: list[CallerLanguage]
    remote: BoolArray
    """Fixed over the phone: no crew needed."""
    on_scene: FloatArray
    tow_km: FloatArray
    tow_bearing: FloatArray

    def __len__(self) -> int:
        return len(self.minute)


def _pick(rng: np.random.Generator, options: Sequence[tuple[object, float]], n: int) -> list[int]:
    weights = np.array([w for _, w in options], dtype=float)
    picks: list[int] = rng.choice(len(options), size=n, p=weights / weights.sum()).tolist()
    return picks


def _lognormal(rng: np.random.Generator, median: FloatArray, sigma: FloatArray) -> FloatArray:
    drawn: FloatArray = median * np.exp(sigma * rng.standard_normal(len(median)))
    return drawn


def generate_calls(
    scenario: Scenario,
    rngs: dict[str, np.random.Generator],
    cities: Sequence[City],
    area: ServiceArea,
) -> CallSet:
    """Draw the day's calls for ``scenario``."""
    arrivals = rngs["arrivals"]
    minutes: list[FloatArray] = []
    city_index: list[IntArray] = []
    for n, region in enumerate(scenario.regions):
        members = [i for i, c in enumerate(cities) if c.adcode.startswith(region.code)]
        if not members:
            raise ConfigError(
                "config.invalid",
                path=scenario.source,
                detail=f"regions[{n}].code: no city with code {region.code!r}",
            )
        profile = np.array(region.profile, dtype=float)
        rate = region.calls * scenario.demand_scale * profile / profile.sum()
        counts = arrivals.poisson(rate)
        hour = np.repeat(np.arange(HOURS, dtype=float), counts)
        minutes.append((hour + arrivals.random(len(hour))) * 60.0)
        weights = np.array([TIER_WEIGHT[cities[i].tier] for i in members])
        city_index.append(
            np.asarray(members)[
                arrivals.choice(len(members), size=len(hour), p=weights / weights.sum())
            ]
        )
    minute = np.concatenate(minutes) if minutes else np.zeros(0)
    where = np.concatenate(city_index) if city_index else np.zeros(0, dtype=np.int64)
    order = np.argsort(minute, kind="stable")
    minute, where = minute[order], where[order]
    n = len(minute)

    attributes = rngs["attributes"]
    road_options = list(scenario.roads.items())
    road = [road_options[i][0] for i in _pick(attributes, road_options, n)]
    mix = [(s, w) for s, w in scenario.service_mix.items() if w > 0]
    service = [mix[i][0] for i in _pick(attributes, mix, n)]
    roll = attributes.random(n)
    powertrain = [
        Powertrain.EV if r < scenario.ev_share
        else Powertrain.HEV if r < scenario.ev_share + scenario.hev_share
        else Powertrain.ICE
        for r in roll.tolist()
    ]  # fmt: skip
    # EV-only services drawn for a combustion car become the nearest equivalent: a battery call.
    service = [
        ServiceType.JUMP_START if s in EV_ONLY and p is not Powertrain.EV else s
        for s, p in zip(service, powertrain, strict=True)
    ]
    vehicle_class = [VEHICLE_CLASSES[i][0] for i in _pick(attributes, VEHICLE_CLASSES, n)]
    awd = (attributes.random(n) < AWD_SHARE) & np.array(
        [c in {VehicleClass.CAR, VehicleClass.SUV} for c in vehicle_class], dtype=bool
    )
    language = [
        CallerLanguage.EN if r < scenario.english_share else CallerLanguage.ZH
        for r in attributes.random(n).tolist()
    ]
    priority_roll = attributes.random(n).tolist()
    priority = [
        Priority.P1 if rd is RoadType.EXPRESSWAY or r < scenario.p1_share
        else Priority.P3 if r > 1 - scenario.p3_share
        else Priority.P2
        for rd, r in zip(road, priority_roll, strict=True)
    ]  # fmt: skip
    remote_share = np.array([scenario.remote_fix.get(s, 0.0) for s in service])
    remote = attributes.random(n) < remote_share

    durations = rngs["durations"]
    triage_median, triage_sigma = scenario.triage_minutes
    queue_delay = _lognormal(durations, np.full(n, triage_median), np.full(n, triage_sigma))
    params = np.array([scenario.on_scene.get(s, (15.0, 0.4)) for s in service]).reshape(n, 2)
    on_scene = _lognormal(durations, params[:, 0], params[:, 1])
    tow_median, tow_sigma = scenario.tow_km
    tow_km = _lognormal(durations, np.full(n, tow_median), np.full(n, tow_sigma))
    tow_bearing = durations.random(n) * 2 * math.pi

    lat, lon = _places(rngs["places"], cities, where, road, area)
    return CallSet(
        minute=minute,
        queue_delay=queue_delay,
        lat=lat,
        lon=lon,
        region=[cities[int(i)].province_code for i in where],
        city=[cities[int(i)].name_zh for i in where],
        road=road,
        service=service,
        priority=priority,
        powertrain=powertrain,
        vehicle_class=vehicle_class,
        awd=awd,
        language=language,
        remote=remote,
        on_scene=on_scene,
        tow_km=tow_km,
        tow_bearing=tow_bearing,
    )


def offset_many(
    lat: FloatArray, lon: FloatArray, km: FloatArray, bearing: FloatArray
) -> tuple[FloatArray, FloatArray]:
    """Points ``km`` away from (lat, lon) in direction ``bearing`` (flat-earth, short hops)."""
    dlat = km / 111.2 * np.cos(bearing)
    dlon = km / (111.2 * np.cos(np.radians(lat))) * np.sin(bearing)
    return lat + dlat, lon + dlon


def _places(
    rng: np.random.Generator,
    cities: Sequence[City],
    where: IntArray,
    road: list[RoadType],
    area: ServiceArea,
) -> tuple[FloatArray, FloatArray]:
    """Scatter each call around its city; points off land are drawn again (then the centre)."""
    n = len(where)
    centre_lat = np.array([cities[int(i)].lat for i in where], dtype=float)
    centre_lon = np.array([cities[int(i)].lon for i in where], dtype=float)
    reach = np.array([SCATTER_KM[r] for r in road], dtype=float)
    lat, lon = centre_lat.copy(), centre_lon.copy()
    pending = np.arange(n)
    for _ in range(8):
        if not len(pending):
            break
        km = reach[pending] * np.sqrt(rng.random(len(pending)))
        bearing = rng.random(len(pending)) * 2 * math.pi
        cand_lat, cand_lon = offset_many(centre_lat[pending], centre_lon[pending], km, bearing)
        inside = np.array(
            [
                area.contains(a, b)
                for a, b in zip(cand_lat.tolist(), cand_lon.tolist(), strict=True)
            ],
            dtype=bool,
        )
        lat[pending[inside]] = cand_lat[inside]
        lon[pending[inside]] = cand_lon[inside]
        pending = pending[~inside]
    return np.round(lat, 6), np.round(lon, 6)
