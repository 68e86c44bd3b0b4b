"""What-if files: written whole, read back the same, refused when they do not fit."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest

from console.core.errors import ConfigError
from console.core.reach.plan_format import (
    CoveragePlan,
    PlannedAddition,
    PlannedMove,
    PlannedReskill,
)
from console.core.vocab import Skill, VehicleKind
from console.sim.fleet import SimCrew
from console.sim.planning.planner import Plan
from console.sim.planning.whatif import (
    apply_plan,
    from_plan,
    read_plan,
    write_plan,
)
from console.sim.runner import run_study
from console.sim.scenario import Scenario


def test_the_tiny_plan_moves_crews_and_covers_more(tiny_plan: Plan) -> None:
    assert tiny_plan.moves
    everything = next(row for row in tiny_plan.coverage if row.capability == "all calls")
    assert everything.after_pct > everything.before_pct
    assert tiny_plan.solution.gap < 0.01


def test_a_what_if_file_reads_back_as_written(tiny_plan: Plan, tmp_path: Path) -> None:
    plan = from_plan(tiny_plan)
    path = tmp_path / "plan.json"
    write_plan(path, plan)
    assert read_plan(path) == plan
    document = json.loads(path.read_text(encoding="utf-8"))
    assert document["format"] == "roadside-console/coverage-plan"
    assert document["version"] == 1
    assert document["scenario"] == "tiny-zhejiang"
    assert len(document["moves"]) == len(tiny_plan.moves)
    assert [m["vehicle_kind"] for m in document["moves"]] == [
        m.crew.vehicle_kind.value for m in tiny_plan.moves
    ], "each move names its vehicle, so the depots need not look it up"
    assert not list(tmp_path.glob("*.partial"))


def test_replaying_stations_moved_crews_at_their_new_depot(
    tiny_plan: Plan,
    tiny: Scenario,
    tiny_roster: list[SimCrew],
    tiny_depots: list[dict[str, object]],
) -> None:
    planned = {c.id: c for c in apply_plan(from_plan(tiny_plan), tiny, tiny_roster, tiny_depots)}
    assert len(planned) == len(tiny_roster)
    for move in tiny_plan.moves:
        crew = planned[move.crew.id]
        assert crew.depot_code == move.to.code
        assert (
            (crew.lat, crew.lon) == (crew.depot_lat, crew.depot_lon) == (move.to.lat, move.to.lon)
        )


def test_additions_and_reskills_join_the_roster(
    tiny: Scenario, tiny_roster: list[SimCrew], tiny_depots: list[dict[str, object]]
) -> None:
    crew = tiny_roster[0]
    depot = str(tiny_depots[-1]["code"])
    plan = CoveragePlan(
        scenario=tiny.name, seed=1, fleet_seed=tiny.fleet_seed, budget=1,
        reskills=(_reskill(crew),),
        additions=(PlannedAddition("PLAN-0001", VehicleKind.FLATBED, frozenset(), depot),),
    )  # fmt: skip
    planned = apply_plan(plan, tiny, tiny_roster, tiny_depots)
    assert len(planned) == len(tiny_roster) + 1
    assert Skill.BILINGUAL in planned[0].skills
    assert planned[-1].call_sign == "PLAN-0001" and planned[-1].depot_code == depot
    assert planned[-1].id > max(c.id for c in tiny_roster)


def _reskill(crew: SimCrew) -> PlannedReskill:
    return PlannedReskill(crew.id, crew.call_sign, frozenset({Skill.BILINGUAL}))


def _refusal(plan: CoveragePlan, tiny: Scenario, roster: list[SimCrew], depots) -> str:  # type: ignore[no-untyped-def]
    with pytest.raises(ConfigError) as caught:
        apply_plan(plan, tiny, roster, depots, where="plan.json")
    return caught.value.english()


def test_a_plan_for_another_scenario_or_fleet_is_refused(
    tiny: Scenario, tiny_roster: list[SimCrew], tiny_depots: list[dict[str, object]]
) -> None:
    other = CoveragePlan(scenario="shanghai-day", seed=1, fleet_seed=tiny.fleet_seed, budget=0)
    assert "is for 'shanghai-day'" in _refusal(other, tiny, tiny_roster, tiny_depots)
    seeded = CoveragePlan(scenario=tiny.name, seed=1, fleet_seed=7, budget=0)
    assert "fleet seed 7" in _refusal(seeded, tiny, tiny_roster, tiny_depots)


def test_unknown_crews_and_depots_are_named(
    tiny: Scenario, tiny_roster: list[SimCrew], tiny_depots: list[dict[str, object]]
) -> None:
    crew = tiny_roster[0]
    base = CoveragePlan(scenario=tiny.name, seed=1, fleet_seed=tiny.fleet_seed, budget=0)
    ghost = replace(base, moves=(PlannedMove(999_999, "X-1", crew.depot_code, crew.depot_code),))
    assert "no crew 999999" in _refusal(ghost, tiny, tiny_roster, tiny_depots)
    renamed = replace(base, moves=(PlannedMove(crew.id, "X-1", crew.depot_code, crew.depot_code),))
    assert f"crew {crew.id} is {crew.call_sign}" in _refusal(
        renamed, tiny, tiny_roster, tiny_depots
    )
    nowhere = replace(base, moves=(PlannedMove(crew.id, crew.call_sign, crew.depot_code, "D0"),))
    assert "no depot D0" in _refusal(nowhere, tiny, tiny_roster, tiny_depots)
    elsewhere = replace(base, moves=(PlannedMove(crew.id, crew.call_sign, "D1", "D1"),))
    assert f"is at depot {crew.depot_code}, not D1" in _refusal(
        elsewhere, tiny, tiny_roster, tiny_depots
    )


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("[1, 2", "not JSON"),
        ('{"format": "x", "version": 1}', "format"),
        ('{"format": "roadside-console/coverage-plan", "version": 9}', "version 9"),
        (
            '{"format": "roadside-console/coverage-plan", "version": 1, "scenario": "s", '
            '"seed": 1, "fleet_seed": 1, "budget": 0, "moves": [{"crew_id": "x"}]}',
            "moves[0].crew_id",
        ),
        (
            '{"format": "roadside-console/coverage-plan", "version": 1, "scenario": "s", '
            '"fleet_seed": 1, "budget": 0, "moves": []}',
            "seed must be a whole number",
        ),
        (
            '{"format": "roadside-console/coverage-plan", "version": 1, "scenario": "s", '
            '"seed": 1, "fleet_seed": 1, "budget": 0, "additions": [{"call_sign": "A", '
            '"vehicle_kind": "BUS", "skills": [], "depot": "D"}]}',
            "additions[0].vehicle_kind",
        ),
    ],
)
def test_a_malformed_file_is_one_error_naming_the_field(
    text: str, message: str, tmp_path: Path
) -> None:
    path = tmp_path / "plan.json"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ConfigError) as caught:
        read_plan(path)
    assert message in caught.value.english()
    assert str(path) in caught.value.english()


def test_the_replay_is_the_same_for_the_same_seed(tiny_plan: Plan, tiny: Scenario) -> None:
    plan = from_plan(tiny_plan)
    policies = ["nearest", "nearest@plan"]

    def study() -> str:
        return run_study(tiny, policies, seed=3, replications=2, plan=plan).to_json()

    first = study()
    assert study() == first
    figures = json.loads(first)["policies"]
    assert figures["nearest"]["calls"] == figures["nearest@plan"]["calls"]
    assert figures["nearest"]["arrival.mean"] != figures["nearest@plan"]["arrival.mean"]
