"""Coverage now: shares and holes on a tiny instance worked out by hand, and at scale by brute force.

The tiny instance lies on the equator with a travel time of 100 minutes per
degree of longitude, so every figure can be checked with a pencil:

    places   A lon 0 (weight 3)   B lon 1 (weight 1)   C lon 2 (weight 6)
    crews    flatbed 0.375 · service van 1.25 · EV van, HV-certified 2.25
             EV van, not certified 0.0 · wheel-lift, bilingual 1.75
    target   40 minutes

(Positions are exact binary fractions, so equal times are equal to the last bit.)
"""

from __future__ import annotations

import math
import random

import numpy as np
import pytest

from console.core.eta import EstimatedRouting
from console.core.fleet_layout import TIER_WEIGHT, load_cities
from console.core.reach import (
    GROUPS,
    DemandPlace,
    FreeCrew,
    city_places,
    group_masks,
    measure,
)
from console.core.vocab import RoadType, Skill, VehicleKind
from console.sim import demand

FloatArray = np.typing.NDArray[np.float64]


class MinutesPerDegree:
    """Travel time = 100 minutes per degree of longitude (the instance lies on the equator)."""

    def __init__(self) -> None:
        self.calls = 0

    def travel_minutes(
        self,
        origin_lat: FloatArray,
        origin_lon: FloatArray,
        lat: float,
        lon: float,
        *,
        road: RoadType,
        local_hour: int,
        region: str | None = None,
    ) -> tuple[FloatArray, FloatArray]:
        self.calls += 1
        minutes = 100.0 * np.abs(np.asarray(origin_lon) - lon)
        return minutes, minutes


def place(key: str, lon: float, weight: float) -> DemandPlace:
    return DemandPlace(key, key, key, 0.0, lon, weight)


PLACES = [place("A", 0.0, 3.0), place("B", 1.0, 1.0), place("C", 2.0, 6.0)]
EV_HV = frozenset({Skill.EV_HV_CERTIFIED})
CREWS = [
    FreeCrew(0.0, 0.375, VehicleKind.FLATBED, call_sign="FB"),
    FreeCrew(0.0, 1.25, VehicleKind.SERVICE_VAN, call_sign="SV"),
    FreeCrew(0.0, 2.25, VehicleKind.EV_SERVICE_VAN, EV_HV, call_sign="EV"),
    FreeCrew(0.0, 0.0, VehicleKind.EV_SERVICE_VAN, call_sign="EV0"),
    FreeCrew(0.0, 1.75, VehicleKind.WHEEL_LIFT, frozenset({Skill.BILINGUAL}), call_sign="WL"),
]


def test_each_group_s_share_is_the_weight_its_nearest_free_crew_reaches_in_time() -> None:
    coverage = measure(PLACES, CREWS, target_minutes=40, routing=MinutesPerDegree(), local_hour=10)
    shares = {g.group.key: round(g.share, 6) for g in coverage.groups}
    assert shares == {
        "tow": 0.9,  # A by the flatbed (37.5 min), C by the wheel-lift (25); B 62.5 min away
        "flatbed": 0.3,  # only A
        "heavy": 0.0,  # no heavy wrecker is free
        "ev": 0.6,  # C (25 min); the uncertified EV van beside A does not count
        "van": 1.0,  # A by the uncertified EV van, B by the service van, C by the EV van
        "bilingual": 0.6,  # C only
    }
    assert coverage.overall == pytest.approx(3.4 / 6)
    assert {g.group.key: g.holes for g in coverage.groups} == {
        "tow": 1, "flatbed": 2, "heavy": 3, "ev": 2, "van": 0, "bilingual": 2,
    }  # fmt: skip
    assert {g.group.key: g.crews for g in coverage.groups} == {
        "tow": 2, "flatbed": 1, "heavy": 0, "ev": 1, "van": 3, "bilingual": 1,
    }  # fmt: skip
    assert coverage.total_weight == 10.0 and coverage.places == 3 and coverage.crews == 5


def test_holes_are_ranked_by_weight_times_shortfall_and_name_the_nearest_crew() -> None:
    coverage = measure(PLACES, CREWS, target_minutes=40, routing=MinutesPerDegree(), local_hour=10)
    ranked = [
        (h.place.key, h.group, None if h.minutes is None else round(h.minutes, 6), h.nearest)
        for h in coverage.holes
    ]
    assert ranked == [
        # No heavy wrecker at all: infinitely short, heaviest place first.
        ("C", "heavy", None, ""),
        ("A", "heavy", None, ""),
        ("B", "heavy", None, ""),
        ("C", "flatbed", 162.5, "FB"),  # 6 x 122.5 = 735
        ("A", "ev", 225.0, "EV"),  # 3 x 185 = 555
        ("A", "bilingual", 175.0, "WL"),  # 3 x 135 = 405
        ("B", "ev", 125.0, "EV"),  # 1 x 85
        ("B", "bilingual", 75.0, "WL"),  # 1 x 35
        # 1 x 22.5 each, the flatbed nearest for both: equal severity goes by group name.
        ("B", "flatbed", 62.5, "FB"),
        ("B", "tow", 62.5, "FB"),
    ]
    worst = coverage.holes[3]
    assert worst.shortfall == 122.5 and worst.severity == 735.0
    assert math.isinf(coverage.holes[0].severity)
    assert coverage.worst(2) == coverage.holes[:2]


def test_a_crew_exactly_at_the_target_covers_its_place() -> None:
    crews = [FreeCrew(0.0, 0.375, VehicleKind.FLATBED)]
    coverage = measure(
        [place("A", 0.0, 1.0)],
        crews,
        target_minutes=37.5,
        routing=MinutesPerDegree(),
        local_hour=10,
    )
    assert coverage.share_of("flatbed").share == 1.0
    assert coverage.share_of("heavy").share == 0.0


def test_no_free_crew_leaves_every_place_a_hole_and_no_demand_is_vacuously_covered() -> None:
    routing = MinutesPerDegree()
    empty = measure(PLACES, [], target_minutes=40, routing=routing, local_hour=10)
    assert all(g.share == 0.0 and g.holes == 3 for g in empty.groups)
    assert len(empty.holes) == 3 * len(GROUPS) and routing.calls == 0
    nothing = measure([], CREWS, target_minutes=40, routing=routing, local_hour=10)
    assert all(g.share == 1.0 for g in nothing.groups) and nothing.holes == ()


def test_groups_follow_vehicle_kinds_and_skills_one_by_one_and_vectorised() -> None:
    kinds = [c.kind for c in CREWS]
    skills = [c.skills for c in CREWS]
    masks = group_masks(GROUPS, kinds, skills)
    for g, group in enumerate(GROUPS):
        assert list(masks[g]) == [group.admits(c.kind, c.skills) for c in CREWS], group.key
    ev = next(g for g in GROUPS if g.key == "ev")
    assert ev.admits(VehicleKind.EV_SERVICE_VAN, EV_HV)
    assert not ev.admits(VehicleKind.EV_SERVICE_VAN, frozenset())
    assert not ev.admits(VehicleKind.FLATBED, EV_HV)


def test_cities_are_weighted_by_tier_as_the_twin_draws_its_calls() -> None:
    cities = load_cities()
    places = city_places(cities)
    assert vars(demand)["TIER_WEIGHT"] is TIER_WEIGHT  # the twin draws with this very table
    assert [p.weight for p in places] == [TIER_WEIGHT[c.tier] for c in cities]
    beijing = next(p for p in places if p.name_en == "Beijing")
    assert beijing.weight == 12.0 and beijing.region == "11"


def test_the_nearest_crews_found_by_the_tree_are_those_a_full_search_finds() -> None:
    """At scale (real cities, the distance model) the pruned search equals brute force."""
    places = city_places(load_cities())[::8]
    rng = random.Random(7)
    kinds = list(VehicleKind)
    crews = []
    for n in range(400):
        home = rng.choice(places)
        skills = {Skill.EV_HV_CERTIFIED} if rng.random() < 0.4 else set()
        if rng.random() < 0.1:
            skills.add(Skill.BILINGUAL)
        crews.append(FreeCrew(home.lat + rng.uniform(-0.4, 0.4), home.lon + rng.uniform(-0.4, 0.4),
                              rng.choice(kinds), frozenset(skills), f"C{n}"))  # fmt: skip
    routing = EstimatedRouting()
    coverage = measure(places, crews, target_minutes=60, routing=routing, local_hour=8)
    masks = group_masks(GROUPS, [c.kind for c in crews], [c.skills for c in crews])
    lat = np.array([c.lat for c in crews])
    lon = np.array([c.lon for c in crews])
    total = sum(p.weight for p in places)
    for g, group in enumerate(GROUPS):
        covered = 0.0
        for p in places:
            minutes, _ = routing.travel_minutes(
                lat[masks[g]], lon[masks[g]], p.lat, p.lon,
                road=RoadType.URBAN, local_hour=8, region=p.region,
            )  # fmt: skip
            covered += p.weight if len(minutes) and minutes.min() <= 60 else 0.0
        assert coverage.share_of(group.key).share == pytest.approx(covered / total), group.key
    for hole in coverage.holes[:20]:
        if hole.minutes is not None:
            g = next(i for i, grp in enumerate(GROUPS) if grp.key == hole.group)
            minutes, _ = routing.travel_minutes(
                lat[masks[g]], lon[masks[g]], hole.place.lat, hole.place.lon,
                road=RoadType.URBAN, local_hour=8, region=hole.place.region,
            )  # fmt: skip
            assert hole.minutes == pytest.approx(minutes.min())
