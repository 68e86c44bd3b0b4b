"""Coverage plan for the national day (1,786 crews, ~510 depots, ~340 cities).

Target (issue: dispatch quality): the whole plan - demand points, coverage sets,
the covering model, the moves - within 60 s on the project's 2-core machine.
The solver's own time limit (``PlanSettings.time_limit``) stays well below it as
a guard; the plan reports the MIP gap it stopped at. Run with
``pytest tests/bench/test_plan_bench.py --benchmark-enable``.
"""

from __future__ import annotations

import numpy as np
import pytest
from pytest_benchmark.fixture import BenchmarkFixture

from console.core.fleet_layout import load_cities
from console.core.geo import ServiceArea
from console.sim.fleet import build_fleet, scenario_depots, scenario_layout
from console.sim.planning.planner import Plan, make_plan
from console.sim.scenario import load_scenario


@pytest.mark.slow
def test_national_day_move_only_plan(benchmark: BenchmarkFixture) -> None:
    scenario = load_scenario("national-day")
    cities, area = load_cities(), ServiceArea.default()

    def plan() -> Plan:
        rng = np.random.default_rng(np.random.SeedSequence(1).spawn(1)[0])
        roster = build_fleet(scenario, rng, cities=cities, area=area)
        depots = scenario_depots(scenario, scenario_layout(scenario, cities=cities, area=area))
        return make_plan(scenario, roster, depots, seed=1, budget=0, cities=cities, area=area)

    result = benchmark.pedantic(plan, rounds=1, iterations=1)
    print(f"MIP gap {100 * result.solution.gap:.2f} %, solver {result.solution.seconds:.1f} s")
    assert len(result.moves) > 0
    assert result.solution.gap < 0.01
    everything = next(row for row in result.coverage if row.capability == "all calls")
    assert everything.after_pct > everything.before_pct
