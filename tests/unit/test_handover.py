"""From intake to guidance: the safety gate the form answered is recorded, not asked again."""

from __future__ import annotations

import pytest

from console.core.guidance import (
    INTAKE,
    GuidanceLibrary,
    GuidanceRun,
    load_library,
    parse_step,
    replay,
)
from console.core.handover import CASE_ENTRY, GATE_NODES, intake_answers
from console.core.triage import TriageAnswers
from console.core.vocab import Priority, RoadType

URBAN_ICE: dict[str, str | bool] = {
    "powertrain": "ICE",
    "vehicle_class": "CAR",
    "awd": False,
    "road_type": "URBAN",
}


@pytest.fixture(scope="module")
def shipped() -> GuidanceLibrary:
    library, issues = load_library()
    assert issues == [] and library is not None
    return library


def test_every_answer_the_form_gives_is_a_question_and_answer_of_the_shipped_case_entry(
    shipped: GuidanceLibrary,
) -> None:
    entry = shipped.protocols[CASE_ENTRY]
    for answers in (
        TriageAnswers(),
        TriageAnswers(True, True, True, True, True, RoadType.EXPRESSWAY),
        TriageAnswers(road_type=RoadType.EXPRESSWAY),
    ):
        for place, answer in intake_answers(answers).items():
            node = entry.nodes[place.split(".")[1]]
            assert node.type == "question"
            assert node.answer(answer) is not None, place
    assert set(GATE_NODES) <= set(entry.nodes)


@pytest.mark.parametrize(
    ("answers", "position"),
    [
        (TriageAnswers(), "safe"),
        (TriageAnswers(road_type=RoadType.EXPRESSWAY), "expressway"),
        (TriageAnswers(in_live_lane=True, road_type=RoadType.EXPRESSWAY), "live_lane"),
    ],
)
def test_where_the_vehicle_is_follows_the_live_lane_box_and_the_road(
    answers: TriageAnswers, position: str
) -> None:
    assert intake_answers(answers)["case_entry.position"] == position


def test_a_caller_with_nothing_ticked_is_asked_the_complaint_first(
    shipped: GuidanceLibrary,
) -> None:
    run = GuidanceRun(shipped, URBAN_ICE, known=intake_answers(TriageAnswers()))
    assert run.node.id == "complaint"
    assert [s.code() for s in run.steps] == [
        "case_entry.position=safe@intake",
        "case_entry.injuries=no@intake",
        "case_entry.smoke=no@intake",
        "case_entry.vulnerable=no@intake",
    ]
    assert not run.can_go_back  # nothing the dispatcher answered yet


def test_warnings_after_a_yes_at_intake_are_still_read_out(shipped: GuidanceLibrary) -> None:
    known = intake_answers(TriageAnswers(injuries=True, road_type=RoadType.EXPRESSWAY))
    run = GuidanceRun(shipped, {**URBAN_ICE, "road_type": "EXPRESSWAY"}, known=known)
    assert run.node.id == "get_safe"
    run.answer("ok")
    assert run.node.id == "triangle"
    run.answer("ok")
    assert run.node.id == "call_120"  # injuries were answered at intake; its warning is not
    run.answer("ok")
    assert run.node.id == "complaint"
    run.back()
    assert run.node.id == "call_120"


def test_a_path_with_intake_answers_replays_to_the_same_outcome(shipped: GuidanceLibrary) -> None:
    known = intake_answers(TriageAnswers(vulnerable_occupants=True))
    run = GuidanceRun(shipped, URBAN_ICE, known=known)
    run.answer("tyre")
    while not run.finished:
        run.escalate()
    result = run.result
    assert result is not None and result.priority is Priority.P1  # the intake's "yes" counts
    again = replay(shipped, URBAN_ICE, result.path())
    assert again.code == result.code and again.priority is result.priority
    assert again.path() == result.path()


def test_replay_refuses_an_intake_answer_on_a_warning_or_from_an_unknown_source(
    shipped: GuidanceLibrary,
) -> None:
    live_lane = ["case_entry.position=live_lane@intake"]
    with pytest.raises(ValueError, match="cannot be answered"):
        replay(shipped, URBAN_ICE, [*live_lane, "case_entry.get_safe=ok@intake"])
    with pytest.raises(ValueError, match="cannot be answered"):
        replay(shipped, URBAN_ICE, ["case_entry.position=safe@telepathy"])


def test_a_recorded_step_says_who_answered_it(shipped: GuidanceLibrary) -> None:
    step = parse_step("case_entry.injuries=no@intake")
    assert step is not None and step.source == INTAKE and step.answer == "no"
    assert shipped.step_text(step.code(), "en") == ("Is anyone injured?", "No")
    assert parse_step("not a step") is None
