"""MQTT payloads from vehicles, parsed into reports: the crew topic, OwnTracks and field status.

The crew topic (``roadside/v1/fix``) carries one JSON object or an array of
them, with the OsmAnd protocol's field names and units (so a device can send
the same readings by HTTP or MQTT)::

    {"id": "<device identifier>", "lat": 30.2741, "lon": 120.1551,
     "timestamp": 1795000000, "speed": 12.5, "bearing": 90, "altitude": 12,
     "accuracy": 5, "batt": 87}

``id`` (or ``deviceid``) is the device's secret identifier; ``lat``/``lon``
(or ``location`` as ``"lat,lon"``) in WGS-84 degrees; ``timestamp`` in Unix
seconds, Unix milliseconds or ISO-8601 (no zone means UTC; absent: when
received); ``speed`` in knots (as OsmAnd and Traccar send it); ``bearing``
(or ``heading``) in degrees; ``altitude`` and ``accuracy`` in metres; ``batt``
in percent. Numbers may be JSON numbers or strings.

OwnTracks location messages arrive on ``owntracks/<user>/<device>`` where the
``<device>`` topic segment is the device's secret identifier: ``lat``,
``lon``, ``tst`` (Unix seconds), ``vel`` (km/h), ``cog`` (degrees), ``alt``
and ``acc`` (metres), ``batt`` (percent). Other ``_type`` values (waypoints,
transitions, cards ...) are not positions and are ignored.

A status report (``roadside/v1/status``)::

    {"id": "<device identifier>", "status": "completed", "reference": "RA-20261123-0042",
     "distance_km": 83, "waiting_minutes": 10, "reply": "phone-7"}

``status`` is one of ``en_route``, ``on_scene``, ``towing``, ``completed``;
``reference`` (optional) the job the crew believes it is on; ``distance_km``
and ``waiting_minutes`` (optional) what the bill needs on completion;
``reply`` (optional) names the reply topic ``roadside/v1/reply/<reply>``.

Pure Python: anything a client cannot mean raises :class:`PayloadError`
naming the field, never anything else.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from decimal import Decimal, InvalidOperation

from console.core.field.fix import FixSource, Report
from console.core.field.ports import FieldStatus, StatusReport

__all__ = [
    "MAX_ITEMS",
    "MAX_PAYLOAD",
    "OwnTracksIgnored",
    "PayloadError",
    "StatusMessage",
    "parse_crew_fixes",
    "parse_owntracks",
    "parse_status",
    "status_reply",
]

MAX_PAYLOAD = 256 * 1024
"""Largest payload read, in bytes (a phone's offline buffer of a few hundred fixes fits)."""
MAX_ITEMS = 500
"""Most fixes in one crew-topic message."""
MAX_TOKEN = 200
"""Longest device identifier read (real ones are far shorter)."""
KNOT_KMH = 1.852
"""One knot in km/h."""
REPLY_NAME = re.compile(r"[A-Za-z0-9_-]{1,64}")
"""What a status report's ``reply`` may be (one topic level, no wildcards)."""

_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
_SECONDS_BELOW = 2**31 - 1
"""Below this a numeric timestamp is in seconds, above in milliseconds (as Traccar decides)."""


class PayloadError(ValueError):
    """A message that is not what its topic carries; ``field`` names what is wrong."""

    def __init__(self, field: str, problem: str) -> None:
        super().__init__(f"{field}: {problem}")
        self.field = field
        self.problem = problem


class OwnTracksIgnored(Exception):
    """An OwnTracks message that is not a location (``_type`` other than ``location``)."""


@dataclass(frozen=True, slots=True)
class StatusMessage:
    """A parsed status report with its device's identifier and where to answer."""

    token: str
    report: StatusReport
    reply: str | None
    """The reply topic's last level, when the device asked for an answer."""


def _json(payload: bytes) -> object:
    if len(payload) > MAX_PAYLOAD:
        raise PayloadError("payload", f"larger than {MAX_PAYLOAD} bytes")
    try:
        return json.loads(payload)
    except (UnicodeDecodeError, json.JSONDecodeError, RecursionError):
        raise PayloadError("payload", "not JSON") from None


def parse_crew_fixes(payload: bytes, *, received: datetime) -> list[Report | PayloadError]:
    """The crew topic's fixes in order: a :class:`Report` or the error of each item.

    Raises :class:`PayloadError` when the message as a whole is unreadable
    (not JSON, too large, neither an object nor an array of at most ``MAX_ITEMS``).
    """
    document = _json(payload)
    items = document if isinstance(document, list) else [document]
    if not items:
        raise PayloadError("payload", "an empty array")
    if len(items) > MAX_ITEMS:
        raise PayloadError("payload", f"more than {MAX_ITEMS} fixes")
    out: list[Report | PayloadError] = []
    for item in items:
        try:
            out.append(_crew_fix(item, received))
        except PayloadError as error:
            out.append(error)
    return out


def _crew_fix(item: object, received: datetime) -> Report:
    if not isinstance(item, Mapping):
        raise PayloadError("payload", "a fix must be a JSON object")
    token = _token(item.get("id", item.get("deviceid")))
    if "location" in item and "lat" not in item and "lon" not in item:
        parts = _text("location", item["location"]).split(",")
        if len(parts) != 2:
            raise PayloadError("location", "expected latitude,longitude")
        lat, lon = _number("location", parts[0]), _number("location", parts[1])
    else:
        lat, lon = _required(item, "lat"), _required(item, "lon")
    stamp = item.get("timestamp")
    bearing_name = "bearing" if "bearing" in item else "heading"
    speed = _optional(item, "speed")
    return _report(
        token,
        received if stamp is None else _timestamp("timestamp", stamp),
        lat,
        lon,
        FixSource.MQTT,
        speed_kmh=None if speed is None else speed * KNOT_KMH,
        bearing=_optional(item, bearing_name),
        altitude_m=_optional(item, "altitude"),
        accuracy_m=_optional(item, "accuracy"),
        battery_pct=_optional(item, "batt"),
    )


def owntracks_token(topic: str) -> str | None:
    """The device identifier of an ``owntracks/<user>/<device>`` topic (None for other topics)."""
    levels = topic.split("/")
    if len(levels) != 3 or levels[0] != "owntracks" or not levels[1] or not levels[2]:
        return None
    return levels[2]


def parse_owntracks(topic: str, payload: bytes) -> Report:
    """An OwnTracks location message as a report of the device named by the topic.

    Raises :class:`OwnTracksIgnored` for other message types and
    :class:`PayloadError` for what is not a location at all.
    """
    token = owntracks_token(topic)
    if token is None:
        raise PayloadError("topic", "expected owntracks/<user>/<device>")
    document = _json(payload)
    if not isinstance(document, Mapping):
        raise PayloadError("payload", "an OwnTracks message is a JSON object")
    if document.get("_type") != "location":
        raise OwnTracksIgnored(str(document.get("_type"))[:40])
    if "tst" not in document:
        raise PayloadError("tst", "missing")
    tst = _number("tst", document["tst"])
    return _report(
        _token(token),
        _timestamp("tst", tst),
        _required(document, "lat"),
        _required(document, "lon"),
        FixSource.OWNTRACKS,
        speed_kmh=_optional(document, "vel"),
        bearing=_optional(document, "cog"),
        altitude_m=_optional(document, "alt"),
        accuracy_m=_optional(document, "acc"),
        battery_pct=_optional(document, "batt"),
    )


def parse_status(payload: bytes) -> StatusMessage:
    """A status report from the status topic."""
    document = _json(payload)
    if not isinstance(document, Mapping):
        raise PayloadError("payload", "a status report is a JSON object")
    token = _token(document.get("id", document.get("deviceid")))
    raw = document.get("status")
    try:
        status = FieldStatus(str(raw).strip().lower())
    except ValueError:
        known = ", ".join(s.value for s in FieldStatus)
        raise PayloadError("status", f"expected one of {known}") from None
    reference = document.get("reference")
    if reference is not None:
        reference = _text("reference", reference).strip()[:40] or None
    reply = document.get("reply")
    if reply is not None and not (isinstance(reply, str) and REPLY_NAME.fullmatch(reply)):
        raise PayloadError("reply", "use 1 to 64 letters, digits, _ or -")
    distance = _optional(document, "distance_km")
    waiting = _optional(document, "waiting_minutes")
    if waiting is not None and not waiting.is_integer():
        raise PayloadError("waiting_minutes", "a whole number of minutes")
    report = StatusReport(
        status=status,
        reference=reference,
        distance_km=distance,
        waiting_minutes=None if waiting is None else int(waiting),
    )
    return StatusMessage(token, report, reply)


def status_reply(payload: bytes) -> str | None:
    """The reply name of a status report that could not be read, when it has a valid one."""
    try:
        document = _json(payload)
    except PayloadError:
        return None
    reply = document.get("reply") if isinstance(document, Mapping) else None
    return reply if isinstance(reply, str) and REPLY_NAME.fullmatch(reply) else None


# ------------------------------------------------------------------- fields


def _token(value: object) -> str:
    if value is None:
        raise PayloadError("id", "missing (the device identifier)")
    token = _text("id", value).strip()
    if not token:
        raise PayloadError("id", "empty")
    if len(token) > MAX_TOKEN or not token.isprintable():
        raise PayloadError("id", "not a device identifier")
    return token


def _text(name: str, value: object) -> str:
    if isinstance(value, str):
        return value
    if isinstance(value, int | float) and not isinstance(value, bool):
        return str(value)
    raise PayloadError(name, "expected text")


def _number(name: str, value: object) -> float:
    if isinstance(value, bool):
        raise PayloadError(name, "not a number")
    if isinstance(value, int | float):
        number = float(value)
    elif isinstance(value, str):
        try:
            number = float(value.strip())
        except ValueError:
            raise PayloadError(name, f"not a number: {value[:40]!r}") from None
    else:
        raise PayloadError(name, "not a number")
    if not math.isfinite(number):
        raise PayloadError(name, "not a finite number")
    return number


def _required(table: Mapping[str, object], name: str) -> float:
    if table.get(name) is None:
        raise PayloadError(name, "missing")
    return _number(name, table[name])


def _optional(table: Mapping[str, object], name: str) -> float | None:
    value = table.get(name)
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    return _number(name, value)


def _timestamp(name: str, value: object) -> datetime:
    """Unix seconds or milliseconds, or ISO-8601 (``T`` or a space; no zone means UTC)."""
    if isinstance(value, bool):
        raise PayloadError(name, "not a time")
    text = _text(name, value).strip()
    try:
        if text.isascii() and text.lstrip("-").replace(".", "", 1).isdigit():
            number = Decimal(text)
            seconds = number if abs(number) < _SECONDS_BELOW else number / 1000
            return _EPOCH + timedelta(microseconds=int(seconds * 1_000_000))
        stamp = datetime.fromisoformat(text.replace("z", "Z"))
    except (ValueError, ArithmeticError, InvalidOperation, OverflowError):
        raise PayloadError(name, f"not a Unix time or ISO-8601 date: {text[:40]!r}") from None
    return stamp.replace(tzinfo=UTC) if stamp.tzinfo is None else stamp.astimezone(UTC)


def _report(
    token: str,
    at: datetime,
    lat: float,
    lon: float,
    source: FixSource,
    *,
    speed_kmh: float | None,
    bearing: float | None,
    altitude_m: float | None,
    accuracy_m: float | None,
    battery_pct: float | None,
) -> Report:
    """Check the readings' ranges and build the report."""
    if not -90 <= lat <= 90:
        raise PayloadError("lat", "latitude outside -90..90")
    if not -180 <= lon <= 180:
        raise PayloadError("lon", "longitude outside -180..180")
    if speed_kmh is not None and not 0 <= speed_kmh <= 2_000:
        raise PayloadError("speed", "outside 0..2000 km/h")
    if bearing is not None:
        if not 0 <= bearing <= 360:
            raise PayloadError("bearing", "outside 0..360 degrees")
        bearing %= 360
    if altitude_m is not None and not -1_000 <= altitude_m <= 100_000:
        raise PayloadError("altitude", "outside -1000..100000 m")
    if accuracy_m is not None and accuracy_m < 0:
        raise PayloadError("accuracy", "negative")
    if battery_pct is not None and not 0 <= battery_pct <= 100:
        raise PayloadError("batt", "outside 0..100 %")
    return Report(
        token=token,
        at=at,
        lat=lat,
        lon=lon,
        source=source,
        speed_kmh=speed_kmh,
        bearing=bearing,
        altitude_m=altitude_m,
        accuracy_m=accuracy_m,
        battery_pct=battery_pct,
    )
