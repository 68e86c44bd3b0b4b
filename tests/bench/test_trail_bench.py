"""Reading the selected job's crew trail with a day of a fleet's fixes stored.

The console reads a crew's trail since assignment once when a job is selected
(two hours at a fix every 5 s: 1,440 fixes, thinned to 500) and then only the
fixes newer than the last it holds, each time the crew moves. Both are one
query on the (crew_id, at) index, so they should cost the same with 576,000
fixes stored as with a few. Both run on the console's reader thread, never on
the interface thread. Target: p50 under 50 ms for the whole trail and under
10 ms for the newest fixes, on SQLite and PostgreSQL. Measured on the shared
2-core machine (2026-12-03): whole trail p50 31 ms SQLite, 35 ms PostgreSQL
(converting 1,440 rows dominates); newest fixes p50 0.6 ms SQLite, 5.6 ms
PostgreSQL (min 1.3 ms).

    pytest tests/bench/test_trail_bench.py --benchmark-enable
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta

import pytest
from pytest_benchmark.fixture import BenchmarkFixture
from sqlalchemy import Engine, insert

from console.core.roles import Principal
from console.core.vocab import Role
from console.db import schema
from console.db.backend import DatabaseBackend
from console.db.models import PositionFix
from tests.bench.databases import filled_engine

CREWS = 400
FIXES_EACH = 1_440
"""Two hours at a fix every 5 s."""
START = datetime(2026, 12, 3, 0, 0, tzinfo=UTC)
CREW = CREWS // 2


def fill_fixes(engine: Engine) -> None:
    """CREWS crews' fixes, interleaved in time as a batch writer stores them."""
    schema.ensure_schema(engine, auto_upgrade=True)
    with engine.begin() as connection:
        for step in range(0, FIXES_EACH, 60):
            connection.execute(
                insert(PositionFix),
                [
                    {"batch_seq": step + 1, "device_id": crew, "crew_id": crew,
                     "at": START + timedelta(seconds=5 * i), "lat": 30 + i / 1e5,
                     "lon": 120 + crew / 1e3, "source": "osmand", "speed_kmh": 40.0}
                    for i in range(step, min(step + 60, FIXES_EACH))
                    for crew in range(1, CREWS + 1)
                ],
            )  # fmt: skip


@pytest.fixture(
    scope="module", params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)]
)
def stored(request: pytest.FixtureRequest) -> Iterator[Engine]:
    """A database holding CREWS x FIXES_EACH fixes."""
    with filled_engine(request.param, "fixes.db", fill_fixes) as engine:
        yield engine


def test_the_whole_trail_since_assignment(benchmark: BenchmarkFixture, stored: Engine) -> None:
    backend = DatabaseBackend(stored, principal=Principal.user("d1", Role.DISPATCHER))
    trail = benchmark.pedantic(
        lambda: backend.crew_trail(CREW, START), rounds=50, warmup_rounds=5, iterations=1
    )
    assert len(trail) == 500
    assert trail[-1].at == START + timedelta(seconds=5 * (FIXES_EACH - 1))


def test_the_newest_fixes_after_a_move(benchmark: BenchmarkFixture, stored: Engine) -> None:
    backend = DatabaseBackend(stored, principal=Principal.user("d1", Role.DISPATCHER))
    since = START + timedelta(seconds=5 * (FIXES_EACH - 3))
    trail = benchmark.pedantic(
        lambda: backend.crew_trail(CREW, since), rounds=200, warmup_rounds=10, iterations=1
    )
    assert len(trail) == 3
