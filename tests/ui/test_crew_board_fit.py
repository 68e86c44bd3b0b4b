"""The crew board at 1366x768: what a dispatcher reads of each crew is in view without scrolling.

Measured on the real main window at its default layout, in English and Chinese,
with a fleet longer than the board (a vertical scroll bar) and the longest words
each column shows (a crew off duty or assigned for over an hour, a device that
never reported, a job reference): the call sign, status, feed, GPS age and job
columns lie inside the board's viewport, each wide enough for its words and its
header (nothing cut to "…").
"""

from __future__ import annotations

from datetime import timedelta

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication, QStyle
from pytestqt.qtbot import QtBot

from console.core.records import CrewRow
from console.core.vocab import CrewStatus
from console.ui.app import build_main_window
from console.ui.crew_model import CrewColumn
from console.ui.main_window import MainWindow
from tests.ui.conftest import T0, FakeClock, FakeQueueSource, crew_row, request_row

DISPATCHER_COLUMNS = (
    CrewColumn.CALL_SIGN,
    CrewColumn.STATUS,
    CrewColumn.FEED,
    CrewColumn.GPS_AGE,
    CrewColumn.JOB,
)
"""What a dispatcher reads to pick a crew: who, doing what, whether its position can be trusted."""


def crew(crew_id: int, **changes: object) -> CrewRow:
    """A crew with a call sign as long as the shipped fleet's (``4452-102``)."""
    return crew_row(crew_id, call_sign=f"4452-{100 + crew_id}", **changes)


def crews() -> FakeQueueSource:
    """Crews whose words are the longest each column shows, and a queue of twenty requests."""
    long_ago = T0 - timedelta(hours=1, minutes=17)
    rows = [
        crew(1, status=CrewStatus.OFF_DUTY, status_since=long_ago),  # "Off duty · 1 h 17 min"
        crew(2, devices=1, devices_since=T0 - timedelta(days=3),
             gps_at=T0 - timedelta(hours=1, minutes=5)),  # "Silent", flagged; GPS age "1:05"
        crew(3, status=CrewStatus.ASSIGNED, status_since=long_ago, current_request_id=1),
        crew(4, devices=1, devices_since=T0 - timedelta(minutes=5), gps_at=None),  # No fix yet
        crew(5, devices=1, devices_since=T0 - timedelta(days=3),
             gps_at=T0 - timedelta(minutes=3)),  # "Quiet"
        crew(6),  # "No device"
        *(crew(n) for n in range(7, 41)),  # a fleet longer than the board: a scroll bar
    ]  # fmt: skip
    return FakeQueueSource((request_row(n) for n in range(1, 21)), rows)


def open_window(qtbot: QtBot, clock: FakeClock, settings: QSettings, language: str) -> MainWindow:
    source = crews()
    window = build_main_window(source, language, clock, settings=settings, poll_ms=50)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    qtbot.waitExposed(window)
    qtbot.waitUntil(lambda: window.crew_board.view.model().rowCount() == 40, timeout=3000)
    QApplication.processEvents()
    qtbot.wait(50)
    QApplication.processEvents()
    assert (window.width(), window.height()) == (1366, 768)
    return window


@pytest.mark.parametrize("language", ["en", "zh"])
def test_the_columns_a_dispatcher_reads_are_in_view_at_1366x768(
    qtbot: QtBot, clock: FakeClock, qsettings: QSettings, language: str
) -> None:
    window = open_window(qtbot, clock, qsettings, language)
    view = window.crew_board.view
    header = view.horizontalHeader()
    visible = view.viewport().width()

    fm = header.fontMetrics()
    margin = header.style().pixelMetric(QStyle.PixelMetric.PM_HeaderMargin, None, header)
    outside = {}
    cut = {}
    for column in DISPATCHER_COLUMNS:
        left = header.sectionViewportPosition(column)
        width = header.sectionSize(column)
        if left < 0 or left + width > visible:
            outside[column.name] = (left, left + width, visible)
        title = str(view.model().headerData(column, Qt.Orientation.Horizontal))
        # The sort arrow's room only where the board is sorted (by call sign at first).
        if header.sortIndicatorSection() == column:
            title_room = header.sectionSizeHint(column)
        else:
            title_room = fm.horizontalAdvance(title) + 4 * margin
        needed = max(view.sizeHintForColumn(column), title_room)
        if width < needed:
            cut[column.name] = (width, needed)

    assert view.horizontalScrollBar().value() == 0
    assert not outside, f"columns past the board's right edge (left, right, viewport): {outside}"
    assert not cut, f"columns too narrow for their words (width, needed): {cut}"
