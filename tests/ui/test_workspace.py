"""The workspace window: panels, selection signals, shortcuts, theme, kept layout."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QApplication, QLabel
from pytestqt.qtbot import QtBot

from console.core.records import RequestRow
from console.core.vocab import CrewStatus, Priority, RequestStatus
from console.ui.app import build_main_window
from console.ui.icons import colour
from console.ui.main_window import PANEL_KEYS, MainWindow
from console.ui.queue_filter import Region
from console.ui.queue_model import ROW_ROLE, Column
from console.ui.request_detail import CancelCode
from console.ui.theme import THEME_KEY, Theme, current_theme
from tests.ui.conftest import FakeClock, FakeQueueSource, crew_row

MakeRow = Callable[..., RequestRow]


def open_window(
    qtbot: QtBot, source: FakeQueueSource, clock: FakeClock, settings: QSettings
) -> MainWindow:
    window = build_main_window(source, "en", clock, settings=settings, poll_ms=20, user="alice")
    qtbot.addWidget(window)
    window.resize(790, 590)
    # Window shortcuts only fire in the active window.
    with qtbot.waitActive(window):
        window.show()
        window.activateWindow()
    return window


@pytest.fixture
def window(
    qtbot: QtBot, fake_source: FakeQueueSource, clock: FakeClock, qsettings: QSettings
) -> MainWindow:
    return open_window(qtbot, fake_source, clock, qsettings)


def selected_ids(window: MainWindow) -> list[int]:
    return [i.data(ROW_ROLE).id for i in window.view.selectionModel().selectedRows()]


def press(qtbot: QtBot, window: MainWindow, sequence: str) -> None:
    """Press a shortcut the way a dispatcher does, with the queue focused."""
    key = QKeySequence(sequence)[0]
    qtbot.keyClick(window.view, key.key(), key.keyboardModifiers())


def test_every_panel_has_a_dock_and_placeholders_say_what_comes(window: MainWindow) -> None:
    assert set(PANEL_KEYS) <= {key for key in PANEL_KEYS if window.dock(key) is not None}
    placeholder = window.dock("map").widget()  # type: ignore[union-attr]
    assert isinstance(placeholder, QLabel)
    assert placeholder.text() == "The live map will appear here."
    assert window.user_label.text() == "User: alice"
    assert window.crew_model.rowCount() == 3
    assert len(window.depots) == 2


def test_install_panel_replaces_the_placeholder_or_adds_a_dock(
    window: MainWindow, qtbot: QtBot
) -> None:
    dock = window.dock("suggestions")
    assert dock is not None
    old = window.panel("suggestions")
    assert old is not None
    panel = QLabel("suggestions panel")
    window.install_panel("suggestions", panel)
    assert window.panel("suggestions") is panel
    assert dock.isAncestorOf(panel)  # inside the dock's scroll area: long content scrolls there
    qtbot.waitUntil(lambda: not old.isVisible(), timeout=1000)

    extra = QLabel("statistics")
    extra.setWindowTitle("Statistics")
    window.install_panel("stats", extra)
    new_dock = window.dock("stats")
    assert new_dock is not None
    assert window.panel("stats") is extra
    assert new_dock.windowTitle() == "Statistics"
    assert new_dock.toggleViewAction() in window.panels_menu.actions()


def test_a_panel_with_its_own_shortcut_takes_it_over(window: MainWindow, qtbot: QtBot) -> None:
    panel = QLabel("suggestions")
    fired: list[bool] = []
    QShortcut(QKeySequence("Ctrl+Return"), panel, lambda: fired.append(True))
    window.install_panel("suggestions", panel)
    keys = [s.toString() for s in window.assign_first_action.shortcuts()]
    assert keys == ["Ctrl+Enter"]
    window.select_request(1)
    window.view.setFocus()
    press(qtbot, window, "Ctrl+Return")
    assert fired == [True]


def test_selecting_a_row_tells_the_panels(window: MainWindow, qtbot: QtBot) -> None:
    with qtbot.waitSignal(window.sig_request_selected, timeout=1000) as selected:
        window.select_request(3)
    assert selected.args == [3]
    assert selected_ids(window) == [3]
    assert window.detail.request is not None
    assert window.detail.title.text() == "RA-20261123-0003"
    assert window.detail.values["caller_phone"].text() == "13800000000"


def test_next_and_previous_request_shortcuts(window: MainWindow, qtbot: QtBot) -> None:
    window.view.setFocus()
    press(qtbot, window, "Ctrl+Down")
    first = selected_ids(window)
    assert len(first) == 1
    press(qtbot, window, "Ctrl+Down")
    second = selected_ids(window)
    assert second != first
    press(qtbot, window, "F7")
    assert selected_ids(window) == first
    assert window.selected_request_id == first[0]


def test_search_shortcut_focuses_the_filter_and_filters(window: MainWindow, qtbot: QtBot) -> None:
    window.view.setFocus()
    press(qtbot, window, "Ctrl+F")
    assert window.focusWidget() is window.filter_bar.search
    qtbot.keyClicks(window.filter_bar.search, "0004")
    assert window.proxy.rowCount() == 1
    qtbot.keyClicks(window.filter_bar.search, "x")
    assert window.proxy.rowCount() == 0
    window.filter_bar.search.clear()
    # Plate and phone match without their separators.
    window.filter_bar.search.setText("浙A·00002")
    assert window.proxy.rowCount() == 1
    window.filter_bar.search.setText("138-0000-0000")
    assert window.proxy.rowCount() == 5


def test_filters_by_priority_status_and_region(
    window: MainWindow, qtbot: QtBot, fake_source: FakeQueueSource, make_row: MakeRow
) -> None:
    fake_source.upsert(
        make_row(6, priority=Priority.P1, city="上海"),
        make_row(7, status=RequestStatus.TRIAGE),
    )
    qtbot.waitUntil(lambda: window.model.rowCount() == 7, timeout=3000)
    window.filter_bar.priority_filter.set_selected([Priority.P1])
    assert window.proxy.rowCount() == 1
    assert window.filter_bar.priority_filter.text() == "Priority: P1 ▾"
    window.filter_bar.priority_filter.clear()
    window.filter_bar.status_filter.set_selected([RequestStatus.TRIAGE])
    assert window.proxy.rowCount() == 1
    window.filter_bar.status_filter.clear()
    window.filter_bar.region_filter.set_region(Region("province", "浙江"))
    assert window.proxy.rowCount() == 6
    window.filter_bar.region_filter.set_region(Region("city", "上海"))
    assert window.proxy.rowCount() == 1
    window.filter_bar.clear()
    assert window.proxy.rowCount() == 7


def test_filters_theme_and_docks_survive_a_restart(
    qtbot: QtBot, fake_source: FakeQueueSource, clock: FakeClock, qsettings: QSettings
) -> None:
    first = open_window(qtbot, fake_source, clock, qsettings)
    first.filter_bar.priority_filter.set_selected([Priority.P2])
    first.filter_bar.region_filter.set_region(Region("city", "杭州"))
    first.crew_board.status_filter.set_selected([CrewStatus.AVAILABLE])
    with qtbot.waitSignal(first.sig_theme_changed, timeout=1000) as themed:
        first.view.setFocus()
        press(qtbot, first, "Ctrl+Shift+L")
    assert themed.args == ["dark"]
    assert current_theme() is Theme.DARK
    crews = first.dock("crews")
    assert crews is not None
    crews.hide()
    first.close()
    assert qsettings.value(THEME_KEY) == "dark"

    second = open_window(qtbot, fake_source, clock, qsettings)
    assert current_theme() is Theme.DARK
    assert second.theme_action.isChecked()
    assert second.filter_bar.priority_filter.selected() == {Priority.P2}
    assert second.filter_bar.region_filter.region() == Region("city", "杭州")
    assert second.proxy.queue_filter.priorities == {Priority.P2}
    assert second.crew_board.status_filter.selected() == {CrewStatus.AVAILABLE}
    again = second.dock("crews")
    assert again is not None
    assert not again.isVisible()


def test_dark_theme_changes_model_colours(window: MainWindow) -> None:
    light = colour("ok")
    window.set_theme(Theme.DARK)
    assert colour("ok") != light
    palette = QApplication.palette()
    assert palette.color(palette.ColorRole.Window).lightness() < 60
    window.set_theme(Theme.LIGHT)
    assert colour("ok") == light


def test_assign_first_shortcut_asks_the_suggestions_panel(window: MainWindow, qtbot: QtBot) -> None:
    window.view.setFocus()
    press(qtbot, window, "Ctrl+Return")
    assert window.statusBar().currentMessage() == "Select a request first."
    window.select_request(2)
    with qtbot.waitSignal(window.sig_assign_first_requested, timeout=1000) as asked:
        press(qtbot, window, "Ctrl+Return")
    assert asked.args == [2]


def test_new_call_shortcut_opens_one_intake(window: MainWindow, qtbot: QtBot) -> None:
    window.view.setFocus()
    press(qtbot, window, "Ctrl+N")
    dialog = window.intake
    assert dialog is not None
    assert dialog.isVisible()
    window.new_call_action.trigger()
    assert window.intake is dialog
    dialog.texts["phone"].setText("13812345678")
    dialog.set_location(30.27, 120.15)
    with qtbot.waitSignal(window.sig_request_selected, timeout=3000) as selected:
        dialog.submit()
    new_id = selected.args[0]
    # The live sync fetches on its worker thread: wait for the row, never sleep.
    qtbot.waitUntil(lambda: window.model.position_of(new_id) is not None, timeout=3000)
    assert window.detail.request is not None
    assert window.detail.request.status is RequestStatus.QUEUED
    assert window.statusBar().currentMessage().endswith("created: Queued.")


def test_detail_actions_move_the_request_and_refresh_the_queue(
    window: MainWindow, qtbot: QtBot, fake_source: FakeQueueSource, make_row: MakeRow
) -> None:
    fake_source.upsert(make_row(8, status=RequestStatus.TRIAGE))
    qtbot.waitUntil(lambda: window.model.position_of(8) is not None, timeout=3000)
    window.select_request(8)
    actions = window.detail.actions_by_key
    assert actions["queue"].isEnabled()
    assert actions["resolve"].isEnabled()
    assert not actions["complete"].isEnabled()
    window.view.setFocus()
    press(qtbot, window, "Ctrl+Shift+Q")

    def queued() -> bool:
        position = window.model.position_of(8)
        return position is not None and window.model.row_at(position).status is RequestStatus.QUEUED

    qtbot.waitUntil(queued, timeout=3000)
    assert fake_source.moves[-1] == (8, RequestStatus.QUEUED, "")


def test_cancel_asks_for_a_reason_and_keeps_showing_the_closed_request(
    window: MainWindow, qtbot: QtBot, fake_source: FakeQueueSource
) -> None:
    window.select_request(4)
    window.detail.ask_cancel = lambda _row: None
    window.detail.actions_by_key["cancel"].trigger()
    assert fake_source.moves == []
    window.detail.ask_cancel = lambda _row: (CancelCode.OTHER, "Caller found help")
    window.detail.actions_by_key["cancel"].trigger()
    qtbot.waitUntil(lambda: window.model.position_of(4) is None, timeout=3000)
    assert window.selected_request_id == 4
    shown = window.detail.request
    assert shown is not None
    assert shown.status is RequestStatus.CANCELLED
    assert window.detail.values["cancel_reason"].text() == "Other: Caller found help"
    assert not window.detail.actions_by_key["cancel"].isEnabled()


def test_a_refused_move_is_explained_and_the_panel_refreshes(
    window: MainWindow, qtbot: QtBot, fake_source: FakeQueueSource
) -> None:
    window.select_request(1)
    # Someone else cancelled it a moment ago; this console has not polled yet.
    window.sync.stop()
    stale = fake_source.rows[1]
    fake_source.upsert(replace(stale, status=RequestStatus.CANCELLED, cancel_reason="dup"))
    window.detail.ask_cancel = lambda _row: (CancelCode.DUPLICATE, "")
    window.detail.actions_by_key["cancel"].trigger()
    assert window.detail.message.isVisible()
    assert window.detail.message.text() == "A request cannot move from Cancelled to Cancelled."
    shown = window.detail.request
    assert shown is not None
    assert shown.status is RequestStatus.CANCELLED


def test_crew_board_sets_status_and_selects_crews(
    window: MainWindow, qtbot: QtBot, fake_source: FakeQueueSource
) -> None:
    with qtbot.waitSignal(window.sig_crew_selected, timeout=1000) as chosen:
        window.select_crew(2)
    assert chosen.args == [2]
    board = window.crew_board
    crew = board.selected_crew()
    assert crew is not None
    assert crew.id == 2
    assert board.status_actions[CrewStatus.OFF_DUTY].isEnabled()
    assert not board.status_actions[CrewStatus.AVAILABLE].isEnabled()
    board.status_actions[CrewStatus.OFF_DUTY].trigger()
    assert fake_source.crew_rows[2].status is CrewStatus.OFF_DUTY

    def off_duty() -> bool:
        position = window.crew_model.position_of(2)
        return (
            position is not None
            and window.crew_model.row_at(position).status is CrewStatus.OFF_DUTY
        )

    qtbot.waitUntil(off_duty, timeout=3000)

    fake_source.upsert_crews(crew_row(3, status=CrewStatus.ASSIGNED, current_request_id=1))
    qtbot.waitUntil(lambda: window.crew_model.row_at(2).status is CrewStatus.ASSIGNED, timeout=3000)
    window.select_crew(3)
    assert not board.status_actions[CrewStatus.OFF_DUTY].isEnabled()
    busy = window.crew_model.row_at(2)
    assert not board.set_crew_status(busy, CrewStatus.OFF_DUTY)
    assert board.message.text() == ("Crew HZ-03 is on a job and cannot be set to Off duty by hand.")


def test_shortcuts_are_unique(window: MainWindow) -> None:
    seen: dict[str, str] = {}
    actions = [
        *window.actions(),
        *window.detail.actions_by_key.values(),
        *window.crew_board.status_actions.values(),
    ]
    for action in actions:
        for sequence in action.shortcuts():
            text = sequence.toString()
            assert text not in seen, (text, action.text(), seen.get(text))
            seen[text] = action.text()
    assert {"Ctrl+N", "F2", "Ctrl+F", "F5", "Ctrl+Down", "Ctrl+Up", "Ctrl+Return"} <= set(seen)


def test_panels_and_menus_speak_chinese(window: MainWindow, qtbot: QtBot) -> None:
    window.language_actions["zh"].trigger()
    qtbot.waitUntil(lambda: window.windowTitle() == "道路救援调度台", timeout=3000)
    titles = {key: window.dock(key).windowTitle() for key in PANEL_KEYS}  # type: ignore[union-attr]
    assert titles == {
        "queue": "工单队列",
        "map": "地图",
        "detail": "工单详情",
        "crews": "车组看板",
        "suggestions": "推荐车组",
        "guidance": "远程指导",
        "timeline": "时间线",
    }
    assert window.new_call_action.text() == "新来电(&N)"
    assert window.filter_bar.search.placeholderText().startswith("搜索工单号")
    assert window.crew_model.headerData(0, Qt.Orientation.Horizontal) == "呼号"
    window.select_request(1)
    assert window.detail.actions_by_key["cancel"].text() == "取消工单…"
    assert window.detail.values["service_type"].text() == "拖车"
    assert window.view.model().headerData(Column.SLA, Qt.Orientation.Horizontal) == "时效"
