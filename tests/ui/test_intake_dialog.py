"""Call intake: protocol order, derived priority, inline checks and the kept draft."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import Engine

from console.core.errors import IllegalTransition
from console.core.records import RequestRow
from console.core.vocab import Priority, RequestStatus, RoadType, ServiceType
from console.db.backend import DatabaseBackend
from console.ui.i18n import install_language
from console.ui.intake_dialog import IntakeDialog, draft_key
from tests.support.workspace import open_backend, seeded_sqlite
from tests.ui.conftest import DEPOTS, FakeClock, FakeQueueSource


@pytest.fixture
def database(tmp_path: Path) -> Iterator[tuple[Engine, DatabaseBackend]]:
    """A real backend on a seeded SQLite file (no demo requests)."""
    engine, backend = open_backend(seeded_sqlite(tmp_path, requests=0), "dispatcher:intake")
    yield engine, backend
    engine.dispose()


def make_dialog(
    qtbot: QtBot, backend: object, settings: QSettings, clock: FakeClock
) -> IntakeDialog:
    dialog = IntakeDialog(
        backend,  # type: ignore[arg-type]
        settings,
        depots=DEPOTS,
        clock=clock,
    )
    qtbot.addWidget(dialog)
    with qtbot.waitExposed(dialog):
        dialog.show()
    return dialog


def choose(dialog: IntakeDialog, key: str, code: str) -> None:
    combo = dialog.choices[key]
    index = combo.findData(code)
    assert index >= 0, code
    combo.setCurrentIndex(index)


def test_happy_path_creates_a_queued_p1_request(
    qtbot: QtBot,
    database: tuple[Engine, DatabaseBackend],
    qsettings: QSettings,
    clock: FakeClock,
) -> None:
    _engine, backend = database
    dialog = make_dialog(qtbot, backend, qsettings, clock)
    assert dialog.derived().priority is Priority.P2

    qtbot.mouseClick(dialog.checks["live_lane"], Qt.MouseButton.LeftButton)
    qtbot.keyClicks(dialog.texts["phone"], "138 1234 5678")
    # QTest can only type Latin-1 keys; Chinese text is pasted, as an IME would commit it.
    dialog.texts["name"].setText("王磊")
    dialog.city.setCurrentIndex(dialog.city.findData("杭州"))
    qtbot.keyClicks(dialog.texts["lat"], "30.31")
    qtbot.keyClicks(dialog.texts["lon"], "120.05")
    dialog.texts["address"].setText("绕城高速 K12+300")
    choose(dialog, "road", RoadType.EXPRESSWAY)
    dialog.texts["plate"].setText("浙a·12345")
    choose(dialog, "service", ServiceType.TOW)

    assert dialog.priority_label.text() == (
        "P1 — Vehicle stopped in a live lane; Vehicle on an expressway"
    )
    assert dialog.safety_advice.isVisible()
    with qtbot.waitSignal(dialog.sig_request_created, timeout=5000) as created:
        qtbot.mouseClick(dialog.create_button, Qt.MouseButton.LeftButton)
    row = created.args[0]
    assert isinstance(row, RequestRow)
    assert row.status is RequestStatus.QUEUED
    assert row.priority is Priority.P1
    assert row.priority_reason == "Vehicle stopped in a live lane; Vehicle on an expressway"
    assert row.caller_phone == "13812345678"
    assert row.plate == "浙A12345"
    assert row.city == "杭州"
    assert row.road_type is RoadType.EXPRESSWAY
    assert row.assign_due_at is not None
    stored = backend.request(row.id)
    assert stored is not None
    assert stored.status is RequestStatus.QUEUED
    assert dialog.result() == dialog.DialogCode.Accepted
    assert not qsettings.contains(draft_key(""))


def test_fixed_by_phone_is_resolved_remotely(
    qtbot: QtBot,
    database: tuple[Engine, DatabaseBackend],
    qsettings: QSettings,
    clock: FakeClock,
) -> None:
    _engine, backend = database
    dialog = make_dialog(qtbot, backend, qsettings, clock)
    dialog.texts["phone"].setText("0571-87654321")
    dialog.set_location(30.27, 120.15)
    choose(dialog, "service", ServiceType.JUMP_START)
    dialog.checks["resolved"].setChecked(True)
    row = dialog.submit()
    assert row is not None
    assert row.status is RequestStatus.RESOLVED_REMOTELY
    assert backend.open_requests().requests == ()


def test_invalid_phone_and_coordinates_show_inline_and_create_nothing(
    qtbot: QtBot,
    database: tuple[Engine, DatabaseBackend],
    qsettings: QSettings,
    clock: FakeClock,
) -> None:
    _engine, backend = database
    before = backend.revision()
    dialog = make_dialog(qtbot, backend, qsettings, clock)
    qtbot.keyClicks(dialog.texts["phone"], "12345")
    qtbot.keyClicks(dialog.texts["lat"], "north")
    qtbot.keyClicks(dialog.texts["lon"], "500")
    qtbot.mouseClick(dialog.create_button, Qt.MouseButton.LeftButton)

    phone_error = dialog.errors["phone"]
    coord_error = dialog.errors["coordinates"]
    assert phone_error.isVisible()
    assert phone_error.text().startswith("Phone number 12345 is not valid")
    assert coord_error.isVisible()
    assert "Latitude must be a number." in coord_error.text()
    assert "Longitude 500.0 is outside -180 to 180." in coord_error.text()
    assert dialog.form_error.text() == "Please correct the marked fields."
    assert dialog.isVisible()
    assert dialog.created is None
    assert dialog.focusWidget() is dialog.texts["phone"]
    assert backend.revision() == before

    # Fixing the fields clears the messages on the next try.
    dialog.texts["phone"].setText("13812345678")
    dialog.set_location(30.27, 120.15)
    assert dialog.submit() is not None
    assert not phone_error.isVisible()


def test_override_needs_a_reason(
    qtbot: QtBot, fake_source: FakeQueueSource, qsettings: QSettings, clock: FakeClock
) -> None:
    dialog = make_dialog(qtbot, fake_source, qsettings, clock)
    dialog.texts["phone"].setText("13812345678")
    dialog.set_location(30.27, 120.15)
    dialog.checks["vulnerable"].setChecked(True)
    assert not dialog.choices["override_priority"].isEnabled()
    dialog.checks["override"].setChecked(True)
    assert dialog.choices["override_priority"].isEnabled()
    choose(dialog, "override_priority", Priority.P2)
    assert dialog.submit() is None
    assert dialog.errors["override_reason"].text() == "A reason is required."

    dialog.texts["override_reason"].setText("Passenger is the caller's adult son")
    row = dialog.submit()
    assert row is not None
    assert row.priority is Priority.P2
    assert row.priority_reason == "Override P1->P2: Passenger is the caller's adult son"


def test_an_accidentally_closed_intake_is_offered_back(
    qtbot: QtBot, fake_source: FakeQueueSource, qsettings: QSettings, clock: FakeClock
) -> None:
    first = make_dialog(qtbot, fake_source, qsettings, clock)
    assert not first.draft_offered
    first.checks["injuries"].setChecked(True)
    qtbot.keyClicks(first.texts["phone"], "139 0000 1111")
    first.city.setCurrentIndex(first.city.findData("上海"))
    first.notes.setPlainText("Caller on the hard shoulder, child in the back")
    choose(first, "road", RoadType.EXPRESSWAY)
    first.close()  # e.g. the window's close button, or Esc
    assert qsettings.contains(draft_key(""))

    second = make_dialog(qtbot, fake_source, qsettings, clock)
    assert second.draft_offered
    assert second.draft_banner.isVisible()
    assert "08:00" in second.draft_text.text()
    assert second.texts["phone"].text() == ""
    qtbot.mouseClick(second.restore_button, Qt.MouseButton.LeftButton)
    assert not second.draft_banner.isVisible()
    assert second.texts["phone"].text() == "139 0000 1111"
    assert second.checks["injuries"].isChecked()
    assert second.city.currentData() == "上海"
    assert second.notes.toPlainText() == "Caller on the hard shoulder, child in the back"
    assert second.choices["road"].currentData() == RoadType.EXPRESSWAY
    assert second.derived().priority is Priority.P1

    # Submitting forgets the draft; discarding does too.
    second.set_location(31.2, 121.4)
    assert second.submit() is not None
    assert not qsettings.contains(draft_key(""))


def test_escape_keeps_the_draft_and_discard_forgets_it(
    qtbot: QtBot, fake_source: FakeQueueSource, qsettings: QSettings, clock: FakeClock
) -> None:
    dialog = make_dialog(qtbot, fake_source, qsettings, clock)
    qtbot.keyClicks(dialog.texts["make_model"], "Tesla Model 3")
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert not dialog.isVisible()
    assert qsettings.contains(draft_key(""))
    again = make_dialog(qtbot, fake_source, qsettings, clock)
    qtbot.mouseClick(again.discard_draft_button, Qt.MouseButton.LeftButton)
    assert not qsettings.contains(draft_key(""))
    assert not again.draft_banner.isVisible()
    # An empty form leaves nothing behind.
    again.close()
    assert not qsettings.contains(draft_key(""))


def test_a_refused_intake_stores_nothing_and_keeps_the_form(
    qtbot: QtBot, fake_source: FakeQueueSource, qsettings: QSettings, clock: FakeClock
) -> None:
    fake_source.fail_moves = IllegalTransition(
        "lifecycle.illegal", from_status="NEW", to_status="TRIAGE"
    )
    dialog = make_dialog(qtbot, fake_source, qsettings, clock)
    before = dict(fake_source.rows)
    dialog.texts["phone"].setText("13812345678")
    dialog.set_location(30.27, 120.15)
    assert dialog.submit() is None
    assert fake_source.rows == before, "the call is stored whole or not at all"
    assert dialog.texts["phone"].text() == "13812345678"
    assert "cannot move from New to Triage" in dialog.form_error.text()


def test_outside_the_service_area_is_a_warning_not_an_error(
    qtbot: QtBot, fake_source: FakeQueueSource, qsettings: QSettings, clock: FakeClock
) -> None:
    dialog = make_dialog(qtbot, fake_source, qsettings, clock)
    dialog.texts["phone"].setText("13812345678")
    dialog.set_location(35.68, 139.69)  # Tokyo
    assert dialog.area_warning.isVisible()
    assert "outside the service area" in dialog.area_warning.text()
    assert dialog.submit() is not None


def test_city_centre_and_pasted_coordinates(
    qtbot: QtBot, fake_source: FakeQueueSource, qsettings: QSettings, clock: FakeClock
) -> None:
    dialog = make_dialog(qtbot, fake_source, qsettings, clock)
    dialog.use_city_centre()
    assert dialog.errors["city"].text() == "Choose a city from the list first."
    dialog.city.setCurrentIndex(dialog.city.findData("杭州"))
    dialog.use_city_centre()
    assert (dialog.texts["lat"].text(), dialog.texts["lon"].text()) == ("30.250000", "120.160000")
    dialog.texts["lat"].setText("31.2304, 121.4737")
    assert (dialog.texts["lat"].text(), dialog.texts["lon"].text()) == ("31.230400", "121.473700")


def test_tab_order_follows_the_protocol(
    qtbot: QtBot, fake_source: FakeQueueSource, qsettings: QSettings, clock: FakeClock
) -> None:
    dialog = make_dialog(qtbot, fake_source, qsettings, clock)
    seen: list[str] = []
    widget: QWidget | None = dialog.checks["live_lane"]
    while widget is not None and len(seen) < 40:
        name = widget.objectName()
        if name.startswith("intake_") and name not in seen:
            seen.append(name)
        if widget is dialog.create_button:
            break
        widget = widget.nextInFocusChain()
    order = [
        "intake_live_lane",
        "intake_injuries",
        "intake_smoke",
        "intake_ev_warning",
        "intake_vulnerable",
        "intake_phone",
        "intake_name",
        "intake_language",
        "intake_city_combo",
        "intake_lat",
        "intake_lon",
        "intake_address",
        "intake_road",
        "intake_plate",
        "intake_make_model",
        "intake_powertrain",
        "intake_vehicle_class",
        "intake_awd",
        "intake_service",
        "intake_resolved",
        "intake_scheduled",
        "intake_notes",
        "intake_override",
        "intake_override_priority",
        "intake_override_reason",
    ]
    assert [name for name in seen if name in order] == order


def test_the_dialog_speaks_chinese(
    qtbot: QtBot,
    qapp: QApplication,
    fake_source: FakeQueueSource,
    qsettings: QSettings,
    clock: FakeClock,
) -> None:
    dialog = make_dialog(qtbot, fake_source, qsettings, clock)
    dialog.checks["smoke"].setChecked(True)
    install_language(qapp, "zh")
    qtbot.waitUntil(lambda: dialog.windowTitle() == "新来电", timeout=3000)
    assert dialog.checks["injuries"].text() == "是否有人受伤？"
    assert dialog.priority_label.text() == "P1 — 冒烟或起火"
    assert dialog.choices["service"].currentText() == "拖车"
    assert dialog.create_button.text() == "创建工单"
    assert dialog.city.findText("杭州 · 浙江") >= 0
    dialog.submit()
    assert dialog.errors["phone"].text() == "来电人电话为必填项。"
