"""Logging of refused reports, at most once a minute per device and cause."""

from __future__ import annotations

import logging
from collections.abc import Callable

__all__ = ["RefusalLog", "token_hint"]

_log = logging.getLogger("console.gateway")


def token_hint(token: str) -> str:
    """How an unregistered identifier is named in logs: its last four characters only."""
    tail = token[-4:]
    return "…" + "".join(c if c.isprintable() else "?" for c in tail)


class RefusalLog:
    """Writes one log line per sender and cause per ``interval`` seconds, with a count of the rest."""

    def __init__(self, *, clock: Callable[[], float], interval: float = 60.0) -> None:
        self._clock = clock
        self._interval = interval
        self._last: dict[tuple[str, str], tuple[float, int]] = {}

    def refused(self, who: str, cause: str, detail: str = "") -> None:
        """Note one refusal for ``cause`` of ``who`` ("device …a1b2": a hint, never an identifier)."""
        now = self._clock()
        key = (who, cause)
        last = self._last.get(key)
        if last is not None and now - last[0] < self._interval:
            self._last[key] = (last[0], last[1] + 1)
            return
        if len(self._last) >= 100_000:
            self._last = {k: v for k, v in self._last.items() if now - v[0] < self._interval}
        suppressed = last[1] if last is not None else 0
        self._last[key] = (now, 0)
        more = f" ({suppressed} more since the last report)" if suppressed else ""
        _log.warning("refused a report from %s: %s%s%s", who, cause, detail, more)
