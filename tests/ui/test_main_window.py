"""MainWindow with a fake queue source: live updates, lost connection, language switch."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from console.core.records import RequestRow
from console.core.vocab import RequestStatus
from console.ui.app import build_main_window, resolve_language
from console.ui.i18n import current_language
from console.ui.icons import ICONS, icon
from console.ui.main_window import LANGUAGE_KEY, MainWindow
from console.ui.queue_model import ROW_ROLE, Column
from tests.ui.conftest import FakeClock, FakeQueueSource

MakeRow = Callable[..., RequestRow]


@dataclass
class ResetCounter:
    """Counts modelReset signals."""

    count: int = 0

    def bump(self) -> None:
        self.count += 1


def open_window(
    qtbot: QtBot, source: FakeQueueSource, clock: FakeClock, settings: QSettings
) -> MainWindow:
    window = build_main_window(source, "en", clock, settings=settings, poll_ms=20)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


@pytest.fixture
def window(
    qtbot: QtBot, fake_source: FakeQueueSource, clock: FakeClock, qsettings: QSettings
) -> MainWindow:
    """The main window over the five-row fake source, shown, polling every 20 ms."""
    return open_window(qtbot, fake_source, clock, qsettings)


def shown_ids(window: MainWindow) -> set[int]:
    proxy = window.proxy
    return {proxy.data(proxy.index(r, 0), ROW_ROLE).id for r in range(proxy.rowCount())}


def header(window: MainWindow, column: Column) -> str:
    value = window.proxy.headerData(column, Qt.Orientation.Horizontal)
    assert isinstance(value, str)
    return value


def test_window_shows_the_sources_rows(window: MainWindow) -> None:
    assert window.windowTitle() == "Roadside Assistance Dispatch Console"
    assert shown_ids(window) == {1, 2, 3, 4, 5}
    assert window.is_connected
    assert window.connection_label.text() == "Connected: fake://queue"
    assert window.row_count_label.text() == "Open requests: 5"
    assert window.view.isSortingEnabled()
    assert window.refresh_action.shortcut().toString() == "F5"


def test_revision_bump_updates_rows_in_place(
    window: MainWindow, qtbot: QtBot, fake_source: FakeQueueSource, make_row: MakeRow
) -> None:
    resets = ResetCounter()
    window.model.modelReset.connect(resets.bump)
    window.proxy.modelReset.connect(resets.bump)

    fake_source.upsert(
        make_row(2, status=RequestStatus.ASSIGNED, assigned_crew_call_sign="杭-07"),
        make_row(4, status=RequestStatus.COMPLETED),
        make_row(6),
    )

    def updated() -> None:
        assert shown_ids(window) == {1, 2, 3, 5, 6}
        position = window.model.position_of(2)
        assert position is not None
        assert window.model.row_at(position).assigned_crew_call_sign == "杭-07"

    qtbot.waitUntil(updated, timeout=3000)
    assert resets.count == 0
    assert window.row_count_label.text() == "Open requests: 5"


def test_failing_source_shows_disconnected_and_recovers(
    window: MainWindow,
    qtbot: QtBot,
    fake_source: FakeQueueSource,
    make_row: MakeRow,
    caplog: pytest.LogCaptureFixture,
) -> None:
    with qtbot.waitSignal(window.sig_connection_changed, timeout=3000) as lost:
        fake_source.fail_revision = True
    assert lost.args == [False]
    assert not window.is_connected
    assert window.connection_label.text() == "Disconnected, retrying: fake://queue"
    assert window.isVisible()
    assert shown_ids(window) == {1, 2, 3, 4, 5}
    assert "queue source fake://queue failed" in caplog.text

    fake_source.fail_revision = False
    fake_source.upsert(make_row(7))
    qtbot.waitUntil(lambda: window.is_connected and 7 in shown_ids(window), timeout=3000)
    assert window.connection_label.text() == "Connected: fake://queue"


def test_window_opens_even_when_the_source_is_down(
    qtbot: QtBot, fake_source: FakeQueueSource, clock: FakeClock, qsettings: QSettings
) -> None:
    fake_source.fail = True
    window = open_window(qtbot, fake_source, clock, qsettings)
    assert not window.is_connected
    assert window.model.rowCount() == 0
    assert "Disconnected" in window.connection_label.text()
    fake_source.fail = False
    qtbot.waitUntil(lambda: window.model.rowCount() == 5, timeout=3000)
    assert window.is_connected


def test_clock_tick_updates_the_age_column(
    window: MainWindow, qtbot: QtBot, clock: FakeClock
) -> None:
    age = window.proxy.index(0, Column.AGE)
    assert window.proxy.data(age) == "05:00"
    clock.advance(90)
    qtbot.waitUntil(lambda: window.proxy.data(age) == "06:30", timeout=3000)
    assert window.clock_label.text()


def test_language_switch_at_run_time(
    window: MainWindow, qtbot: QtBot, qsettings: QSettings
) -> None:
    status = window.proxy.index(0, Column.STATUS)
    assert header(window, Column.STATUS) == "Status"
    assert window.proxy.data(status) == "Queued"

    window.language_actions["zh"].trigger()
    qtbot.waitUntil(lambda: window.windowTitle() == "道路救援调度台", timeout=3000)
    assert current_language() == "zh"
    assert header(window, Column.STATUS) == "状态"
    assert header(window, Column.SERVICE) == "服务类型"
    assert window.proxy.data(status) == "待派车"
    assert window.proxy.data(window.proxy.index(0, Column.SERVICE)) == "拖车"
    assert window.connection_label.text() == "已连接：fake://queue"
    assert window.file_menu.title() == "文件(&F)"
    assert window.language_actions["zh"].isChecked()
    assert qsettings.value(LANGUAGE_KEY) == "zh"

    window.language_actions["en"].trigger()
    qtbot.waitUntil(
        lambda: window.windowTitle() == "Roadside Assistance Dispatch Console", timeout=3000
    )
    assert header(window, Column.STATUS) == "Status"
    assert window.proxy.data(status) == "Queued"
    assert window.language_actions["en"].isChecked()
    assert qsettings.value(LANGUAGE_KEY) == "en"


def test_window_starts_in_the_saved_language(
    qtbot: QtBot, fake_source: FakeQueueSource, clock: FakeClock, qsettings: QSettings
) -> None:
    qsettings.setValue(LANGUAGE_KEY, "zh")
    assert resolve_language(None, qsettings) == "zh"
    assert resolve_language("en", qsettings) == "en"
    window = build_main_window(fake_source, None, clock, settings=qsettings)
    qtbot.addWidget(window)
    assert window.windowTitle() == "道路救援调度台"
    assert header(window, Column.PRIORITY) == "优先级"


def test_geometry_is_saved_on_close_and_restored(
    qtbot: QtBot, fake_source: FakeQueueSource, clock: FakeClock, qsettings: QSettings
) -> None:
    window = open_window(qtbot, fake_source, clock, qsettings)
    window.resize(640, 420)  # the offscreen screen is only 800x600
    window.view.horizontalHeader().resizeSection(Column.VEHICLE, 333)
    window.close()
    assert qsettings.value("window/geometry") is not None
    again = open_window(qtbot, fake_source, clock, qsettings)
    assert again.size().width() == 640
    assert again.view.horizontalHeader().sectionSize(Column.VEHICLE) == 333


def test_every_registered_icon_resolves(qapp: QApplication) -> None:
    for name in ICONS:
        assert not icon(name).isNull(), name
    with pytest.raises(KeyError):
        icon("no.such.icon")
