"""Geodesy helpers: great-circle distances, the Chinese map datum and the service area.

All coordinates are decimal degrees, and every function takes ``(lat, lon)`` in that
order (GeoJSON files, which store ``[lon, lat]``, are converted on load).

Maps served inside China (AutoNavi/Amap, Tencent, most phone GPS apps once they
display a position) use GCJ-02, an obfuscated datum offset from WGS-84 by a few
hundred metres. The application stores WGS-84; :func:`wgs84_to_gcj02` and
:func:`gcj02_to_wgs84` convert at the edges.
"""

from __future__ import annotations

import functools
import math
import os
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, NamedTuple

import numpy as np
import numpy.typing as npt

from console.core.inputs import parse_json, read_text
from console.paths import resource_path

__all__ = [
    "EARTH_RADIUS_KM",
    "MAINLAND_BBOX",
    "BBox",
    "ServiceArea",
    "gcj02_to_wgs84",
    "haversine_km",
    "haversine_km_many",
    "in_mainland_bbox",
    "out_of_china",
    "wgs84_to_gcj02",
]

EARTH_RADIUS_KM = 6371.0088
"""Mean Earth radius (IUGG R1), the usual choice for haversine distances."""


class BBox(NamedTuple):
    """A latitude/longitude bounding box in degrees."""

    min_lat: float
    min_lon: float
    max_lat: float
    max_lon: float

    def contains(self, lat: float, lon: float) -> bool:
        """Whether the point lies inside the box or on its edge."""
        return self.min_lat <= lat <= self.max_lat and self.min_lon <= lon <= self.max_lon


MAINLAND_BBOX = BBox(min_lat=18.0, min_lon=73.4, max_lat=53.6, max_lon=135.1)
"""Box around mainland China plus Hainan (Sanya ~18.2N to Mohe ~53.6N, Pamirs to Fuyuan)."""


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in kilometres between two points on a spherical Earth."""
    phi1 = math.radians(lat1)
    phi2 = math.radians(lat2)
    dphi = phi2 - phi1
    dlmb = math.radians(lon2 - lon1)
    a = math.sin(dphi / 2) ** 2 + math.cos(phi1) * math.cos(phi2) * math.sin(dlmb / 2) ** 2
    # Rounding can push ``a`` a hair above 1 for antipodal points; asin would then fail.
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(a)))


def haversine_km_many(
    lat: float, lon: float, lats: npt.ArrayLike, lons: npt.ArrayLike
) -> npt.NDArray[np.float64]:
    """Distances in kilometres from one point to each of many points.

    ``lats`` and ``lons`` are array-likes of equal shape; the result has that shape.
    """
    phi1 = math.radians(lat)
    phi2 = np.radians(np.asarray(lats, dtype=np.float64))
    dlmb = np.radians(np.asarray(lons, dtype=np.float64) - lon)
    a = np.sin((phi2 - phi1) / 2) ** 2 + math.cos(phi1) * np.cos(phi2) * np.sin(dlmb / 2) ** 2
    result: npt.NDArray[np.float64] = 2 * EARTH_RADIUS_KM * np.arcsin(np.minimum(1.0, np.sqrt(a)))
    return result


def in_mainland_bbox(lat: float, lon: float) -> bool:
    """Cheap pre-check: is the point inside the box around mainland China and Hainan?

    The box also covers parts of neighbouring countries and the sea; use
    :meth:`ServiceArea.contains` for the real answer.
    """
    return MAINLAND_BBOX.contains(lat, lon)


# --- GCJ-02 -------------------------------------------------------------------------------
# The constants and polynomial below are the published, de-facto standard reconstruction
# of the GCJ-02 algorithm; every Chinese map SDK agrees with it to the centimetre.

_GCJ_A = 6378245.0  # Krasovsky 1940 semi-major axis
_GCJ_EE = 0.00669342162296594323  # Krasovsky 1940 first eccentricity squared
_INVERSE_TOLERANCE_DEG = 1e-12
_INVERSE_MAX_ITERATIONS = 30


def out_of_china(lat: float, lon: float) -> bool:
    """The rough box test every GCJ-02 implementation uses to leave foreign points alone."""
    return not (72.004 <= lon <= 137.8347 and 0.8293 <= lat <= 55.8271)


def _transform_lat(x: float, y: float) -> float:
    ret = -100.0 + 2.0 * x + 3.0 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * math.sqrt(abs(x))
    ret += (20.0 * math.sin(6.0 * x * math.pi) + 20.0 * math.sin(2.0 * x * math.pi)) * 2.0 / 3.0
    ret += (20.0 * math.sin(y * math.pi) + 40.0 * math.sin(y / 3.0 * math.pi)) * 2.0 / 3.0
    ret += (160.0 * math.sin(y / 12.0 * math.pi) + 320.0 * math.sin(y * math.pi / 30.0)) * 2.0 / 3.0
    return ret


def _transform_lon(x: float, y: float) -> float:
    ret = 300.0 + x + 2.0 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * math.sqrt(abs(x))
    ret += (20.0 * math.sin(6.0 * x * math.pi) + 20.0 * math.sin(2.0 * x * math.pi)) * 2.0 / 3.0
    ret += (20.0 * math.sin(x * math.pi) + 40.0 * math.sin(x / 3.0 * math.pi)) * 2.0 / 3.0
    ret += (150.0 * math.sin(x / 12.0 * math.pi) + 300.0 * math.sin(x / 30.0 * math.pi)) * 2.0 / 3.0
    return ret


def _gcj_offset(lat: float, lon: float) -> tuple[float, float]:
    """The GCJ-02 offset ``(dlat, dlon)`` in degrees to add to a WGS-84 point."""
    dlat = _transform_lat(lon - 105.0, lat - 35.0)
    dlon = _transform_lon(lon - 105.0, lat - 35.0)
    rad_lat = math.radians(lat)
    magic = 1.0 - _GCJ_EE * math.sin(rad_lat) ** 2
    sqrt_magic = math.sqrt(magic)
    dlat = (dlat * 180.0) / ((_GCJ_A * (1.0 - _GCJ_EE)) / (magic * sqrt_magic) * math.pi)
    dlon = (dlon * 180.0) / (_GCJ_A / sqrt_magic * math.cos(rad_lat) * math.pi)
    return dlat, dlon


def wgs84_to_gcj02(lat: float, lon: float) -> tuple[float, float]:
    """Convert a WGS-84 point to GCJ-02; points outside China are returned unchanged."""
    if out_of_china(lat, lon):
        return lat, lon
    dlat, dlon = _gcj_offset(lat, lon)
    return lat + dlat, lon + dlon


def gcj02_to_wgs84(lat: float, lon: float) -> tuple[float, float]:
    """Convert a GCJ-02 point to WGS-84; points outside China are returned unchanged.

    GCJ-02 has no closed-form inverse, so this solves ``wgs84_to_gcj02(w) == p`` by
    fixed-point iteration. The offset changes by well under 1% per offset-width, so each
    step gains two-plus digits; the result round-trips to about 1e-9 degrees (0.1 mm).
    """
    if out_of_china(lat, lon):
        return lat, lon
    wlat, wlon = lat, lon
    for _ in range(_INVERSE_MAX_ITERATIONS):
        dlat, dlon = _gcj_offset(wlat, wlon)
        next_lat, next_lon = lat - dlat, lon - dlon
        converged = (
            abs(next_lat - wlat) < _INVERSE_TOLERANCE_DEG
            and abs(next_lon - wlon) < _INVERSE_TOLERANCE_DEG
        )
        wlat, wlon = next_lat, next_lon
        if converged:
            break
    return wlat, wlon


# --- Service area -------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Ring:
    """One closed ring as edge arrays: edge k runs from (x0[k], y0[k]) to (x1[k], y1[k])."""

    x0: npt.NDArray[np.float64]
    y0: npt.NDArray[np.float64]
    x1: npt.NDArray[np.float64]
    y1: npt.NDArray[np.float64]
    bbox: BBox

    @classmethod
    def from_positions(cls, positions: Sequence[Sequence[float]]) -> _Ring:
        """Build from GeoJSON ``[lon, lat]`` positions (closing point optional)."""
        coords = np.asarray([(float(p[0]), float(p[1])) for p in positions], dtype=np.float64)
        if len(coords) > 1 and np.array_equal(coords[0], coords[-1]):
            coords = coords[:-1]
        if len(coords) < 3:
            raise ValueError(f"a polygon ring needs at least 3 distinct points, got {len(coords)}")
        x0 = np.ascontiguousarray(coords[:, 0])
        y0 = np.ascontiguousarray(coords[:, 1])
        x1 = np.roll(x0, -1)
        y1 = np.roll(y0, -1)
        for arr in (x0, y0, x1, y1):
            arr.setflags(write=False)
        bbox = BBox(float(y0.min()), float(x0.min()), float(y0.max()), float(x0.max()))
        return cls(x0, y0, x1, y1, bbox)

    def contains(self, lat: float, lon: float) -> bool:
        """Even-odd ray casting towards +longitude; points exactly on an edge may go either way."""
        if not self.bbox.contains(lat, lon):
            return False
        straddles = (self.y0 > lat) != (self.y1 > lat)
        if not straddles.any():
            return False
        x0, y0 = self.x0[straddles], self.y0[straddles]
        x1, y1 = self.x1[straddles], self.y1[straddles]
        # ``straddles`` guarantees y1 != y0, so the division is safe.
        x_cross = x0 + (lat - y0) * (x1 - x0) / (y1 - y0)
        return int(np.count_nonzero(lon < x_cross)) % 2 == 1


@dataclass(frozen=True, slots=True)
class _Polygon:
    outer: _Ring
    holes: tuple[_Ring, ...]

    def contains(self, lat: float, lon: float) -> bool:
        return self.outer.contains(lat, lon) and not any(h.contains(lat, lon) for h in self.holes)


class ServiceArea:
    """A region made of polygons (with holes), answering "is this point inside?".

    Build one with :meth:`from_geojson` / :meth:`from_file`, or use :meth:`default` for
    the shipped outline. Instances are immutable and safe to share between threads.
    """

    __slots__ = ("_bounds", "_polygons")

    def __init__(self, polygons: Iterable[Sequence[Sequence[Sequence[float]]]]) -> None:
        """Create from GeoJSON-style polygons: each a list of rings of ``[lon, lat]``.

        The first ring of each polygon is its outer boundary, the rest are holes.
        """
        built: list[_Polygon] = []
        for rings in polygons:
            if not rings:
                raise ValueError("a polygon needs at least an outer ring")
            outer, *holes = (_Ring.from_positions(r) for r in rings)
            built.append(_Polygon(outer, tuple(holes)))
        if not built:
            raise ValueError("a service area needs at least one polygon")
        self._polygons: tuple[_Polygon, ...] = tuple(built)
        self._bounds = BBox(
            min(p.outer.bbox.min_lat for p in built),
            min(p.outer.bbox.min_lon for p in built),
            max(p.outer.bbox.max_lat for p in built),
            max(p.outer.bbox.max_lon for p in built),
        )

    @classmethod
    def from_geojson(cls, data: Mapping[str, Any]) -> ServiceArea:
        """Create from a parsed GeoJSON FeatureCollection, Feature or (Multi)Polygon.

        Every Polygon and MultiPolygon found is part of the area; other geometry types
        are rejected.
        """
        return cls(_polygons_of(data))

    @classmethod
    def from_file(cls, path: str | os.PathLike[str]) -> ServiceArea:
        """Create from a GeoJSON file (UTF-8)."""
        return cls.from_geojson(parse_json(read_text(Path(path))))

    @classmethod
    def default(cls) -> ServiceArea:
        """The shipped service area (``resources/geo/china.geojson``), loaded once.

        Mainland China and Hainan, widened by about 3 km so that waterfront and
        border-river towns survive the map's generalised coastline, with Hong Kong,
        Macau and Taiwan (incl. Kinmen) cut out; see ``tools/build_seed_data.py``.
        Long sea bridges (Hangzhou Bay, Donghai) are partly outside: treat a miss as a
        warning, not a hard refusal.
        """
        return _default_service_area()

    @property
    def bounds(self) -> BBox:
        """The bounding box of the whole area."""
        return self._bounds

    def edge_boxes(self) -> npt.NDArray[np.float64]:
        """Every boundary edge's bounding box (outer rings and holes) as rows of
        ``min_lon, min_lat, max_lon, max_lat``: to find places no boundary comes near."""
        rings = [ring for p in self._polygons for ring in (p.outer, *p.holes)]
        x0 = np.concatenate([r.x0 for r in rings])
        y0 = np.concatenate([r.y0 for r in rings])
        x1 = np.concatenate([r.x1 for r in rings])
        y1 = np.concatenate([r.y1 for r in rings])
        return np.stack(
            [np.minimum(x0, x1), np.minimum(y0, y1), np.maximum(x0, x1), np.maximum(y0, y1)],
            axis=1,
        )

    @property
    def polygon_count(self) -> int:
        """How many separate polygons (mainland, islands) make up the area."""
        return len(self._polygons)

    def contains(self, lat: float, lon: float) -> bool:
        """Whether the WGS-84 point lies inside the area (and not in a hole)."""
        if not self._bounds.contains(lat, lon):
            return False
        return any(p.contains(lat, lon) for p in self._polygons)

    def __repr__(self) -> str:
        return f"ServiceArea(polygons={len(self._polygons)}, bounds={self._bounds})"


def _polygons_of(data: Mapping[str, Any]) -> list[Sequence[Sequence[Sequence[float]]]]:
    kind = data.get("type")
    if kind == "FeatureCollection":
        return [poly for feature in data["features"] for poly in _polygons_of(feature)]
    if kind == "Feature":
        geometry = data.get("geometry")
        if geometry is None:
            return []
        return _polygons_of(geometry)
    if kind == "Polygon":
        return [data["coordinates"]]
    if kind == "MultiPolygon":
        return list(data["coordinates"])
    raise ValueError(f"unsupported GeoJSON type for a service area: {kind!r}")


@functools.cache
def _default_service_area() -> ServiceArea:
    return ServiceArea.from_file(resource_path("geo", "china.geojson"))
