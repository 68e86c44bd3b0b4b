"""Guiding a call in the real console on a real (temporary SQLite) database.

The dispatcher works the keyboard only: digits answer, Backspace goes back,
Ctrl+S stores the outcome. The request's status, its needs and its
timeline are read back through the same backend the console uses.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from console.core.guidance import Issue
from console.core.intake import RequestDraft
from console.core.vocab import (
    CallerLanguage,
    Powertrain,
    RequestStatus,
    RoadType,
    ServiceType,
    VehicleKind,
)
from console.db.backend import DatabaseBackend
from console.ui.app import build_main_window
from console.ui.guidance_panel import GuidancePanel
from console.ui.main_window import MainWindow
from console.ui.suggestion_panel import SuggestionPanel
from console.ui.timeline_panel import RequestTimelinePanel
from tests.support.workspace import open_backend, seeded_sqlite

WAIT_MS = 10_000

# Answer keys through the case entry for a caller who is safe and unhurt.
SAFE = ["3", "2", "2"]  # off the road, nobody injured, no smoke


@pytest.fixture
def backend(tmp_path: Path) -> Iterator[DatabaseBackend]:
    engine, backend = open_backend(seeded_sqlite(tmp_path), "dispatcher:test")
    yield backend
    engine.dispose()


@pytest.fixture
def window(qtbot: QtBot, backend: DatabaseBackend, qsettings: QSettings) -> MainWindow:
    window = build_main_window(backend, "en", settings=qsettings, poll_ms=100, user="alice")
    qtbot.addWidget(window)
    window.resize(1400, 900)
    with qtbot.waitActive(window):
        window.show()
        window.activateWindow()
    return window


def panel_of(window: MainWindow) -> GuidancePanel:
    panel = window.findChild(GuidancePanel)
    assert panel is not None
    return panel


def keys(qtbot: QtBot, panel: GuidancePanel, *sequence: str) -> None:
    for text in sequence:
        key = QKeySequence(text)[0]
        qtbot.keyClick(panel, key.key(), key.keyboardModifiers())


def timeline_text(window: MainWindow) -> str:
    timeline = window.findChild(RequestTimelinePanel)
    assert timeline is not None
    timeline.refresh()
    tree = timeline.tree
    return "\n".join(tree.topLevelItem(i).text(3) for i in range(tree.topLevelItemCount()))


def test_battery_protocol_from_intake_ends_in_a_phone_fix_shown_in_the_timeline(
    qtbot: QtBot, window: MainWindow, backend: DatabaseBackend
) -> None:
    dialog = window.open_intake()
    qtbot.keyClicks(dialog.texts["phone"], "138 1234 5678")
    qtbot.keyClicks(dialog.texts["lat"], "30.27")
    qtbot.keyClicks(dialog.texts["lon"], "120.15")
    dialog.choices["service"].setCurrentIndex(
        dialog.choices["service"].findData(ServiceType.JUMP_START)
    )
    panel = panel_of(window)
    with qtbot.waitSignal(dialog.sig_guidance_requested, timeout=WAIT_MS) as guided:
        qtbot.mouseClick(dialog.guide_button, Qt.MouseButton.LeftButton)
    request_id = guided.args[0]
    assert backend.request(request_id).status is RequestStatus.TRIAGE  # type: ignore[union-attr]
    assert panel.request_id == request_id

    # Powertrain unknown at intake: the script asks, "petrol or diesel" is the 3rd answer.
    keys(qtbot, panel, *SAFE, "3", "2")
    assert panel.run is not None and panel.run.node.id == "complaint"
    keys(qtbot, panel, "1", "1")  # will not start; only clicking
    assert panel.run.node.id == "retry"
    keys(qtbot, panel, "2", "Backspace")  # a slip, taken back
    assert panel.run.node.id == "retry"
    keys(qtbot, panel, "1", "1")  # it started; keep it running
    assert panel.run.finished and panel.finish_button.isEnabled()
    assert panel.path_list.topLevelItemCount() == len(panel.run.steps) == 9
    did_it_start = panel.path_list.topLevelItem(7)
    assert (did_it_start.text(0), did_it_start.text(1)) == ("Did it start?", "Yes")
    assert "R01-Ω-1" in panel.outcome.text()

    with qtbot.waitSignal(panel.sig_finished, timeout=WAIT_MS):
        keys(qtbot, panel, "Ctrl+S")

    row = backend.request(request_id)
    assert row is not None
    assert row.status is RequestStatus.RESOLVED_REMOTELY
    assert row.powertrain is Powertrain.ICE
    qtbot.waitUntil(lambda: window.selected_request_id == request_id, timeout=WAIT_MS)
    history = timeline_text(window)
    assert "Guidance R01-Ω-1 (No-start / battery)" in history
    assert "Did it start? Yes" in history
    assert "When you turn the key or press start, what happens? Only clicking" in history


def test_ev_tow_path_from_a_queued_request_queues_it_for_flatbeds_only(
    qtbot: QtBot, window: MainWindow, backend: DatabaseBackend
) -> None:
    row = backend.take_call(
        RequestDraft(
            caller_phone="13912345678",
            lat=30.27,
            lon=120.15,
            city="杭州",
            road_type=RoadType.URBAN,
            service_type=ServiceType.JUMP_START,
            powertrain=Powertrain.EV,
            caller_language=CallerLanguage.EN,
        ),
        outcome=RequestStatus.QUEUED,
    )
    window.sync_now()
    qtbot.waitUntil(lambda: window.model.reference_of(row.id) is not None, timeout=WAIT_MS)
    window.select_request(row.id)
    panel = panel_of(window)
    qtbot.keyClick(window.view, Qt.Key.Key_F6)
    assert panel.request_id == row.id
    assert panel.caller_text.text().startswith("Where is the vehicle now")

    # F6 hands the keyboard to the panel: the next keys answer, wherever they were typed.
    focused = QApplication.focusWidget()
    assert focused is not None and (focused is panel or panel.isAncestorOf(focused))
    # Safe; no high-voltage warning; nobody vulnerable; will not start;
    # the screen lights up; no READY, a fault is shown.
    for digit in (*SAFE, "2", "2", "1", "1", "2"):
        key = QKeySequence(digit)[0]
        qtbot.keyClick(QApplication.focusWidget(), key.key())
    assert panel.run is not None and panel.run.result is not None
    assert panel.run.result.code == "R01-B-2"
    with qtbot.waitSignal(panel.sig_finished, timeout=WAIT_MS):
        qtbot.mouseClick(panel.finish_button, Qt.MouseButton.LeftButton)

    stored = backend.request(row.id)
    assert stored is not None
    assert stored.status is RequestStatus.QUEUED
    assert stored.service_type is ServiceType.TOW
    assert stored.required_kinds == frozenset({VehicleKind.FLATBED})
    suggestions = window.findChild(SuggestionPanel)
    assert suggestions is not None
    qtbot.waitUntil(
        lambda: (
            suggestions.result is not None
            and suggestions.result.request_id == row.id
            and bool(suggestions.result.suggestions)
            and suggestions.result.needs.kinds == frozenset({VehicleKind.FLATBED})
        ),
        timeout=WAIT_MS,
    )
    assert suggestions.result is not None
    crews = {c.id: c for c in backend.crews()}
    assert {crews[s.crew_id].vehicle_kind for s in suggestions.result.suggestions} == {
        VehicleKind.FLATBED
    }
    history = timeline_text(window)
    assert "Guidance R01-B-2 (No-start / battery)" in history
    assert "what does the dashboard show? No READY" in history


def test_the_caller_hears_chinese_while_the_dispatcher_reads_english_alongside(
    qtbot: QtBot, window: MainWindow, backend: DatabaseBackend
) -> None:
    row = backend.take_call(
        RequestDraft(caller_phone="13912345678", lat=30.27, lon=120.15, service_type="TOW"),
        outcome=RequestStatus.NEW,
    )
    panel = panel_of(window)
    assert panel.start(row.id)
    assert panel.caller_text.text().startswith("请问车辆现在停在哪里")
    assert panel.own_text.isVisible()
    assert panel.own_text.text().startswith("Where is the vehicle now")
    assert panel.answer_buttons[0].text() == "1  停在行车道上  (In a traffic lane)"


def test_a_number_question_takes_typed_digits(
    qtbot: QtBot, window: MainWindow, backend: DatabaseBackend
) -> None:
    row = backend.take_call(
        RequestDraft(
            caller_phone="13912345678",
            lat=30.27,
            lon=120.15,
            service_type="EV_CHARGING",
            powertrain="EV",
            caller_language="en",
        ),
        outcome=RequestStatus.NEW,
    )
    panel = panel_of(window)
    panel.start(row.id)
    keys(qtbot, panel, *SAFE, "2", "2", "3")  # no HV warning, nobody vulnerable, out of charge
    assert panel.run is not None and panel.run.node.id == "ev_range"
    assert panel.number_row.isVisible() and panel.answer_buttons == []
    focused = QApplication.focusWidget()
    assert focused is not None
    qtbot.keyClicks(focused, "42")
    qtbot.keyClick(focused, Qt.Key.Key_Return)
    assert panel.run.node.id == "charger_near"
    did = panel.path_list.topLevelItem(panel.path_list.topLevelItemCount() - 1)
    assert did.text(1) == "Some range left (42)"


def test_a_request_with_a_crew_is_not_guided(
    qtbot: QtBot, window: MainWindow, backend: DatabaseBackend
) -> None:
    row = backend.take_call(
        RequestDraft(caller_phone="13912345678", lat=30.27, lon=120.15, service_type="TOW"),
        outcome=RequestStatus.QUEUED,
    )
    backend.assign(row.id, backend.suggest(row.id).suggestions[0].crew_id)
    panel = panel_of(window)
    assert not panel.start(row.id)
    assert panel.run is None
    assert "cannot be guided" in panel.message.text()


def test_escalating_a_step_queues_the_request_for_a_dispatcher(
    qtbot: QtBot, window: MainWindow, backend: DatabaseBackend
) -> None:
    row = backend.take_call(
        RequestDraft(caller_phone="13912345678", lat=30.27, lon=120.15, service_type="TOW"),
        outcome=RequestStatus.NEW,
    )
    panel = panel_of(window)
    panel.start(row.id)
    keys(qtbot, panel, "Ctrl+E")
    assert panel.run is not None and panel.run.result is not None
    assert panel.run.result.code == "R00-D-1"
    assert not panel.escalate_button.isEnabled()
    keys(qtbot, panel, "Ctrl+S")
    assert backend.request(row.id).status is RequestStatus.QUEUED  # type: ignore[union-attr]


def test_a_broken_script_set_is_refused_with_the_reason(
    qtbot: QtBot, backend: DatabaseBackend
) -> None:
    problem = Issue("battery.yaml", "crank", "dead end", "the node has no answer leading on")
    panel = GuidancePanel(backend, loader=lambda: (None, [problem]))
    qtbot.addWidget(panel)
    assert not panel.start(1)
    assert panel.run is None
    assert "1 problem(s)" in panel.caller_text.text()
    assert "battery.yaml: crank: dead end" in panel.own_text.text()
    QApplication.processEvents()
