"""The live map on the demo data: what the page holds, what it fetches, how it follows changes.

Each test builds the real console on a seeded SQLite file, installs the map
panel as the application does, and asks the page itself (runJavaScript).
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from dataclasses import dataclass, replace
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QSettings, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from sqlalchemy import Engine

from console.core.geo import wgs84_to_gcj02
from console.core.map_tiles import TileSource
from console.core.vocab import CrewStatus
from console.db.backend import DatabaseBackend
from console.ui.app import build_main_window
from console.ui.i18n import install_language
from console.ui.main_window import MainWindow
from console.ui.map.install import install_map_panel
from console.ui.map.panel import MapPanel
from console.ui.map.view import network_guard
from console.ui.theme import THEME_KEY, Theme, apply_theme
from tests.support.map_page import ask, wait_ready
from tests.support.workspace import new_call, open_backend, seeded_sqlite
from tests.ui.conftest import DEPOTS, crew_row, request_row

FAKE_TILES = TileSource(
    "custom", "http://127.0.0.1:9/tiles/{z}/{x}/{y}.png", "test tiles", "abc", 18
)
"""A tile server on the discard port of this machine: requests fail at once, locally."""


@dataclass
class MapConsole:
    """A console window on a seeded database, with its map panel."""

    window: MainWindow
    panel: MapPanel
    backend: DatabaseBackend
    engine: Engine


def _open_console(
    qtbot: QtBot, tmp_path: Path, tiles: TileSource, language: str = "en"
) -> Iterator[MapConsole]:
    engine, backend = open_backend(seeded_sqlite(tmp_path), "test")
    settings = QSettings(str(tmp_path / "console.ini"), QSettings.Format.IniFormat)
    window = build_main_window(backend, language, settings=settings, poll_ms=60_000)
    qtbot.addWidget(window)
    network_guard().seen.clear()
    network_guard().blocked.clear()
    panel = install_map_panel(window, backend, tiles, cache_root=tmp_path / "cache")
    window.resize(1400, 900)
    window.show()
    wait_ready(qtbot, panel.view)
    try:
        yield MapConsole(window, panel, backend, engine)
    finally:
        window.sync.stop()
        window.close()
        engine.dispose()


@pytest.fixture(params=["none", "custom"])
def console(qtbot: QtBot, tmp_path: Path, request: pytest.FixtureRequest) -> Iterator[MapConsole]:
    """The console with no tiles, or with a local (unreachable) tile server."""
    tiles = TileSource.named("none") if request.param == "none" else FAKE_TILES
    yield from _open_console(qtbot, tmp_path, tiles)


@pytest.fixture
def gcj_console(qtbot: QtBot, tmp_path: Path) -> Iterator[MapConsole]:
    """The console on GCJ-02 tiles (as with AMap), served from this machine."""
    tiles = TileSource("custom", FAKE_TILES.url, "gcj test tiles", "abc", 18, gcj02=True)
    yield from _open_console(qtbot, tmp_path, tiles)


def test_page_holds_every_depot_crew_and_open_request(qtbot: QtBot, console: MapConsole) -> None:
    depots = len(console.backend.depots())
    crews = len(console.backend.crews())
    open_requests = len(console.backend.open_requests().requests)
    assert depots > 100 and crews > 1000 and open_requests > 0

    view = console.panel.view
    # markercluster adds large batches in chunks, between animation frames.
    qtbot.waitUntil(
        lambda: ask(qtbot, view, "ConsoleMap.counts()")["depotLayer"] == depots, timeout=10_000
    )
    counts = ask(qtbot, view, "ConsoleMap.counts()")

    assert counts["depots"] == counts["depotLayer"] == depots
    assert counts["crews"] == counts["crewLayer"] == crews
    assert counts["requests"] == counts["requestLayer"] == open_requests


def test_nothing_but_the_configured_tiles_is_fetched(qtbot: QtBot, console: MapConsole) -> None:
    view = console.panel.view
    ask(qtbot, view, "ConsoleMap.counts()")
    guard = network_guard()
    if view.tiles.has_tiles:
        # Tiles are requested (and fail locally); the boundary layer still draws.
        qtbot.waitUntil(lambda: bool(guard.seen), timeout=10_000)
        assert {url.split("/")[2] for url in guard.seen} == {"127.0.0.1:9"}
        assert all("/tiles/" in url for url in guard.seen)
    else:
        QTest.qWait(500)
        assert guard.seen == []
    assert guard.blocked == []
    # The offline boundary layer: China's outline and 31 provinces.
    assert ask(qtbot, view, "ConsoleMap.counts()")["boundaries"] == 32


def test_a_request_to_any_other_host_never_leaves(qtbot: QtBot, console: MapConsole) -> None:
    view = console.panel.view
    ask(qtbot, view, "(fetch('https://cdn.example.org/lib.js').catch(() => null), 1)")

    if view.tiles.has_tiles:
        # The page may reach the network (for tiles): the guard stops everything else.
        qtbot.waitUntil(lambda: bool(network_guard().blocked), timeout=10_000)
        assert network_guard().blocked == ["https://cdn.example.org/lib.js"]
    else:
        # Without tiles the page may not reach the network at all.
        QTest.qWait(500)
        assert network_guard().seen == []


def test_an_update_keeps_the_users_centre_and_zoom(qtbot: QtBot, console: MapConsole) -> None:
    view = console.panel.view
    ask(qtbot, view, "ConsoleMap.leaflet().setView([31.2, 121.4], 9, {animate: false})")
    before = ask(qtbot, view, "ConsoleMap.view()")
    requests_before = ask(qtbot, view, "ConsoleMap.counts()")["requests"]
    crew = console.backend.crews()[0]
    target = CrewStatus.OFF_DUTY if crew.status is CrewStatus.AVAILABLE else crew.status

    request_id = new_call(console.backend)
    console.backend.set_crew_status(crew.id, target)
    console.window.poll()

    after = ask(qtbot, view, "ConsoleMap.view()")
    assert ask(qtbot, view, "ConsoleMap.counts()")["requests"] == requests_before + 1
    assert ask(qtbot, view, f"ConsoleMap.latLngOf('request', {request_id})") is not None
    assert after == before


def test_clicking_a_request_selects_it_in_the_queue(qtbot: QtBot, console: MapConsole) -> None:
    view = console.panel.view
    request_id = next(iter(sorted(console.panel.request_ids)))
    row = console.backend.request(request_id)
    assert row is not None
    ask(
        qtbot, view, f"ConsoleMap.leaflet().setView([{row.lat}, {row.lon}], 16, {{animate: false}})"
    )
    QTest.qWait(300)  # let the canvas draw the markers it will hit-test
    point = ask(qtbot, view, f"ConsoleMap.screenPoint('request', {request_id})")
    target = view.focusProxy()
    assert target is not None

    QTest.mouseClick(
        target, Qt.MouseButton.LeftButton, pos=QPoint(round(point["x"]), round(point["y"]))
    )

    qtbot.waitUntil(lambda: console.window.selected_request_id == request_id, timeout=10_000)


def test_clicking_a_crew_selects_it_on_the_crew_board(qtbot: QtBot, console: MapConsole) -> None:
    view = console.panel.view
    crews = console.backend.crews()
    # A crew with no other crew within ~200 m, so the click cannot hit a neighbour.
    alone = next(
        c
        for c in crews
        if all(abs(o.lat - c.lat) + abs(o.lon - c.lon) > 0.002 for o in crews if o.id != c.id)
    )
    ask(
        qtbot,
        view,
        f"ConsoleMap.leaflet().setView([{alone.lat}, {alone.lon}], 15, {{animate: false}})",
    )
    ask(qtbot, view, "ConsoleMap.flush()")
    point = ask(qtbot, view, f"ConsoleMap.screenPoint('crew', {alone.id})")
    target = view.focusProxy()
    assert target is not None

    QTest.mouseClick(
        target, Qt.MouseButton.LeftButton, pos=QPoint(round(point["x"]), round(point["y"]))
    )

    qtbot.waitUntil(lambda: console.window.selected_crew_id == alone.id, timeout=10_000)
    assert str(alone.call_sign) in ask(
        qtbot, view, "document.querySelector('.leaflet-popup-content').textContent"
    )


def test_selecting_a_request_centres_it_and_draws_its_best_crews(
    qtbot: QtBot, console: MapConsole
) -> None:
    view = console.panel.view
    queued = [r for r in console.backend.open_requests().requests if r.assigned_crew_id is None]
    row = queued[0]
    best = [s.crew_id for s in console.backend.suggest(row.id, limit=3).suggestions]
    assert best

    console.window.select_request(row.id)
    # The best crews are ranked off the interface thread: the lines follow the answer.
    qtbot.waitUntil(
        lambda: ask(qtbot, view, "ConsoleMap.counts()")["routes"] == len(best), timeout=10_000
    )

    # Centred to the pixel: the marker sits in the middle of the map.
    marker = ask(qtbot, view, f"ConsoleMap.screenPoint('request', {row.id})")
    size = ask(qtbot, view, "ConsoleMap.leaflet().getSize()")
    box = ask(qtbot, view, "ConsoleMap.leaflet().getContainer().getBoundingClientRect()")
    assert marker["x"] - box["left"] == pytest.approx(size["x"] / 2, abs=1)
    assert marker["y"] - box["top"] == pytest.approx(size["y"] / 2, abs=1)
    assert ask(qtbot, view, "ConsoleMap.counts()")["routes"] == len(best)
    for crew_id in best:
        point = ask(qtbot, view, f"ConsoleMap.latLngOf('crew', {crew_id})")
        inside = f"ConsoleMap.leaflet().getBounds().contains([{point['lat']}, {point['lon']}])"
        assert ask(qtbot, view, inside), crew_id


def test_new_call_from_the_context_menu_fills_the_intake(qtbot: QtBot, console: MapConsole) -> None:
    view = console.panel.view
    ask(
        qtbot,
        view,
        "ConsoleMap.leaflet().fire('contextmenu', {latlng: L.latLng(30.25, 120.17),"
        " originalEvent: new MouseEvent('contextmenu')})",
    )
    ask(qtbot, view, "document.querySelector('.cm-intake').click()")

    qtbot.waitUntil(lambda: console.window.intake is not None, timeout=10_000)
    intake = console.window.intake
    assert intake is not None
    assert float(intake.texts["lat"].text()) == pytest.approx(30.25)
    assert float(intake.texts["lon"].text()) == pytest.approx(120.17)
    intake.close()


def test_popups_and_legend_follow_the_ui_language(
    qtbot: QtBot, console: MapConsole, qapp: QApplication
) -> None:
    view = console.panel.view
    crew_id = min(console.panel.crew_ids)
    assert "Crews by status" in ask(qtbot, view, "ConsoleMap.legendText()")

    install_language(qapp, "zh")

    qtbot.waitUntil(
        lambda: "按状态" in (ask(qtbot, view, "ConsoleMap.legendText()") or ""), timeout=10_000
    )
    assert "车辆" in ask(qtbot, view, f"ConsoleMap.popupText('crew', {crew_id})")
    install_language(qapp, "en")
    qtbot.waitUntil(
        lambda: "Vehicle" in (ask(qtbot, view, f"ConsoleMap.popupText('crew', {crew_id})") or ""),
        timeout=10_000,
    )


def test_gcj02_tiles_get_shifted_markers_and_picks_come_back_in_wgs84(
    qtbot: QtBot, gcj_console: MapConsole
) -> None:
    panel = gcj_console.panel
    request_id = min(panel.request_ids)
    row = gcj_console.backend.request(request_id)
    assert row is not None
    shown = ask(qtbot, panel.view, f"ConsoleMap.latLngOf('request', {request_id})")
    glat, glon = wgs84_to_gcj02(row.lat, row.lon)
    assert (shown["lat"], shown["lon"]) == pytest.approx((glat, glon), abs=1e-9)

    picks: list[tuple[float, float]] = []
    panel.sig_location_picked.connect(lambda lat, lon: picks.append((lat, lon)))
    panel.start_location_pick()
    ask(
        qtbot,
        panel.view,
        f"ConsoleMap.leaflet().fire('click', {{latlng: L.latLng({glat}, {glon})}})",
    )

    qtbot.waitUntil(lambda: bool(picks), timeout=10_000)
    assert picks[0] == pytest.approx((row.lat, row.lon), abs=1e-7)


def test_the_pages_console_goes_to_python_logging(
    qtbot: QtBot, console: MapConsole, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.INFO, logger="console.ui.map.page.js"):
        ask(qtbot, console.panel.view, "(console.warn('map probe 42'), 1)")
        qtbot.waitUntil(lambda: "map probe 42" in caplog.text, timeout=10_000)

    record = next(r for r in caplog.records if "map probe 42" in r.getMessage())
    assert record.levelno == logging.WARNING


def test_calls_made_before_the_page_is_ready_wait_for_it(qtbot: QtBot, tmp_path: Path) -> None:
    panel = MapPanel(TileSource.named("none"), tmp_path / "page")
    qtbot.addWidget(panel)
    assert not panel.view.is_ready

    panel.set_depots(DEPOTS)
    panel.load([request_row(1), request_row(2)], [crew_row(1), crew_row(2), crew_row(3)])
    panel.apply([], [replace(crew_row(2), lat=31.0)])
    panel.show()
    wait_ready(qtbot, panel.view)

    counts = ask(qtbot, panel.view, "ConsoleMap.counts()")
    assert (counts["depots"], counts["requests"], counts["crews"]) == (len(DEPOTS), 2, 3)
    assert ask(qtbot, panel.view, "ConsoleMap.latLngOf('crew', 2)")["lat"] == 31.0


def _luminance(css: str) -> float:
    """Relative luminance (WCAG) of a CSS rgb()/rgba() or #rrggbb colour."""
    if css.startswith("#"):
        channels = [int(css[i : i + 2], 16) for i in (1, 3, 5)]
    else:
        channels = [int(float(v)) for v in css[css.index("(") + 1 : css.index(")")].split(",")[:3]]

    def linear(c: int) -> float:
        s = c / 255
        return s / 12.92 if s <= 0.03928 else ((s + 0.055) / 1.055) ** 2.4

    r, g, b = (linear(c) for c in channels)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def test_the_dark_theme_darkens_the_map_and_back(qtbot: QtBot, console: MapConsole) -> None:
    view = console.panel.view
    light = ask(qtbot, view, "ConsoleMap.theme()")
    assert light["name"] == "light" and light["tileFilter"] == "none"
    assert _luminance(light["background"]) > 0.5 and _luminance(light["countryFill"]) > 0.5

    console.window.set_theme(Theme.DARK)
    qtbot.waitUntil(lambda: ask(qtbot, view, "ConsoleMap.theme()")["name"] == "dark")
    dark = ask(qtbot, view, "ConsoleMap.theme()")
    assert _luminance(dark["background"]) < 0.05
    assert _luminance(dark["countryFill"]) < 0.05
    assert _luminance(dark["legendBackground"]) < 0.05
    # Legend text still reads on its background (WCAG AA for text).
    assert (_luminance(dark["legendText"]) + 0.05) / (
        _luminance(dark["legendBackground"]) + 0.05
    ) >= 4.5
    assert "invert(1)" in dark["tileFilter"]
    # Boundary lines stand out from the land at night as by day.
    line, land = _luminance(dark["countryLine"]), _luminance(dark["countryFill"])
    assert (line + 0.05) / (land + 0.05) >= 3

    console.window.set_theme(Theme.LIGHT)
    qtbot.waitUntil(lambda: ask(qtbot, view, "ConsoleMap.theme()")["name"] == "light")


@pytest.fixture
def dark_console(qtbot: QtBot, tmp_path: Path, qapp: QApplication) -> Iterator[MapConsole]:
    """The console opened by a user who chose the dark theme last time."""
    saved = QSettings(str(tmp_path / "console.ini"), QSettings.Format.IniFormat)
    saved.setValue(THEME_KEY, Theme.DARK.value)
    saved.sync()
    try:
        yield from _open_console(qtbot, tmp_path, TileSource.named("none"))
    finally:
        apply_theme(qapp, Theme.LIGHT)


def test_a_new_map_opens_in_the_dark_theme_when_that_is_chosen(
    qtbot: QtBot, dark_console: MapConsole
) -> None:
    view = dark_console.panel.view
    qtbot.waitUntil(lambda: ask(qtbot, view, "ConsoleMap.theme()")["name"] == "dark")


def test_the_scale_shows_kilometres_only(qtbot: QtBot, console: MapConsole) -> None:
    text = ask(qtbot, console.panel.view, "ConsoleMap.theme()")["scale"]
    assert "km" in text or " m" in text
    assert "mi" not in text and "ft" not in text


def test_a_small_map_starts_with_the_legend_folded_until_the_user_chooses(
    qtbot: QtBot, console: MapConsole
) -> None:
    view = console.panel.view
    size = ask(qtbot, view, "ConsoleMap.leaflet().getSize()")
    assert size["x"] < 560 or size["y"] < 420, "the console's map dock is small here"
    assert ask(qtbot, view, "ConsoleMap.legendFolded()") is True
    ask(qtbot, view, "document.querySelector('.cm-legend-toggle').click()")
    assert ask(qtbot, view, "ConsoleMap.legendFolded()") is False
    ask(qtbot, view, "ConsoleMap.leaflet().invalidateSize()")
    assert ask(qtbot, view, "ConsoleMap.legendFolded()") is False  # the user's choice holds
