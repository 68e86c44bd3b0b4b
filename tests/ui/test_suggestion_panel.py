"""Suggestions end to end: a real database, one click to assign, and the lost race."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton
from pytestqt.qtbot import QtBot

from console.core.dispatch import SuggestionResult
from console.core.vocab import RequestStatus
from console.db import schema
from console.db.backend import DatabaseBackend
from console.db.engine import make_engine
from console.ui.proposal_dialog import ProposalDialog
from console.ui.suggestion_panel import SuggestionPanel
from tests.db.conftest import FakeClock, install_fleet
from tests.db.helpers import drive_to
from tests.support.principals import desk


@pytest.fixture
def dispatchers(tmp_path: Path) -> Iterator[tuple[DatabaseBackend, DatabaseBackend]]:
    """Two dispatchers' backends on one database with a small Hangzhou fleet."""
    engine = make_engine(f"sqlite:///{tmp_path / 'shared.db'}")
    schema.ensure_schema(engine, auto_upgrade=True)
    install_fleet(engine)
    clock = FakeClock()
    yield (
        DatabaseBackend(engine, principal=desk("dispatcher:a"), clock=clock),
        DatabaseBackend(engine, principal=desk("dispatcher:b"), clock=clock),
    )
    engine.dispose()


def assign_button(panel: SuggestionPanel, row: int) -> QPushButton:
    button = panel.table.cellWidget(row, SuggestionPanel.BUTTON_COLUMN)
    assert isinstance(button, QPushButton)
    return button


def test_one_click_assigns_the_suggested_crew(
    qtbot: QtBot, dispatchers: tuple[DatabaseBackend, DatabaseBackend]
) -> None:
    mine, _ = dispatchers
    request = drive_to(mine.services, mine._engine, RequestStatus.QUEUED)
    panel = SuggestionPanel(mine)
    qtbot.addWidget(panel)
    with qtbot.waitSignal(panel.sig_loaded):
        panel.show_request(request.id)
    assert panel.result is not None
    assert [s.call_sign for s in panel.result.suggestions] == ["HZ-01", "HZ-02"]
    assert "Flatbed" in panel.table.item(0, 2).text()
    with qtbot.waitSignal(panel.sig_assigned) as signal:
        qtbot.mouseClick(assign_button(panel, 0), Qt.MouseButton.LeftButton)
    assert signal.args == [request.id, 1]
    stored = mine.request(request.id)
    assert stored is not None and stored.status is RequestStatus.ASSIGNED
    assert stored.assigned_crew_id == 1
    assert panel.status.text() == "Crew assigned."
    qtbot.waitUntil(lambda: not panel.loading)
    assert panel.status.text() == "Crew assigned."
    assert panel.table.rowCount() == 0, "an assigned request offers no more crews"


def test_a_crew_taken_meanwhile_is_explained_and_suggestions_refresh(
    qtbot: QtBot, dispatchers: tuple[DatabaseBackend, DatabaseBackend]
) -> None:
    mine, theirs = dispatchers
    wanted = drive_to(mine.services, mine._engine, RequestStatus.QUEUED)
    other = drive_to(theirs.services, theirs._engine, RequestStatus.QUEUED)
    panel = SuggestionPanel(mine)
    qtbot.addWidget(panel)
    with qtbot.waitSignal(panel.sig_loaded):
        panel.show_request(wanted.id)
    assert panel.result is not None and panel.result.suggestions[0].call_sign == "HZ-01"
    theirs.assign(other.id, 1)  # the other dispatcher is a moment quicker
    with qtbot.waitSignal(panel.sig_loaded):
        panel.assign_first()  # Ctrl+Return
    assert "HZ-01 is no longer available" in panel.status.text()
    assert "Fresh suggestions are shown" in panel.status.text()
    assert [s.call_sign for s in panel.result.suggestions] == ["HZ-02"]
    stored = mine.request(wanted.id)
    assert stored is not None and stored.status is RequestStatus.QUEUED
    qtbot.mouseClick(assign_button(panel, 0), Qt.MouseButton.LeftButton)
    stored = mine.request(wanted.id)
    assert stored is not None and stored.assigned_crew_id == 2


def test_requests_past_the_queue_show_no_assign_button(
    qtbot: QtBot, dispatchers: tuple[DatabaseBackend, DatabaseBackend]
) -> None:
    mine, _ = dispatchers
    request = drive_to(mine.services, mine._engine, RequestStatus.EN_ROUTE)
    panel = SuggestionPanel(mine)
    qtbot.addWidget(panel)
    with qtbot.waitSignal(panel.sig_loaded):
        panel.show_request(request.id)
    assert panel.request_id == request.id
    assert panel.table.rowCount() == 0
    assert not panel.assign_first_button.isEnabled()
    panel.show_request(None)
    assert "Select a request" in panel.title.text()


def test_the_queue_proposal_can_be_accepted_in_part(
    qtbot: QtBot, dispatchers: tuple[DatabaseBackend, DatabaseBackend]
) -> None:
    mine, _ = dispatchers
    tow = drive_to(mine.services, mine._engine, RequestStatus.QUEUED)
    lockout = drive_to(mine.services, mine._engine, RequestStatus.QUEUED, service_type="LOCKOUT")
    dialog = ProposalDialog(mine)
    qtbot.addWidget(dialog)
    assert {item.request_id for item in dialog.proposal.items} == {tow.id, lockout.id}
    assert dialog.proposal.assigned == 2
    dialog.set_ticked(lockout.id, False)
    dialog.apply(only_ticked=True)
    assert dialog.outcome == {tow.id: "assigned"}
    assert mine.request(lockout.id).status is RequestStatus.QUEUED  # type: ignore[union-attr]
    dialog.apply(only_ticked=False)
    assert dialog.outcome[lockout.id] == "assigned"
    assert "Crews assigned: 1." in dialog.result_label.text()


def test_suggestions_are_ranked_off_the_interface_thread(
    qtbot: QtBot, dispatchers: tuple[DatabaseBackend, DatabaseBackend]
) -> None:
    mine, _ = dispatchers
    request = drive_to(mine.services, mine._engine, RequestStatus.QUEUED)
    ranked_on: list[str] = []
    suggest = mine.suggest

    def watched(request_id: int, limit: int = 5) -> SuggestionResult:
        ranked_on.append(threading.current_thread().name)
        return suggest(request_id, limit)

    mine.suggest = watched  # type: ignore[method-assign]
    panel = SuggestionPanel(mine)
    qtbot.addWidget(panel)
    with qtbot.waitSignal(panel.sig_loaded):
        panel.show_request(request.id)
        assert panel.table.rowCount() == 0, "no crews on show until this request's arrive"
        assert "Finding" in panel.title.text()
    assert ranked_on and threading.main_thread().name not in ranked_on
    assert panel.table.rowCount() == 2


def test_a_new_selection_never_shows_the_previous_requests_crews(
    qtbot: QtBot, dispatchers: tuple[DatabaseBackend, DatabaseBackend]
) -> None:
    mine, _ = dispatchers
    first = drive_to(mine.services, mine._engine, RequestStatus.QUEUED)
    second = drive_to(mine.services, mine._engine, RequestStatus.QUEUED)
    panel = SuggestionPanel(mine)
    qtbot.addWidget(panel)
    with qtbot.waitSignal(panel.sig_loaded):
        panel.show_request(first.id)
    assert panel.table.rowCount() == 2
    panel.show_request(second.id)
    assert panel.result is None and panel.table.rowCount() == 0
    assert not panel.assign_first_button.isEnabled()
    panel.assign_first()  # Ctrl+Return before the answer: nothing is assigned
    qtbot.waitUntil(lambda: not panel.loading)
    assert panel.request_id == second.id
    assert mine.request(first.id).status is RequestStatus.QUEUED  # type: ignore[union-attr]
    assert mine.request(second.id).status is RequestStatus.QUEUED  # type: ignore[union-attr]
