"""Settings: defaults, file, environment and arguments, with clear errors."""

from __future__ import annotations

from pathlib import Path

import pytest

from console.config import load_settings
from console.core.errors import ConfigError
from console.core.vocab import Priority, RoadType


def test_defaults_put_an_sqlite_file_in_the_user_data_folder(tmp_path: Path) -> None:
    settings = load_settings()
    assert settings.db_url.startswith("sqlite:///") and settings.db_url.endswith("console.db")
    assert settings.sla.assign_minutes == 2
    assert settings.sla.arrival_minutes[Priority.P1][RoadType.URBAN] == 30


def test_file_environment_and_arguments_in_that_order(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    config = tmp_path / "c.toml"
    config.write_text(
        'language = "zh"\n[database]\nurl = "sqlite:///from-file.db"\n'
        "[sla]\nassign_minutes = 3\n[sla.arrival_minutes.P1]\nURBAN = 25\n",
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
