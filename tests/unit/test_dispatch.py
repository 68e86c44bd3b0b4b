"""The dispatch engine: ranked suggestions for one request, proposals for the queue."""

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from console.core.dispatch import CrewInfo, DispatchEngine, DispatchWeights, RequestInfo
from console.core.sla import SlaTargets
from console.core.vocab import (
    CrewStatus,
    Powertrain,
    Priority,
    RoadType,
    ServiceType,
    Skill,
    VehicleClass,
    VehicleKind,
)

NOW = datetime(2026, 11, 23, 3, 0, tzinfo=UTC)  # 11:00 in Beijing: off-peak
WEST_LAKE = (30.25, 120.15)
KM_PER_DEG = 111.19508


def crew(
    crew_id: int,
    km_north: float,
    kind: VehicleKind = VehicleKind.FLATBED,
    *,
    skills: frozenset[Skill] = frozenset(),
    status: CrewStatus = CrewStatus.AVAILABLE,
    gps_minutes_ago: float = 1,
    **extra: object,
) -> CrewInfo:
    lat = WEST_LAKE[0] + km_north / KM_PER_DEG
    return CrewInfo(
        id=crew_id, call_sign=f"HZ-{crew_id:02d}", depot_id=1, partner_id=1, region="33",
        vehicle_kind=kind, skills=skills, status=status, lat=lat, lon=WEST_LAKE[1],
        gps_at=NOW - timedelta(minutes=gps_minutes_ago), version=1, **extra,  # type: ignore[arg-type]
    )  # fmt: skip


def ev_tow(**extra: object) -> RequestInfo:
    values: dict[str, object] = {
        "id": 1, "reference": "RA-20261123-0001", "lat": WEST_LAKE[0], "lon": WEST_LAKE[1],
        "road_type": RoadType.URBAN, "service_type": ServiceType.TOW, "priority": Priority.P2,
        "powertrain": Powertrain.EV, "vehicle_class": VehicleClass.CAR,
    }  # fmt: skip
    values.update(extra)
    return RequestInfo(**values)  # type: ignore[arg-type]


EV = frozenset({Skill.EV_HV_CERTIFIED})

HANGZHOU = [
    crew(1, 2.0, skills=EV),  # flatbed, 2 km, certified
    crew(2, 1.0, VehicleKind.WHEEL_LIFT),  # closest, but an EV may not be towed on a wheel-lift
    crew(3, 5.0),  # flatbed, 5 km, not certified
    crew(4, 1.5, status=CrewStatus.OFF_DUTY),
    crew(5, 3.0, skills=EV, gps_minutes_ago=30),  # position 30 min old
    crew(
        6,
        0.3,
        status=CrewStatus.ON_SCENE,
        skills=EV,
        free_at=NOW + timedelta(minutes=8),
        free_lat=WEST_LAKE[0] + 0.5 / KM_PER_DEG,
        free_lon=WEST_LAKE[1],
    ),
    crew(7, 1.0, VehicleKind.HEAVY_WRECKER),
    crew(8, 0.8, status=CrewStatus.OUT_OF_SERVICE, skills=EV),
]


def test_a_hand_checked_ev_tow_in_hangzhou() -> None:
    result = DispatchEngine(HANGZHOU, now=NOW).suggest(ev_tow(), limit=5)
    ranked = [(s.call_sign, s.eta_minutes) for s in result.suggestions]
    # ETA = 3 min turn-out + km x 1.32 / 32 km/h; crew 6 first finishes its job (8 min);
    # crew 5 pays 12 min for its stale position, crew 3 6 min for lacking the EV certificate.
    assert ranked == [("HZ-01", 8), ("HZ-06", 12), ("HZ-03", 15), ("HZ-05", 10)]
    first = result.suggestions[0]
    assert [(r.code, r.value) for r in first.reasons] == [
        ("distance_km", 3), ("eta_min", 8), ("vehicle", "FLATBED"), ("skill", "EV_HV_CERTIFIED"),
    ]  # fmt: skip
    assert ("free_in", 8) in [(r.code, r.value) for r in result.suggestions[1].reasons]
    assert ("lacks_skill", "EV_HV_CERTIFIED") in [
        (r.code, r.value) for r in result.suggestions[2].reasons
    ]
    stale = result.suggestions[3]
    assert stale.stale_gps and ("stale_gps", 30) in [(r.code, r.value) for r in stale.reasons]


def test_off_duty_out_of_service_and_incapable_crews_never_appear() -> None:
    for service in ServiceType:
        for powertrain in Powertrain:
            result = DispatchEngine(HANGZHOU, now=NOW).suggest(
                ev_tow(service_type=service, powertrain=powertrain), limit=10
            )
            signs = {s.call_sign for s in result.suggestions}
            assert not signs & {"HZ-04", "HZ-08"}
            if service is ServiceType.TOW and powertrain is Powertrain.EV:
                assert "HZ-02" not in signs and "HZ-07" not in signs


def test_a_heavy_truck_gets_only_the_heavy_wrecker() -> None:
    result = DispatchEngine(HANGZHOU, now=NOW).suggest(
        ev_tow(powertrain=Powertrain.ICE, vehicle_class=VehicleClass.HEAVY_TRUCK), limit=10
    )
    assert [s.call_sign for s in result.suggestions] == ["HZ-07"]


def test_remote_guidance_needs_no_crew() -> None:
    result = DispatchEngine(HANGZHOU, now=NOW).suggest(
        ev_tow(service_type=ServiceType.REMOTE_GUIDANCE)
    )
    assert result.no_crew_needed and result.suggestions == ()


def test_busy_crews_far_from_free_are_not_offered() -> None:
    late = crew(
        9,
        0.1,
        status=CrewStatus.TOWING,
        free_at=NOW + timedelta(minutes=45),
        free_lat=30.25,
        free_lon=120.15,
    )
    result = DispatchEngine([*HANGZHOU, late], now=NOW).suggest(ev_tow(), limit=10)
    assert "HZ-09" not in {s.call_sign for s in result.suggestions}


def test_equal_inputs_give_equal_answers_whatever_the_order() -> None:
    shuffled = list(HANGZHOU)
    random.Random(4).shuffle(shuffled)
    twins = [crew(20 + i, 2.0, skills=EV) for i in range(3)]  # exact ties: lowest id first
    a = DispatchEngine(HANGZHOU + twins, now=NOW).suggest(ev_tow(), limit=6)
    b = DispatchEngine(list(reversed(twins)) + shuffled, now=NOW).suggest(ev_tow(), limit=6)
    assert a == b
    assert [s.call_sign for s in a.suggestions][:4] == ["HZ-01", "HZ-20", "HZ-21", "HZ-22"]


def test_peak_hours_are_slower() -> None:
    peak = DispatchEngine(HANGZHOU, now=NOW.replace(hour=0)).suggest(ev_tow())  # 08:00 Beijing
    assert peak.suggestions[0].eta_minutes > 8


# ---------------------------------------------------------------- queue proposals


def random_instance(
    seed: int, n_requests: int, n_crews: int
) -> tuple[list[CrewInfo], list[RequestInfo]]:
    rng = random.Random(seed)
    kinds = list(VehicleKind)
    crews = [
        CrewInfo(
            id=i, call_sign=f"C{i}", depot_id=1, partner_id=1, region="33",
            vehicle_kind=rng.choice(kinds), skills=frozenset({Skill.EV_HV_CERTIFIED}) if rng.random() < 0.4 else frozenset(),
            status=CrewStatus.AVAILABLE, lat=30 + rng.random(), lon=120 + rng.random(), gps_at=NOW, version=1,
            recent_jobs=rng.randrange(4), partner_quality=rng.uniform(0.7, 1.0),
        )
        for i in range(1, n_crews + 1)
    ]  # fmt: skip
    requests = [
        RequestInfo(
            id=i, reference=f"R{i}", lat=30 + rng.random(), lon=120 + rng.random(),
            road_type=rng.choice(list(RoadType)), service_type=rng.choice(list(ServiceType)),
            priority=rng.choice(list(Priority)), powertrain=rng.choice(list(Powertrain)),
            queued_at=NOW - timedelta(minutes=rng.uniform(0, 10)),
        )
        for i in range(1, n_requests + 1)
    ]  # fmt: skip
    return crews, requests


@settings(max_examples=60, deadline=None)
@given(st.integers(0, 10_000), st.integers(1, 25), st.integers(1, 30))
def test_the_joint_proposal_is_never_worse_than_nearest_free_in_queue_order(
    seed: int, n_requests: int, n_crews: int
) -> None:
    crews, requests = random_instance(seed, n_requests, n_crews)
    proposal = DispatchEngine(crews, now=NOW).propose(requests)
    assert proposal.objective <= proposal.baseline_objective + 1e-6
    taken = [item.crew_id for item in proposal.items if item.crew_id is not None]
    assert len(taken) == len(set(taken)), "no crew twice"


@settings(max_examples=30, deadline=None)
@given(st.integers(0, 10_000))
def test_without_pruning_the_proposal_beats_greedy_over_the_whole_fleet(seed: int) -> None:
    crews, requests = random_instance(seed, 8, 10)
    engine = DispatchEngine(crews, now=NOW, weights=DispatchWeights(proposal_candidates=1000))
    proposal = engine.propose(requests)
    assert proposal.objective <= proposal.baseline_objective + 1e-6


def test_a_request_waiting_past_the_limit_is_never_deferred() -> None:
    far = crew(1, 150.0)  # 150 km away: the optimiser would rather wait for a nearer crew
    fresh = ev_tow(id=1, queued_at=NOW - timedelta(minutes=1))
    old = ev_tow(id=2, reference="RA-2", queued_at=NOW - timedelta(minutes=6))
    engine = DispatchEngine([far], now=NOW)
    assert engine.propose([fresh]).items[0].crew_id is None
    item = engine.propose([old]).items[0]
    assert item.must_assign and item.crew_id == 1


def test_the_optimiser_defers_only_while_the_assignment_deadline_still_allows_it() -> None:
    far = crew(1, 150.0)  # the optimiser would rather wait for a nearer crew
    engine = DispatchEngine([far], now=NOW)  # 2-minute assignment target, decided again in 0.5
    assert engine.propose([ev_tow(queued_at=NOW - timedelta(minutes=1.4))]).items[0].crew_id is None
    item = engine.propose([ev_tow(queued_at=NOW - timedelta(minutes=1.5))]).items[0]
    assert item.must_assign and item.crew_id == 1, "deferred now, it would miss the 2 minutes"


def test_the_assignment_target_comes_from_the_centres_sla_settings() -> None:
    far = crew(1, 150.0)
    waited_3 = ev_tow(queued_at=NOW - timedelta(minutes=3))
    relaxed = DispatchEngine([far], now=NOW, sla=SlaTargets(assign_minutes=10))
    assert relaxed.propose([waited_3]).items[0].crew_id is None
    assert relaxed.propose([ev_tow(queued_at=NOW - timedelta(minutes=6))]).items[0].must_assign, (
        "never past max_defer_minutes, whatever the target"
    )
    strict = DispatchEngine([far], now=NOW, sla=SlaTargets(assign_minutes=1))
    assert strict.propose([ev_tow(queued_at=NOW - timedelta(minutes=0.5))]).items[0].crew_id == 1


@settings(max_examples=40, deadline=None)
@given(st.integers(0, 10_000), st.integers(1, 12), st.integers(1, 5), st.integers(1, 12))
def test_no_request_is_deferred_past_its_assignment_deadline(
    seed: int, n_requests: int, assign_minutes: int, n_crews: int
) -> None:
    crews, requests = random_instance(seed, n_requests, n_crews)
    weights = DispatchWeights()
    engine = DispatchEngine(crews, now=NOW, weights=weights, sla=SlaTargets(assign_minutes))
    proposal = engine.propose(requests)
    queue = sorted(requests, key=lambda r: (r.queued_at or NOW, r.id))
    graph = dict(zip(queue, engine.candidate_graph(queue), strict=True))
    by_id = {request.id: request for request in requests}
    taken = {item.crew_id for item in proposal.items if item.crew_id is not None}
    for item in proposal.items:
        waited = (NOW - by_id[item.request_id].queued_at).total_seconds() / 60  # type: ignore[operator]
        late = waited + weights.decision_interval_minutes >= assign_minutes
        assert item.must_assign == (late or waited >= weights.max_defer_minutes)
        if item.must_assign and item.crew_id is None:
            candidates, _ = graph[by_id[item.request_id]]
            # Left only because every candidate went to another request.
            assert {engine.crews[int(i)].id for i in candidates} <= taken


def test_priorities_decide_who_gets_the_only_near_crew() -> None:
    near, far = crew(1, 1.0), crew(2, 20.0)
    p2 = ev_tow(id=1, queued_at=NOW - timedelta(minutes=3))
    p1 = ev_tow(id=2, reference="RA-2", priority=Priority.P1, queued_at=NOW - timedelta(minutes=1))
    proposal = DispatchEngine([near, far], now=NOW).propose([p2, p1])
    by_request = {item.request_id: item for item in proposal.items}
    assert by_request[2].crew_id == 1, "the P1 call gets the near crew"
    assert by_request[1].crew_id == 2
    assert by_request[1].baseline_crew_id == 1, "queue order would have given it to the P2"
    assert proposal.weighted_eta < proposal.baseline_weighted_eta
