"""Reads a crew's trail from the position history (``position_fixes``).

One query on the (crew_id, at) index, newest first and bounded, so a crew that
reported for hours still costs one short read; the answer is thinned for drawing.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from console.core.field.trail import TRAIL_LIMIT, TrailPoint, thin_trail
from console.db.models import PositionFix

__all__ = ["TRAIL_READ_LIMIT", "read_trail"]

TRAIL_READ_LIMIT = 20_000
"""Most fixes read for one trail (28 hours at a fix every 5 s); older ones are left out."""


def read_trail(
    engine: Engine, crew_id: int, since: datetime, limit: int = TRAIL_LIMIT
) -> tuple[TrailPoint, ...]:
    """Crew ``crew_id``'s fixes taken at or after ``since``, oldest first, at most ``limit``."""
    with Session(engine) as session:
        rows = session.execute(
            select(PositionFix.at, PositionFix.lat, PositionFix.lon, PositionFix.speed_kmh)
            .where(PositionFix.crew_id == crew_id, PositionFix.at >= since)
            .order_by(PositionFix.at.desc())
            .limit(TRAIL_READ_LIMIT)
        ).all()
    points = [TrailPoint(at, lat, lon, speed) for at, lat, lon, speed in reversed(rows)]
    return thin_trail(points, limit)
