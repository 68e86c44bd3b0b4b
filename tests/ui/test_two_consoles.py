"""Two consoles on one database file: what one dispatcher does, the other sees.

Each window has its own ``DatabaseBackend`` (its own engine and connections) on
a seeded SQLite file, exactly like two workstations sharing a database. This
is a test-only use of the data layer; the windows themselves only see the port.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from pytestqt.qtbot import QtBot

from console.core.intake import RequestDraft
from console.core.vocab import CrewStatus, RequestStatus, RoadType, ServiceType
from console.db.backend import DatabaseBackend
from console.ui.app import build_main_window
from console.ui.main_window import MainWindow
from tests.support.workspace import open_backend, seeded_sqlite

POLL_MS = 250
"""Poll interval of both consoles."""
WITHIN_MS = 4 * POLL_MS
"""How long the other console may take: one interval plus room for a busy test machine."""


@pytest.fixture
def consoles(
    qtbot: QtBot, tmp_path: Path
) -> Iterator[tuple[MainWindow, MainWindow, DatabaseBackend]]:
    """Console A and console B on one seeded file, plus B's backend."""
    url = seeded_sqlite(tmp_path, requests=20)
    engine_a, backend_a = open_backend(url, "dispatcher:a")
    engine_b, backend_b = open_backend(url, "dispatcher:b")
    windows = []
    for name, backend in (("a", backend_a), ("b", backend_b)):
        settings = QSettings(str(tmp_path / f"{name}.ini"), QSettings.Format.IniFormat)
        window = build_main_window(backend, "en", settings=settings, poll_ms=POLL_MS)
        qtbot.addWidget(window)
        window.resize(780, 580)
        with qtbot.waitExposed(window):
            window.show()
        windows.append(window)
    yield windows[0], windows[1], backend_b
    for window in windows:
        window.close()
    engine_a.dispose()
    engine_b.dispose()


def wait_in(qtbot: QtBot, condition: object) -> float:
    """Wait (no sleeping) until ``condition()`` holds; return the milliseconds it took."""
    started = time.perf_counter()
    qtbot.waitUntil(condition, timeout=WITHIN_MS)  # type: ignore[arg-type]
    return (time.perf_counter() - started) * 1000


def test_a_cancel_in_one_console_leaves_the_other_queue(
    qtbot: QtBot, consoles: tuple[MainWindow, MainWindow, DatabaseBackend]
) -> None:
    console_a, console_b, _backend_b = consoles
    queued = next(r for r in console_a.model.rows() if r.status is RequestStatus.QUEUED)
    assert console_b.model.position_of(queued.id) is not None

    console_b.select_request(queued.id)
    console_b.detail.ask_reason = lambda _title, _prompt: "Duplicate of an earlier call"
    console_b.detail.actions_by_key["cancel"].trigger()
    assert console_b.model.position_of(queued.id) is None  # B syncs at once

    took = wait_in(qtbot, lambda: console_a.model.position_of(queued.id) is None)
    assert took < WITHIN_MS


def test_a_new_call_and_a_crew_change_reach_the_other_console(
    qtbot: QtBot, consoles: tuple[MainWindow, MainWindow, DatabaseBackend]
) -> None:
    console_a, console_b, backend_b = consoles
    resets: list[int] = []
    console_a.model.modelReset.connect(lambda: resets.append(1))
    console_a.crew_model.modelReset.connect(lambda: resets.append(1))

    created = backend_b.create_request(
        RequestDraft(
            caller_phone="13812345678",
            lat=30.3,
            lon=120.1,
            city="杭州",
            road_type=RoadType.EXPRESSWAY,
            service_type=ServiceType.TOW,
        )
    )
    wait_in(qtbot, lambda: console_a.model.position_of(created.id) is not None)

    crew = next(
        c
        for c in console_a.crew_model.rows()
        if c.status is CrewStatus.AVAILABLE and c.current_request_id is None
    )
    console_b.crew_board.set_crew_status(crew, CrewStatus.OUT_OF_SERVICE)

    def crew_is_out() -> bool:
        position = console_a.crew_model.position_of(crew.id)
        return (
            position is not None
            and console_a.crew_model.row_at(position).status is CrewStatus.OUT_OF_SERVICE
        )

    wait_in(qtbot, crew_is_out)
    assert resets == []
    assert console_a.is_connected
    assert console_b.is_connected
