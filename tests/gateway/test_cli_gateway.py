"""``roadside-console gateway``: its options, its mistakes, and a clean stop on SIGTERM."""

from __future__ import annotations

import json
import signal
import socket
import subprocess
import sys
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

import httpx
import pytest
from sqlalchemy import Engine, select

from console.cli_gateway import Listen, parse_listen
from console.core.field.fix import Fix, FixSource, Verdict
from console.db.engine import make_engine
from console.db.models import PositionFix
from console.db.services import utc_now
from console.db.telemetry.store import TelemetryStore
from tests.gateway.conftest import register_device, registry
from tests.support.broker import Broker, mosquitto_pub

ROOT = Path(__file__).resolve().parents[2]


def run(*argv: str, timeout: float = 120) -> subprocess.CompletedProcess[str]:
    """Run ``python main.py ...`` as a user would."""
    return subprocess.run([sys.executable, str(ROOT / "main.py"), *argv], capture_output=True,
                          text=True, timeout=timeout, check=False, cwd=ROOT)  # fmt: skip


def assert_usage_error(result: subprocess.CompletedProcess[str], fragment: str) -> None:
    assert result.returncode == 2, result.stderr
    assert "Traceback" not in result.stderr
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1, result.stderr
    assert fragment in lines[0], lines[0]


@pytest.mark.parametrize(
    ("text", "listen"),
    [
        ("0.0.0.0:5055", Listen("0.0.0.0", 5055)),
        ("127.0.0.1:0", Listen("127.0.0.1", 0)),
        ("[::]:5055", Listen("::", 5055)),
        ("gateway.local:80", Listen("gateway.local", 80)),
    ],
)
def test_listen_addresses(text: str, listen: Listen) -> None:
    assert parse_listen(text) == listen


@pytest.mark.parametrize("text", ["5055", ":5055", "host:", "host:port", "host:70000", "a b:1"])
def test_bad_listen_addresses(text: str) -> None:
    with pytest.raises(ValueError, match=r"HOST:PORT|port"):
        parse_listen(text)


def test_a_bad_listen_option_is_one_line_and_exit_2(tmp_path: Path) -> None:
    result = run("gateway", "--db", f"sqlite:///{tmp_path / 'x.db'}", "--listen", "nowhere")

    assert_usage_error(result, "--listen")


def test_a_database_that_cannot_be_opened_is_one_line_and_exit_2(tmp_path: Path) -> None:
    result = run("gateway", "--db", "postgresql+psycopg://nobody@127.0.0.1:1/none",
                 "--listen", "127.0.0.1:0")  # fmt: skip

    assert_usage_error(result, "--db")


def test_a_taken_port_is_one_line_and_exit_2(seeded_sqlite: str) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = run("gateway", "--db", seeded_sqlite, "--listen", f"127.0.0.1:{port}")

    assert_usage_error(result, "--listen")


def test_a_bad_mqtt_address_is_one_line_and_exit_2(seeded_sqlite: str) -> None:
    result = run("gateway", "--db", seeded_sqlite, "--listen", "127.0.0.1:0",
                 "--mqtt", "http://broker")  # fmt: skip

    assert_usage_error(result, "--mqtt")


@pytest.mark.parametrize("lanes", ["0", "9", "two"])
def test_a_bad_lanes_option_is_one_line_and_exit_2(tmp_path: Path, lanes: str) -> None:
    result = run("gateway", "--db", f"sqlite:///{tmp_path / 'x.db'}", "--lanes", lanes)

    assert_usage_error(result, "--lanes")


def test_the_gateway_command_takes_http_and_mqtt_into_one_database(
    seeded_sqlite: str, mqtt_broker: Broker
) -> None:
    engine = make_engine(seeded_sqlite)
    http_phone = register_device(engine, crew_id=1)
    mqtt_phone = register_device(engine, crew_id=2)
    at = int((datetime.now(UTC) - timedelta(minutes=5)).timestamp())
    gateway = subprocess.Popen(
        [sys.executable, str(ROOT / "main.py"), "gateway", "--db", seeded_sqlite,
         "--listen", "127.0.0.1:0", "--mqtt", mqtt_broker.url, "--lanes", "3"],
        cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )  # fmt: skip
    try:
        assert gateway.stdout is not None
        first = gateway.stdout.readline()
        assert "MQTT mqtt://127.0.0.1" in first, first + gateway.stderr.read()
        port = int(first.split("http://127.0.0.1:")[1].split()[0])
        answer = httpx.get(f"http://127.0.0.1:{port}/", timeout=15, params={
            "id": http_phone, "lat": 30.25, "lon": 120.16, "timestamp": at})  # fmt: skip
        payload = json.dumps({"id": mqtt_phone, "lat": 30.3, "lon": 120.2, "timestamp": at})
        pub = mosquitto_pub()
        assert pub is not None
        subprocess.run([pub, "-h", mqtt_broker.host, "-p", str(mqtt_broker.port), "-q", "1",
                        "-t", "roadside/v1/fix", "-m", payload], check=True, timeout=30)  # fmt: skip
        deadline = time.monotonic() + 30
        while crews_with_fixes(engine) != {1, 2}:
            assert time.monotonic() < deadline, "the MQTT fix never reached the database"
            time.sleep(0.2)
        while (mqtt := httpx.get(f"http://127.0.0.1:{port}/metrics", timeout=15).json()["mqtt"])[
            "acknowledged"
        ] < 1:
            assert time.monotonic() < deadline, f"/metrics never showed the PUBACK: {mqtt}"
            time.sleep(0.2)
        lanes = httpx.get(f"http://127.0.0.1:{port}/metrics", timeout=15).json()["lanes"]
        gateway.send_signal(signal.SIGTERM)
        out, err = gateway.communicate(timeout=30)
    finally:
        if gateway.poll() is None:
            gateway.kill()
    engine.dispose()

    assert answer.status_code == 200
    assert len(lanes) == 3
    assert mqtt["connected"] and mqtt["received"] == 1 and mqtt["outcomes"]["fix.accepted"] == 1
    assert gateway.returncode == 0, err
    assert "gateway stopped: 2 accepted" in out


def crews_with_fixes(engine: Engine) -> set[int]:
    with engine.connect() as connection:
        return set(connection.scalars(select(PositionFix.crew_id).distinct()))


def test_the_gateway_prunes_the_trail_past_its_retention(seeded_sqlite: str) -> None:
    engine = make_engine(seeded_sqlite)
    device = registry(engine).resolve(register_device(engine, crew_id=1))
    assert device is not None
    old = datetime.now(UTC) - timedelta(days=31)
    [verdict] = TelemetryStore(engine, clock=utc_now).write_batch(
        [Fix(device.device_id, 1, old, 30.25, 120.16, FixSource.OSMAND)]
    )
    assert verdict is Verdict.ACCEPTED
    gateway = subprocess.Popen(
        [sys.executable, str(ROOT / "main.py"), "gateway", "--db", seeded_sqlite,
         "--listen", "127.0.0.1:0"],
        cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )  # fmt: skip
    try:
        deadline = time.monotonic() + 60
        while crews_with_fixes(engine):
            assert gateway.poll() is None, gateway.communicate()
            assert time.monotonic() < deadline, "the expired fix was not pruned"
            time.sleep(0.2)
        gateway.send_signal(signal.SIGTERM)
        gateway.communicate(timeout=30)
    finally:
        if gateway.poll() is None:
            gateway.kill()
    engine.dispose()

    assert gateway.returncode == 0
