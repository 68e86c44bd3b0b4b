"""Has the crew arrived? Its fixes stayed near the scene long enough to ask.

The console only asks the dispatcher ("arrived?"); it never moves the job by
itself. The rule: counting back from the newest fix, every fix lies within
``radius_m`` of the scene (exactly the radius counts as within), those fixes
span at least ``dwell``, and no two neighbours are further apart in time than
``max_gap`` (across a longer silence nobody knows where the crew was).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from console.core.field.trail import TrailPoint
from console.core.geo import haversine_km

__all__ = ["ARRIVAL_DWELL", "ARRIVAL_MAX_GAP", "ARRIVAL_RADIUS_M", "Arrival", "arrival"]

ARRIVAL_RADIUS_M = 150.0
"""How close to the scene the crew's fixes must stay."""
ARRIVAL_DWELL = timedelta(minutes=1)
"""For how long they must stay there."""
ARRIVAL_MAX_GAP = timedelta(seconds=60)
"""The longest silence between two fixes that still counts as staying."""

_ROUNDING_M = 1e-6
"""Float rounding of the haversine: a fix placed at exactly the radius is within it."""


@dataclass(frozen=True, slots=True)
class Arrival:
    """The crew has been near the scene since ``since`` (up to its newest fix, ``last``)."""

    since: datetime
    last: datetime
    distance_m: float
    """How far the newest fix is from the scene."""


def arrival(
    trail: Sequence[TrailPoint],
    lat: float,
    lon: float,
    *,
    radius_m: float = ARRIVAL_RADIUS_M,
    dwell: timedelta = ARRIVAL_DWELL,
    max_gap: timedelta = ARRIVAL_MAX_GAP,
) -> Arrival | None:
    """The arrival ``trail`` (oldest first) shows at the scene (``lat``, ``lon``), or None."""
    if not trail:
        return None
    newest = trail[-1]
    newest_m = haversine_km(lat, lon, newest.lat, newest.lon) * 1000.0
    if newest_m > radius_m + _ROUNDING_M:
        return None
    since = newest.at
    later = newest.at
    for point in reversed(trail[:-1]):
        if later - point.at > max_gap:
            break
        if haversine_km(lat, lon, point.lat, point.lon) * 1000.0 > radius_m + _ROUNDING_M:
            break
        since = point.at
        later = point.at
    if newest.at - since < dwell:
        return None
    return Arrival(since=since, last=newest.at, distance_m=newest_m)
