"""Batches of vehicle fixes for change-stream tests and benchmarks, through the telemetry store.

:func:`store_positions` stores one batch with the real
:class:`~console.db.telemetry.store.TelemetryStore`: one transaction that moves
the crews, raises ``chain_head.position_revision`` once, stamps the moved crews
with it, appends one ledger event and (PostgreSQL) announces ``p:<n>``,
leaving the business revision alone: what consoles and the advisor must
follow without re-reading the fleet. With ``business=True`` it instead
imitates a fix stored as an ordinary unit of work (the business revision
raised and announced), which benchmarks compare against.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import UTC, datetime

from sqlalchemy import Engine, bindparam, select, update

from console.core.field.fix import Fix, FixSource, Verdict
from console.db.changes import announcement, supports_notify
from console.db.models import ChainHead, Crew
from console.db.telemetry.store import TelemetryStore

__all__ = ["store_positions"]


def store_positions(
    engine: Engine,
    moves: Mapping[int, tuple[float, float]],
    at: datetime | None = None,
    *,
    business: bool = False,
) -> int:
    """Move each crew of ``moves`` to its (lat, lon) with a fix at ``at``; the new position revision.

    The fixes come from a device numbered like the crew; a fix the store
    refuses (stale, a jump, outside the area) fails the caller loudly.
    """
    fixed_at = at or datetime.now(UTC)
    if business:
        return _as_unit_of_work(engine, moves, fixed_at)
    fixes = [
        Fix(device_id=crew, crew_id=crew, at=fixed_at, lat=lat, lon=lon, source=FixSource.DEMO)
        for crew, (lat, lon) in moves.items()
    ]
    verdicts = TelemetryStore(engine, clock=lambda: fixed_at).write_batch(fixes)
    refused = {f.crew_id: v for f, v in zip(fixes, verdicts, strict=True) if v != Verdict.ACCEPTED}
    if refused:
        some = dict(list(refused.items())[:5])
        raise AssertionError(f"the store refused {len(refused)} fixes, e.g. {some}")
    with engine.connect() as connection:
        head = select(ChainHead.position_revision).where(ChainHead.id == 1)
        return int(connection.execute(head).scalar_one())


def _as_unit_of_work(engine: Engine, moves: Mapping[int, tuple[float, float]], at: datetime) -> int:
    """The crews moved as one business write would: revision raised, a business notice."""
    with engine.begin() as connection:
        position_revision, revision = connection.execute(
            update(ChainHead)
            .where(ChainHead.id == 1)
            .values(
                position_revision=ChainHead.position_revision + 1,
                revision=ChainHead.revision + 1,
            )
            .returning(ChainHead.position_revision, ChainHead.revision)
        ).one()
        if moves:
            connection.execute(
                update(Crew)
                .where(Crew.id == bindparam("crew"))
                .values(
                    lat=bindparam("to_lat"),
                    lon=bindparam("to_lon"),
                    gps_at=at,
                    position_revision=position_revision,
                    revision=revision,
                ),
                [
                    {"crew": crew, "to_lat": lat, "to_lon": lon}
                    for crew, (lat, lon) in moves.items()
                ],
            )
        if supports_notify(engine):
            connection.execute(select(announcement(revision)))
    return int(position_revision)
