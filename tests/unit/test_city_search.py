"""City search ranks exact and prefix matches first, in Chinese, pinyin and English."""

from __future__ import annotations

import pytest

from console.core.city_search import CityName, normalise, rank_cities

CITIES = [
    CityName("常州", ("常州", "Changzhou"), ("江苏", "Jiangsu")),
    CityName("杭州", ("杭州", "Hangzhou"), ("浙江", "Zhejiang")),
    CityName("漳州", ("漳州", "Zhangzhou"), ("福建", "Fujian")),
    CityName("湖州", ("湖州", "Huzhou"), ("浙江", "Zhejiang")),
    CityName("香港", ("香港", "Hong Kong"), ("香港", "Hong Kong")),
    CityName("西安", ("西安", "Xi'an"), ("陕西", "Shaanxi")),
    CityName("杭锦旗", ("杭锦旗", "Hangjin Banner"), ("内蒙古", "Inner Mongolia")),
]


def keys(query: str) -> list[str]:
    return [city.key for city in rank_cities(query, CITIES)]


@pytest.mark.parametrize("query", ["Hangzhou", "hangzhou", "HANGZHOU", "hang zhou", "杭州"])
def test_the_exact_name_comes_first_in_any_script_or_case(query: str) -> None:
    assert keys(query)[0] == "杭州"


def test_hangzhou_is_not_beaten_by_names_that_only_contain_it() -> None:
    # C-hangzhou and Z-hangzhou both contain it: they come after, never before.
    assert keys("Hangzhou") == ["杭州", "常州", "漳州"]


def test_a_prefix_ranks_before_a_match_inside_a_name() -> None:
    assert keys("hang") == ["杭州", "杭锦旗", "常州", "漳州"]
    assert keys("杭") == ["杭州", "杭锦旗"]


def test_a_word_of_a_name_counts_before_a_match_inside_one() -> None:
    assert keys("kong") == ["香港"]
    assert keys("banner") == ["杭锦旗"]


def test_province_matches_come_after_city_matches() -> None:
    assert keys("zhe") == ["杭州", "湖州"]  # only their province starts with it
    assert keys("浙江") == ["杭州", "湖州"]


def test_punctuation_and_tone_marks_do_not_matter() -> None:
    assert normalise("Xī’ān") == "xian"
    assert keys("xian")[0] == "西安"


def test_no_query_keeps_the_given_order_and_nothing_matches_nothing() -> None:
    assert keys("") == [city.key for city in CITIES]
    assert keys("zzz") == []
    assert [c.key for c in rank_cities("zhou", CITIES, limit=2)] == ["湖州", "杭州"]
