"""Settings: defaults, file, environment and arguments, with clear errors."""

from __future__ import annotations

from pathlib import Path

import pytest

from console.config import Settings, load_settings
from console.core.errors import ConfigError
from console.core.vocab import Priority, RoadType


def test_defaults_put_an_sqlite_file_in_the_user_data_folder(tmp_path: Path) -> None:
    settings = load_settings()
    assert settings.db_url.startswith("sqlite:///") and settings.db_url.endswith("console.db")
    assert settings.sla.assign_minutes == 2
    assert settings.sla.triage_minutes == 5
    assert settings.sla.arrival_minutes[Priority.P1][RoadType.URBAN] == 30


def test_file_environment_and_arguments_in_that_order(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    config = tmp_path / "c.toml"
    config.write_text(
        'language = "zh"\n[database]\nurl = "sqlite:///from-file.db"\n'
        "[sla]\nassign_minutes = 3\ntriage_minutes = 4\n[sla.arrival_minutes.P1]\nURBAN = 25\n",
        encoding="utf-8",
    )
    settings = load_settings(config_file=config)
    assert (settings.db_url, settings.language, settings.sla.assign_minutes) == (
        "sqlite:///from-file.db",
        "zh",
        3,
    )
    assert settings.sla.arrival_minutes[Priority.P1][RoadType.URBAN] == 25
    assert settings.sla.arrival_minutes[Priority.P1][RoadType.RURAL] == 60
    assert settings.sla.triage_minutes == 4
    monkeypatch.setenv("ROADSIDE_DB_URL", "sqlite:///from-env.db")
    assert load_settings(config_file=config).db_url == "sqlite:///from-env.db"
    assert (
        load_settings(config_file=config, db_url="sqlite:///arg.db", language="en").language == "en"
    )


@pytest.mark.parametrize(
    ("content", "fragment"),
    [
        ("language = ", "Invalid value"),
        ('language = "fr"', "language must be one of"),
        ("colour = 1", "unknown setting 'colour'"),
        ("[sla]\nassign_minutes = -1", "assign_minutes must be a positive"),
        ("[sla]\ntriage_minutes = 0", "triage_minutes must be a positive"),
        ("[sla.arrival_minutes.P9]\nURBAN = 1", "unknown priority 'P9'"),
        ("[sla.arrival_minutes.P1]\nMOON = 1", "unknown road type 'MOON'"),
        ('timezone = "Mars/Olympus"', "unknown timezone"),
        ("poll_seconds = 0", "poll_seconds must be between"),
    ],
)
def test_bad_files_name_the_file_and_the_problem(
    tmp_path: Path, content: str, fragment: str
) -> None:
    config = tmp_path / "bad.toml"
    config.write_text(content, encoding="utf-8")
    with pytest.raises(ConfigError) as caught:
        load_settings(config_file=config)
    assert str(config) in caught.value.english()
    assert fragment in caught.value.english()


def test_a_missing_named_file_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="file not found"):
        load_settings(config_file=tmp_path / "nope.toml")


def test_dispatch_settings_pick_rules_eta_and_osrm(tmp_path: Path) -> None:
    rules = tmp_path / "rules.json"
    rules.write_text(
        (Path(__file__).parents[2] / "resources/dispatch/capabilities.json").read_text("utf-8"),
        "utf-8",
    )
    config = tmp_path / "c.toml"
    config.write_text(
        '[dispatch]\nosrm_url = "http://osrm.local:5000"\ncapability_rules = "rules.json"\n'
        "[eta]\nturnout_minutes = 4\n[eta.regions.44.URBAN]\nspeed_kmh = 18\n",
        encoding="utf-8",
    )
    settings = load_settings(config_file=config)
    assert settings.capability_rules == rules
    assert settings.eta.for_region("4403").profiles[RoadType.URBAN].speed_kmh == 18
    assert settings.eta.default.turnout_minutes == 4
    assert type(settings.routing()).__name__ == "OsrmTableRouting"
    assert settings.rules().rules


@pytest.mark.parametrize(
    ("content", "fragment"),
    [
        ('[dispatch]\nosrm_url = "ftp://x"', "http(s) URL"),
        ('[dispatch]\ncapability_rules = "missing.json"', "missing.json"),
        ("[dispatch]\nspeed = 1", "unknown setting dispatch.speed"),
        ("[eta.URBAN]\ncircuity = 9", "URBAN.circuity"),
    ],
)
def test_bad_dispatch_settings_are_reported_at_start(
    tmp_path: Path, content: str, fragment: str
) -> None:
    config = tmp_path / "c.toml"
    config.write_text(content, encoding="utf-8")
    with pytest.raises(ConfigError, match=fragment.replace("(", r"\(").replace(")", r"\)")):
        load_settings(config_file=config)


# -- [map]: the live map's tiles ------------------------------------------------------


def _map_settings(tmp_path: Path, text: str) -> Settings:
    path = tmp_path / "config.toml"
    path.write_text(text, encoding="utf-8")
    return load_settings(config_file=path)


def test_map_tiles_default_to_openstreetmap(tmp_path: Path) -> None:
    tiles = _map_settings(tmp_path, "").map
    assert tiles.provider == "osm"
    assert tiles.hosts() == {"tile.openstreetmap.org"}
    assert not tiles.gcj02


def test_amap_tiles_are_drawn_in_gcj02(tmp_path: Path) -> None:
    tiles = _map_settings(tmp_path, '[map]\nprovider = "amap"\n').map
    assert tiles.gcj02
    assert tiles.hosts() == {f"webrd0{n}.is.autonavi.com" for n in "1234"}


def test_no_tiles_means_no_host_at_all(tmp_path: Path) -> None:
    tiles = _map_settings(tmp_path, '[map]\nprovider = "none"\n').map
    assert not tiles.has_tiles
    assert tiles.hosts() == frozenset()


def test_a_custom_tile_server(tmp_path: Path) -> None:
    tiles = _map_settings(
        tmp_path,
        '[map]\nprovider = "custom"\nurl = "https://gis.example.cn/t/{z}/{x}/{y}.png"\n'
        'attribution = "Intranet GIS"\ndatum = "gcj02"\n',
    ).map
    assert (tiles.url, tiles.attribution, tiles.gcj02) == (
        "https://gis.example.cn/t/{z}/{x}/{y}.png",
        "Intranet GIS",
        True,
    )
    assert tiles.hosts() == {"gis.example.cn"}


@pytest.mark.parametrize(
    ("text", "detail"),
    [
        ('[map]\nprovider = "google"\n', "map.provider must be one of osm, amap, custom, none"),
        ('[map]\nprovider = "custom"\n', "map.url must be an http(s) URL with {z}, {x} and {y}"),
        (
            '[map]\nprovider = "custom"\nurl = "ftp://x.cn/{z}/{x}/{y}"\n',
            "map.url must be an http(s) URL with {z}, {x} and {y}",
        ),
        (
            '[map]\nprovider = "custom"\nurl = "https://x.cn/tiles.png"\n',
            "map.url must be an http(s) URL with {z}, {x} and {y}",
        ),
        ('[map]\nprovider = "osm"\nurl = "https://x.cn/{z}/{x}/{y}"\n', "map.url is only for"),
        ("[map]\nzoom = 3\n", "unknown setting map.zoom"),
        ('map = "osm"\n', "[map] must be a table"),
        (
            '[map]\nprovider = "custom"\nurl = "https://x.cn/{z}/{x}/{y}"\ndatum = "bd09"\n',
            "map.datum must be wgs84 or gcj02",
        ),
    ],
)
def test_a_bad_map_setting_is_named(tmp_path: Path, text: str, detail: str) -> None:
    with pytest.raises(ConfigError) as caught:
        _map_settings(tmp_path, text)
    assert detail in caught.value.english()
