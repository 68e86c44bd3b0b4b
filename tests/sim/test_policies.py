"""The three policies all dispatch through the console's engine, and differ where they should."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from console.core.dispatch import CrewInfo, DispatchEngine, RequestInfo
from console.core.vocab import CrewStatus, Priority, RoadType, ServiceType, VehicleKind
from console.sim.policy import FirstSuggestion, NearestFreeCrew, WholeQueueOptimiser, make_policy

NOW = datetime(2026, 11, 23, 3, 0, tzinfo=UTC)
KM = 1 / 111.2  # degrees of latitude per kilometre


def crew(crew_id: int, km_north: float, *, recent_jobs: int = 0) -> CrewInfo:
    return CrewInfo(
        id=crew_id, call_sign=f"C{crew_id}", depot_id=1, partner_id=1, region="31",
        vehicle_kind=VehicleKind.SERVICE_VAN, skills=frozenset(), status=CrewStatus.AVAILABLE,
        lat=31.0 + km_north * KM, lon=121.0, gps_at=NOW, version=1, recent_jobs=recent_jobs,
    )  # fmt: skip


def request(
    call: int, km_north: float, minutes_ago: float = 1.0, priority: Priority = Priority.P2
) -> RequestInfo:
    from datetime import timedelta

    return RequestInfo(
        id=call, reference=f"R{call}", lat=31.0 + km_north * KM, lon=121.0,
        road_type=RoadType.URBAN, service_type=ServiceType.JUMP_START, priority=priority,
        queued_at=NOW - timedelta(minutes=minutes_ago),
    )  # fmt: skip


class View:
    """A fixed engine and requests, as the simulator would hand them to a policy."""

    def __init__(self, crews: list[CrewInfo], requests: list[RequestInfo]) -> None:
        self._engine = DispatchEngine(crews, now=NOW)
        self._requests = {r.id: r for r in requests}

    def engine(self) -> DispatchEngine:
        return self._engine

    def request(self, call: int) -> RequestInfo:
        return self._requests[call]


def picks(policy: object, view: View, queue: list[int]) -> dict[int, int]:
    return {a.call: a.crew_id for a in policy.choose(view, queue)}  # type: ignore[attr-defined]


def test_baseline_gives_the_oldest_request_its_nearest_crew_even_when_that_hurts_the_next() -> None:
    # Crews at 0 km and 10 km; the older request is at 4 km, the newer at -1 km.
    view = View([crew(1, 0), crew(2, 10)], [request(1, 4, 3.0), request(2, -1, 2.0)])
    assert picks(NearestFreeCrew(), view, [1, 2]) == {1: 1, 2: 2}


def test_the_optimiser_swaps_to_minimise_the_total_eta() -> None:
    view = View([crew(1, 0), crew(2, 10)], [request(1, 4, 3.0), request(2, -1, 2.0)])
    assert picks(WholeQueueOptimiser(), view, [1, 2]) == {1: 2, 2: 1}


def test_the_suggestion_policy_takes_the_engines_first_suggestion() -> None:
    # Crew 1 is nearer but worked five jobs this shift: the engine ranks crew 2 first.
    crews = [crew(1, 0, recent_jobs=5), crew(2, 2)]
    view = View(crews, [request(1, 0)])
    first = view.engine().suggest(view.request(1)).suggestions[0].crew_id
    assert first == 2
    assert picks(FirstSuggestion(), view, [1]) == {1: 2}
    assert picks(NearestFreeCrew(), view, [1]) == {1: 1}


def test_no_policy_gives_one_crew_two_requests() -> None:
    view = View([crew(1, 0)], [request(1, 1, 3.0), request(2, 2, 2.0)])
    for name in ("nearest", "suggest", "optimise"):
        chosen = make_policy(name).choose(view, [1, 2])  # type: ignore[arg-type]
        assert len(chosen) == 1, name


@pytest.mark.parametrize("name", ["nearest", "suggest", "optimise"])
def test_a_p1_request_is_never_starved_by_any_policy(name: str) -> None:
    view = View([crew(1, 0), crew(2, 1)], [request(1, 0.5, 6.0, Priority.P1)])
    assert picks(make_policy(name), view, [1]) in ({1: 1}, {1: 2})


def test_without_preference_weights_the_suggestion_policy_is_the_baseline_on_a_whole_day() -> None:
    # The engine's score is ETA plus penalties for workload, partner quality, stale GPS and
    # missing preferred skills. The twin's crews report positions all the time and start the
    # day with no jobs, so with the skill preference switched off both policies must send the
    # very same crews: any difference would be the twin feeding the engine wrong facts.
    from console.core.dispatch import DispatchWeights
    from console.core.fleet_layout import load_cities
    from console.core.geo import ServiceArea
    from console.sim.demand import generate_calls, streams
    from console.sim.fleet import build_fleet
    from console.sim.scenario import WhatIf, load_scenario
    from console.sim.simulator import Simulator

    scenario = WhatIf(demand_scale=0.5).apply(load_scenario("shanghai-day"))
    cities, area = load_cities(), ServiceArea.default()
    rngs = streams(9)
    crews = build_fleet(scenario, rngs["fleet"], cities=cities, area=area)
    calls = generate_calls(scenario, rngs, cities, area)
    plain = DispatchWeights(missing_preferred_skill=0.0)
    runs = [
        Simulator(calls, crews, make_policy(name), day=scenario.day, weights=plain).run()
        for name in ("nearest", "suggest")
    ]
    assert runs[0].crew_of.tolist() == runs[1].crew_of.tolist()
