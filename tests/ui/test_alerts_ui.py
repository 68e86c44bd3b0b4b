"""Alerts in the window: banner, sound, taskbar, mute kept per workstation."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings
from pytestqt.qtbot import QtBot

from console.core.vocab import Priority
from console.ui.alerts import MUTE_KEY, AlertKind
from console.ui.app import build_main_window
from console.ui.main_window import MainWindow
from tests.ui.conftest import FakeClock, FakeQueueSource, crew_row, request_row


class FakePlayer:
    """Counts the sounds asked for."""

    def __init__(self) -> None:
        self.played = 0

    def play(self) -> None:
        self.played += 1


def open_window(
    qtbot: QtBot, source: FakeQueueSource, clock: FakeClock, settings: QSettings
) -> tuple[MainWindow, FakePlayer]:
    window = build_main_window(source, "en", clock, settings=settings, poll_ms=20, user="alice")
    qtbot.addWidget(window)
    player = FakePlayer()
    window.alerts.player = player
    window.show()
    return window, player


@pytest.fixture
def source() -> FakeQueueSource:
    """A P1 and a P2 request already queued when the console starts."""
    return FakeQueueSource([request_row(1, priority=Priority.P1), request_row(2)], [crew_row(1)])


def test_rows_present_at_start_do_not_alert(
    qtbot: QtBot, source: FakeQueueSource, clock: FakeClock, qsettings: QSettings
) -> None:
    window, player = open_window(qtbot, source, clock, qsettings)
    qtbot.wait(100)  # a few polls
    assert not window.alerts.banner.isVisible()
    assert player.played == 0


def test_a_new_p1_alerts_once_and_show_selects_it(
    qtbot: QtBot, source: FakeQueueSource, clock: FakeClock, qsettings: QSettings
) -> None:
    window, player = open_window(qtbot, source, clock, qsettings)
    window.crew_board.view.setFocus()  # whatever panel has focus
    with qtbot.waitSignal(window.alerts.sig_alert, timeout=3000) as raised:
        source.upsert(request_row(7, priority=Priority.P1))
    assert raised.args[0].kind is AlertKind.NEW_P1
    banner = window.alerts.banner
    assert banner.isVisible()
    assert "RA-20261123-0007" in banner.text.text()
    assert player.played == 1
    source.upsert(request_row(8))  # a P2: no alert; the P1 is not announced again
    qtbot.waitUntil(lambda: window.model.position_of(8) is not None, timeout=3000)
    assert player.played == 1
    banner.show_button.click()
    assert window.selected_request_id == 7
    assert not banner.isVisible()


def test_a_breach_alerts_once(
    qtbot: QtBot, source: FakeQueueSource, clock: FakeClock, qsettings: QSettings
) -> None:
    window, player = open_window(qtbot, source, clock, qsettings)
    seen: list[object] = []
    window.alerts.sig_alert.connect(seen.append)
    clock.advance(59)
    window.alerts.tick()
    assert seen == []
    clock.advance(2)  # both requests are past their assignment deadline (T0 + 1 min)
    window.alerts.tick()
    window.alerts.tick()
    assert sorted(a.request_id for a in seen) == [1, 2]  # type: ignore[attr-defined]
    assert {a.kind for a in seen} == {AlertKind.ASSIGN_BREACH}  # type: ignore[attr-defined]
    assert player.played == 1  # one sound per burst
    assert window.alerts.banner.isVisible()
    assert "(+1 more)" in window.alerts.banner.text.text()


def test_an_alert_brings_back_a_closed_queue(
    qtbot: QtBot, source: FakeQueueSource, clock: FakeClock, qsettings: QSettings
) -> None:
    window, _player = open_window(qtbot, source, clock, qsettings)
    queue = window.dock("queue")
    assert queue is not None
    queue.close()
    assert not queue.isVisible()
    source.upsert(request_row(9, priority=Priority.P1))
    qtbot.waitUntil(window.alerts.banner.isVisible, timeout=3000)
    assert queue.isVisible()


def test_mute_keeps_the_banner_and_survives_a_restart(
    qtbot: QtBot, source: FakeQueueSource, clock: FakeClock, qsettings: QSettings
) -> None:
    window, player = open_window(qtbot, source, clock, qsettings)
    assert window.alerts.mute_action in window.view_menu.actions()
    assert window.alerts.banner.mute_button.defaultAction() is window.alerts.mute_action
    window.alerts.mute_action.trigger()
    assert window.alerts.muted
    source.upsert(request_row(7, priority=Priority.P1))
    qtbot.waitUntil(window.alerts.banner.isVisible, timeout=3000)
    assert player.played == 0
    window.close()

    again, _player = open_window(qtbot, source, clock, qsettings)
    assert again.alerts.muted
    assert again.alerts.mute_action.isChecked()
    again.alerts.set_muted(False)
    assert qsettings.value(MUTE_KEY) in (False, "false")


def test_own_new_call_does_not_alert(
    qtbot: QtBot, source: FakeQueueSource, clock: FakeClock, qsettings: QSettings
) -> None:
    window, player = open_window(qtbot, source, clock, qsettings)
    qtbot.waitUntil(lambda: window.model.position_of(2) is not None, timeout=3000)
    window.alerts.acknowledge(6)  # what the window does for a call taken at this console
    source.upsert(request_row(6, priority=Priority.P1))
    qtbot.waitUntil(lambda: window.model.position_of(6) is not None, timeout=3000)
    qtbot.wait(50)
    assert not window.alerts.banner.isVisible()
    assert player.played == 0
