"""Scenario files: the bundled ones load; a mistake names the file and the field."""

from __future__ import annotations

from pathlib import Path

import pytest

from console.core.errors import ConfigError
from console.sim.scenario import WhatIf, load_scenario, scenario_names


def test_the_bundled_scenarios_cover_a_city_a_province_and_a_national_peak_day() -> None:
    assert {"shanghai-day", "zhejiang-day", "national-peak"} <= set(scenario_names())
    national = load_scenario("national-peak")
    assert 25_000 <= national.expected_calls <= 27_000
    assert load_scenario("shanghai-day").regions[0].code == "31"
    assert load_scenario("zhejiang-day").regions[0].code == "33"


def test_default_service_mix_follows_the_published_motor_club_shares() -> None:
    mix = load_scenario("zhejiang-day").service_mix
    total = sum(mix.values())
    assert mix["TOW"] / total == pytest.approx(0.40)
    assert mix["LOCKOUT"] / total == pytest.approx(0.16)
    assert mix["TYRE_CHANGE"] / total == pytest.approx(0.10)


@pytest.mark.parametrize(
    ("text", "field"),
    [
        ("name: x\nregions: []\n", "regions"),
        ("name: x\nregions: [{code: '31', calls: -5}]\n", "regions[0].calls"),
        ("name: x\nregions: [{code: '31', calls: 5, profile: [1, 2]}]\n", "regions[0].profile"),
        ("name: x\nregions: [{code: 'SH', calls: 5}]\n", "regions[0].code"),
        ("name: x\nregions: [{code: '31', calls: 5}]\nev_share: 1.5\n", "ev_share"),
        (
            "name: x\nregions: [{code: '31', calls: 5}]\nservice_mix: {TELEPORT: 3}\n",
            "service_mix.TELEPORT",
        ),
        (
            "name: x\nregions: [{code: '31', calls: 5}]\non_scene: {TOW: {median: 5}}\n",
            "on_scene.TOW",
        ),
        ("name: x\nregions: [{code: '31', calls: 5}]\nwhat: 1\n", "what"),
        ("name: x\nregions: [{code: '31', calls: 5}]\nborder_minutes: -1\n", "border_minutes"),
        ("name: x\nregions: [{code: '31', calls: 5}\n", "line"),
    ],
)
def test_a_bad_scenario_file_is_one_clear_error_naming_file_and_field(
    tmp_path: Path, text: str, field: str
) -> None:
    path = tmp_path / "bad.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ConfigError) as caught:
        load_scenario(str(path))
    message = caught.value.english()
    assert str(path) in message
    assert field in message
    assert "\n" not in message


def test_the_border_cost_is_a_scenario_key_with_a_few_minutes_by_default(tmp_path: Path) -> None:
    assert load_scenario("national-day").border_minutes == 5.0
    path = tmp_path / "slow-border.yaml"
    path.write_text("name: x\nregions: [{code: '31', calls: 5}]\nborder_minutes: 20\n")
    assert load_scenario(str(path)).border_minutes == 20.0


def test_an_unknown_scenario_name_lists_the_bundled_ones() -> None:
    with pytest.raises(ConfigError, match="shanghai-day"):
        load_scenario("atlantis-day")


def test_what_if_options_change_only_what_they_name() -> None:
    base = load_scenario("shanghai-day")
    changed = WhatIf(demand_scale=2.0, ev_share=0.5, remove_depots=("D310100-02",)).apply(base)
    assert changed.expected_calls == pytest.approx(2 * base.expected_calls)
    assert changed.ev_share == 0.5
    assert changed.remove_depots == ("D310100-02",)
    assert changed.regions == base.regions
    with pytest.raises(ConfigError, match="ev_share"):
        WhatIf(ev_share=0.95).apply(base)  # with the hybrids' share, more than every car
