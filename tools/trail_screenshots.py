"""Screenshots of a job's crew trail on the map, with its live ETA and "arrived?".

    xvfb-run -a -s "-screen 0 1920x1080x24" python tools/trail_screenshots.py OUT [en|zh] [light|dark]

Writes OUT/trail-<lang>.png (``-dark`` added in the dark theme): the console at
1366x768 on a throw-away demo database, with a Hangzhou job whose crew drove to
the scene and has waited there for over a minute. The fixes go through the
telemetry store, as the gateway writes them.
Also OUT/trail-legend-<lang>.png: the map dock with its legend open.
"""

from __future__ import annotations

import math
import os
import shutil
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

out = Path(sys.argv[1]).resolve()
lang = sys.argv[2] if len(sys.argv) > 2 else "en"
theme = sys.argv[3] if len(sys.argv) > 3 else "light"
work = Path(tempfile.mkdtemp(prefix="trail-shots-"))
os.environ["XDG_CONFIG_HOME"] = str(work / "config")
os.environ["XDG_DATA_HOME"] = str(work / "data")
os.environ["XDG_CACHE_HOME"] = str(work / "cache")
os.environ["QT_QPA_PLATFORM"] = "xcb"
os.environ.setdefault("QT_XCB_GL_INTEGRATION", "none")
os.environ.setdefault("QT_QUICK_BACKEND", "software")
flags = os.environ.get("QTWEBENGINE_CHROMIUM_FLAGS", "").split()
for flag in ("--disable-gpu", "--no-sandbox"):
    if flag not in flags:
        flags.append(flag)
os.environ["QTWEBENGINE_CHROMIUM_FLAGS"] = " ".join(flags)

from PySide6.QtCore import QSettings  # noqa: E402
from PySide6.QtGui import QGuiApplication  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from console.core.field.fix import Fix, FixSource, Verdict  # noqa: E402
from console.core.geo import haversine_km  # noqa: E402
from console.core.intake import RequestDraft  # noqa: E402
from console.core.map_tiles import TileSource  # noqa: E402
from console.core.roles import Principal  # noqa: E402
from console.core.vocab import RequestStatus, RoadType, Role, ServiceType  # noqa: E402
from console.db import schema  # noqa: E402
from console.db.backend import DatabaseBackend  # noqa: E402
from console.db.engine import make_engine  # noqa: E402
from console.db.seed import SeedOptions, seed_database  # noqa: E402
from console.db.telemetry.store import TelemetryStore  # noqa: E402
from console.ui.app import build_main_window  # noqa: E402
from console.ui.field.strip import JobFieldStrip  # noqa: E402
from console.ui.map.panel import MapPanel  # noqa: E402
from console.ui.theme import THEME_KEY  # noqa: E402

SCENE = (30.2741, 120.1551, "杭州 西湖区 文三路 100 号")
START = datetime.now(UTC).replace(microsecond=0) - timedelta(minutes=15)
SPEED_KMH = 32.0
EVERY_S = 10


class Clock:
    """The console's clock: the moment the screenshot shows."""

    now = START

    def __call__(self) -> datetime:
        return self.now


def drive(start: tuple[float, float], end: tuple[float, float]) -> list[tuple[float, float]]:
    """Fixes every ``EVERY_S`` seconds along a street-like L from ``start`` to ``end``."""
    corner = (start[0], end[1])
    points: list[tuple[float, float]] = []
    step_km = SPEED_KMH * EVERY_S / 3600.0
    for a, b in ((start, corner), (corner, end)):
        legs = max(1, round(haversine_km(*a, *b) / step_km))
        for i in range(legs):
            t = i / legs
            wiggle = 0.00012 * math.sin(i * 1.7)  # a road is never a ruler line
            points.append((a[0] + (b[0] - a[0]) * t + wiggle, a[1] + (b[1] - a[1]) * t + wiggle))
    return points


clock = Clock()
engine = make_engine(f"sqlite:///{work / 'console.db'}")
schema.ensure_schema(engine, auto_upgrade=True)
seed_database(engine, SeedOptions(requests=12, at=START))
setup = DatabaseBackend(
    engine, principal=Principal.user("supervisor1", Role.SUPERVISOR), clock=clock
)
backend = DatabaseBackend(
    engine, principal=Principal.user("dispatcher1", Role.DISPATCHER), clock=clock
)
job = setup.take_call(
    RequestDraft(
        caller_phone="13912345678",
        caller_name="林晓",
        lat=SCENE[0],
        lon=SCENE[1],
        address=SCENE[2],
        city="杭州",
        road_type=RoadType.URBAN,
        service_type=ServiceType.JUMP_START,
    )
)
crew_id = setup.suggest(job.id, limit=1).suggestions[0].crew_id
crew = next(c for c in setup.crews() if c.id == crew_id)
job = setup.assign(job.id, crew_id)
setup.move(job.id, RequestStatus.EN_ROUTE)
assert job.assigned_at is not None
path = drive((crew.lat, crew.lon), (SCENE[0] + 0.0004, SCENE[1] + 0.0003))
path += [(SCENE[0] + 0.0004 + 0.00002 * (i % 3), SCENE[1] + 0.0003) for i in range(8)]
times = [job.assigned_at + timedelta(seconds=30 + EVERY_S * i) for i in range(len(path))]
# Through the telemetry store, as the gateway writes them: one batch, one ledger event.
clock.now = times[-1] + timedelta(seconds=1)
verdicts = TelemetryStore(engine, clock=clock).write_batch(
    [
        Fix(device_id=1, crew_id=crew_id, at=at, lat=lat, lon=lon, source=FixSource.OSMAND,
            speed_kmh=SPEED_KMH)
        for (lat, lon), at in zip(path, times, strict=True)
    ]
)  # fmt: skip
if set(verdicts) != {Verdict.ACCEPTED}:
    raise SystemExit(f"trail_screenshots: fixes refused: {sorted(set(verdicts))}")
clock.now = times[-1] + timedelta(seconds=12)

app = QApplication([sys.argv[0], "-platform", "xcb"])
settings = QSettings(str(work / "console.ini"), QSettings.Format.IniFormat)
settings.setValue(THEME_KEY, theme)
settings.setValue("alerts/muted", True)
window = build_main_window(
    backend,
    lang,
    clock,
    settings=settings,
    poll_ms=60_000,
    tz=ZoneInfo("Asia/Shanghai"),
    user="dispatcher1",
    tiles=TileSource.named("none"),
)
window.setGeometry(0, 0, 1366, 768)
window.show()
panel = window.panel("map")
strip = window.findChild(JobFieldStrip)
assert isinstance(panel, MapPanel) and strip is not None


def wait(condition: object, seconds: float = 30.0) -> None:
    deadline = time.monotonic() + seconds
    while not condition() and time.monotonic() < deadline:  # type: ignore[operator]
        app.processEvents()
        time.sleep(0.02)
    if not condition():  # type: ignore[operator]
        raise SystemExit(f"trail_screenshots: gave up waiting for {condition}")


wait(lambda: panel.view.is_ready)
wait(lambda: window.model.position_of(job.id) is not None)
window.select_request(job.id)
wait(lambda: panel.trail is not None and len(panel.trail[1]) == len(path))
wait(strip.prompt.isVisible)
settle = time.monotonic() + 3.0
while time.monotonic() < settle:
    app.processEvents()
    time.sleep(0.02)
frame = window.frameGeometry()
picture = QGuiApplication.primaryScreen().grabWindow(0, frame.x(), frame.y(), 1366, 768)
out.mkdir(parents=True, exist_ok=True)
name = f"trail-{lang}{'-dark' if theme == 'dark' else ''}.png"
picture.save(str(out / name))

# The map alone with its legend open: the trail's entry in it.
panel.view.page().runJavaScript("document.querySelector('.cm-legend-toggle').click();")
settle = time.monotonic() + 1.5
while time.monotonic() < settle:
    app.processEvents()
    time.sleep(0.02)
picture = QGuiApplication.primaryScreen().grabWindow(0, frame.x(), frame.y(), 1366, 768)
corner = panel.mapTo(window, panel.rect().topLeft())
legend = picture.copy(corner.x(), corner.y(), panel.width(), panel.height())
legend_name = name.replace("trail-", "trail-legend-")
legend.save(str(out / legend_name))
window.sync.stop()
window.close()
engine.dispose()
shutil.rmtree(work, ignore_errors=True)
print(f"trail_screenshots: {out / name}")
