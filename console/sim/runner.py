"""Replications and policy comparisons: the simulator run the way the CLI asks for it."""

from __future__ import annotations

import json
import math
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass
from typing import Any

import numpy as np

from console.core.fleet_layout import City, load_cities
from console.core.geo import ServiceArea
from console.core.reach.plan_format import CoveragePlan
from console.core.sla import SlaTargets
from console.sim.cover.forecast import forecast_demand
from console.sim.demand import CallSet, generate_calls, streams
from console.sim.fleet import SimCrew, build_fleet, scenario_depots, scenario_layout
from console.sim.kpi import day_kpis, estimate
from console.sim.planning.whatif import apply_plan
from console.sim.policy import make_policy
from console.sim.scenario import Scenario
from console.sim.simulator import RunResult, Simulator

Progress = Callable[[str, float], None]


@dataclass(frozen=True)
class CoverageHole:
    """Requests of one service in one city that no crew of the fleet could serve."""

    service: str
    city: str
    province: str
    calls_per_day: float


HoleCounts = Counter[tuple[str, str, str]]
"""Coverage-hole calls by (service, province code, city's Chinese name)."""


def count_holes(calls: CallSet, result: RunResult, counts: HoleCounts) -> None:
    """Add one run's coverage holes to ``counts``."""
    for call in result.holes.tolist():
        counts[(calls.service[call].value, calls.region[call], calls.city[call])] += 1


def coverage_holes(
    counts: HoleCounts, days: int, cities: Sequence[City]
) -> tuple[CoverageHole, ...]:
    """The (service, city) pairs of ``days`` runs' coverage holes, most calls a day first."""
    names = {(c.province_code, c.name_zh): (c.name_en, c.province_en) for c in cities}
    holes = []
    for (service, province_code, city_zh), count in counts.items():
        city, province = names.get((province_code, city_zh), (city_zh, province_code))
        holes.append(CoverageHole(service, city, province, count / max(1, days)))
    holes.sort(key=lambda h: (-h.calls_per_day, h.service, h.province, h.city))
    return tuple(holes)


@dataclass(frozen=True)
class Study:
    """KPI figures per policy and replication, for one scenario and seed."""

    scenario: Scenario
    seed: int
    policies: tuple[str, ...]
    crews: int
    figures: dict[str, list[dict[str, float]]]
    """Per policy: one KPI dict per replication (same random numbers across policies)."""
    holes: tuple[CoverageHole, ...] = ()
    """Requests no crew of the fleet could serve (the same for every policy)."""

    def to_json(self) -> str:
        """Deterministic JSON: the same study always gives the same bytes."""
        document: dict[str, Any] = {
            "scenario": self.scenario.name,
            "seed": self.seed,
            "replications": len(next(iter(self.figures.values()))),
            "crews": self.crews,
            "expected_calls": _round(self.scenario.expected_calls),
            "policies": {p: _summary(self.figures[p]) for p in self.policies},
            "coverage_holes": [
                asdict(hole) | {"calls_per_day": _round(hole.calls_per_day)} for hole in self.holes
            ],
        }
        if len(self.policies) > 1:
            first = self.policies[0]
            document["differences"] = {
                f"{p}-{first}": _summary(_paired(self.figures[p], self.figures[first]))
                for p in self.policies[1:]
            }
        return json.dumps(document, sort_keys=True, indent=2, allow_nan=False, ensure_ascii=False)


def _paired(a: list[dict[str, float]], b: list[dict[str, float]]) -> list[dict[str, float]]:
    return [{k: x[k] - y[k] for k in x} for x, y in zip(a, b, strict=True)]


def _round(value: float) -> float | None:
    return None if not math.isfinite(value) else round(value, 4)


def _summary(runs: list[dict[str, float]]) -> dict[str, dict[str, float | None]]:
    out: dict[str, dict[str, float | None]] = {}
    for key in runs[0]:
        est = estimate([run[key] for run in runs])
        out[key] = {"mean": _round(est.mean), "ci95": _round(est.half_width)}
    return out


def run_study(
    scenario: Scenario,
    policies: Sequence[str],
    *,
    seed: int,
    replications: int,
    sla: SlaTargets | None = None,
    progress: Progress | None = None,
    cities: Sequence[City] | None = None,
    plan: CoveragePlan | None = None,
    plan_source: str = "<plan>",
) -> Study:
    """Run every policy on the same ``replications`` days (common random numbers).

    With a ``plan``, a policy named ``NAME@plan`` runs on the planned fleet and a
    plain name on today's; when no name has ``@plan``, every policy runs on the plan.
    """
    city_list = list(cities) if cities is not None else load_cities()
    area = ServiceArea.default()
    roots = np.random.SeedSequence(seed).spawn(replications + 1)
    crews: list[SimCrew] = build_fleet(
        scenario, np.random.default_rng(roots[0]), cities=city_list, area=area
    )
    fleets = dict.fromkeys(policies, crews)
    if plan is not None:
        planned = apply_plan(
            plan, scenario, crews, scenario_depots(scenario, scenario_layout(
                scenario, cities=city_list, area=area)), where=plan_source
        )  # fmt: skip
        fleets = {name: planned if runs_on_plan(name, policies) else crews for name in policies}
    figures: dict[str, list[dict[str, float]]] = {p: [] for p in policies}
    # Only a policy that moves crews plans with expected demand (from the scenario, never the calls).
    forecast = (
        forecast_demand(scenario, city_list, area, sla=sla)
        if any(hasattr(make_policy(base_policy(p)), "rebalance") for p in policies)
        else None
    )
    # Holes depend on the fleet's capabilities and the calls only: one policy's runs tell them.
    holes: HoleCounts = Counter()
    for rep in range(replications):
        calls = generate_calls(scenario, streams(roots[rep + 1]), city_list, area)
        for n, name in enumerate(policies):
            step = rep * len(policies) + n
            total = replications * len(policies)
            tick = None
            if progress is not None:
                label = f"{name} {rep + 1}/{replications}"

                def tick(
                    fraction: float, _step: int = step, _label: str = label, _total: int = total
                ) -> None:
                    progress(_label, (_step + fraction) / _total)

            sim = Simulator(
                calls,
                fleets[name],
                make_policy(base_policy(name)),
                day=scenario.day,
                sla=sla,
                unload_minutes=scenario.unload_minutes,
                drain_hours=scenario.drain_hours,
                border_minutes=scenario.border_minutes,
                progress=tick,
                forecast=forecast,
            )
            result = sim.run()
            figures[name].append(day_kpis(result, sla))
            if n == 0:
                count_holes(calls, result, holes)
    return Study(
        scenario,
        seed,
        tuple(policies),
        max(len(f) for f in fleets.values()),
        figures,
        coverage_holes(holes, replications, city_list),
    )


PLAN_SUFFIX = "@plan"
"""Marks a policy that runs on the planned fleet (``nearest@plan``)."""


def base_policy(name: str) -> str:
    """The dispatch policy of a study entry (``nearest@plan`` -> ``nearest``)."""
    return name.removesuffix(PLAN_SUFFIX)


def runs_on_plan(name: str, policies: Sequence[str]) -> bool:
    """True when ``name`` runs on the planned fleet, given every policy of the study."""
    return name.endswith(PLAN_SUFFIX) or not any(p.endswith(PLAN_SUFFIX) for p in policies)
