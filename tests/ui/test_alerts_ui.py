"""Alerts in the window: a strip grouped by kind, a rate-limited sound, mute kept per workstation."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from console.core.vocab import Priority, RequestStatus
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
    banner = window.alerts.banner
    assert not banner.is_alerting
    assert banner.text.text() == "No alerts"
    assert not banner.show_button.isVisible()
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
    assert banner.is_alerting
    assert banner.text.toolTip() == "New P1 safety request RA-20261123-0007"
    assert player.played == 1
    source.upsert(request_row(8))  # a P2: no alert; the P1 is not announced again
    qtbot.waitUntil(lambda: window.model.position_of(8) is not None, timeout=3000)
    assert player.played == 1
    banner.show_button.click()
    assert window.selected_request_id == 7
    assert not banner.is_alerting


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
    banner = window.alerts.banner
    assert banner.text.toolTip() == "2 requests past the assignment deadline"
    assert sorted(banner.listed_requests()) == [1, 2]


def test_an_alert_brings_back_a_closed_queue(
    qtbot: QtBot, source: FakeQueueSource, clock: FakeClock, qsettings: QSettings
) -> None:
    window, _player = open_window(qtbot, source, clock, qsettings)
    queue = window.dock("queue")
    assert queue is not None
    queue.close()
    assert not queue.isVisible()
    source.upsert(request_row(9, priority=Priority.P1))
    qtbot.waitUntil(lambda: window.alerts.banner.is_alerting, timeout=3000)
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
    qtbot.waitUntil(lambda: window.alerts.banner.is_alerting, timeout=3000)
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
    assert not window.alerts.banner.is_alerting
    assert player.played == 0


def test_many_breaches_make_one_phrase_and_a_list_that_selects(
    qtbot: QtBot, clock: FakeClock, qsettings: QSettings
) -> None:
    source = FakeQueueSource([request_row(n) for n in range(1, 13)], [crew_row(1)])
    window, player = open_window(qtbot, source, clock, qsettings)
    qtbot.waitUntil(lambda: window.model.rowCount() == 12, timeout=3000)
    clock.advance(61)  # every request is past its assignment deadline
    window.alerts.tick()
    banner = window.alerts.banner
    assert banner.text.toolTip() == "12 requests past the assignment deadline"
    assert "more" not in banner.text.toolTip()
    assert len(banner.listed_requests()) == 12
    assert banner.list_button.text() == "List (12)"
    assert player.played == 1
    chosen = next(a for a in banner.list_menu.actions() if a.data() == 5)
    chosen.trigger()
    assert window.selected_request_id == 5
    assert 5 not in banner.listed_requests()
    assert banner.text.toolTip() == "11 requests past the assignment deadline"


def test_kinds_are_grouped_most_urgent_first(
    qtbot: QtBot, source: FakeQueueSource, clock: FakeClock, qsettings: QSettings
) -> None:
    window, _player = open_window(qtbot, source, clock, qsettings)
    clock.advance(61)
    window.alerts.tick()
    fresh = clock.now + timedelta(minutes=2)
    source.upsert(request_row(7, priority=Priority.P1, assign_due_at=fresh))
    qtbot.waitUntil(lambda: len(window.alerts.banner.alerts) == 3, timeout=3000)
    assert window.alerts.banner.text.toolTip() == (
        "New P1 safety request RA-20261123-0007 · 2 requests past the assignment deadline"
    )
    window.alerts.banner.show_button.click()
    assert window.selected_request_id == 7


def test_the_chime_sounds_at_most_once_in_thirty_seconds_per_kind(
    qtbot: QtBot, source: FakeQueueSource, clock: FakeClock, qsettings: QSettings
) -> None:
    window, player = open_window(qtbot, source, clock, qsettings)
    qtbot.waitUntil(lambda: window.model.rowCount() == 2, timeout=3000)
    for n, request_id in enumerate(range(20, 26)):
        source.upsert(request_row(request_id, priority=Priority.P1))
        qtbot.waitUntil(lambda rid=request_id: window.model.position_of(rid) is not None)
        clock.advance(5)
        assert player.played == 1, n  # six new P1s in 25 s: one chime
    clock.advance(30)
    source.upsert(request_row(30, priority=Priority.P1))
    qtbot.waitUntil(lambda: player.played == 2, timeout=3000)
    # Another kind is not held back by the P1 chime.
    clock.advance(1)
    window.alerts.tick()  # requests 1 and 2 passed their assignment deadline long ago
    assert player.played == 3


def test_the_strip_keeps_its_height_and_an_alert_never_moves_the_queue(
    qtbot: QtBot, source: FakeQueueSource, clock: FakeClock, qsettings: QSettings
) -> None:
    window, _player = open_window(qtbot, source, clock, qsettings)
    qtbot.waitUntil(lambda: window.model.rowCount() == 2, timeout=3000)
    banner = window.alerts.banner
    calm = (banner.height(), window.view.mapTo(window, window.view.rect().topLeft()))
    source.upsert(request_row(7, priority=Priority.P1))
    qtbot.waitUntil(lambda: banner.is_alerting, timeout=3000)
    QApplication.processEvents()
    assert (banner.height(), window.view.mapTo(window, window.view.rect().topLeft())) == calm
    banner.dismiss()
    QApplication.processEvents()
    assert (banner.height(), window.view.mapTo(window, window.view.rect().topLeft())) == calm


def test_an_assignment_alert_goes_once_the_request_has_a_crew(
    qtbot: QtBot, source: FakeQueueSource, clock: FakeClock, qsettings: QSettings
) -> None:
    window, _player = open_window(qtbot, source, clock, qsettings)
    qtbot.waitUntil(lambda: window.model.rowCount() == 2, timeout=3000)
    clock.advance(61)
    window.alerts.tick()
    assert sorted(window.alerts.banner.listed_requests()) == [1, 2]
    source.upsert(replace(source.rows[1], status=RequestStatus.ASSIGNED, assigned_crew_id=1))
    qtbot.waitUntil(lambda: window.alerts.banner.listed_requests() == [2], timeout=3000)


def test_a_call_left_in_triage_past_its_target_alerts(
    qtbot: QtBot, clock: FakeClock, qsettings: QSettings
) -> None:
    triage = request_row(
        3, status=RequestStatus.TRIAGE, created_at=clock.now, queued_at=None, assign_due_at=None
    )
    source = FakeQueueSource([triage], [crew_row(1)])
    window, _player = open_window(qtbot, source, clock, qsettings)
    qtbot.waitUntil(lambda: window.model.rowCount() == 1, timeout=3000)
    clock.advance(5 * 60 - 1)  # [sla] triage_minutes defaults to 5
    window.alerts.tick()
    assert not window.alerts.banner.is_alerting
    clock.advance(2)
    window.alerts.tick()
    assert window.alerts.banner.text.toolTip() == "RA-20261123-0003: triage deadline passed"
