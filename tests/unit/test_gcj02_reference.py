"""GCJ-02 conversion against a published reference implementation's own test points.

Reference: googollee/eviltransform (MIT), ``python/test.py`` at commit
3416646abc64972e899118271bd98030224d9d6c, table ``TESTS`` (wgsLat, wgsLng, gcjLat,
gcjLng) for Shanghai, Shenzhen and Beijing. The values are copied verbatim.
"""

from __future__ import annotations

import pytest

from console.core.geo import gcj02_to_wgs84, haversine_km, wgs84_to_gcj02

EVILTRANSFORM_TESTS = [
    # wgsLat, wgsLng, gcjLat, gcjLng
    (31.1774276, 121.5272106, 31.17530398364597, 121.531541859215),  # shanghai
    (22.543847, 113.912316, 22.540796131694766, 113.9171764808363),  # shenzhen
    (39.911954, 116.377817, 39.91334545536069, 116.38404722455657),  # beijing
]


def _metres(a: tuple[float, float], b: tuple[float, float]) -> float:
    return haversine_km(a[0], a[1], b[0], b[1]) * 1000


@pytest.mark.parametrize(("wgs_lat", "wgs_lon", "gcj_lat", "gcj_lon"), EVILTRANSFORM_TESTS)
def test_forward_matches_the_reference_within_a_metre(
    wgs_lat: float, wgs_lon: float, gcj_lat: float, gcj_lon: float
) -> None:
    assert _metres(wgs84_to_gcj02(wgs_lat, wgs_lon), (gcj_lat, gcj_lon)) < 1.0


@pytest.mark.parametrize(("wgs_lat", "wgs_lon", "gcj_lat", "gcj_lon"), EVILTRANSFORM_TESTS)
def test_inverse_matches_the_reference_within_two_metres(
    wgs_lat: float, wgs_lon: float, gcj_lat: float, gcj_lon: float
) -> None:
    assert _metres(gcj02_to_wgs84(gcj_lat, gcj_lon), (wgs_lat, wgs_lon)) < 2.0


@pytest.mark.parametrize(("wgs_lat", "wgs_lon", "gcj_lat", "gcj_lon"), EVILTRANSFORM_TESTS)
def test_the_reference_offsets_are_hundreds_of_metres(
    wgs_lat: float, wgs_lon: float, gcj_lat: float, gcj_lon: float
) -> None:
    # Guards the tolerance above: a no-op conversion would miss by far more than 2 m.
    assert 100 < _metres((wgs_lat, wgs_lon), (gcj_lat, gcj_lon)) < 1000
