"""Digital-twin speed: the national peak day (~26,000 calls, the whole seeded fleet), and the
national day with dispatch across provincial borders.

Target (issue: digital twin): one replication with the suggestion policy in
under 60 s on the project's 2-core machine. Run with
``pytest tests/bench/test_sim_bench.py --benchmark-enable``.
"""

from __future__ import annotations

import pytest
from pytest_benchmark.fixture import BenchmarkFixture

from console.sim.runner import run_study
from console.sim.scenario import load_scenario


@pytest.mark.slow
def test_national_peak_day_with_the_suggestion_policy(benchmark: BenchmarkFixture) -> None:
    scenario = load_scenario("national-peak")
    study = benchmark.pedantic(
        run_study, args=(scenario, ["suggest"]), kwargs={"seed": 1, "replications": 1},
        rounds=1, iterations=1,
    )  # fmt: skip
    figures = study.figures["suggest"][0]
    assert figures["calls"] > 25_000
    assert figures["dispatched"] > 0.85 * figures["calls"]


@pytest.mark.slow
def test_national_day_with_the_optimiser_across_borders(benchmark: BenchmarkFixture) -> None:
    """The national day (~4,000 calls, 1,786 crews, border crossings): about 3-5 s a run."""
    scenario = load_scenario("national-day")
    study = benchmark.pedantic(
        run_study, args=(scenario, ["optimise"]), kwargs={"seed": 1, "replications": 1},
        rounds=1, iterations=1,
    )  # fmt: skip
    figures = study.figures["optimise"][0]
    assert figures["cross_border"] > 0
    assert figures["sla_assign_pct"] > 99.0
