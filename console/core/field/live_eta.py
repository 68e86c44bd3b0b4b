"""The ETA of a crew on its way, recomputed from its live position.

The same model as at assignment (:class:`console.core.eta.EtaModel`: distance x
circuity / speed by road type and hour), from the crew's newest fix. A crew
already en route has turned out, so the turn-out time counts only while it is
merely assigned. A fix older than :data:`FEED_SILENT_AFTER` (the feed is no longer
live by the console's one feed rule, :class:`console.core.field.feed.FeedRules`)
gives no ETA: the console says so instead of pretending the crew stands still.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import datetime, timedelta

import numpy as np

from console.core.eta import EtaModel
from console.core.field.feed import FeedRules
from console.core.geo import haversine_km
from console.core.vocab import RoadType

__all__ = ["FEED_SILENT_AFTER", "FeedSilent", "LiveEta", "live_eta"]

FEED_SILENT_AFTER = FeedRules().live_within
"""A newest fix older than this no longer tells where the crew is (a fix comes every 5-30 s)."""


@dataclass(frozen=True, slots=True)
class LiveEta:
    """Minutes to the scene from the fix taken at ``fix_at`` (``fix_age`` ago)."""

    minutes: int
    distance_km: float
    fix_at: datetime
    fix_age: timedelta


@dataclass(frozen=True, slots=True)
class FeedSilent:
    """No usable fix: none at all (``fix_at`` None) or the newest is ``age`` old."""

    fix_at: datetime | None
    age: timedelta | None


def live_eta(
    model: EtaModel,
    *,
    crew_lat: float,
    crew_lon: float,
    fix_at: datetime | None,
    lat: float,
    lon: float,
    road: RoadType,
    local_hour: int,
    rolling: bool,
    now: datetime,
    silent_after: timedelta = FEED_SILENT_AFTER,
) -> LiveEta | FeedSilent:
    """The ETA from the crew's fix to the scene (``lat``, ``lon``), or why there is none.

    ``rolling``: the crew is already on its way (no turn-out time left).
    """
    if fix_at is None:
        return FeedSilent(None, None)
    age = max(now - fix_at, timedelta(0))
    if age > silent_after:
        return FeedSilent(fix_at, age)
    distance = haversine_km(crew_lat, crew_lon, lat, lon)
    minutes = float(model.minutes(np.array([distance]), road, local_hour)[0])
    if rolling:
        minutes -= model.turnout_minutes
    return LiveEta(max(1, math.ceil(minutes)), distance, fix_at, age)
