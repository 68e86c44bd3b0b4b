"""How fast the live map takes a large diff and builds a large page (run with --benchmark-enable).

    pytest tests/bench/test_map_bench.py --benchmark-enable

Targets (issue: the live map): moving 5,000 crews in one diff updates the page in
under 100 ms, measured from the Python call to the page's answer after applying
it (runJavaScript round trip); building the page with 3,000 depots and 10,000
crews, until it has loaded and holds all of them, takes under 2 s.
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest
from pytest_benchmark.fixture import BenchmarkFixture
from pytestqt.qtbot import QtBot

from console.core.map_tiles import TileSource
from console.core.records import CrewRow, DepotRow
from console.core.vocab import CrewStatus, VehicleKind
from console.ui.map.panel import MapPanel
from tests.support.map_page import ask, wait_ready
from tests.ui.conftest import crew_row

DEPOTS = 3_000
CREWS = 10_000
MOVED = 5_000


def _depots(count: int, rng: random.Random) -> list[DepotRow]:
    return [
        DepotRow(
            i,
            f"D{i:06d}",
            f"网点{i}",
            f"Depot {i}",
            "杭州",
            "Hangzhou",
            "浙江",
            "Zhejiang",
            rng.uniform(22.0, 41.0),
            rng.uniform(100.0, 122.0),
            1,
            "4008100100",
        )
        for i in range(1, count + 1)
    ]


def _crews(count: int, rng: random.Random) -> list[CrewRow]:
    statuses = list(CrewStatus)
    kinds = list(VehicleKind)
    return [
        crew_row(
            i,
            call_sign=f"C-{i:05d}",
            status=statuses[i % len(statuses)],
            vehicle_kind=kinds[i % len(kinds)],
            lat=rng.uniform(22.0, 41.0),
            lon=rng.uniform(100.0, 122.0),
        )
        for i in range(1, count + 1)
    ]


@pytest.fixture
def big_map(qtbot: QtBot, tmp_path: Path) -> Iterator[tuple[MapPanel, list[CrewRow]]]:
    """A map panel (no tiles) holding 3,000 depots and 10,000 crews."""
    rng = random.Random(4)
    crews = _crews(CREWS, rng)
    panel = MapPanel(TileSource.named("none"), tmp_path / "page")
    qtbot.addWidget(panel)
    panel.resize(1200, 800)
    panel.show()
    panel.set_depots(_depots(DEPOTS, rng))
    panel.load([], crews)
    wait_ready(qtbot, panel.view)
    assert ask(qtbot, panel.view, "ConsoleMap.counts()")["crews"] == CREWS
    yield panel, crews


def test_moving_5000_crews_in_one_diff(
    qtbot: QtBot, big_map: tuple[MapPanel, list[CrewRow]], benchmark: BenchmarkFixture
) -> None:
    panel, crews = big_map
    # Building the changed rows is the data layer's work, not the map's: keep it
    # out of the timing. The page answers after redrawing the crews (flush).
    batches = [
        [
            replace(c, lat=c.lat + k * 0.001, lon=c.lon - k * 0.001, status=CrewStatus.EN_ROUTE)
            for c in crews[:MOVED]
        ]
        for k in range(1, 18)
    ]
    rounds = iter(batches)

    def move() -> int:
        panel.apply([], next(rounds))
        return int(ask(qtbot, panel.view, "(ConsoleMap.flush(), ConsoleMap.counts())")["crews"])

    result = benchmark.pedantic(move, rounds=15, warmup_rounds=2)

    assert result == CREWS
    assert benchmark.stats["median"] < 0.100


def test_building_a_page_with_3000_depots_and_10000_crews(
    qtbot: QtBot, tmp_path: Path, benchmark: BenchmarkFixture
) -> None:
    rng = random.Random(7)
    depots, crews = _depots(DEPOTS, rng), _crews(CREWS, rng)
    built = iter(range(1_000))
    panels: list[MapPanel] = []

    def build() -> dict[str, int]:
        panel = MapPanel(TileSource.named("none"), tmp_path / f"page-{next(built)}")
        panels.append(panel)
        qtbot.addWidget(panel)
        panel.resize(1200, 800)
        panel.show()
        panel.set_depots(depots)
        panel.load([], crews)
        wait_ready(qtbot, panel.view)
        qtbot.waitUntil(
            lambda: ask(qtbot, panel.view, "ConsoleMap.counts()")["depotLayer"] == DEPOTS,
            timeout=10_000,
        )
        counts: dict[str, int] = ask(qtbot, panel.view, "(ConsoleMap.flush(), ConsoleMap.counts())")
        panel.close()
        return counts

    counts = benchmark.pedantic(build, rounds=3, warmup_rounds=1)

    assert counts["crews"] == counts["crewLayer"] == CREWS
    assert counts["depots"] == counts["depotLayer"] == DEPOTS
    assert benchmark.stats["median"] < 2.0
