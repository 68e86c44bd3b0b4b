"""Dispatch across a provincial border, and the coverage holes no crew can fill."""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import replace
from datetime import date

import numpy as np
import pytest

from console.cli_sim import format_table
from console.core.fleet_layout import load_cities
from console.core.vocab import Powertrain, ServiceType, VehicleKind
from console.sim.fleet import SimCrew
from console.sim.kpi import day_kpis
from console.sim.policy import POLICIES, make_policy
from console.sim.runner import CoverageHole, Study, count_holes, coverage_holes
from console.sim.scenario import load_scenario
from console.sim.simulator import Simulator
from tests.sim.helpers import LAT, LON, ConstantTravel, calls, crews_at

DAY = date(2026, 11, 23)
KM = 1 / 111.2  # degrees of latitude per kilometre
TEN_AM = 600.0  # off-peak: urban crews drive 32 km/h, 1.32 km of road per km, 3 min turn-out


def in_province(crew: SimCrew, region: str, crew_id: int) -> SimCrew:
    return replace(crew, id=crew_id, call_sign=f"T-{crew_id:02d}", region=region)


def shanghai_and_jiangsu(
    home_km: float, neighbour_km: float, home_kind: VehicleKind = VehicleKind.SERVICE_VAN
) -> list[SimCrew]:
    """One Shanghai crew ``home_km`` north of the call, one Jiangsu van ``neighbour_km`` south."""
    home = crews_at([(LAT + home_km * KM, LON)], kind=home_kind)[0]
    neighbour = crews_at([(LAT - neighbour_km * KM, LON)])[0]
    return [in_province(home, "31", 1), in_province(neighbour, "32", 2)]


def eta(km: float) -> float:
    return 3.0 + km * 1.32 / 32.0 * 60.0


@pytest.mark.parametrize("policy", sorted(POLICIES))
def test_a_call_with_no_capable_crew_at_home_gets_the_neighbours_crew_at_the_border_cost(
    policy: str,
) -> None:
    # Shanghai's only crew is a flatbed: it cannot jump-start a car.
    crews = shanghai_and_jiangsu(1.0, 20.0, home_kind=VehicleKind.FLATBED)
    sim = Simulator(
        calls([TEN_AM], [10.0]), crews, make_policy(policy), day=DAY,
        routing=ConstantTravel(12.0), border_minutes=7.0,
    )  # fmt: skip
    result = sim.run()
    assert result.crew_of[0] == 2
    assert result.arrived[0] - result.assigned[0] == pytest.approx(12.0 + 7.0)
    assert result.border_crossings == 1


def test_a_call_whose_own_crew_makes_the_target_stays_in_its_province() -> None:
    # P2 urban target 60 min: the Shanghai van (10 km, ~28 min) makes it; Jiangsu's is nearer.
    crews = shanghai_and_jiangsu(10.0, 1.0)
    result = Simulator(calls([TEN_AM], [10.0]), crews, make_policy("nearest"), day=DAY).run()
    assert result.crew_of[0] == 1
    assert result.arrived[0] - result.assigned[0] == pytest.approx(eta(10.0), abs=0.05)
    assert result.border_crossings == 0


def test_a_call_its_own_crew_would_reach_too_late_goes_over_the_border() -> None:
    # The Shanghai van is 60 km away (~151 min > 60); Jiangsu's, 5 km away, arrives in ~20.
    crews = shanghai_and_jiangsu(60.0, 5.0)
    sim = Simulator(calls([TEN_AM], [10.0]), crews, make_policy("nearest"), day=DAY)
    result = sim.run()
    assert result.crew_of[0] == 2
    assert result.arrived[0] - result.assigned[0] == pytest.approx(eta(5.0) + 5.0, abs=0.05)


def test_a_call_in_a_province_without_crews_is_served_from_over_the_border() -> None:
    jiangsu = [in_province(crews_at([(LAT - 30 * KM, LON)])[0], "32", 1)]
    result = Simulator(calls([TEN_AM], [10.0]), jiangsu, make_policy("optimise"), day=DAY).run()
    assert result.crew_of[0] == 1
    assert not np.isnan(result.arrived[0])


def test_a_request_no_crew_of_the_fleet_can_serve_is_a_coverage_hole() -> None:
    # An EV high-voltage check needs a certified EV van; the fleet has only plain vans.
    day = replace(
        calls([TEN_AM, TEN_AM + 1], [10.0, 10.0], service=ServiceType.EV_HV_CHECK),
        powertrain=[Powertrain.EV, Powertrain.EV],
    )
    crews = shanghai_and_jiangsu(1.0, 1.0)
    result = Simulator(day, crews, make_policy("nearest"), day=DAY).run()
    assert result.holes.tolist() == [0, 1]
    assert np.isnan(result.assigned).all()
    counts: Counter[tuple[str, str, str]] = Counter()
    count_holes(day, result, counts)
    assert coverage_holes(counts, 1, load_cities()) == (
        CoverageHole("EV_HV_CHECK", "Shanghai", "Shanghai", 2.0),
    )


def test_the_table_and_the_json_list_the_coverage_holes_worst_first() -> None:
    result = Simulator(
        calls([TEN_AM], [10.0]), shanghai_and_jiangsu(1.0, 1.0), make_policy("nearest"), day=DAY
    ).run()
    holes = (
        CoverageHole("EV_HV_CHECK", "Ngari", "Tibet", 1.5),
        CoverageHole("TOW", "Hotan", "Xinjiang", 0.25),
    )
    study = Study(
        load_scenario("shanghai-day"), 1, ("nearest",), 2, {"nearest": [day_kpis(result)]}, holes
    )
    text = format_table(study)
    section = text[text.index("Coverage holes") :].splitlines()
    assert section[1:] == [
        "  EV_HV_CHECK  Ngari (Tibet)  1.5",
        "  TOW          Hotan (Xinjiang)  0.2",
    ]
    assert json.loads(study.to_json())["coverage_holes"][0] == {
        "service": "EV_HV_CHECK", "city": "Ngari", "province": "Tibet", "calls_per_day": 1.5,
    }  # fmt: skip
