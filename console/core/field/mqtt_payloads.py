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

Fixes are read by the OsmAnd protocol's own parser
(:func:`console.core.field.osmand.parse_form`), so both doors accept and refuse
the same readings. Pure Python: anything a client cannot mean raises
:class:`PayloadError` naming the field, never anything else.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Mapping
from dataclasses import dataclass, replace
from datetime import UTC, datetime

from console.core.field.fix import FixSource, Report
from console.core.field.osmand import ReportError, parse_form
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
OSMAND_FIELDS = {name: name for name in ("id", "deviceid", "lat", "lon", "location", "timestamp",
                                         "speed", "bearing", "heading", "altitude", "accuracy",
                                         "batt")}  # fmt: skip
"""The crew topic's keys: the OsmAnd protocol's parameters, read by its parser."""
OWNTRACKS_FIELDS = {"lat": "lat", "lon": "lon", "tst": "timestamp", "cog": "bearing",
                    "alt": "altitude", "acc": "accuracy", "batt": "batt"}  # fmt: skip
"""OwnTracks keys and the OsmAnd parameter each is read as (``vel`` is km/h, read apart)."""
REPLY_NAME = re.compile(r"[A-Za-z0-9_-]{1,64}")
"""What a status report's ``reply`` may be (one topic level, no wildcards)."""

_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)


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
    return replace(_osmand(_fields(item, OSMAND_FIELDS), received), source=FixSource.MQTT)


def _fields(item: Mapping[str, object], names: Mapping[str, str]) -> dict[str, str]:
    """The readings ``names`` maps (JSON key -> OsmAnd parameter) as the protocol's text."""
    fields: dict[str, str] = {}
    for key, parameter in names.items():
        value = item.get(key)
        if value is None:
            continue
        if isinstance(value, bool) or not isinstance(value, str | int | float):
            raise PayloadError(key, "expected a number or text")
        fields[parameter] = value if isinstance(value, str) else repr(value)
    return fields


def _osmand(
    fields: Mapping[str, str], received: datetime, names: Mapping[str, str] = OSMAND_FIELDS
) -> Report:
    """The OsmAnd parser's report; its errors name the message's own key."""
    try:
        return parse_form(fields, received=received)
    except ReportError as error:
        key = next((k for k, v in names.items() if v == error.field), error.field)
        raise PayloadError(key, error.problem) from None


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
    fields = _fields(document, OWNTRACKS_FIELDS)
    fields["id"] = token
    report = _osmand(fields, _EPOCH, OWNTRACKS_FIELDS)
    speed = _optional(document, "vel")
    if speed is not None and not 0 <= speed <= 2_000:
        raise PayloadError("vel", "outside 0..2000 km/h")
    return replace(report, source=FixSource.OWNTRACKS, speed_kmh=speed)


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


def _optional(table: Mapping[str, object], name: str) -> float | None:
    value = table.get(name)
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    return _number(name, value)
