"""The gateway over a real database (SQLite and PostgreSQL): an acknowledged fix is stored.

A real uvicorn server on a free loopback port, a real HTTP client, the data
layer's own telemetry store and device registry.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from urllib.parse import urlencode

import httpx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import Engine, func, select

from console.db.models import Crew, PositionFix
from console.db.services import utc_now
from console.db.telemetry.field_status import FieldStatusService
from console.db.telemetry.store import TelemetryStore
from console.gateway.ingest import Ingest, IngestSettings
from tests.gateway.conftest import register_device, registry
from tests.gateway.running import running_gateway

QUICK = IngestSettings(batch_interval=0.05, rate=5, burst=20)


class Field:
    """A gateway on ``engine`` with three registered phones, and a client to it."""

    def __init__(self, engine: Engine, url: str, tokens: tuple[str, str, str]) -> None:
        self.engine = engine
        self.token, self.revoked, self.flooder = tokens
        self.http = httpx.Client(base_url=url, timeout=15)
        self.at = datetime.now(UTC).replace(microsecond=0) - timedelta(hours=1)
        self.lat, self.lon = 30.25, 120.16

    def tick(self, seconds: float = 10) -> datetime:
        """The next fix's time; each fix moves 50 m north (a plausible crawl)."""
        self.at += timedelta(seconds=seconds)
        self.lat += 0.00045
        return self.at

    def fixes(self) -> list[PositionFix]:
        with self.engine.connect() as connection:
            return list(connection.execute(select(PositionFix).order_by(PositionFix.id)).all())

    def count(self) -> int:
        with self.engine.connect() as connection:
            return int(
                connection.execute(select(func.count()).select_from(PositionFix)).scalar_one()
            )


@pytest.fixture
def field(engine: Engine, fleet: list[int]) -> Iterator[Field]:
    tokens = (
        register_device(engine, crew_id=1),
        register_device(engine, crew_id=2, revoked=True),
        register_device(engine, crew_id=3),
    )

    def ingest() -> Ingest:
        return Ingest(registry(engine), TelemetryStore(engine, clock=utc_now), QUICK)

    with running_gateway(ingest, status_writer=FieldStatusService(engine)) as running:
        f = Field(engine, running.url, tokens)
        yield f
        f.http.close()


def _iso(at: datetime, sep: str = "T", fraction: bool = False) -> str:
    text = at.replace(tzinfo=None).isoformat(sep=sep)
    return text + ".000" if fraction else text


FORMS = {
    "get id lat lon unix seconds": lambda f, at: ("GET", {
        "id": f.token, "lat": f.lat, "lon": f.lon, "timestamp": int(at.timestamp())}),
    "get deviceid location unix ms": lambda f, at: ("GET", {
        "deviceid": f.token, "location": f"{f.lat},{f.lon}",
        "timestamp": int(at.timestamp()) * 1000}),
    "post form iso T": lambda f, at: ("FORM", {
        "id": f.token, "lat": f.lat, "lon": f.lon, "timestamp": _iso(at), "speed": 20,
        "bearing": 90, "altitude": 10, "accuracy": 5, "batt": 80}),
    "post form iso space fraction": lambda f, at: ("FORM", {
        "deviceid": f.token, "location": f"{f.lat},{f.lon}", "timestamp": _iso(at, " ", True)}),
    "traccar client 9 json": lambda f, at: ("JSON", {
        "device_id": f.token, "location": {"timestamp": _iso(at, "T", True) + "Z", "coords": {
            "latitude": f.lat, "longitude": f.lon, "speed": 5.0, "heading": 180.0,
            "altitude": 10.0, "accuracy": 4.0}, "battery": {"level": 0.8, "is_charging": False},
            "is_moving": True}}),
}  # fmt: skip


def send(field: Field, shape: str, payload: dict[str, object]) -> httpx.Response:
    if shape == "GET":
        return field.http.get("/", params=payload)  # type: ignore[arg-type]
    if shape == "FORM":
        return field.http.post("/", content=urlencode(payload), headers={
            "Content-Type": "application/x-www-form-urlencoded"})  # fmt: skip
    return field.http.post("/", json=payload)


@pytest.mark.parametrize("form", FORMS)
def test_each_request_form_stores_the_crew_s_fix(field: Field, form: str) -> None:
    at = field.tick()
    shape, payload = FORMS[form](field, at)

    answer = send(field, shape, payload)

    assert answer.status_code == 200, answer.text
    assert "X-Fix-Verdict" not in answer.headers
    [fix] = field.fixes()
    assert (fix.crew_id, fix.at.replace(tzinfo=UTC), fix.source) == (1, at, "osmand")
    assert (round(fix.lat, 6), round(fix.lon, 6)) == (round(field.lat, 6), round(field.lon, 6))
    with field.engine.connect() as connection:
        crew = connection.execute(select(Crew.lat, Crew.gps_at).where(Crew.id == 1)).one()
    assert round(crew.lat, 6) == round(field.lat, 6)
    assert crew.gps_at.replace(tzinfo=UTC) == at


def test_every_acknowledged_fix_is_in_the_database(field: Field) -> None:
    acknowledged = []
    for _ in range(12):
        at = field.tick()
        answer = field.http.get("/", params={"id": field.token, "lat": field.lat, "lon": field.lon,
                                             "timestamp": int(at.timestamp())})  # fmt: skip
        if answer.status_code == 200:
            acknowledged.append(at)

    assert len(acknowledged) == 12
    assert [f.at.replace(tzinfo=UTC) for f in field.fixes()] == acknowledged


def test_refused_devices_and_implausible_fixes_write_nothing(field: Field) -> None:
    def get(**params: object) -> httpx.Response:
        at = field.tick()
        query = {"id": field.token, "lat": field.lat, "lon": field.lon,
                 "timestamp": int(at.timestamp())} | params  # fmt: skip
        return field.http.get("/", params=query)  # type: ignore[arg-type]

    assert get().status_code == 200
    stored = field.count()
    newest = field.at

    unknown = get(id="u" * 32)
    revoked = get(id=field.revoked)
    outside = get(lat=48.85, lon=2.29)
    future = get(timestamp=int((datetime.now(UTC) + timedelta(hours=1)).timestamp()))
    stale = get(timestamp=int((newest - timedelta(minutes=5)).timestamp()))
    jump = get(lat=31.25)  # 110 km in 10 s
    malformed = get(lat="north")

    assert (unknown.status_code, revoked.status_code) == (403, 403)
    assert (outside.status_code, outside.headers["X-Fix-Verdict"]) == (200, "outside_area")
    assert (future.status_code, future.headers["X-Fix-Verdict"]) == (422, "future")
    assert (stale.status_code, stale.headers["X-Fix-Verdict"]) == (200, "stale")
    assert (jump.status_code, jump.headers["X-Fix-Verdict"]) == (200, "jump")
    assert malformed.status_code == 400 and "lat" in malformed.text
    assert field.count() == stored
    assert get().status_code == 200, "the gateway keeps serving"
    metrics = field.http.get("/metrics").json()["verdicts"]
    for cause in ("unknown_device", "revoked_device", "outside_area", "future", "stale", "jump",
                  "malformed"):  # fmt: skip
        assert metrics[cause] >= 1, cause


def test_a_flooding_device_is_rate_limited_and_nothing_beyond_is_written(field: Field) -> None:
    import asyncio

    base = datetime.now(UTC).replace(microsecond=0) - timedelta(minutes=30)

    async def flood() -> list[httpx.Response]:
        async with httpx.AsyncClient(base_url=str(field.http.base_url), timeout=15) as client:
            return await asyncio.gather(*(
                client.get("/", params={"id": field.flooder, "lat": 30.3, "lon": 120.2,
                                        "timestamp": int((base + timedelta(seconds=i)).timestamp())})
                for i in range(60)
            ))  # fmt: skip

    answers = asyncio.run(flood())

    assert any(a.status_code == 429 and int(a.headers["Retry-After"]) >= 1 for a in answers)
    committed = [a for a in answers if a.status_code == 200 and "X-Fix-Verdict" not in a.headers]
    assert field.count() == len(committed) <= 20


def test_field_status_reaches_the_lifecycle(field: Field) -> None:
    answer = field.http.post("/status", json={"id": field.token, "status": "en_route"})

    assert answer.status_code == 409
    assert answer.json()["code"] == "no_job"


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    st.dictionaries(
        st.sampled_from(["id", "deviceid", "lat", "lon", "location", "timestamp", "speed"]),
        st.text(max_size=20) | st.floats().map(str) | st.integers().map(str),
    ),
    st.binary(max_size=500) | st.builds(lambda n: b"x" * n, st.integers(65_000, 80_000)),
)
def test_garbage_over_http_writes_nothing(
    field: Field, params: dict[str, str], body: bytes
) -> None:
    by_query = field.http.get("/", params=params)
    by_body = field.http.post("/", content=body, headers={"Content-Type": "application/json"})
    by_form = field.http.post("/", content=body)

    assert by_query.status_code in (400, 403)
    assert by_body.status_code in (400, 413) and by_form.status_code in (400, 403, 413)
    assert field.count() == 0
    assert field.http.get("/health").status_code == 200
