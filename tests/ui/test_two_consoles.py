"""Two consoles on one database: what one dispatcher does, the other sees.

Each window has its own ``DatabaseBackend`` (its own engine and connections) on
a seeded database, exactly like two workstations sharing it; every test runs on
a SQLite file and on a PostgreSQL schema. This is a test-only use of the data
layer; the windows themselves only see the port.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from pytestqt.qtbot import QtBot

from console.core.intake import RequestDraft
from console.core.vocab import CrewStatus, RequestStatus, RoadType, ServiceType
from console.db.backend import DatabaseBackend
from console.ui.app import build_main_window
from console.ui.main_window import MainWindow
from console.ui.request_detail import CancelCode
from tests.support.databases import postgres_unavailable_reason
from tests.support.workspace import new_call, open_backend, seeded_postgres, seeded_sqlite

POLL_MS = 1000
"""Poll interval of both consoles: the default."""
WITHIN_MS = 2000
"""How long the other console may take: one interval plus room for a busy test machine."""


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def shared_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """A seeded database of each supported kind (60 requests: enough to scroll)."""
    if request.param == "sqlite":
        yield seeded_sqlite(tmp_path, requests=60)
        return
    reason = postgres_unavailable_reason()
    if reason:
        pytest.skip(reason)
    with seeded_postgres(requests=60) as url:
        yield url


@dataclass
class Consoles:
    """Console A and console B on one database, plus B's backend."""

    a: MainWindow
    b: MainWindow
    backend_b: DatabaseBackend


@pytest.fixture
def consoles(qtbot: QtBot, tmp_path: Path, shared_url: str) -> Iterator[Consoles]:
    """Two shown consoles, each with its own backend and engine on ``shared_url``."""
    opened = [open_backend(shared_url, "dispatcher:a"), open_backend(shared_url, "dispatcher:b")]
    windows = []
    for name, (_engine, backend) in zip(("a", "b"), opened, strict=True):
        settings = QSettings(str(tmp_path / f"{name}.ini"), QSettings.Format.IniFormat)
        window = build_main_window(backend, "en", settings=settings, poll_ms=POLL_MS)
        qtbot.addWidget(window)
        window.resize(780, 580)
        with qtbot.waitExposed(window):
            window.show()
        windows.append(window)
    yield Consoles(windows[0], windows[1], opened[1][1])
    for window in windows:
        window.close()
    for engine, backend in opened:
        backend.close()
        engine.dispose()


def wait_in(qtbot: QtBot, condition: object) -> float:
    """Wait (no sleeping) until ``condition()`` holds; return the milliseconds it took."""
    started = time.perf_counter()
    qtbot.waitUntil(condition, timeout=WITHIN_MS)  # type: ignore[arg-type]
    return (time.perf_counter() - started) * 1000


def test_a_cancel_in_one_console_leaves_the_other_queue(qtbot: QtBot, consoles: Consoles) -> None:
    console_a, console_b = consoles.a, consoles.b
    queued = next(r for r in console_a.model.rows() if r.status is RequestStatus.QUEUED)
    assert console_b.model.position_of(queued.id) is not None

    console_b.select_request(queued.id)
    console_b.detail.ask_cancel = lambda _row: (CancelCode.DUPLICATE, "an earlier call")
    console_b.detail.actions_by_key["cancel"].trigger()
    wait_in(qtbot, lambda: console_b.model.position_of(queued.id) is None)  # B asks at once

    took = wait_in(qtbot, lambda: console_a.model.position_of(queued.id) is None)
    assert took < WITHIN_MS


def test_a_new_call_and_a_crew_change_reach_the_other_console(
    qtbot: QtBot, consoles: Consoles
) -> None:
    console_a, console_b, backend_b = consoles.a, consoles.b, consoles.backend_b
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


def test_a_change_appears_without_moving_selection_or_scroll(
    qtbot: QtBot, consoles: Consoles
) -> None:
    console_a, backend_b = consoles.a, consoles.backend_b
    rows = console_a.model.rows()
    scroll = console_a.view.verticalScrollBar()
    assert scroll.maximum() > 0, "the queue must be long enough to scroll"
    chosen = rows[len(rows) // 2].id
    console_a.select_request(chosen)
    scroll.setValue(scroll.maximum() // 2)
    before = scroll.value()

    for _ in range(3):
        created = new_call(backend_b)
        took = wait_in(
            qtbot, lambda created=created: console_a.model.position_of(created) is not None
        )
        assert took < WITHIN_MS
        assert console_a.selected_request_id == chosen
        selected = console_a.view.selectionModel().selectedRows()
        assert [console_a.proxy.mapToSource(i).row() for i in selected] == [
            console_a.model.position_of(chosen)
        ]
        assert scroll.value() == before
