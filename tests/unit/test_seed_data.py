"""The generated seed files: resources/seed/cities.json and resources/geo/china.geojson.

They are built by tools/build_seed_data.py; these tests guard what the application
relies on, so a rebuild that goes wrong is caught.
"""

from __future__ import annotations

import json
import unicodedata
from typing import Any

import pytest

from console.core.geo import ServiceArea, haversine_km, wgs84_to_gcj02
from console.paths import resource_path

MAINLAND_PROVINCES = {
    "11", "12", "13", "14", "15", "21", "22", "23", "31", "32", "33", "34", "35", "36", "37",
    "41", "42", "43", "44", "45", "46", "50", "51", "52", "53", "54", "61", "62", "63", "64",
    "65",
}  # fmt: skip

TIER1 = {"110100", "120100", "310100", "500100", "440100", "440300"}


@pytest.fixture(scope="module")
def seed() -> dict[str, Any]:
    with resource_path("seed", "cities.json").open(encoding="utf-8") as fh:
        data: dict[str, Any] = json.load(fh)
    return data


@pytest.fixture(scope="module")
def cities(seed: dict[str, Any]) -> list[dict[str, Any]]:
    result: list[dict[str, Any]] = seed["cities"]
    return result


@pytest.fixture(scope="module")
def by_adcode(cities: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    return {c["adcode"]: c for c in cities}


def is_latin_name(text: str) -> bool:
    """Letters of the Latin script (incl. ü, ê) plus space, apostrophe and hyphen."""
    return all(
        ch in " '-" or (ch.isalpha() and unicodedata.name(ch, "").startswith("LATIN"))
        for ch in text
    )


def test_top_level_shape(seed: dict[str, Any]) -> None:
    assert set(seed) == {"source", "cities"}
    assert "GCJ-02 -> WGS-84" in seed["source"]


def test_city_count(cities: list[dict[str, Any]]) -> None:
    assert 300 <= len(cities) <= 345


def test_record_fields(cities: list[dict[str, Any]]) -> None:
    expected = {
        "adcode", "name_zh", "name_en", "full_name_zh", "province_code", "province_zh",
        "province_en", "lat", "lon", "tier",
    }  # fmt: skip
    for city in cities:
        assert set(city) == expected, city
        assert isinstance(city["lat"], float) and isinstance(city["lon"], float)
        assert city["tier"] in (1, 2, 3)
        assert len(city["adcode"]) == 6 and city["adcode"].isdigit()
        assert city["adcode"].endswith("00") and not city["adcode"].endswith("0000")
        assert city["adcode"][:2] == city["province_code"]


def test_all_mainland_provinces_and_nothing_else(cities: list[dict[str, Any]]) -> None:
    assert {c["province_code"] for c in cities} == MAINLAND_PROVINCES


def test_adcodes_unique_and_sorted(cities: list[dict[str, Any]]) -> None:
    adcodes = [c["adcode"] for c in cities]
    assert len(set(adcodes)) == len(adcodes)
    assert adcodes == sorted(adcodes)


def test_chinese_short_names_unique(cities: list[dict[str, Any]]) -> None:
    names = [c["name_zh"] for c in cities]
    assert len(set(names)) == len(names)


def test_names_present_and_english_is_latin(cities: list[dict[str, Any]]) -> None:
    for city in cities:
        for key in ("name_zh", "name_en", "full_name_zh", "province_zh", "province_en"):
            assert city[key].strip(), (key, city)
        assert is_latin_name(city["name_en"]), city["name_en"]
        assert is_latin_name(city["province_en"]), city["province_en"]
        assert city["name_en"][0].isupper()
        assert city["full_name_zh"].startswith(city["name_zh"].removesuffix("州"))


def test_one_province_name_per_code(cities: list[dict[str, Any]]) -> None:
    names: dict[str, set[tuple[str, str]]] = {}
    for city in cities:
        names.setdefault(city["province_code"], set()).add(
            (city["province_zh"], city["province_en"])
        )
    assert all(len(v) == 1 for v in names.values())


def test_coordinates_have_six_decimals(cities: list[dict[str, Any]]) -> None:
    for city in cities:
        assert round(city["lat"], 6) == city["lat"]
        assert round(city["lon"], 6) == city["lon"]


def test_all_cities_inside_service_area(cities: list[dict[str, Any]]) -> None:
    area = ServiceArea.default()
    outside = [c["full_name_zh"] for c in cities if not area.contains(c["lat"], c["lon"])]
    assert outside == []


def test_coordinates_are_wgs84(by_adcode: dict[str, dict[str, Any]]) -> None:
    # cpca lists Beijing at GCJ-02 (39.904211, 116.407394); the seed must hold the
    # WGS-84 point that maps onto it, not the GCJ-02 one itself.
    beijing = by_adcode["110100"]
    gcj = wgs84_to_gcj02(beijing["lat"], beijing["lon"])
    assert gcj[0] == pytest.approx(39.904211, abs=2e-6)
    assert gcj[1] == pytest.approx(116.407394, abs=2e-6)
    assert haversine_km(beijing["lat"], beijing["lon"], 39.904211, 116.407394) > 0.3


def test_tiers(cities: list[dict[str, Any]], by_adcode: dict[str, dict[str, Any]]) -> None:
    assert {c["adcode"] for c in cities if c["tier"] == 1} == TIER1
    capitals = {c["adcode"] for c in cities if c["adcode"][2:] == "0100"}
    assert len(capitals) == 31
    assert all(by_adcode[a]["tier"] in (1, 2) for a in capitals)
    for adcode in ("210200", "370200", "330200", "350200", "320500", "320200", "441900"):
        assert by_adcode[adcode]["tier"] == 2
    assert by_adcode["341500"]["tier"] == 3  # Lu'an
    tier3 = sum(c["tier"] == 3 for c in cities)
    assert tier3 > len(cities) * 0.8


@pytest.mark.parametrize(
    ("adcode", "name_zh", "name_en"),
    [
        ("110100", "北京", "Beijing"),
        ("500100", "重庆", "Chongqing"),
        ("150100", "呼和浩特", "Hohhot"),
        ("650100", "乌鲁木齐", "Ürümqi"),
        ("540100", "拉萨", "Lhasa"),
        ("540200", "日喀则", "Shigatse"),
        ("653100", "喀什", "Kashgar"),
        ("350200", "厦门", "Xiamen"),
        ("230100", "哈尔滨", "Harbin"),
        ("340300", "蚌埠", "Bengbu"),
        ("341500", "六安", "Lu'an"),
        ("430100", "长沙", "Changsha"),
        ("140400", "长治", "Changzhi"),
        ("211300", "朝阳", "Chaoyang"),
        ("411100", "漯河", "Luohe"),
        ("341600", "亳州", "Bozhou"),
        ("331100", "丽水", "Lishui"),
        ("460400", "儋州", "Danzhou"),
        ("610100", "西安", "Xi'an"),
        ("532800", "西双版纳", "Xishuangbanna"),
        ("632500", "海南州", "Hainan Prefecture"),
    ],
)
def test_spellings(
    by_adcode: dict[str, dict[str, Any]], adcode: str, name_zh: str, name_en: str
) -> None:
    city = by_adcode[adcode]
    assert (city["name_zh"], city["name_en"]) == (name_zh, name_en)


@pytest.mark.parametrize(
    ("code", "province_zh", "province_en"),
    [
        ("14", "山西", "Shanxi"),
        ("61", "陕西", "Shaanxi"),
        ("15", "内蒙古", "Inner Mongolia"),
        ("54", "西藏", "Tibet"),
        ("45", "广西", "Guangxi"),
        ("64", "宁夏", "Ningxia"),
        ("65", "新疆", "Xinjiang"),
    ],
)
def test_province_names(
    cities: list[dict[str, Any]], code: str, province_zh: str, province_en: str
) -> None:
    city = next(c for c in cities if c["province_code"] == code)
    assert (city["province_zh"], city["province_en"]) == (province_zh, province_en)


def test_municipalities_are_single_cities(cities: list[dict[str, Any]]) -> None:
    for code in ("11", "12", "31", "50"):
        assert [c["adcode"] for c in cities if c["province_code"] == code] == [code + "0100"]


def test_excluded_and_updated_cities(by_adcode: dict[str, dict[str, Any]]) -> None:
    assert "460300" not in by_adcode  # 三沙: islands, no road service
    assert "371200" not in by_adcode  # 莱芜: merged into Jinan in 2019
    assert by_adcode["540600"]["full_name_zh"] == "那曲市"
    assert not any(c["full_name_zh"] in {"市辖区", "县"} for c in by_adcode.values())


# --- china.geojson ------------------------------------------------------------------------


@pytest.fixture(scope="module")
def outline() -> dict[str, Any]:
    with resource_path("geo", "china.geojson").open(encoding="utf-8") as fh:
        data: dict[str, Any] = json.load(fh)
    return data


def test_outline_file_is_small() -> None:
    assert resource_path("geo", "china.geojson").stat().st_size < 150_000


def test_outline_structure(outline: dict[str, Any]) -> None:
    assert outline["type"] == "FeatureCollection"
    (feature,) = outline["features"]
    assert feature["properties"]["name_en"] == "China"
    assert feature["properties"]["name_zh"] == "中国"
    assert "Natural Earth" in feature["properties"]["source"]
    geometry = feature["geometry"]
    assert geometry["type"] == "MultiPolygon"
    for polygon in geometry["coordinates"]:
        for ring in polygon:
            assert len(ring) >= 4
            assert ring[0] == ring[-1]
            for lon, lat in ring:
                assert 70 < lon < 140 and 15 < lat < 56
