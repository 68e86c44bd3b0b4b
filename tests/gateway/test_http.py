"""The HTTP door, over a real uvicorn server and a real HTTP client, with in-memory ports."""

from __future__ import annotations

import asyncio
import json
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from urllib.parse import quote, urlencode

import httpx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from console.core.field.fix import Verdict
from console.gateway.ingest import Ingest, IngestSettings
from tests.gateway.fakes import FakeDevices, FakeStatus, FakeStore
from tests.gateway.running import Running, running_gateway

TOKEN = "k3Jq9xWm2PzR7vLt5NcY8bHd4Fg6SaE1"
REVOKED = "r3Jq9xWm2PzR7vLt5NcY8bHd4Fg6SaE2"
FLOODER = "f3Jq9xWm2PzR7vLt5NcY8bHd4Fg6SaE3"
FAST = IngestSettings(batch_interval=0.02, rate=20, burst=40)


class World:
    """The fakes behind one running gateway, and a client to it."""

    def __init__(self, running: Running, devices: FakeDevices, store: FakeStore) -> None:
        self.running = running
        self.devices = devices
        self.store = store
        self.http = httpx.Client(base_url=running.url, timeout=10)
        self.at = datetime.now(UTC).replace(microsecond=0) - timedelta(minutes=10)

    def next_time(self) -> int:
        self.at += timedelta(seconds=1)
        return int(self.at.timestamp())

    def params(self, **extra: object) -> dict[str, object]:
        return {"id": TOKEN, "lat": 30.25, "lon": 120.16, "timestamp": self.next_time()} | extra


@pytest.fixture(scope="module")
def world() -> Iterator[World]:
    devices, store, status = FakeDevices(), FakeStore(), FakeStatus()
    devices.add(TOKEN, device_id=7, crew_id=3)
    devices.add(REVOKED, device_id=8, crew_id=4, revoked=True)
    devices.add(FLOODER, device_id=9, crew_id=5)
    with running_gateway(lambda: Ingest(devices, store, FAST), status_writer=status) as running:
        w = World(running, devices, store)
        yield w
        w.http.close()


@pytest.fixture
def fresh(world: World) -> World:
    """The module's gateway with its fakes reset to a healthy, empty state."""
    world.store.batches.clear()
    world.store.down = world.devices.down = False
    return world


def test_a_get_report_is_stored_and_answered_200(fresh: World) -> None:
    answer = fresh.http.get("/", params=fresh.params(speed=10))

    assert answer.status_code == 200
    [fix] = fresh.store.fixes
    assert (fix.device_id, fix.crew_id, fix.lat, fix.lon) == (7, 3, 30.25, 120.16)


def test_a_form_body_is_stored(fresh: World) -> None:
    answer = fresh.http.post("/", content=urlencode(fresh.params()), headers={
        "Content-Type": "application/x-www-form-urlencoded"})  # fmt: skip

    assert answer.status_code == 200
    assert len(fresh.store.fixes) == 1


def test_a_traccar_client_9_json_body_is_stored(fresh: World) -> None:
    stamp = (fresh.at + timedelta(seconds=5)).isoformat().replace("+00:00", "Z")
    body = {"device_id": TOKEN, "location": {"timestamp": stamp, "coords": {
        "latitude": 30.3, "longitude": 120.2, "speed": 5, "heading": 10, "altitude": 3,
        "accuracy": 4}, "battery": {"level": 0.5, "is_charging": False}}}  # fmt: skip
    fresh.at += timedelta(seconds=5)

    answer = fresh.http.post("/", json=body)

    assert answer.status_code == 200
    [fix] = fresh.store.fixes
    assert (fix.lat, fix.speed_kmh, fix.battery_pct) == (30.3, 18.0, 50.0)


def test_a_malformed_report_is_400_naming_the_field_and_writes_nothing(fresh: World) -> None:
    answer = fresh.http.get("/", params=fresh.params(lat="north"))

    assert answer.status_code == 400
    assert "lat" in answer.text
    assert fresh.store.fixes == []


def test_a_body_over_the_limit_is_413_while_reading(fresh: World) -> None:
    def endless() -> Iterator[bytes]:
        for _ in range(10_000):  # 10 MB if it were all read
            yield b"x" * 1024

    declared = fresh.http.post("/", content=b"a=" + b"x" * 70_000)
    streamed = fresh.http.post("/", content=endless())

    assert (declared.status_code, streamed.status_code) == (413, 413)
    assert fresh.http.get("/", params=fresh.params()).status_code == 200


def test_unknown_and_revoked_devices_get_the_same_403(fresh: World) -> None:
    unknown = fresh.http.get("/", params=fresh.params(id="x" * 32))
    revoked = fresh.http.get("/", params=fresh.params(id=REVOKED))

    assert unknown.status_code == revoked.status_code == 403
    assert unknown.text == revoked.text
    assert fresh.store.fixes == []


def test_a_stale_fix_is_settled_with_its_verdict_so_the_client_moves_on(fresh: World) -> None:
    newer = fresh.params()
    older = newer | {"timestamp": int(newer["timestamp"]) - 60}  # type: ignore[call-overload]
    assert fresh.http.get("/", params=newer).status_code == 200

    answer = fresh.http.get("/", params=older)

    assert answer.status_code == 200
    assert answer.headers["X-Fix-Verdict"] == Verdict.STALE.value
    assert "not stored" in answer.text
    assert len(fresh.store.fixes) == 1


def test_outside_the_area_is_settled_too(fresh: World) -> None:
    answer = fresh.http.get("/", params=fresh.params(lat=48.85, lon=2.29))

    assert (answer.status_code, answer.headers["X-Fix-Verdict"]) == (200, "outside_area")
    assert fresh.store.fixes == []


def test_a_flooding_device_is_told_to_wait(fresh: World) -> None:
    async def flood() -> list[httpx.Response]:
        async with httpx.AsyncClient(base_url=fresh.running.url, timeout=10) as client:
            return await asyncio.gather(
                *(client.get("/", params=fresh.params(id=FLOODER)) for _ in range(120))
            )

    answers = asyncio.run(flood())

    codes = [a.status_code for a in answers]
    assert 429 in codes
    assert all(int(a.headers["Retry-After"]) >= 1 for a in answers if a.status_code == 429)
    stored = [a for a in answers if a.status_code == 200 and "X-Fix-Verdict" not in a.headers]
    assert len(fresh.store.fixes) == len(stored)
    assert fresh.http.get("/", params=fresh.params()).status_code == 200, "others still served"


def test_database_down_is_503_with_retry_after_and_it_recovers(fresh: World) -> None:
    fresh.store.down = True
    down = fresh.http.get("/", params=fresh.params())
    health_down = fresh.http.get("/health")
    fresh.store.down = False
    up = fresh.http.get("/", params=fresh.params())

    assert (down.status_code, down.headers["Retry-After"]) == (503, "5")
    assert health_down.status_code == 503
    assert up.status_code == 200
    assert fresh.http.get("/health").json() == {"ok": True}
    assert len(fresh.store.fixes) == 1


def test_metrics_count_each_verdict(fresh: World) -> None:
    before = fresh.http.get("/metrics").json()["verdicts"]
    fresh.http.get("/", params=fresh.params())
    fresh.http.get("/", params=fresh.params(id="nobody-" + "x" * 30))
    after = fresh.http.get("/metrics").json()

    assert after["verdicts"]["accepted"] == before["accepted"] + 1
    assert after["verdicts"]["unknown_device"] == before["unknown_device"] + 1
    assert "osmand" in after["sources"]


def test_field_status_is_answered_with_the_writer_s_answer(fresh: World) -> None:
    done = fresh.http.post("/status", json={"id": TOKEN, "status": "en_route",
                                            "reference": "RA-20261123-0001"})  # fmt: skip
    refused = fresh.http.post("/status", json={"id": TOKEN, "status": "completed",
                                               "distance_km": 12.5, "waiting_minutes": 5})  # fmt: skip
    stranger = fresh.http.post("/status", json={"id": "y" * 32, "status": "en_route"})
    nonsense = fresh.http.post("/status", json={"id": TOKEN, "status": "flying"})

    assert (done.status_code, done.json()["code"], done.json()["status"]) == (200, "ok", "en_route")
    assert (refused.status_code, refused.json()["code"]) == (409, "illegal_transition")
    assert stranger.status_code == 403
    assert nonsense.status_code == 400 and "status" in nonsense.text


def test_only_the_gateway_s_paths_and_methods_answer(fresh: World) -> None:
    assert fresh.http.get("/admin").status_code == 404
    assert fresh.http.delete("/").status_code == 405


# -- property: whatever arrives, the gateway answers sensibly, stores nothing, and keeps serving


requests = st.one_of(
    st.tuples(
        st.just("GET"),
        st.text(max_size=300).map(lambda text: quote(text, safe="=&,"))
        | st.dictionaries(
            st.sampled_from(
                [
                    "id",
                    "deviceid",
                    "lat",
                    "lon",
                    "location",
                    "timestamp",
                    "speed",
                    "bearing",
                    "batt",
                    "accuracy",
                ]
            ),
            st.text(max_size=30) | st.floats().map(str) | st.integers().map(str),
        ).map(urlencode),
        st.none(),
        st.just(b""),
    ),
    st.tuples(
        st.just("POST"),
        st.just(""),
        st.sampled_from(
            [
                None,
                "application/json",
                "application/x-www-form-urlencoded",
                "text/plain",
                "multipart/form-data; boundary=x",
            ]
        ),
        st.binary(max_size=2000)
        | st.text(max_size=500).map(str.encode)
        | st.builds(lambda n: b"id=" + b"x" * n, st.integers(60_000, 120_000))
        | st.recursive(
            st.none() | st.integers() | st.text(max_size=8),
            lambda inner: st.dictionaries(st.text(max_size=8), inner, max_size=4),
            max_leaves=10,
        ).map(lambda v: json.dumps(v).encode()),
    ),
)


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(requests)
def test_garbage_gets_a_client_error_and_writes_nothing(
    fresh: World, request: tuple[str, str, str | None, bytes]
) -> None:
    method, query, content_type, body = request
    headers = {"Content-Type": content_type} if content_type else {}
    answer = fresh.http.request(method, "/?" + query if query else "/", content=body or None,
                                headers=headers)  # fmt: skip

    assert answer.status_code in (400, 403, 413), answer.text
    assert fresh.store.fixes == []
    assert fresh.http.get("/health").status_code == 200
