"""RequestQueueModel: in-place updates, ticking clock, SLA colours, P1 emphasis."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import timedelta

import pytest
from PySide6.QtCore import QItemSelectionModel, QSortFilterProxyModel, Qt
from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import QTableView
from pytestqt.qtbot import QtBot

from console.core.records import RequestChanges, RequestRow
from console.core.sla import SlaTargets
from console.core.vocab import Powertrain, Priority, RequestStatus
from console.ui.icons import colour
from console.ui.queue_filter import RequestFilterProxy
from console.ui.queue_model import (
    ROW_ROLE,
    SLA_STATE_ROLE,
    SORT_ROLE,
    Column,
    RequestQueueModel,
    SlaState,
    format_age,
    format_countdown,
)
from tests.ui.conftest import T0, FakeClock

MakeRow = Callable[..., RequestRow]


@dataclass
class Recorder:
    """Everything a model announced, as plain tuples."""

    inserted: list[tuple[int, int]] = field(default_factory=list)
    removed: list[tuple[int, int]] = field(default_factory=list)
    changed: list[tuple[int, int, int, int]] = field(default_factory=list)
    resets: int = 0

    @classmethod
    def attach(cls, model: RequestQueueModel | QSortFilterProxyModel) -> Recorder:
        rec = cls()
        model.rowsInserted.connect(lambda _p, first, last: rec.inserted.append((first, last)))
        model.rowsRemoved.connect(lambda _p, first, last: rec.removed.append((first, last)))
        model.dataChanged.connect(
            lambda tl, br, _roles=(): rec.changed.append(
                (tl.row(), br.row(), tl.column(), br.column())
            )
        )
        model.modelReset.connect(rec.count_reset)
        return rec

    def count_reset(self) -> None:
        self.resets += 1


def changes(*rows: RequestRow, revision: int = 1) -> RequestChanges:
    return RequestChanges(revision=revision, requests=rows)


def loaded(clock: FakeClock, rows: list[RequestRow]) -> RequestQueueModel:
    model = RequestQueueModel(clock)
    model.apply(changes(*rows))
    return model


def text(model: RequestQueueModel, row: int, column: Column) -> str:
    value = model.data(model.index(row, column))
    assert isinstance(value, str)
    return value


def test_first_load_inserts_rows(clock: FakeClock, make_row: MakeRow) -> None:
    model = RequestQueueModel(clock)
    rec = Recorder.attach(model)
    model.apply(changes(*(make_row(i) for i in range(1, 4))))
    assert model.rowCount() == 3
    assert rec.inserted == [(0, 2)]
    assert rec.resets == 0
    assert text(model, 0, Column.REFERENCE) == "RA-20261123-0001"
    assert model.data(model.index(1, Column.REFERENCE), ROW_ROLE).id == 2


def test_update_of_one_row_signals_that_row_only(clock: FakeClock, make_row: MakeRow) -> None:
    model = loaded(clock, [make_row(i) for i in range(1, 6)])
    rec = Recorder.attach(model)
    updated = make_row(
        3,
        status=RequestStatus.ASSIGNED,
        assigned_crew_call_sign="浙A-07",
        eta_minutes=18,
        revision=2,
    )
    model.apply(changes(updated, revision=2))
    assert rec.changed == [(2, 2, 0, len(Column) - 1)]
    assert rec.inserted == rec.removed == []
    assert rec.resets == 0
    assert text(model, 2, Column.CREW) == "浙A-07"
    assert text(model, 2, Column.ETA) == "18"
    assert text(model, 2, Column.STATUS) == "Assigned"


def test_unchanged_or_stale_rows_signal_nothing(clock: FakeClock, make_row: MakeRow) -> None:
    model = loaded(clock, [make_row(1, revision=5)])
    rec = Recorder.attach(model)
    model.apply(changes(make_row(1, revision=5)))
    model.apply(changes(make_row(1, status=RequestStatus.CANCELLED, revision=4)))
    assert rec.changed == []
    assert rec.removed == []
    assert model.rowCount() == 1


def test_closed_row_is_removed(clock: FakeClock, make_row: MakeRow) -> None:
    model = loaded(clock, [make_row(i) for i in range(1, 6)])
    rec = Recorder.attach(model)
    model.apply(
        changes(
            make_row(2, status=RequestStatus.COMPLETED, revision=2),
            make_row(4, status=RequestStatus.CANCELLED, revision=2),
        )
    )
    assert model.rowCount() == 3
    assert sorted(rec.removed) == [(1, 1), (3, 3)]
    assert rec.resets == 0
    assert [row.id for row in model.rows()] == [1, 3, 5]
    assert [model.position_of(i) for i in (1, 3, 5)] == [0, 1, 2]
    assert model.position_of(2) is None


def test_new_row_is_inserted_and_closed_unknown_row_ignored(
    clock: FakeClock, make_row: MakeRow
) -> None:
    model = loaded(clock, [make_row(i) for i in range(1, 4)])
    rec = Recorder.attach(model)
    model.apply(
        changes(make_row(9, revision=2), make_row(10, status=RequestStatus.COMPLETED, revision=2))
    )
    assert rec.inserted == [(3, 3)]
    assert model.position_of(9) == 3
    assert model.position_of(10) is None


def test_load_snapshot_removes_rows_missing_from_it(clock: FakeClock, make_row: MakeRow) -> None:
    model = loaded(clock, [make_row(i) for i in range(1, 6)])
    rec = Recorder.attach(model)
    model.load(changes(make_row(1), make_row(5), make_row(6), revision=3))
    assert [row.id for row in model.rows()] == [1, 5, 6]
    assert rec.resets == 0


def test_selection_and_scroll_survive_a_500_row_update(
    qtbot: QtBot, clock: FakeClock, make_row: MakeRow
) -> None:
    rows = [
        make_row(i, priority=(Priority.P1, Priority.P2, Priority.P3)[i % 3]) for i in range(1, 801)
    ]
    model = loaded(clock, rows)
    proxy = QSortFilterProxyModel()
    proxy.setSourceModel(model)
    proxy.setSortRole(SORT_ROLE)
    proxy.setDynamicSortFilter(True)
    view = QTableView()
    qtbot.addWidget(view)
    view.setModel(proxy)
    view.setSortingEnabled(True)
    # Sorted by status, so the updated rows move while the others stay put.
    view.sortByColumn(Column.STATUS, Qt.SortOrder.AscendingOrder)
    view.resize(800, 300)
    view.show()
    qtbot.waitExposed(view)

    chosen = {17, 250, 600}
    selection = view.selectionModel()
    for request_id in chosen:
        position = model.position_of(request_id)
        assert position is not None
        selection.select(
            proxy.mapFromSource(model.index(position, 0)),
            QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows,
        )
    scroll = view.verticalScrollBar()
    scroll.setValue(scroll.maximum() // 2)
    before = scroll.value()
    assert before > 0
    rec = Recorder.attach(proxy)

    updated = [
        replace(
            row,
            status=RequestStatus.ASSIGNED,
            assigned_crew_call_sign=f"C{row.id}",
            eta_minutes=row.id % 60,
            revision=2,
        )
        for row in rows[:500]
    ]
    model.apply(changes(*updated, revision=2))

    assert rec.resets == 0
    selected = {proxy.data(index, ROW_ROLE).id for index in selection.selectedRows()}
    assert selected == chosen
    assert scroll.value() == before
    assert model.rowCount() == 800


def test_tick_refreshes_only_age_and_sla(clock: FakeClock, make_row: MakeRow) -> None:
    model = loaded(clock, [make_row(i) for i in range(1, 4)])
    rec = Recorder.attach(model)
    age_before = text(model, 0, Column.AGE)
    clock.advance(61)
    model.tick()
    assert rec.changed
    assert {(first_col, last_col) for _, _, first_col, last_col in rec.changed} == {
        (Column.AGE, Column.AGE),
        (Column.SLA, Column.SLA),
    }
    assert all(first == 0 and last == 2 for first, last, _, _ in rec.changed)
    assert age_before == "05:00"
    assert text(model, 0, Column.AGE) == "06:01"


@pytest.mark.parametrize(
    ("status", "due_in", "state", "shown"),
    [
        (RequestStatus.QUEUED, timedelta(seconds=60), SlaState.ON_TRACK, "01:00"),
        (RequestStatus.QUEUED, timedelta(seconds=20), SlaState.AT_RISK, "00:20"),
        (RequestStatus.QUEUED, timedelta(seconds=-75), SlaState.BREACHED, "+01:15 overdue"),
        (RequestStatus.ASSIGNED, timedelta(minutes=50), SlaState.ON_TRACK, "50:00"),
        (RequestStatus.EN_ROUTE, timedelta(minutes=5), SlaState.AT_RISK, "05:00"),
        (RequestStatus.ON_SCENE, timedelta(minutes=-5), SlaState.NONE, "-"),
    ],
)
def test_sla_countdown_and_colour(
    make_row: MakeRow,
    status: RequestStatus,
    due_in: timedelta,
    state: SlaState,
    shown: str,
) -> None:
    target = timedelta(minutes=2 if status is RequestStatus.QUEUED else 60)
    due = T0 + due_in
    # The model picks the due time that fits the status; both targets start at queueing.
    row = make_row(1, status=status, queued_at=due - target, assign_due_at=due, arrive_due_at=due)
    model = loaded(FakeClock(), [row])
    index = model.index(0, Column.SLA)
    assert model.data(index, SLA_STATE_ROLE) is state
    assert model.data(index) == shown
    expected = {SlaState.ON_TRACK: "ok", SlaState.AT_RISK: "warn", SlaState.BREACHED: "danger"}
    foreground = model.data(index, Qt.ItemDataRole.ForegroundRole)
    if state is SlaState.NONE:
        assert foreground is None
    else:
        assert isinstance(foreground, QColor)
        assert foreground == colour(expected[state])


@pytest.mark.parametrize(
    ("status", "age", "state", "shown"),
    [
        (RequestStatus.NEW, timedelta(minutes=1), SlaState.ON_TRACK, "04:00"),
        (RequestStatus.TRIAGE, timedelta(minutes=4, seconds=10), SlaState.AT_RISK, "00:50"),
        (RequestStatus.TRIAGE, timedelta(minutes=39), SlaState.BREACHED, "+34:00 overdue"),
    ],
)
def test_triage_has_its_own_clock_from_the_call(
    make_row: MakeRow, status: RequestStatus, age: timedelta, state: SlaState, shown: str
) -> None:
    # [sla] triage_minutes (5 by default): queue or resolve the call within it.
    row = make_row(
        1, status=status, created_at=T0 - age, queued_at=None, assign_due_at=None,
        arrive_due_at=None,
    )  # fmt: skip
    model = loaded(FakeClock(), [row])
    index = model.index(0, Column.SLA)
    assert model.data(index, SLA_STATE_ROLE) is state
    assert model.data(index) == shown
    assert model.data(index, Qt.ItemDataRole.ToolTipRole).startswith("Triage")


def test_the_triage_target_comes_from_the_settings(make_row: MakeRow) -> None:
    row = make_row(
        1, status=RequestStatus.TRIAGE, created_at=T0, queued_at=None, assign_due_at=None
    )
    model = RequestQueueModel(FakeClock(), targets=SlaTargets(triage_minutes=8))
    model.load(changes(row))
    assert model.data(model.index(0, Column.SLA)) == "08:00"


def test_the_default_order_puts_waiting_requests_first_by_time_left(
    make_row: MakeRow,
) -> None:
    minute = timedelta(minutes=1)
    rows = [
        make_row(1, status=RequestStatus.EN_ROUTE, arrive_due_at=T0 + 3 * minute),
        make_row(2, status=RequestStatus.QUEUED, assign_due_at=T0 + 2 * minute),
        make_row(3, status=RequestStatus.ON_SCENE),
        make_row(4, status=RequestStatus.TRIAGE, created_at=T0 - 4 * minute),  # due in 1 min
        make_row(5, status=RequestStatus.QUEUED, assign_due_at=T0 - 3 * minute),  # overdue
        make_row(6, status=RequestStatus.ASSIGNED, arrive_due_at=T0 + 40 * minute),
        make_row(7, status=RequestStatus.NEW, created_at=T0),  # due in 5 min
        make_row(8, status=RequestStatus.TOWING),
    ]
    model = loaded(FakeClock(), rows)
    proxy = RequestFilterProxy()
    proxy.setSourceModel(model)
    proxy.sort(Column.SLA, Qt.SortOrder.AscendingOrder)
    order = [proxy.index(n, 0).data(ROW_ROLE).id for n in range(proxy.rowCount())]
    assert order[:4] == [5, 4, 2, 7]  # waiting: overdue first, then by time left
    assert order[4:6] == [1, 6]  # under way, by arrival deadline
    assert set(order[6:]) == {3, 8}  # on scene and towing last


def test_sla_colour_changes_as_the_clock_runs(clock: FakeClock, make_row: MakeRow) -> None:
    model = loaded(clock, [make_row(1)])  # queued at T0-1min, assignment due T0+1min
    index = model.index(0, Column.SLA)
    assert model.data(index, SLA_STATE_ROLE) is SlaState.ON_TRACK
    clock.advance(40)
    model.tick()
    assert model.data(index, SLA_STATE_ROLE) is SlaState.AT_RISK
    clock.advance(30)
    model.tick()
    assert model.data(index, SLA_STATE_ROLE) is SlaState.BREACHED
    assert model.data(index) == "+00:10 overdue"


def test_p1_rows_are_bold_with_a_red_background(clock: FakeClock, make_row: MakeRow) -> None:
    model = loaded(clock, [make_row(1, priority=Priority.P1), make_row(2)])
    for column in Column:
        font = model.data(model.index(0, column), Qt.ItemDataRole.FontRole)
        assert isinstance(font, QFont)
        assert font.bold()
        background = model.data(model.index(0, column), Qt.ItemDataRole.BackgroundRole)
        assert isinstance(background, QColor)
        assert background.red() > background.green()
        assert model.data(model.index(1, column), Qt.ItemDataRole.FontRole) is None
    assert model.data(model.index(1, Column.REFERENCE), Qt.ItemDataRole.BackgroundRole) is None


def test_vehicle_column_shows_an_ev_badge(clock: FakeClock, make_row: MakeRow) -> None:
    model = loaded(
        clock,
        [
            make_row(1, powertrain=Powertrain.EV),
            make_row(2, powertrain=Powertrain.HEV),
            make_row(3),
        ],
    )
    assert text(model, 0, Column.VEHICLE) == "浙A00001 · BYD Han · EV"
    assert text(model, 1, Column.VEHICLE).endswith(" · HEV")
    assert text(model, 2, Column.VEHICLE) == "浙A00003 · BYD Han"


def test_sort_role_orders_priority_then_sla(
    qtbot: QtBot, clock: FakeClock, make_row: MakeRow
) -> None:
    model = loaded(
        clock,
        [
            make_row(1, priority=Priority.P3),
            make_row(2, priority=Priority.P1),
            make_row(3, priority=Priority.P2),
        ],
    )
    proxy = QSortFilterProxyModel()
    proxy.setSourceModel(model)
    proxy.setSortRole(SORT_ROLE)
    proxy.sort(Column.PRIORITY, Qt.SortOrder.AscendingOrder)
    ids = [proxy.data(proxy.index(r, 0), ROW_ROLE).id for r in range(3)]
    assert ids == [2, 3, 1]
    proxy.sort(Column.SLA, Qt.SortOrder.AscendingOrder)
    assert proxy.rowCount() == 3


def test_headers_and_formats() -> None:
    model = RequestQueueModel(FakeClock())
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in Column]
    assert headers[0] == "Reference"
    assert headers[Column.ETA] == "ETA (min)"
    assert model.headerData(0, Qt.Orientation.Vertical) is None
    assert format_age(65) == "01:05"
    assert format_age(3725) == "1:02"
    assert format_age(-3) == "00:00"
    assert format_countdown(-75) == "01:15"
    assert format_countdown(3725) == "1:02:05"
