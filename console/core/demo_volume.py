"""How busy the demo centre is: calls a day and their spread over the local hours.

One source for both halves of the demo: the seeded history of finished jobs
(``console.db.seed_history``) and the live demo's new calls
(``console.sim.live``), so the live shift continues the history's pace instead
of flooding the queue.
"""

from __future__ import annotations

__all__ = ["CALLS_PER_DAY", "HOURLY_WEIGHT", "calls_per_hour"]

CALLS_PER_DAY = 200
"""Requests a day across the country in the demo."""

HOURLY_WEIGHT: tuple[int, ...] = (
    2, 1, 1, 1, 1, 2, 4, 7, 9, 8, 7, 7, 7, 6, 6, 7, 8, 9, 9, 7, 5, 4, 3, 2,
)  # fmt: skip
"""Relative call volume per local hour (night trough, morning and evening peaks)."""


def calls_per_hour(hour: int) -> float:
    """Expected calls in local hour ``hour`` (0-23) of a demo day."""
    return CALLS_PER_DAY * HOURLY_WEIGHT[hour % 24] / sum(HOURLY_WEIGHT)
