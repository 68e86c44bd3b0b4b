"""Drive the live demo through a real console window and measure the event loop.

The national demo database (every depot and crew of the seed) is laid down in a
temporary folder, the live demo plays it at ``speed`` times real time on its
worker thread, and a full :class:`~console.ui.main_window.MainWindow` (queue,
crew board, detail, suggestions, guidance, timeline and the live map in
QtWebEngine) follows it through the change feed, as ``python main.py`` does.
Meanwhile a scripted dispatcher selects queued requests, types a depot code
into the crew board's search and erases it, and opens the supervisor dashboard.
:class:`~console.ui.loop_probe.EventLoopProbe` reports the event loop's latency
and the longest stalls with what ran.

As a command (``--demo-minutes`` of demo time, played ``--speed`` times fast)::

    QT_QPA_PLATFORM=offscreen QTWEBENGINE_CHROMIUM_FLAGS=--no-sandbox \\
        .venv/bin/python -m tests.bench.live_loop --demo-minutes 10 --speed 10
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from zoneinfo import ZoneInfo

from PySide6.QtCore import QEventLoop, QSettings, Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from console.config import load_settings
from console.core.map_tiles import TileSource
from console.core.roles import Principal
from console.core.vocab import RequestStatus, Role
from console.db import schema
from console.db.backend import DatabaseBackend
from console.db.seed import DEMO_HISTORY_DAYS, SeedOptions, seed_database
from console.sim.live import LiveDemo
from console.ui.app import build_main_window
from console.ui.loop_probe import EventLoopProbe, LatencyReport
from console.ui.main_window import MainWindow

__all__ = ["LoopRun", "main", "run_live_loop"]

logger = logging.getLogger(__name__)

SEARCH = "3301"
"""Typed into the crew search and erased again: the Hangzhou depots' code prefix."""


@dataclass(frozen=True, slots=True)
class LoopRun:
    """What one run measured."""

    report: LatencyReport
    window_build_s: float
    crews: int
    demo_counts: dict[str, int]
    actions: dict[str, int]


def spin(seconds: float, until: Callable[[], bool] | None = None) -> bool:
    """Run the event loop for ``seconds`` or until ``until()`` holds; whether it held."""
    deadline = time.perf_counter() + seconds
    loop = QEventLoop()
    while time.perf_counter() < deadline:
        if until is not None and until():
            return True
        QTimer.singleShot(50, loop.quit)
        loop.exec()
    return until is not None and until()


class Dispatcher:
    """A scripted user: selects queued requests, searches the crew board, opens the dashboard."""

    def __init__(self, window: MainWindow, duration_s: float) -> None:
        self.window = window
        self.actions = {"selections": 0, "keystrokes": 0, "dashboard": 0}
        self._keys: list[str] = []
        self._seen: set[int] = set()
        self._timers: list[QTimer] = []
        self._every(3000, self.select_next_queued)
        self._every(5000, self.search_crews)
        self._every(130, self._type_one)
        QTimer.singleShot(int(duration_s * 250), self.open_dashboard)

    def _every(self, ms: int, action: Callable[[], None]) -> None:
        timer = QTimer(self.window)
        timer.setInterval(ms)
        timer.timeout.connect(action)
        timer.start()
        self._timers.append(timer)

    def stop(self) -> None:
        """Stop acting."""
        for timer in self._timers:
            timer.stop()

    def select_next_queued(self) -> None:
        """Select a queued request not selected before (as a dispatcher working the queue)."""
        model = self.window.model
        queued = [
            row.id for row in model.rows()
            if row.status is RequestStatus.QUEUED and row.id not in self._seen
        ]  # fmt: skip
        if not queued:
            self._seen.clear()
            return
        self._seen.add(queued[0])
        self.window.select_request(queued[0])
        self.actions["selections"] += 1

    def search_crews(self) -> None:
        """Type the depot code into the crew search, then erase it key by key."""
        if not self._keys:
            self._keys = [*SEARCH, *(["\b"] * len(SEARCH))]

    def _type_one(self) -> None:
        if not self._keys:
            return
        key = self._keys.pop(0)
        field = self.window.crew_board.search
        if key == "\b":
            QTest.keyClick(field, Qt.Key.Key_Backspace)
        else:
            QTest.keyClicks(field, key)
        self.actions["keystrokes"] += 1

    def open_dashboard(self) -> None:
        """Open the supervisor dashboard (it then follows every sync)."""
        if self.window.open_dashboard() is not None:
            self.actions["dashboard"] += 1


@contextmanager
def _private_home(folder: Path) -> Iterator[None]:
    """Settings, data and the map's cache in ``folder``, not the user's."""
    names = ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME")
    saved = {name: os.environ.get(name) for name in names}
    for name in names:
        os.environ[name] = str(folder / name.lower())
    try:
        yield
    finally:
        for name, value in saved.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value


def run_live_loop(
    folder: Path,
    *,
    demo_minutes: float = 10.0,
    speed: float = 10.0,
    size: tuple[int, int] = (1600, 1000),
    seed: int = 7,
) -> LoopRun:
    """Seed, start the demo and the window, play ``demo_minutes`` at ``speed``, report."""
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    url = f"sqlite:///{folder / 'live-loop.db'}"
    with _private_home(folder):
        engine = schema.open_database(url, create=True)
        counts = seed_database(engine, SeedOptions(history_days=DEMO_HISTORY_DAYS))
        settings = load_settings(config_file=None, db_url=url, language="en")
        demo = LiveDemo(
            engine,
            speed=speed,
            seed=seed,
            sla=settings.sla,
            timezone=settings.timezone,
            rules=settings.rules(),
            routing=settings.routing(),
        )
        principal = Principal.user("supervisor", Role.SUPERVISOR)
        backend = DatabaseBackend(
            engine,
            principal=principal,
            sla=settings.sla,
            timezone=settings.timezone,
            rules=settings.rules(),
            routing=settings.routing(),
            quality=settings.quality,
        )
        store = QSettings(str(folder / "console.ini"), QSettings.Format.IniFormat)
        demo.start()
        window: MainWindow | None = None
        try:
            started = time.perf_counter()
            window = build_main_window(
                backend,
                "en",
                settings=store,
                poll_ms=round(settings.poll_seconds * 1000),
                tz=ZoneInfo(settings.timezone),
                user=principal.actor,
                tiles=TileSource.named("none"),
                principal=principal,
            )
            window.resize(*size)
            window.show()
            build_s = time.perf_counter() - started
            map_panel = window.dock("map")
            view = getattr(map_panel.widget(), "view", None) if map_panel else None
            if view is not None and not spin(60, lambda: bool(view.is_ready)):
                logger.warning("the map page did not report ready")
            spin(1.0)
            duration_s = demo_minutes * 60 / speed
            probe = EventLoopProbe(20, stall_ms=50)
            dispatcher = Dispatcher(window, duration_s)
            probe.start()
            spin(duration_s)
            report = probe.stop()
            dispatcher.stop()
        finally:
            demo.stop()
            if window is not None:
                if window.dashboard is not None:
                    window.dashboard.close()
                window.close()
                window.deleteLater()
                spin(0.5)
            backend.close()
            engine.dispose()
    return LoopRun(report, build_s, counts["crews"], dict(demo.counts), dispatcher.actions)


def main(argv: list[str] | None = None) -> int:
    """Run once and print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--demo-minutes", type=float, default=10.0)
    parser.add_argument("--speed", type=float, default=10.0)
    parser.add_argument("--width", type=int, default=1600)
    parser.add_argument("--height", type=int, default=1000)
    args = parser.parse_args(argv)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    if "--no-sandbox" not in os.environ.get("QTWEBENGINE_CHROMIUM_FLAGS", ""):
        os.environ["QTWEBENGINE_CHROMIUM_FLAGS"] = (
            os.environ.get("QTWEBENGINE_CHROMIUM_FLAGS", "") + " --no-sandbox"
        ).strip()
    logging.basicConfig(level=logging.WARNING)
    with tempfile.TemporaryDirectory(prefix="live-loop-") as tmp:
        run = run_live_loop(
            Path(tmp),
            demo_minutes=args.demo_minutes,
            speed=args.speed,
            size=(args.width, args.height),
        )
    print(
        f"{args.demo_minutes:g} demo minutes at {args.speed:g}x, {run.crews} crews; "
        f"window built in {run.window_build_s:.2f} s; demo {run.demo_counts}; "
        f"dispatcher {run.actions}"
    )
    print("\n".join(run.report.lines()))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
