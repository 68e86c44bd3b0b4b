"""A busy shift: 2,000 open requests and a burst of 200 updates through the live feed."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import timedelta

from PySide6.QtCore import QSettings
from pytestqt.qtbot import QtBot

from console.core.records import RequestRow
from console.core.vocab import Priority, RequestStatus, ServiceType
from console.ui.app import build_main_window
from console.ui.queue_model import ROW_ROLE
from tests.ui.conftest import T0, FakeClock, FakeQueueSource, crew_row

MakeRow = Callable[..., RequestRow]

ROWS = 2000
SELECTED = 1234


@dataclass
class Resets:
    """Counts model resets of the source model and the proxy."""

    count: int = 0

    def bump(self) -> None:
        self.count += 1


def busy_queue(make_row: MakeRow) -> list[RequestRow]:
    services = list(ServiceType)
    rows = []
    for i in range(1, ROWS + 1):
        rows.append(
            make_row(
                i,
                priority=(Priority.P1, Priority.P2, Priority.P2, Priority.P3)[i % 4],
                service_type=services[i % len(services)],
                created_at=T0 - timedelta(seconds=i * 7),
                city=("杭州", "上海")[i % 2],
            )
        )
    return rows


def test_burst_keeps_selection_and_scroll_and_never_resets(
    qtbot: QtBot, clock: FakeClock, qsettings: QSettings, make_row: MakeRow
) -> None:
    source = FakeQueueSource(busy_queue(make_row), (crew_row(i) for i in range(1, 4)))
    window = build_main_window(source, "en", clock, settings=qsettings, poll_ms=60_000)
    qtbot.addWidget(window)
    window.resize(780, 580)
    with qtbot.waitExposed(window):
        window.show()
    window.sync.stop()  # the test drives the polls
    assert window.model.rowCount() == ROWS

    resets = Resets()
    window.model.modelReset.connect(resets.bump)
    window.proxy.modelReset.connect(resets.bump)
    window.select_request(SELECTED)
    scroll = window.view.verticalScrollBar()
    scroll.setValue(scroll.maximum() // 2)
    before = scroll.value()
    assert before > 0
    first_visible = window.view.rowAt(0)

    statuses = (RequestStatus.ASSIGNED, RequestStatus.EN_ROUTE, RequestStatus.ON_SCENE)
    for n in range(200):
        target = 1 + (n * 37) % ROWS
        row = source.rows.get(target)
        if n % 20 == 0:
            # A new call comes in.
            source.upsert(make_row(ROWS + 1 + n, priority=Priority.P1))
        elif n % 25 == 1 and target != SELECTED and row is not None:
            # A job elsewhere is finished and leaves the queue.
            source.upsert(replace(row, status=RequestStatus.COMPLETED))
        elif n % 10 == 5:
            # The selected request itself changes (a crew is assigned, its ETA moves).
            selected = source.rows[SELECTED]
            source.upsert(
                replace(
                    selected,
                    status=RequestStatus.ASSIGNED,
                    assigned_crew_call_sign="HZ-07",
                    eta_minutes=10 + n % 30,
                )
            )
        elif row is not None:
            source.upsert(
                replace(
                    row,
                    status=statuses[n % 3],
                    assigned_crew_call_sign=f"C{n}",
                    eta_minutes=n % 45,
                    priority=(Priority.P1, Priority.P2)[n % 2],
                )
            )
        window.poll()
        assert [i.data(ROW_ROLE).id for i in window.view.selectionModel().selectedRows()] == [
            SELECTED
        ], f"selection lost at update {n}"
        assert scroll.value() == before, f"scroll moved at update {n}"

    assert resets.count == 0
    assert window.selected_request_id == SELECTED
    position = window.model.position_of(SELECTED)
    assert position is not None
    assert window.model.row_at(position).assigned_crew_call_sign == "HZ-07"
    assert window.model.rowCount() == ROWS + 10 - 8
    assert window.view.rowAt(0) == first_visible
