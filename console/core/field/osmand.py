"""The OsmAnd HTTP protocol, as Traccar Client and OsmAnd send it, parsed into a :class:`Report`.

Three shapes reach the gateway's root path (as on a Traccar server's port 5055):

* ``GET /?id=...&lat=...&lon=...&timestamp=...`` (the parameters in the query string);
* ``POST /`` with the same parameters as an ``application/x-www-form-urlencoded`` body
  (read only when the query string is empty, as Traccar does);
* ``POST /`` with ``Content-Type: application/json``: the body of Traccar Client 9 and
  later, ``{"device_id": ..., "location": {"timestamp": ISO, "coords": {"latitude",
  "longitude", "speed", "heading", "altitude", "accuracy"}, "battery": {"level"}}}``.

Units follow Traccar's decoder: the parameter ``speed`` is in knots, the JSON
``coords.speed`` in metres a second; both become km/h. ``batt`` is a percentage,
the JSON ``battery.level`` a fraction (0..1). In the JSON body a negative speed,
heading, accuracy or battery level means "unknown" (the client's convention) and
is left out. A report without a timestamp is taken as received. Anything else a
client cannot mean is refused with a :class:`ReportError` naming the field.
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterable, Mapping
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from urllib.parse import parse_qsl

from console.core.field.fix import FixSource, Report

__all__ = ["ReportError", "parse_form", "parse_json", "parse_request"]

KNOT_KMH = 1.852
"""One knot in km/h."""
MPS_KMH = 3.6
"""One metre a second in km/h."""
MAX_TOKEN = 200
"""Longest device identifier read (real ones are far shorter)."""
_MAX_FIELDS = 100
_INT32_MAX = 2**31 - 1
"""Below this a numeric timestamp is in seconds, above in milliseconds (as Traccar decides)."""
_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)


class ReportError(ValueError):
    """A request that is not a position report; ``field`` names what is missing or wrong."""

    def __init__(self, field: str, problem: str) -> None:
        super().__init__(f"{field}: {problem}")
        self.field = field
        self.problem = problem


def parse_request(
    query: str, content_type: str | None, body: bytes, *, received: datetime
) -> Report:
    """Parse one request to the root path: its raw query string, content type and body.

    The JSON body is read when the content type says JSON; otherwise the query
    string, or the form body when the query string is empty.
    """
    media = (content_type or "").split(";", 1)[0].strip().lower()
    if media == "application/json" or media.endswith("+json"):
        return parse_json(body, received=received)
    if query:
        return parse_form(_pairs(query, "query"), received=received)
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError:
        raise ReportError("body", "not UTF-8 text") from None
    return parse_form(_pairs(text, "body"), received=received)


def _pairs(text: str, where: str) -> list[tuple[str, str]]:
    try:
        return parse_qsl(text, keep_blank_values=True, max_num_fields=_MAX_FIELDS, errors="strict")
    except UnicodeDecodeError:
        raise ReportError(where, "a parameter is not UTF-8 text") from None
    except ValueError:
        raise ReportError(where, f"more than {_MAX_FIELDS} parameters") from None


def parse_form(
    params: Mapping[str, str] | Iterable[tuple[str, str]], *, received: datetime
) -> Report:
    """Parse OsmAnd parameters (a query string's or form body's name/value pairs).

    A repeated name counts once, its last value (as in Traccar).
    """
    fields = dict(params.items() if isinstance(params, Mapping) else params)
    token = fields.get("id", fields.get("deviceid"))
    if token is None:
        raise ReportError("id", "missing (the device identifier, as id or deviceid)")
    if "location" in fields and "lat" not in fields and "lon" not in fields:
        parts = fields["location"].split(",")
        if len(parts) != 2:
            raise ReportError("location", "expected latitude,longitude")
        lat = _number("location", parts[0])
        lon = _number("location", parts[1])
    else:
        lat = _number("lat", _required(fields, "lat"))
        lon = _number("lon", _required(fields, "lon"))
    at = _timestamp(fields["timestamp"]) if "timestamp" in fields else received
    bearing_text = fields.get("bearing", fields.get("heading"))
    bearing_name = "bearing" if "bearing" in fields else "heading"
    return _report(
        token,
        at,
        lat,
        lon,
        speed_kmh=_optional(fields, "speed", scale=KNOT_KMH),
        bearing=None if bearing_text is None else _number(bearing_name, bearing_text),
        altitude_m=_optional(fields, "altitude"),
        accuracy_m=_optional(fields, "accuracy"),
        battery_pct=_optional(fields, "batt"),
    )


def parse_json(body: bytes | str, *, received: datetime) -> Report:
    """Parse the JSON body Traccar Client 9 and later sends."""
    try:
        root = json.loads(body)
    except (ValueError, RecursionError):
        raise ReportError("body", "not valid JSON") from None
    if not isinstance(root, dict):
        raise ReportError("body", "expected a JSON object")
    token = root.get("device_id", root.get("id"))
    if token is None:
        raise ReportError("device_id", "missing (the device identifier)")
    if not isinstance(token, str | int) or isinstance(token, bool):
        raise ReportError("device_id", "expected text")
    location = root.get("location")
    if not isinstance(location, dict):
        raise ReportError("location", "missing or not an object")
    coords = location.get("coords")
    if not isinstance(coords, dict):
        raise ReportError("location.coords", "missing or not an object")
    stamp = location.get("timestamp")
    if stamp is None:
        at = received
    elif isinstance(stamp, str | int | float) and not isinstance(stamp, bool):
        at = _timestamp(str(stamp), "location.timestamp")
    else:
        raise ReportError("location.timestamp", "expected ISO-8601 text")
    battery = location.get("battery")
    if battery is not None and not isinstance(battery, dict):
        raise ReportError("location.battery", "expected an object")
    level = _json_known(battery or {}, "level", "location.battery.level")
    return _report(
        str(token),
        at,
        _json_required(coords, "latitude", "location.coords.latitude"),
        _json_required(coords, "longitude", "location.coords.longitude"),
        speed_kmh=_scaled(_json_known(coords, "speed", "location.coords.speed"), MPS_KMH),
        bearing=_json_known(coords, "heading", "location.coords.heading"),
        altitude_m=_json_number(coords, "altitude", "location.coords.altitude"),
        accuracy_m=_json_known(coords, "accuracy", "location.coords.accuracy"),
        battery_pct=_scaled(level, 100.0, "location.battery.level", limit=1.0),
    )


def _report(
    token: str,
    at: datetime,
    lat: float,
    lon: float,
    *,
    speed_kmh: float | None,
    bearing: float | None,
    altitude_m: float | None,
    accuracy_m: float | None,
    battery_pct: float | None,
) -> Report:
    """Check the readings' ranges and build the report."""
    token = token.strip()
    if not token:
        raise ReportError("id", "empty")
    if len(token) > MAX_TOKEN or not token.isprintable():
        raise ReportError("id", "not a device identifier")
    if not -90 <= lat <= 90:
        raise ReportError("lat", "latitude outside -90..90")
    if not -180 <= lon <= 180:
        raise ReportError("lon", "longitude outside -180..180")
    if speed_kmh is not None and not 0 <= speed_kmh <= 2_000:
        raise ReportError("speed", "outside 0..2000 km/h")
    if bearing is not None:
        if not 0 <= bearing <= 360:
            raise ReportError("bearing", "outside 0..360 degrees")
        bearing %= 360
    if altitude_m is not None and not -1_000 <= altitude_m <= 100_000:
        raise ReportError("altitude", "outside -1000..100000 m")
    if accuracy_m is not None and accuracy_m < 0:
        raise ReportError("accuracy", "negative")
    if battery_pct is not None and not 0 <= battery_pct <= 100:
        raise ReportError("batt", "outside 0..100 %")
    return Report(
        token=token,
        at=at,
        lat=lat,
        lon=lon,
        source=FixSource.OSMAND,
        speed_kmh=speed_kmh,
        bearing=bearing,
        altitude_m=altitude_m,
        accuracy_m=accuracy_m,
        battery_pct=battery_pct,
    )


def _required(fields: Mapping[str, str], name: str) -> str:
    value = fields.get(name)
    if value is None:
        raise ReportError(name, "missing")
    return value


def _number(name: str, text: str) -> float:
    try:
        value = float(text.strip())
    except ValueError:
        raise ReportError(name, f"not a number: {text[:40]!r}") from None
    if not math.isfinite(value):
        raise ReportError(name, "not a finite number")
    return value


def _optional(fields: Mapping[str, str], name: str, *, scale: float = 1.0) -> float | None:
    text = fields.get(name)
    if text is None or not text.strip():
        return None
    return _number(name, text) * scale


def _json_number(table: Mapping[str, object], key: str, name: str) -> float | None:
    value = table.get(key)
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise ReportError(name, "not a number")
    number = float(value)
    if not math.isfinite(number):
        raise ReportError(name, "not a finite number")
    return number


def _json_required(table: Mapping[str, object], key: str, name: str) -> float:
    value = _json_number(table, key, name)
    if value is None:
        raise ReportError(name, "missing")
    return value


def _json_known(table: Mapping[str, object], key: str, name: str) -> float | None:
    """A JSON reading where a negative number means the client does not know it."""
    value = _json_number(table, key, name)
    return None if value is None or value < 0 else value


def _scaled(
    value: float | None, scale: float, name: str = "", *, limit: float | None = None
) -> float | None:
    if value is None:
        return None
    if limit is not None and value > limit:
        raise ReportError(name, f"outside 0..{limit:g}")
    return value * scale


def _timestamp(text: str, name: str = "timestamp") -> datetime:
    """Unix seconds or milliseconds, or ISO-8601 (``T`` or a space; no zone means UTC)."""
    text = text.strip()
    try:
        if text.isascii() and text.lstrip("-").replace(".", "", 1).isdigit():
            number = Decimal(text)
            seconds = number if abs(number) < _INT32_MAX else number / 1000
            return _EPOCH + timedelta(microseconds=int(seconds * 1_000_000))
        stamp = datetime.fromisoformat(text.replace("z", "Z"))
        return stamp.replace(tzinfo=UTC) if stamp.tzinfo is None else stamp.astimezone(UTC)
    except (ValueError, ArithmeticError, OSError):
        raise ReportError(name, f"not a Unix time or ISO-8601 date: {text[:40]!r}") from None
