"""The live demo's fixes pass the field rules, except the road-speed one its fast clock breaks."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from console.core.field.checks import Previous, judge
from console.core.field.fix import Fix, FixSource, Verdict
from console.core.geo import ServiceArea

NOW = datetime(2026, 11, 23, 2, 0, tzinfo=UTC)
BEFORE = Previous(NOW - timedelta(minutes=1), 30.25, 120.16)


def fix(source: FixSource, *, lat: float = 30.75, minutes: float = 0) -> Fix:
    return Fix(7, 1, NOW + timedelta(minutes=minutes), lat, 120.16, source)


def verdict(candidate: Fix) -> Verdict:
    return judge(candidate, BEFORE, now=NOW, area=ServiceArea.default())


def test_55_km_in_a_minute_is_a_jump_for_a_device_but_not_for_the_demo_twin() -> None:
    # The twin plays demo minutes in real seconds: its crews cover them that fast.
    assert verdict(fix(FixSource.OSMAND)) is Verdict.JUMP
    assert verdict(fix(FixSource.MQTT)) is Verdict.JUMP
    assert verdict(fix(FixSource.DEMO)) is Verdict.ACCEPTED


@pytest.mark.parametrize(
    ("changes", "expected"),
    [
        ({"lat": 0.0}, Verdict.OUTSIDE_AREA),
        ({"minutes": 10}, Verdict.FUTURE),
        ({"minutes": -2}, Verdict.STALE),
    ],
)
def test_the_demo_twins_fixes_are_held_to_every_other_rule(
    changes: dict[str, float], expected: Verdict
) -> None:
    assert verdict(fix(FixSource.DEMO, **changes)) is expected
