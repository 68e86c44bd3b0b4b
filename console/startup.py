"""Start-up phases: when each step of opening the console finished, for the log and benchmarks.

The console marks each phase as it passes (settings read, sign-in shown,
password checked, window built, first rows shown); the marks go to the log
and to anyone who subscribed, such as the start-up benchmark
(``tools/startup_bench.py``). Pure Python: no Qt, no database.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from dataclasses import dataclass

__all__ = ["Mark", "clear", "mark", "marks", "subscribe"]

logger = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class Mark:
    """One phase passed: its name, the wall-clock time and seconds since the first mark."""

    phase: str
    wall: float
    elapsed_s: float


_marks: list[Mark] = []
_listeners: list[Callable[[Mark], None]] = []


def mark(phase: str) -> Mark:
    """Record that ``phase`` has just finished, log it and tell the subscribers."""
    now = time.time()
    start = _marks[0].wall if _marks else now
    entry = Mark(phase, now, now - start)
    _marks.append(entry)
    logger.info("start-up: %s after %.2f s", phase, entry.elapsed_s)
    for listener in list(_listeners):
        listener(entry)
    return entry


def marks() -> list[Mark]:
    """Every mark so far, oldest first."""
    return list(_marks)


def subscribe(listener: Callable[[Mark], None]) -> Callable[[], None]:
    """Call ``listener`` with each new mark; returns the function that stops it."""
    _listeners.append(listener)

    def stop() -> None:
        if listener in _listeners:
            _listeners.remove(listener)

    return stop


def clear() -> None:
    """Forget every mark (tests, and a benchmark that runs several starts in one process)."""
    _marks.clear()
