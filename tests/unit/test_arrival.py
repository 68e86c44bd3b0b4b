"""The "arrived?" rule: fixes within 150 m of the scene for a minute, without long gaps."""

from __future__ import annotations

import math
from datetime import UTC, datetime, timedelta

from console.core.field.arrival import ARRIVAL_RADIUS_M, arrival
from console.core.field.trail import TrailPoint
from console.core.geo import EARTH_RADIUS_KM, haversine_km

SCENE = (30.2741, 120.1551)
T0 = datetime(2026, 12, 3, 8, 0, tzinfo=UTC)


def north_of_scene(metres: float) -> tuple[float, float]:
    """A point ``metres`` due north of the scene (along the meridian: exact for the haversine)."""
    return SCENE[0] + math.degrees(metres / (EARTH_RADIUS_KM * 1000.0)), SCENE[1]


def fixes(*entries: tuple[float, float]) -> list[TrailPoint]:
    """Fixes from (seconds after T0, metres from the scene) pairs."""
    return [TrailPoint(T0 + timedelta(seconds=s), *north_of_scene(m)) for s, m in entries]


def test_a_crew_parked_at_the_scene_for_a_minute_has_arrived() -> None:
    trail = fixes((0, 3000), (30, 800), (60, 40), (90, 30), (120, 35))
    found = arrival(trail, *SCENE)
    assert found is not None
    assert found.since == T0 + timedelta(seconds=60)
    assert found.last == T0 + timedelta(seconds=120)
    assert 34 < found.distance_m < 36


def test_less_than_a_minute_near_the_scene_is_not_yet_an_arrival() -> None:
    trail = fixes((0, 3000), (60, 40), (90, 30), (119, 35))
    assert arrival(trail, *SCENE) is None


def test_exactly_150_m_counts_as_at_the_scene() -> None:
    at_edge = north_of_scene(ARRIVAL_RADIUS_M)
    assert math.isclose(haversine_km(*SCENE, *at_edge) * 1000, ARRIVAL_RADIUS_M, abs_tol=1e-6)
    assert arrival(fixes((0, 150), (30, 150), (60, 150)), *SCENE) is not None


def test_a_metre_beyond_150_m_is_not_at_the_scene() -> None:
    assert arrival(fixes((0, 151), (30, 151), (60, 151)), *SCENE) is None


def test_a_crew_that_drove_past_the_scene_has_not_arrived() -> None:
    trail = fixes((0, 100), (30, 20), (60, 90), (90, 400))
    assert arrival(trail, *SCENE) is None


def test_a_fix_outside_the_radius_restarts_the_minute() -> None:
    trail = fixes((0, 20), (30, 20), (40, 300), (60, 20), (90, 20))
    assert arrival(trail, *SCENE) is None


def test_a_gap_longer_than_a_minute_breaks_the_stay() -> None:
    # 20 s of fixes, five minutes of silence, 30 s of fixes: nobody knows where it was.
    trail = fixes((0, 20), (20, 20), (320, 20), (350, 20))
    assert arrival(trail, *SCENE) is None


def test_a_gap_of_a_minute_still_counts_as_staying() -> None:
    assert arrival(fixes((0, 20), (60, 20)), *SCENE) is not None


def test_one_fix_or_none_is_never_an_arrival() -> None:
    assert arrival([], *SCENE) is None
    assert arrival(fixes((0, 0)), *SCENE) is None
