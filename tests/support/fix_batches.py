"""A batch of vehicle fixes as the telemetry store commits it, for change-stream tests.

One transaction moves the crews, raises ``chain_head.position_revision`` once,
stamps the moved crews with it and (PostgreSQL) announces ``p:<n>``, leaving
the business revision alone, which is what consoles and the advisor must
follow without re-reading the fleet.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import UTC, datetime

from sqlalchemy import Engine, bindparam, select, update

from console.db.changes import position_announcement, supports_notify
from console.db.models import ChainHead, Crew

__all__ = ["store_positions"]


def store_positions(
    engine: Engine, moves: Mapping[int, tuple[float, float]], at: datetime | None = None
) -> int:
    """Move each crew of ``moves`` to its (lat, lon) with a fix at ``at``; the new position revision."""
    fixed_at = at or datetime.now(UTC)
    with engine.begin() as connection:
        revision = connection.execute(
            update(ChainHead)
            .where(ChainHead.id == 1)
            .values(position_revision=ChainHead.position_revision + 1)
            .returning(ChainHead.position_revision)
        ).scalar_one()
        if moves:
            connection.execute(
                update(Crew)
                .where(Crew.id == bindparam("crew"))
                .values(
                    lat=bindparam("to_lat"),
                    lon=bindparam("to_lon"),
                    gps_at=fixed_at,
                    position_revision=revision,
                ),
                [
                    {"crew": crew, "to_lat": lat, "to_lon": lon}
                    for crew, (lat, lon) in moves.items()
                ],
            )
        if supports_notify(engine):
            connection.execute(select(position_announcement(revision)))
    return int(revision)
