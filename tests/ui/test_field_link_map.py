"""Vehicles move crews on a console's map: every request form through the real gateway process.

Acceptance of the field link, end to end: the OsmAnd protocol's GET query, POST
form and Traccar Client 9 JSON (with ``id``/``deviceid``, ``lat``/``lon`` or
``location``, and each timestamp form), a fix on the crew topic and an OwnTracks
location from ``mosquitto_pub``; each one moves the crew's marker on the map, as
the page itself answers, on SQLite and on PostgreSQL.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from collections.abc import Callable, Iterator
from contextlib import ExitStack
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

import httpx
import pytest
from PySide6.QtCore import QSettings
from pytestqt.qtbot import QtBot

from console.core.map_tiles import TileSource
from console.ui.app import build_main_window
from console.ui.main_window import MainWindow
from console.ui.map.install import install_map_panel
from console.ui.map.panel import MapPanel
from tests.gateway.conftest import register_device
from tests.support.broker import Broker, mosquitto_pub
from tests.support.databases import postgres_unavailable_reason
from tests.support.map_page import ask, wait_ready
from tests.support.workspace import open_backend, seeded_postgres, seeded_sqlite

ROOT = Path(__file__).resolve().parents[2]
STEP_S = 30
"""Seconds between one fix and the next (each moves ~110 m: a plausible crawl)."""
STEP_DEG = 0.001


def _iso(at: datetime, sep: str = "T", fraction: bool = False) -> str:
    text = at.astimezone(UTC).replace(tzinfo=None).isoformat(sep=sep)
    return text + ".250" if fraction else text


Send = Callable[["Field", datetime, float, float], None]


class Field:
    """The gateway process on one database and a private broker, and how a vehicle reaches them."""

    def __init__(self, url: str, broker: Broker, token: str) -> None:
        self.broker = broker
        self.token = token
        self.process = subprocess.Popen(
            [sys.executable, str(ROOT / "main.py"), "gateway", "--db", url,
             "--listen", "127.0.0.1:0", "--mqtt", f"{broker.url}?client_id=gw-map"],
            cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        )  # fmt: skip
        assert self.process.stdout is not None
        first = self.process.stdout.readline()
        if not first.startswith("gateway on"):
            self.process.kill()
            pytest.fail(f"the gateway did not start: {first}{self.process.communicate()[1]}")
        address = first.split()[2]  # "gateway on http://127.0.0.1:PORT (database ...)"
        self.http = httpx.Client(base_url=address, timeout=15)

    def http_fix(self, shape: str, payload: dict[str, Any]) -> None:
        if shape == "GET":
            answer = self.http.get("/", params=payload)
        elif shape == "FORM":
            answer = self.http.post(
                "/",
                content=urlencode(payload),
                headers={"Content-Type": "application/x-www-form-urlencoded"},
            )
        else:
            answer = self.http.post("/", json=payload)
        assert answer.status_code == 200, answer.text
        assert "X-Fix-Verdict" not in answer.headers, answer.headers["X-Fix-Verdict"]

    def publish(self, topic: str, payload: str) -> None:
        command = mosquitto_pub()
        if command is None:
            pytest.skip("mosquitto_pub is not installed: sudo apt-get install mosquitto-clients")
        subprocess.run(
            [command, "-h", self.broker.host, "-p", str(self.broker.port), "-q", "1",
             "-t", topic, "-m", payload],
            check=True, timeout=30,
        )  # fmt: skip

    def close(self) -> None:
        self.http.close()
        os.kill(self.process.pid, signal.SIGTERM)
        try:
            self.process.communicate(timeout=30)
        finally:
            if self.process.poll() is None:
                self.process.kill()


FORMS: dict[str, Send] = {
    "OsmAnd GET, id, lat/lon, Unix seconds": lambda f, at, lat, lon: f.http_fix("GET", {
        "id": f.token, "lat": lat, "lon": lon, "timestamp": int(at.timestamp())}),
    "OsmAnd GET, deviceid, location=, Unix milliseconds": lambda f, at, lat, lon: f.http_fix(
        "GET", {"deviceid": f.token, "location": f"{lat},{lon}",
                "timestamp": int(at.timestamp()) * 1000}),
    "OsmAnd POST form, ISO-8601 with T": lambda f, at, lat, lon: f.http_fix("FORM", {
        "id": f.token, "lat": lat, "lon": lon, "timestamp": _iso(at), "speed": 12,
        "bearing": 0, "altitude": 8, "accuracy": 5, "batt": 77}),
    "OsmAnd POST form, ISO-8601 with a space and fractions": lambda f, at, lat, lon: f.http_fix(
        "FORM", {"deviceid": f.token, "location": f"{lat},{lon}",
                 "timestamp": _iso(at, " ", fraction=True)}),
    "Traccar Client 9 JSON": lambda f, at, lat, lon: f.http_fix("JSON", {
        "device_id": f.token, "location": {
            "timestamp": _iso(at, fraction=True) + "Z",
            "coords": {"latitude": lat, "longitude": lon, "speed": 3.0, "heading": 0.0,
                       "altitude": 8.0, "accuracy": 4.0},
            "battery": {"level": 0.77, "is_charging": False}, "is_moving": True}}),
    "MQTT crew topic": lambda f, at, lat, lon: f.publish(
        "roadside/v1/fix",
        f'{{"id":"{f.token}","lat":{lat},"lon":{lon},"timestamp":{int(at.timestamp())}}}'),
    "OwnTracks location": lambda f, at, lat, lon: f.publish(
        f"owntracks/crew/{f.token}",
        f'{{"_type":"location","lat":{lat},"lon":{lon},"tst":{int(at.timestamp())}}}'),
}  # fmt: skip


@pytest.fixture(params=["sqlite", "postgresql"])
def database(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    if request.param == "sqlite":
        yield seeded_sqlite(tmp_path)
        return
    reason = postgres_unavailable_reason()
    if reason:
        pytest.skip(reason)
    with seeded_postgres() as url:
        yield url


def _open(qtbot: QtBot, tmp_path: Path, url: str) -> tuple[MainWindow, MapPanel, ExitStack]:
    engine, backend = open_backend(url, "dispatcher:a")
    settings = QSettings(str(tmp_path / "console.ini"), QSettings.Format.IniFormat)
    window = build_main_window(backend, "en", settings=settings, poll_ms=60_000)
    qtbot.addWidget(window)
    panel = install_map_panel(
        window, window.backend, TileSource.named("none"), cache_root=tmp_path / "cache"
    )
    window.show()
    wait_ready(qtbot, panel.view)
    closing = ExitStack()
    closing.callback(engine.dispose)
    closing.callback(window.close)
    closing.callback(window.sync.stop)
    return window, panel, closing


def _at(point: Any, lat: float, lon: float) -> bool:
    if not isinstance(point, dict):
        return False
    return abs(point["lat"] - lat) < 1e-6 and abs(point["lon"] - lon) < 1e-6


def test_every_request_form_moves_the_crew_on_the_map(
    qtbot: QtBot, tmp_path: Path, database: str, mqtt_broker: Broker
) -> None:
    window, panel, closing = _open(qtbot, tmp_path, database)
    with closing:
        crew = window.crew_model.row_at(0)
        engine, _ = open_backend(database, "admin:a")
        token = register_device(engine, crew_id=crew.id)
        engine.dispose()
        field = Field(database, mqtt_broker, token)
        closing.callback(field.close)
        start = datetime.now(UTC).replace(microsecond=0) - timedelta(hours=1)
        lat, lon = round(crew.lat, 6), round(crew.lon, 6)
        moved: list[str] = []
        for step, (form, send) in enumerate(FORMS.items(), start=1):
            at = start + timedelta(seconds=STEP_S * step)
            lat = round(lat + STEP_DEG, 6)
            send(field, at, lat, lon)

            def shown(lat: float = lat) -> bool:
                window.poll()  # SQLite has no push channel; on PostgreSQL NOTIFY beats the poll
                return _at(ask(qtbot, panel.view, f"ConsoleMap.latLngOf('crew', {crew.id})"),
                           lat, lon)  # fmt: skip

            qtbot.waitUntil(shown, timeout=20_000)
            moved.append(form)
        assert moved == list(FORMS)
