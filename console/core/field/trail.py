"""A crew's trail: the fixes it sent since a moment, thinned for drawing.

The newest fixes are kept whole (the arrival rule and the live ETA read them);
older ones are sampled evenly so a long job still draws as a few hundred points.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

__all__ = ["RECENT_KEPT", "TRAIL_LIMIT", "TrailPoint", "thin_trail"]

TRAIL_LIMIT = 500
"""Most points a trail carries to the console."""
RECENT_KEPT = 120
"""The newest points are never thinned away (10 minutes at a fix every 5 s)."""


@dataclass(frozen=True, slots=True)
class TrailPoint:
    """One stored fix of a crew's trail (WGS-84)."""

    at: datetime
    lat: float
    lon: float
    speed_kmh: float | None = None


def thin_trail(
    points: Sequence[TrailPoint], limit: int = TRAIL_LIMIT, recent: int = RECENT_KEPT
) -> tuple[TrailPoint, ...]:
    """At most ``limit`` of ``points`` (oldest first): the first, the newest ``recent`` whole,
    and an even sample of the rest in between."""
    if limit < 2:
        raise ValueError("a trail needs room for at least two points")
    if len(points) <= limit:
        return tuple(points)
    recent = min(recent, limit - 1)
    head, tail = points[: len(points) - recent], points[len(points) - recent :]
    room = limit - recent
    # Indices 0 .. len(head) - 1 spread evenly over ``room`` slots, first one kept.
    step = len(head) / room
    sampled = [head[int(i * step)] for i in range(room)]
    return (*sampled, *tail)
