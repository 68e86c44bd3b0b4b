"""The plausibility rules a fix must pass (property-based)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from hypothesis import given
from hypothesis import strategies as st

from console.core.field.area import CellArea
from console.core.field.checks import (
    FUTURE_ALLOWANCE,
    JUMP_NOISE_KM,
    MAX_SPEED_KMH,
    Previous,
    judge,
)
from console.core.field.fix import Fix, FixSource, Verdict
from console.core.geo import ServiceArea, haversine_km

AREA = ServiceArea.default()
CELLS = CellArea(AREA)
NOW = datetime(2026, 11, 23, 2, 0, tzinfo=UTC)
HANGZHOU = (30.25, 120.16)

seconds = st.floats(min_value=-86_400, max_value=86_400, allow_nan=False)
offsets = st.floats(min_value=-0.5, max_value=0.5, allow_nan=False)  # degrees around Hangzhou


def fix_at(at: datetime, lat: float = HANGZHOU[0], lon: float = HANGZHOU[1]) -> Fix:
    return Fix(device_id=1, crew_id=1, at=at, lat=lat, lon=lon, source=FixSource.OSMAND)


@given(st.floats(min_value=-90, max_value=90), st.floats(min_value=-180, max_value=180), seconds)
def test_a_fix_outside_the_area_is_refused_whatever_else(
    lat: float, lon: float, age: float
) -> None:
    verdict = judge(fix_at(NOW + timedelta(seconds=age), lat, lon), None, now=NOW, area=AREA)
    assert (verdict is Verdict.OUTSIDE_AREA) == (not AREA.contains(lat, lon))


@given(st.floats(min_value=-3600, max_value=3600))
def test_the_future_is_allowed_up_to_the_clock_skew(ahead: float) -> None:
    verdict = judge(fix_at(NOW + timedelta(seconds=ahead)), None, now=NOW, area=AREA)
    expected = Verdict.FUTURE if timedelta(seconds=ahead) > FUTURE_ALLOWANCE else Verdict.ACCEPTED
    assert verdict is expected


@given(offsets, offsets, st.booleans())
def test_the_same_time_is_a_duplicate_only_at_the_same_place(
    dlat: float, dlon: float, moving: bool
) -> None:
    previous = Previous(NOW, *HANGZHOU, moving=moving)
    here = fix_at(NOW, HANGZHOU[0] + dlat, HANGZHOU[1] + dlon)
    verdict = judge(here, previous, now=NOW, area=AREA)
    same_place = haversine_km(*HANGZHOU, here.lat, here.lon) <= 0.001
    assert verdict is (Verdict.DUPLICATE if same_place else Verdict.STALE)


@given(st.floats(min_value=0.001, max_value=86_400), offsets, offsets, st.booleans())
def test_anything_older_than_the_newest_is_stale(
    earlier: float, dlat: float, dlon: float, moving: bool
) -> None:
    previous = Previous(NOW, *HANGZHOU, moving=moving)
    here = fix_at(NOW - timedelta(seconds=earlier), HANGZHOU[0] + dlat, HANGZHOU[1] + dlon)
    assert judge(here, previous, now=NOW, area=AREA) is Verdict.STALE


@given(st.floats(min_value=1, max_value=7200), offsets, offsets)
def test_a_jump_is_faster_than_250_kmh_and_further_than_gps_noise(
    later: float, dlat: float, dlon: float
) -> None:
    start = NOW - timedelta(hours=3)
    previous = Previous(start, *HANGZHOU)
    here = fix_at(start + timedelta(seconds=later), HANGZHOU[0] + dlat, HANGZHOU[1] + dlon)
    distance = haversine_km(*HANGZHOU, here.lat, here.lon)
    speed = distance / (later / 3600)
    verdict = judge(here, previous, now=NOW, area=AREA)
    jump = distance > JUMP_NOISE_KM and speed > MAX_SPEED_KMH
    assert verdict is (Verdict.JUMP if jump else Verdict.ACCEPTED)


@given(st.floats(min_value=1, max_value=600), offsets, offsets)
def test_a_typed_position_bounds_time_but_never_speed(
    later: float, dlat: float, dlon: float
) -> None:
    previous = Previous(NOW - timedelta(seconds=later), *HANGZHOU, moving=False)
    here = fix_at(NOW, HANGZHOU[0] + dlat, HANGZHOU[1] + dlon)
    assert judge(here, previous, now=NOW, area=AREA) is Verdict.ACCEPTED


def test_a_fix_a_minute_after_another_20_km_away_is_a_jump() -> None:
    previous = Previous(NOW - timedelta(minutes=1), *HANGZHOU)
    far = fix_at(NOW, HANGZHOU[0] + 0.18, HANGZHOU[1])  # ~20 km north: 1,200 km/h
    near = fix_at(NOW, HANGZHOU[0] + 0.01, HANGZHOU[1])  # ~1.1 km: 67 km/h
    assert judge(far, previous, now=NOW, area=AREA) is Verdict.JUMP
    assert judge(near, previous, now=NOW, area=AREA) is Verdict.ACCEPTED


@given(
    st.floats(min_value=17.0, max_value=54.0, allow_nan=False),
    st.floats(min_value=72.0, max_value=136.0, allow_nan=False),
)
def test_the_cell_cache_answers_exactly_as_the_area(lat: float, lon: float) -> None:
    assert CELLS.contains(lat, lon) == AREA.contains(lat, lon)


def test_the_cell_cache_agrees_along_the_hong_kong_boundary() -> None:
    for step in range(400):
        lat, lon = 22.45 + step * 0.0005, 114.0 + step * 0.0004
        assert CELLS.contains(lat, lon) == AREA.contains(lat, lon)
