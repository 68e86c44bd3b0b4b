"""The plausibility rules a fix must pass before it is stored.

A fix is judged against the receiving clock, the service area and the crew's
previous newest fix (if any). The rules are pure: the store applies them
inside its transaction, in time order per crew, each accepted fix becoming the
previous one for the next.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Protocol

from console.core.field.fix import Fix, FixSource, Verdict
from console.core.geo import haversine_km

__all__ = [
    "FUTURE_ALLOWANCE",
    "JUMP_NOISE_KM",
    "MAX_SPEED_KMH",
    "SAME_PLACE_KM",
    "Area",
    "Previous",
    "judge",
]

FUTURE_ALLOWANCE = timedelta(minutes=2)
"""How far ahead of the receiving clock a fix may be (phone clocks drift)."""
MAX_SPEED_KMH = 250.0
"""Fastest plausible speed between two fixes of one vehicle."""
JUMP_NOISE_KM = 0.2
"""Moves shorter than this are never a jump: GPS noise between close fixes in time."""
SAME_PLACE_KM = 0.001
"""Within this distance two fixes at the same time are the same fix (a client's retry)."""


class Area(Protocol):
    """Where fixes may come from: a :class:`~console.core.geo.ServiceArea` or a
    :class:`~console.core.field.area.CellArea` over one."""

    def contains(self, lat: float, lon: float) -> bool:
        """Whether the WGS-84 point lies inside."""
        ...


@dataclass(frozen=True, slots=True)
class Previous:
    """The crew's newest stored fix: when and where."""

    at: datetime
    lat: float
    lon: float
    moving: bool = True
    """False when it came from a hand entry or the seed, not a device: it bounds
    time (STALE, DUPLICATE) but not speed, since a typed position is only approximate."""


def judge(fix: Fix, previous: Previous | None, *, now: datetime, area: Area) -> Verdict:
    """The verdict on ``fix`` given the crew's ``previous`` newest fix and the clock ``now``.

    The first rule that fails decides: outside the area, from the future, a
    duplicate of the newest (a retry, acknowledged as success), older than the
    newest (stale), then an implausible jump from it.
    """
    if not area.contains(fix.lat, fix.lon):
        return Verdict.OUTSIDE_AREA
    if fix.at > now + FUTURE_ALLOWANCE:
        return Verdict.FUTURE
    if previous is None:
        return Verdict.ACCEPTED
    distance_km = haversine_km(previous.lat, previous.lon, fix.lat, fix.lon)
    if fix.at == previous.at:
        return Verdict.DUPLICATE if distance_km <= SAME_PLACE_KM else Verdict.STALE
    if fix.at < previous.at:
        return Verdict.STALE
    # The live demo's twin runs its clock faster than the wall clock: its vehicles
    # cover demo minutes in real seconds, so its own fixes are not held to road speeds.
    if previous.moving and distance_km > JUMP_NOISE_KM and fix.source is not FixSource.DEMO:
        hours = (fix.at - previous.at).total_seconds() / 3600
        if distance_km > MAX_SPEED_KMH * hours:
            return Verdict.JUMP
    return Verdict.ACCEPTED
