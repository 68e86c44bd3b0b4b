"""Reading a coverage plan's changes for the depots: the file the planner writes, and bad files."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from console.core.errors import ValidationError
from console.core.reach.plan_file import (
    ChangeKind,
    PlanChange,
    parse_plan_moves,
    read_plan_moves,
)
from console.core.reach.plan_format import (
    PLAN_FORMAT,
    CoveragePlan,
    PlannedAddition,
    PlannedMove,
    PlannedReskill,
)
from console.core.vocab import Skill, VehicleKind

PLANNER_FILE = {
    "format": PLAN_FORMAT, "version": 1, "scenario": "live-demo", "seed": 1,
    "fleet_seed": 20261123, "budget": 0,
    "moves": [
        {"crew_id": 12, "call_sign": "3301-101", "from_depot": "D330100-01", "to_depot": "D330200-01"},
        {"crew_id": 40, "call_sign": "4401-203", "from_depot": "D440100-02", "to_depot": "D441900-01"},
    ],
    "reskills": [{"crew_id": 7, "call_sign": "1101-102", "skills": ["BILINGUAL", "EV_HV_CERTIFIED"]}],
    "additions": [
        {"call_sign": "PLAN-0001", "vehicle_kind": "EV_SERVICE_VAN", "skills": ["EV_HV_CERTIFIED"],
         "depot": "D510100-03"},
    ],
}  # fmt: skip


def write(tmp_path: Path, document: object) -> Path:
    path = tmp_path / "plan.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    return path


def test_the_planner_s_file_gives_moves_then_additions_then_reskills(tmp_path: Path) -> None:
    plan = read_plan_moves(write(tmp_path, PLANNER_FILE))
    assert plan.scenario == "live-demo"
    assert plan.changes == (
        PlanChange(ChangeKind.MOVE, "3301-101", from_depot="D330100-01", to_depot="D330200-01"),
        PlanChange(ChangeKind.MOVE, "4401-203", from_depot="D440100-02", to_depot="D441900-01"),
        PlanChange(ChangeKind.ADD, "PLAN-0001", VehicleKind.EV_SERVICE_VAN,
                   frozenset({Skill.EV_HV_CERTIFIED}), to_depot="D510100-03"),
        PlanChange(ChangeKind.RESKILL, "1101-102",
                   skills=frozenset({Skill.BILINGUAL, Skill.EV_HV_CERTIFIED})),
    )  # fmt: skip
    assert (plan.count(ChangeKind.MOVE), plan.count(ChangeKind.ADD)) == (2, 1)


def test_a_move_may_name_its_vehicle_and_the_format_may_be_left_out() -> None:
    plan = parse_plan_moves(
        {"version": 1, "scenario": "shanghai-day", "moves": [
            {"call_sign": "3101-101", "vehicle_kind": "FLATBED", "from_depot": "A", "to_depot": "B"}
        ]},
        "plan.json",
    )  # fmt: skip
    assert plan.changes[0].vehicle_kind is VehicleKind.FLATBED
    assert plan.changes[0].kind is ChangeKind.MOVE


def mutated(**changes: object) -> dict[str, object]:
    document = json.loads(json.dumps(PLANNER_FILE))
    document.update(changes)
    return document


BAD = {
    "not an object": ([1, 2], "the file must be an object"),
    "another format": (mutated(format="roadside-console/what-if"), "format is"),
    "a later version": (mutated(version=2), "version must be 1"),
    "no moves": ({"version": 1, "scenario": "x"}, "there is no moves list"),
    "moves not a list": (mutated(moves={"a": 1}), "moves must be a list"),
    "a move without a destination": (
        mutated(moves=[{"call_sign": "X", "from_depot": "A"}]), "moves[0].to_depot"),
    "an unknown vehicle": (
        mutated(additions=[{"call_sign": "N", "vehicle_kind": "TANK", "depot": "A"}]),
        "additions[0].vehicle_kind 'TANK' is not a vehicle kind"),
    "an unknown skill": (
        mutated(reskills=[{"call_sign": "X", "skills": ["FLYING"]}]), "reskills[0].skills"),
    "a call sign of control characters": (
        mutated(moves=[{"call_sign": "A\x1b[2J", "from_depot": "A", "to_depot": "B"}]),
        "moves[0].call_sign must be at most 64 printable characters"),
}  # fmt: skip


@pytest.mark.parametrize("case", list(BAD))
def test_a_bad_file_is_one_error_naming_the_file_and_the_entry(tmp_path: Path, case: str) -> None:
    document, detail = BAD[case]
    path = write(tmp_path, document)
    with pytest.raises(ValidationError) as refused:
        read_plan_moves(path)
    assert refused.value.code == "plan_moves.invalid"
    assert refused.value.params["path"] == str(path)
    assert detail in refused.value.params["detail"]


def test_a_file_that_is_not_json_or_not_there_is_refused_the_same_way(tmp_path: Path) -> None:
    garbage = tmp_path / "plan.json"
    garbage.write_bytes(b'{"moves": [')
    with pytest.raises(ValidationError) as not_json:
        read_plan_moves(garbage)
    assert not_json.value.code == "plan_moves.invalid"
    assert "not JSON" in not_json.value.params["detail"]
    with pytest.raises(ValidationError) as missing:
        read_plan_moves(tmp_path / "nowhere.json")
    assert missing.value.code == "plan_moves.invalid"


def test_a_written_plan_reads_change_for_change_with_each_move_s_vehicle() -> None:
    written = CoveragePlan(
        scenario="live-demo", seed=1, fleet_seed=7, budget=1,
        moves=(PlannedMove(3, "3301-101", "D330100-01", "D330200-02", VehicleKind.EV_SERVICE_VAN),),
        reskills=(PlannedReskill(9, "1101-104", frozenset({Skill.BILINGUAL})),),
        additions=(PlannedAddition("PLAN-0001", VehicleKind.FLATBED, frozenset(), "D440100-01"),),
    )  # fmt: skip
    plan = parse_plan_moves(json.loads(written.to_json()), "plan.json")
    assert plan.scenario == "live-demo"
    assert plan.changes == (
        PlanChange(ChangeKind.MOVE, "3301-101", VehicleKind.EV_SERVICE_VAN,
                   from_depot="D330100-01", to_depot="D330200-02"),
        PlanChange(ChangeKind.ADD, "PLAN-0001", VehicleKind.FLATBED, to_depot="D440100-01"),
        PlanChange(ChangeKind.RESKILL, "1101-104", skills=frozenset({Skill.BILINGUAL})),
    )  # fmt: skip
