"""Quality targets come from the [quality] table of the settings file."""

from __future__ import annotations

from pathlib import Path

import pytest

from console.config import load_settings
from console.core.errors import ConfigError
from console.core.quality import QualityTargets


def settings_with(tmp_path: Path, text: str) -> QualityTargets:
    path = tmp_path / "config.toml"
    path.write_text(text, encoding="utf-8")
    return load_settings(config_file=path).quality


def test_defaults_are_the_centres_promises(tmp_path: Path) -> None:
    targets = settings_with(tmp_path, "")
    assert (targets.satisfaction_share, targets.complaints_on_time_share) == (0.9, 1.0)
    assert (targets.p1_arrival_on_time_share, targets.assign_within_target_share) == (0.95, 0.9)


def test_targets_are_read_as_percent_or_share(tmp_path: Path) -> None:
    targets = settings_with(
        tmp_path, "[quality]\nsatisfaction_share = 85\np1_arrival_on_time_share = 0.98\n"
    )
    assert targets.satisfaction_share == pytest.approx(0.85)
    assert targets.p1_arrival_on_time_share == pytest.approx(0.98)


@pytest.mark.parametrize(
    ("text", "detail"),
    [
        ("[quality]\nsatisfaction = 90\n", "unknown setting quality.satisfaction"),
        ('[quality]\nsatisfaction_share = "high"\n', "quality.satisfaction_share must be a number"),
        ("[quality]\nsatisfaction_share = 150\n", "quality.satisfaction_share must be 0-100 %"),
        ("quality = 3\n", "[quality] must be a table"),
    ],
)
def test_bad_targets_are_one_clear_error(tmp_path: Path, text: str, detail: str) -> None:
    with pytest.raises(ConfigError) as caught:
        settings_with(tmp_path, text)
    assert detail in caught.value.english()
