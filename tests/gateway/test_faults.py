"""Faults: the database going away and coming back, and the gateway stopped by SIGTERM."""

from __future__ import annotations

import asyncio
import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import httpx
import pytest
from sqlalchemy import Engine, select
from sqlalchemy.engine import make_url

from console.db import schema
from console.db.engine import make_engine
from console.db.models import PositionFix
from console.db.services import utc_now
from console.db.telemetry.store import TelemetryStore
from console.gateway.ingest import Ingest, IngestSettings
from tests.db.conftest import install_fleet
from tests.gateway.conftest import register_device, registry
from tests.gateway.running import running_gateway
from tests.gateway.switch_proxy import switch_proxy
from tests.support.databases import postgres_schema_url, postgres_unavailable_reason

ROOT = Path(__file__).resolve().parents[2]


def stored_times(engine: Engine) -> set[datetime]:
    with engine.connect() as connection:
        return {at.replace(tzinfo=UTC) for at in connection.scalars(select(PositionFix.at))}


@pytest.fixture
def postgres() -> Iterator[tuple[Engine, str]]:
    """A PostgreSQL schema at the head revision with a fleet; a phone registered for crew 1."""
    reason = postgres_unavailable_reason()
    if reason:
        pytest.skip(reason)
    with postgres_schema_url() as url:
        engine = schema.open_database(url, create=True)
        install_fleet(engine)
        yield engine, register_device(engine, crew_id=1)
        engine.dispose()


@pytest.mark.postgres
def test_database_away_answers_503_and_the_gateway_recovers_by_itself(
    postgres: tuple[Engine, str],
) -> None:
    engine, token = postgres
    url = make_url(engine.url.render_as_string(hide_password=False))
    with switch_proxy((url.host or "127.0.0.1", url.port or 5432)) as proxy:
        through = make_engine(url.set(port=proxy.port).render_as_string(hide_password=False))
        ingest_settings = IngestSettings(batch_interval=0.05, healthy_within=1.0)

        def ingest() -> Ingest:
            return Ingest(registry(through), TelemetryStore(through, clock=utc_now),
                          ingest_settings)  # fmt: skip

        at = datetime.now(UTC).replace(microsecond=0) - timedelta(hours=1)
        answers: dict[datetime, int] = {}
        with running_gateway(ingest) as running, httpx.Client(base_url=running.url) as http:

            def send(lat: float) -> httpx.Response:
                nonlocal at
                at += timedelta(seconds=10)
                answer = http.get("/", params={"id": token, "lat": lat, "lon": 120.16,
                                               "timestamp": int(at.timestamp())}, timeout=30)  # fmt: skip
                answers[at] = answer.status_code
                return answer

            assert send(30.25).status_code == 200
            proxy.cut()
            away = send(30.2505)
            health_away = http.get("/health")
            proxy.restore()
            deadline = time.monotonic() + 20
            while send(30.251).status_code != 200:
                assert time.monotonic() < deadline, "the gateway did not recover"
                time.sleep(0.5)
            health_back = http.get("/health")
        through.dispose()

    assert (away.status_code, away.headers["Retry-After"]) == (503, "5")
    assert health_away.status_code == 503
    assert health_back.status_code == 200
    acknowledged = {at for at, status in answers.items() if status == 200}
    assert stored_times(engine) == acknowledged


def test_sigterm_answers_what_is_in_flight_writes_it_and_exits_0(seeded_sqlite: str) -> None:
    engine = make_engine(seeded_sqlite)
    token = register_device(engine, crew_id=1)
    gateway = subprocess.Popen(
        [sys.executable, str(ROOT / "main.py"), "gateway", "--db", seeded_sqlite,
         "--listen", "127.0.0.1:0"],
        cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )  # fmt: skip
    try:
        assert gateway.stdout is not None
        first = gateway.stdout.readline()
        assert first.startswith("gateway on http://127.0.0.1:"), first + gateway.stderr.read()
        port = int(first.split("http://127.0.0.1:")[1].split()[0])
        start = datetime.now(UTC).replace(microsecond=0) - timedelta(hours=1)

        async def in_flight() -> list[httpx.Response | BaseException]:
            def fix(i: int) -> dict[str, object]:
                at = start + timedelta(seconds=10 * i)
                return {"id": token, "lat": 30.25 + i * 0.0001, "lon": 120.16,
                        "timestamp": int(at.timestamp())}  # fmt: skip

            async with httpx.AsyncClient(base_url=f"http://127.0.0.1:{port}", timeout=30) as c:
                first = await c.get("/", params=fix(0))  # type: ignore[arg-type]
                sent = [asyncio.ensure_future(c.get("/", params=fix(i))) for i in range(1, 30)]  # type: ignore[arg-type]
                deadline = time.monotonic() + 2
                while time.monotonic() < deadline:  # stop while fixes wait for their batch
                    if (await c.get("/metrics")).json()["queued"]:
                        break
                os.kill(gateway.pid, signal.SIGTERM)
                # A request not yet read when the stop came is dropped unanswered (the
                # client sends it again): only answered ones count.
                return [first, *await asyncio.gather(*sent, return_exceptions=True)]

        answers = asyncio.run(in_flight())
        out, err = gateway.communicate(timeout=30)
    finally:
        if gateway.poll() is None:
            gateway.kill()

    assert gateway.returncode == 0, err
    assert "Traceback" not in err
    acknowledged = {
        start + timedelta(seconds=10 * i)
        for i, a in enumerate(answers)
        if isinstance(a, httpx.Response) and a.status_code == 200
    }
    assert start in acknowledged, "the fix before the stop was not answered"
    assert acknowledged <= stored_times(engine)
    assert f"gateway stopped: {len(acknowledged)} accepted" in out
    engine.dispose()
