"""The request timeline panel: the ledger's story of one request, in either language."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from console.core.errors import NotFound
from console.core.ports import TimelineEntry
from console.ui.i18n import install_language
from console.ui.labels import EVENT_KIND_LABELS, event_kind_label
from console.ui.timeline_panel import SEQ_ROLE, RequestTimelinePanel, format_event_time

SHANGHAI = ZoneInfo("Asia/Shanghai")
T0 = datetime(2026, 11, 23, 2, 0, 5, tzinfo=UTC)  # 10:00:05 in Beijing


def entry(seq: int, kind: str, minutes: int = 0, **payload: object) -> TimelineEntry:
    return TimelineEntry(seq, T0 + timedelta(minutes=minutes), "console:wang", kind, None, payload)


STORY = [
    entry(3, "request.created", reference="RA-20261123-0001", warnings=[]),
    entry(4, "request.triage", 1, reference="RA-20261123-0001", from_status="NEW",
          to_status="TRIAGE"),
    entry(6, "request.queued", 2, reference="RA-20261123-0001", from_status="TRIAGE",
          to_status="QUEUED"),
    entry(9, "request.assigned", 3, reference="RA-20261123-0001", crew="HZ-01", eta_minutes=18),
    entry(12, "request.reassigned", 5, reference="RA-20261123-0001", crew="HZ-03",
          from_crew="HZ-01", reason="closer crew free", eta_minutes=9),
    entry(15, "request.cancelled", 9, reference="RA-20261123-0001", from_status="ASSIGNED",
          to_status="CANCELLED", reason="caller left"),
]  # fmt: skip


class FakeTimelineSource:
    """An in-memory :class:`console.core.ports.TimelineSource`."""

    def __init__(self) -> None:
        self.timelines: dict[int, list[TimelineEntry]] = {1: list(STORY)}
        self.failure: Exception | None = None
        self.calls: list[int] = []

    def timeline(self, request_id: int) -> list[TimelineEntry]:
        self.calls.append(request_id)
        if self.failure is not None:
            raise self.failure
        return list(self.timelines.get(request_id, []))


@pytest.fixture
def source() -> FakeTimelineSource:
    return FakeTimelineSource()


@pytest.fixture
def panel(qtbot: QtBot, source: FakeTimelineSource) -> RequestTimelinePanel:
    widget = RequestTimelinePanel(source, tz=SHANGHAI)
    qtbot.addWidget(widget)
    widget.show()
    return widget


def rows(panel: RequestTimelinePanel) -> list[list[str]]:
    tree = panel.tree
    return [
        [tree.topLevelItem(r).text(c) for c in range(tree.columnCount())]
        for r in range(tree.topLevelItemCount())
    ]


def headers(panel: RequestTimelinePanel) -> list[str]:
    item = panel.tree.headerItem()
    return [item.text(c) for c in range(panel.tree.columnCount())]


def test_without_a_request_the_panel_invites_a_selection(
    panel: RequestTimelinePanel, source: FakeTimelineSource
) -> None:
    panel.show_request(None)
    assert rows(panel) == []
    assert panel.message.text() == "Select a request to see its history."
    assert source.calls == []


def test_it_lists_every_event_oldest_first_with_time_actor_kind_and_details(
    panel: RequestTimelinePanel,
) -> None:
    panel.show_request(1)
    shown = rows(panel)
    assert panel.title.text() == "History of RA-20261123-0001"
    assert [r[2] for r in shown] == [
        "Request created", "Triage started", "Queued for a crew", "Crew assigned",
        "Crew reassigned", "Request cancelled",
    ]  # fmt: skip
    assert shown[0][0] == "23/11/2026 10:00:05", "local time, date in the locale's short form"
    assert {r[1] for r in shown} == {"console:wang"}
    assert shown[0][3] == "Reference RA-20261123-0001"
    assert shown[1][3] == "New → Triage"
    assert shown[3][3] == "Crew HZ-01 · ETA 18 min"
    assert shown[4][3] == "Previous crew HZ-01 · Crew HZ-03 · ETA 9 min · Reason: closer crew free"
    assert shown[5][3] == "Assigned → Cancelled · Reason: caller left"
    tree = panel.tree
    assert [tree.topLevelItem(r).data(0, SEQ_ROLE) for r in range(len(shown))] == [
        3, 4, 6, 9, 12, 15,
    ]  # fmt: skip
    assert panel.message.text() == ""


def test_the_panel_speaks_chinese_after_a_language_switch(
    panel: RequestTimelinePanel, qapp: QApplication, qtbot: QtBot
) -> None:
    panel.show_request(1)
    install_language(qapp, "zh")
    qtbot.waitUntil(lambda: headers(panel)[0] == "时间")
    shown = rows(panel)
    assert headers(panel) == ["时间", "操作人", "事件", "详情"]
    assert panel.title.text() == "工单 RA-20261123-0001 的记录"
    assert shown[3][2] == "已指派救援车组"
    assert shown[3][3] == "救援车组 HZ-01 · 预计 18 分钟到达"
    assert shown[5][3] == "已指派 → 已取消 · 原因：caller left"
    assert shown[0][0] == "2026/11/23 10:00:05"
    install_language(qapp, "en")
    qtbot.waitUntil(lambda: headers(panel)[0] == "Time")
    assert rows(panel)[3][2] == "Crew assigned"


def test_every_event_kind_has_a_chinese_label(qapp: QApplication) -> None:
    install_language(qapp, "zh")
    for kind, english in EVENT_KIND_LABELS.items():
        assert event_kind_label(kind) != english, kind


def test_an_unknown_kind_shows_its_code_and_odd_payloads_do_no_harm(
    panel: RequestTimelinePanel, source: FakeTimelineSource
) -> None:
    source.timelines[2] = [
        entry(1, "dispatch.something_new", eta_minutes="soon", from_status="LIMBO", to_status=3),
        entry(2, "request.created", warnings=["coord.outside_service_area"]),
    ]
    panel.show_request(2)
    shown = rows(panel)
    assert shown[0][2] == "dispatch.something_new"
    assert shown[0][3] == "LIMBO → 3"
    assert shown[1][3] == "Warning: the location is outside the service area"
    assert panel.title.text() == "History"


def test_a_request_without_events_says_so(panel: RequestTimelinePanel) -> None:
    panel.show_request(99)
    assert rows(panel) == []
    assert panel.message.text() == "No events are recorded for this request."


def test_a_failing_source_leaves_a_message_and_recovers(
    panel: RequestTimelinePanel, source: FakeTimelineSource
) -> None:
    panel.show_request(1)
    source.failure = ConnectionError("database went away")
    panel.refresh()
    assert rows(panel) == []
    assert "cannot be reached" in panel.message.text()
    source.failure = NotFound("not_found.request", key=1)
    panel.refresh()
    assert panel.message.text() == "There is no request 1."
    source.failure = None
    source.timelines[1].append(entry(20, "request.completed"))
    panel.refresh()
    assert len(rows(panel)) == len(STORY) + 1
    assert panel.message.text() == ""


def test_event_times_follow_the_locale(qapp: QApplication) -> None:
    assert format_event_time(T0, SHANGHAI) == "23/11/2026 10:00:05"
    assert format_event_time(T0, UTC) == "23/11/2026 02:00:05"
    install_language(qapp, "zh")
    assert format_event_time(T0, SHANGHAI) == "2026/11/23 10:00:05"


def test_a_guided_call_names_its_protocol_in_the_panel_language(
    panel: RequestTimelinePanel, source: FakeTimelineSource, qapp: QApplication, qtbot: QtBot
) -> None:
    guided = entry(20, "request.guided", 1, reference="RA-20261123-0002",
                   guidance={"code": "R01-A-2", "protocol": "battery", "path": []})  # fmt: skip
    source.timelines[2] = [guided]
    panel.show_request(2)
    assert rows(panel)[0][3] == "Guidance R01-A-2 (No-start / battery)"
    install_language(qapp, "zh")
    qtbot.waitUntil(lambda: headers(panel)[0] == "时间")
    details = rows(panel)[0][3]
    assert details == "远程指导 R01-A-2（无法启动 / 电瓶亏电）"
    assert not any("a" <= c <= "z" for c in details), "no untranslated protocol id"
    install_language(qapp, "en")
