"""The selected job's crew on the map and in the detail: trail, live ETA, "arrived?".

A real console on a seeded SQLite file with the map and the job tracker as the
application installs them. Fixes are written straight into ``position_fixes``
(the gateway's store does it in the product) and the crew's newest position
through the service layer; the page itself is asked what it draws.
"""

from __future__ import annotations

import math
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QRect, QSettings, QUrl
from PySide6.QtWidgets import QApplication, QLabel
from pytestqt.qtbot import QtBot
from sqlalchemy import Engine, insert

from console.core.geo import EARTH_RADIUS_KM
from console.core.intake import RequestDraft
from console.core.map_tiles import TileSource
from console.core.records import RequestRow
from console.core.vocab import CrewStatus, RequestStatus, RoadType, ServiceType
from console.db.backend import DatabaseBackend
from console.db.models import PositionFix
from console.ui.app import build_main_window
from console.ui.field.strip import JobFieldStrip
from console.ui.field.tracker import JobTracker
from console.ui.main_window import MainWindow
from console.ui.map.panel import MapPanel
from tests.support.fix_batches import store_positions
from tests.support.map_page import ask, wait_ready
from tests.support.workspace import open_backend, seeded_sqlite

SCENE = (30.2741, 120.1551)
WAIT_MS = 10_000


class Clock:
    """The console's clock, moved by hand (the fixes' times follow it)."""

    def __init__(self) -> None:
        self.now = datetime.now(UTC).replace(microsecond=0)

    def __call__(self) -> datetime:
        return self.now


@dataclass
class TrailConsole:
    """A console with its map, job tracker and strip, and a job assigned to a crew."""

    window: MainWindow
    panel: MapPanel
    tracker: JobTracker
    strip: JobFieldStrip
    backend: DatabaseBackend
    engine: Engine
    clock: Clock
    job: RequestRow
    crew_id: int


def north_of_scene(metres: float) -> tuple[float, float]:
    return SCENE[0] + math.degrees(metres / (EARTH_RADIUS_KM * 1000.0)), SCENE[1]


def open_trail_console(
    qtbot: QtBot, tmp_path: Path, language: str = "en"
) -> Iterator[TrailConsole]:
    engine, backend = open_backend(seeded_sqlite(tmp_path), "test")
    clock = Clock()
    settings = QSettings(str(tmp_path / "console.ini"), QSettings.Format.IniFormat)
    window = build_main_window(
        backend, language, clock, settings=settings, poll_ms=60_000, tiles=TileSource.named("none")
    )
    qtbot.addWidget(window)
    panel = window.panel("map")
    assert isinstance(panel, MapPanel)
    tracker = window.findChild(JobTracker)
    strip = window.findChild(JobFieldStrip)
    assert tracker is not None and strip is not None
    job = backend.take_call(
        RequestDraft(caller_phone="13912345678", lat=SCENE[0], lon=SCENE[1], city="杭州",
                     road_type=RoadType.URBAN, service_type=ServiceType.JUMP_START)
    )  # fmt: skip
    crew = next(c for c in backend.crews() if c.status is CrewStatus.AVAILABLE)
    job = backend.assign(job.id, crew.id)
    window.resize(1366, 768)
    window.show()
    wait_ready(qtbot, panel.view)
    try:
        yield TrailConsole(window, panel, tracker, strip, backend, engine, clock, job, crew.id)
    finally:
        window.sync.stop()
        window.close()
        engine.dispose()


@pytest.fixture
def console(qtbot: QtBot, tmp_path: Path) -> Iterator[TrailConsole]:
    yield from open_trail_console(qtbot, tmp_path)


def drive(
    console: TrailConsole, seconds: range, metres_from_scene: list[float], *, via: str = "store"
) -> None:
    """The crew reports at ``seconds`` after assignment, at these distances north of the scene.

    ``via`` "store": as the telemetry store commits fixes (a position-only change);
    "service": the crew's position written by hand through the service layer.
    """
    assigned = console.job.assigned_at
    assert assigned is not None
    rows = []
    for s, metres in zip(seconds, metres_from_scene, strict=True):
        lat, lon = north_of_scene(metres)
        rows.append({"batch_seq": 1, "device_id": 1, "crew_id": console.crew_id,
                     "at": assigned + timedelta(seconds=s), "lat": lat, "lon": lon,
                     "source": "osmand", "speed_kmh": 40.0})  # fmt: skip
    # Through the store, the newest fix is the store's own to write (trail row and crew move).
    earlier = rows[:-1] if via == "store" else rows
    if earlier:
        with console.engine.begin() as connection:
            connection.execute(insert(PositionFix), earlier)
    last_at = assigned + timedelta(seconds=seconds[-1])
    if via == "store":
        store_positions(console.engine, {console.crew_id: (lat, lon)}, at=last_at)
    else:
        console.backend.services.update_crew_position(console.crew_id, lat, lon, at=last_at)
    console.window.poll()


def page_trail(qtbot: QtBot, console: TrailConsole) -> dict[str, object]:
    result = ask(qtbot, console.panel.view, "ConsoleMap.trail()")
    assert isinstance(result, dict)
    return result


def select(qtbot: QtBot, console: TrailConsole, request_id: int | None) -> None:
    if request_id is None:
        console.window.view.clearSelection()
    else:
        console.window.select_request(request_id)
    qtbot.waitUntil(lambda: console.window.selected_request_id == request_id, timeout=WAIT_MS)


def test_the_selected_jobs_trail_is_drawn_and_grows_with_each_fix(
    qtbot: QtBot, console: TrailConsole
) -> None:
    drive(console, range(0, 50, 10), [4000, 3600, 3200, 2800, 2400])
    qtbot.waitUntil(lambda: console.window.model.position_of(console.job.id) is not None)
    select(qtbot, console, console.job.id)
    qtbot.waitUntil(lambda: page_trail(qtbot, console)["points"] == 5, timeout=WAIT_MS)
    # The map frames the scene and the trail, with chevrons along it.
    qtbot.waitUntil(lambda: page_trail(qtbot, console)["arrows"] > 0, timeout=WAIT_MS)
    drawn = page_trail(qtbot, console)
    assert drawn["crew"] == console.crew_id
    assert drawn["shown"] is True
    assert drawn["linePoints"] == drawn["dots"] == 5
    assert "Crew's trail since assignment" in ask(
        qtbot, console.panel.view, "ConsoleMap.legendText()"
    )
    layers = "document.querySelector('.leaflet-control-layers').textContent"
    assert "Crew trail" in ask(qtbot, console.panel.view, layers)

    # Two more fixes: only they go to the page (the page keeps the line it had).
    sent: list[str] = []
    original = console.panel.view.call
    console.panel.view.call = lambda function, *args: (
        sent.append(function),
        original(function, *args),
    )  # type: ignore[method-assign]
    console.clock.now = console.job.assigned_at + timedelta(seconds=70)  # type: ignore[operator]
    drive(console, range(50, 70, 10), [2000, 1600])
    qtbot.waitUntil(lambda: page_trail(qtbot, console)["points"] == 7, timeout=WAIT_MS)
    assert "extendTrail" in sent and "setTrail" not in sent
    last = page_trail(qtbot, console)["last"]
    assert isinstance(last, list)
    assert last == pytest.approx(list(north_of_scene(1600)), abs=1e-6)


def test_the_trail_goes_when_the_selection_changes_and_when_the_job_ends(
    qtbot: QtBot, console: TrailConsole
) -> None:
    drive(console, range(0, 30, 10), [3000, 2000, 1000])
    qtbot.waitUntil(lambda: console.window.model.position_of(console.job.id) is not None)
    select(qtbot, console, console.job.id)
    qtbot.waitUntil(lambda: page_trail(qtbot, console)["points"] == 3, timeout=WAIT_MS)
    other = next(r for r in console.window.model.rows() if r.assigned_crew_id is None)
    select(qtbot, console, other.id)
    qtbot.waitUntil(lambda: page_trail(qtbot, console)["points"] == 0, timeout=WAIT_MS)
    assert page_trail(qtbot, console)["crew"] is None

    select(qtbot, console, console.job.id)
    qtbot.waitUntil(lambda: page_trail(qtbot, console)["points"] == 3, timeout=WAIT_MS)
    select(qtbot, console, None)
    qtbot.waitUntil(lambda: page_trail(qtbot, console)["points"] == 0, timeout=WAIT_MS)

    select(qtbot, console, console.job.id)
    qtbot.waitUntil(lambda: page_trail(qtbot, console)["points"] == 3, timeout=WAIT_MS)
    console.backend.move(console.job.id, RequestStatus.CANCELLED, reason="Caller cancelled")
    console.window.sync_now()
    qtbot.waitUntil(lambda: page_trail(qtbot, console)["points"] == 0, timeout=WAIT_MS)


def test_the_detail_shows_the_eta_from_the_live_fix_and_its_age(
    qtbot: QtBot, console: TrailConsole
) -> None:
    assigned = console.job.assigned_at
    assert assigned is not None
    console.clock.now = assigned + timedelta(seconds=40)
    drive(console, range(0, 30, 10), [9000, 8000, 7000], via="service")
    qtbot.waitUntil(lambda: console.window.model.position_of(console.job.id) is not None)
    select(qtbot, console, console.job.id)
    label = console.strip.eta_label
    qtbot.waitUntil(label.isVisible, timeout=WAIT_MS)
    first = label.text()
    assert first.startswith("Live ETA ") and "from a fix 20 s ago" in first

    # Closer and newer: a shorter ETA.
    console.clock.now = assigned + timedelta(seconds=65)
    drive(console, range(30, 60, 10), [5000, 3000, 1000])
    qtbot.waitUntil(lambda: "from a fix 15 s ago" in label.text(), timeout=WAIT_MS)
    assert minutes_in(label.text()) < minutes_in(first)

    # The feed goes silent: the strip says so instead of an ETA.
    console.clock.now = assigned + timedelta(minutes=10)
    qtbot.waitUntil(lambda: "No position from" in label.text(), timeout=WAIT_MS)
    assert "live ETA unknown" in label.text() and "min" in label.text()


def minutes_in(text: str) -> int:
    return int(text.split("Live ETA ")[1].split(" ", maxsplit=1)[0])


def test_a_crew_staying_near_the_scene_for_a_minute_is_asked_about_not_moved(
    qtbot: QtBot, console: TrailConsole
) -> None:
    assigned = console.job.assigned_at
    assert assigned is not None
    console.backend.move(console.job.id, RequestStatus.EN_ROUTE)
    console.clock.now = assigned + timedelta(seconds=95)
    drive(console, range(0, 60, 10), [2000, 900, 140, 60, 30, 20])
    qtbot.waitUntil(lambda: console.window.model.position_of(console.job.id) is not None)
    select(qtbot, console, console.job.id)
    prompt = console.strip.prompt
    qtbot.wait(300)
    assert not prompt.isVisible()  # 30 s near the scene is not yet a minute
    assert console.backend.request(console.job.id).status is RequestStatus.EN_ROUTE

    drive(console, range(60, 90, 10), [25, 25, 30])
    qtbot.waitUntil(prompt.isVisible, timeout=WAIT_MS)
    assert "Arrived?" in console.strip.prompt_label.text()
    assert "150 m" in console.strip.prompt_label.text()
    # Only a question: the job has not moved by itself.
    assert console.backend.request(console.job.id).status is RequestStatus.EN_ROUTE

    console.strip.dismiss_button.click()
    assert not prompt.isVisible()
    drive(console, range(90, 100, 10), [20])
    qtbot.wait(300)
    assert not prompt.isVisible()  # dismissed for this stay

    # The crew leaves and comes back: asked again; one click marks it on scene.
    drive(console, range(100, 180, 10), [400, 30, 30, 30, 30, 30, 30, 30])
    qtbot.waitUntil(prompt.isVisible, timeout=WAIT_MS)
    assert console.strip.mark_button.isVisible()
    console.strip.mark_button.click()
    qtbot.waitUntil(
        lambda: console.backend.request(console.job.id).status is RequestStatus.ON_SCENE,
        timeout=WAIT_MS,
    )
    qtbot.waitUntil(lambda: not prompt.isVisible(), timeout=WAIT_MS)


def cut_off(label: QLabel) -> bool:
    """True when the label is shorter than its wrapped text needs at its width."""
    return label.height() < label.heightForWidth(label.width())


@pytest.mark.parametrize("language", ["en", "zh"])
def test_the_prompt_and_the_eta_fit_the_detail_at_1366x768(
    qtbot: QtBot, tmp_path: Path, language: str
) -> None:
    for console in open_trail_console(qtbot, tmp_path, language):
        assigned = console.job.assigned_at
        assert assigned is not None
        console.backend.move(console.job.id, RequestStatus.EN_ROUTE)
        console.clock.now = assigned + timedelta(seconds=95)
        drive(console, range(0, 90, 10), [600, 100, 40, 30, 30, 20, 20, 20, 20])
        qtbot.waitUntil(lambda c=console: c.window.model.position_of(c.job.id) is not None)
        select(qtbot, console, console.job.id)
        strip = console.strip
        qtbot.waitUntil(strip.prompt.isVisible, timeout=WAIT_MS)
        qtbot.waitUntil(strip.eta_label.isVisible, timeout=WAIT_MS)
        QApplication.processEvents()
        detail = console.window.detail
        assert detail.isVisible() and detail.width() < 1366
        for label in (strip.eta_label, strip.prompt_label):
            assert label.text() and not cut_off(label), (label.objectName(), label.text())
        for button in (strip.mark_button, strip.dismiss_button):
            assert button.isVisible()
            assert button.width() >= button.sizeHint().width(), button.text()
        # The whole strip lies inside the detail panel, which lies on the screen.
        inside = detail.rect()
        top_left = strip.mapTo(detail, QPoint(0, 0))
        assert inside.contains(QRect(top_left, strip.size())), (top_left, strip.size(), inside)
        assert console.window.geometry().width() <= 1366


def test_a_crew_that_arrived_before_en_route_was_pressed_is_marked_through_it(
    qtbot: QtBot, console: TrailConsole
) -> None:
    assigned = console.job.assigned_at
    assert assigned is not None
    console.clock.now = assigned + timedelta(seconds=95)
    drive(console, range(0, 90, 10), [900, 100, 40, 30, 30, 20, 20, 20, 20])
    qtbot.waitUntil(lambda: console.window.model.position_of(console.job.id) is not None)
    select(qtbot, console, console.job.id)
    qtbot.waitUntil(console.strip.prompt.isVisible, timeout=WAIT_MS)
    assert console.backend.request(console.job.id).status is RequestStatus.ASSIGNED
    assert console.strip.mark_button.isVisible()
    console.strip.mark_button.click()
    qtbot.waitUntil(
        lambda: console.backend.request(console.job.id).status is RequestStatus.ON_SCENE,
        timeout=WAIT_MS,
    )
    kinds = [entry.kind for entry in console.backend.timeline(console.job.id)]
    assert kinds[-2:] == ["request.en_route", "request.on_scene"], kinds


def test_a_long_job_keeps_the_trail_on_the_page_bounded(
    qtbot: QtBot, console: TrailConsole
) -> None:
    drive(console, range(0, 5 * 900, 5), [9000 - i for i in range(900)])
    qtbot.waitUntil(lambda: console.window.model.position_of(console.job.id) is not None)
    select(qtbot, console, console.job.id)
    qtbot.waitUntil(lambda: page_trail(qtbot, console)["points"] == 500, timeout=WAIT_MS)
    # Another 600 fixes arrive: the page is redrawn from a thinned trail once, not grown.
    drive(console, range(5 * 900, 5 * 1500, 5), [8100 - i for i in range(600)])
    qtbot.waitUntil(
        lambda: (
            page_trail(qtbot, console)["last"]
            == pytest.approx(list(north_of_scene(8100 - 599)), abs=1e-6)
        ),
        timeout=WAIT_MS,
    )
    assert page_trail(qtbot, console)["points"] <= 1000
    assert len(console.tracker.trail) <= 1000


def test_the_trail_and_the_question_follow_a_language_switch_and_a_page_reload(
    qtbot: QtBot, console: TrailConsole
) -> None:
    assigned = console.job.assigned_at
    assert assigned is not None
    console.backend.move(console.job.id, RequestStatus.EN_ROUTE)
    console.clock.now = assigned + timedelta(seconds=95)
    drive(console, range(0, 90, 10), [900, 100, 40, 30, 30, 20, 20, 20, 20])
    qtbot.waitUntil(lambda: console.window.model.position_of(console.job.id) is not None)
    select(qtbot, console, console.job.id)
    qtbot.waitUntil(console.strip.prompt.isVisible, timeout=WAIT_MS)

    console.window.set_language("zh")
    qtbot.waitUntil(lambda: console.strip.prompt_label.text().startswith("已到达？"))
    assert console.strip.mark_button.text() == "标记到达现场"
    assert console.strip.eta_label.text().startswith("实时预计")
    qtbot.waitUntil(
        lambda: "派车以来的车组轨迹" in ask(qtbot, console.panel.view, "ConsoleMap.legendText()"),
        timeout=WAIT_MS,
    )

    # The renderer starts again (a crash, a reload): the new page gets the trail back.
    view = console.panel.view
    view.load(QUrl.fromLocalFile(str(view.page_path)))
    qtbot.waitUntil(lambda: not view.is_ready, timeout=WAIT_MS)
    wait_ready(qtbot, view)
    qtbot.waitUntil(lambda: page_trail(qtbot, console)["points"] == 9, timeout=WAIT_MS)
    assert page_trail(qtbot, console)["crew"] == console.crew_id
