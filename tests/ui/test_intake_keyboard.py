"""Intake in one pass by keyboard: one tab order, ranked city search, faults that pick a service."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from console.core.vocab import Powertrain, Priority, ServiceType
from console.db.backend import DatabaseBackend
from console.ui.i18n import install_language
from console.ui.intake_dialog import IntakeDialog
from tests.support.workspace import open_backend, seeded_sqlite
from tests.ui.conftest import FakeClock

WAIT_MS = 5000


@pytest.fixture
def backend(tmp_path: Path) -> Iterator[DatabaseBackend]:
    engine, backend = open_backend(seeded_sqlite(tmp_path, requests=0), "dispatcher:intake")
    yield backend
    engine.dispose()


@pytest.fixture
def dialog(
    qtbot: QtBot, backend: DatabaseBackend, qsettings: QSettings, clock: FakeClock
) -> IntakeDialog:
    dialog = IntakeDialog(backend, qsettings, depots=backend.depots(), clock=clock)
    qtbot.addWidget(dialog)
    with qtbot.waitExposed(dialog):
        dialog.show()
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow, timeout=WAIT_MS)
    return dialog


def choose(dialog: IntakeDialog, key: str, code: str) -> None:
    combo = dialog.choices[key]
    combo.setCurrentIndex(combo.findData(code))


def choose_fault(dialog: IntakeDialog, code: str) -> None:
    dialog.fault.setCurrentIndex(dialog.fault.findData(code))


def tab_inputs(dialog: IntakeDialog) -> list[QWidget]:
    """Every input Tab should reach: enabled, shown, taking focus by Tab."""
    found = []
    for widget in dialog.findChildren(QWidget):
        if (
            widget.isVisible()
            and widget.isEnabled()
            and widget.focusPolicy() & Qt.FocusPolicy.TabFocus
            and widget.focusProxy() is None
        ):
            found.append(widget)
    return found


def test_tab_visits_every_enabled_input_once_including_guidance_and_the_quote(
    qtbot: QtBot, dialog: IntakeDialog
) -> None:
    quote = dialog.quote
    assert quote is not None
    dialog.texts["phone"].setText("13812345678")
    dialog.set_location(30.27, 120.15)
    choose(dialog, "service", ServiceType.TOW)
    quote.requote()
    qtbot.waitUntil(quote.table.isVisible, timeout=WAIT_MS)
    first = dialog.checks["live_lane"]
    first.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is first, timeout=WAIT_MS)
    visited: list[QWidget] = []
    for _ in range(200):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        focused = QApplication.focusWidget()
        assert focused is not None
        if focused is first:
            break
        visited.append(focused)
    else:
        pytest.fail(f"Tab never came back to the first field: trapped at {visited[-1]}")
    names = [w.objectName() or type(w).__name__ for w in visited]
    assert len(set(map(id, visited))) == len(visited), f"visited twice: {names}"
    expected = {id(w): w for w in tab_inputs(dialog) if w is not first}
    missed = [w.objectName() or type(w).__name__ for k, w in expected.items()
              if k not in set(map(id, visited))]  # fmt: skip
    assert missed == []
    for widget in (dialog.guide_button, quote.table, quote.lookup, quote.accept_box, dialog.fault):
        assert widget in visited
    # The protocol order: the quote comes after the service it prices, the buttons last.
    assert visited.index(dialog.fault) < visited.index(quote.lookup) < visited.index(dialog.notes)
    assert visited.index(dialog.notes) < visited.index(dialog.guide_button)


def test_hangzhou_is_offered_first_and_enter_takes_it_with_its_coordinates(
    qtbot: QtBot, dialog: IntakeDialog
) -> None:
    dialog.city.setFocus()
    qtbot.keyClicks(dialog.city, "Hangzhou")
    model = dialog.city_completer.completionModel()
    offered = [model.index(i, 0).data() for i in range(model.rowCount())]
    assert offered[0].startswith("Hangzhou")
    assert any(text.startswith("Changzhou") for text in offered[1:])
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    assert dialog.city.currentData() == "杭州"
    assert dialog.texts["lat"].text().startswith("30.")
    assert dialog.texts["lon"].text().startswith("120.")
    assert dialog.isVisible() and dialog.created is None  # Enter did not submit the call


def test_chinese_and_a_prefix_rank_the_same_way(qtbot: QtBot, dialog: IntakeDialog) -> None:
    assert dialog.city_completer.matches("杭州")[0] == "杭州"
    assert dialog.city_completer.matches("hang")[0] == "杭州"
    dialog.city.setFocus()
    qtbot.keyClicks(dialog.city, "shang")
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Enter)
    assert dialog.city.currentData() == "上海"


def test_typed_coordinates_are_not_overwritten_by_a_city(
    qtbot: QtBot, dialog: IntakeDialog
) -> None:
    dialog.set_location(30.5, 120.5)
    dialog.city.setFocus()
    qtbot.keyClicks(dialog.city, "Hangzhou")
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    assert dialog.city.currentData() == "杭州"
    assert dialog.texts["lat"].text() == "30.500000"


@pytest.mark.parametrize(
    ("language", "message"),
    [("en", "Enter a location or pick a city."), ("zh", "请输入位置或选择城市。")],
)
def test_no_location_asks_for_one_instead_of_two_number_errors(
    qtbot: QtBot, qapp: QApplication, dialog: IntakeDialog, language: str, message: str
) -> None:
    install_language(qapp, language)
    dialog.texts["phone"].setText("13812345678")
    assert dialog.submit() is None
    assert dialog.errors["coordinates"].text() == message
    assert dialog.errors["coordinates"].isVisible()


def test_the_fault_the_caller_describes_picks_the_service_for_the_powertrain(
    dialog: IntakeDialog,
) -> None:
    choose(dialog, "powertrain", Powertrain.EV)
    choose_fault(dialog, "OUT_OF_FUEL")
    assert dialog.choices["service"].currentData() == ServiceType.EV_CHARGING
    choose(dialog, "powertrain", Powertrain.ICE)
    assert dialog.choices["service"].currentData() == ServiceType.FUEL_DELIVERY
    choose_fault(dialog, "FLAT_TYRE")
    assert dialog.choices["service"].currentData() == ServiceType.TYRE_CHANGE
    assert dialog.derived().priority is Priority.P2


def test_an_ev_warning_or_an_accident_makes_the_call_a_safety_call(dialog: IntakeDialog) -> None:
    choose_fault(dialog, "EV_WARNING")
    assert dialog.checks["ev_warning"].isChecked()
    assert dialog.choices["service"].currentData() == ServiceType.EV_HV_CHECK
    assert dialog.derived().priority is Priority.P1
    dialog.checks["ev_warning"].setChecked(False)
    choose_fault(dialog, "ACCIDENT")
    assert dialog.choices["service"].currentData() == ServiceType.TOW
    assert dialog.priority_label.text() == "P1 — Collision reported"
    assert "ask whether anyone is hurt" in dialog.safety_advice.text()


def test_the_fault_list_speaks_both_languages(qapp: QApplication, dialog: IntakeDialog) -> None:
    texts = [dialog.fault.itemText(i) for i in range(dialog.fault.count())]
    assert "Won't start" in texts and "Flat tyre" in texts
    install_language(qapp, "zh")
    QApplication.processEvents()
    zh = [dialog.fault.itemText(i) for i in range(dialog.fault.count())]
    assert "无法启动" in zh and "爆胎" in zh


def test_the_form_opens_inside_a_1366x768_screen_with_its_buttons_in_view(
    dialog: IntakeDialog,
) -> None:
    assert dialog.width() <= 1366 and dialog.height() <= 768 - 80
    for button in (dialog.guide_button, dialog.create_button, dialog.close_button):
        corner = button.mapTo(dialog, button.rect().bottomRight())
        assert button.isVisible() and dialog.rect().contains(corner)
