"""The feed rule: one notion of "silent" for the crew board and the suggestions."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from console.core.dispatch import DispatchEngine, DispatchWeights
from console.core.field.feed import FeedRules, FeedState, feed_of
from console.core.field.setup import PhoneSetup
from console.core.vocab import CrewStatus
from tests.unit.test_dispatch import NOW as DISPATCH_NOW
from tests.unit.test_dispatch import crew, ev_tow

NOW = datetime(2026, 11, 23, 10, 0, tzinfo=UTC)
RULES = FeedRules(live_within=timedelta(minutes=2), silent_after=timedelta(minutes=5))
REGISTERED = NOW - timedelta(days=3)


def state(
    minutes_ago: float | None,
    *,
    devices: int = 1,
    status: CrewStatus = CrewStatus.AVAILABLE,
    since: datetime | None = REGISTERED,
) -> FeedState:
    gps_at = None if minutes_ago is None else NOW - timedelta(minutes=minutes_ago)
    return feed_of(
        devices=devices, devices_since=since, gps_at=gps_at, status=status, now=NOW, rules=RULES
    ).state


def test_a_crew_without_an_active_device_has_no_feed_whatever_its_position() -> None:
    assert state(0.5, devices=0) is FeedState.NO_DEVICE
    assert state(90, devices=0) is FeedState.NO_DEVICE
    assert state(None, devices=0) is FeedState.NO_DEVICE


def test_a_registered_device_that_never_sent_a_fix_has_never_reported() -> None:
    assert state(None) is FeedState.NEVER_REPORTED
    # A position from before the device was added came from elsewhere (by hand).
    assert state(60, since=NOW - timedelta(minutes=10)) is FeedState.NEVER_REPORTED


def test_recent_fixes_are_live_up_to_the_threshold() -> None:
    assert state(0) is FeedState.LIVE
    assert state(2) is FeedState.LIVE
    assert state(2.1) is FeedState.QUIET


def test_a_feed_quiet_past_the_silence_threshold_is_silent_while_on_duty_or_on_a_job() -> None:
    assert state(5) is FeedState.QUIET
    assert state(5.1) is FeedState.SILENT
    for busy in (CrewStatus.ASSIGNED, CrewStatus.EN_ROUTE, CrewStatus.ON_SCENE, CrewStatus.TOWING):
        assert state(12, status=busy) is FeedState.SILENT


def test_an_off_duty_crew_whose_phone_is_off_is_not_flagged() -> None:
    assert state(120, status=CrewStatus.OFF_DUTY) is FeedState.QUIET
    assert state(120, status=CrewStatus.OUT_OF_SERVICE) is FeedState.QUIET


def test_the_feed_tells_the_newest_fix_and_its_age() -> None:
    feed = feed_of(
        devices=2,
        devices_since=REGISTERED,
        gps_at=NOW - timedelta(minutes=12, seconds=30),
        status=CrewStatus.EN_ROUTE,
        now=NOW,
        rules=RULES,
    )
    assert feed.flagged
    assert feed.age_minutes == 12
    assert feed.last_fix_at == NOW - timedelta(minutes=12, seconds=30)


def test_thresholds_must_make_sense() -> None:
    with pytest.raises(ValueError):
        FeedRules(live_within=timedelta(0))
    with pytest.raises(ValueError):
        FeedRules(live_within=timedelta(minutes=5), silent_after=timedelta(minutes=2))


# -- the suggestions use the same rule -------------------------------------------------

registered = {"devices": 1, "devices_since": DISPATCH_NOW - timedelta(days=1)}
"""A crew with one phone registered yesterday."""


def suggest(*crews: object, rules: FeedRules = RULES) -> list[tuple[str, tuple[str, ...]]]:
    engine = DispatchEngine(
        list(crews),  # type: ignore[arg-type]
        now=DISPATCH_NOW,
        weights=DispatchWeights(feed=rules),
    )
    result = engine.suggest(ev_tow())
    return [
        (s.call_sign, tuple(f"{r.code}={r.value}" for r in s.reasons)) for s in result.suggestions
    ]


def test_a_crew_whose_feed_went_silent_is_ranked_below_a_slightly_farther_live_one() -> None:
    near_silent = crew(1, 1.0, gps_minutes_ago=12, **registered)
    farther_live = crew(2, 3.0, gps_minutes_ago=0.5, **registered)
    ranked = suggest(near_silent, farther_live)
    assert [call for call, _ in ranked] == ["HZ-02", "HZ-01"]
    assert "feed_silent=12" in ranked[1][1]
    assert not any(reason.startswith("stale_gps") for reason in ranked[1][1])
    # The same crew, its feed live again, is first.
    near_live = crew(1, 1.0, gps_minutes_ago=0.5, **registered)
    assert [call for call, _ in suggest(near_live, farther_live)] == ["HZ-01", "HZ-02"]


def test_silence_is_the_boards_threshold_not_the_hand_entered_position_rule() -> None:
    # Seven minutes: silent for a device (5 min), still fresh for a hand-entered position
    # (10 min), and the engine says so in each case.
    with_device = suggest(crew(1, 1.0, gps_minutes_ago=7, **registered))
    assert "feed_silent=7" in with_device[0][1]
    by_hand = suggest(crew(1, 1.0, gps_minutes_ago=7))
    assert not any("feed_silent" in r or "stale_gps" in r for r in by_hand[0][1])
    # A longer configured threshold moves both the board and the suggestions.
    patient = FeedRules(silent_after=timedelta(minutes=10))
    reasons = suggest(crew(1, 1.0, gps_minutes_ago=7, **registered), rules=patient)[0][1]
    assert not any("feed_silent" in r for r in reasons)


# -- what a phone is told ---------------------------------------------------------------


def test_the_phone_link_is_a_traccar_client_configuration_url() -> None:
    setup = PhoneSetup("https://gw.example.cn:5055", interval_seconds=10, heartbeat_seconds=60)
    link = setup.link("s3cret-Token_1")
    assert link == (
        "https://gw.example.cn:5055/?id=s3cret-Token_1&interval=10&heartbeat=60"
        "&distance=0&accuracy=high"
    )


def test_phone_settings_refuse_what_a_phone_could_not_use() -> None:
    for bad in ("gw.example.cn:5055", "ftp://gw", "http://", "http://gw/?x=1"):
        with pytest.raises(ValueError):
            PhoneSetup(bad)
    with pytest.raises(ValueError):
        PhoneSetup("http://gw:5055", interval_seconds=0)
