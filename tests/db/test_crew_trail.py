"""A crew's trail as the console reads it: its fixes since a moment, oldest first, bounded."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from sqlalchemy import Engine, insert

from console.core.field.trail import TRAIL_LIMIT
from console.db.backend import DatabaseBackend
from console.db.models import PositionFix
from tests.support.principals import desk

T0 = datetime(2026, 12, 3, 8, 0, tzinfo=UTC)


def add_fixes(engine: Engine, crew_id: int, seconds: range, lat0: float = 30.25) -> None:
    """Fixes written straight into the history (the store's job in the console)."""
    with engine.begin() as connection:
        connection.execute(
            insert(PositionFix),
            [
                {"batch_seq": 1, "device_id": 1, "crew_id": crew_id,
                 "at": T0 + timedelta(seconds=s), "lat": lat0 + s / 1e5, "lon": 120.16,
                 "source": "osmand", "speed_kmh": 36.0}
                for s in seconds
            ],
        )  # fmt: skip


def test_the_trail_holds_the_crews_fixes_since_the_moment_oldest_first(
    engine: Engine, fleet: list[int]
) -> None:
    add_fixes(engine, fleet[0], range(0, 300, 5))
    add_fixes(engine, fleet[1], range(0, 300, 5), lat0=31.0)
    backend = DatabaseBackend(engine, principal=desk("dispatcher:test"))
    trail = backend.crew_trail(fleet[0], T0 + timedelta(seconds=100))
    assert [p.at for p in trail] == [T0 + timedelta(seconds=s) for s in range(100, 300, 5)]
    assert all(abs(p.lat - (30.25 + (p.at - T0).total_seconds() / 1e5)) < 1e-9 for p in trail)
    assert trail[0].speed_kmh == 36.0
    assert trail[-1].at.tzinfo is not None


def test_a_long_trail_comes_thinned_to_the_limit_with_the_newest_fix_last(
    engine: Engine, fleet: list[int]
) -> None:
    add_fixes(engine, fleet[0], range(0, 5 * 3000, 5))
    backend = DatabaseBackend(engine, principal=desk("dispatcher:test"))
    trail = backend.crew_trail(fleet[0], T0)
    assert len(trail) == TRAIL_LIMIT
    assert trail[0].at == T0
    assert trail[-1].at == T0 + timedelta(seconds=5 * 2999)


def test_a_crew_without_fixes_has_an_empty_trail(engine: Engine, fleet: list[int]) -> None:
    backend = DatabaseBackend(engine, principal=desk("dispatcher:test"))
    assert backend.crew_trail(fleet[2], T0) == ()
