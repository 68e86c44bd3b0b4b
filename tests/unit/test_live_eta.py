"""The live ETA: the assignment model from the crew's newest fix, or "the feed is silent"."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import numpy as np

from console.core.eta import EtaModel
from console.core.field.live_eta import FEED_SILENT_AFTER, FeedSilent, LiveEta, live_eta
from console.core.geo import haversine_km
from console.core.vocab import RoadType

NOW = datetime(2026, 12, 3, 3, 0, tzinfo=UTC)
SCENE = (30.2741, 120.1551)
CREW = (30.3341, 120.1551)  # about 6.7 km north


def estimate(*, fix_age: timedelta | None, rolling: bool) -> LiveEta | FeedSilent:
    return live_eta(
        EtaModel(),
        crew_lat=CREW[0],
        crew_lon=CREW[1],
        fix_at=None if fix_age is None else NOW - fix_age,
        lat=SCENE[0],
        lon=SCENE[1],
        road=RoadType.URBAN,
        local_hour=11,
        rolling=rolling,
        now=NOW,
    )


def test_a_crew_en_route_gets_the_model_time_without_turn_out() -> None:
    found = estimate(fix_age=timedelta(seconds=20), rolling=True)
    assert isinstance(found, LiveEta)
    model = EtaModel()
    distance = haversine_km(*CREW, *SCENE)
    expected = float(model.minutes(np.array([distance]), RoadType.URBAN, 11)[0])
    assert found.minutes == int(np.ceil(expected - model.turnout_minutes))
    assert found.fix_age == timedelta(seconds=20)


def test_a_crew_only_assigned_still_has_its_turn_out_ahead() -> None:
    rolling = estimate(fix_age=timedelta(seconds=20), rolling=True)
    assigned = estimate(fix_age=timedelta(seconds=20), rolling=False)
    assert isinstance(rolling, LiveEta) and isinstance(assigned, LiveEta)
    assert assigned.minutes - rolling.minutes == 3


def test_a_fix_older_than_the_silence_limit_gives_no_eta() -> None:
    found = estimate(fix_age=FEED_SILENT_AFTER + timedelta(seconds=1), rolling=True)
    assert found == FeedSilent(NOW - FEED_SILENT_AFTER - timedelta(seconds=1),
                               FEED_SILENT_AFTER + timedelta(seconds=1))  # fmt: skip


def test_a_crew_that_never_reported_gives_no_eta() -> None:
    assert estimate(fix_age=None, rolling=True) == FeedSilent(None, None)
