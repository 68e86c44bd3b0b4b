"""Guidance costs on the interface thread: loading and validating the shipped
scripts (once per console start) and replaying a path (once per saved outcome).

Run with ``pytest tests/bench --benchmark-enable``.
"""

from __future__ import annotations

from pytest_benchmark.fixture import BenchmarkFixture

from console.core.guidance import load_library, replay

PATH = (
    "case_entry.position=safe",
    "case_entry.injuries=no",
    "case_entry.smoke=no",
    "case_entry.vulnerable=no",
    "case_entry.complaint=no_start",
    "battery.crank=click",
    "battery.retry=yes",
    "battery.keep_running=ok",
)
FACTS = {"powertrain": "ICE", "vehicle_class": "CAR", "awd": False, "road_type": "URBAN"}


def test_loading_and_validating_the_shipped_scripts(benchmark: BenchmarkFixture) -> None:
    library, issues = benchmark(load_library)
    assert library is not None and issues == []


def test_replaying_a_guided_path(benchmark: BenchmarkFixture) -> None:
    library, _ = load_library()
    assert library is not None
    result = benchmark(replay, library, FACTS, PATH)
    assert result.code == "R01-Ω-1"
