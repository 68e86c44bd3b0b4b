"""Crews moving at fleet scale: debounced fetches, positions applied in place, nothing else asked."""

from __future__ import annotations

import math
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QPersistentModelIndex, QSettings
from pytestqt.qtbot import QtBot
from sqlalchemy import Engine, event

from console.core.map_tiles import TileSource
from console.core.ports import ChangeHeads, ChangeKind, FeedChanges
from console.core.records import CrewPosition, RequestRow
from console.ui.app import build_main_window
from console.ui.live_sync import BUSINESS_GAP_S, POSITIONS_GAP_S, LiveSync, SyncBatch
from console.ui.main_window import MainWindow
from console.ui.map.install import install_map_panel
from tests.support.fix_batches import store_positions
from tests.support.map_page import ask, wait_ready
from tests.support.workspace import open_backend, seeded_sqlite
from tests.ui.conftest import T0, FakeQueueSource, crew_row

MakeRow = Callable[..., RequestRow]


class Feed(FakeQueueSource):
    """An in-memory change feed with a position revision and a push channel."""

    def __init__(self, *args: Any) -> None:
        super().__init__(*args)
        self.position_revision = 0
        self.positions: dict[int, CrewPosition] = {}
        self.fetched: list[bool] = []
        self.hear: Callable[[ChangeKind], None] | None = None

    def report_fix(self, crew_id: int, lat: float, lon: float) -> None:
        """One stored batch of fixes moving one crew."""
        self.position_revision += 1
        self.positions[crew_id] = CrewPosition(crew_id, lat, lon, T0, self.position_revision)

    def change_heads(self) -> ChangeHeads:
        return ChangeHeads(self._revision, self.position_revision)

    def changes_since(self, since: ChangeHeads | None, *, positions: bool = True) -> FeedChanges:
        self._check()
        self.fetched.append(positions)
        heads = self.change_heads()
        if since is None:
            snapshot = self.open_requests().requests
            return FeedChanges(heads, snapshot, tuple(self.crews()), (), snapshot=True)
        requests = self.requests_changed_since(since.revision).requests
        crews = self.crews_changed_since(since.revision).crews
        if not positions:
            return FeedChanges(
                ChangeHeads(heads.revision, since.position_revision), requests, crews, (), False
            )
        moved = tuple(
            p for p in self.positions.values() if p.position_revision > since.position_revision
        )
        return FeedChanges(heads, requests, crews, moved, snapshot=False)

    def subscribe_changes(self, callback: Callable[[ChangeKind], None]) -> Callable[[], None]:
        self.hear = callback
        return lambda: setattr(self, "hear", None)


@pytest.fixture
def feed(make_row: MakeRow) -> Feed:
    return Feed([make_row(1)], [crew_row(1), crew_row(2)])


def _burst(feed: Feed, kind: ChangeKind, change: Callable[[int], None]) -> float:
    """Commit and announce 100 changes from another thread, 2 ms apart; returns how long it took."""
    hear = feed.hear
    assert hear is not None
    started = time.monotonic()

    def run() -> None:
        for n in range(100):
            change(n)
            hear(kind)
            time.sleep(0.002)

    thread = threading.Thread(target=run)
    thread.start()
    thread.join()
    return time.monotonic() - started


def test_a_burst_of_position_notices_costs_a_few_fetches(qtbot: QtBot, feed: Feed) -> None:
    sync = LiveSync(feed, 60_000)
    moved: list[tuple[CrewPosition, ...]] = []
    sync.sig_positions.connect(moved.append)
    sync.refresh()
    sync.start()
    try:
        took = _burst(feed, ChangeKind.POSITIONS, lambda n: feed.report_fix(1 + n % 2, 30 + n, 120))
        qtbot.waitUntil(lambda: sync.position_revision == 100, timeout=5000)
        # Positions are fetched at most every POSITIONS_GAP_S (one first, one after the burst).
        assert 1 <= sync.fetches <= 2 + math.ceil(took / POSITIONS_GAP_S)
        last = {p.id: p.lat for batch in moved for p in batch}
        assert last == {1: 128, 2: 129}
    finally:
        sync.stop()


def test_a_burst_of_business_notices_is_coalesced(
    qtbot: QtBot, feed: Feed, make_row: MakeRow
) -> None:
    sync = LiveSync(feed, 60_000)
    seen: list[SyncBatch] = []
    sync.sig_batch.connect(seen.append)
    sync.refresh()
    sync.start()
    try:
        took = _burst(feed, ChangeKind.BUSINESS, lambda n: feed.upsert(make_row(100 + n)))
        qtbot.waitUntil(lambda: sync.revision == feed.revision(), timeout=5000)
        # The first change is fetched at once, later ones no more often than BUSINESS_GAP_S.
        assert 1 <= sync.fetches <= 2 + math.ceil(took / BUSINESS_GAP_S)
        assert {r.id for b in seen[1:] for r in b.requests} == set(range(100, 200))
    finally:
        sync.stop()


# -- a console on a real database ----------------------------------------------------------


def _open_window(qtbot: QtBot, tmp_path: Path, url: str) -> tuple[MainWindow, Engine]:
    engine, backend = open_backend(url, "dispatcher:a")
    settings = QSettings(str(tmp_path / "console.ini"), QSettings.Format.IniFormat)
    window = build_main_window(backend, "en", settings=settings, poll_ms=60_000)
    qtbot.addWidget(window)
    return window, engine


@pytest.fixture
def console(qtbot: QtBot, tmp_path: Path) -> Iterator[tuple[MainWindow, Engine]]:
    window, engine = _open_window(qtbot, tmp_path, seeded_sqlite(tmp_path))
    try:
        yield window, engine
    finally:
        window.sync.stop()
        window.close()
        engine.dispose()


def test_a_fix_moves_the_crew_in_place_and_reads_no_requests(
    qtbot: QtBot, console: tuple[MainWindow, Engine]
) -> None:
    window, engine = console
    model = window.crew_model
    crew = model.row_at(0)
    rows = model.rowCount()
    held = QPersistentModelIndex(model.index(0, 0))
    synced: list[object] = []
    moved: list[object] = []
    window.sig_synced.connect(synced.append)
    window.sig_crews_moved.connect(moved.append)
    gui = threading.current_thread()
    read: list[str] = []

    def note(_conn: Any, _cursor: Any, text: str, *_: Any) -> None:
        if threading.current_thread() is gui:
            read.append(text)

    store_positions(engine, {crew.id: (crew.lat + 0.01, crew.lon + 0.02)})
    event.listen(engine, "before_cursor_execute", note)
    try:
        window.poll()
    finally:
        event.remove(engine, "before_cursor_execute", note)

    now = model.row_at(0)
    # The store keeps 7 decimal places of a degree.
    assert (now.id, now.lat, now.lon) == (
        crew.id,
        round(crew.lat + 0.01, 7),
        round(crew.lon + 0.02, 7),
    )
    assert now == replace(
        crew, lat=now.lat, lon=now.lon, gps_at=now.gps_at, position_revision=now.position_revision
    )
    assert model.rowCount() == rows and held.isValid() and held.row() == 0
    assert synced == []  # no business batch: the queue and its panels are left alone
    assert [[c.id for c in batch] for batch in moved] == [[crew.id]]  # type: ignore[attr-defined]
    assert read and not any("requests" in text for text in read)


def test_the_map_follows_a_fix(qtbot: QtBot, tmp_path: Path) -> None:
    window, engine = _open_window(qtbot, tmp_path, seeded_sqlite(tmp_path))
    panel = install_map_panel(
        window, window.backend, TileSource.named("none"), cache_root=tmp_path / "cache"
    )
    window.show()
    wait_ready(qtbot, panel.view)
    try:
        crew = window.crew_model.row_at(0)
        lat, lon = round(crew.lat + 0.05, 7), round(crew.lon + 0.05, 7)
        store_positions(engine, {crew.id: (lat, lon)})
        window.poll()
        qtbot.waitUntil(
            lambda: _near(
                ask(qtbot, panel.view, f"ConsoleMap.latLngOf('crew', {crew.id})"), lat, lon
            ),
            timeout=10_000,
        )
    finally:
        window.sync.stop()
        window.close()
        engine.dispose()


def _near(point: Any, lat: float, lon: float) -> bool:
    """Whether the page's ``{lat, lon}`` (or nothing yet) is at ``lat``, ``lon``."""
    if not isinstance(point, dict):
        return False
    return abs(point["lat"] - lat) < 1e-6 and abs(point["lon"] - lon) < 1e-6
