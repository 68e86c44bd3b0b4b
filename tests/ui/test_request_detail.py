"""The request detail panel: legal actions only, coded cancel reasons, clear refusals."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QDialogButtonBox
from pytestqt.qtbot import QtBot

from console.core.errors import IllegalTransition
from console.core.lifecycle import can_move
from console.core.vocab import RequestStatus
from console.ui.i18n import install_language
from console.ui.request_detail import (
    CANCEL_REASON_LABELS,
    REQUEST_ACTIONS,
    CancelCode,
    CancelReasonDialog,
    RequestDetailPanel,
    cancel_reason_text,
)
from tests.ui.conftest import FakeClock, FakeQueueSource, request_row


@pytest.fixture
def panel(qtbot: QtBot, fake_source: FakeQueueSource, clock: FakeClock) -> RequestDetailPanel:
    widget = RequestDetailPanel(fake_source, clock)
    qtbot.addWidget(widget)
    return widget


@pytest.mark.parametrize("status", list(RequestStatus))
def test_only_legal_moves_are_enabled(panel: RequestDetailPanel, status: RequestStatus) -> None:
    panel.show_row(request_row(1, status=status))
    for spec in REQUEST_ACTIONS:
        action = panel.actions_by_key[spec.key]
        if not can_move(status, spec.target):
            assert not action.isEnabled(), (status, spec.key)
        else:
            assert action.isEnabled() == (status in spec.sources), (status, spec.key)


def test_every_action_is_reachable_from_some_status() -> None:
    for spec in REQUEST_ACTIONS:
        assert spec.sources, spec.key
        assert all(can_move(source, spec.target) for source in spec.sources), spec.key


def test_a_forced_illegal_move_is_explained_in_the_current_language(
    panel: RequestDetailPanel, fake_source: FakeQueueSource, qapp: QApplication
) -> None:
    # The panel thinks the request is in triage; the backend knows it is still new.
    fake_source.upsert(request_row(1, status=RequestStatus.NEW))
    panel.show_row(request_row(1, status=RequestStatus.TRIAGE))
    with pytest.raises(IllegalTransition):
        fake_source.move(1, RequestStatus.QUEUED)
    panel.actions_by_key["queue"].trigger()
    assert panel.message.text() == "A request cannot move from New to Queued."
    shown = panel.request
    assert shown is not None
    assert shown.status is RequestStatus.NEW  # reloaded
    assert not panel.actions_by_key["queue"].isEnabled()

    install_language(qapp, "zh")
    panel.show_row(request_row(1, status=RequestStatus.TRIAGE))
    panel.actions_by_key["queue"].trigger()
    assert panel.message.text() == "工单不能从“新建”变更为“待派车”。"


def test_cancel_stores_the_coded_reason(
    panel: RequestDetailPanel, fake_source: FakeQueueSource
) -> None:
    panel.show_request(3)
    panel.ask_cancel = lambda _row: (CancelCode.NO_ANSWER, "  rang twice ")
    panel.actions_by_key["cancel"].trigger()
    assert fake_source.moves[-1] == (
        3,
        RequestStatus.CANCELLED,
        "No answer at callback: rang twice",
    )
    assert panel.values["cancel_reason"].text() == "No answer at callback: rang twice"


def test_cancel_reason_text() -> None:
    assert cancel_reason_text(CancelCode.DUPLICATE) == "Duplicate call"
    assert cancel_reason_text(CancelCode.OTHER, "fire brigade") == "Other: fire brigade"
    assert set(CANCEL_REASON_LABELS) == set(CancelCode)
    assert all(len(cancel_reason_text(code, "x" * 400)) > 0 for code in CancelCode)


def test_cancel_dialog_needs_a_code_and_text_for_other(qtbot: QtBot) -> None:
    dialog = CancelReasonDialog("RA-20261123-0001")
    qtbot.addWidget(dialog)
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert not ok.isEnabled()
    assert dialog.choice() is None
    dialog.code.setCurrentIndex(dialog.code.findData(CancelCode.OTHER.value))
    assert not ok.isEnabled()
    assert dialog.hint.text() == "Describe the reason for “Other”."
    dialog.detail.setText("fire brigade towed it")
    assert ok.isEnabled()
    assert dialog.choice() == (CancelCode.OTHER, "fire brigade towed it")
    dialog.code.setCurrentIndex(dialog.code.findData(CancelCode.DUPLICATE.value))
    dialog.detail.clear()
    assert dialog.choice() == (CancelCode.DUPLICATE, "")
    longest = max(len(text) for text in CANCEL_REASON_LABELS.values())
    assert longest + 2 + dialog.detail.maxLength() <= 300


def test_cancel_dialog_speaks_chinese(qtbot: QtBot, qapp: QApplication) -> None:
    install_language(qapp, "zh")
    dialog = CancelReasonDialog("RA-20261123-0001")
    qtbot.addWidget(dialog)
    items = [dialog.code.itemText(i) for i in range(dialog.code.count())]
    assert "重复来电" in items
    assert dialog.windowTitle() == "取消工单"


def test_the_real_cancel_dialog_is_asked(
    panel: RequestDetailPanel, fake_source: FakeQueueSource, qtbot: QtBot
) -> None:
    panel.show_request(2)

    def answer() -> None:
        dialog = panel.findChild(CancelReasonDialog)
        assert dialog is not None
        dialog.code.setCurrentIndex(dialog.code.findData(CancelCode.TOWED_BY_OTHERS.value))
        dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()

    QTimer.singleShot(0, answer)
    panel.actions_by_key["cancel"].trigger()
    assert fake_source.moves[-1] == (2, RequestStatus.CANCELLED, "Vehicle towed by others")


def test_notes_show_as_plain_text(panel: RequestDetailPanel) -> None:
    panel.show_row(request_row(1, notes="<b>two</b> kids\nin the car"))
    value = panel.values["notes"]
    assert value.text() == "<b>two</b> kids\nin the car"
    assert value.textFormat().name == "PlainText"
