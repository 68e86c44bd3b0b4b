"""A position report from a vehicle, before and after its device is known.

A :class:`Report` is what a client sent, parsed but not yet trusted: it names
its device only by the device's secret identifier (``token``). Once the token
is resolved to a registered device, the report becomes a :class:`Fix` of that
device's crew. Fixes are stored in batches; one ledger event per batch carries
:func:`batch_digest`, the SHA-256 of the batch's canonical fixes, so the stored
trail stays tamper-evident.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from enum import StrEnum

__all__ = ["Fix", "FixSource", "Report", "Verdict", "batch_digest", "canonical_fix"]


class FixSource(StrEnum):
    """Which door a fix came in by."""

    OSMAND = "osmand"
    """OsmAnd HTTP protocol (Traccar Client, OsmAnd): GET query, POST form or JSON."""
    MQTT = "mqtt"
    """The console's own MQTT crew topic (JSON)."""
    OWNTRACKS = "owntracks"
    """OwnTracks location messages over MQTT."""
    DEMO = "demo"
    """The live demo's simulated vehicles."""


class Verdict(StrEnum):
    """What became of one report: stored, or the one reason it was not.

    The store decides the first group inside its transaction (it knows the
    crew's newest fix); the gateway decides the second before anything is
    queued. Only ``ACCEPTED`` and ``DUPLICATE`` (a retry of a fix already
    stored) are acknowledged as success.
    """

    ACCEPTED = "accepted"
    DUPLICATE = "duplicate"
    """The same device already stored a fix at this time and place (a client's retry)."""
    OUTSIDE_AREA = "outside_area"
    """Not inside the service area."""
    FUTURE = "future"
    """Taken later than the receiving clock allows."""
    STALE = "stale"
    """Older than the crew's newest stored fix."""
    JUMP = "jump"
    """Implies a speed over the plausible limit (250 km/h) from the crew's previous fix."""
    MALFORMED = "malformed"
    """Not a position report the gateway can read (the answer says which field)."""
    TOO_LARGE = "too_large"
    """A body over the size limit."""
    UNKNOWN_DEVICE = "unknown_device"
    """No registered device has this identifier."""
    REVOKED_DEVICE = "revoked_device"
    """The device was revoked."""
    RATE_LIMITED = "rate_limited"
    """The device sent more than its share; try again later."""
    UNAVAILABLE = "unavailable"
    """The database could not take the batch; nothing was stored: try again later."""

    @property
    def stored(self) -> bool:
        """True when the fix is (now or already) in the database."""
        return self in (Verdict.ACCEPTED, Verdict.DUPLICATE)


@dataclass(frozen=True, slots=True)
class Report:
    """A parsed position report, identified only by its device's secret ``token``."""

    token: str
    at: datetime
    """When the device took the fix (aware, UTC)."""
    lat: float
    lon: float
    source: FixSource
    speed_kmh: float | None = None
    bearing: float | None = None
    altitude_m: float | None = None
    accuracy_m: float | None = None
    battery_pct: float | None = None


@dataclass(frozen=True, slots=True)
class Fix:
    """A position of one crew's vehicle from one registered device (WGS-84)."""

    device_id: int
    """The registered device's row id (never the secret token)."""
    crew_id: int
    at: datetime
    """When the device took the fix (aware, UTC)."""
    lat: float
    lon: float
    source: FixSource
    speed_kmh: float | None = None
    bearing: float | None = None
    altitude_m: float | None = None
    accuracy_m: float | None = None
    battery_pct: float | None = None

    @classmethod
    def of(cls, report: Report, *, device_id: int, crew_id: int) -> Fix:
        """The fix ``report`` becomes once its token resolved to ``device_id`` of ``crew_id``."""
        return cls(
            device_id=device_id,
            crew_id=crew_id,
            at=report.at,
            lat=report.lat,
            lon=report.lon,
            source=report.source,
            speed_kmh=report.speed_kmh,
            bearing=report.bearing,
            altitude_m=report.altitude_m,
            accuracy_m=report.accuracy_m,
            battery_pct=report.battery_pct,
        )


def _number(value: float | None, places: int) -> str:
    if value is None:
        return ""
    text = f"{value:.{places}f}"
    # "-0.0" and "0.0" are the same reading.
    return "0" if float(text) == 0 else text.rstrip("0").rstrip(".")


def canonical_fix(fix: Fix) -> str:
    """One fix as one line of text, exactly as stored (7 decimal places of a degree: ~1 cm).

    Fields are ``|``-separated in a fixed order; an absent reading is empty; the
    time is UTC to the millisecond. Whatever the database returns for a stored fix
    gives the same line, so :func:`batch_digest` over stored rows reproduces the
    digest the batch's ledger event recorded.
    """
    at = fix.at.astimezone(UTC)
    stamp = at.strftime("%Y-%m-%dT%H:%M:%S.") + f"{at.microsecond // 1000:03d}Z"
    return "|".join(
        (
            str(fix.device_id),
            str(fix.crew_id),
            stamp,
            _number(fix.lat, 7),
            _number(fix.lon, 7),
            fix.source.value,
            _number(fix.speed_kmh, 2),
            _number(fix.bearing, 2),
            _number(fix.altitude_m, 2),
            _number(fix.accuracy_m, 2),
            _number(fix.battery_pct, 2),
        )
    )


def batch_digest(fixes: Iterable[Fix]) -> str:
    """SHA-256 (hex) of the fixes' canonical lines, in the order given, each ending in a newline."""
    digest = hashlib.sha256()
    for fix in fixes:
        digest.update(canonical_fix(fix).encode("utf-8"))
        digest.update(b"\n")
    return digest.hexdigest()
