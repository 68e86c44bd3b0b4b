"""The coverage-plan file: one format, written deterministically, read for the depots or for replay."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from console.core.reach.plan_format import (
    PLAN_FORMAT,
    CoveragePlan,
    PlanFormatError,
    PlannedAddition,
    PlannedMove,
    PlannedReskill,
    parse_plan,
    read_plan_file,
)
from console.core.vocab import Skill, VehicleKind

PLAN = CoveragePlan(
    scenario="live-demo", seed=1, fleet_seed=20261123, budget=1,
    moves=(PlannedMove(12, "3301-101", "D330100-01", "D330200-01", VehicleKind.FLATBED),),
    reskills=(PlannedReskill(7, "1101-102", frozenset({Skill.EV_HV_CERTIFIED, Skill.BILINGUAL})),),
    additions=(PlannedAddition("PLAN-0001", VehicleKind.HEAVY_WRECKER, frozenset(), "D510100-03"),),
)  # fmt: skip


@pytest.mark.parametrize("complete", [True, False])
def test_a_written_plan_reads_back_the_same_whichever_way_it_is_read(complete: bool) -> None:
    assert parse_plan(json.loads(PLAN.to_json()), complete=complete) == PLAN


def test_the_text_is_deterministic_with_sorted_skills_and_each_move_s_vehicle() -> None:
    text = PLAN.to_json()
    document = json.loads(text)
    assert list(document) == [
        "format", "version", "scenario", "seed", "fleet_seed", "budget",
        "moves", "reskills", "additions",
    ]  # fmt: skip
    assert document["format"] == PLAN_FORMAT
    assert document["moves"][0] == {
        "crew_id": 12, "call_sign": "3301-101", "vehicle_kind": "FLATBED",
        "from_depot": "D330100-01", "to_depot": "D330200-01",
    }  # fmt: skip
    assert document["reskills"][0]["skills"] == ["BILINGUAL", "EV_HV_CERTIFIED"]
    assert text.endswith("}\n")


def test_a_file_for_the_depots_may_leave_out_what_only_a_replay_needs() -> None:
    document = {"version": 1, "moves": [{"call_sign": "A", "from_depot": "D1", "to_depot": "D2"}]}
    plan = parse_plan(document, complete=False)
    assert plan == CoveragePlan(
        scenario="", seed=None, fleet_seed=None, budget=None,
        moves=(PlannedMove(None, "A", "D1", "D2"),),
    )  # fmt: skip
    assert "crew_id" not in json.loads(plan.to_json())["moves"][0]


def test_a_move_without_its_vehicle_is_still_replayable() -> None:
    document = json.loads(PLAN.to_json())
    del document["moves"][0]["vehicle_kind"]
    assert parse_plan(document, complete=True).moves[0].vehicle_kind is None


def without(path: str) -> dict[str, object]:
    document = json.loads(PLAN.to_json())
    *parents, last = path.split(".")
    target = document
    for key in parents:
        target = target[key][0]
    del target[last]
    return document


@pytest.mark.parametrize(
    ("document", "field", "message"),
    [
        (without("format"), "format", "format is None, expected"),
        (without("scenario"), "scenario", "scenario must be non-empty text"),
        (without("fleet_seed"), "fleet_seed", "fleet_seed must be a whole number, 0 or more"),
        (without("budget"), "budget", "budget must be a whole number"),
        (without("moves.crew_id"), "moves[0].crew_id", "moves[0].crew_id must be a whole number"),
        (without("reskills.crew_id"), "reskills[0].crew_id", "must be a whole number"),
    ],
)
def test_a_replay_needs_the_format_scenario_seeds_budget_and_crew_ids(
    document: dict[str, object], field: str, message: str
) -> None:
    parse_plan(document, complete=False)
    with pytest.raises(PlanFormatError) as refused:
        parse_plan(document, complete=True)
    assert refused.value.field == field
    assert message in str(refused.value)


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"seed": -1}, "seed"),
        ({"budget": True}, "budget"),
        ({"reskills": [{"crew_id": 1, "call_sign": "A", "skills": []}]}, "reskills[0].skills"),
        ({"moves": [{"crew_id": 1, "call_sign": "A", "from_depot": "B", "to_depot": "C",
                     "vehicle_kind": "BUS"}]}, "moves[0].vehicle_kind"),
        ({"additions": "none"}, "additions"),
    ],
)  # fmt: skip
def test_a_wrong_field_is_refused_however_the_file_is_read(
    change: dict[str, object], field: str
) -> None:
    document = json.loads(PLAN.to_json()) | change
    for complete in (True, False):
        with pytest.raises(PlanFormatError) as refused:
            parse_plan(document, complete=complete)
        assert refused.value.field == field


def test_a_file_that_is_not_json_or_not_there_names_no_field(tmp_path: Path) -> None:
    garbage = tmp_path / "plan.json"
    garbage.write_text('{"moves": [', encoding="utf-8")
    with pytest.raises(PlanFormatError) as not_json:
        read_plan_file(garbage, complete=False)
    assert (not_json.value.field, str(not_json.value)[:9]) == ("", "not JSON:")
    with pytest.raises(PlanFormatError) as missing:
        read_plan_file(tmp_path / "nowhere.json", complete=True)
    assert missing.value.field == ""
