"""The coverage-aware policy keeps lone crews where they cover busy places, and moves idle crews up."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta

import numpy as np
import pytest

from console.core.dispatch import CrewInfo, DispatchEngine, RequestInfo
from console.core.eta import EstimatedRouting
from console.core.sla import SlaTargets
from console.core.vocab import CrewStatus, Priority, RoadType, ServiceType, VehicleKind
from console.sim.cover.forecast import DemandForecast, NeedClass
from console.sim.cover.policy import CoveragePolicy, CoverSettings
from console.sim.fleet import SimCrew
from console.sim.policy import NearestFreeCrew
from console.sim.simulator import Simulator
from tests.sim.helpers import calls

NOW = datetime(2026, 11, 23, 3, 0, tzinfo=UTC)  # 11:00 in Shanghai: off-peak
MINUTE = 11 * 60.0
KM = 1 / 111.2  # degrees of latitude per kilometre
LAT, LON = 31.0, 121.0
VAN = NeedClass(frozenset({VehicleKind.SERVICE_VAN}), 0)


def north(km: float) -> tuple[float, float]:
    return LAT + km * KM, LON


def sim_crew(crew_id: int, depot_id: int, depot_km: float, kind: VehicleKind) -> SimCrew:
    lat, lon = north(depot_km)
    return SimCrew(
        id=crew_id, call_sign=f"C{crew_id}", depot_id=depot_id, depot_code=f"D{depot_id}",
        partner_id=1, region="31", vehicle_kind=kind, skills=frozenset(),
        lat=lat, lon=lon, depot_lat=lat, depot_lon=lon,
    )  # fmt: skip


def forecast(points: dict[float, float], target: float = 30.0) -> DemandForecast:
    """Van calls per hour at points north of the origin (km -> calls an hour), all day."""
    where = [north(km) for km in points]
    rate = np.zeros((24, len(points), 1))
    rate[:, :, 0] = list(points.values())
    return DemandForecast(
        lat=np.array([p[0] for p in where]),
        lon=np.array([p[1] for p in where]),
        region=["31"] * len(points),
        road=[RoadType.URBAN] * len(points),
        target=np.full(len(points), target),
        classes=(VAN,),
        rate=rate,
    )


@dataclass
class Fleet:
    """The twin as the policy sees it: every crew free, at its depot."""

    roster: list[SimCrew]
    forecast: DemandForecast | None
    routing: EstimatedRouting = field(default_factory=EstimatedRouting)
    sla: SlaTargets = field(default_factory=SlaTargets)
    minute: float = MINUTE

    def __post_init__(self) -> None:
        self.free = np.ones(len(self.roster), dtype=bool)
        self.station = np.array([c.depot_id for c in self.roster], dtype=np.int64)
        self.crew_lat = np.array([c.lat for c in self.roster])
        self.crew_lon = np.array([c.lon for c in self.roster])


def crew_info(c: SimCrew) -> CrewInfo:
    return CrewInfo(
        c.id, c.call_sign, c.depot_id, c.partner_id, c.region, c.vehicle_kind, c.skills,
        CrewStatus.AVAILABLE, c.lat, c.lon, NOW, 1,
    )  # fmt: skip


class View:
    """One dispatch moment: the engine over the free crews, the requests, the fleet."""

    def __init__(self, fleet: Fleet, requests: list[RequestInfo]) -> None:
        infos = [crew_info(c) for c in fleet.roster]
        self._engine = DispatchEngine(infos, now=NOW)
        self._requests = {r.id: r for r in requests}
        self._fleet = fleet

    def engine(self) -> DispatchEngine:
        return self._engine

    def request(self, call: int) -> RequestInfo:
        return self._requests[call]

    def fleet(self) -> Fleet:
        return self._fleet


def request(km: float, *, waited: float = 0.0, priority: Priority = Priority.P2) -> RequestInfo:
    lat, lon = north(km)
    return RequestInfo(
        id=1, reference="R1", lat=lat, lon=lon, road_type=RoadType.URBAN,
        service_type=ServiceType.JUMP_START, priority=priority,
        queued_at=NOW - timedelta(minutes=waited),
    )  # fmt: skip


def town_and_outpost(outpost_km: float = 12.0) -> Fleet:
    """Crew 1 alone at depot 1 (0 km) is the only cover of a busy place 8 km south;
    crews 2 and 3 share depot 2, which is the only one covering a quiet place beyond it."""
    roster = [
        sim_crew(1, 1, 0.0, VehicleKind.SERVICE_VAN),
        sim_crew(2, 2, outpost_km, VehicleKind.SERVICE_VAN),
        sim_crew(3, 2, outpost_km, VehicleKind.SERVICE_VAN),
    ]
    return Fleet(roster, forecast({-8.0: 1.0, outpost_km + 4: 0.2}))


def pick(policy: object, view: View) -> int:
    chosen = policy.choose(view, [1])  # type: ignore[attr-defined]
    assert len(chosen) == 1
    return int(chosen[0].crew_id)


def test_cover_sends_the_crew_from_the_shared_depot_and_keeps_the_lone_cover_at_a_small_eta_cost() -> (
    None
):
    # The request is 5 km north: crew 1 is 5 km away, crews 2 and 3 are 7 km away (5 min more).
    fleet = town_and_outpost()
    view = View(fleet, [request(5.0)])
    assert pick(NearestFreeCrew(), view) == 1
    assert pick(CoveragePolicy(), view) == 2


def test_cover_takes_the_nearest_when_the_other_crews_are_beyond_the_tolerance() -> None:
    # Crews 2 and 3 are now 20 km from the request: about 37 min more than crew 1.
    fleet = town_and_outpost(outpost_km=25.0)
    view = View(fleet, [request(5.0)])
    assert pick(CoveragePolicy(), view) == 1
    # A tolerance that admits them lets the cover weigh in again.
    assert pick(CoveragePolicy(CoverSettings(tolerance_minutes=45.0)), view) == 2


def test_cover_never_makes_a_request_miss_the_target_the_nearest_crew_would_meet() -> None:
    # Waited 40 of its 60 minutes: crew 1 arrives in ~15 min, crews 2 and 3 in ~20.
    fleet = town_and_outpost()
    assert pick(CoveragePolicy(), View(fleet, [request(5.0, waited=40.0)])) == 1
    # With 10 minutes more in hand, all three would make it: the lone cover is kept.
    assert pick(CoveragePolicy(), View(fleet, [request(5.0, waited=30.0)])) == 2


def test_a_p1_request_always_gets_the_nearest_crew() -> None:
    fleet = town_and_outpost()
    assert pick(CoveragePolicy(), View(fleet, [request(5.0, priority=Priority.P1)])) == 1


def test_without_a_demand_forecast_cover_is_the_nearest_crew() -> None:
    fleet = town_and_outpost()
    fleet.forecast = None
    assert pick(CoveragePolicy(), View(fleet, [request(5.0)])) == 1


def test_a_move_up_fills_an_uncovered_busy_place_and_the_moving_crew_stays_dispatchable() -> None:
    # Depot 1 (0 km) has only a flatbed, which cannot serve van calls, and its town
    # expects four van calls an hour; depot 2, 30 km north, has two idle vans.
    roster = [
        sim_crew(1, 1, 0.0, VehicleKind.FLATBED),
        sim_crew(2, 2, 30.0, VehicleKind.SERVICE_VAN),
        sim_crew(3, 2, 30.0, VehicleKind.SERVICE_VAN),
    ]
    demand = forecast({0.0: 4.0, 30.0: 0.2}, target=60.0)
    # A van call near depot 2 at 00:02, then one in the town at 00:05, while the
    # moved van is still on the road (30 km through town traffic takes over an hour).
    day = calls([2.0, 5.0], [30.0, 30.0], points=[north(30.0), north(0.0)])
    sim = Simulator(
        day, roster, CoveragePolicy(), day=date(2026, 11, 23), forecast=demand, drain_hours=1.0
    )
    result = sim.run()
    assert result.relocations >= 1
    moved = 2  # the policy moves the lowest-numbered of equal crews
    assert int(result.crew_of[1]) == moved
    assert int(result.crew_of[0]) == 3
    # It was sent from where it set off (depot 2), before reaching depot 1.
    assert result.arrived[1] - result.assigned[1] > 60.0


def test_a_policy_without_rebalance_moves_no_crew() -> None:
    roster = [sim_crew(1, 1, 0.0, VehicleKind.SERVICE_VAN)]
    demand = forecast({0.0: 4.0})
    sim = Simulator(
        calls([2.0], [10.0], points=[north(0.0)]), roster, NearestFreeCrew(),
        day=date(2026, 11, 23), forecast=demand,
    )  # fmt: skip
    assert sim.run().relocations == 0


@pytest.mark.parametrize("seed", [3])
def test_cover_is_deterministic_for_a_seed(seed: int) -> None:
    from console.sim.runner import run_study
    from console.sim.scenario import WhatIf, load_scenario

    scenario = WhatIf(demand_scale=0.3).apply(load_scenario("shanghai-day"))
    first = run_study(scenario, ["nearest", "cover"], seed=seed, replications=1).to_json()
    again = run_study(scenario, ["nearest", "cover"], seed=seed, replications=1).to_json()
    assert first == again


def test_the_forecast_spreads_the_scenarios_expected_calls_over_places_targets_and_needs() -> None:
    from console.core.fleet_layout import load_cities
    from console.core.geo import ServiceArea
    from console.sim.cover.forecast import forecast_demand, target_groups
    from console.sim.scenario import parse_scenario

    # Nothing fixed by phone and no guidance calls: every expected call needs a crew.
    scenario = parse_scenario(
        {
            "name": "t",
            "regions": [{"code": "31", "calls": 480}],
            "service_mix": {"TOW": 1, "JUMP_START": 1, "EV_CHARGING": 1},
            "remote_fix": {"TOW": 0, "JUMP_START": 0, "EV_CHARGING": 0},
        },
        "t.yaml",
    )
    sla = SlaTargets()
    groups = target_groups(scenario, sla)
    assert sum(share for *_, share in groups) == pytest.approx(1.0)
    # A P1 call in town must be reached in 30 minutes, every expressway call is P1.
    assert (RoadType.URBAN, 30.0, 0.7 * scenario.p1_share) in [
        (r, t, pytest.approx(s)) for r, t, s in groups
    ]
    assert [t for r, t, _ in groups if r is RoadType.EXPRESSWAY] == [60.0]
    demand = forecast_demand(scenario, load_cities(), ServiceArea.default(), sla=sla)
    assert demand.rate.sum() == pytest.approx(480.0)
    assert set(demand.region) == {"31"}
    # EV charging for a combustion car becomes a battery call, as the call generator does.
    by_class = demand.rate.sum(axis=(0, 1))
    ev_only = [n for n, c in enumerate(demand.classes) if c.kinds == {VehicleKind.EV_SERVICE_VAN}]
    assert by_class[ev_only].sum() == pytest.approx(160.0 * scenario.ev_share)


def test_crews_away_from_their_depot_are_moved_up_too_unless_only_depot_crews_may_move() -> None:
    # As at the start of the day, the vans stand a few km from their depot, not at it.
    roster = [
        sim_crew(1, 1, 0.0, VehicleKind.FLATBED),
        sim_crew(2, 2, 30.0, VehicleKind.SERVICE_VAN),
        sim_crew(3, 2, 30.0, VehicleKind.SERVICE_VAN),
    ]
    fleet = Fleet(roster, forecast({0.0: 4.0, 30.0: 0.2}, target=60.0))
    fleet.crew_lat[1:] += 3 * KM
    orders = CoveragePolicy().rebalance(fleet, MINUTE)
    assert [(o.crew_id, o.depot_id) for o in orders] == [(2, 1)]
    assert CoveragePolicy(CoverSettings(only_at_depot=True)).rebalance(fleet, MINUTE) == []


def test_a_moved_crew_goes_home_once_its_cover_is_no_longer_needed() -> None:
    roster = [
        sim_crew(1, 1, 0.0, VehicleKind.FLATBED),
        sim_crew(2, 2, 30.0, VehicleKind.SERVICE_VAN),
        sim_crew(3, 2, 30.0, VehicleKind.SERVICE_VAN),
    ]
    # The town is busy until noon, then quiet.
    busy_town = forecast({0.0: 4.0, 30.0: 0.2}, target=60.0)
    busy_town.rate[12:, 0, 0] = 0.0
    policy = CoveragePolicy()
    fleet = Fleet(roster, busy_town)
    assert [o.crew_id for o in policy.rebalance(fleet, MINUTE)] == [2]
    fleet.station[1] = 1
    fleet.minute = MINUTE + 120
    orders = policy.rebalance(fleet, MINUTE + 120)
    assert [(o.crew_id, o.depot_id) for o in orders] == [(2, 2)]
