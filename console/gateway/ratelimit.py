"""Per-device rate limiting: a token bucket per device, kept only in memory."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

__all__ = ["RateLimiter"]


@dataclass(slots=True)
class _Bucket:
    tokens: float
    at: float


class RateLimiter:
    """A token bucket per key: ``rate`` reports a second sustained, ``burst`` at once.

    The burst is large so a phone uploading the fixes it buffered while offline
    is not refused; only a device sending faster than ``rate`` for long is. The
    buckets live only in this process: a gateway that restarts, or a second one
    behind the balancer, simply starts each device with a full bucket.
    """

    def __init__(self, rate: float, burst: float, *, clock: Callable[[], float]) -> None:
        if rate <= 0 or burst < 1:
            raise ValueError("rate must be positive and burst at least 1")
        self._rate = rate
        self._burst = burst
        self._clock = clock
        self._buckets: dict[int, _Bucket] = {}

    def allow(self, key: int) -> bool:
        """Take one token from ``key``'s bucket; False when it is empty."""
        now = self._clock()
        bucket = self._buckets.get(key)
        if bucket is None:
            if len(self._buckets) >= 200_000:
                self._forget_full(now)
            bucket = self._buckets[key] = _Bucket(self._burst, now)
        else:
            bucket.tokens = min(self._burst, bucket.tokens + (now - bucket.at) * self._rate)
            bucket.at = now
        if bucket.tokens < 1:
            return False
        bucket.tokens -= 1
        return True

    def retry_after(self, key: int) -> float:
        """Seconds until ``key`` may send again (0 when it may now)."""
        bucket = self._buckets.get(key)
        if bucket is None:
            return 0.0
        tokens = bucket.tokens + (self._clock() - bucket.at) * self._rate
        return max(0.0, (1 - tokens) / self._rate)

    def _forget_full(self, now: float) -> None:
        # A bucket that has refilled completely is the same as no bucket at all.
        refill = self._burst / self._rate
        self._buckets = {k: b for k, b in self._buckets.items() if now - b.at < refill}
