"""The OsmAnd protocol parser: every form a real client sends, and nothing else."""

from __future__ import annotations

import json
import math
from datetime import UTC, datetime, timedelta
from urllib.parse import urlencode

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from console.core.field.fix import FixSource, Report
from console.core.field.osmand import ReportError, parse_request

RECEIVED = datetime(2026, 11, 23, 2, 0, 30, tzinfo=UTC)
AT = datetime(2026, 11, 23, 2, 0, 5, tzinfo=UTC)
TOKEN = "k3Jq9xWm2PzR7vLt5NcY8bHd4Fg6SaE1"
FORM = "application/x-www-form-urlencoded"


def get(query: str) -> Report:
    return parse_request(query, None, b"", received=RECEIVED)


def post_form(body: str) -> Report:
    return parse_request("", FORM, body.encode(), received=RECEIVED)


def post_json(body: object) -> Report:
    return parse_request("", "application/json", json.dumps(body).encode(), received=RECEIVED)


def traccar9(**coords: object) -> dict[str, object]:
    """A Traccar Client 9 body for TOKEN at AT in Hangzhou, with ``coords`` overriding."""
    return {
        "device_id": TOKEN,
        "location": {
            "timestamp": "2026-11-23T02:00:05.000Z",
            "coords": {"latitude": 30.25, "longitude": 120.16, "speed": 10.0, "heading": 90.0,
                       "altitude": 12.0, "accuracy": 5.0} | coords,
            "is_moving": True,
            "odometer": 1234,
            "battery": {"level": 0.55, "is_charging": False},
            "activity": {"type": "in_vehicle"},
        },
    }  # fmt: skip


def test_a_traccar_client_get_request() -> None:
    report = get(
        f"id={TOKEN}&timestamp=1795399205&lat=30.25&lon=120.16&speed=10&bearing=90"
        "&altitude=12&accuracy=5&batt=55"
    )

    assert report == Report(
        token=TOKEN, at=AT, lat=30.25, lon=120.16, source=FixSource.OSMAND,
        speed_kmh=pytest.approx(18.52), bearing=90.0, altitude_m=12.0, accuracy_m=5.0,
        battery_pct=55.0,
    )  # fmt: skip


def test_the_same_parameters_in_a_form_body() -> None:
    query = f"deviceid={TOKEN}&timestamp=1795399205&location=30.25,120.16"

    assert post_form(query) == get(query)


def test_the_traccar_client_9_json_body_converts_metres_a_second_and_battery_fraction() -> None:
    report = post_json(traccar9())

    assert (report.token, report.at, report.lat, report.lon) == (TOKEN, AT, 30.25, 120.16)
    assert report.speed_kmh == pytest.approx(36.0)
    assert (report.bearing, report.altitude_m, report.accuracy_m) == (90.0, 12.0, 5.0)
    assert report.battery_pct == pytest.approx(55.0)


def test_negative_json_readings_mean_unknown() -> None:
    report = post_json(traccar9(speed=-1, heading=-1, accuracy=-1))

    assert (report.speed_kmh, report.bearing, report.accuracy_m) == (None, None, None)


@pytest.mark.parametrize(
    "stamp",
    [
        "1795399205",
        "1795399205000",
        "2026-11-23T02:00:05",
        "2026-11-23 02:00:05",
        "2026-11-23T02:00:05.000",
        "2026-11-23 02:00:05.000000",
        "2026-11-23T02:00:05Z",
        "2026-11-23T10:00:05+08:00",
    ],
)
def test_every_timestamp_form_means_the_same_instant(stamp: str) -> None:
    assert get(urlencode({"id": TOKEN, "lat": 30.25, "lon": 120.16, "timestamp": stamp})).at == AT


def test_milliseconds_are_kept() -> None:
    assert get(f"id={TOKEN}&lat=1&lon=2&timestamp=1795399205250").at == AT + timedelta(
        milliseconds=250
    )


def test_a_report_without_timestamp_is_taken_as_received() -> None:
    assert get(f"id={TOKEN}&lat=30.25&lon=120.16").at == RECEIVED


@pytest.mark.parametrize(
    ("query", "field"),
    [
        ("lat=30.25&lon=120.16", "id"),
        ("id=&lat=30.25&lon=120.16", "id"),
        (f"id={TOKEN}&lon=120.16", "lat"),
        (f"id={TOKEN}&lat=30.25", "lon"),
        (f"id={TOKEN}&lat=north&lon=120.16", "lat"),
        (f"id={TOKEN}&lat=91&lon=120.16", "lat"),
        (f"id={TOKEN}&lat=30&lon=nan", "lon"),
        (f"id={TOKEN}&location=30.25", "location"),
        (f"id={TOKEN}&lat=30&lon=120&timestamp=yesterday", "timestamp"),
        (f"id={TOKEN}&lat=30&lon=120&timestamp=99999999999999999999999", "timestamp"),
        (f"id={TOKEN}&lat=30&lon=120&speed=fast", "speed"),
        (f"id={TOKEN}&lat=30&lon=120&batt=150", "batt"),
        (f"id={TOKEN}&lat=30&lon=120&heading=400", "bearing"),
        ("", "id"),
    ],
)
def test_a_bad_parameter_is_named(query: str, field: str) -> None:
    with pytest.raises(ReportError) as refused:
        get(query) if query else post_form("")

    assert refused.value.field == field


@pytest.mark.parametrize(
    ("body", "field"),
    [
        (b"{", "body"),
        (b"[1, 2]", "body"),
        (json.dumps({"location": {}}).encode(), "device_id"),
        (json.dumps({"device_id": TOKEN}).encode(), "location"),
        (json.dumps({"device_id": TOKEN, "location": {"timestamp": "x"}}).encode(),
         "location.coords"),
        (json.dumps(traccar9(latitude="30")).encode(), "location.coords.latitude"),
        (json.dumps(traccar9(longitude=None)).encode(), "location.coords.longitude"),
    ],
)  # fmt: skip
def test_a_bad_json_body_is_named(body: bytes, field: str) -> None:
    with pytest.raises(ReportError) as refused:
        parse_request("", "application/json; charset=utf-8", body, received=RECEIVED)

    assert refused.value.field == field


# -- properties ------------------------------------------------------------------------

tokens = st.text(
    "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789_-", min_size=8, max_size=48
)
instants = st.datetimes(
    min_value=datetime(2020, 1, 1), max_value=datetime(2035, 1, 1), timezones=st.just(UTC)
).map(lambda t: t.replace(microsecond=0))
latitudes = st.floats(-90, 90, allow_nan=False)
longitudes = st.floats(-180, 180, allow_nan=False)


@st.composite
def reports(draw: st.DrawFn) -> Report:
    def optional(strategy: st.SearchStrategy[float]) -> float | None:
        return draw(st.none() | strategy)

    return Report(
        token=draw(tokens),
        at=draw(instants),
        lat=draw(latitudes),
        lon=draw(longitudes),
        source=FixSource.OSMAND,
        speed_kmh=optional(st.floats(0, 300)),
        bearing=optional(st.floats(0, 359.9)),
        altitude_m=optional(st.floats(-100, 5000)),
        accuracy_m=optional(st.floats(0, 500)),
        battery_pct=optional(st.floats(0, 100)),
    )


def _stamp(at: datetime, form: str) -> str:
    return {
        "seconds": str(int(at.timestamp())),
        "millis": str(int(at.timestamp()) * 1000),
        "iso_t": at.replace(tzinfo=None).isoformat(),
        "iso_space": at.replace(tzinfo=None).isoformat(sep=" "),
        "iso_fraction_z": at.strftime("%Y-%m-%dT%H:%M:%S.000Z"),
        "iso_offset": at.astimezone(UTC).isoformat(),
    }[form]


def _as_params(report: Report, draw: st.DrawFn) -> list[tuple[str, str]]:
    params = [(draw(st.sampled_from(["id", "deviceid"])), report.token)]
    if draw(st.booleans()):
        params.append(("location", f"{report.lat!r},{report.lon!r}"))
    else:
        params += [("lat", repr(report.lat)), ("lon", repr(report.lon))]
    form = draw(st.sampled_from(["seconds", "millis", "iso_t", "iso_space", "iso_fraction_z",
                                 "iso_offset"]))  # fmt: skip
    params.append(("timestamp", _stamp(report.at, form)))
    if report.speed_kmh is not None:
        params.append(("speed", repr(report.speed_kmh / 1.852)))
    if report.bearing is not None:
        params.append((draw(st.sampled_from(["bearing", "heading"])), repr(report.bearing)))
    if report.altitude_m is not None:
        params.append(("altitude", repr(report.altitude_m)))
    if report.accuracy_m is not None:
        params.append(("accuracy", repr(report.accuracy_m)))
    if report.battery_pct is not None:
        params.append(("batt", repr(report.battery_pct)))
    return draw(st.permutations(params))


def _as_json(report: Report) -> bytes:
    coords: dict[str, object] = {"latitude": report.lat, "longitude": report.lon}
    for key, value in (
        ("speed", None if report.speed_kmh is None else report.speed_kmh / 3.6),
        ("heading", report.bearing),
        ("altitude", report.altitude_m),
        ("accuracy", report.accuracy_m),
    ):
        coords[key] = -1 if value is None and key != "altitude" else value
    location: dict[str, object] = {"timestamp": _stamp(report.at, "iso_fraction_z"),
                                   "coords": coords, "is_moving": False}  # fmt: skip
    if report.battery_pct is not None:
        location["battery"] = {"level": report.battery_pct / 100, "is_charging": True}
    return json.dumps({"device_id": report.token, "location": location}).encode()


def _same(parsed: Report, expected: Report) -> None:
    assert (parsed.token, parsed.at, parsed.lat, parsed.lon, parsed.source) == (
        expected.token, expected.at, expected.lat, expected.lon, expected.source
    )  # fmt: skip
    for name in ("speed_kmh", "bearing", "altitude_m", "accuracy_m", "battery_pct"):
        got, want = getattr(parsed, name), getattr(expected, name)
        assert (got is None) == (want is None), name
        if want is not None:
            assert math.isclose(got, want, rel_tol=1e-9, abs_tol=1e-9), name


@given(reports(), st.sampled_from(["get", "form", "json"]), st.data())
def test_any_valid_form_of_a_report_parses_to_that_report(
    expected: Report, shape: str, data: st.DataObject
) -> None:
    if shape == "json":
        parsed = parse_request("", "application/json", _as_json(expected), received=RECEIVED)
    else:
        query = urlencode(_as_params(expected, data.draw))
        parsed = get(query) if shape == "get" else post_form(query)

    _same(parsed, expected)


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=20),
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=10), inner, max_size=4)
    ),
    max_leaves=20,
)


@st.composite
def near_json(draw: st.DrawFn) -> bytes:
    """A Traccar Client 9 body with some of its values replaced by anything JSON can hold."""
    body = traccar9()
    location = body["location"]
    assert isinstance(location, dict)
    for table, key in draw(st.lists(st.sampled_from([
        (body, "device_id"), (body, "location"), (location, "timestamp"), (location, "coords"),
        (location, "battery"), (location["coords"], "latitude"), (location["coords"], "speed"),
        (location["coords"], "heading"), (location["battery"], "level"),
    ]), max_size=3)):  # fmt: skip
        table[key] = draw(json_values)
    return json.dumps(body).encode()


@settings(max_examples=300)
@given(
    st.text(max_size=200),
    st.sampled_from([None, "", FORM, "application/json", "text/plain", "application/ld+json"]),
    st.binary(max_size=300) | near_json() | st.text(max_size=200).map(str.encode),
)
def test_garbage_never_raises_anything_but_the_parser_s_error(
    query: str, content_type: str | None, body: bytes
) -> None:
    try:
        report = parse_request(query, content_type, body, received=RECEIVED)
    except ReportError as error:
        assert error.field and str(error)
    else:
        assert report.token and -90 <= report.lat <= 90 and -180 <= report.lon <= 180
        assert report.at.tzinfo is not None
