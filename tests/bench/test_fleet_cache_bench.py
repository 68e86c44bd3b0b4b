"""The advisor following a reporting fleet without re-reading it: the in-memory half.

A batch of fixes (500 of 10,000 crews moved) patches the held fleet and the
engine is rebuilt from it; the database half (reading the moved positions) is
measured by ``python -m tests.bench.suggest_stream``. Run with
``pytest tests/bench/test_fleet_cache_bench.py --benchmark-enable``.
"""

from __future__ import annotations

from pytest_benchmark.fixture import BenchmarkFixture

from console.core.dispatch import DispatchEngine
from console.core.records import CrewPosition
from console.db.fleet_cache import moved_fleet
from tests.bench.test_dispatch_bench import NOW, national_fleet


def test_patching_the_fleet_with_a_batch_of_fixes_and_rebuilding_the_engine(
    benchmark: BenchmarkFixture,
) -> None:
    fleet = national_fleet()
    batch = [CrewPosition(c.id, c.lat + 0.001, c.lon, NOW, 2) for c in fleet[::20]]

    def follow() -> DispatchEngine:
        crews, moved = moved_fleet(fleet, batch)
        assert moved == len(batch)
        return DispatchEngine(crews, now=NOW)

    engine = benchmark(follow)
    assert len(engine.crews) > 8000
