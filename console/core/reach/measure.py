"""Measure coverage now: the share of expected demand within target of a free capable crew.

For every demand place and capability group the nearest free crews of that
group are found with one k-d tree per group over 3-D unit vectors (chord
distance grows with great-circle distance), and only those few candidates are
timed with the routing provider, one call per place. The cost therefore grows
with places x groups x a handful of candidates, not with the whole fleet: the
national fleet over every city takes a few milliseconds (see
``tests/bench/test_reach_bench.py``).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np
import numpy.typing as npt
from scipy.spatial import cKDTree

from console.core.eta import RoutingProvider
from console.core.reach.demand import DemandPlace
from console.core.reach.groups import GROUPS, CapabilityGroup, group_masks
from console.core.vocab import RoadType, Skill, VehicleKind

FloatArray = npt.NDArray[np.float64]

CANDIDATES = 4
"""Nearest crews per place and group that are timed (a road network may reorder them)."""


@dataclass(frozen=True, slots=True)
class FreeCrew:
    """A crew free to go now: where it is, what it drives, what it may do."""

    lat: float
    lon: float
    kind: VehicleKind
    skills: frozenset[Skill] = frozenset()
    call_sign: str = ""


@dataclass(frozen=True, slots=True)
class Hole:
    """A place a capability does not reach in time: the nearest free crew is too far or absent."""

    place: DemandPlace
    group: str
    """The capability group's key."""
    minutes: float | None
    """Minutes from the nearest free crew of the group; None: no free crew of it at all."""
    target_minutes: float
    nearest: str = ""
    """That crew's call sign (empty when there is none)."""

    @property
    def shortfall(self) -> float:
        """Minutes beyond the target (infinite when no crew of the group is free)."""
        return math.inf if self.minutes is None else self.minutes - self.target_minutes

    @property
    def severity(self) -> float:
        """Demand weight x shortfall: how the holes are ranked, worst first."""
        return self.place.weight * self.shortfall


@dataclass(frozen=True, slots=True)
class GroupShare:
    """One capability group's coverage."""

    group: CapabilityGroup
    share: float
    """Share of the demand weight (0-1) within target of a free crew of the group."""
    covered_weight: float
    holes: int
    """Demand places not reached within target."""
    crews: int
    """Free crews in the group."""


@dataclass(frozen=True)
class Coverage:
    """Coverage now, per group, with every hole ranked worst first."""

    target_minutes: float
    total_weight: float
    groups: tuple[GroupShare, ...]
    holes: tuple[Hole, ...] = field(default=())
    places: int = 0
    crews: int = 0

    @property
    def overall(self) -> float:
        """The mean of the group shares: demand x capability pairs within target."""
        if not self.groups:
            return 1.0
        return sum(g.share for g in self.groups) / len(self.groups)

    def share_of(self, key: str) -> GroupShare:
        """The share of the group ``key``."""
        for entry in self.groups:
            if entry.group.key == key:
                return entry
        raise KeyError(key)

    def worst(self, count: int) -> tuple[Hole, ...]:
        """The ``count`` worst holes."""
        return self.holes[: max(count, 0)]


def measure(
    places: Sequence[DemandPlace],
    crews: Sequence[FreeCrew],
    *,
    target_minutes: float,
    routing: RoutingProvider,
    local_hour: int,
    groups: Sequence[CapabilityGroup] = GROUPS,
    road: RoadType = RoadType.URBAN,
    candidates: int = CANDIDATES,
) -> Coverage:
    """Coverage of ``places`` by the free ``crews`` within ``target_minutes``.

    Travel times come from ``routing`` (turn-out included) for a scene on
    ``road`` at ``local_hour``. A place is covered for a group when the nearest
    free crew of that group arrives within the target; with no demand at all
    every share is 1.
    """
    n_places, n_groups = len(places), len(groups)
    weights = np.array([p.weight for p in places], dtype=float)
    total = float(weights.sum())
    masks = group_masks(groups, [c.kind for c in crews], [c.skills for c in crews])
    best = np.full((n_places, n_groups), np.inf)
    nearest = np.full((n_places, n_groups), -1, dtype=np.int64)
    if n_places and crews:
        best, nearest = _nearest_minutes(
            places, crews, masks, routing, local_hour, road, candidates
        )
    covered = best <= target_minutes
    shares = []
    for g, group in enumerate(groups):
        weight = float(weights[covered[:, g]].sum())
        shares.append(
            GroupShare(
                group=group,
                share=weight / total if total > 0 else 1.0,
                covered_weight=weight,
                holes=int((~covered[:, g]).sum()),
                crews=int(masks[g].sum()),
            )
        )
    holes = []
    for p, g in zip(*np.nonzero(~covered), strict=True):
        crew = int(nearest[p, g])
        holes.append(
            Hole(
                place=places[p],
                group=groups[g].key,
                minutes=None if crew < 0 else float(best[p, g]),
                target_minutes=target_minutes,
                nearest=crews[crew].call_sign if crew >= 0 else "",
            )
        )
    holes.sort(key=lambda h: (-h.severity, -h.place.weight, h.place.key, h.group))
    return Coverage(
        target_minutes=target_minutes,
        total_weight=total,
        groups=tuple(shares),
        holes=tuple(holes),
        places=n_places,
        crews=len(crews),
    )


def _unit(lat: FloatArray, lon: FloatArray) -> FloatArray:
    phi, lam = np.radians(lat), np.radians(lon)
    return np.column_stack((np.cos(phi) * np.cos(lam), np.cos(phi) * np.sin(lam), np.sin(phi)))


def _nearest_minutes(  # noqa: PLR0917
    places: Sequence[DemandPlace],
    crews: Sequence[FreeCrew],
    masks: npt.NDArray[np.bool_],
    routing: RoutingProvider,
    local_hour: int,
    road: RoadType,
    candidates: int,
) -> tuple[FloatArray, npt.NDArray[np.int64]]:
    """(minutes, crew index) of the nearest free crew per (place, group); inf / -1 for none."""
    crew_lat = np.array([c.lat for c in crews], dtype=float)
    crew_lon = np.array([c.lon for c in crews], dtype=float)
    place_lat = np.array([p.lat for p in places], dtype=float)
    place_lon = np.array([p.lon for p in places], dtype=float)
    crew_vec, place_vec = _unit(crew_lat, crew_lon), _unit(place_lat, place_lon)
    n_groups = len(masks)
    k = max(1, candidates)
    blocks = []
    for g in range(n_groups):
        members = np.flatnonzero(masks[g])
        block = np.full((len(places), k), -1, dtype=np.int64)
        if len(members):
            take = min(k, len(members))
            _, found = cKDTree(crew_vec[members]).query(place_vec, k=take)
            block[:, :take] = members[np.asarray(found).reshape(len(places), take)]
        blocks.append(block)
    chosen = np.concatenate(blocks, axis=1)  # (places, groups x k) crew indices, -1 for none
    minutes = np.full(chosen.shape, np.inf)
    for p, place in enumerate(places):
        row = chosen[p]
        valid = row >= 0
        if not valid.any():
            continue
        origins = row[valid]
        timed, _km = routing.travel_minutes(
            crew_lat[origins], crew_lon[origins], place.lat, place.lon,
            road=road, local_hour=local_hour, region=place.region or None,
        )  # fmt: skip
        minutes[p, valid] = timed
    per_group = minutes.reshape(len(places), n_groups, k)
    pick = per_group.argmin(axis=2)
    best = np.take_along_axis(per_group, pick[:, :, None], axis=2)[:, :, 0]
    crew_index = np.take_along_axis(chosen.reshape(len(places), n_groups, k),
                                    pick[:, :, None], axis=2)[:, :, 0]  # fmt: skip
    crew_index = np.where(np.isinf(best), -1, crew_index)
    return best, crew_index
