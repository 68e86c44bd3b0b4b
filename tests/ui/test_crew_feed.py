"""The crew board's Feed column: each state, the silent flag, sorting, filtering, tooltips."""

from __future__ import annotations

from datetime import timedelta

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QFont, QPalette, QStandardItemModel
from PySide6.QtWidgets import QApplication, QTableView
from pytestqt.qtbot import QtBot

from console.core.dispatch import Reason
from console.core.field.feed import FeedRules, FeedState
from console.core.vocab import CrewStatus
from console.ui.app import build_main_window
from console.ui.contrast import TEXT_RATIO, contrast_ratio
from console.ui.crew_board import CrewBoardPanel
from console.ui.crew_model import CREW_SORT_ROLE, CrewColumn, CrewFilter, CrewTableModel
from console.ui.dispatch_labels import reason_text
from console.ui.icons import colour
from console.ui.theme import Theme, apply_theme
from tests.ui.conftest import DEPOTS, T0, FakeClock, FakeQueueSource, crew_row

WEEK_AGO = T0 - timedelta(days=7)


def fleet() -> list:
    """One crew in each feed state (call signs HZ-01..HZ-05)."""
    device = {"devices": 1, "devices_since": WEEK_AGO}
    return [
        crew_row(1, gps_at=T0 - timedelta(seconds=30), **device),  # live
        crew_row(2, gps_at=T0 - timedelta(minutes=3), **device),  # quiet
        crew_row(3, gps_at=T0 - timedelta(minutes=12), status=CrewStatus.EN_ROUTE,
                 current_request_id=7, **device),  # silent, on a job
        crew_row(4, gps_at=None, **device),  # never reported
        crew_row(5, gps_at=T0 - timedelta(minutes=40)),  # no device
    ]  # fmt: skip


def model_of(clock: FakeClock) -> CrewTableModel:
    model = CrewTableModel(clock)
    model.set_depots(DEPOTS)
    model.set_feed_rules(FeedRules(timedelta(minutes=2), timedelta(minutes=5)))
    model.load(fleet())
    return model


def cell(model: CrewTableModel, row: int, role: int = Qt.ItemDataRole.DisplayRole) -> object:
    return model.data(model.index(row, CrewColumn.FEED), role)


def test_each_feed_state_has_its_own_words_and_icon(clock: FakeClock) -> None:
    model = model_of(clock)
    assert model.headerData(CrewColumn.FEED, Qt.Orientation.Horizontal) == "Feed"
    words = [cell(model, row) for row in range(5)]
    assert words == ["Live", "Quiet", "Silent", "No fix yet", "No device"]
    states = [model.feed(model.row_at(row)).state for row in range(5)]
    assert states == list(FeedState)
    # Shape, not only colour, tells them apart: five different glyphs.
    keys = {cell(model, row, Qt.ItemDataRole.DecorationRole).cacheKey() for row in range(5)}
    assert len(keys) == 5


def test_a_silent_feed_is_flagged_in_red_bold_and_so_is_the_call_sign(clock: FakeClock) -> None:
    model = model_of(clock)
    assert cell(model, 2, Qt.ItemDataRole.ForegroundRole) == colour("danger")
    font = cell(model, 2, Qt.ItemDataRole.FontRole)
    assert isinstance(font, QFont) and font.bold()
    assert cell(model, 0, Qt.ItemDataRole.FontRole) is None
    call_sign = model.index(2, CrewColumn.CALL_SIGN)
    assert model.data(call_sign, Qt.ItemDataRole.ForegroundRole) == colour("danger")
    bold = model.data(call_sign, Qt.ItemDataRole.FontRole)
    assert isinstance(bold, QFont) and bold.bold()
    # No icon beside the call sign: it would elide the call sign in its narrow column.
    assert model.data(call_sign, Qt.ItemDataRole.DecorationRole) is None
    assert model.data(model.index(0, CrewColumn.CALL_SIGN), Qt.ItemDataRole.ForegroundRole) is None
    tip = model.data(model.index(2, CrewColumn.CALL_SIGN), Qt.ItemDataRole.ToolTipRole)
    assert "Feed silent for 12 min" in tip


def test_tooltips_give_the_newest_fix_time(clock: FakeClock) -> None:
    model = model_of(clock)
    model.tz = T0.tzinfo
    tip = cell(model, 2, Qt.ItemDataRole.ToolTipRole)
    newest = T0 - timedelta(minutes=12)
    assert f"Newest fix: {newest:%Y-%m-%d %H:%M:%S}" in tip
    assert "Newest fix" not in cell(model, 3, Qt.ItemDataRole.ToolTipRole)
    assert "has not reported" in cell(model, 3, Qt.ItemDataRole.ToolTipRole)


def test_the_clock_turns_a_live_feed_quiet_then_silent(clock: FakeClock) -> None:
    model = model_of(clock)
    clock.advance(180)
    model.tick()
    assert cell(model, 0) == "Quiet"
    clock.advance(180)
    model.tick()
    assert cell(model, 0) == "Silent"
    # The age is the GPS age column's (the feed's own), and the tooltip's words.
    assert model.data(model.index(0, CrewColumn.GPS_AGE)) == "06:30"
    assert "Feed silent for 6 min" in cell(model, 0, Qt.ItemDataRole.ToolTipRole)


def test_an_off_duty_crew_is_never_flagged(clock: FakeClock) -> None:
    model = model_of(clock)
    model.apply(
        [
            crew_row(3, gps_at=T0 - timedelta(minutes=12), status=CrewStatus.OFF_DUTY,
                     devices=1, devices_since=WEEK_AGO, revision=2)
        ]
    )  # fmt: skip
    assert cell(model, 2) == "Quiet"


def test_sorting_by_feed_puts_silent_feeds_first(qtbot: QtBot, clock: FakeClock) -> None:
    model = model_of(clock)
    board = CrewBoardPanel(model, FakeQueueSource([], []))
    qtbot.addWidget(board)
    assert model.data(model.index(2, CrewColumn.FEED), CREW_SORT_ROLE) < 0
    board.view.sortByColumn(CrewColumn.FEED, Qt.SortOrder.AscendingOrder)
    order = [
        board.proxy.index(row, CrewColumn.CALL_SIGN).data() for row in range(board.proxy.rowCount())
    ]
    assert order == ["HZ-03", "HZ-04", "HZ-02", "HZ-01", "HZ-05"]


def test_the_feed_filter_shows_only_the_chosen_states(qtbot: QtBot, clock: FakeClock) -> None:
    model = model_of(clock)
    board = CrewBoardPanel(model, FakeQueueSource([], []))
    qtbot.addWidget(board)
    board.proxy.set_crew_filter(CrewFilter(feeds=frozenset({FeedState.SILENT})))
    assert board.proxy.rowCount() == 1
    assert board.proxy.index(0, CrewColumn.CALL_SIGN).data() == "HZ-03"
    board.feed_filter.restore([FeedState.SILENT.value, FeedState.NEVER_REPORTED.value])
    board.clear_filters()
    assert board.proxy.rowCount() == 5
    assert not board.feed_filter.selected()


def test_a_device_added_updates_the_row_in_place(clock: FakeClock) -> None:
    model = model_of(clock)
    assert cell(model, 4) == "No device"
    model.apply([crew_row(5, gps_at=T0 - timedelta(minutes=40), devices=1, devices_since=T0)])
    assert cell(model, 4) == "No fix yet"


def test_a_crew_layout_saved_before_the_feed_column_shows_it_after_the_status(
    qtbot: QtBot, clock: FakeClock, qsettings: QSettings
) -> None:
    old = QTableView()
    old.setModel(QStandardItemModel(0, len(CrewColumn) - 1))
    saved = old.horizontalHeader()
    # The former default order, the job moved to second place by the dispatcher.
    order = [CrewColumn.CALL_SIGN, CrewColumn.JOB, CrewColumn.STATUS, CrewColumn.GPS_AGE,
             CrewColumn.VEHICLE, CrewColumn.SKILLS, CrewColumn.DEPOT]  # fmt: skip
    for visual, column in enumerate(order):
        saved.moveSection(saved.visualIndex(column), visual)
    qsettings.setValue("crews/header", saved.saveState())
    window = build_main_window(FakeQueueSource([], fleet()), "en", clock, settings=qsettings)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    header = window.crew_board.view.horizontalHeader()
    assert header.visualIndex(CrewColumn.JOB) == 1, "the saved order is kept"
    assert header.visualIndex(CrewColumn.FEED) == header.visualIndex(CrewColumn.STATUS) + 1
    assert header.visualIndex(CrewColumn.GPS_AGE) == header.visualIndex(CrewColumn.FEED) + 1
    assert not header.isSectionHidden(CrewColumn.FEED)


def test_a_crew_layout_saved_with_the_feed_out_of_view_brings_it_next_to_the_status(
    qtbot: QtBot, clock: FakeClock, qsettings: QSettings
) -> None:
    old = QTableView()
    old.setModel(QStandardItemModel(0, len(CrewColumn)))
    saved = old.horizontalHeader()
    # The order before version 3: the feed fifth, past the board's edge at 1366 px.
    order = [CrewColumn.CALL_SIGN, CrewColumn.STATUS, CrewColumn.JOB, CrewColumn.GPS_AGE,
             CrewColumn.FEED, CrewColumn.VEHICLE, CrewColumn.SKILLS, CrewColumn.DEPOT]  # fmt: skip
    for visual, column in enumerate(order):
        saved.moveSection(saved.visualIndex(column), visual)
    qsettings.setValue("crews/header", saved.saveState())
    qsettings.setValue("crews/order_version", 2)
    window = build_main_window(FakeQueueSource([], fleet()), "en", clock, settings=qsettings)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    header = window.crew_board.view.horizontalHeader()
    shown = sorted(CrewColumn, key=header.visualIndex)
    assert shown[:5] == [CrewColumn.CALL_SIGN, CrewColumn.STATUS, CrewColumn.FEED,
                         CrewColumn.GPS_AGE, CrewColumn.JOB]  # fmt: skip


@pytest.mark.parametrize("theme", [Theme.LIGHT, Theme.DARK], ids=["light", "dark"])
def test_feed_cells_read_in_both_themes(qapp: QApplication, clock: FakeClock, theme: Theme) -> None:
    apply_theme(qapp, theme)
    try:
        model = model_of(clock)
        palette = qapp.palette()
        for row in range(model.rowCount()):
            tone = cell(model, row, Qt.ItemDataRole.ForegroundRole)
            for background in (QPalette.ColorRole.Base, QPalette.ColorRole.AlternateBase):
                ratio = contrast_ratio(tone, palette.color(background))
                assert ratio >= TEXT_RATIO, (cell(model, row), background.name, round(ratio, 2))
    finally:
        apply_theme(qapp, Theme.LIGHT)


def test_the_suggestions_say_how_long_the_feed_has_been_silent() -> None:
    assert reason_text(Reason("feed_silent", 12)) == "feed silent 12 min"
