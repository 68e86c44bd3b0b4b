"""MQTT payloads and addresses: what the crew topic, OwnTracks and status reports may carry."""

from __future__ import annotations

import contextlib
import json
from datetime import UTC, datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from console.core.field.fix import FixSource, Report
from console.core.field.mqtt_payloads import (
    MAX_ITEMS,
    OwnTracksIgnored,
    PayloadError,
    parse_crew_fixes,
    parse_owntracks,
    parse_status,
    status_reply,
)
from console.core.field.ports import FieldStatus
from console.gateway.mqtt import MqttUrlError, parse_url

NOW = datetime(2026, 11, 23, 2, 0, tzinfo=UTC)


def one(payload: object) -> Report:
    (item,) = parse_crew_fixes(json.dumps(payload).encode(), received=NOW)
    assert isinstance(item, Report), item
    return item


def error_of(payload: object) -> PayloadError:
    (item,) = parse_crew_fixes(json.dumps(payload).encode(), received=NOW)
    assert isinstance(item, PayloadError)
    return item


@pytest.mark.parametrize(
    ("stamp", "expected"),
    [
        (1795000000, datetime(2026, 11, 18, 11, 6, 40, tzinfo=UTC)),
        (1795000000123, datetime(2026, 11, 18, 11, 6, 40, 123000, tzinfo=UTC)),
        ("1795000000", datetime(2026, 11, 18, 11, 6, 40, tzinfo=UTC)),
        ("2026-11-23T01:02:03Z", datetime(2026, 11, 23, 1, 2, 3, tzinfo=UTC)),
        ("2026-11-23 09:02:03.5+08:00", datetime(2026, 11, 23, 1, 2, 3, 500000, tzinfo=UTC)),
        ("2026-11-23T01:02:03", datetime(2026, 11, 23, 1, 2, 3, tzinfo=UTC)),
        (None, NOW),
    ],
)
def test_crew_fix_times_in_every_form_the_osmand_protocol_allows(
    stamp: object, expected: datetime
) -> None:
    payload = {"id": "tok", "lat": 30, "lon": 120}
    if stamp is not None:
        payload["timestamp"] = stamp  # type: ignore[assignment]
    assert one(payload).at == expected


def test_crew_fix_readings_use_the_osmand_units() -> None:
    fix = one({"deviceid": " tok ", "location": "30.5,120.25", "speed": "10", "heading": 45,
               "altitude": 12.5, "accuracy": 4, "batt": 80})  # fmt: skip
    assert (fix.token, fix.lat, fix.lon, fix.source) == ("tok", 30.5, 120.25, FixSource.MQTT)
    assert fix.speed_kmh == pytest.approx(18.52)
    assert (fix.bearing, fix.altitude_m, fix.accuracy_m, fix.battery_pct) == (45, 12.5, 4, 80)


@pytest.mark.parametrize(
    ("payload", "field"),
    [
        ({"lat": 30, "lon": 120}, "id"),
        ({"id": "", "lat": 30, "lon": 120}, "id"),
        ({"id": "tok", "lon": 120}, "lat"),
        ({"id": "tok", "lat": 91, "lon": 120}, "lat"),
        ({"id": "tok", "lat": 30, "lon": "east"}, "lon"),
        ({"id": "tok", "lat": True, "lon": 120}, "lat"),
        ({"id": "tok", "lat": 30, "lon": 120, "timestamp": "yesterday"}, "timestamp"),
        ({"id": "tok", "lat": 30, "lon": 120, "speed": -1}, "speed"),
        ({"id": "tok", "lat": 30, "lon": 120, "batt": 101}, "batt"),
        ({"id": "tok", "location": "30"}, "location"),
        ({"id": {"nested": 1}, "lat": 30, "lon": 120}, "id"),
        ("just text", "payload"),
    ],
)
def test_a_bad_crew_fix_names_its_field(payload: object, field: str) -> None:
    assert error_of(payload).field == field


def test_an_array_keeps_its_good_fixes_and_names_the_bad_ones() -> None:
    items = parse_crew_fixes(
        json.dumps([{"id": "a", "lat": 30, "lon": 120}, {"id": "b"}]).encode(), received=NOW
    )
    assert isinstance(items[0], Report) and isinstance(items[1], PayloadError)


@pytest.mark.parametrize(
    "payload",
    [b"{nope", b"\xff\xfe", b"[]", json.dumps([{}] * (MAX_ITEMS + 1)).encode(), b"x" * 300_000],
)
def test_an_unreadable_crew_message_is_refused_whole(payload: bytes) -> None:
    with pytest.raises(PayloadError):
        parse_crew_fixes(payload, received=NOW)


@given(st.binary(max_size=400) | st.text(max_size=200).map(str.encode))
def test_no_crew_payload_raises_anything_but_a_payload_error(payload: bytes) -> None:
    with contextlib.suppress(PayloadError):
        parse_crew_fixes(payload, received=NOW)


@given(st.recursive(st.none() | st.booleans() | st.floats() | st.integers() | st.text(max_size=8),
                    lambda inner: st.lists(inner, max_size=3)
                    | st.dictionaries(st.sampled_from(["id", "lat", "lon", "timestamp", "tst",
                                                       "_type", "status", "reply", "speed"]),
                                      inner, max_size=5), max_leaves=12))  # fmt: skip
def test_no_json_document_breaks_any_parser(document: object) -> None:
    payload = json.dumps(document).encode()
    for parse in (
        lambda: parse_crew_fixes(payload, received=NOW),
        lambda: parse_owntracks("owntracks/u/tok", payload),
        lambda: parse_status(payload),
    ):
        with contextlib.suppress(PayloadError, OwnTracksIgnored):
            parse()
    status_reply(payload)


def test_an_owntracks_location_names_its_device_in_the_topic() -> None:
    payload = {"_type": "location", "lat": 30.1, "lon": 120.2, "tst": 1795000000, "vel": 54,
               "cog": 360, "alt": 5, "acc": 10, "batt": 50}  # fmt: skip
    fix = parse_owntracks("owntracks/li.wei/SECRET123", json.dumps(payload).encode())
    assert (fix.token, fix.source, fix.speed_kmh, fix.bearing) == (
        "SECRET123", FixSource.OWNTRACKS, 54, 0)  # fmt: skip
    assert fix.at == datetime(2026, 11, 18, 11, 6, 40, tzinfo=UTC)


@pytest.mark.parametrize("kind", ["waypoint", "transition", "card", "lwt", None])
def test_other_owntracks_messages_are_ignored(kind: str | None) -> None:
    with pytest.raises(OwnTracksIgnored):
        parse_owntracks("owntracks/u/d", json.dumps({"_type": kind, "lat": 1}).encode())


@pytest.mark.parametrize(
    ("topic", "payload", "field"),
    [
        ("owntracks/u", {"_type": "location", "lat": 1, "lon": 1, "tst": 1}, "topic"),
        ("owntracks/u/d/extra", {"_type": "location", "lat": 1, "lon": 1, "tst": 1}, "topic"),
        ("owntracks/u/d", {"_type": "location", "lat": 1, "lon": 1}, "tst"),
        ("owntracks/u/d", {"_type": "location", "lat": 1, "lon": 1, "tst": "soon"}, "tst"),
        ("owntracks/u/d", {"_type": "location", "lat": 1, "lon": 1, "tst": 1, "cog": 400}, "cog"),
        ("owntracks/u/d", {"_type": "location", "lat": 1, "lon": 1, "tst": 1, "vel": -5}, "vel"),
        ("owntracks/u/d", {"_type": "location", "lat": 1, "tst": 1}, "lon"),
        ("owntracks/u/d", [1, 2], "payload"),
    ],
)
def test_a_bad_owntracks_location_names_its_field(topic: str, payload: object, field: str) -> None:
    with pytest.raises(PayloadError) as refused:
        parse_owntracks(topic, json.dumps(payload).encode())
    assert refused.value.field == field


def test_a_status_report_carries_the_bill_figures_and_the_reply_name() -> None:
    message = parse_status(json.dumps({"id": "tok", "status": "COMPLETED", "reference": "RA-1",
                                       "distance_km": "83.5", "waiting_minutes": 10,
                                       "reply": "hz-01"}).encode())  # fmt: skip
    assert message.token == "tok" and message.reply == "hz-01"
    report = message.report
    assert (report.status, report.reference) == (FieldStatus.COMPLETED, "RA-1")
    assert (report.distance_km, report.waiting_minutes) == (83.5, 10)


@pytest.mark.parametrize(
    ("payload", "field"),
    [
        ({"status": "en_route"}, "id"),
        ({"id": "t", "status": "parked"}, "status"),
        ({"id": "t", "status": "towing", "reply": "a/#"}, "reply"),
        ({"id": "t", "status": "completed", "waiting_minutes": 1.5}, "waiting_minutes"),
        ({"id": "t", "status": "completed", "distance_km": "far"}, "distance_km"),
    ],
)
def test_a_bad_status_report_names_its_field(payload: object, field: str) -> None:
    with pytest.raises(PayloadError) as refused:
        parse_status(json.dumps(payload).encode())
    assert refused.value.field == field


def test_mqtt_addresses() -> None:
    plain = parse_url("mqtt://broker.example:1884")
    assert (plain.host, plain.port, plain.tls, plain.username) == (
        "broker.example",
        1884,
        False,
        None,
    )
    assert plain.client_id.startswith("roadside-gateway-") and plain.group == "roadside"
    full = parse_url("mqtts://gw:s%3Acret@10.0.0.5?client_id=gw-2&group=east&session_expiry=600")
    assert (full.host, full.port, full.tls) == ("10.0.0.5", 8883, True)
    assert (full.username, full.password, full.client_id) == ("gw", "s:cret", "gw-2")
    assert (full.group, full.session_expiry) == ("east", 600)
    assert "s:cret" not in full.describe() and "s%3Acret" not in full.describe()


@pytest.mark.parametrize(
    "url",
    [
        "http://broker:1883",
        "mqtt://",
        "mqtt://broker:99999",
        "mqtt://broker:port",
        "mqtt://broker/topic",
        "mqtt://broker?clientid=x",
        "mqtt://broker?group=a/b",
        "mqtt://broker?client_id=",
        "mqtt://broker?session_expiry=-1",
        "mqtt://user:hunter2@broker:1883?bad=1",
    ],
)
def test_a_bad_mqtt_address_is_one_line_without_the_password(url: str) -> None:
    with pytest.raises(MqttUrlError) as refused:
        parse_url(url)
    text = str(refused.value)
    assert "\n" not in text and "hunter2" not in text and text.startswith("MQTT address")
