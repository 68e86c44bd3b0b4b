"""The travel-time model and the routing providers."""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, HTTPServer
from typing import ClassVar

import numpy as np
import pytest

from console.core.errors import ConfigError
from console.core.eta import EstimatedRouting, EtaModel, OsrmTableRouting, RegionalEta
from console.core.vocab import RoadType


def test_urban_off_peak_and_peak() -> None:
    model = EtaModel()
    ten_km = np.array([10.0])
    # 3 min turn-out + 13.2 road km at 32 km/h = 24.75 min; at 22 km/h in the peak = 39 min.
    assert model.minutes(ten_km, RoadType.URBAN, local_hour=11)[0] == pytest.approx(27.75)
    assert model.minutes(ten_km, RoadType.URBAN, local_hour=8)[0] == pytest.approx(
        3 + 13.2 / 22 * 60
    )
    assert (
        model.minutes(ten_km, RoadType.EXPRESSWAY, local_hour=11)[0]
        < model.minutes(ten_km, RoadType.URBAN, 11)[0]
    )


def test_regions_override_the_default_by_longest_prefix() -> None:
    eta = RegionalEta.from_table(
        {
            "turnout_minutes": 4,
            "regions": {"44": {"URBAN": {"speed_kmh": 20}}, "4403": {"turnout_minutes": 1}},
        },
        "config.toml",
    )
    assert eta.for_region("51").turnout_minutes == 4
    assert eta.for_region("44").profiles[RoadType.URBAN].speed_kmh == 20
    assert eta.for_region("440300").turnout_minutes == 1
    assert eta.for_region(None) is eta.default


@pytest.mark.parametrize(
    ("table", "fragment"),
    [
        ({"turnout": 3}, "unknown ETA setting 'turnout'"),
        ({"URBAN": {"circuity": 0.5}}, "URBAN.circuity must be a number from 1.0 to 3.0"),
        ({"peak_hours": [[9, 7]]}, "peak_hours"),
        ({"regions": {"north": {}}}, "region code"),
    ],
)
def test_bad_eta_settings_are_clear_errors(table: dict[str, object], fragment: str) -> None:
    with pytest.raises(ConfigError, match=fragment):
        RegionalEta.from_table(table, "config.toml")


class _FakeOsrm(BaseHTTPRequestHandler):
    answer: ClassVar[dict[str, object]] = {}
    raw: ClassVar[bytes | None] = None
    paths: ClassVar[list[str]] = []

    def do_GET(self) -> None:
        type(self).paths.append(self.path)
        body = type(self).raw or json.dumps(type(self).answer).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def osrm() -> Iterator[str]:
    server = HTTPServer(("127.0.0.1", 0), _FakeOsrm)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()


def test_osrm_table_times_replace_the_estimate(osrm: str) -> None:
    _FakeOsrm.answer = {
        "code": "Ok",
        "durations": [[600.0], [None]],
        "distances": [[9000.0], [None]],
    }
    routing = OsrmTableRouting(osrm, turnout_minutes=3)
    minutes, km = routing.travel_minutes(
        np.array([30.26, 30.30]),
        np.array([120.16, 120.20]),
        30.25,
        120.15,
        road=RoadType.URBAN,
        local_hour=11,
    )
    assert minutes[0] == pytest.approx(13.0) and km[0] == pytest.approx(9.0)
    estimate, _ = EstimatedRouting().travel_minutes(
        np.array([30.30]), np.array([120.20]), 30.25, 120.15, road=RoadType.URBAN, local_hour=11
    )
    assert minutes[1] == pytest.approx(estimate[0]), "no route: the estimate stands in"
    assert "/table/v1/driving/120.150000,30.250000;120.160000,30.260000" in _FakeOsrm.paths[-1]
    assert "destinations=0" in _FakeOsrm.paths[-1]


def test_an_unreachable_osrm_falls_back_to_the_estimate() -> None:
    routing = OsrmTableRouting("http://127.0.0.1:9", timeout_seconds=0.5)
    minutes, _ = routing.travel_minutes(
        np.array([30.26]), np.array([120.16]), 30.25, 120.15, road=RoadType.URBAN, local_hour=11
    )
    assert minutes[0] > 3 and routing.failures == 1


@pytest.mark.parametrize(
    "body",
    [
        b"[" * 100_000 + b"]" * 100_000,
        b'{"code": "Error", "code": "Ok", "durations": [[600.0]], "distances": [[9000.0]]}',
        b'{"code": "Ok", "durations": [[600.0]], "distances": [[9000.0]], "pad": "'
        + b"x" * 5_000_000
        + b'"}',
    ],
    ids=["nested 100,000 deep", "duplicate key", "over 5 MB"],
)
def test_a_hostile_osrm_answer_falls_back_to_the_estimate(
    osrm: str, monkeypatch: pytest.MonkeyPatch, body: bytes
) -> None:
    monkeypatch.setattr(_FakeOsrm, "raw", body)
    routing = OsrmTableRouting(osrm, turnout_minutes=3)
    minutes, _ = routing.travel_minutes(
        np.array([30.26]), np.array([120.16]), 30.25, 120.15, road=RoadType.URBAN, local_hour=11
    )
    estimate, _ = EstimatedRouting().travel_minutes(
        np.array([30.26]), np.array([120.16]), 30.25, 120.15, road=RoadType.URBAN, local_hour=11
    )
    assert minutes[0] == pytest.approx(estimate[0]) and routing.failures == 1
