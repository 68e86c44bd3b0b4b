"""The dashboard reads its figures off the interface thread when it opens and on its timers."""

from __future__ import annotations

import threading
from typing import Any

import pytest
from PySide6.QtCore import QSettings
from pytestqt.qtbot import QtBot
from sqlalchemy import Engine

import console.ui.dashboard.window as dashboard_window
from console.core.report import ReportData
from console.db.backend import DatabaseBackend
from console.ui.app import build_main_window
from tests.ui.test_dashboard import NOW, ZONE, history

__all__ = ["history"]  # the seeded-history fixture, shared with the dashboard specs


def test_opening_the_dashboard_reads_on_the_reader_thread(
    qtbot: QtBot,
    qsettings: QSettings,
    history: tuple[Engine, DatabaseBackend],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    _engine, backend = history
    read_on: list[str] = []
    gather = dashboard_window.gather

    def watched(*args: Any, **kwargs: Any) -> ReportData:
        read_on.append(threading.current_thread().name)
        return gather(*args, **kwargs)

    monkeypatch.setattr(dashboard_window, "gather", watched)
    window = build_main_window(
        backend, "en", lambda: NOW, settings=qsettings, poll_ms=60_000, tz=ZONE,
        user="supervisor", principal=backend.principal,
    )  # fmt: skip
    qtbot.addWidget(window)
    window.dashboard_action.trigger()
    board = window.dashboard
    assert board is not None
    assert board.data is None, "the window opens before its figures are read"
    qtbot.waitUntil(lambda: board.data is not None, timeout=10_000)
    assert read_on == ["reader"]
    assert board.tiles["queue_total"].isVisible()
    board.schedule_refresh()
    qtbot.waitUntil(lambda: len(read_on) == 2, timeout=10_000)
    assert read_on == ["reader", "reader"], "a sync's re-read runs there too"
    window.close()
