"""The state of a crew's position feed: live, quiet, silent, never reported, or no device.

One rule for the whole console: the crew board shows it and flags a silent
feed, and the dispatch engine ranks a silent crew down with the same
threshold (:class:`FeedRules`), so a crew the board calls silent is the crew
the suggestions penalise.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum

from console.core.vocab import CrewStatus

__all__ = ["Feed", "FeedRules", "FeedState", "feed_of", "watched"]

_RESTING = frozenset({CrewStatus.OFF_DUTY, CrewStatus.OUT_OF_SERVICE})


class FeedState(StrEnum):
    """What a crew's feed is doing now."""

    LIVE = "live"
    """The newest fix is recent (within :attr:`FeedRules.live_within`)."""
    QUIET = "quiet"
    """Fixes came, the newest is not recent, but not long enough ago to worry (or the
    crew is off duty or out of service, when a phone may well be switched off)."""
    SILENT = "silent"
    """Fixes came, none for longer than :attr:`FeedRules.silent_after`, while the crew is
    on duty or on a job: flagged on the board, ranked down in suggestions."""
    NEVER_REPORTED = "never_reported"
    """A device is registered but nothing reached the centre since."""
    NO_DEVICE = "no_device"
    """No active registered device: positions come by hand (or from the twin)."""


@dataclass(frozen=True)
class FeedRules:
    """When a feed counts as live and when as silent (``[field]`` in the settings file)."""

    live_within: timedelta = timedelta(minutes=2)
    silent_after: timedelta = timedelta(minutes=5)

    def __post_init__(self) -> None:
        if self.live_within <= timedelta(0):
            raise ValueError("live_within must be positive")
        if self.silent_after < self.live_within:
            raise ValueError("silent_after must not be shorter than live_within")


@dataclass(frozen=True, slots=True)
class Feed:
    """A crew's feed at one moment: its state and the newest fix it is judged on."""

    state: FeedState
    last_fix_at: datetime | None = None
    age: timedelta | None = None
    """How old the newest fix is (None without one)."""

    @property
    def flagged(self) -> bool:
        """True when the feed went silent (the board flags it, suggestions rank it down)."""
        return self.state is FeedState.SILENT

    @property
    def age_minutes(self) -> int:
        """The newest fix's age in whole minutes (0 without one)."""
        return int(self.age.total_seconds() // 60) if self.age is not None else 0


def watched(status: CrewStatus) -> bool:
    """True when a silent feed matters: the crew is on duty or on a job."""
    return status not in _RESTING


def feed_of(
    *,
    devices: int,
    devices_since: datetime | None,
    gps_at: datetime | None,
    status: CrewStatus,
    now: datetime,
    rules: FeedRules,
) -> Feed:
    """The feed state of one crew.

    ``devices`` counts its active (not revoked) registered devices and
    ``devices_since`` is when the oldest of them was registered: a position
    older than that came from somewhere else (by hand, or a device since
    revoked), so the registered devices have never reported.
    """
    if devices <= 0:
        return Feed(FeedState.NO_DEVICE, gps_at, None if gps_at is None else now - gps_at)
    if gps_at is None or (devices_since is not None and gps_at < devices_since):
        return Feed(FeedState.NEVER_REPORTED)
    age = max(timedelta(0), now - gps_at)
    if age <= rules.live_within:
        state = FeedState.LIVE
    elif age > rules.silent_after and watched(status):
        state = FeedState.SILENT
    else:
        state = FeedState.QUIET
    return Feed(state, gps_at, age)
