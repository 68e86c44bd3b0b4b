"""Coverage now at national scale: every city x the demo fleet's free crews x six groups.

Target: well under 100 ms (the dashboard and the map re-measure on their refresh
cycle, on the reader thread). Run with ``pytest tests/bench --benchmark-enable``.
"""

from __future__ import annotations

from datetime import UTC, datetime

from pytest_benchmark.fixture import BenchmarkFixture

from console.core.eta import EstimatedRouting
from console.core.fleet_layout import layout_fleet, load_cities
from console.core.geo import ServiceArea
from console.core.reach import GROUPS, FreeCrew, city_places, measure
from console.core.vocab import CrewStatus, Skill, VehicleKind

AT = datetime(2026, 11, 23, 3, 0, tzinfo=UTC)


def national_free_crews() -> list[FreeCrew]:
    """The seeded national fleet's available crews (the live demo's layout)."""
    fleet = layout_fleet(1, AT, load_cities(), ServiceArea.default())
    return [
        FreeCrew(
            c["lat"],
            c["lon"],
            VehicleKind(c["vehicle_kind"]),
            frozenset(Skill(s) for s in c["skills"]),
            c["call_sign"],
        )
        for c in fleet.crews
        if c["status"] == CrewStatus.AVAILABLE.value
    ]


def test_national_coverage_is_measured_well_under_100_ms(benchmark: BenchmarkFixture) -> None:
    places = city_places(load_cities())
    crews = national_free_crews()
    routing = EstimatedRouting()
    coverage = benchmark(
        lambda: measure(places, crews, target_minutes=60, routing=routing, local_hour=10)
    )
    assert len(places) > 300 and len(crews) > 1500
    assert len(coverage.groups) == len(GROUPS)
    assert benchmark.stats.stats.median < 0.1
