"""The dashboard's "Coverage now" tile: one row per capability, read off the interface thread.

Opened on seeded history as a supervisor would; checked at 1366x768 (less the
title bar and the taskbar) in English and Chinese: the tile lies inside the
window and every text of it fits its label.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator

import pytest
from PySide6.QtCore import QRect, QSettings
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from sqlalchemy import Engine

from console.core.reach import GROUPS, Coverage
from console.db.backend import DatabaseBackend
from console.ui import screen_fit
from console.ui.app import build_main_window
from console.ui.dashboard import DashboardWindow
from console.ui.dashboard.coverage_tile import share_standing
from console.ui.dashboard.tiles import Standing
from tests.ui.test_dashboard import NOW, ZONE, history

__all__ = ["history"]  # the seeded-history fixture, shared with the dashboard specs

SMALL_SCREEN = QRect(0, 0, 1366, 768 - 80)


@pytest.fixture(params=["en", "zh"])
def small_dashboard(
    request: pytest.FixtureRequest,
    qtbot: QtBot,
    qsettings: QSettings,
    history: tuple[Engine, DatabaseBackend],
    monkeypatch: pytest.MonkeyPatch,
) -> Iterator[DashboardWindow]:
    """The dashboard on a 1366x768 screen, its coverage measured, in each language."""
    monkeypatch.setattr(screen_fit, "available_geometry", lambda *_a, **_k: QRect(SMALL_SCREEN))
    _engine, backend = history
    window = build_main_window(
        backend, request.param, lambda: NOW, settings=qsettings, poll_ms=60_000, tz=ZONE,
        user="supervisor", principal=backend.principal,
    )  # fmt: skip
    qtbot.addWidget(window)
    board = window.open_dashboard()
    assert board is not None
    qtbot.waitUntil(lambda: board.coverage_tile.coverage is not None, timeout=10_000)
    qtbot.waitUntil(lambda: board.data is not None, timeout=10_000)
    QApplication.processEvents()
    yield board
    window.close()


def test_each_capability_has_a_row_with_its_share_and_holes(
    small_dashboard: DashboardWindow, history: tuple[Engine, DatabaseBackend]
) -> None:
    _engine, backend = history
    tile = small_dashboard.coverage_tile
    coverage = backend.coverage_now()
    assert tile.coverage is not None
    assert [g.group.key for g in tile.coverage.groups] == [g.key for g in GROUPS]
    for entry in coverage.groups:
        row = tile.rows[entry.group.key]
        assert row.share.text() == f"{round(entry.share * 100)} %"
        assert row.holes.text() == str(entry.holes)
        assert row.bar.value() == round(entry.share * 1000)
        assert row.standing is share_standing(entry.share)
    assert tile.value.text() == f"{round(coverage.overall * 100)} %"
    assert f"{coverage.target_minutes:g}" in tile.detail.text()
    assert "P2" in tile.toolTip()
    assert coverage.crews > 0 and any(g.holes for g in coverage.groups)


def test_the_tile_fits_a_small_screen_with_every_text_whole(
    small_dashboard: DashboardWindow,
) -> None:
    board = small_dashboard
    tile = board.coverage_tile
    assert SMALL_SCREEN.contains(board.frameGeometry()), board.frameGeometry()
    inside = QRect(tile.mapTo(board, tile.rect().topLeft()), tile.size())
    assert board.rect().contains(inside) and tile.isVisible()
    assert tile.height() >= tile.minimumSizeHint().height()
    cut = {
        label.text(): (label.width(), label.sizeHint().width())
        for label in tile.labels()
        if label.text() and label.width() < label.sizeHint().width()
    }
    assert not cut, cut
    for row in tile.rows.values():
        assert row.bar.width() >= 40, "the bar keeps room to show a share"


def test_shares_stand_by_threshold() -> None:
    assert share_standing(None) is Standing.NEUTRAL
    assert share_standing(0.95) is Standing.GOOD and share_standing(0.90) is Standing.GOOD
    assert share_standing(0.80) is Standing.WARN and share_standing(0.75) is Standing.WARN
    assert share_standing(0.74) is Standing.BAD


def test_coverage_is_measured_on_the_reader_thread_with_each_refresh(
    qtbot: QtBot,
    qsettings: QSettings,
    history: tuple[Engine, DatabaseBackend],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    _engine, backend = history
    measured_on: list[str] = []
    measure = backend.coverage_now

    def watched() -> Coverage:
        measured_on.append(threading.current_thread().name)
        return measure()

    monkeypatch.setattr(backend, "coverage_now", watched)
    window = build_main_window(
        backend, "en", lambda: NOW, settings=qsettings, poll_ms=60_000, tz=ZONE,
        user="supervisor", principal=backend.principal,
    )  # fmt: skip
    qtbot.addWidget(window)
    board = window.open_dashboard()
    assert board is not None
    qtbot.waitUntil(lambda: board.coverage_tile.coverage is not None, timeout=10_000)
    board.refresh_in_background(again=True)
    qtbot.waitUntil(lambda: len(measured_on) >= 2, timeout=10_000)
    assert set(measured_on) == {"reader"}
    window.close()
