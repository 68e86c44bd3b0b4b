"""Travel-time estimates: how long a crew needs to reach a caller.

The default model is the one dispatch centres use when they have no routing
engine: turn-out time + great-circle distance x circuity factor / speed, with
the factor and the speed depending on the road type at the scene and on the
hour of day (peak hours are slower). Defaults come from published figures:
Chinese intra-city circuity averages about 1.32, expressway networks about
1.30, and urban peak speeds in large Chinese cities are about 20-25 km/h.
Every number can be overridden per region (a province code such as "44").

A :class:`RoutingProvider` hides which method is used, so a centre running an
OSRM server (its ``table`` service) gets road-network times through the same
interface.
"""

from __future__ import annotations

import urllib.error
import urllib.request
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from typing import Any, Protocol

import numpy as np
import numpy.typing as npt

from console.core.errors import ConfigError
from console.core.geo import haversine_km_many
from console.core.inputs import parse_json
from console.core.vocab import RoadType

FloatArray = npt.NDArray[np.float64]


@dataclass(frozen=True)
class RoadProfile:
    """How roads of one type behave: detour factor and speeds."""

    circuity: float
    speed_kmh: float
    peak_speed_kmh: float


def _default_profiles() -> dict[RoadType, RoadProfile]:
    return {
        RoadType.URBAN: RoadProfile(circuity=1.32, speed_kmh=32.0, peak_speed_kmh=22.0),
        RoadType.RURAL: RoadProfile(circuity=1.40, speed_kmh=50.0, peak_speed_kmh=42.0),
        RoadType.EXPRESSWAY: RoadProfile(circuity=1.30, speed_kmh=80.0, peak_speed_kmh=60.0),
    }


@dataclass(frozen=True)
class EtaModel:
    """Turn-out + distance x circuity / speed, by road type and hour."""

    turnout_minutes: float = 3.0
    profiles: Mapping[RoadType, RoadProfile] = field(default_factory=_default_profiles)
    peak_hours: tuple[tuple[int, int], ...] = ((7, 9), (17, 19))
    """Local-time [start, end) hours of the morning and evening peaks."""

    def is_peak(self, local_hour: int) -> bool:
        """True when ``local_hour`` (0-23) falls in a peak period."""
        return any(start <= local_hour < end for start, end in self.peak_hours)

    def road_km(self, distance_km: FloatArray, road: RoadType) -> FloatArray:
        """Great-circle kilometres turned into expected road kilometres."""
        return distance_km * self.profiles[road].circuity

    def minutes(self, distance_km: FloatArray, road: RoadType, local_hour: int) -> FloatArray:
        """Minutes from dispatch to arrival for each great-circle distance."""
        profile = self.profiles[road]
        speed = profile.peak_speed_kmh if self.is_peak(local_hour) else profile.speed_kmh
        return self.turnout_minutes + self.road_km(distance_km, road) / speed * 60.0


def _number(where: str, key: str, value: Any, low: float, high: float) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not low <= value <= high:
        raise ConfigError(
            "config.invalid", path=where, detail=f"{key} must be a number from {low} to {high}"
        )
    return float(value)


def model_from_table(base: EtaModel, table: Mapping[str, Any], where: str) -> EtaModel:
    """Apply a settings table (from config.toml ``[eta]``) on top of ``base``.

    Keys: ``turnout_minutes``, ``peak_hours`` (list of [start, end]) and one
    sub-table per road type (``URBAN``, ``RURAL``, ``EXPRESSWAY``) with
    ``circuity``, ``speed_kmh``, ``peak_speed_kmh``. Unknown keys are errors.
    """
    known = {"turnout_minutes", "peak_hours", "regions", *(r.value for r in RoadType)}
    unknown = sorted(set(table) - known)
    if unknown:
        raise ConfigError(
            "config.invalid", path=where, detail=f"unknown ETA setting {unknown[0]!r}"
        )
    model = base
    if "turnout_minutes" in table:
        model = replace(
            model,
            turnout_minutes=_number(where, "turnout_minutes", table["turnout_minutes"], 0, 60),
        )
    if "peak_hours" in table:
        hours = table["peak_hours"]
        if not isinstance(hours, list) or not all(
            isinstance(p, list)
            and len(p) == 2
            and all(isinstance(h, int) and 0 <= h <= 24 for h in p)
            and p[0] < p[1]
            for p in hours
        ):
            raise ConfigError(
                "config.invalid",
                path=where,
                detail="peak_hours must be a list of [start, end] hours",
            )
        model = replace(model, peak_hours=tuple((p[0], p[1]) for p in hours))
    profiles = dict(model.profiles)
    for road in RoadType:
        sub = table.get(road.value)
        if sub is None:
            continue
        if not isinstance(sub, Mapping):
            raise ConfigError("config.invalid", path=where, detail=f"{road.value} must be a table")
        current = profiles[road]
        profiles[road] = RoadProfile(
            circuity=_number(
                where, f"{road.value}.circuity", sub.get("circuity", current.circuity), 1.0, 3.0
            ),
            speed_kmh=_number(
                where, f"{road.value}.speed_kmh", sub.get("speed_kmh", current.speed_kmh), 5, 130
            ),
            peak_speed_kmh=_number(
                where,
                f"{road.value}.peak_speed_kmh",
                sub.get("peak_speed_kmh", current.peak_speed_kmh),
                5,
                130,
            ),
        )
    return replace(model, profiles=profiles)


@dataclass(frozen=True)
class RegionalEta:
    """A default model plus overrides for regions (province codes such as "44")."""

    default: EtaModel = field(default_factory=EtaModel)
    regions: Mapping[str, EtaModel] = field(default_factory=dict)

    def for_region(self, region: str | None) -> EtaModel:
        """The model for a region code (the longest matching prefix), else the default."""
        if region:
            for length in range(len(region), 0, -1):
                model = self.regions.get(region[:length])
                if model is not None:
                    return model
        return self.default

    @classmethod
    def from_table(cls, table: Mapping[str, Any], where: str) -> RegionalEta:
        """Build from a config ``[eta]`` table with optional ``[eta.regions.CODE]`` tables."""
        default = model_from_table(EtaModel(), table, where)
        regions_table = table.get("regions", {})
        if not isinstance(regions_table, Mapping):
            raise ConfigError("config.invalid", path=where, detail="eta.regions must be a table")
        regions = {}
        for code, sub in regions_table.items():
            if not (isinstance(code, str) and code.isdigit() and len(code) <= 6) or not isinstance(
                sub, Mapping
            ):
                raise ConfigError(
                    "config.invalid",
                    path=where,
                    detail=f"eta.regions.{code} must be a table named by a region code",
                )
            regions[code] = model_from_table(default, sub, where)
        return cls(default, regions)


class RoutingProvider(Protocol):
    """Travel times from many origins to one destination."""

    def travel_minutes(
        self,
        origin_lat: FloatArray,
        origin_lon: FloatArray,
        lat: float,
        lon: float,
        *,
        road: RoadType,
        local_hour: int,
        region: str | None = None,
    ) -> tuple[FloatArray, FloatArray]:
        """(minutes, road kilometres) from each origin to (lat, lon), turn-out included."""
        ...


class EstimatedRouting:
    """The distance-based model: no network needed, a few microseconds per crew."""

    def __init__(self, eta: RegionalEta | None = None) -> None:
        self.eta = eta or RegionalEta()

    def travel_minutes(
        self,
        origin_lat: FloatArray,
        origin_lon: FloatArray,
        lat: float,
        lon: float,
        *,
        road: RoadType,
        local_hour: int,
        region: str | None = None,
    ) -> tuple[FloatArray, FloatArray]:
        """Estimated minutes and road kilometres from each origin."""
        model = self.eta.for_region(region)
        distance = haversine_km_many(lat, lon, origin_lat, origin_lon)
        return model.minutes(distance, road, local_hour), model.road_km(distance, road)


OSRM_RESPONSE_LIMIT = 5_000_000
"""Bytes read from one OSRM answer: a table for a few hundred crews is well under 100 KB."""


class OsrmTableRouting:
    """Road-network times from an OSRM server's ``table`` service.

    Falls back to ``fallback`` (the estimate) when the server does not answer
    in time or answers with an error, so a routing outage never stops dispatch.
    """

    def __init__(
        self,
        base_url: str,
        *,
        fallback: RoutingProvider | None = None,
        turnout_minutes: float = 3.0,
        timeout_seconds: float = 2.0,
        profile: str = "driving",
    ) -> None:
        self.base_url = base_url.rstrip("/")
        self.fallback = fallback or EstimatedRouting()
        self.turnout_minutes = turnout_minutes
        self.timeout_seconds = timeout_seconds
        self.profile = profile
        self.failures = 0

    def _query(
        self, origin_lat: FloatArray, origin_lon: FloatArray, lat: float, lon: float
    ) -> dict[str, Any]:
        points = [f"{lon:.6f},{lat:.6f}"] + [
            f"{o_lon:.6f},{o_lat:.6f}" for o_lat, o_lon in zip(origin_lat, origin_lon, strict=True)
        ]
        sources = ";".join(str(i) for i in range(1, len(points)))
        url = (
            f"{self.base_url}/table/v1/{self.profile}/{';'.join(points)}"
            f"?sources={sources}&destinations=0&annotations=duration,distance"
        )
        with urllib.request.urlopen(url, timeout=self.timeout_seconds) as response:
            body = response.read(OSRM_RESPONSE_LIMIT + 1)
        if len(body) > OSRM_RESPONSE_LIMIT:
            raise ValueError(f"the routing answer is larger than {OSRM_RESPONSE_LIMIT} bytes")
        document = parse_json(body)
        if not isinstance(document, dict):
            raise ValueError("the routing answer is not a JSON object")
        if document.get("code") != "Ok":
            raise ValueError(document.get("message") or document.get("code"))
        return document

    def travel_minutes(
        self,
        origin_lat: FloatArray,
        origin_lon: FloatArray,
        lat: float,
        lon: float,
        *,
        road: RoadType,
        local_hour: int,
        region: str | None = None,
    ) -> tuple[FloatArray, FloatArray]:
        """OSRM durations (+ turn-out) and distances; the estimate where OSRM has none."""
        estimate, estimate_km = self.fallback.travel_minutes(
            origin_lat, origin_lon, lat, lon, road=road, local_hour=local_hour, region=region
        )
        if len(origin_lat) == 0:
            return estimate, estimate_km
        try:
            document = self._query(origin_lat, origin_lon, lat, lon)
            durations = np.array(
                [row[0] if row[0] is not None else np.nan for row in document["durations"]],
                dtype=float,
            )
            distances = np.array(
                [
                    row[0] if row[0] is not None else np.nan
                    for row in document.get("distances", [[None]] * len(durations))
                ],
                dtype=float,
            )
        except (OSError, urllib.error.URLError, ValueError, KeyError, TypeError, IndexError):
            self.failures += 1
            return estimate, estimate_km
        minutes = np.where(np.isnan(durations), estimate, self.turnout_minutes + durations / 60.0)
        km = np.where(np.isnan(distances), estimate_km, distances / 1000.0)
        return minutes, km
