"""The ``[field]`` settings: feed thresholds and what crew phones are told."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest

from console.config import load_settings
from console.core.errors import ConfigError


def write(tmp_path: Path, text: str) -> Path:
    config = tmp_path / "c.toml"
    config.write_text(text, encoding="utf-8")
    return config


def test_defaults_live_two_minutes_silent_after_five(tmp_path: Path) -> None:
    settings = load_settings(config_file=write(tmp_path, ""))
    assert settings.feed.live_within == timedelta(minutes=2)
    assert settings.feed.silent_after == timedelta(minutes=5)
    assert settings.phone.server_url.startswith("http://")
    assert settings.phone.server_url.endswith(":5055")
    assert settings.retention_days == 30
    assert settings.writer_lanes == 2


def test_the_field_table_sets_thresholds_and_the_phones_server(tmp_path: Path) -> None:
    settings = load_settings(
        config_file=write(
            tmp_path,
            '[field]\nlive_seconds = 90\nsilent_minutes = 8\nserver_url = "https://gw.example.cn"\n'
            "interval_seconds = 15\nheartbeat_seconds = 120\nretention_days = 7\nwriter_lanes = 3\n",
        )
    )
    assert settings.feed.live_within == timedelta(seconds=90)
    assert settings.feed.silent_after == timedelta(minutes=8)
    assert settings.phone.server_url == "https://gw.example.cn"
    assert (settings.phone.interval_seconds, settings.phone.heartbeat_seconds) == (15, 120)
    assert settings.retention_days == 7
    assert settings.writer_lanes == 3


@pytest.mark.parametrize(
    ("text", "detail"),
    [
        ("[field]\nsilent_minutes = 0\n", "silent_minutes"),
        ("[field]\nlive_seconds = 600\nsilent_minutes = 5\n", "silent_after"),
        ('[field]\nserver_url = "gw.example.cn:5055"\n', "server_url"),
        ("[field]\nserver_url = 5055\n", "server_url"),
        ("[field]\nsilent = 5\n", "field.silent"),
        ("[field]\nretention_days = 0\n", "field.retention_days"),
        ('[field]\nretention_days = "30"\n', "field.retention_days"),
        ("[field]\nretention_days = 99999\n", "field.retention_days"),
        ("[field]\nwriter_lanes = 0\n", "field.writer_lanes"),
        ("[field]\nwriter_lanes = 9\n", "field.writer_lanes"),
        ('[field]\nwriter_lanes = "2"\n', "field.writer_lanes"),
        ('field = "on"\n', "[field] must be a table"),
    ],
)
def test_a_bad_field_setting_is_named(tmp_path: Path, text: str, detail: str) -> None:
    with pytest.raises(ConfigError) as caught:
        load_settings(config_file=write(tmp_path, text))
    assert detail in caught.value.english()
