"""The gateway's copy of the device registry, so a known device costs no query per fix.

The whole registry (about a megabyte for 10,000 devices) is read in one query
every ``directory_refresh`` seconds; an identifier not in that copy (a device
added since) is asked for on its own and remembered briefly.
"""

from __future__ import annotations

import asyncio
import random
from collections.abc import Callable
from concurrent.futures import Executor

from console.core.field.devices import token_hash
from console.core.field.ports import DeviceLookup, DeviceRef

__all__ = ["DeviceCache"]


class DeviceCache:
    """Resolves secret identifiers through a :class:`DeviceLookup`, remembering the answers.

    A found device (revoked or not) is remembered for about ``ttl`` seconds, so
    revoking a device takes effect within that time on every gateway; an unknown
    identifier for ``negative_ttl`` seconds, so a client sending garbage costs
    one query now and then, not one per request. Concurrent look-ups of the same
    identifier share one query. The blocking look-up runs on ``executor``.
    A :class:`~console.core.field.ports.StoreUnavailable` from the look-up is
    passed on and not remembered.
    """

    _LIMIT = 200_000
    lookup: DeviceLookup
    """The look-up asked on a miss."""

    def __init__(
        self,
        lookup: DeviceLookup,
        executor: Executor,
        *,
        clock: Callable[[], float],
        ttl: float = 60.0,
        negative_ttl: float = 10.0,
    ) -> None:
        self.lookup = lookup
        self._executor = executor
        self._clock = clock
        self._ttl = ttl
        self._negative_ttl = negative_ttl
        self._known: dict[str, tuple[DeviceRef | None, float]] = {}
        self._asking: dict[str, asyncio.Future[DeviceRef | None]] = {}
        self._directory: dict[str, DeviceRef] = {}

    async def refresh(self) -> int:
        """Read the whole registry again (one query, off the loop); how many devices it holds.

        Raises StoreUnavailable and keeps the previous copy when the database cannot be asked.
        """
        loop = asyncio.get_running_loop()
        self._directory = await loop.run_in_executor(self._executor, self.lookup.directory)
        return len(self._directory)

    def cached(self, token: str) -> tuple[bool, DeviceRef | None]:
        """``(True, device)`` when a fresh answer is known, else ``(False, None)``."""
        listed = self._directory.get(token_hash(token)) if self._directory else None
        if listed is not None:
            return True, listed
        entry = self._known.get(token)
        if entry is not None and entry[1] > self._clock():
            return True, entry[0]
        return False, None

    async def resolve(self, token: str) -> DeviceRef | None:
        """The device this identifier belongs to, or None; raises StoreUnavailable."""
        hit, device = self.cached(token)
        if hit:
            return device
        asking = self._asking.get(token)
        if asking is not None:
            return await asyncio.shield(asking)
        loop = asyncio.get_running_loop()
        future: asyncio.Future[DeviceRef | None] = loop.run_in_executor(
            self._executor, self.lookup.resolve, token
        )
        self._asking[token] = future
        try:
            device = await asyncio.shield(future)
        finally:
            self._asking.pop(token, None)
        self._remember(token, device)
        return device

    def _remember(self, token: str, device: DeviceRef | None) -> None:
        now = self._clock()
        if len(self._known) >= self._LIMIT:
            self._known = {t: e for t, e in self._known.items() if e[1] > now and e[0] is not None}
            if len(self._known) >= self._LIMIT:
                self._known.clear()
        # Jitter spreads the refreshes of devices that all appeared at start-up.
        ttl = self._ttl * random.uniform(0.8, 1.0) if device is not None else self._negative_ttl
        self._known[token] = (device, now + ttl)
