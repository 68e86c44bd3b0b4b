"""Distances, the GCJ-02 datum and the service area."""

from __future__ import annotations

import json
import math
from pathlib import Path

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from console.core.geo import (
    EARTH_RADIUS_KM,
    MAINLAND_BBOX,
    ServiceArea,
    gcj02_to_wgs84,
    haversine_km,
    haversine_km_many,
    in_mainland_bbox,
    out_of_china,
    wgs84_to_gcj02,
)
from console.paths import resource_dir, resource_path

BEIJING = (39.9042, 116.4074)
SHANGHAI = (31.2304, 121.4737)

mainland_lat = st.floats(min_value=18.0, max_value=53.5, allow_nan=False)
mainland_lon = st.floats(min_value=73.5, max_value=135.0, allow_nan=False)
any_lat = st.floats(min_value=-90.0, max_value=90.0, allow_nan=False)
any_lon = st.floats(min_value=-180.0, max_value=180.0, allow_nan=False)


# --- haversine ----------------------------------------------------------------------------


def test_beijing_shanghai_distance() -> None:
    assert haversine_km(*BEIJING, *SHANGHAI) == pytest.approx(1067, rel=0.01)


def test_distance_to_self_is_zero() -> None:
    assert haversine_km(*BEIJING, *BEIJING) == 0.0


def test_one_degree_of_latitude() -> None:
    assert haversine_km(30.0, 110.0, 31.0, 110.0) == pytest.approx(111.2, abs=0.1)


def test_antipodes_are_half_a_circumference_apart() -> None:
    assert haversine_km(10.0, 20.0, -10.0, -160.0) == pytest.approx(math.pi * EARTH_RADIUS_KM)


@given(any_lat, any_lon, any_lat, any_lon)
def test_distance_is_symmetric_and_bounded(
    lat1: float, lon1: float, lat2: float, lon2: float
) -> None:
    d = haversine_km(lat1, lon1, lat2, lon2)
    assert d == pytest.approx(haversine_km(lat2, lon2, lat1, lon1), abs=1e-9)
    assert 0.0 <= d <= math.pi * EARTH_RADIUS_KM + 1e-9


@given(
    mainland_lat,
    mainland_lon,
    st.lists(st.tuples(any_lat, any_lon), min_size=0, max_size=20),
)
def test_vectorised_matches_scalar(
    lat: float, lon: float, points: list[tuple[float, float]]
) -> None:
    lats = np.array([p[0] for p in points], dtype=np.float64)
    lons = np.array([p[1] for p in points], dtype=np.float64)
    many = haversine_km_many(lat, lon, lats, lons)
    assert many.shape == lats.shape
    expected = [haversine_km(lat, lon, p[0], p[1]) for p in points]
    np.testing.assert_allclose(many, expected, rtol=1e-9, atol=1e-6)


def test_vectorised_keeps_shape() -> None:
    lats = np.full((2, 3), SHANGHAI[0])
    lons = np.full((2, 3), SHANGHAI[1])
    result = haversine_km_many(*BEIJING, lats, lons)
    assert result.shape == (2, 3)
    assert result.dtype == np.float64
    assert np.allclose(result, haversine_km(*BEIJING, *SHANGHAI))


# --- GCJ-02 -------------------------------------------------------------------------------


@given(mainland_lat, mainland_lon)
def test_wgs_gcj_wgs_round_trip(lat: float, lon: float) -> None:
    back = gcj02_to_wgs84(*wgs84_to_gcj02(lat, lon))
    assert back[0] == pytest.approx(lat, abs=1e-6)
    assert back[1] == pytest.approx(lon, abs=1e-6)


@given(mainland_lat, mainland_lon)
def test_gcj_wgs_gcj_round_trip(lat: float, lon: float) -> None:
    back = wgs84_to_gcj02(*gcj02_to_wgs84(lat, lon))
    assert back[0] == pytest.approx(lat, abs=1e-6)
    assert back[1] == pytest.approx(lon, abs=1e-6)


def test_gcj_offset_in_beijing_is_a_few_hundred_metres() -> None:
    shifted = wgs84_to_gcj02(*BEIJING)
    offset_m = haversine_km(*BEIJING, *shifted) * 1000
    assert 300 < offset_m < 700
    # The shift is to the north-east around Beijing.
    assert shifted[0] > BEIJING[0]
    assert shifted[1] > BEIJING[1]


def test_known_gcj_value() -> None:
    # Tiananmen: the commonly quoted GCJ-02 position for WGS-84 (39.9087, 116.3975).
    lat, lon = wgs84_to_gcj02(39.9087, 116.3975)
    assert lat == pytest.approx(39.9101, abs=1e-4)
    assert lon == pytest.approx(116.4037, abs=1e-4)


@pytest.mark.parametrize(
    "point",
    [(35.6762, 139.6503), (51.5074, -0.1278), (-33.8688, 151.2093), (0.0, 0.0)],
    ids=["Tokyo", "London", "Sydney", "null island"],
)
def test_points_outside_china_are_unchanged(point: tuple[float, float]) -> None:
    assert out_of_china(*point)
    assert wgs84_to_gcj02(*point) == point
    assert gcj02_to_wgs84(*point) == point


# --- bounding box -------------------------------------------------------------------------


def test_mainland_bbox() -> None:
    assert in_mainland_bbox(*BEIJING)
    assert in_mainland_bbox(18.25, 109.51)  # Sanya
    assert in_mainland_bbox(53.47, 122.37)  # Mohe
    assert not in_mainland_bbox(16.83, 112.34)  # Paracels
    assert not in_mainland_bbox(35.68, 139.65)  # Tokyo
    assert MAINLAND_BBOX.min_lat < MAINLAND_BBOX.max_lat
    assert MAINLAND_BBOX.min_lon < MAINLAND_BBOX.max_lon


# --- service area -------------------------------------------------------------------------

INSIDE = {
    "Beijing": BEIJING,
    "Shanghai": SHANGHAI,
    "Urumqi": (43.8256, 87.6168),
    "Haikou": (20.0440, 110.1999),
    "Sanya": (18.2528, 109.5119),
    "Lhasa": (29.6520, 91.1721),
    "Harbin": (45.8038, 126.5350),
    "Kashgar": (39.4677, 75.9938),
    "Mohe": (52.9721, 122.5380),
    "Shenzhen, Futian": (22.5431, 114.0579),
    "Zhuhai, Gongbei": (22.2220, 113.5560),
    "Xiamen island": (24.4798, 118.0894),
    "Zhoushan": (29.9853, 122.2072),
}

OUTSIDE = {
    "Tokyo": (35.6762, 139.6503),
    "Seoul": (37.5665, 126.9780),
    "Pyongyang": (39.0392, 125.7625),
    "Taipei": (25.0330, 121.5654),
    "Kinmen": (24.4490, 118.3770),
    "Hong Kong island": (22.28, 114.16),
    "Hong Kong, Sha Tin": (22.3830, 114.1880),
    "Macau": (22.1970, 113.5430),
    "Hanoi": (21.0278, 105.8342),
    "Ulaanbaatar": (47.8864, 106.9057),
    "Vladivostok": (43.1155, 131.8855),
    "Almaty": (43.2220, 76.8512),
    "Kathmandu": (27.7172, 85.3240),
    "East China Sea": (30.0, 125.0),
    "Yellow Sea": (35.0, 123.0),
    "South China Sea": (19.0, 114.0),
    "Paracels (Sansha)": (16.8340, 112.3390),
}


@pytest.fixture(scope="module")
def china() -> ServiceArea:
    return ServiceArea.default()


@pytest.mark.parametrize("name", sorted(INSIDE))
def test_default_area_contains(china: ServiceArea, name: str) -> None:
    assert china.contains(*INSIDE[name])


@pytest.mark.parametrize("name", sorted(OUTSIDE))
def test_default_area_excludes(china: ServiceArea, name: str) -> None:
    assert not china.contains(*OUTSIDE[name])


def test_default_is_loaded_once() -> None:
    assert ServiceArea.default() is ServiceArea.default()


def test_default_bounds_cover_mainland(china: ServiceArea) -> None:
    bounds = china.bounds
    assert bounds.min_lat < 18.3 and bounds.max_lat > 53.5
    assert bounds.min_lon < 73.7 and bounds.max_lon > 134.7
    assert china.polygon_count >= 2  # at least the mainland and Hainan


SQUARE_WITH_HOLE = {
    "type": "Polygon",
    "coordinates": [
        [[0.0, 0.0], [10.0, 0.0], [10.0, 10.0], [0.0, 10.0], [0.0, 0.0]],
        [[4.0, 4.0], [4.0, 6.0], [6.0, 6.0], [6.0, 4.0], [4.0, 4.0]],
    ],
}


def test_polygon_with_hole() -> None:
    area = ServiceArea.from_geojson(SQUARE_WITH_HOLE)
    assert area.contains(1.0, 1.0)
    assert area.contains(9.5, 5.0)
    assert not area.contains(5.0, 5.0)  # in the hole
    assert not area.contains(11.0, 5.0)
    assert not area.contains(5.0, -0.5)
    assert area.bounds == (0.0, 0.0, 10.0, 10.0)


def test_concave_polygon() -> None:
    # A "U": the notch between the arms is outside.
    u_shape = [[[0, 0], [3, 0], [3, 3], [2, 3], [2, 1], [1, 1], [1, 3], [0, 3]]]
    area = ServiceArea([u_shape])
    assert area.contains(0.5, 0.5)  # (lat, lon): bottom bar
    assert area.contains(2.5, 0.5)  # left arm
    assert not area.contains(2.0, 1.5)  # the notch
    assert area.contains(2.5, 2.5)  # right arm


def test_multipolygon_feature_collection(tmp_path: Path) -> None:
    collection = {
        "type": "FeatureCollection",
        "features": [
            {
                "type": "Feature",
                "properties": {},
                "geometry": {
                    "type": "MultiPolygon",
                    "coordinates": [
                        [[[0, 0], [1, 0], [1, 1], [0, 1]]],
                        [[[5, 5], [6, 5], [6, 6], [5, 6], [5, 5]]],
                    ],
                },
            },
            {"type": "Feature", "properties": {}, "geometry": SQUARE_WITH_HOLE},
        ],
    }
    path = tmp_path / "area.geojson"
    path.write_text(json.dumps(collection), encoding="utf-8")
    area = ServiceArea.from_file(path)
    assert area.polygon_count == 3
    assert area.contains(0.5, 0.5)
    assert area.contains(5.5, 5.5)  # in the small square, which sits in the big one's hole
    assert not area.contains(20.0, 20.0)


@pytest.mark.parametrize(
    "data",
    [
        {"type": "Point", "coordinates": [1.0, 2.0]},
        {"type": "FeatureCollection", "features": []},
        {"type": "Polygon", "coordinates": [[[0, 0], [1, 1], [0, 0]]]},
    ],
    ids=["point", "empty", "degenerate ring"],
)
def test_rejects_unusable_geojson(data: dict[str, object]) -> None:
    with pytest.raises(ValueError):
        ServiceArea.from_geojson(data)


# --- paths --------------------------------------------------------------------------------


def test_resource_paths() -> None:
    assert resource_dir().name == "resources"
    assert resource_dir().is_dir()
    assert resource_path("geo", "china.geojson") == resource_dir() / "geo" / "china.geojson"
    assert resource_path("geo", "china.geojson").is_file()
