"""Guard rails: actions that fit the job, the arrival target, and a plausible "on scene"."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

import pytest

from console.core.dispatch import Reason, Suggestion
from console.core.guards import (
    ACTION_MOVES,
    ON_SCENE_RADIUS_KM,
    Action,
    arrival_target,
    arrival_warning,
    available_actions,
    best_alternative,
    check_on_scene,
    overrun_minutes,
    projected_arrival,
    projected_overrun,
)
from console.core.lifecycle import can_move, fits_service
from console.core.sla import SlaTargets
from console.core.vocab import Priority, RequestStatus, RoadType, ServiceType, VehicleKind

S = RequestStatus
NOW = datetime(2026, 11, 23, 8, 0, tzinfo=UTC)


@dataclass(frozen=True)
class Job:
    status: RequestStatus
    service_type: ServiceType = ServiceType.TOW
    assigned_at: datetime | None = None
    eta_minutes: int | None = None
    arrive_due_at: datetime | None = None


def crew(
    crew_id: int, eta: int, *, rank: int | None = None, free_in: int | None = None
) -> Suggestion:
    return Suggestion(
        rank=rank or crew_id, crew_id=crew_id, call_sign=f"HZ-{crew_id:02d}", crew_version=1,
        vehicle_kind=VehicleKind.FLATBED, eta_minutes=eta, distance_km=eta * 0.8,
        score=float(eta), free_in_minutes=free_in, stale_gps=False,
        reasons=(Reason("eta_min", eta),),
    )  # fmt: skip


# ------------------------------------------------------------------ actions


def test_a_jump_start_on_scene_offers_complete_and_cancel_but_no_tow() -> None:
    assert available_actions(Job(S.ON_SCENE, ServiceType.JUMP_START)) == {
        Action.COMPLETE, Action.CANCEL,
    }  # fmt: skip


def test_a_tow_on_scene_offers_the_tow() -> None:
    assert available_actions(Job(S.ON_SCENE, ServiceType.TOW)) == {
        Action.TOW, Action.COMPLETE, Action.CANCEL,
    }  # fmt: skip


@pytest.mark.parametrize("service", [s for s in ServiceType if s is not ServiceType.TOW])
def test_only_tows_are_ever_towed(service: ServiceType) -> None:
    for status in RequestStatus:
        assert Action.TOW not in available_actions(Job(status, service)), (status, service)
    assert not fits_service(service, S.TOWING)


@pytest.mark.parametrize(
    ("status", "expected"),
    [
        (S.NEW, {Action.TRIAGE, Action.CANCEL}),
        (S.TRIAGE, {Action.QUEUE, Action.RESOLVE, Action.CANCEL}),
        (S.QUEUED, {Action.RESOLVE, Action.CANCEL}),
        (S.ASSIGNED, {Action.EN_ROUTE, Action.RELEASE, Action.CANCEL}),
        (S.EN_ROUTE, {Action.ON_SCENE, Action.RELEASE, Action.CANCEL}),
        (S.TOWING, {Action.COMPLETE, Action.CANCEL}),
        (S.COMPLETED, set()),
        (S.RESOLVED_REMOTELY, set()),
        (S.CANCELLED, set()),
    ],
)
def test_a_tow_offers_what_its_status_allows(status: RequestStatus, expected: set[Action]) -> None:
    assert available_actions(Job(status)) == expected


def test_remote_guidance_never_offers_crew_moves() -> None:
    phone = ServiceType.REMOTE_GUIDANCE
    reachable = [s for s in S if fits_service(phone, s)]
    assert S.ASSIGNED not in reachable and S.ON_SCENE not in reachable
    offered = set().union(*(available_actions(Job(s, phone)) for s in reachable))
    assert offered == {Action.TRIAGE, Action.QUEUE, Action.RESOLVE, Action.CANCEL}


def test_every_action_is_a_legal_move_from_each_of_its_sources() -> None:
    for action, move in ACTION_MOVES.items():
        assert move.sources, action
        assert all(can_move(source, move.target) for source in move.sources), action


# ------------------------------------------------------------------ arrival


def test_the_reported_case_77_minutes_against_a_60_minute_target() -> None:
    # P1 expressway: target 60 min from queueing; queued 1 min ago -> 59 min left.
    due = NOW + timedelta(minutes=59)
    late, fast = crew(1, 77), crew(2, 52, free_in=10)
    warning = arrival_warning(late, [late, fast], due, NOW)
    assert warning is not None
    assert warning.overrun_minutes == 18
    assert warning.alternative == fast
    assert warning.alternative_overrun_minutes == 0


def test_a_crew_on_time_gets_no_warning() -> None:
    due = NOW + timedelta(minutes=60)
    assert arrival_warning(crew(1, 60), [crew(1, 60)], due, NOW) is None
    assert arrival_warning(crew(1, 60), [crew(1, 60)], None, NOW) is None


def test_overrun_counts_started_minutes() -> None:
    due = NOW
    assert overrun_minutes(due, NOW) == 0
    assert overrun_minutes(due, NOW + timedelta(seconds=1)) == 1
    assert overrun_minutes(due, NOW + timedelta(minutes=17)) == 17
    assert overrun_minutes(due, NOW - timedelta(minutes=5)) == 0


def test_the_alternative_is_the_fastest_that_meets_the_target() -> None:
    due = NOW + timedelta(minutes=40)
    chosen, slow_ok, fast_ok = crew(1, 70), crew(2, 39, rank=2), crew(3, 25, rank=3)
    assert best_alternative(chosen, [chosen, slow_ok, fast_ok], due, NOW) == fast_ok


def test_when_none_meets_the_target_the_fastest_faster_crew_is_proposed() -> None:
    due = NOW + timedelta(minutes=30)
    chosen, faster, slower = crew(1, 70), crew(2, 45), crew(3, 80)
    warning = arrival_warning(chosen, [chosen, faster, slower], due, NOW)
    assert warning is not None and warning.alternative == faster
    assert warning.alternative_overrun_minutes == 15


def test_the_fastest_crew_late_has_no_alternative() -> None:
    due = NOW + timedelta(minutes=30)
    chosen, slower = crew(1, 45), crew(2, 80)
    warning = arrival_warning(chosen, [chosen, slower], due, NOW)
    assert warning is not None and warning.alternative is None


def test_projected_late_arrival_of_an_assigned_crew() -> None:
    due = NOW + timedelta(minutes=59)
    job = Job(S.ASSIGNED, assigned_at=NOW, eta_minutes=77, arrive_due_at=due)
    assert projected_arrival(job) == NOW + timedelta(minutes=77)
    assert projected_overrun(job) == 18
    assert projected_overrun(Job(S.EN_ROUTE, assigned_at=NOW, eta_minutes=50,
                                 arrive_due_at=due)) == 0  # fmt: skip
    # On scene the arrival is a fact, not a projection.
    assert projected_overrun(Job(S.ON_SCENE, assigned_at=NOW, eta_minutes=77,
                                 arrive_due_at=due)) == 0  # fmt: skip
    assert projected_arrival(Job(S.ASSIGNED, assigned_at=None, eta_minutes=77)) is None


# ------------------------------------------------------------------ on scene


def test_a_crew_98_km_away_must_confirm_on_scene() -> None:
    # Hangzhou scene; the crew's last fix in Shanghai's western suburbs, 9 s old.
    check = check_on_scene(
        30.27, 120.15, crew_lat=30.95, crew_lon=120.62, gps_at=NOW - timedelta(seconds=9), now=NOW
    )
    assert check.distance_km is not None and 80 < check.distance_km < 110
    assert check.fix_age == timedelta(seconds=9)
    assert check.needs_confirmation


def test_a_crew_within_a_kilometre_is_on_scene_without_asking() -> None:
    # 0.005 degrees of latitude is about 0.56 km.
    check = check_on_scene(
        30.27, 120.15, crew_lat=30.275, crew_lon=120.15, gps_at=NOW - timedelta(minutes=2), now=NOW
    )
    assert check.distance_km is not None and check.distance_km < ON_SCENE_RADIUS_KM
    assert not check.needs_confirmation


def test_just_over_a_kilometre_asks() -> None:
    # 0.0095 degrees of latitude is about 1.06 km.
    check = check_on_scene(30.27, 120.15, crew_lat=30.2795, crew_lon=120.15, gps_at=NOW, now=NOW)
    assert check.distance_km is not None and 1.0 < check.distance_km < 1.1
    assert check.needs_confirmation


def test_a_crew_without_a_fix_must_confirm() -> None:
    check = check_on_scene(30.27, 120.15, crew_lat=30.27, crew_lon=120.15, gps_at=None, now=NOW)
    assert check.distance_km is None and check.fix_age is None
    assert check.needs_confirmation


def test_before_queueing_the_target_comes_from_the_sla_configuration() -> None:
    targets = SlaTargets()
    due = arrival_target(None, Priority.P1, RoadType.EXPRESSWAY, targets, NOW)
    assert due == NOW + timedelta(minutes=60)
    assert arrival_target(None, Priority.P2, RoadType.URBAN, targets, NOW) == NOW + timedelta(
        minutes=60
    )
    queued_due = NOW + timedelta(minutes=12)
    assert arrival_target(queued_due, Priority.P1, RoadType.URBAN, targets, NOW) == queued_due
