"""Priority rules of the call protocol, and the inline checks of an intake form."""

from __future__ import annotations

from datetime import time

import pytest

from console.core.errors import ValidationError
from console.core.intake import RequestDraft, draft_errors
from console.core.triage import (
    FACTOR_TEXT,
    TriageAnswers,
    TriageFactor,
    TriageResult,
    decide_priority,
    derive_priority,
    is_night,
    override_reason,
    parse_override_reason,
)
from console.core.vocab import Priority, RoadType

F = TriageFactor


@pytest.mark.parametrize(
    ("answers", "priority", "factors"),
    [
        (TriageAnswers(), Priority.P2, (F.NO_RISK,)),
        (TriageAnswers(in_live_lane=True), Priority.P1, (F.LIVE_LANE,)),
        (TriageAnswers(injuries=True), Priority.P1, (F.INJURIES,)),
        (TriageAnswers(smoke_or_fire=True), Priority.P1, (F.SMOKE_OR_FIRE,)),
        (TriageAnswers(ev_warning=True), Priority.P1, (F.EV_WARNING,)),
        (TriageAnswers(vulnerable_occupants=True), Priority.P1, (F.VULNERABLE_OCCUPANTS,)),
        (TriageAnswers(road_type=RoadType.EXPRESSWAY), Priority.P1, (F.EXPRESSWAY,)),
        (
            TriageAnswers(road_type=RoadType.RURAL, local_time=time(23, 30)),
            Priority.P1,
            (F.NIGHT_REMOTE,),
        ),
        (
            TriageAnswers(road_type=RoadType.RURAL, local_time=time(14, 0)),
            Priority.P2,
            (F.NO_RISK,),
        ),
        (TriageAnswers(road_type=RoadType.URBAN, local_time=time(2, 0)), Priority.P2, (F.NO_RISK,)),
        (TriageAnswers(road_type=RoadType.RURAL, local_time=None), Priority.P2, (F.NO_RISK,)),
        (TriageAnswers(scheduled=True), Priority.P3, (F.SCHEDULED,)),
        # Safety beats a caller's wish to be seen later.
        (TriageAnswers(scheduled=True, injuries=True), Priority.P1, (F.INJURIES,)),
        (
            TriageAnswers(
                in_live_lane=True,
                smoke_or_fire=True,
                road_type=RoadType.EXPRESSWAY,
            ),
            Priority.P1,
            (F.LIVE_LANE, F.SMOKE_OR_FIRE, F.EXPRESSWAY),
        ),
    ],
)
def test_derived_priority_and_factors(
    answers: TriageAnswers, priority: Priority, factors: tuple[TriageFactor, ...]
) -> None:
    result = derive_priority(answers)
    assert result.priority is priority
    assert result.factors == factors


def test_reason_lists_every_factor_in_english() -> None:
    result = derive_priority(TriageAnswers(in_live_lane=True, road_type=RoadType.EXPRESSWAY))
    assert result.reason == "Vehicle stopped in a live lane; Vehicle on an expressway"
    assert set(FACTOR_TEXT) == set(TriageFactor)


@pytest.mark.parametrize(
    ("moment", "night"),
    [
        (time(19, 59), False),
        (time(20, 0), True),
        (time(0, 0), True),
        (time(5, 59), True),
        (time(6, 0), False),
        (time(12, 0), False),
    ],
)
def test_night_window(moment: time, night: bool) -> None:
    assert is_night(moment) is night


def test_override_needs_a_reason() -> None:
    derived = TriageResult(Priority.P1, (F.EXPRESSWAY,))
    assert decide_priority(derived) == (Priority.P1, "Vehicle on an expressway")
    assert decide_priority(derived, Priority.P1, "") == (Priority.P1, "Vehicle on an expressway")
    with pytest.raises(ValidationError) as caught:
        decide_priority(derived, Priority.P2, "  ")
    assert caught.value.code == "reason.required"
    assert caught.value.field == "priority_reason"
    priority, reason = decide_priority(derived, Priority.P2, "Parked in a service area")
    assert priority is Priority.P2
    assert reason == "Override P1->P2: Parked in a service area"


def test_override_reason_round_trips_and_is_bounded() -> None:
    stored = override_reason(Priority.P2, Priority.P1, "Caller is pregnant")
    assert parse_override_reason(stored) == (Priority.P2, Priority.P1, "Caller is pregnant")
    assert parse_override_reason("Vehicle on an expressway") is None
    assert parse_override_reason("Override nonsense") is None
    assert parse_override_reason("Override P9->P1: x") is None
    with pytest.raises(ValidationError) as caught:
        override_reason(Priority.P2, Priority.P1, "x" * 201)
    assert caught.value.code == "field.too_long"


def test_draft_errors_reports_every_bad_field() -> None:
    draft = RequestDraft(
        caller_phone="12345",
        lat="north",
        lon="200",
        service_type="TOW",
        plate="XYZ",
    )
    errors = {(e.field, e.code) for e in draft_errors(draft)}
    assert errors == {
        ("caller_phone", "phone.invalid"),
        ("lat", "field.not_a_number"),
        ("lon", "coord.lon_range"),
        ("plate", "plate.invalid"),
    }


def test_draft_errors_is_empty_for_a_good_draft() -> None:
    draft = RequestDraft(caller_phone="138 1234 5678", lat="30.2", lon="120.1", service_type="TOW")
    assert draft_errors(draft) == ()
