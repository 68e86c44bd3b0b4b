"""Expected coverage of one province: which depots reach which demand points, and what a crew is worth there.

The model is MEXCLP's (Daskin 1983) as used in real time by DMEXCLP
(Jagtenberg, Bhulai and van der Mei 2015): a point with ``k`` free capable
crews within its target is covered with probability ``1 - q**k``, where ``q``
is the chance that a crew is busy, so the ``k``-th crew adds ``(1 - q) q**(k-1)``
times the point's expected calls. Free crews count at their station (their
depot, or the depot they were moved to), also while driving there, as DMEXCLP
counts ambulances on their way back to base.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import numpy.typing as npt

from console.core.eta import RoutingProvider
from console.core.vocab import RoadType
from console.sim.cover.forecast import DemandForecast, coming_hour

FloatArray = npt.NDArray[np.float64]
IntArray = npt.NDArray[np.int64]
BoolArray = npt.NDArray[np.bool_]


class ProvinceCover:
    """Coverage bookkeeping for one province: its depots, demand points and capable crews."""

    def __init__(
        self,
        region: str,
        *,
        depot_ids: Sequence[int],
        depot_lat: FloatArray,
        depot_lon: FloatArray,
        forecast: DemandForecast,
        routing: RoutingProvider,
        reach: float = 1.0,
        weight: FloatArray | None = None,
    ) -> None:
        self.region = region
        self.depot_ids = list(depot_ids)
        self.depot_index = {d: n for n, d in enumerate(self.depot_ids)}
        self.depot_lat = depot_lat
        self.depot_lon = depot_lon
        self.points = np.flatnonzero(np.array([r == region for r in forecast.region], dtype=bool))
        self.forecast = forecast
        self.routing = routing
        self.reach = reach
        """A depot covers a point when its drive takes at most this share of the target."""
        self.rate = forecast.rate[:, self.points, :]
        if weight is not None:
            # Demand counted with its importance: urgent calls weigh more than others.
            self.rate = self.rate * weight[self.points][None, :, None]
        self._cover: dict[int, FloatArray] = {}
        self._drive: FloatArray | None = None

    def cover(self, hour: int) -> FloatArray:
        """1.0 where a crew at depot (row) reaches point (column) within its target, this hour."""
        hour %= 24
        matrix = self._cover.get(hour)
        if matrix is None:
            f = self.forecast
            lat, lon, target = f.lat[self.points], f.lon[self.points], f.target[self.points]
            roads = [f.road[int(p)] for p in self.points]
            matrix = np.zeros((len(self.depot_ids), len(self.points)))
            for road in set(roads):
                cols = np.flatnonzero(np.array([r is road for r in roads], dtype=bool))
                for d in range(len(self.depot_ids)):
                    # The estimate is symmetric: one call per depot covers all its points.
                    minutes, _ = self.routing.travel_minutes(
                        lat[cols], lon[cols], float(self.depot_lat[d]), float(self.depot_lon[d]),
                        road=road, local_hour=hour, region=self.region,
                    )  # fmt: skip
                    matrix[d, cols] = minutes <= self.reach * target[cols]
            self._cover[hour] = matrix
        return matrix

    def drive(self) -> FloatArray:
        """Minutes between depots (off-peak), for limiting how far a crew is moved."""
        if self._drive is None:
            n = len(self.depot_ids)
            self._drive = np.zeros((n, n))
            for d in range(n):
                minutes, _ = self.routing.travel_minutes(
                    self.depot_lat, self.depot_lon, float(self.depot_lat[d]),
                    float(self.depot_lon[d]), road=RoadType.EXPRESSWAY, local_hour=12,
                    region=self.region,
                )  # fmt: skip
                self._drive[:, d] = minutes
        return self._drive

    def demand(self, minute: float) -> FloatArray:
        """Expected calls in the coming hour at this province's points (points x classes)."""
        coming = coming_hour(self.rate, minute)
        return coming

    def counts(self, stations: IntArray, capable: FloatArray, hour: int) -> FloatArray:
        """Free capable crews within target of each point (points x classes).

        ``stations`` are local depot indices of the free crews, ``capable`` their
        rows of the crew-class capability matrix.
        """
        per_depot = np.zeros((len(self.depot_ids), capable.shape[1]))
        np.add.at(per_depot, stations, capable)
        counts: FloatArray = self.cover(hour).T @ per_depot
        return counts


def marginal(demand: FloatArray, counts: FloatArray, busy: float) -> FloatArray:
    """What the last of ``counts`` crews adds at each point and class: d (1-q) q^(k-1)."""
    value: FloatArray = demand * (1 - busy) * busy ** np.maximum(counts - 1, 0)
    return np.where(counts > 0, value, 0.0)


def added(demand: FloatArray, counts: FloatArray, busy: float) -> FloatArray:
    """What one more crew would add at each point and class: d (1-q) q^k."""
    value: FloatArray = demand * (1 - busy) * busy**counts
    return value
