"""Hand-made calls and crews for simulator tests."""

from __future__ import annotations

import numpy as np

from console.core.vocab import (
    CallerLanguage,
    Powertrain,
    Priority,
    RoadType,
    ServiceType,
    VehicleClass,
    VehicleKind,
)
from console.sim.demand import CallSet
from console.sim.fleet import SimCrew

LAT, LON = 31.23, 121.47


def crews_at(
    points: list[tuple[float, float]], kind: VehicleKind = VehicleKind.SERVICE_VAN
) -> list[SimCrew]:
    """One crew of ``kind`` at each point, its depot there too, all in Shanghai ("31")."""
    return [
        SimCrew(
            id=n + 1,
            call_sign=f"T-{n + 1:02d}",
            depot_id=1,
            depot_code="D-TEST",
            partner_id=1,
            region="31",
            vehicle_kind=kind,
            skills=frozenset(),
            lat=lat,
            lon=lon,
            depot_lat=lat,
            depot_lon=lon,
        )
        for n, (lat, lon) in enumerate(points)
    ]


def calls(
    minute: list[float] | np.ndarray,
    on_scene: list[float] | np.ndarray,
    *,
    points: list[tuple[float, float]] | None = None,
    service: ServiceType = ServiceType.JUMP_START,
    priority: Priority = Priority.P2,
) -> CallSet:
    """Calls at the given minutes (queued at once, none fixed by phone)."""
    n = len(minute)
    where = points or [(LAT, LON)] * n
    return CallSet(
        minute=np.asarray(minute, dtype=float),
        queue_delay=np.zeros(n),
        lat=np.array([p[0] for p in where]),
        lon=np.array([p[1] for p in where]),
        region=["31"] * n,
        city=["上海"] * n,
        road=[RoadType.URBAN] * n,
        service=[service] * n,
        priority=[priority] * n,
        powertrain=[Powertrain.ICE] * n,
        vehicle_class=[VehicleClass.CAR] * n,
        awd=np.zeros(n, dtype=bool),
        language=[CallerLanguage.ZH] * n,
        remote=np.zeros(n, dtype=bool),
        on_scene=np.asarray(on_scene, dtype=float),
        tow_km=np.full(n, 10.0),
        tow_bearing=np.zeros(n),
    )


class NoTravel:
    """A routing provider where every trip takes no time (the M/M/c setting)."""

    def travel_minutes(self, origin_lat, origin_lon, lat, lon, *, road, local_hour, region=None):  # type: ignore[no-untyped-def]
        zeros = np.zeros(len(origin_lat))
        return zeros, zeros


class ConstantTravel:
    """Every trip takes the same time."""

    def __init__(self, minutes: float) -> None:
        self.minutes = minutes

    def travel_minutes(self, origin_lat, origin_lon, lat, lon, *, road, local_hour, region=None):  # type: ignore[no-untyped-def]
        return np.full(len(origin_lat), self.minutes), np.full(len(origin_lat), 1.0)
