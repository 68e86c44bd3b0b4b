"""Spec: saved window state that is damaged or hostile is ignored, never a crash at start."""

from __future__ import annotations

import logging

import pytest
from PySide6.QtCore import QSettings
from pytestqt.qtbot import QtBot

from tests.ui.conftest import FakeClock, FakeQueueSource
from tests.ui.test_main_window import open_window


@pytest.mark.parametrize(
    "saved",
    ["[" * 100_000 + "]" * 100_000, '{"a": ' * 5_000 + "1" + "}" * 5_000, "{not json"],
    ids=["nested 100,000 deep", "nested 5,000 deep", "not JSON"],
)
def test_damaged_saved_filters_are_ignored_with_a_log_line(
    qtbot: QtBot,
    *,
    fake_source: FakeQueueSource,
    clock: FakeClock,
    qsettings: QSettings,
    caplog: pytest.LogCaptureFixture,
    saved: str,
) -> None:
    qsettings.setValue("queue/filters", saved)
    qsettings.setValue("crews/filters", saved)
    with caplog.at_level(logging.WARNING):
        window = open_window(qtbot, fake_source, clock, qsettings)
    assert window.proxy.rowCount() == 5
    messages = [r.getMessage() for r in caplog.records if "damaged saved filters" in r.getMessage()]
    assert messages == [
        "ignoring damaged saved filters queue/filters",
        "ignoring damaged saved filters crews/filters",
    ]
