"""Rebuild the generated geographic resources shipped with the console.

Writes two files that the application reads at run time (it needs neither cpca,
pypinyin nor npm itself):

``resources/seed/cities.json``
    The ~330 prefecture-level cities of mainland China with WGS-84 coordinates,
    Chinese and English names and a size tier. Source: the ``adcodes.csv`` table
    bundled with the ``cpca`` package (GCJ-02 coordinates, converted here).

``resources/geo/china.geojson``
    The service area: mainland China plus Hainan from Natural Earth 1:10m admin-0
    countries, as packaged in the ``world-atlas@2.0.2`` npm tarball (TopoJSON,
    decoded here), widened by a few km so waterfront and border-river cities are
    not cut off by the generalised coastline, with Hong Kong, Macau and Taiwan cut
    back out; simplified with Douglas-Peucker.

Run from anywhere with the development virtualenv (cpca and pypinyin installed, besides
the application's numpy and scipy; npm unless ``--world-atlas`` is given)::

    python tools/build_seed_data.py            # fetches world-atlas via `npm pack`
    python tools/build_seed_data.py --world-atlas /tmp/world-atlas-2.0.2.tgz

The script fails loudly if any city ends up outside the simplified outline.
"""

from __future__ import annotations

import argparse
import csv
import importlib.metadata
import importlib.util
import itertools
import json
import math
import re
import subprocess
import sys
import tarfile
import tempfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

REPO_ROOT = Path(__file__).resolve().parent.parent
WORLD_ATLAS_SPEC = "world-atlas@2.0.2"
WORLD_ATLAS_MEMBER = "package/countries-10m.json"
CHINA_TOPO_ID = "156"
# Hong Kong, Macau, Taiwan (with Kinmen, 2 km off Xiamen): close enough to be reached
# by the margin, and never served by a mainland roadside service.
EXCLUDED_TOPO_IDS = ("344", "446", "158")
# The Paracel islands (三沙) south of Hainan have no road service, like the city list.
SOUTHERNMOST_SERVED_LAT = 17.5
DEFAULT_MARGIN_KM = 3.0
DEFAULT_TOLERANCE_DEG = 0.01
DEFAULT_CELL_DEG = 0.005
MAX_GEOJSON_BYTES = 150_000
GEOJSON_DECIMALS = 4  # 0.0001 deg ~ 11 m, far below the raster cell and the tolerance
CITY_DECIMALS = 6

Position = tuple[float, float]  # (lon, lat), GeoJSON order
Ring = list[Position]
PolygonCoords = list[Ring]

# --- Provinces ----------------------------------------------------------------------------

# code -> (full Chinese name as in adcodes.csv, short Chinese name, English name).
# Hand-written: there are only 31, and pinyin alone gets 陕西 (Shaanxi) wrong.
PROVINCES: dict[str, tuple[str, str, str]] = {
    "11": ("北京市", "北京", "Beijing"),
    "12": ("天津市", "天津", "Tianjin"),
    "13": ("河北省", "河北", "Hebei"),
    "14": ("山西省", "山西", "Shanxi"),
    "15": ("内蒙古自治区", "内蒙古", "Inner Mongolia"),
    "21": ("辽宁省", "辽宁", "Liaoning"),
    "22": ("吉林省", "吉林", "Jilin"),
    "23": ("黑龙江省", "黑龙江", "Heilongjiang"),
    "31": ("上海市", "上海", "Shanghai"),
    "32": ("江苏省", "江苏", "Jiangsu"),
    "33": ("浙江省", "浙江", "Zhejiang"),
    "34": ("安徽省", "安徽", "Anhui"),
    "35": ("福建省", "福建", "Fujian"),
    "36": ("江西省", "江西", "Jiangxi"),
    "37": ("山东省", "山东", "Shandong"),
    "41": ("河南省", "河南", "Henan"),
    "42": ("湖北省", "湖北", "Hubei"),
    "43": ("湖南省", "湖南", "Hunan"),
    "44": ("广东省", "广东", "Guangdong"),
    "45": ("广西壮族自治区", "广西", "Guangxi"),
    "46": ("海南省", "海南", "Hainan"),
    "50": ("重庆市", "重庆", "Chongqing"),
    "51": ("四川省", "四川", "Sichuan"),
    "52": ("贵州省", "贵州", "Guizhou"),
    "53": ("云南省", "云南", "Yunnan"),
    "54": ("西藏自治区", "西藏", "Tibet"),
    "61": ("陕西省", "陕西", "Shaanxi"),
    "62": ("甘肃省", "甘肃", "Gansu"),
    "63": ("青海省", "青海", "Qinghai"),
    "64": ("宁夏回族自治区", "宁夏", "Ningxia"),
    "65": ("新疆维吾尔自治区", "新疆", "Xinjiang"),
}
MUNICIPALITIES = frozenset({"11", "12", "31", "50"})
NON_MAINLAND = frozenset({"71", "81", "82"})  # Taiwan, Hong Kong, Macau

# --- Cities -------------------------------------------------------------------------------

# Administrative-division rows that are groupings, not cities.
PLACEHOLDER_NAMES = frozenset(
    {"市辖区", "县", "省直辖县级行政区划", "自治区直辖县级行政区划", "直辖县级行政区划"}
)

# adcode -> reason. Cities deliberately left out of the seed list.
EXCLUDED_CITIES: dict[str, str] = {
    "460300": "三沙市: South China Sea islands, no road service",
    "371200": "莱芜市: abolished in 2019, merged into 济南市 (cpca's table predates that)",
}

# adcode -> (new adcode, new full name). Changes made after cpca's table was compiled.
RENAMED_CITIES: dict[str, tuple[str, str]] = {
    "542400": ("540600", "那曲市"),  # 那曲地区 became a prefecture-level city in 2018
}

# Full-name suffixes stripped to get the short name (longest first).
CITY_SUFFIXES = ("自治州", "地区", "市", "盟")

# Ethnic-group names that appear in autonomous-prefecture names, stripped (with an
# optional 族) from the end after 自治州 is removed: 延边朝鲜族自治州 -> 延边.
ETHNIC_GROUPS = (
    "柯尔克孜",
    "哈萨克",
    "傈僳",
    "景颇",
    "布依",
    "哈尼",
    "朝鲜",
    "蒙古",
    "土家",
    "苗",
    "藏",
    "羌",
    "彝",
    "侗",
    "壮",
    "傣",
    "白",
    "回",
)
_ETHNIC_TAIL = re.compile(f"(?:(?:{'|'.join(ETHNIC_GROUPS)})族?)+$")

# Short-name overrides for the rare clash with a province: Qinghai's 海南藏族自治州
# would otherwise be shown as plain "海南 / Hainan", i.e. the island province.
SHORT_NAME_OVERRIDES: dict[str, tuple[str, str]] = {
    "632500": ("海南州", "Hainan Prefecture"),
}

# Short Chinese name -> English name, where plain pinyin is wrong (polyphones that
# pypinyin misreads) or where an established non-pinyin English name exists
# (Mongolian, Uyghur and Tibetan place names). Entries whose pinyin happens to come
# out right today are kept so the output does not depend on pypinyin's dictionary.
ENGLISH_OVERRIDES: dict[str, str] = {
    # Polyphones
    "长治": "Changzhi",  # pypinyin: Zhangzhi
    "朝阳": "Chaoyang",  # pypinyin: Zhaoyang
    "漯河": "Luohe",  # pypinyin: Tahe
    "长春": "Changchun",
    "长沙": "Changsha",
    "重庆": "Chongqing",
    "厦门": "Xiamen",
    "蚌埠": "Bengbu",
    "六安": "Lu'an",
    "丽水": "Lishui",
    "丽江": "Lijiang",
    "泸州": "Luzhou",
    "亳州": "Bozhou",
    "儋州": "Danzhou",
    "莆田": "Putian",
    "乐山": "Leshan",
    "六盘水": "Liupanshui",
    "台州": "Taizhou",
    "宿州": "Suzhou",
    "宿迁": "Suqian",
    "东莞": "Dongguan",
    "百色": "Baise",
    "曲靖": "Qujing",
    "衢州": "Quzhou",
    "大同": "Datong",
    "济南": "Jinan",
    "济宁": "Jining",
    "吕梁": "Lüliang",
    "阜阳": "Fuyang",
    "阜新": "Fuxin",
    "濮阳": "Puyang",
    "郴州": "Chenzhou",
    # Inner Mongolia
    "呼和浩特": "Hohhot",
    "包头": "Baotou",
    "鄂尔多斯": "Ordos",
    "呼伦贝尔": "Hulunbuir",
    "巴彦淖尔": "Bayannur",
    "乌兰察布": "Ulanqab",
    "兴安": "Hinggan",
    "锡林郭勒": "Xilingol",
    "阿拉善": "Alxa",
    # Heilongjiang
    "哈尔滨": "Harbin",
    "齐齐哈尔": "Qiqihar",
    "大兴安岭": "Da Hinggan Ling",
    # Xinjiang
    "乌鲁木齐": "Ürümqi",
    "克拉玛依": "Karamay",
    "吐鲁番": "Turpan",
    "哈密": "Hami",
    "博尔塔拉": "Bortala",
    "巴音郭楞": "Bayingolin",
    "阿克苏": "Aksu",
    "克孜勒苏": "Kizilsu",
    "喀什": "Kashgar",
    "和田": "Hotan",
    "伊犁": "Ili",
    "阿勒泰": "Altay",
    # Tibet and the Tibetan prefectures of Sichuan, Qinghai, Yunnan
    "拉萨": "Lhasa",
    "日喀则": "Shigatse",
    "昌都": "Qamdo",
    "林芝": "Nyingchi",
    "那曲": "Nagqu",
    "阿里": "Ngari",
    "甘孜": "Garzê",
    "阿坝": "Ngawa",
    "果洛": "Golog",
    "迪庆": "Diqing",
}

# Tier 1: the four municipalities plus Guangzhou and Shenzhen.
TIER1 = frozenset({"110100", "120100", "310100", "500100", "440100", "440300"})
# Tier 2 besides the provincial capitals (which are always the xx0100 city):
# sub-provincial cities and a few very large prefecture-level ones.
TIER2_EXTRA = frozenset(
    {
        "210200",  # 大连
        "370200",  # 青岛
        "330200",  # 宁波
        "350200",  # 厦门
        "320500",  # 苏州
        "320200",  # 无锡
        "441900",  # 东莞
        "440600",  # 佛山
    }
)

EXPECTED_MIN_CITIES = 320
EXPECTED_MAX_CITIES = 340


@dataclass(frozen=True)
class City:
    """One output record of ``cities.json``."""

    adcode: str
    name_zh: str
    name_en: str
    full_name_zh: str
    province_code: str
    lat: float
    lon: float
    tier: int

    def to_json(self) -> dict[str, Any]:
        """The JSON object written for this city."""
        _, province_zh, province_en = PROVINCES[self.province_code]
        return {
            "adcode": self.adcode,
            "name_zh": self.name_zh,
            "name_en": self.name_en,
            "full_name_zh": self.full_name_zh,
            "province_code": self.province_code,
            "province_zh": province_zh,
            "province_en": province_en,
            "lat": self.lat,
            "lon": self.lon,
            "tier": self.tier,
        }


def short_city_name(full_name: str) -> str:
    """Strip the administrative suffix (and ethnic groups of autonomous prefectures)."""
    name = full_name
    for suffix in CITY_SUFFIXES:
        if name.endswith(suffix) and len(name) > len(suffix) + 1:
            name = name.removesuffix(suffix)
            break
    if full_name.endswith("自治州"):
        stripped = _ETHNIC_TAIL.sub("", name)
        if len(stripped) >= 2:
            name = stripped
    return name


def pinyin_name(chinese: str) -> str:
    """Capitalised, joined Hanyu Pinyin with the standard apostrophe: 西安 -> Xi'an."""
    from pypinyin import Style, lazy_pinyin

    syllables = lazy_pinyin(chinese, style=Style.NORMAL, v_to_u=True, errors="exceptions")
    text = ""
    for i, syllable in enumerate(syllables):
        # Pinyin orthography: a syllable starting with a/o/e after another gets an apostrophe.
        if i > 0 and syllable[:1] in {"a", "o", "e"}:
            text += "'"
        text += syllable
    return text[:1].upper() + text[1:]


def english_city_name(short_zh: str) -> str:
    """The English name of a city from its short Chinese name."""
    return ENGLISH_OVERRIDES.get(short_zh) or pinyin_name(short_zh)


def city_tier(adcode: str) -> int:
    """1, 2 or 3; see the module constants for the rules."""
    if adcode in TIER1:
        return 1
    if adcode[2:] == "0100" or adcode in TIER2_EXTRA:
        return 2
    return 3


def locate_cpca_adcodes() -> Path:
    """The ``adcodes.csv`` bundled with the installed cpca package (without importing it)."""
    spec = importlib.util.find_spec("cpca")
    if spec is None or not spec.submodule_search_locations:
        raise SystemExit("cpca is not installed; pip install cpca (development only)")
    return Path(next(iter(spec.submodule_search_locations))) / "resources" / "adcodes.csv"


def build_cities(adcodes_csv: Path) -> list[City]:
    """Read cpca's table and derive the prefecture-level city list (WGS-84)."""
    from console.core.geo import gcj02_to_wgs84

    with adcodes_csv.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))

    province_rows: dict[str, dict[str, str]] = {}
    for row in rows:
        if row["adcode"][2:] == "0" * 10:
            province_rows[row["adcode"][:2]] = row
    for code, (full, _, _) in PROVINCES.items():
        found = province_rows.get(code)
        if found is None or found["name"] != full:
            raise SystemExit(f"province {code} {full} not found in {adcodes_csv}")

    cities: list[City] = []
    for row in rows:
        code6 = row["adcode"][:6]
        province = code6[:2]
        if not (code6[4:] == "00" and code6[2:] != "0000"):
            continue
        if province in NON_MAINLAND or code6 in EXCLUDED_CITIES:
            continue
        if province not in PROVINCES:
            raise SystemExit(f"unknown province code {province} in row {row}")
        source = row
        if province in MUNICIPALITIES:
            # The municipality is one city: the province row's name and coordinates, filed
            # once under the xx0100 code that its urban districts share (110105 -> 110100).
            if code6[2:4] != "01":
                continue
            source = province_rows[province]
        elif row["name"] in PLACEHOLDER_NAMES:
            continue
        if not source["longitude"] or not source["latitude"]:
            continue

        full_name = source["name"]
        if code6 in RENAMED_CITIES:
            code6, full_name = RENAMED_CITIES[code6]
        if code6 in SHORT_NAME_OVERRIDES:
            name_zh, name_en = SHORT_NAME_OVERRIDES[code6]
        else:
            name_zh = short_city_name(full_name)
            name_en = english_city_name(name_zh)
        lat, lon = gcj02_to_wgs84(float(source["latitude"]), float(source["longitude"]))
        cities.append(
            City(
                adcode=code6,
                name_zh=name_zh,
                name_en=name_en,
                full_name_zh=full_name,
                province_code=province,
                lat=round(lat, CITY_DECIMALS),
                lon=round(lon, CITY_DECIMALS),
                tier=city_tier(code6),
            )
        )
    cities.sort(key=lambda c: c.adcode)
    check_cities(cities)
    return cities


def check_cities(cities: Sequence[City]) -> None:
    """Sanity checks on the derived list; any failure aborts the build."""
    problems: list[str] = []
    if not EXPECTED_MIN_CITIES <= len(cities) <= EXPECTED_MAX_CITIES:
        problems.append(f"expected ~330 cities, got {len(cities)}")
    missing = set(PROVINCES) - {c.province_code for c in cities}
    if missing:
        problems.append(f"provinces without cities: {sorted(missing)}")
    for label, key in (("adcode", "adcode"), ("name_zh", "name_zh")):
        values = [getattr(c, key) for c in cities]
        dupes = sorted({v for v in values if values.count(v) > 1})
        if dupes:
            problems.append(f"duplicate {label}: {dupes}")
    for c in cities:
        if not re.fullmatch(r"[A-ZÜ][a-zêü']*(?: [A-ZÜ][a-zêü']*)*", c.name_en):
            problems.append(f"odd English name {c.name_en!r} for {c.full_name_zh}")
        if not c.name_zh or not 2 <= len(c.name_zh) <= 4:
            problems.append(f"odd short name {c.name_zh!r} for {c.full_name_zh}")
    tier_counts = {t: sum(c.tier == t for c in cities) for t in (1, 2, 3)}
    if tier_counts[1] != len(TIER1):
        problems.append(f"tier 1 should have {len(TIER1)} cities, has {tier_counts[1]}")
    if problems:
        raise SystemExit("city list failed checks:\n  " + "\n  ".join(problems))


# --- TopoJSON -> GeoJSON ------------------------------------------------------------------


def load_world_atlas(source: Path | None) -> dict[str, Any]:
    """Load countries-10m.json from a tarball, a JSON file, or a fresh ``npm pack``."""
    if source is not None and source.suffix == ".json":
        with source.open(encoding="utf-8") as fh:
            data: dict[str, Any] = json.load(fh)
            return data
    with tempfile.TemporaryDirectory() as tmp:
        if source is None:
            print(f"running npm pack {WORLD_ATLAS_SPEC} ...", file=sys.stderr)
            result = subprocess.run(
                ["npm", "pack", WORLD_ATLAS_SPEC, "--silent"],
                cwd=tmp,
                check=True,
                capture_output=True,
                text=True,
            )
            source = Path(tmp) / result.stdout.strip().splitlines()[-1]
        with tarfile.open(source, "r:gz") as tar:
            member = tar.extractfile(WORLD_ATLAS_MEMBER)
            if member is None:
                raise SystemExit(f"{WORLD_ATLAS_MEMBER} missing from {source}")
            data = json.load(member)
            return data


def decode_arcs(topology: dict[str, Any]) -> list[list[Position]]:
    """Absolute lon/lat positions of every arc (undoing delta encoding and quantisation)."""
    transform = topology.get("transform")
    arcs: list[list[Position]] = []
    for arc in topology["arcs"]:
        if transform is None:
            arcs.append([(float(p[0]), float(p[1])) for p in arc])
            continue
        (sx, sy), (tx, ty) = transform["scale"], transform["translate"]
        x = y = 0
        points: list[Position] = []
        for dx, dy, *_ in arc:
            x += dx
            y += dy
            points.append((x * sx + tx, y * sy + ty))
        arcs.append(points)
    return arcs


def ring_from_arcs(indices: Iterable[int], arcs: Sequence[Sequence[Position]]) -> Ring:
    """Stitch a ring; a negative index ~i means arc i reversed (TopoJSON spec)."""
    ring: Ring = []
    for index in indices:
        points = list(arcs[~index])[::-1] if index < 0 else list(arcs[index])
        if ring:
            # Consecutive arcs share their joining point.
            ring.pop()
        ring.extend(points)
    return ring


def topo_feature_polygons(topology: dict[str, Any], feature_id: str) -> list[PolygonCoords]:
    """The polygons (outer ring first, then holes) of one feature of ``objects.countries``."""
    arcs = decode_arcs(topology)
    for geometry in topology["objects"]["countries"]["geometries"]:
        if geometry.get("id") != feature_id:
            continue
        if geometry["type"] == "Polygon":
            polys = [geometry["arcs"]]
        elif geometry["type"] == "MultiPolygon":
            polys = geometry["arcs"]
        else:
            raise SystemExit(f"feature {feature_id} is a {geometry['type']}, not a polygon")
        return [[ring_from_arcs(r, arcs) for r in poly] for poly in polys]
    raise SystemExit(f"feature {feature_id} not found in the topology")


# --- Outline: widen, cut out, trace, simplify ---------------------------------------------
# Natural Earth's coasts and border rivers are generalised by up to ~1 km: enough to put
# waterfront city centres (Shantou, Zhuhai, Xiamen, Dandong, Heihe, Fangchenggang) in the
# sea or across the river even before any simplification, at 1:50m and still at 1:10m
# (used here because 1:50m also shrinks Xiamen island and widens its strait). A call from
# a harbour front must not be rejected, so the outline is widened by a margin (a buffer, computed
# on a raster with an exact distance transform), and the places a mainland service must
# never cover that lie within reach of it (Hong Kong, Macau, Kinmen/Taiwan) are cut back
# out. The result is traced back to polygons and simplified.

KM_PER_DEG_LAT = 111.2
BAND_ROWS = 200  # raster rows that share one longitude scale in the distance transform
MIN_RING_AREA_DEG2 = 0.0004  # ~4 km2: smaller islets and enclosed pockets are dropped

# Boundary-tracing directions: east, north, west, south (a left turn is +1).
_STEPS = ((0, 1), (1, 0), (0, -1), (-1, 0))


@dataclass(frozen=True)
class Grid:
    """A lon/lat raster: cell (row, col) spans lat0 + row * cell, lon0 + col * cell onwards."""

    lon0: float
    lat0: float
    cell: float
    rows: int
    cols: int

    @classmethod
    def around(cls, polygons: Sequence[PolygonCoords], cell: float, pad_deg: float) -> Grid:
        """A grid covering the polygons plus ``pad_deg`` on every side."""
        lons = [p[0] for poly in polygons for p in poly[0]]
        lats = [p[1] for poly in polygons for p in poly[0]]
        lon0 = math.floor((min(lons) - pad_deg) / cell) * cell
        lat0 = math.floor((min(lats) - pad_deg) / cell) * cell
        cols = math.ceil((max(lons) + pad_deg - lon0) / cell)
        rows = math.ceil((max(lats) + pad_deg - lat0) / cell)
        return cls(lon0, lat0, cell, rows, cols)


def rasterize(grid: Grid, polygons: Sequence[PolygonCoords]) -> npt.NDArray[np.bool_]:
    """Cells whose centre lies inside the polygons (even-odd rule, so holes count)."""
    edges = [
        (*a, *b)
        for polygon in polygons
        for ring in polygon
        for a, b in itertools.pairwise(ring if ring[0] == ring[-1] else [*ring, ring[0]])
    ]
    x0, y0, x1, y1 = np.array(edges, dtype=np.float64).T
    row_lo = np.floor((np.minimum(y0, y1) - grid.lat0) / grid.cell - 0.5)
    row_hi = np.ceil((np.maximum(y0, y1) - grid.lat0) / grid.cell - 0.5)
    mask = np.zeros((grid.rows, grid.cols), dtype=bool)
    for row in range(grid.rows):
        y = grid.lat0 + (row + 0.5) * grid.cell
        straddles = (row_lo <= row) & (row_hi >= row) & ((y0 > y) != (y1 > y))
        if not straddles.any():
            continue
        ax, ay, bx, by = x0[straddles], y0[straddles], x1[straddles], y1[straddles]
        x = ax + (y - ay) * (bx - ax) / (by - ay)
        first_inside = np.ceil((x - grid.lon0) / grid.cell - 0.5).astype(np.intp)
        toggles = np.zeros(grid.cols + 1, dtype=np.int32)
        np.add.at(toggles, np.clip(first_inside, 0, grid.cols), 1)
        mask[row] = (np.cumsum(toggles[: grid.cols]) % 2) == 1
    return mask


def widen(grid: Grid, mask: npt.NDArray[np.bool_], margin_km: float) -> npt.NDArray[np.bool_]:
    """Cells whose centre is within ``margin_km`` of an inside cell's centre."""
    from scipy.ndimage import distance_transform_edt

    cell_lat_km = grid.cell * KM_PER_DEG_LAT
    overlap = math.ceil(margin_km / cell_lat_km) + 1
    result = np.zeros_like(mask)
    for start in range(0, grid.rows, BAND_ROWS):
        stop = min(start + BAND_ROWS, grid.rows)
        lo, hi = max(0, start - overlap), min(grid.rows, stop + overlap)
        band = mask[lo:hi]
        if not band.any():
            continue
        # One longitude scale per band: the narrowest cells' (northern edge), so the
        # margin is never short anywhere in the band.
        north_lat = grid.lat0 + hi * grid.cell
        cell_lon_km = cell_lat_km * math.cos(math.radians(north_lat))
        distance = distance_transform_edt(~band, sampling=(cell_lat_km, cell_lon_km))
        result[start:stop] = distance[start - lo : stop - lo] <= margin_km
    return result


def trace_rings(grid: Grid, mask: npt.NDArray[np.bool_]) -> list[Ring]:
    """The boundary of the mask as closed rings of cell corners (lon, lat).

    Every ring keeps the inside on its left, so outer rings run counter-clockwise and
    holes clockwise (RFC 7946). Only the corners are kept.
    """
    padded = np.pad(mask, 1)
    width = int(padded.shape[1]) + 1  # corners per raster row
    rows, cols = np.nonzero(padded)
    # Each inside cell contributes the sides it shares with an outside cell, walked with
    # the cell on the left: bottom eastwards, right northwards, top westwards, left south.
    sides = (
        (~padded[rows - 1, cols], rows, cols, 0),
        (~padded[rows, cols + 1], rows, cols + 1, 1),
        (~padded[rows + 1, cols], rows + 1, cols + 1, 2),
        (~padded[rows, cols - 1], rows + 1, cols, 3),
    )
    leaving: dict[int, list[int]] = {}
    for is_open, corner_row, corner_col, direction in sides:
        corners = corner_row[is_open] * width + corner_col[is_open]
        for corner in corners.tolist():
            leaving.setdefault(corner, []).append(direction)
    step = [dr * width + dc for dr, dc in _STEPS]

    def next_edge(corner: int, direction: int) -> int:
        here = corner + step[direction]
        options = leaving[here]
        # Two ways on means a saddle (diagonal inside cells); always turning left keeps
        # the two cells in separate rings that touch there instead of crossing.
        turn = options[0] if len(options) == 1 else (direction + 1) % 4
        return here * 4 + turn

    all_edges = sorted(corner * 4 + d for corner, ds in leaving.items() for d in ds)
    unvisited = set(all_edges)
    rings: list[Ring] = []
    # Start rings in a fixed order so that rebuilding gives a byte-identical file.
    for first in all_edges:
        if first not in unvisited:
            continue
        unvisited.remove(first)
        edge, previous = first, -1
        kept: list[int] = []
        while True:
            corner, direction = divmod(edge, 4)
            if direction != previous:
                kept.append(corner)
            previous = direction
            edge = next_edge(corner, direction)
            if edge == first:
                break
            unvisited.remove(edge)
        if previous == first % 4:
            kept.pop(0)  # the start lies mid-way along a straight run
        rings.append(
            [
                (grid.lon0 + (k % width - 1) * grid.cell, grid.lat0 + (k // width - 1) * grid.cell)
                for k in kept
            ]
        )
    return rings


def douglas_peucker(points: Sequence[Position], tolerance: float) -> list[Position]:
    """Ramer-Douglas-Peucker simplification (planar, in degrees); keeps both end points."""
    if len(points) < 3:
        return list(points)
    xy = np.asarray(points, dtype=np.float64)
    keep = np.zeros(len(xy), dtype=bool)
    keep[0] = keep[-1] = True
    stack = [(0, len(xy) - 1)]
    while stack:
        first, last = stack.pop()
        if last - first < 2:
            continue
        a, b = xy[first], xy[last]
        inner = xy[first + 1 : last]
        ab = b - a
        length_sq = float(ab @ ab)
        if length_sq == 0.0:
            distance = np.hypot(*(inner - a).T)
        else:
            t = np.clip((inner - a) @ ab / length_sq, 0.0, 1.0)
            distance = np.hypot(*(inner - (a + t[:, None] * ab)).T)
        worst = int(np.argmax(distance))
        if distance[worst] > tolerance:
            split = first + 1 + worst
            keep[split] = True
            stack.append((first, split))
            stack.append((split, last))
    return [points[i] for i in np.flatnonzero(keep).tolist()]


def signed_area(ring: Sequence[Position]) -> float:
    """Shoelace area in square degrees; positive for counter-clockwise rings."""
    xy = np.asarray(ring, dtype=np.float64)
    x, y = xy[:, 0], xy[:, 1]
    return 0.5 * float(np.dot(x, np.roll(y, -1)) - np.dot(np.roll(x, -1), y))


def _ring_contains(ring: Sequence[Position], point: Position) -> bool:
    xy = np.asarray(ring, dtype=np.float64)
    x0, y0 = xy[:, 0], xy[:, 1]
    x1, y1 = np.roll(x0, -1), np.roll(y0, -1)
    px, py = point
    straddles = (y0 > py) != (y1 > py)
    x = x0[straddles] + (py - y0[straddles]) * (x1 - x0)[straddles] / (y1 - y0)[straddles]
    return int(np.count_nonzero(px < x)) % 2 == 1


def build_polygons(rings: Sequence[Ring], tolerance: float) -> list[PolygonCoords]:
    """Simplify and round the traced rings and group each hole with its outer ring."""
    outers: list[tuple[float, Ring]] = []
    holes: list[Ring] = []
    for ring in rings:
        simple = douglas_peucker([*ring, ring[0]], tolerance)
        rounded: Ring = []
        for lon, lat in simple:
            point = (round(lon, GEOJSON_DECIMALS), round(lat, GEOJSON_DECIMALS))
            if not rounded or rounded[-1] != point:
                rounded.append(point)
        if len(rounded) < 4:
            continue
        area = signed_area(rounded[:-1])
        if abs(area) < MIN_RING_AREA_DEG2:
            continue
        (outers.append((area, rounded)) if area > 0 else holes.append(rounded))
    outers.sort(key=lambda item: item[0])  # smallest first: the innermost container wins
    polygons: dict[int, PolygonCoords] = {i: [ring] for i, (_, ring) in enumerate(outers)}
    for hole in holes:
        probe = hole[0]
        owner = next(
            (i for i, (_, outer) in enumerate(outers) if _ring_contains(outer[:-1], probe)), None
        )
        if owner is None:
            raise SystemExit(f"hole near {probe} lies in no outer ring")
        polygons[owner].append(hole)
    # Largest (the mainland) first, for readers who just take the first polygon.
    return [polygons[i] for i in reversed(range(len(outers)))]


def build_outline(
    topology: dict[str, Any], margin_km: float, tolerance: float, cell: float
) -> list[PolygonCoords]:
    """China (mainland + Hainan) widened by ``margin_km``, minus HK, Macau and Taiwan."""
    from scipy.ndimage import binary_fill_holes

    china = [
        polygon
        for polygon in topo_feature_polygons(topology, CHINA_TOPO_ID)
        if max(lat for _, lat in polygon[0]) >= SOUTHERNMOST_SERVED_LAT
    ]
    grid = Grid.around(china, cell, pad_deg=2 * margin_km / KM_PER_DEG_LAT + 4 * cell)
    mask = widen(grid, rasterize(grid, china), margin_km)
    # Water enclosed by the widened coast (Jiaozhou Bay, estuaries) is crossed by bridges
    # and tunnels, and belongs to no one else: fill it before cutting out the neighbours.
    mask = np.asarray(binary_fill_holes(mask), dtype=bool)
    for feature_id in EXCLUDED_TOPO_IDS:
        mask &= ~rasterize(grid, topo_feature_polygons(topology, feature_id))
    return build_polygons(trace_rings(grid, mask), tolerance)


def china_geojson(polygons: Sequence[PolygonCoords], margin_km: float) -> dict[str, Any]:
    """The FeatureCollection written to ``china.geojson``."""
    return {
        "type": "FeatureCollection",
        "features": [
            {
                "type": "Feature",
                "properties": {
                    "name_en": "China",
                    "name_zh": "中国",
                    "source": "Natural Earth via world-atlas 2.0.2, public domain",
                    "note": (
                        f"Natural Earth 1:10m China (mainland and Hainan) widened by "
                        f"{margin_km:g} km for coasts and border rivers, minus Hong Kong, "
                        "Macau and Taiwan; "
                        "generated by tools/build_seed_data.py"
                    ),
                },
                "geometry": {
                    "type": "MultiPolygon",
                    "coordinates": [
                        [[list(p) for p in ring] for ring in poly] for poly in polygons
                    ],
                },
            }
        ],
    }


# --- Main ---------------------------------------------------------------------------------


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    """Command-line options."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument(
        "--adcodes", type=Path, help="cpca adcodes.csv (default: the installed cpca's)"
    )
    parser.add_argument(
        "--world-atlas",
        type=Path,
        help=f"{WORLD_ATLAS_SPEC} tarball or its countries-10m.json (default: npm pack)",
    )
    parser.add_argument(
        "--margin-km",
        type=float,
        default=DEFAULT_MARGIN_KM,
        help="widen the outline by this much (default: %(default)s)",
    )
    parser.add_argument(
        "--tolerance",
        type=float,
        default=DEFAULT_TOLERANCE_DEG,
        help="Douglas-Peucker tolerance in degrees (default: %(default)s)",
    )
    parser.add_argument(
        "--cell",
        type=float,
        default=DEFAULT_CELL_DEG,
        help="raster cell size in degrees for the margin (default: %(default)s)",
    )
    parser.add_argument(
        "--resources", type=Path, default=REPO_ROOT / "resources", help="output folder"
    )
    parser.add_argument("--list", action="store_true", help="print the city table for review")
    return parser.parse_args(argv)


# Points that must stay outside the service area whatever the margin.
MUST_BE_OUTSIDE: dict[str, tuple[float, float]] = {
    "Hong Kong, Central": (22.281, 114.158),
    "Hong Kong, Sha Tin": (22.383, 114.188),
    "Macau, peninsula": (22.197, 113.543),
    "Kinmen": (24.449, 118.377),
    "Taipei": (25.033, 121.565),
    "East China Sea": (30.0, 125.0),
}


def main(argv: Sequence[str] | None = None) -> int:
    """Build both files; returns the process exit status."""
    args = parse_args(argv)
    if str(REPO_ROOT) not in sys.path:
        sys.path.insert(0, str(REPO_ROOT))
    from console.core.geo import ServiceArea

    adcodes = args.adcodes or locate_cpca_adcodes()
    cities = build_cities(adcodes)

    topology = load_world_atlas(args.world_atlas)
    polygons = build_outline(topology, args.margin_km, args.tolerance, args.cell)
    outline = china_geojson(polygons, args.margin_km)
    outline_text = json.dumps(outline, ensure_ascii=False, separators=(",", ":")) + "\n"

    area = ServiceArea.from_geojson(outline)
    outside = [c for c in cities if not area.contains(c.lat, c.lon)]
    if outside:
        names = ", ".join(f"{c.full_name_zh} ({c.lat}, {c.lon})" for c in outside)
        raise SystemExit(
            f"{len(outside)} cities fall outside the outline: {names}; "
            "lower --tolerance or raise --margin-km"
        )
    inside = [name for name, point in MUST_BE_OUTSIDE.items() if area.contains(*point)]
    if inside:
        raise SystemExit(f"the outline wrongly covers {inside}; lower --margin-km")
    size = len(outline_text.encode("utf-8"))
    if size > MAX_GEOJSON_BYTES:
        raise SystemExit(f"outline is {size} bytes (> {MAX_GEOJSON_BYTES}); raise --tolerance")

    seed_path = args.resources / "seed" / "cities.json"
    geo_path = args.resources / "geo" / "china.geojson"
    seed_path.parent.mkdir(parents=True, exist_ok=True)
    geo_path.parent.mkdir(parents=True, exist_ok=True)

    cpca_version = importlib.metadata.version("cpca")
    seed = {
        "source": (
            f"cpca {cpca_version} resources/adcodes.csv (prefecture-level rows), "
            "converted GCJ-02 -> WGS-84; English names from pypinyin with hand corrections; "
            "generated by tools/build_seed_data.py"
        ),
        "cities": [c.to_json() for c in cities],
    }
    seed_path.write_text(json.dumps(seed, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    geo_path.write_text(outline_text, encoding="utf-8")

    vertex_count = sum(len(r) for p in polygons for r in p)
    hole_count = sum(len(p) - 1 for p in polygons)
    print(
        f"{seed_path}: {len(cities)} cities in {len({c.province_code for c in cities})} provinces",
        file=sys.stderr,
    )
    print(
        f"{geo_path}: {len(polygons)} polygons, {hole_count} holes, {vertex_count} vertices, "
        f"{size / 1024:.1f} KiB",
        file=sys.stderr,
    )
    if args.list:
        for c in cities:
            print(f"{c.adcode}  {c.tier}  {c.full_name_zh:<12}\t{c.name_zh:<6}\t{c.name_en}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
