"""The crew board's model and filters: in-place updates, GPS age, badges, regions."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta
from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from console.core.vocab import CrewStatus, Skill, VehicleKind
from console.ui.crew_board import CrewBoardPanel
from console.ui.crew_model import (
    BADGES_ROLE,
    CREW_SORT_ROLE,
    CrewColumn,
    CrewFilter,
    CrewTableModel,
    crew_status_colour,
)
from console.ui.icons import colour
from console.ui.queue_filter import Region, search_key
from tests.ui.conftest import DEPOTS, T0, FakeClock, FakeQueueSource, crew_row


def loaded(clock: FakeClock) -> CrewTableModel:
    model = CrewTableModel(clock)
    model.set_depots(DEPOTS)
    model.load(
        [
            crew_row(1),
            crew_row(2, depot_id=2, depot_code="D310100-01", skills=frozenset()),
            crew_row(3, status=CrewStatus.OFF_DUTY, vehicle_kind=VehicleKind.SERVICE_VAN,
                     skills=frozenset({Skill.BILINGUAL, Skill.EV_HV_CERTIFIED}), gps_at=None),
        ]
    )  # fmt: skip
    return model


def text(model: CrewTableModel, row: int, column: CrewColumn) -> str:
    value = model.data(model.index(row, column))
    assert isinstance(value, str)
    return value


def test_cells_show_depot_city_skills_status_and_job(clock: FakeClock) -> None:
    model = loaded(clock)
    model.set_reference_lookup(lambda request_id: f"RA-{request_id}")
    assert text(model, 0, CrewColumn.CALL_SIGN) == "HZ-01"
    assert text(model, 0, CrewColumn.DEPOT) == "Hangzhou · D330100-01"
    assert text(model, 1, CrewColumn.DEPOT) == "Shanghai · D310100-01"
    assert text(model, 0, CrewColumn.VEHICLE) == "Flatbed"
    assert text(model, 2, CrewColumn.SKILLS) == "Bilingual · HV"
    assert model.data(model.index(2, CrewColumn.SKILLS), BADGES_ROLE) == [
        ("Bilingual", "accent"),
        ("HV", "ev"),
    ]
    assert text(model, 2, CrewColumn.STATUS) == "Off duty"
    status_colour = model.data(model.index(0, CrewColumn.STATUS), Qt.ItemDataRole.ForegroundRole)
    assert isinstance(status_colour, QColor)
    assert status_colour == crew_status_colour(CrewStatus.AVAILABLE) == colour("ok")
    assert text(model, 0, CrewColumn.JOB) == ""
    model.apply([crew_row(1, status=CrewStatus.ASSIGNED, current_request_id=42, revision=2)])
    assert text(model, 0, CrewColumn.JOB) == "RA-42"


def test_gps_age_ticks_and_turns_stale_after_ten_minutes(clock: FakeClock) -> None:
    model = loaded(clock)
    changed: list[tuple[int, int]] = []
    model.dataChanged.connect(lambda tl, br, _roles=(): changed.append((tl.column(), br.column())))
    assert text(model, 0, CrewColumn.GPS_AGE) == "01:00"
    age = model.index(0, CrewColumn.GPS_AGE)
    assert model.data(age, Qt.ItemDataRole.ForegroundRole) is None
    clock.advance(9 * 60)
    model.tick()
    assert changed == [
        (CrewColumn.GPS_AGE, CrewColumn.GPS_AGE),
        (CrewColumn.STATUS, CrewColumn.STATUS),
        (CrewColumn.FEED, CrewColumn.FEED),
        (CrewColumn.CALL_SIGN, CrewColumn.CALL_SIGN),  # the silent-feed flag
    ], "only the ticking columns repaint"
    assert text(model, 0, CrewColumn.GPS_AGE) == "10:00"
    assert not model.is_gps_stale(model.row_at(0))
    clock.advance(1)
    model.tick()
    assert model.is_gps_stale(model.row_at(0))
    assert model.data(age, Qt.ItemDataRole.ForegroundRole) == colour("warn")
    assert model.data(age, Qt.ItemDataRole.ToolTipRole) == (
        "GPS fix is stale (older than 10 minutes)"
    )
    # No fix at all counts as stale too.
    assert text(model, 2, CrewColumn.GPS_AGE) == "-"
    assert model.is_gps_stale(model.row_at(2))


def test_updates_are_in_place_and_stale_rows_ignored(clock: FakeClock) -> None:
    model = loaded(clock)
    resets: list[int] = []
    inserted: list[tuple[int, int]] = []
    model.modelReset.connect(lambda: resets.append(1))
    model.rowsInserted.connect(lambda _p, first, last: inserted.append((first, last)))
    model.apply([crew_row(2, status=CrewStatus.OUT_OF_SERVICE, revision=5)])
    model.apply([crew_row(2, status=CrewStatus.AVAILABLE, revision=4)])  # older: ignored
    assert model.row_at(1).status is CrewStatus.OUT_OF_SERVICE
    model.apply([crew_row(9, revision=6)])
    assert inserted == [(3, 3)]
    model.load([crew_row(1), crew_row(9)])
    assert [row.id for row in model.rows()] == [1, 9]
    assert resets == []


def test_crew_filter_by_status_kind_region_and_text(clock: FakeClock) -> None:
    model = loaded(clock)
    depots = {depot.id: depot for depot in DEPOTS}
    rows = model.rows()

    def passing(crew_filter: CrewFilter) -> list[int]:
        return [row.id for row in rows if crew_filter.accepts(row, depots)]

    assert passing(CrewFilter()) == [1, 2, 3]
    assert passing(CrewFilter(statuses=frozenset({CrewStatus.OFF_DUTY}))) == [3]
    assert passing(CrewFilter(kinds=frozenset({VehicleKind.FLATBED}))) == [1, 2]
    assert passing(CrewFilter(region=Region("province", "上海"))) == [2]
    assert passing(CrewFilter(region=Region("city", "杭州"))) == [1, 3]
    assert passing(CrewFilter(text="hz-0")) == [1, 2, 3]
    assert passing(CrewFilter(text="D310100")) == [2]


def test_board_filters_and_keeps_rows_in_place(
    qtbot: QtBot, clock: FakeClock, fake_source: FakeQueueSource
) -> None:
    model = loaded(clock)
    board = CrewBoardPanel(model, fake_source)
    qtbot.addWidget(board)
    board.set_depots(list(DEPOTS))
    board.search.setText("03")
    qtbot.waitUntil(lambda: not board.filter_pending)
    assert board.proxy.rowCount() == 1
    board.clear_filters()
    board.kind_filter.set_selected([VehicleKind.SERVICE_VAN])
    assert board.proxy.rowCount() == 1
    board.restore({"statuses": ["AVAILABLE", "NOPE"], "kinds": [], "region": ["city", "上海"]})
    assert board.state() == {
        "statuses": ["AVAILABLE"],
        "kinds": [],
        "feeds": [],
        "region": ["city", "上海"],
    }
    assert board.proxy.rowCount() == 1
    assert board.status_filter.text() == "Status: Available ▾"


def test_search_key_folds_separators_and_case() -> None:
    assert search_key("浙A·12345") == search_key("浙a 12345") == "浙a12345"
    assert search_key("138-1234 5678") == "13812345678"
    assert search_key("+86 (138) 1234") == "861381234"


def test_stale_fix_after_clock_moves(clock: FakeClock) -> None:
    model = CrewTableModel(clock)
    model.load([crew_row(1, gps_at=T0 - timedelta(minutes=30))])
    assert model.is_gps_stale(model.row_at(0))
    model.apply([replace(model.row_at(0), gps_at=T0, revision=2)])
    assert not model.is_gps_stale(model.row_at(0))


def test_status_shows_time_in_status_and_ticks(clock: FakeClock) -> None:
    model = CrewTableModel(clock)
    model.load(
        [
            crew_row(1, status_since=T0 - timedelta(minutes=12)),
            crew_row(2),
            crew_row(3, status=CrewStatus.OFF_DUTY, status_since=T0 - timedelta(minutes=77)),
        ]
    )
    assert text(model, 0, CrewColumn.STATUS) == "Available · 12 min"
    assert text(model, 2, CrewColumn.STATUS) == "Off duty · 1 h 17 min"
    assert text(model, 1, CrewColumn.STATUS) == "Available", "unknown start: no time shown"
    clock.advance(60)
    model.tick()
    assert text(model, 0, CrewColumn.STATUS) == "Available · 13 min"


class CountingCrewModel(CrewTableModel):
    """A crew model that counts the sort-value reads (each costs a call into Python)."""

    sort_reads = 0

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = 0) -> Any:
        if role == CREW_SORT_ROLE:
            self.sort_reads += 1
        return super().data(index, role)


def national_board(qtbot: QtBot, clock: FakeClock, source: FakeQueueSource) -> CrewBoardPanel:
    """A board over 2,000 crews in two depots, sorted by call sign."""
    model = CountingCrewModel(clock)
    model.set_depots(DEPOTS)
    model.load(
        crew_row(i, call_sign=f"3301-{i:04d}")
        if i % 2
        else crew_row(i, call_sign=f"3101-{i:04d}", depot_id=2, depot_code="D310100-01")
        for i in range(1, 2001)
    )
    board = CrewBoardPanel(model, source)
    qtbot.addWidget(board)
    board.set_depots(list(DEPOTS))
    return board


def shown_call_signs(board: CrewBoardPanel) -> list[str]:
    proxy = board.proxy
    return [str(proxy.index(row, CrewColumn.CALL_SIGN).data()) for row in range(proxy.rowCount())]


def test_typing_in_the_crew_search_filters_once_the_typing_pauses(
    qtbot: QtBot, clock: FakeClock, fake_source: FakeQueueSource
) -> None:
    board = national_board(qtbot, clock, fake_source)
    for key in "3301":
        QTest.keyClicks(board.search, key)
    assert board.filter_pending
    assert board.proxy.rowCount() == 2000, "nothing filtered while the dispatcher types"
    qtbot.waitUntil(lambda: not board.filter_pending)
    assert board.proxy.rowCount() == 1000
    assert all(sign.startswith("3301-") for sign in shown_call_signs(board))
    QTest.keyClick(board.search, Qt.Key.Key_Return)  # Enter applies at once (nothing new)
    assert board.proxy.rowCount() == 1000


def test_a_wider_search_shows_the_crews_again_without_sorting_them_again(
    qtbot: QtBot, clock: FakeClock, fake_source: FakeQueueSource
) -> None:
    board = national_board(qtbot, clock, fake_source)
    model = board.model
    assert isinstance(model, CountingCrewModel)
    board.search.setText("3301")
    QTest.keyClick(board.search, Qt.Key.Key_Return)
    assert board.proxy.rowCount() == 1000
    model.sort_reads = 0
    for _ in range(4):  # Backspace to an empty search: every crew comes back
        QTest.keyClick(board.search, Qt.Key.Key_Backspace)
    QTest.keyClick(board.search, Qt.Key.Key_Return)
    assert board.proxy.rowCount() == 2000
    assert model.sort_reads == 0, "the returning crews kept their place in the sorted order"
    signs = shown_call_signs(board)
    assert signs == sorted(signs), "still sorted by call sign"


def test_sorting_by_a_header_sorts_the_filtered_crews(
    qtbot: QtBot, clock: FakeClock, fake_source: FakeQueueSource
) -> None:
    board = national_board(qtbot, clock, fake_source)
    board.search.setText("3101-01")
    QTest.keyClick(board.search, Qt.Key.Key_Return)
    board.view.sortByColumn(CrewColumn.CALL_SIGN, Qt.SortOrder.DescendingOrder)
    signs = shown_call_signs(board)
    assert signs == sorted(signs, reverse=True)
    assert signs[0] == "3101-0198" and signs[-1] == "3101-0100" and len(signs) == 50
    board.select_crew(100)
    selected = board.selected_crew()
    assert selected is not None and selected.id == 100
