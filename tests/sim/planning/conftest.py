"""A tiny scenario and its plan, shared by the planning tests."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from console.core.fleet_layout import load_cities
from console.core.geo import ServiceArea
from console.sim.fleet import SimCrew, build_fleet, scenario_depots, scenario_layout
from console.sim.planning.planner import Plan, PlanSettings, make_plan
from console.sim.scenario import Scenario, load_scenario

TINY = """\
name: tiny-zhejiang
regions:
  - code: "33"
    calls: 160
"""


@pytest.fixture(scope="session")
def tiny_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("scenario") / "tiny-zhejiang.yaml"
    path.write_text(TINY, encoding="utf-8")
    return path


@pytest.fixture(scope="session")
def tiny(tiny_file: Path) -> Scenario:
    return load_scenario(str(tiny_file))


@pytest.fixture(scope="session")
def tiny_roster(tiny: Scenario) -> list[SimCrew]:
    rng = np.random.default_rng(np.random.SeedSequence(1).spawn(1)[0])
    return build_fleet(tiny, rng)


@pytest.fixture(scope="session")
def tiny_depots(tiny: Scenario) -> list[dict[str, object]]:
    return scenario_depots(tiny, scenario_layout(tiny))


@pytest.fixture(scope="session")
def tiny_plan(
    tiny: Scenario, tiny_roster: list[SimCrew], tiny_depots: list[dict[str, object]]
) -> Plan:
    return make_plan(
        tiny, tiny_roster, tiny_depots, seed=1, budget=0, cities=load_cities(),
        area=ServiceArea.default(), settings=PlanSettings(days=4),
    )  # fmt: skip
