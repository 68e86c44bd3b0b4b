"""Guard rails as the dispatcher meets them: late crews, far-away "on scene", one question
on completion, and only the actions that fit the job, in English and Chinese."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

import pytest
from PySide6.QtCore import QEvent, QSettings, QTimer
from PySide6.QtWidgets import QApplication, QLabel, QMessageBox, QPushButton
from pytestqt.qtbot import QtBot

from console.core.capability import Needs
from console.core.dispatch import Reason, Suggestion, SuggestionResult
from console.core.errors import IllegalTransition
from console.core.guards import ArrivalWarning, available_actions
from console.core.records import RequestRow
from console.core.vocab import (
    CrewStatus,
    Priority,
    RequestStatus,
    RoadType,
    ServiceType,
    VehicleKind,
)
from console.ui.i18n import install_language
from console.ui.labels import error_text, label
from console.ui.queue_model import Column, RequestQueueModel, SlaState, sla_state
from console.ui.request_detail import REQUEST_ACTIONS, Confirmation, RequestDetailPanel
from console.ui.suggestion_panel import SuggestionPanel
from tests.ui.conftest import T0, FakeClock, FakeQueueSource, crew_row, request_row

S = RequestStatus
LANGUAGES = ["en", "zh"]

# ----------------------------------------------------------------- late crews


def suggestion(crew_id: int, eta: int, *, free_in: int | None = None) -> Suggestion:
    return Suggestion(
        rank=crew_id, crew_id=crew_id, call_sign=f"HZ-{crew_id:02d}", crew_version=1,
        vehicle_kind=VehicleKind.FLATBED, eta_minutes=eta, distance_km=eta * 0.9,
        score=float(eta), free_in_minutes=free_in, stale_gps=False,
        reasons=(Reason("distance_km", round(eta * 0.9)), Reason("eta_min", eta)),
    )  # fmt: skip


class AdvisingSource(FakeQueueSource):
    """The fake backend with a dispatch advisor that suggests given crews."""

    def __init__(self, suggestions: tuple[Suggestion, ...], **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self.suggestions = suggestions
        self.assigned: list[tuple[int, int, int | None]] = []

    def suggest(self, request_id: int, limit: int = 5) -> SuggestionResult:
        needs = Needs(False, frozenset({VehicleKind.FLATBED}), frozenset(), frozenset(), ())
        return SuggestionResult(request_id, False, needs, self.suggestions[:limit])

    def propose(self) -> object:
        raise NotImplementedError

    def assign(
        self,
        request_id: int,
        crew_id: int,
        *,
        expected_crew_version: int | None = None,
        eta_minutes: int | None = None,
    ) -> RequestRow:
        self.assigned.append((request_id, crew_id, eta_minutes))
        return super().assign(request_id, crew_id, eta_minutes=eta_minutes)


def p1_expressway() -> RequestRow:
    """The reported case: P1 on the expressway, queued a minute ago, 60 min to arrive."""
    return request_row(
        7, priority=Priority.P1, road_type=RoadType.EXPRESSWAY,
        queued_at=T0 - timedelta(minutes=1), arrive_due_at=T0 + timedelta(minutes=59),
    )  # fmt: skip


def settle(qtbot: QtBot, panel: SuggestionPanel) -> None:
    """Wait for the fresh suggestions after an assignment, and let the old rows' Assign
    buttons (retired with deleteLater) go before the panel is closed."""
    qtbot.waitUntil(lambda: not panel.loading)
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    QApplication.processEvents()


@pytest.fixture
def late_source() -> AdvisingSource:
    """HZ-01 would take 77 min; HZ-02, free, 52 min."""
    return AdvisingSource(
        (suggestion(1, 77), suggestion(2, 52)),
        rows=[p1_expressway()],
        crews=[crew_row(1), crew_row(2)],
    )


@pytest.fixture
def suggestions(qtbot: QtBot, late_source: AdvisingSource, clock: FakeClock) -> SuggestionPanel:
    panel = SuggestionPanel(late_source, clock=clock)  # type: ignore[arg-type]
    qtbot.addWidget(panel)
    panel.resize(700, 400)
    panel.show()
    with qtbot.waitSignal(panel.sig_loaded):
        panel.show_request(7)
    return panel


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_late_crew_is_marked_in_the_list(
    suggestions: SuggestionPanel, qapp: QApplication, language: str
) -> None:
    install_language(qapp, language)
    QApplication.processEvents()  # the language change reaches the panel
    late, on_time = suggestions.table.item(0, 1), suggestions.table.item(1, 1)
    assert late.text() == {"en": "77 (+18 late)", "zh": "77（超时 18 分钟）"}[language]
    assert not late.icon().isNull()
    assert (
        late.toolTip()
        == {
            "en": "ETA exceeds the arrival target by 18 min",
            "zh": "预计到达超出到场时限 18 分钟",
        }[language]
    )
    assert on_time.text() == "52" and on_time.icon().isNull() and not on_time.toolTip()
    # The marked cell shows its whole text.
    column = suggestions.table.columnWidth(1)
    assert suggestions.table.fontMetrics().horizontalAdvance(late.text()) < column


@pytest.mark.parametrize("language", LANGUAGES)
def test_assigning_a_late_crew_names_the_overrun_and_the_better_crew(
    suggestions: SuggestionPanel, late_source: AdvisingSource, qapp: QApplication, language: str
) -> None:
    install_language(qapp, language)
    asked: list[ArrivalWarning] = []

    def keep_waiting(_row: RequestRow, warning: ArrivalWarning) -> Suggestion | None:
        asked.append(warning)
        return None

    suggestions.ask_late = keep_waiting
    suggestions.assign_first()  # Ctrl+Return
    assert len(asked) == 1
    warning = asked[0]
    assert (warning.chosen.call_sign, warning.overrun_minutes) == ("HZ-01", 18)
    assert warning.alternative is not None and warning.alternative.call_sign == "HZ-02"
    assert late_source.assigned == []  # nothing assigned while the dispatcher thinks
    text = suggestions.late_text(p1_expressway(), warning)
    if language == "en":
        assert "HZ-01 would arrive in 77 min: 18 min after the arrival target" in text
        assert "Best alternative: HZ-02, ETA 52 min, within the target." in text
    else:
        assert "HZ-01 预计 77 分钟到达，比 RA-20261123-0007 的到场时限晚 18 分钟。" in text
        assert "最佳替代：HZ-02，预计 52 分钟到达，满足时限。" in text


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_better_crew_can_be_taken_from_the_question(
    suggestions: SuggestionPanel, late_source: AdvisingSource, qapp: QApplication, qtbot: QtBot,
    language: str,
) -> None:  # fmt: skip
    install_language(qapp, language)
    instead_text = {"en": "Assign HZ-02 instead", "zh": "改派 HZ-02"}[language]
    seen: list[QMessageBox] = []

    def take_the_alternative() -> None:
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox)
        seen.append(box)
        # The question fits a 1366x768 screen less the title bar and taskbar, text whole.
        assert box.width() <= 1366 and box.height() <= 688
        body = box.findChild(QLabel, "qt_msgbox_label")
        assert body is not None and body.heightForWidth(body.width()) <= body.height()
        instead = next(b for b in box.buttons() if b.text() == instead_text)
        assert box.defaultButton() is instead  # Enter takes the better crew
        instead.click()

    QTimer.singleShot(0, take_the_alternative)
    button = suggestions.table.cellWidget(0, SuggestionPanel.BUTTON_COLUMN)
    assert isinstance(button, QPushButton)
    button.click()
    settle(qtbot, suggestions)  # fresh suggestions after assigning
    assert len(seen) == 1
    assert late_source.assigned == [(7, 2, 52)]
    assert suggestions.status.text() == {"en": "Crew assigned.", "zh": "已指派车组。"}[language]


def test_a_busy_alternative_is_named_but_not_offered_for_assignment(
    qtbot: QtBot, clock: FakeClock
) -> None:
    source = AdvisingSource(
        (suggestion(1, 77), suggestion(2, 52, free_in=10)),
        rows=[p1_expressway()],
        crews=[crew_row(1), crew_row(2, status=CrewStatus.ON_SCENE, current_request_id=99)],
    )
    panel = SuggestionPanel(source, clock=clock)  # type: ignore[arg-type]
    qtbot.addWidget(panel)
    with qtbot.waitSignal(panel.sig_loaded):
        panel.show_request(7)
    seen: list[tuple[str, list[str], str]] = []

    def keep_waiting() -> None:
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox)
        seen.append((box.text(), [b.text() for b in box.buttons()], box.defaultButton().text()))
        box.reject()

    QTimer.singleShot(0, keep_waiting)
    panel.assign_first()
    text, buttons, default = seen[0]
    assert "Best alternative: HZ-02 (free in ~10 min), ETA 52 min, within the target." in text
    assert "Assign HZ-02 instead" not in buttons and "Assign HZ-01 anyway" in buttons
    assert default == "Cancel"
    assert source.assigned == []


@pytest.mark.parametrize("language", LANGUAGES)
def test_after_a_late_assignment_the_countdown_shows_the_late_arrival(
    suggestions: SuggestionPanel, late_source: AdvisingSource, clock: FakeClock, qtbot: QtBot,
    language: str,
) -> None:  # fmt: skip
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    install_language(app, language)
    suggestions.ask_late = lambda _row, warning: warning.chosen  # "assign anyway"
    suggestions.assign_first()
    settle(qtbot, suggestions)
    assert late_source.assigned == [(7, 1, 77)]
    assert (
        suggestions.status.text()
        == {
            "en": "Crew assigned; its ETA exceeds the target by 18 min.",
            "zh": "已指派车组；预计到达超出时限 18 分钟。",
        }[language]
    )
    row = late_source.request(7)
    assert row is not None and row.status is S.ASSIGNED

    # The queue: 59 minutes are left, yet the SLA cell is at risk and says why.
    model = RequestQueueModel(clock)
    model.apply(late_source.open_requests())
    position = model.position_of(7)
    assert position is not None
    assert sla_state(row, clock()) is SlaState.AT_RISK
    sla = model.index(position, Column.SLA)
    assert model.data(sla) == "59:00"
    expected = {"en": "ETA exceeds target by 18 min", "zh": "预计到达超出时限 18 分钟"}[language]
    assert model.data(sla, 3).split("\n")[-1] == expected  # ToolTipRole, after the deadline
    eta = model.index(position, Column.ETA)
    assert model.data(eta, 3) == expected
    assert model.data(eta, 1) is not None  # a warning icon beside the ETA

    # The detail says it beside the arrival target.
    detail = RequestDetailPanel(late_source, clock)
    qtbot.addWidget(detail)
    detail.show_request(7)
    assert detail.values["arrive_due"].text() == f"08:59:00 · {expected}"


def test_an_on_time_crew_is_assigned_without_a_question(qtbot: QtBot, clock: FakeClock) -> None:
    source = AdvisingSource((suggestion(1, 40),), rows=[p1_expressway()], crews=[crew_row(1)])
    panel = SuggestionPanel(source, clock=clock)  # type: ignore[arg-type]
    qtbot.addWidget(panel)
    panel.show()
    with qtbot.waitSignal(panel.sig_loaded):
        panel.show_request(7)

    def never(_row: RequestRow, _warning: ArrivalWarning) -> Suggestion | None:
        raise AssertionError("asked about an on-time crew")

    panel.ask_late = never
    panel.assign_first()
    settle(qtbot, panel)
    assert source.assigned == [(7, 1, 40)]
    row = source.request(7)
    assert row is not None and sla_state(row, clock()) is SlaState.ON_TRACK


# ----------------------------------------------------------------- on scene


def en_route_with_crew_at(lat: float, lon: float, fix_age: timedelta) -> FakeQueueSource:
    crew = crew_row(1, lat=lat, lon=lon, gps_at=T0 - fix_age, status=CrewStatus.EN_ROUTE,
                    current_request_id=3)  # fmt: skip
    row = request_row(3, status=S.EN_ROUTE, assigned_crew_id=1, assigned_crew_call_sign="HZ-01",
                      eta_minutes=20, assigned_at=T0 - timedelta(minutes=5))  # fmt: skip
    return FakeQueueSource(rows=[row], crews=[crew])


def detail_for(qtbot: QtBot, source: FakeQueueSource, clock: FakeClock, request_id: int
               ) -> tuple[RequestDetailPanel, list[Confirmation]]:  # fmt: skip
    panel = RequestDetailPanel(source, clock)
    qtbot.addWidget(panel)
    asked: list[Confirmation] = []

    def answer_no(question: Confirmation) -> bool:
        asked.append(question)
        return False

    panel.confirm = answer_no
    panel.show_request(request_id)
    return panel, asked


@pytest.mark.parametrize("language", LANGUAGES)
def test_on_scene_98_km_away_asks_with_the_distance_and_the_fix_age(
    qtbot: QtBot, clock: FakeClock, qapp: QApplication, language: str
) -> None:
    install_language(qapp, language)
    source = en_route_with_crew_at(31.1513, 120.15, timedelta(seconds=9))  # 98 km north
    panel, asked = detail_for(qtbot, source, clock, 3)
    panel.actions_by_key["on_scene"].trigger()
    assert len(asked) == 1 and asked[0].key == "on_scene" and asked[0].warning
    assert source.moves == []  # "No": the crew is still en route
    text = asked[0].text
    if language == "en":
        assert "HZ-01's last GPS fix is 98.0 km from the scene (fix 9 s old)." in text
        assert "Mark RA-20261123-0003 on scene anyway?" in text
    else:
        assert "HZ-01 最近一次 GPS 定位距现场 98.0 公里（定位于 9 秒前）。" in text
        assert "仍将 RA-20261123-0003 标记为已到场？" in text

    panel.confirm = lambda _question: True  # the dispatcher knows better
    panel.actions_by_key["on_scene"].trigger()
    assert source.moves == [(3, S.ON_SCENE, "")]


def test_on_scene_near_the_request_does_not_ask(qtbot: QtBot, clock: FakeClock) -> None:
    source = en_route_with_crew_at(30.274, 120.152, timedelta(minutes=1))  # ~0.5 km away
    panel, asked = detail_for(qtbot, source, clock, 3)
    panel.actions_by_key["on_scene"].trigger()
    assert asked == []
    assert source.moves == [(3, S.ON_SCENE, "")]


def test_on_scene_without_any_fix_asks(qtbot: QtBot, clock: FakeClock) -> None:
    source = en_route_with_crew_at(30.27, 120.15, timedelta(0))
    source.upsert_crews(replace(source.crew_rows[1], gps_at=None))
    panel, asked = detail_for(qtbot, source, clock, 3)
    panel.actions_by_key["on_scene"].trigger()
    assert [q.text.split("\n")[0] for q in asked] == [
        "HZ-01 has no GPS fix, so its position is not known."
    ]


def test_the_real_question_defaults_to_no(qtbot: QtBot, clock: FakeClock) -> None:
    source = en_route_with_crew_at(30.95, 120.62, timedelta(hours=2, minutes=5))
    panel = RequestDetailPanel(source, clock)
    qtbot.addWidget(panel)
    panel.show_request(3)
    seen: list[tuple[str, str]] = []

    def press_enter() -> None:
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox)
        seen.append((box.text(), box.defaultButton().text()))
        box.defaultButton().click()

    QTimer.singleShot(0, press_enter)
    panel.actions_by_key["on_scene"].trigger()
    assert seen and "(fix 2 h 05 min old)" in seen[0][0]
    assert seen[0][1] in ("&No", "No")
    assert source.moves == []


# ----------------------------------------------------------------- completion


@pytest.mark.parametrize("language", LANGUAGES)
def test_completion_asks_exactly_once(
    qtbot: QtBot, clock: FakeClock, qapp: QApplication, language: str
) -> None:
    install_language(qapp, language)
    crew = crew_row(1, status=CrewStatus.ON_SCENE, current_request_id=4)
    source = FakeQueueSource(
        rows=[request_row(4, status=S.ON_SCENE, service_type=ServiceType.JUMP_START,
                          assigned_crew_id=1, assigned_crew_call_sign="HZ-01")],
        crews=[crew],
    )  # fmt: skip
    panel = RequestDetailPanel(source, clock)
    qtbot.addWidget(panel)
    asked: list[Confirmation] = []

    def answer_yes(question: Confirmation) -> bool:
        asked.append(question)
        return True

    panel.confirm = answer_yes
    panel.show_request(4)
    panel.actions_by_key["complete"].trigger()
    assert len(asked) == 1
    assert (
        asked[0].text
        == {
            "en": "Complete RA-20261123-0004? HZ-01 becomes free for the next job.",
            "zh": "完成工单 RA-20261123-0004？ HZ-01 将转为空闲，可接下一单。",
        }[language]
    )
    assert source.moves == [(4, S.COMPLETED, "")]


def test_declining_completion_leaves_the_job_open(qtbot: QtBot, clock: FakeClock) -> None:
    source = FakeQueueSource(rows=[request_row(4, status=S.TOWING)])
    panel, asked = detail_for(qtbot, source, clock, 4)
    panel.actions_by_key["complete"].trigger()
    assert len(asked) == 1 and source.moves == []


# ----------------------------------------------------------------- actions that fit


@pytest.mark.parametrize("service", list(ServiceType))
@pytest.mark.parametrize("status", list(RequestStatus))
def test_the_buttons_shown_are_the_actions_that_fit(
    qtbot: QtBot, clock: FakeClock, status: RequestStatus, service: ServiceType
) -> None:
    panel = RequestDetailPanel(FakeQueueSource(), clock)
    qtbot.addWidget(panel)
    panel.show()
    row = request_row(1, status=status, service_type=service)
    panel.show_row(row)
    shown = {spec.key for spec in REQUEST_ACTIONS if panel._buttons[spec.key].isVisible()}
    enabled = {key for key, action in panel.actions_by_key.items() if action.isEnabled()}
    expected = {action.value for action in available_actions(row)}
    assert shown == enabled == expected


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_jump_start_on_scene_offers_no_tow(
    qtbot: QtBot, clock: FakeClock, qapp: QApplication, language: str
) -> None:
    install_language(qapp, language)
    source = FakeQueueSource(
        rows=[request_row(5, status=S.ON_SCENE, service_type=ServiceType.JUMP_START)]
    )
    panel = RequestDetailPanel(source, clock)
    qtbot.addWidget(panel)
    panel.resize(900, 500)
    panel.show()
    panel.show_request(5)
    shown = [button for button in panel._buttons.values() if button.isVisible()]
    texts = {button.defaultAction().text() for button in shown}
    assert (
        texts
        == {
            "en": {"Complete", "Cancel request…"},
            "zh": {"完成", "取消工单…"},
        }[language]
    )
    tow = panel.actions_by_key["tow"]
    assert not tow.isEnabled()
    tow.trigger()  # the menu entry and Ctrl+Shift+W are the same disabled action
    assert source.moves == []


# ----------------------------------------------------------------- the window's menu and keys


def test_the_request_menu_and_its_shortcuts_offer_only_what_fits(
    qtbot: QtBot, clock: FakeClock, qsettings: QSettings
) -> None:
    from tests.ui.test_workspace import open_window, press

    far = crew_row(1, lat=31.1513, lon=120.15, status=CrewStatus.EN_ROUTE, current_request_id=2)
    source = FakeQueueSource(
        rows=[
            request_row(1, status=S.ON_SCENE, service_type=ServiceType.JUMP_START),
            request_row(2, status=S.EN_ROUTE, assigned_crew_id=1, assigned_crew_call_sign="HZ-01"),
            request_row(3, status=S.ON_SCENE, service_type=ServiceType.TOW),
        ],
        crews=[far],
    )
    window = open_window(qtbot, source, clock, qsettings)
    qtbot.waitUntil(lambda: window.model.rowCount() == 3, timeout=3000)
    menu = {a.text(): a for a in window.request_menu.actions() if a.text()}

    window.select_request(1)  # a jump start on scene
    assert not menu["Start tow"].isEnabled() and menu["Complete"].isEnabled()
    window.view.setFocus()
    press(qtbot, window, "Ctrl+Shift+W")
    assert source.moves == []

    window.select_request(3)  # a tow on scene
    assert menu["Start tow"].isEnabled()

    asked: list[Confirmation] = []
    window.detail.confirm = lambda question: asked.append(question) is not None
    window.select_request(2)  # en route, the crew 98 km away
    window.view.setFocus()
    press(qtbot, window, "Ctrl+Shift+S")
    assert [q.key for q in asked] == ["on_scene"]
    assert "98.0 km from the scene" in asked[0].text
    assert source.moves == []


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_refused_tow_on_a_jump_start_is_explained(qapp: QApplication, language: str) -> None:
    install_language(qapp, language)
    refused = IllegalTransition("lifecycle.service_mismatch", service="JUMP_START",
                                to_status="TOWING")  # fmt: skip
    service, status = label(ServiceType.JUMP_START), label(S.TOWING)
    assert (
        error_text(refused)
        == {
            "en": "A Jump start request cannot move to Towing.",
            "zh": f"“{service}”工单不能变更为“{status}”。",
        }[language]
    )
    if language == "zh":
        assert service == "搭电"


def test_ctrl_return_in_the_window_asks_about_a_late_crew(
    qtbot: QtBot, late_source: AdvisingSource, clock: FakeClock, qsettings: QSettings
) -> None:
    from tests.ui.test_workspace import open_window, press

    window = open_window(qtbot, late_source, clock, qsettings)
    qtbot.waitUntil(lambda: window.model.position_of(7) is not None, timeout=3000)
    panel = window.findChild(SuggestionPanel)
    assert panel is not None
    asked: list[ArrivalWarning] = []
    panel.ask_late = lambda _row, warning: asked.append(warning)  # type: ignore[func-returns-value]
    window.select_request(7)
    qtbot.waitUntil(lambda: panel.result is not None and len(panel.result.suggestions) == 2)
    window.view.setFocus()
    press(qtbot, window, "Ctrl+Return")
    assert [(w.chosen.call_sign, w.overrun_minutes) for w in asked] == [("HZ-01", 18)]
    assert asked[0].alternative is not None and asked[0].alternative.call_sign == "HZ-02"
    assert late_source.assigned == []


def test_a_request_still_in_triage_is_marked_against_its_sla_target(
    qtbot: QtBot, clock: FakeClock
) -> None:
    # Not queued yet: no due time stored; P1 expressway gets 60 min from the SLA configuration.
    triage = replace(p1_expressway(), status=S.TRIAGE, queued_at=None, arrive_due_at=None)
    source = AdvisingSource((suggestion(1, 77), suggestion(2, 52)), rows=[triage])
    panel = SuggestionPanel(source, clock=clock)  # type: ignore[arg-type]
    qtbot.addWidget(panel)
    with qtbot.waitSignal(panel.sig_loaded):
        panel.show_request(7)
    assert [panel.table.item(r, 1).text() for r in range(2)] == ["77 (+17 late)", "52"]


def test_the_console_checks_on_scene_against_the_crews_it_already_holds(
    qtbot: QtBot, clock: FakeClock, qsettings: QSettings, monkeypatch: pytest.MonkeyPatch
) -> None:
    from console.ui.app import build_main_window

    source = FakeQueueSource([request_row(1)], [crew_row(1), crew_row(2)])
    window = build_main_window(source, "en", clock, settings=qsettings, poll_ms=50)
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: window.crew_model.rowCount() == 2, timeout=3000)

    def no_fleet_read() -> list[object]:
        raise AssertionError("the whole fleet was read for one crew")

    monkeypatch.setattr(source, "crews", no_fleet_read)
    found = window.detail.find_crew(2)
    assert found is not None and found.id == 2
    assert window.detail.find_crew(99) is None
